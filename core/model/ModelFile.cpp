#include "model/ModelFile.h"

#include <sstream>

#include "util/Error.h"
#include "util/Sha256.h"

namespace flystage {

std::string archiveBytes(const std::function<void(torch::serialize::OutputArchive&)>& fill) {
  torch::serialize::OutputArchive archive;
  fill(archive);
  std::ostringstream out;
  archive.save_to(out);
  return out.str();
}

void readArchive(const std::string& bytes,
                 const std::function<void(torch::serialize::InputArchive&)>& use) {
  std::istringstream in(bytes);
  torch::serialize::InputArchive archive;
  archive.load_from(in);
  use(archive);
}

ModelBlob saveModel(ResNet& model) {
  ModelBlob blob;
  blob.specJson = model->spec.toJson();
  const auto device = model->parameters().front().device();
  model->to(torch::kCPU);
  blob.weights = archiveBytes([&](auto& a) {
    a.write("format_version", torch::tensor(kModelFormatVersion));
    model->save(a);
  });
  model->to(device);
  blob.sha256 = sha256Hex(blob.weights);
  return blob;
}

ResNet loadModel(const ModelBlob& blob) {
  if (sha256Hex(blob.weights) != blob.sha256)
    throw Error(
        "model weights fail their checksum (the file was changed or damaged); retrain "
        "or restore the project from a backup");
  const ModelSpec spec = ModelSpec::fromJson(blob.specJson);
  ResNet model(spec);
  // torch's load replaces tensors whatever their shape, so shapes are checked here.
  std::vector<std::vector<int64_t>> shapes;
  for (const auto& t : model->parameters()) shapes.push_back(t.sizes().vec());
  for (const auto& t : model->buffers()) shapes.push_back(t.sizes().vec());
  try {
    readArchive(blob.weights, [&](auto& a) {
      torch::Tensor version;
      a.read("format_version", version);
      if (version.item<int>() != kModelFormatVersion)
        throw Error("model format version " + std::to_string(version.item<int>()) +
                    " is not the supported " + std::to_string(kModelFormatVersion));
      model->load(a);
    });
    std::size_t i = 0;
    for (const auto& t : model->parameters())
      if (t.sizes().vec() != shapes[i++]) throw std::runtime_error("a weight has the wrong shape");
    for (const auto& t : model->buffers())
      if (t.sizes().vec() != shapes[i++]) throw std::runtime_error("a buffer has the wrong shape");
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(std::string("model weights do not match their architecture (") +
                std::string(e.what()).substr(0, 160) + ")");
  }
  model->setChannelsLast(true);  // loading takes the stored tensors' layout
  model->eval();
  return model;
}

}  // namespace flystage
