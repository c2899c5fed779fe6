#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "data/Stage.h"
#include "data/StageRange.h"
#include "util/Progress.h"

namespace flystage {

class Project;

struct StagePrediction {
  std::int64_t imageId = 0;
  int stage = 0;                                      // 4..17
  double probability = 0;                             // of that stage
  std::array<float, kNumFineStages> probabilities{};  // stages 4..17
  // Range-aware prediction: as StoredPrediction (store/RunStore.h) keeps it.
  bool rangeConstraint = false;         // asked for
  std::optional<StageRange> range;      // the known range the constraint looked at
  std::optional<int> constrainedStage;  // the most probable stage inside a 4-6..13-17 range
  double constrainedProbability = 0;
  std::array<float, kNumFineStages> constrainedProbabilities{};  // renormalized; 0 outside

  // The stage call: the constrained stage when there is one, else the unconstrained `stage`.
  int call() const { return constrainedStage.value_or(stage); }
  double callProbability() const { return constrainedStage ? constrainedProbability : probability; }
};

struct PredictOptions {
  // The call of an image with a known range (4-6..13-17) is the most probable stage inside it.
  bool rangeConstraint = true;
};

// Predicts the precise stage of stored images with a finished run's model (network or
// Gabor baseline), in batches, so any number of images fits in memory. The model is
// checked (checksum, architecture) before use. With options.rangeConstraint (the default),
// each image's range label (read once) constrains its call; see model/RangeConstraint.h.
std::vector<StagePrediction> predictStages(Project& project, std::int64_t runId,
                                           const std::vector<std::int64_t>& imageIds,
                                           const ProgressFn& progress = {},
                                           const CancelToken* cancel = nullptr,
                                           const PredictOptions& options = {});

}  // namespace flystage
