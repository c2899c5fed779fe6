#include "interpret/Saliency.h"

#include <algorithm>
#include <cmath>

#include <ATen/CPUGeneratorImpl.h>

#include "data/Stage.h"
#include "image/Standardizer.h"
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

// Multiples of the demo preset's 16 grid shifts, so every shift is used equally often.
constexpr int kSmoothGradSamples = 32;  // Smilkov et al. 2017 find little change beyond ~50
constexpr int kIntegratedGradientSteps = 32;
// Vanilla stays cheap (a map within a second in the image view): all shifts of a period of 4
// (the demo preset), an even sub-lattice of a longer one (the tiny preset's 8: steps of 2).
constexpr int kMaxVanillaShifts = 16;

// x moved up by dy and left by dx pixels, what leaves one edge coming back at the other (the
// standardized image's edges are background): a permutation of the pixels, so each pixel's
// gradient lands back on it exactly once, without piling up at an edge.
torch::Tensor shifted(const torch::Tensor& x, GridShift s) {
  if (s.dy == 0 && s.dx == 0) return x;
  return torch::roll(x, {-s.dy, -s.dx}, {2, 3});
}

GridShift shiftOfPass(const std::vector<GridShift>& shifts, int pass) {
  return shifts.empty() ? GridShift{} : shifts[static_cast<std::size_t>(pass) % shifts.size()];
}

// d o_k / d x for each row's class, on the input only: no graph kept, no parameter grads.
torch::Tensor inputGradient(const LogitsFn& logits, const torch::Tensor& x,
                            const torch::Tensor& classes, GridShift shift = {}) {
  torch::AutoGradMode enable(true);  // callers may hold a NoGradGuard
  auto in = x.detach().requires_grad_(true);
  const auto out = logits(shifted(in, shift));
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
                         const std::vector<std::uint64_t>& noiseSeeds,
                         const std::vector<GridShift>& shifts, const PassFn& pass,
                         const CancelToken* cancel) {
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
    sum += inputGradient(logits, noisy, classes, shiftOfPass(shifts, s)).abs();
    if (pass) pass(s + 1, n);
  }
  return sum / n;
}

