#include "train/Checkpoint.h"

#include "model/ModelFile.h"
#include "model/TensorFile.h"
#include "util/Error.h"

namespace flystage {

namespace {

// LibTorch keys an optimizer's per-parameter state by the parameter's TensorImpl address.
std::string stateKey(const torch::Tensor& parameter) {
  return c10::guts::to_string(parameter.unsafeGetTensorImpl());
}

std::vector<std::string> stateNames(ResNet& model) {
  std::vector<std::string> names;
  for (const auto& p : model->named_parameters()) names.push_back(p.key());
  for (const auto& b : model->named_buffers()) names.push_back(b.key());
  return names;
}

}  // namespace

std::string checkpointBytes(ResNet& model, torch::optim::SGD& optimizer, const BestEpoch& best) {
  TensorFile file;
  file.metadata = {{"format", kWeightsFormat},
                   {"format_version", std::to_string(kModelFormatVersion)},
                   {"kind", "checkpoint"}};
  appendModelTensors(model, "model.", file.tensors);
  auto& state = optimizer.state();
  for (const auto& p : model->named_parameters()) {
    const auto it = state.find(stateKey(p.value()));
    if (it == state.end()) continue;
    const auto& buffer = static_cast<torch::optim::SGDParamState&>(*it->second).momentum_buffer();
    if (buffer.defined()) file.tensors.emplace_back("momentum." + p.key(), buffer.detach().cpu());
  }
  file.tensors.emplace_back("best_score", torch::tensor(best.score, torch::kFloat64));
  if (best.have) {
    const auto names = stateNames(model);
    for (std::size_t i = 0; i < names.size(); ++i)
      file.tensors.emplace_back("best." + names[i], best.tensors.at(i).detach().cpu());
  }
  return writeTensorFile(file);
}

BestEpoch restoreCheckpoint(const std::string& bytes, const std::string& what, ResNet& model,
                            torch::optim::SGD& optimizer) {
  const TensorFile file = readTensorFile(bytes, what);
  const auto kind = file.metadata.find("kind");
  if (kind == file.metadata.end() || kind->second != "checkpoint")
    throw Error(what + " is not a FlyStage training checkpoint");
  loadModelTensors(model, file, "model.", what);

  auto& state = optimizer.state();
  state.clear();
  for (const auto& p : model->named_parameters()) {
    const auto* buffer = file.find("momentum." + p.key());
    if (!buffer) continue;
    if (buffer->scalar_type() != p.value().scalar_type() || buffer->sizes() != p.value().sizes())
      throw Error(what + "'s momentum for '" + p.key() + "' has the wrong type or shape");
    auto s = std::make_unique<torch::optim::SGDParamState>();
    s->momentum_buffer(buffer->to(p.value().device()).clone());
    state[stateKey(p.value())] = std::move(s);
  }

  BestEpoch best;
  const auto& score = file.at("best_score", what);
  if (score.scalar_type() != torch::kFloat64 || score.numel() != 1)
    throw Error(what + "'s best_score is not one number");
  best.score = score.item<double>();
  const auto names = stateNames(model);
  std::vector<torch::Tensor> current;
  for (const auto& p : model->parameters()) current.push_back(p);
  for (const auto& b : model->buffers()) current.push_back(b);
  best.have = file.find("best." + names.front()) != nullptr;
  if (best.have)
    for (std::size_t i = 0; i < names.size(); ++i) {
      const auto& t = file.at("best." + names[i], what);
      if (t.scalar_type() != current[i].scalar_type() || t.sizes() != current[i].sizes())
        throw Error(what + "'s best epoch does not match the model ('" + names[i] + "')");
      best.tensors.push_back(t.to(current[i].device()).clone());
    }
  return best;
}

}  // namespace flystage
