#pragma once

// A run's learned feature of stored images: F(x), the network's pooled feature before its
// stage head (ResNet::features). No torch in this interface.
#include <cstdint>
#include <string>
#include <vector>

#include "util/Progress.h"

namespace flystage {

class Project;

struct EmbryoFeatureSet {
  std::vector<std::int64_t> ids;  // one per row
  std::vector<float> values;      // ids.size() x featureSize, row-major
  int featureSize = 0;
  std::string modelSha256;  // of the run's final model (its weights)
};

// The sha256 of the run's final network; Error for a missing run, a run without a model or a
// Gabor baseline ("run #1 is a Gabor baseline: it has no learned feature; choose a network
// run").
std::string featureModelSha256(Project& project, std::int64_t run);

// F(x) of `ids` with the run's stored model (checked as predictStages checks it), in batches
// of 64; progress phase "features"; throws Cancelled when `cancel` is set.
EmbryoFeatureSet embryoFeatures(Project& project, std::int64_t run,
                                const std::vector<std::int64_t>& ids,
                                const ProgressFn& progress = {},
                                const CancelToken* cancel = nullptr);

}  // namespace flystage
