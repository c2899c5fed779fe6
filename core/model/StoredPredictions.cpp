#include "model/StoredPredictions.h"

#include <algorithm>

#include "store/Project.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"

namespace flystage {

std::vector<StoredPrediction> toStoredPredictions(const std::vector<StagePrediction>& preds) {
  std::vector<StoredPrediction> stored;
  stored.reserve(preds.size());
  for (const auto& p : preds)
    stored.push_back({p.imageId, p.stage, p.probability,
                      std::vector<float>(p.probabilities.begin(), p.probabilities.end())});
  return stored;
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
