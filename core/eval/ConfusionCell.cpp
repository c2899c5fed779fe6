#include "eval/ConfusionCell.h"

#include <algorithm>
#include <map>
#include <string>

#include "data/Stage.h"
#include "eval/ConstrainedMetrics.h"
#include "store/RunStore.h"
#include "util/Error.h"

namespace flystage {

std::vector<std::int64_t> confusionCellImages(Project& project, std::int64_t runId, int trueStage,
                                              int predictedStage, bool rangeConstrained) {
  for (int stage : {trueStage, predictedStage})
    if (!isFineStage(stage))
      throw Error("confusion cell stage " + std::to_string(stage) +
                  " is not a precise stage; use 4..17");
  if (!runstore::run(project, runId))
    throw Error("there is no run #" + std::to_string(runId) + "; pick one from the runs list");
  // The truth is the run's snapshot, not today's label: a label refined after the run
  // must not move images between the cells the run's metrics counted them in.
  std::map<std::int64_t, const RunImage*> test;
  const auto images = runstore::runImages(project, runId);
  for (const auto& im : images)
    if (im.part == "test" && im.stage) test[im.imageId] = &im;
  // Predictions may also hold images outside the test part (predictions made later with
  // the run's model): only the test part is the matrix.
  std::vector<std::int64_t> ids;
  for (const auto& p : runstore::predictions(project, runId)) {
    const auto t = test.find(p.imageId);
    if (t == test.end() || *t->second->stage != trueStage) continue;
    if ((rangeConstrained ? constrainedTestCall(*t->second, p) : p.stage) == predictedStage)
      ids.push_back(p.imageId);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace flystage
