#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eval/StageMetrics.h"
#include "store/RunStore.h"

namespace flystage {

// A run's test figures with each test image's call constrained to the range its curator gave
// (model/RangeConstraint.h): what staging a range-labelled collection gains.
struct ConstrainedTestMetrics {
  StageMetrics metrics;  // every test image; the unconstrained call where no curator's range
  // Test images whose call a curator's range constrained. A range derived from the image's
  // own stage label (RunImage::rangeFromStage) would give the answer away: it is not used.
  int constrainedN = 0;
};

// The call a test image counts with in the range-constrained figures: its prediction constrained
// to the image's range unless that range was derived from its stage. `constrained` (when given)
// says whether a range constrained it.
int constrainedTestCall(const RunImage& image, const StoredPrediction& prediction,
                        bool* constrained = nullptr);

// From the run's images (test part: the true stages; the ranges as the run snapshot them) and
// its stored predictions (the unconstrained probabilities). The one function behind the
// figures stored at the end of training and those computed on read for runs finished before
// range-aware prediction. nullopt when a test image has no prediction, or no test image.
std::optional<ConstrainedTestMetrics> constrainedTestMetrics(
    const std::vector<RunImage>& runImages, const std::vector<StoredPrediction>& predictions);

// stageMetricsJson plus "constrained_n" (stored as the run's metric "test_constrained").
std::string constrainedMetricsJson(const ConstrainedTestMetrics& m, const std::string& method = {});
ConstrainedTestMetrics constrainedMetricsFromJson(const std::string& json);

}  // namespace flystage