torch::Tensor integratedGradients(const LogitsFn& logits, const torch::Tensor& x,
                                  const torch::Tensor& classes, const SaliencyOptions& options,
                                  const std::vector<GridShift>& shifts, const PassFn& pass,
                                  const CancelToken* cancel) {
  const auto baseline = torch::ones_like(x);  // blank white field: no embryo, no stain
  const auto path = x - baseline;
  const int n = saliencySamples(options);
  auto sum = torch::zeros_like(x);
  for (int j = 0; j < n; ++j) {
    pollCancel(cancel);
    const double alpha = (j + 0.5) / n;
    sum += inputGradient(logits, baseline + alpha * path, classes, shiftOfPass(shifts, j));
    if (pass) pass(j + 1, n);
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

const std::vector<SaliencyMethod>& saliencyMethods() {
  static const std::vector<SaliencyMethod> all = {
      SaliencyMethod::Vanilla, SaliencyMethod::SmoothGrad, SaliencyMethod::IntegratedGradients,
      SaliencyMethod::GradCam, SaliencyMethod::GradCamTwoStages};
  return all;
}

std::string saliencyMethodName(SaliencyMethod m) {
  switch (m) {
    case SaliencyMethod::Vanilla:
      return "vanilla";
    case SaliencyMethod::SmoothGrad:
      return "smoothgrad";
    case SaliencyMethod::IntegratedGradients:
      return "integrated-gradients";
    case SaliencyMethod::GradCam:
      return "grad-cam";
    case SaliencyMethod::GradCamTwoStages:
      return "grad-cam-2";
  }
  return "vanilla";
}

std::string saliencyMethodChoices() {
  std::string out;
  for (auto m : saliencyMethods()) out += (out.empty() ? "" : ", ") + saliencyMethodName(m);
  return out;
}

SaliencyMethod parseSaliencyMethod(const std::string& text) {
  for (auto m : saliencyMethods())
    if (text == saliencyMethodName(m)) return m;
  throw Error("saliency method '" + text + "' is not one of " + saliencyMethodChoices());
}

bool isGradientMethod(SaliencyMethod m) {
  return m == SaliencyMethod::Vanilla || m == SaliencyMethod::SmoothGrad ||
         m == SaliencyMethod::IntegratedGradients;
}

int saliencySamples(const SaliencyOptions& options) {
  if (!isGradientMethod(options.method) || options.method == SaliencyMethod::Vanilla) return 1;
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

int gridPeriod(const ModelSpec& spec, int imageHeight, int imageWidth) {
  const int factor = std::max(
      {1, imageHeight / std::max(1, spec.inputHeight), imageWidth / std::max(1, spec.inputWidth)});
  // Without a strided stem the first subsampling is the second stage's stride 2.
  return factor * (spec.stemStride > 1 ? spec.stemStride : 2);
}

std::vector<GridShift> gridShifts(int period) {
  const int p = std::max(1, period);
  int bits = 0;  // per axis
  while ((1 << bits) < p) ++bits;
  std::vector<GridShift> out;
  if ((1 << bits) != p) {
    for (int i = 0; i < p * p; ++i) out.push_back({i / p, i % p});
    return out;
  }
  // Bit-reversed Morton order: the first 4^k shifts are the whole period's shifts in steps of
  // p / 2^k along both axes, so any such prefix is an even sub-lattice of the period.
  for (int i = 0; i < p * p; ++i) {
    int r = 0;
    for (int b = 0; b < 2 * bits; ++b)
      if (i & (1 << b)) r |= 1 << (2 * bits - 1 - b);
    GridShift s;
    for (int b = 0; b < bits; ++b) {
      s.dx |= ((r >> (2 * b)) & 1) << b;
      s.dy |= ((r >> (2 * b + 1)) & 1) << b;
    }
    out.push_back(s);
  }
  return out;
}

torch::Tensor attributions(const LogitsFn& logits, const torch::Tensor& input,
                           const torch::Tensor& classes, const SaliencyOptions& options,
                           const std::vector<std::uint64_t>& noiseSeeds, const CancelToken* cancel,
                           const std::vector<GridShift>& shifts, const PassFn& pass) {
  checkOptions(options);
  if (input.dim() != 4)
    throw Error("saliency: the input must be B x C x H x W, not " + std::to_string(input.dim()) +
                "-d");
  if (!isGradientMethod(options.method))
    throw Error("saliency: " + saliencyMethodName(options.method) +
                " is not a gradient method (use saliencyMaps)");
  const auto x = input.detach().to(torch::kFloat32);
  switch (options.method) {
    case SaliencyMethod::Vanilla: {
      // One gradient, or the mean over a whole period of shifts (the grid cancels).
      const int n = std::max(1, std::min(kMaxVanillaShifts, static_cast<int>(shifts.size())));
      auto sum = torch::zeros_like(x);
      for (int s = 0; s < n; ++s) {
        pollCancel(cancel);
        sum += inputGradient(logits, x, classes, shiftOfPass(shifts, s));
        if (pass && n > 1) pass(s + 1, n);
      }
      return n == 1 ? sum : sum / n;
    }
    case SaliencyMethod::SmoothGrad:
      return smoothGrad(logits, x, classes, options, noiseSeeds, shifts, pass, cancel);
    case SaliencyMethod::IntegratedGradients:
      return integratedGradients(logits, x, classes, options, shifts, pass, cancel);
    default:
      break;
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

torch::Tensor loadStandardizedInput(Project& project, const std::vector<std::int64_t>& ids,
                                    const torch::Device& device) {
  const StandardizeOptions standard;
  return toInput(loadImages(project, ids, standard.height, standard.width), device);
}

torch::Tensor resizeToModelInput(const torch::Tensor& images, const ModelSpec& spec) {
  const long h = images.size(2), w = images.size(3);
  if (h == spec.inputHeight && w == spec.inputWidth) return images;
  if (h % spec.inputHeight == 0 && w % spec.inputWidth == 0) {
    // cv::INTER_AREA shrinking by whole factors is exactly this block mean.
    const long fy = h / spec.inputHeight, fx = w / spec.inputWidth;
    return torch::avg_pool2d(images, {fy, fx}, {fy, fx});
  }
  return torch::adaptive_avg_pool2d(images, {spec.inputHeight, spec.inputWidth});
}

torch::Tensor logitsOfStandardized(ResNet& net, const torch::Tensor& images) {
  return net->forward(resizeToModelInput(images, net->spec));
}

namespace {

// The body's activations at the ends of its last two stages, and the logits, in one pass.
struct LastStages {
  torch::Tensor previous, last, logits;
};

LastStages lastStages(ResNet& net, const torch::Tensor& images) {
  const auto& spec = net->spec;
  auto y = (resizeToModelInput(images, spec) - net->mean) / net->std;
  if (net->channelsLast()) y = y.contiguous(torch::MemoryFormat::ChannelsLast);
  // The body is the stem's three modules, then each stage's blocks in order.
  int endOfPrevious = 3;
  for (std::size_t s = 0; s + 1 < spec.blocks.size(); ++s) endOfPrevious += spec.blocks[s];
  LastStages out;
  int index = 0;
  for (auto& module : *net->body) {
    y = module.forward(y);
    if (++index == endOfPrevious) out.previous = y;
  }
  out.last = y;
  out.logits =
      net->head->forward(torch::avg_pool2d(y, spec.poolKernel, spec.poolKernel).flatten(1));
  return out;
}

// Grad-CAM (Selvaraju et al. 2017): relu(sum_c mean_ij(d o_k / d A_cij) A_c), per image.
torch::Tensor camOf(const torch::Tensor& activations, const torch::Tensor& gradient) {
  const auto weights = gradient.mean({2, 3}, true);
  return (weights * activations).sum(1, true).clamp_min(0);
}

// Bicubic to the image's size (smooth, unlike the coarse grid's blocks), never below 0.
torch::Tensor upsampled(const torch::Tensor& cam, long height, long width) {
  namespace F = torch::nn::functional;
  return F::interpolate(cam.contiguous(), F::InterpolateFuncOptions()
                                              .size(std::vector<int64_t>{height, width})
                                              .mode(torch::kBicubic)
                                              .align_corners(false))
      .clamp_min(0)
      .squeeze(1);
}

// Each image's map divided by its own largest value (0 stays 0).
torch::Tensor perImageMax(const torch::Tensor& maps) {
  const auto peak = maps.flatten(1).amax(1).clamp_min(1e-12).view({-1, 1, 1});
  return maps / peak;
}

torch::Tensor gradCam(ResNet& net, const torch::Tensor& images, const torch::Tensor& classes,
                      bool twoStages) {
  torch::AutoGradMode enable(true);
  const auto in = images.detach();
  const auto stages = lastStages(net, in);
  const auto k = classes.to(stages.logits.device(), torch::kLong).view({-1, 1});
  if (k.size(0) != in.size(0) || k.min().item<long>() < 0 ||
      k.max().item<long>() >= stages.logits.size(1))
    throw Error("saliency: a class is outside the model's " +
                std::to_string(stages.logits.size(1)) + " outputs");
  const auto picked = stages.logits.gather(1, k).sum();
  const auto grads =
      torch::autograd::grad({picked}, {stages.last, stages.previous}, {}, false, false, true);
  const long h = in.size(2), w = in.size(3);
  const auto last = upsampled(camOf(stages.last.detach(), grads[0]), h, w);
  if (!twoStages) return last;
  // Each stage's map on its own scale first: the deeper one's values are not comparable.
  const auto previous = upsampled(camOf(stages.previous.detach(), grads[1]), h, w);
  return (perImageMax(last) + perImageMax(previous)) / 2;
}

}  // namespace

torch::Tensor saliencyMaps(ResNet& net, const torch::Tensor& images, const torch::Tensor& classes,
                           const SaliencyOptions& options,
                           const std::vector<std::uint64_t>& noiseSeeds, const CancelToken* cancel,
                           const PassFn& pass) {
  checkOptions(options);
  if (images.dim() != 4 || images.size(1) != 3)
    throw Error("saliency: the images must be B x 3 x H x W");
  pollCancel(cancel);
  if (!isGradientMethod(options.method)) {
    auto maps = gradCam(net, images.to(torch::kFloat32), classes,
                        options.method == SaliencyMethod::GradCamTwoStages);
    if (pass) pass(1, 1);
    return maps;
  }
  const LogitsFn logits = [&net](const torch::Tensor& x) { return logitsOfStandardized(net, x); };
  const auto shifts = gridShifts(
      gridPeriod(net->spec, static_cast<int>(images.size(2)), static_cast<int>(images.size(3))));
  return reduceToMap(
      attributions(logits, images, classes, options, noiseSeeds, cancel, shifts, pass),
      options.method);
}

ResNet explainedModel(Project& project, std::int64_t runId, const torch::Device& device) {
  const auto run = runstore::run(project, runId);
  if (!run) throw Error(project.file().string() + ": there is no run #" + std::to_string(runId));
  if (trainedMethodName(run->method) == "gabor")
    throw Error("run #" + std::to_string(runId) +
                " is a Gabor-baseline run: its log-Gabor features and softmax regression are "
                "not a differentiable network, so it has no saliency maps; choose a plain, "
                "data-level or two-step run");
  ResNet net = loadStoredModel(project, runId, "final",
                               "run #" + std::to_string(runId) + " has no trained model (status: " +
                                   run->status + "); finish or resume it first");
  net->to(device);
  net->eval();  // BN running statistics: each image's map is its own
  if (net->spec.numClasses != kNumFineStages)
    throw Error("run #" + std::to_string(runId) + "'s model does not predict the 14 stages");
  return net;
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
  const torch::Device device(resolveDevice(options.device) == "cuda" ? torch::kCUDA : torch::kCPU);
  ResNet net = explainedModel(project, runId, device);

  std::vector<SaliencyMap> out;
  out.reserve(imageIds.size());
  const std::size_t batch = static_cast<std::size_t>(options.batchSize);
  for (std::size_t from = 0; from < imageIds.size(); from += batch) {
    pollCancel(cancel);
    const std::vector<std::int64_t> ids(imageIds.begin() + from,
                                        imageIds.begin() + std::min(imageIds.size(), from + batch));
    const auto x = loadStandardizedInput(project, ids, device);
    torch::Tensor probs;
    {
      // The call and its probability as predictStages gives them (its uint8 resize).
      torch::NoGradGuard guard;
      const auto input =
          toInput(loadImages(project, ids, net->spec.inputHeight, net->spec.inputWidth), device);
      probs = torch::softmax(net->forward(input), 1).cpu().contiguous();
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
    // Progress in image-passes, so one slow image (SmoothGrad: 32 passes) moves too.
    const std::size_t before = out.size();
    const PassFn pass = [&](int done, int passes) {
      if (progress && passes > 1)
        progress({"saliency", before * passes + ids.size() * done, imageIds.size() * passes,
                  std::to_string(done) + "/" + std::to_string(passes) + " passes"});
    };
    const auto reduced =
        saliencyMaps(net, x, torch::tensor(classes, torch::kLong), options, seeds, cancel, pass)
            .to(torch::kCPU, torch::kFloat32)
            .contiguous();
    const int height = static_cast<int>(reduced.size(1)), width = static_cast<int>(reduced.size(2));
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
