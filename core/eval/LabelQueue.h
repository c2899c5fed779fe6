#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/Label.h"
#include "store/LabellerVotes.h"
#include "store/RunStore.h"

namespace flystage {

// What to label next (active learning): the images where a label teaches the model most.
enum class QueueStrategy {
  LeastConfident,     // the lowest top probability first
  StageBoundary,      // the two most probable stages closest first: between two stages
  RangeDisagreement,  // range-labelled images predicted outside their range, most mass outside
  LabellerConflict,   // images whose labellers disagree, largest stage distance first
};

std::string queueStrategyName(QueueStrategy s);  // "least-confident", "stage-boundary", ...
std::optional<QueueStrategy> parseQueueStrategy(const std::string& text);

struct QueueEntry {
  std::int64_t imageId = 0;
  double score = 0;         // in [0, 1]; higher: label sooner
  int predictedStage = 0;   // the most probable stage (4..17) of the probabilities ranked
  int runnerUpStage = 0;    // the second most probable stage
  double confidence = 0;    // the top probability
  double margin = 0;        // top minus second probability
  double outsideRange = 0;  // probability outside the image's range label (0 without one)
};

// Ranks the images that have a prediction but no precise stage yet (a stage-labelled image
// needs no label), best candidate first, ties by ascending image id. `labels`: the current
// label of each image (an image missing from it is unlabelled). Images labelled 1-3 are
// never queued, by any strategy: the range holds no precise stage the model predicts (4..17).
// LeastConfident and StageBoundary rank the call (the range-constrained one where the
// prediction has it: StoredPrediction::callProbabilities()). RangeDisagreement keeps only
// range-labelled images whose unconstrained predicted stage lies outside their range, and
// ranks those by that model's probability outside the range. Throws flystage::Error when a
// prediction does not hold the 14 probabilities of stages 4..17. LabellerConflict needs the
// labellers' votes, not predictions: rankLabellerConflicts (here it ranks nothing).
std::vector<QueueEntry> rankForLabelling(const std::vector<StoredPrediction>& predictions,
                                         const std::map<std::int64_t, Label>& labels,
                                         QueueStrategy strategy);

// The images whose labellers' latest stages differ (LabellerVotes), the largest stage
// distance first, ties by ascending image id: where a third look settles most. score: the
// distance over 16 (1..17 apart at most); predictedStage and runnerUpStage: the lowest and the
// highest stage given.
std::vector<QueueEntry> rankLabellerConflicts(const std::vector<LabellerVote>& votes);

}  // namespace flystage
