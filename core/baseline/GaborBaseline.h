#pragma once

#include <cstdint>

#include "train/TrainConfig.h"
#include "train/Trainer.h"

namespace flystage {

class Project;

// Yuan et al. (2013): log-Gabor features + a linear (softmax) classifier, trained and
// evaluated on the same split as the networks and recorded as a run. The L2 strength is
// chosen on the validation part, never on the test part.
std::int64_t trainGabor(Project& project, const TrainConfig& config,
                        const TrainCallbacks& callbacks);

}  // namespace flystage
