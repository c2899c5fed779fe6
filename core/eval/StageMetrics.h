#pragma once

#include <array>
#include <string>
#include <vector>

#include "data/Stage.h"

namespace flystage {

// Precise-stage evaluation as in the paper's Table II, plus stage-aware figures: a
// neighbouring-stage error inside the right range is a smaller mistake than a wrong range.
struct StageMetrics {
  int nTest = 0;
  std::array<int, kNumFineStages> perStageCount{};
  std::array<double, kNumFineStages> perStageAccuracy{};  // NaN where a stage has no image
  double meanPerStageAccuracy = 0;  // mean over stages that have images (Table II's figure)
  double overallAccuracy = 0;
  double withinOneStageAccuracy = 0;
  double meanAbsoluteStageError = 0;
  double errorsInsideTrueRange = 0;  // share of the errors that stay in the true range
  // confusion[t][p]: images of true stage 4+t predicted as 4+p.
  std::array<std::array<int, kNumFineStages>, kNumFineStages> confusion{};
};

// Stages are 4..17; throws std::invalid_argument on other values or unequal lengths.
StageMetrics computeStageMetrics(const std::vector<int>& trueStages,
                                 const std::vector<int>& predictedStages);

// JSON with "stages", "per_stage_accuracy", "mean_per_stage_accuracy", "overall_accuracy",
// "within_one_stage_accuracy", "mean_absolute_stage_error", "errors_inside_true_range",
// "confusion", "n_test" (and "method" when given).
std::string stageMetricsJson(const StageMetrics& m, const std::string& method = {});
StageMetrics stageMetricsFromJson(const std::string& json);

struct MeanSpread {
  double mean = 0;
  double sd = 0;  // sample standard deviation; 0 for a single value
  int n = 0;
};
MeanSpread meanSpread(const std::vector<double>& values);

}  // namespace flystage
