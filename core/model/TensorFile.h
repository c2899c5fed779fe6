#pragma once

// Internal to core (torch): named tensors stored as data only.
//
// The safetensors layout: an 8-byte little-endian header length N, N bytes of JSON naming
// each tensor's dtype, shape and byte range ({"name": {"dtype": "F32", "shape": [2, 3],
// "data_offsets": [0, 24]}, "__metadata__": {"key": "value"}}), then the raw little-endian
// bytes. A project travels between labs, so what it stores must never run: this replaces
// LibTorch's archives (TorchScript, which executes code when loaded). Reading checks every
// bound before a byte is used; a damaged or hostile file gets flystage::Error.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace flystage {

struct TensorFile {
  std::vector<std::pair<std::string, torch::Tensor>> tensors;  // read: sorted by name
  std::map<std::string, std::string> metadata;

  const torch::Tensor* find(const std::string& name) const;
  // The named tensor; flystage::Error naming `what` and the tensor when it is missing.
  const torch::Tensor& at(const std::string& name, const std::string& what) const;
};

// CPU copies of the tensors, contiguous, in the order given. Names must be unique.
std::string writeTensorFile(const TensorFile& file);

// Refuses (flystage::Error, `what` names the thing read, e.g. "run #3's model"): a header
// longer than the data or than 64 MiB, JSON nested deeper than the layout needs, unknown
// dtypes, negative or overflowing shapes, byte ranges that do not match their shape or
// leave holes or overlap. The tensors own their memory (copied out of `bytes`).
TensorFile readTensorFile(const std::string& bytes, const std::string& what);

// The refusal of a legacy archive: `what` is the thing read, `project` the file to migrate.
std::string legacyArchiveMessage(const std::string& what, const std::string& project);

// True when `bytes` start like LibTorch's archive (a zip file): FlyStage's format before
// schema 3, which can run code when loaded and so is never read except by
// `flystage-cli migrate --trust-models`.
bool isLegacyTorchArchive(const std::string& bytes);

}  // namespace flystage
