#pragma once

// Internal to core (torch): what every finished run stores, whatever its method.
#include <cstdint>
#include <string>

#include <torch/torch.h>

#include "train/RunData.h"

namespace flystage {

class Project;

// Stores the test predictions (probabilities: test rows x 14, in the order of data.test)
// and the test metrics of a run.
void storeTestResults(Project& project, std::int64_t runId, const std::string& method,
                      const RunData& data, const torch::Tensor& probabilities);

}  // namespace flystage
