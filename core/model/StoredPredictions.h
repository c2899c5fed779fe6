#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "model/Predictor.h"
#include "store/RunStore.h"

namespace flystage {

class Project;

// Predictions as the project and the prediction shards keep them (the 14 probabilities of
// stages 4..17 as floats), in the same order.
std::vector<StoredPrediction> toStoredPredictions(const std::vector<StagePrediction>& preds);

// The range label of every image of `imageIds` that has one (labels.stage_range), in one query.
std::map<std::int64_t, StageRange> knownRanges(Project& project,
                                               const std::vector<std::int64_t>& imageIds);

// The finished run with the most stored predictions (ties: the newest), none when no finished
// run has any: the run a project's browser shows first when the user never chose one (the
// demo stores its last two-step run's predictions of every image).
std::optional<std::int64_t> runWithMostPredictions(Project& project);

// Sets the range-aware fields as predicting with the range constraint on does: rangeConstraint,
// the range looked at, and the constrained call where `range` holds a precise stage
// (4-6..13-17); no range, or 1-3, leaves the constrained call empty. The one function behind
// predict, shard merges of v1 files and the constrained figures of runs stored before it.
void constrainPrediction(StagePrediction& prediction, std::optional<StageRange> range);
void constrainPrediction(StoredPrediction& prediction, std::optional<StageRange> range);

// Keeps `preds` as run `runId`'s predictions, in one WriteTransaction: all of them or none.
// An image predicted again replaces its earlier prediction of this run; the run's predictions
// of other images stay. Throws flystage::Error (nothing stored) for a run or an image the
// project does not have. Returns the number stored.
std::size_t storePredictions(Project& project, std::int64_t runId,
                             const std::vector<StagePrediction>& preds);

}  // namespace flystage
