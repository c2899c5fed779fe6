#pragma once

// Internal to core (torch): a training phase's state after an epoch, for resuming.
#include <string>
#include <vector>

#include <torch/torch.h>

#include "model/ResNet.h"

namespace flystage {

// The best epoch so far: a copy of every parameter and buffer, in the model's order.
struct BestEpoch {
  bool have = false;
  double score = -1;
  std::vector<torch::Tensor> tensors;
};

// The model, the optimizer's momentum and the best epoch as TensorFile bytes: data only,
// like the models (a checkpoint is read on resume, from a project that may come from anyone).
std::string checkpointBytes(ResNet& model, torch::optim::SGD& optimizer, const BestEpoch& best);

// Puts the state back into a model of the same architecture and its fresh optimizer; every
// tensor's name, type and shape is checked first (flystage::Error naming `what`).
BestEpoch restoreCheckpoint(const std::string& bytes, const std::string& what, ResNet& model,
                            torch::optim::SGD& optimizer);

}  // namespace flystage
