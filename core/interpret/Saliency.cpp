#include "interpret/Saliency.h"

#include <algorithm>
#include <cmath>

#include <ATen/CPUGeneratorImpl.h>

#include "data/Stage.h"
#include "interpret/SaliencyMethods.h"
#include "model/Device.h"
#include "model/ModelFile.h"
#include "store/ImportedModel.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "train/RunData.h"
#include "util/Error.h"

namespace flystage {

namespace {

constexpr int kSmoothGradSamples = 25;  // Smilkov et al. 2017 find little change beyond ~50
constexpr int kIntegratedGradientSteps = 32;

// d o_k / d x for each row's class, on the input only: no graph kept, no parameter grads.
torch::Tensor inputGradient(const LogitsFn& logits, const torch::Tensor& x,
                            const torch::Tensor& classes) {
  torch::AutoGradMode enable(true);  // callers may hold a NoGradGuard
  auto in = x.detach().requires_grad_(true);
  const auto out = logits(in);
  if (out.dim() != 2 || out.size(0) != x.size(0))
    throw Error("saliency: the model gave logits of shape " + std::to_string(out.dim()) +
                "-d for a batch of " + std::to_string(x.size(0)) + " images; expected B x K");
  const auto k = classes.to(out.device(), torch::kLong).view({-1, 1});
  if (k.size(0) != x.size(0) || k.min().item<long>() < 0 || k.max().item<long>() >= out.size(1))
    throw Error("saliency: a class is outside the model's " + std::to_string(out.size(1)) +
                " outputs");
  // Rows do not interact (eval mode), so the gradient of the sum is each row's own gradient.
  const auto picked = out.gather(1, k).sum();
  const auto grads = torch::autograd::grad({picked}, {in}, {}, false, false, true);
  return grads[0].defined() ? grads[0] : torch::zeros_like(x);
}

void pollCancel(const CancelToken* cancel) {
  if (cancel && cancel->cancelled()) throw Cancelled{"saliency"};
}

torch::Tensor smoothGrad(const LogitsFn& logits, const torch::Tensor& x,
                         const torch::Tensor& classes, const SaliencyOptions& options,
                         const std::vector<std::uint64_t>& noiseSeeds, const CancelToken* cancel) {
  const long batch = x.size(0);
  if (!noiseSeeds.empty() && static_cast<long>(noiseSeeds.size()) != batch)
    throw Error("saliency: " + std::to_string(noiseSeeds.size()) + " noise seeds for " +
                std::to_string(batch) + " images");
  // One CPU stream per image: the same draws on CPU and CUDA, whatever the batch.
  std::vector<at::Generator> streams;
  for (long b = 0; b < batch; ++b)
    streams.push_back(at::make_generator<at::CPUGeneratorImpl>(
        noiseSeeds.empty() ? saliencyNoiseSeed(options.seed, b) : noiseSeeds[b]));
  const int n = saliencySamples(options);
  auto sum = torch::zeros_like(x);
  std::vector<torch::Tensor> noise(batch);
  for (int s = 0; s < n; ++s) {
    pollCancel(cancel);
    for (long b = 0; b < batch; ++b)
      noise[b] = torch::randn({x.size(1), x.size(2), x.size(3)}, streams[b], torch::kFloat32);
    const auto noisy = x + torch::stack(noise).to(x.device()).mul_(options.noiseLevel);
    sum += inputGradient(logits, noisy, classes).abs();
  }
  return sum / n;
}

torch::Tensor integratedGradients(const LogitsFn& logits, const torch::Tensor& x,
                                  const torch::Tensor& classes, const SaliencyOptions& options,
                                  const CancelToken* cancel) {
  const auto baseline = torch::ones_like(x);  // blank white field: no embryo, no stain
  const auto path = x - baseline;
  const int n = saliencySamples(options);
  auto sum = torch::zeros_like(x);
  for (int j = 0; j < n; ++j) {
    pollCancel(cancel);
    const double alpha = (j + 0.5) / n;
    sum += inputGradient(logits, baseline + alpha * path, classes);
  }
  return path * sum / n;
}

void checkOptions(const SaliencyOptions& o) {
  if (o.samples < 0)
    throw Error("saliency samples: " + std::to_string(o.samples) +
                " is negative (use 0 for the method's default, or a positive count)");
  if (o.batchSize < 1)
    throw Error("saliency batch size: " + std::to_string(o.batchSize) + " (use 1 or more)");
  if (!std::isfinite(o.noiseLevel) || o.noiseLevel < 0)
    throw Error("saliency noise level: " + std::to_string(o.noiseLevel) +
                " (use a fraction of the [0,1] input range, e.g. 0.15)");
}

}  // namespace

std::string saliencyMethodName(SaliencyMethod m) {
  switch (m) {
    case SaliencyMethod::Vanilla:
      return "vanilla";
    case SaliencyMethod::SmoothGrad:
      return "smoothgrad";
    case SaliencyMethod::IntegratedGradients:
      return "integrated-gradients";
  }
  return "vanilla";
}

SaliencyMethod parseSaliencyMethod(const std::string& text) {
  for (auto m :
       {SaliencyMethod::Vanilla, SaliencyMethod::SmoothGrad, SaliencyMethod::IntegratedGradients})
    if (text == saliencyMethodName(m)) return m;
  throw Error("saliency method '" + text +
              "' is not one of vanilla, smoothgrad, integrated-gradients");
}

int saliencySamples(const SaliencyOptions& options) {
  if (options.method == SaliencyMethod::Vanilla) return 1;
  if (options.samples > 0) return options.samples;
  return options.method == SaliencyMethod::SmoothGrad ? kSmoothGradSamples
                                                      : kIntegratedGradientSteps;
}

std::uint64_t saliencyNoiseSeed(std::uint64_t seed, std::int64_t key) {
  // splitmix64 finalizer over both: nearby seeds and ids give unrelated streams.
  auto mix = [](std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  return mix(mix(seed) ^ static_cast<std::uint64_t>(key));
}

torch::Tensor attributions(const LogitsFn& logits, const torch::Tensor& input,
                           const torch::Tensor& classes, const SaliencyOptions& options,
                           const std::vector<std::uint64_t>& noiseSeeds,
                           const CancelToken* cancel) {
  checkOptions(options);
  if (input.dim() != 4)
    throw Error("saliency: the input must be B x C x H x W, not " + std::to_string(input.dim()) +
                "-d");
  const auto x = input.detach().to(torch::kFloat32);
  switch (options.method) {
    case SaliencyMethod::Vanilla:
      pollCancel(cancel);
      return inputGradient(logits, x, classes);
    case SaliencyMethod::SmoothGrad:
      return smoothGrad(logits, x, classes, options, noiseSeeds, cancel);
    case SaliencyMethod::IntegratedGradients:
      return integratedGradients(logits, x, classes, options, cancel);
  }
  throw Error("saliency: unknown method");
}

torch::Tensor reduceToMap(const torch::Tensor& a, SaliencyMethod method) {
  if (a.dim() != 4)
    throw Error("saliency: attributions must be B x C x H x W, not " + std::to_string(a.dim()) +
                "-d");
  if (method == SaliencyMethod::IntegratedGradients) return a.sum(1).abs();
  return a.abs().amax(1);
}

std::vector<SaliencyMap> computeSaliency(Project& project, std::int64_t runId,
                                         const std::vector<std::int64_t>& imageIds,
                                         const SaliencyOptions& options, int stage,
                                         const ProgressFn& progress, const CancelToken* cancel) {
  if (stage != 0 && !isFineStage(stage))
    throw Error("saliency stage " + std::to_string(stage) +
                ": the model has output nodes for stages 4..17 only (use 0 to explain each "
                "image's predicted stage)");
  checkOptions(options);
  const auto run = runstore::run(project, runId);
  if (!run) throw Error(project.file().string() + ": there is no run #" + std::to_string(runId));
  if (trainedMethodName(run->method) == "gabor")
    throw Error("run #" + std::to_string(runId) +
                " is a Gabor-baseline run: its log-Gabor features and softmax regression are "
                "not a differentiable network, so it has no saliency maps; choose a plain, "
                "data-level or two-step run");
  const torch::Device device(resolveDevice(options.device) == "cuda" ? torch::kCUDA : torch::kCPU);
  ResNet net = loadStoredModel(project, runId, "final",
                               "run #" + std::to_string(runId) + " has no trained model (status: " +
                                   run->status + "); finish or resume it first");
  net->to(device);
  net->eval();  // BN running statistics: each image's map is its own
  if (net->spec.numClasses != kNumFineStages)
    throw Error("run #" + std::to_string(runId) + "'s model does not predict the 14 stages");
  const int height = net->spec.inputHeight, width = net->spec.inputWidth;
  const LogitsFn logits = [&net](const torch::Tensor& x) { return net->forward(x); };

  std::vector<SaliencyMap> out;
  out.reserve(imageIds.size());
  const std::size_t batch = static_cast<std::size_t>(options.batchSize);
  for (std::size_t from = 0; from < imageIds.size(); from += batch) {
    pollCancel(cancel);
    const std::vector<std::int64_t> ids(imageIds.begin() + from,
                                        imageIds.begin() + std::min(imageIds.size(), from + batch));
    const auto x = toInput(loadImages(project, ids, height, width), device);
    torch::Tensor probs;
    {
      torch::NoGradGuard guard;
      probs = torch::softmax(net->forward(x), 1).cpu().contiguous();
    }
    std::vector<SaliencyMap> maps(ids.size());
    std::vector<long> classes(ids.size());
    std::vector<std::uint64_t> seeds(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const float* row = probs[static_cast<long>(i)].data_ptr<float>();
      const int predicted = static_cast<int>(std::max_element(row, row + kNumFineStages) - row);
      const int cls = stage == 0 ? predicted : fineStageIndex(stage);
      maps[i].imageId = ids[i];
      maps[i].stage = fineStageFromIndex(cls);
      maps[i].predictedStage = fineStageFromIndex(predicted);
      maps[i].probability = row[cls];
      classes[i] = cls;
      seeds[i] = saliencyNoiseSeed(options.seed, ids[i]);
    }
    const auto reduced = reduceToMap(attributions(logits, x, torch::tensor(classes, torch::kLong),
                                                  options, seeds, cancel),
                                     options.method)
                             .to(torch::kCPU, torch::kFloat32)
                             .contiguous();
    for (std::size_t i = 0; i < ids.size(); ++i) {
      maps[i].map =
          cv::Mat(height, width, CV_32F, reduced[static_cast<long>(i)].data_ptr<float>()).clone();
      out.push_back(std::move(maps[i]));
    }
    if (progress) progress({"saliency", out.size(), imageIds.size(), {}});
  }
  return out;
}

}  // namespace flystage
