#include "model/ModelFile.h"

#include <set>

#include "model/TensorFile.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/Error.h"
#include "util/Sha256.h"

namespace flystage {

namespace {

std::vector<std::pair<std::string, torch::Tensor>> namedState(ResNet& model) {
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (const auto& p : model->named_parameters()) out.emplace_back(p.key(), p.value());
  for (const auto& b : model->named_buffers()) out.emplace_back(b.key(), b.value());
  return out;
}

}  // namespace

void appendModelTensors(ResNet& model, const std::string& prefix,
                        std::vector<std::pair<std::string, torch::Tensor>>& out) {
  for (auto& [name, t] : namedState(model)) out.emplace_back(prefix + name, t.detach().cpu());
}

void loadModelTensors(ResNet& model, const TensorFile& file, const std::string& prefix,
                      const std::string& what) {
  const auto state = namedState(model);
  std::set<std::string> expected;
  for (const auto& [name, t] : state) expected.insert(prefix + name);
  for (const auto& [name, t] : file.tensors)
    if (name.compare(0, prefix.size(), prefix) == 0 && !expected.count(name))
      throw Error(what + " does not match its architecture (unexpected tensor '" + name + "')");
  torch::NoGradGuard guard;
  for (const auto& [name, target] : state) {
    const auto* stored = file.find(prefix + name);
    if (!stored)
      throw Error(what + " does not match its architecture (no tensor '" + prefix + name + "')");
    if (stored->scalar_type() != target.scalar_type() || stored->sizes() != target.sizes())
      throw Error(what + " does not match its architecture (tensor '" + prefix + name +
                  "' has the wrong type or shape)");
    if (stored->is_floating_point() && !torch::isfinite(*stored).all().item<bool>())
      throw Error(what + " holds NaN or infinite weights (tensor '" + prefix + name +
                  "'); retrain it");
    auto t = target;  // a handle on the model's own tensor
    t.copy_(*stored);
  }
}

ModelBlob saveModel(ResNet& model) {
  ModelBlob blob;
  blob.specJson = model->spec.toJson();
  TensorFile file;
  file.metadata = {{"format", kWeightsFormat},
                   {"format_version", std::to_string(kModelFormatVersion)},
                   {"kind", "resnet"}};
  appendModelTensors(model, "", file.tensors);
  blob.weights = writeTensorFile(file);
  blob.sha256 = sha256Hex(blob.weights);
  return blob;
}

namespace {

void checkChecksum(const ModelBlob& blob, const std::string& what) {
  if (sha256Hex(blob.weights) != blob.sha256)
    throw Error(what +
                "'s weights fail their checksum (the file was changed or damaged); retrain "
                "or restore the project from a backup");
}

}  // namespace

ResNet loadModel(const ModelBlob& blob, const std::string& what) {
  checkChecksum(blob, what);
  return loadCheckedModel(blob, what);
}

ResNet loadCheckedModel(const ModelBlob& blob, const std::string& what) {
  const ModelSpec spec = ModelSpec::fromJson(blob.specJson);  // bounds-checked
  const TensorFile file = readTensorFile(blob.weights, what);
  auto meta = [&](const char* key) {
    const auto it = file.metadata.find(key);
    return it == file.metadata.end() ? std::string() : it->second;
  };
  if (meta("format") != kWeightsFormat || meta("kind") != "resnet")
    throw Error(what + " is not a FlyStage network's weights; retrain it");
  if (meta("format_version") != std::to_string(kModelFormatVersion))
    throw Error(what + " has weights format version '" + meta("format_version") +
                "', not the supported " + std::to_string(kModelFormatVersion) +
                "; open the project with the FlyStage that made it");
  ResNet model(spec);
  loadModelTensors(model, file, "", what);
  model->setChannelsLast(true);
  model->eval();
  return model;
}

ModelBlob storedModelBlob(Project& project, std::int64_t run, const std::string& role,
                          std::string& what, const std::string& whenMissing) {
  const auto stored = runstore::model(project, run, role);
  if (!stored)
    throw Error(!whenMissing.empty()
                    ? whenMissing
                    : project.file().string() + ": run #" + std::to_string(run) + " has no " +
                          role + " model; finish or resume the run first");
  what = project.file().string() + ": run #" + std::to_string(run) + "'s " +
         (role == "final" ? std::string("model") : role + " model");
  if (isLegacyTorchArchive(stored->weights))
    throw Error(legacyArchiveMessage(what, project.file().string()));
  ModelBlob blob{stored->specJson, stored->weights, stored->sha256};
  checkChecksum(blob, what);
  return blob;
}

ResNet loadStoredModel(Project& project, std::int64_t run, const std::string& role,
                       const std::string& whenMissing) {
  std::string what;
  const ModelBlob blob = storedModelBlob(project, run, role, what, whenMissing);
  return loadCheckedModel(blob, what);  // the checksum was just checked
}

}  // namespace flystage
