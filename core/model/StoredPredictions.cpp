#include "model/StoredPredictions.h"

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>

#include "model/RangeConstraint.h"
#include "store/Project.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"

namespace flystage {

std::vector<StoredPrediction> toStoredPredictions(const std::vector<StagePrediction>& preds) {
  std::vector<StoredPrediction> stored;
  stored.reserve(preds.size());
  for (const auto& p : preds) {
    StoredPrediction s;
    s.imageId = p.imageId;
    s.stage = p.stage;
    s.probability = p.probability;
    s.probabilities.assign(p.probabilities.begin(), p.probabilities.end());
    s.rangeConstraint = p.rangeConstraint;
    s.range = p.range;
    s.constrainedStage = p.constrainedStage;
    if (p.constrainedStage) {
      s.constrainedProbability = p.constrainedProbability;
      s.constrainedProbabilities.assign(p.constrainedProbabilities.begin(),
                                        p.constrainedProbabilities.end());
    }
    stored.push_back(std::move(s));
  }
  return stored;
}

std::map<std::int64_t, StageRange> knownRanges(Project& project,
                                               const std::vector<std::int64_t>& imageIds) {
  std::vector<std::int64_t> wanted(imageIds);
  std::sort(wanted.begin(), wanted.end());
  SQLite::Statement q(project.db(),
                      "SELECT image_id, stage_range FROM labels WHERE stage_range IS NOT NULL");
  std::map<std::int64_t, StageRange> out;
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    if (!std::binary_search(wanted.begin(), wanted.end(), id)) continue;
    if (const auto r = parseStageRange(q.getColumn(1).getString())) out.emplace(id, *r);
  }
  return out;
}

std::optional<std::int64_t> runWithMostPredictions(Project& project) {
  std::optional<std::int64_t> best;
  int most = 0;
  for (const auto& run : runstore::runs(project)) {  // status as runs() says it
    if (run.status != "finished") continue;
    SQLite::Statement q(project.db(), "SELECT count(*) FROM predictions WHERE run_id = ?");
    q.bind(1, static_cast<int64_t>(run.id));
    const int n = q.executeStep() ? q.getColumn(0).getInt() : 0;
    if (n > 0 && (n > most || (n == most && best && run.id > *best))) {
      best = run.id;
      most = n;
    }
  }
  return best;
}

void constrainPrediction(StagePrediction& prediction, std::optional<StageRange> range) {
  prediction.rangeConstraint = true;
  prediction.range = range;
  prediction.constrainedStage.reset();
  prediction.constrainedProbability = 0;
  prediction.constrainedProbabilities.fill(0);
  if (!range) return;
  if (const auto c = constrainToRange(prediction.probabilities, *range)) {
    prediction.constrainedStage = c->stage;
    prediction.constrainedProbability = c->probability;
    prediction.constrainedProbabilities = c->probabilities;
  }
}

void constrainPrediction(StoredPrediction& prediction, std::optional<StageRange> range) {
  prediction.rangeConstraint = true;
  prediction.range = range;
  prediction.constrainedStage.reset();
  prediction.constrainedProbability = 0;
  prediction.constrainedProbabilities.clear();
  if (!range) return;
  if (const auto c = constrainToRange(prediction.probabilities, *range)) {
    prediction.constrainedStage = c->stage;
    prediction.constrainedProbability = c->probability;
    prediction.constrainedProbabilities.assign(c->probabilities.begin(), c->probabilities.end());
  }
}

std::size_t storePredictions(Project& project, std::int64_t runId,
                             const std::vector<StagePrediction>& preds) {
  // The checks run inside the transaction, so an image deleted meanwhile cannot slip past
  // them; without them SQLite says only "FOREIGN KEY constraint failed".
  WriteTransaction tx(project.db());
  if (!runstore::run(project, runId))
    throw Error("run #" + std::to_string(runId) + " does not exist: no prediction stored");
  auto ids = project.imageIds();  // one query, not one a prediction
  std::sort(ids.begin(), ids.end());
  for (const auto& p : preds)
    if (!std::binary_search(ids.begin(), ids.end(), p.imageId))
      throw Error("image #" + std::to_string(p.imageId) +
                  " is not in the project (deleted since the prediction?): no prediction stored");
  runstore::savePredictions(project, runId, toStoredPredictions(preds));  // joins `tx`
  tx.commit();
  return preds.size();
}

}  // namespace flystage
