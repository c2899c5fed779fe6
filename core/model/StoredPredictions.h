#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/Predictor.h"
#include "store/RunStore.h"

namespace flystage {

class Project;

// Predictions as the project and the prediction shards keep them (the 14 probabilities of
// stages 4..17 as floats), in the same order.
std::vector<StoredPrediction> toStoredPredictions(const std::vector<StagePrediction>& preds);

// Keeps `preds` as run `runId`'s predictions, in one WriteTransaction: all of them or none.
// An image predicted again replaces its earlier prediction of this run; the run's predictions
// of other images stay. Throws flystage::Error (nothing stored) for a run or an image the
// project does not have. Returns the number stored.
std::size_t storePredictions(Project& project, std::int64_t runId,
                             const std::vector<StagePrediction>& preds);

}  // namespace flystage
