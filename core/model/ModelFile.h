#pragma once

// Internal to core (torch): a model's bytes with the checks made before any use.
#include <cstdint>
#include <string>

#include "model/ResNet.h"

namespace flystage {

class Project;

// Format version of the weights blob (TensorFile metadata "format_version"), checked on load.
// 1 was LibTorch's archive, which runs code when loaded: read only by LegacyArchive.
constexpr int kModelFormatVersion = 2;
inline constexpr const char* kWeightsFormat = "flystage-weights";

struct ModelBlob {
  std::string specJson;
  std::string weights;  // TensorFile bytes: every parameter and buffer by name
  std::string sha256;   // of weights
};

ModelBlob saveModel(ResNet& model);
// Checks the checksum, the architecture, every tensor's name, dtype and shape, and that the
// weights are finite before loading; a tampered, truncated, foreign or legacy blob gets
// flystage::Error naming `what`, never a crash and never code run. CPU, eval mode.
ResNet loadModel(const ModelBlob& blob, const std::string& what = "the model");
// loadModel without the checksum, for a blob storedModelBlob already checked (hashing a
// large model twice costs a tenth of a second).
ResNet loadCheckedModel(const ModelBlob& blob, const std::string& what);

// The run's stored model of `role` ("final", "data-level"), its checksum checked and a legacy
// archive refused, with errors that name the project and the run. `what` gets their name;
// `whenMissing` is the error when the run has no such model (a default when empty).
ModelBlob storedModelBlob(Project& project, std::int64_t run, const std::string& role,
                          std::string& what, const std::string& whenMissing = {});
// The run's stored network of `role`, loaded as loadModel does.
ResNet loadStoredModel(Project& project, std::int64_t run, const std::string& role,
                       const std::string& whenMissing = {});

// Every parameter and buffer by name, as TensorFile entries (for checkpoints).
void appendModelTensors(ResNet& model, const std::string& prefix,
                        std::vector<std::pair<std::string, torch::Tensor>>& out);
// Copies `prefix`+name tensors into the model's parameters and buffers: every name must be
// there with the model's dtype and shape, and nothing else under the prefix.
struct TensorFile;
void loadModelTensors(ResNet& model, const TensorFile& file, const std::string& prefix,
                      const std::string& what);

}  // namespace flystage
