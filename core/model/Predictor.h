#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "data/Stage.h"
#include "util/Progress.h"

namespace flystage {

class Project;

struct StagePrediction {
  std::int64_t imageId = 0;
  int stage = 0;                                      // 4..17
  double probability = 0;                             // of that stage
  std::array<float, kNumFineStages> probabilities{};  // stages 4..17
};

// Predicts the precise stage of stored images with a finished run's model (network or
// Gabor baseline), in batches, so any number of images fits in memory. The model is
// checked (checksum, architecture) before use.
std::vector<StagePrediction> predictStages(Project& project, std::int64_t runId,
                                           const std::vector<std::int64_t>& imageIds,
                                           const ProgressFn& progress = {},
                                           const CancelToken* cancel = nullptr);

}  // namespace flystage
