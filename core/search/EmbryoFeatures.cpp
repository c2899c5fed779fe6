#include "search/EmbryoFeatures.h"

#include <torch/torch.h>

#include "model/CpuMemoryPool.h"
#include "model/Device.h"
#include "model/ModelFile.h"
#include "store/ImportedModel.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "train/RunData.h"
#include "util/Error.h"

namespace flystage {

namespace {

ModelBlob networkBlob(Project& project, std::int64_t run, std::string& what) {
  const auto record = runstore::run(project, run);
  if (!record) throw Error(project.file().string() + ": there is no run #" + std::to_string(run));
  if (trainedMethodName(record->method) == "gabor")
    throw Error("run #" + std::to_string(run) +
                " is a Gabor baseline: it has no learned feature; choose a network run");
  return storedModelBlob(project, run, "final", what,
                         "run #" + std::to_string(run) + " has no trained model (status: " +
                             record->status + "); finish or resume it first");
}

}  // namespace

std::string featureModelSha256(Project& project, std::int64_t run) {
  std::string what;
  return networkBlob(project, run, what).sha256;
}

EmbryoFeatureSet embryoFeatures(Project& project, std::int64_t run,
                                const std::vector<std::int64_t>& ids, const ProgressFn& progress,
                                const CancelToken* cancel) {
  std::string what;
  const ModelBlob stored = networkBlob(project, run, what);
  ensureDeviceConfigured();
  ResNet model = loadCheckedModel(stored, what);
  model->eval();
  const torch::Device device(resolveDevice("auto") == "cuda" ? torch::kCUDA : torch::kCPU);
  model->to(device);
  const int height = model->spec.inputHeight, width = model->spec.inputWidth;
  EmbryoFeatureSet out;
  out.featureSize = model->spec.featureSize();
  out.modelSha256 = stored.sha256;
  out.ids = ids;
  out.values.reserve(ids.size() * static_cast<std::size_t>(out.featureSize));
  torch::NoGradGuard guard;
  const CpuMemoryPoolScope pool;
  const std::size_t batch = 64;
  for (std::size_t from = 0; from < ids.size(); from += batch) {
    if (cancel && cancel->cancelled()) throw Cancelled{"features"};
    const std::vector<std::int64_t> part(
        ids.begin() + static_cast<long>(from),
        ids.begin() + static_cast<long>(std::min(ids.size(), from + batch)));
    const auto f = model->features(toInput(loadImages(project, part, height, width), device))
                       .to(torch::kCPU, torch::kFloat32)
                       .contiguous();
    if (f.size(1) != out.featureSize)
      throw Error(what + ": its feature has " + std::to_string(f.size(1)) + " values, not " +
                  std::to_string(out.featureSize));
    out.values.insert(out.values.end(), f.data_ptr<float>(), f.data_ptr<float>() + f.numel());
    if (progress) progress({"features", from + part.size(), ids.size(), {}});
  }
  return out;
}

}  // namespace flystage
