#include "model/Predictor.h"

#include <optional>

#include "baseline/GaborModel.h"
#include "model/CpuMemoryPool.h"
#include "model/Device.h"
#include "model/FoldedResNet.h"
#include "model/ModelFile.h"
#include "model/StoredPredictions.h"
#include "store/ImportedModel.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "train/RunData.h"
#include "util/Error.h"

namespace flystage {

std::vector<StagePrediction> predictStages(Project& project, std::int64_t runId,
                                           const std::vector<std::int64_t>& imageIds,
                                           const ProgressFn& progress, const CancelToken* cancel,
                                           const PredictOptions& options) {
  const auto run = runstore::run(project, runId);
  if (!run) throw Error(project.file().string() + ": there is no run #" + std::to_string(runId));
  std::string what;
  const ModelBlob stored = storedModelBlob(project, runId, "final", what,
                                           "run #" + std::to_string(runId) +
                                               " has no trained model (status: " + run->status +
                                               "); finish or resume it first");
  ensureDeviceConfigured();  // all cores, not the one Debian's LibTorch starts with
  std::optional<GaborModel> gabor;
  std::optional<FoldedResNet> net;  // batch norms folded: faster, same probabilities
  int height = 0, width = 0;
  const torch::Device device(resolveDevice("auto") == "cuda" ? torch::kCUDA : torch::kCPU);
  if (trainedMethodName(run->method) == "gabor") {
    gabor = GaborModel::load(stored.specJson, stored.weights, what);
    height = gabor->height;
    width = gabor->width;
  } else {
    ResNet model = loadCheckedModel(stored, what);
    model->to(device);
    net.emplace(model);
    height = net->spec().inputHeight;
    width = net->spec().inputWidth;
  }
  // The labels as they are now: a range given after training constrains the call as well.
  const auto ranges = options.rangeConstraint ? knownRanges(project, imageIds)
                                              : std::map<std::int64_t, StageRange>{};
  torch::NoGradGuard guard;
  const CpuMemoryPoolScope pool;  // each batch reuses the last one's activations' memory
  std::vector<StagePrediction> out;
  out.reserve(imageIds.size());
  const std::size_t batch = 64;
  for (std::size_t from = 0; from < imageIds.size(); from += batch) {
    if (cancel && cancel->cancelled()) throw Cancelled{"predict"};
    const std::vector<std::int64_t> ids(imageIds.begin() + from,
                                        imageIds.begin() + std::min(imageIds.size(), from + batch));
    const auto images = loadImages(project, ids, height, width);
    const auto probs = (gabor ? gabor->probabilities(images)
                              : torch::softmax(net->forward(toInput(images, device)), 1))
                           .cpu()
                           .contiguous();
    if (probs.size(1) != kNumFineStages)
      throw Error("run #" + std::to_string(runId) + "'s model does not predict the 14 stages");
    for (std::size_t i = 0; i < ids.size(); ++i) {
      StagePrediction p;
      p.imageId = ids[i];
      const float* row = probs[static_cast<long>(i)].data_ptr<float>();
      std::copy(row, row + kNumFineStages, p.probabilities.begin());
      const int cls = static_cast<int>(std::max_element(row, row + kNumFineStages) - row);
      p.stage = fineStageFromIndex(cls);
      p.probability = row[cls];
      if (options.rangeConstraint) {
        const auto r = ranges.find(p.imageId);
        constrainPrediction(p, r == ranges.end() ? std::nullopt : std::optional(r->second));
      }
      out.push_back(p);
    }
    if (progress) progress({"predict", out.size(), imageIds.size(), {}});
  }
  return out;
}

}  // namespace flystage
