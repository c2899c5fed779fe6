#pragma once

#include <cstdint>
#include <vector>

namespace flystage {

class Project;

// The images behind one cell of a run's test confusion matrix: the run's test images
// (run_images part "test", with the stage they had when the run took its snapshot) whose
// stored prediction is predictedStage. Ids ascending. Stages are 4..17; throws
// flystage::Error for another stage or a run that does not exist. A run without test
// predictions (not finished) gives none. `rangeConstrained`: the cell of the range-constrained
// matrix (each call constrained to the curator's range, as eval/ConstrainedMetrics counts it).
std::vector<std::int64_t> confusionCellImages(Project& project, std::int64_t runId, int trueStage,
                                              int predictedStage, bool rangeConstrained = false);

}  // namespace flystage
