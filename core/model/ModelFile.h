#pragma once

// Internal to core (torch): a model's bytes with the checks made before any use.
#include <string>

#include "model/ResNet.h"

namespace flystage {

// Format version of the weights blob, checked on load.
constexpr int kModelFormatVersion = 1;

struct ModelBlob {
  std::string specJson;
  std::string weights;  // torch archive bytes (parameters and buffers)
  std::string sha256;   // of weights
};

ModelBlob saveModel(ResNet& model);
// Checks the checksum and the architecture before loading; a tampered, truncated or
// foreign blob gets flystage::Error, never a crash. Loaded on CPU in eval mode.
ResNet loadModel(const ModelBlob& blob);

// Serialized state for checkpoints (model + optimizer).
std::string archiveBytes(const std::function<void(torch::serialize::OutputArchive&)>& fill);
void readArchive(const std::string& bytes,
                 const std::function<void(torch::serialize::InputArchive&)>& use);

}  // namespace flystage
