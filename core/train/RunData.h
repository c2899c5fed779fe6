#pragma once

// Internal to core (torch): the images of one run, decoded once into a uint8 tensor.
#include <cstdint>
#include <optional>
#include <vector>

#include <torch/torch.h>

#include "store/RunStore.h"
#include "util/Progress.h"

namespace flystage {

class Project;

struct RunData {
  std::vector<std::int64_t> ids;                    // image ids, one per row of `images`
  torch::Tensor images;                             // uint8, N x 3 x H x W, RGB
  std::vector<int> fineLabel;                       // class 0..13, or -1 without a precise stage
  std::vector<int> rangeLabel;                      // class 0..5, or -1 without a range
  std::vector<int> train, validation, test, range;  // row indices of each part
};

// The images a new run uses, from the project's labels and split: stage-labelled images
// by their part; range pretraining takes every range-labelled image that is not in the
// fine test part (no test leakage). Stored with the run, so a resumed or re-evaluated run
// sees exactly the same images.
// With splitSeed, the stage-labelled images are split afresh with that seed (stratified,
// the project's fractions) instead of using the project's split.
std::vector<RunImage> snapshotRunImages(Project& project,
                                        std::optional<std::uint64_t> splitSeed = std::nullopt);

RunData loadRunData(Project& project, const std::vector<RunImage>& snapshot, int height, int width,
                    const ProgressFn& progress, const CancelToken* cancel);

// Decodes stored standardized images to a uint8 N x 3 x height x width RGB tensor.
torch::Tensor loadImages(Project& project, const std::vector<std::int64_t>& ids, int height,
                         int width, const ProgressFn& progress = {},
                         const CancelToken* cancel = nullptr);

// uint8 rows -> float [0,1] on `device`.
torch::Tensor toInput(const torch::Tensor& u8, const torch::Device& device);

}  // namespace flystage
