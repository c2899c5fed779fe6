#include "train/RunResults.h"

#include "data/Stage.h"
#include "eval/ConstrainedMetrics.h"
#include "eval/StageMetrics.h"
#include "model/StoredPredictions.h"
#include "store/RunStore.h"

namespace flystage {

void storeTestResults(Project& project, std::int64_t runId, const std::string& method,
                      const RunData& data, const torch::Tensor& probabilities) {
  const auto probs = probabilities.to(torch::kFloat32).contiguous();
  // The stored calls are range-constrained as `predict` makes them (the labels' ranges now);
  // the figures below use the ranges the run snapshot, a curator's only.
  std::vector<std::int64_t> testIds;
  for (const auto i : data.test) testIds.push_back(data.ids[i]);
  const auto ranges = knownRanges(project, testIds);
  std::vector<StoredPrediction> preds;
  std::vector<int> truth, predicted;
  for (std::size_t i = 0; i < data.test.size(); ++i) {
    const auto row = probs[static_cast<long>(i)];
    const int cls = static_cast<int>(row.argmax().item<long>());
    StoredPrediction pr;
    pr.imageId = data.ids[data.test[i]];
    pr.stage = fineStageFromIndex(cls);
    pr.probability = row[cls].item<double>();
    pr.probabilities.assign(row.data_ptr<float>(), row.data_ptr<float>() + row.numel());
    const auto r = ranges.find(pr.imageId);
    constrainPrediction(pr, r == ranges.end() ? std::nullopt : std::optional(r->second));
    preds.push_back(std::move(pr));
    truth.push_back(fineStageFromIndex(data.fineLabel[data.test[i]]));
    predicted.push_back(fineStageFromIndex(cls));
  }
  runstore::savePredictions(project, runId, preds);
  const auto metrics = computeStageMetrics(truth, predicted);
  runstore::setMetric(project, runId, "test", metrics.meanPerStageAccuracy,
                      stageMetricsJson(metrics, method));
  if (const auto constrained = constrainedTestMetrics(runstore::runImages(project, runId), preds))
    runstore::setMetric(project, runId, "test_constrained",
                        constrained->metrics.meanPerStageAccuracy,
                        constrainedMetricsJson(*constrained, method));
}

}  // namespace flystage
