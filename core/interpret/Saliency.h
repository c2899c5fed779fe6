#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "util/Progress.h"

namespace flystage {

class Project;

// Which map explains a prediction (docs/interpretation.md gives the exact formulas).
// Vanilla is the paper's Eq. 8 (Simonyan et al. 2013); SmoothGrad and integrated gradients
// give cleaner landmarks than the published, noisy maps; Grad-CAM (Selvaraju et al. 2017)
// weighs the last stage's feature maps by their mean gradient: coarse, but it shows regions.
// GradCamTwoStages averages the Grad-CAMs of the last two stages (twice the resolution).
enum class SaliencyMethod { Vanilla, SmoothGrad, IntegratedGradients, GradCam, GradCamTwoStages };

// Every method, in the order lists show them.
const std::vector<SaliencyMethod>& saliencyMethods();
// "vanilla", "smoothgrad", "integrated-gradients", "grad-cam", "grad-cam-2"
std::string saliencyMethodName(SaliencyMethod m);
// The inverse; throws flystage::Error naming the choices.
SaliencyMethod parseSaliencyMethod(const std::string& text);
// "vanilla, smoothgrad, integrated-gradients, grad-cam, grad-cam-2" (for help and errors).
std::string saliencyMethodChoices();
// Gradient methods carry the input's pixel grid (and strided convolutions' checkerboard);
// Grad-CAM methods are upsampled from a coarse feature grid.
bool isGradientMethod(SaliencyMethod m);

struct SaliencyOptions {
  SaliencyMethod method = SaliencyMethod::Vanilla;
  int samples = 0;              // 0: method default (SmoothGrad 32 noisy copies, IG 32 path steps)
  double noiseLevel = 0.15;     // SmoothGrad: sigma as a fraction of the input range [0,1]
  std::uint64_t seed = 1;       // SmoothGrad noise: same seed, same map
  int batchSize = 16;           // images per forward/backward pass
  std::string device = "auto";  // as elsewhere (model/Device.h resolveDevice)
};

// The number of noisy copies or path steps `options` asks for (its default when 0).
int saliencySamples(const SaliencyOptions& options);

struct SaliencyMap {
  std::int64_t imageId = 0;
  int stage = 0;           // the stage (4..17) whose output node the map explains
  int predictedStage = 0;  // the model's call for the image
  double probability = 0;  // the model's probability for `stage`
  cv::Mat map;             // CV_32F, the standardized image's size (128 x 320), values >= 0
};

// Saliency of stored (standardized) images under a finished network run's final model, with
// respect to the standardized image itself (through the model's own resize to its input
// size, so the map has the image's pixels, not the network input's);
// stage 0 = explain each image's predicted stage. Batched; CPU or CUDA. Throws
// flystage::Error for a missing run/model, a Gabor-baseline run (not differentiable: say so),
// a stage outside 4..17; Cancelled when cancelled (poll per batch / per sample).
// A SmoothGrad map depends only on (model, image, seed): each image draws its noise from
// its own stream seeded by (seed, image id), whatever else is in the batch.
std::vector<SaliencyMap> computeSaliency(Project& project, std::int64_t runId,
                                         const std::vector<std::int64_t>& imageIds,
                                         const SaliencyOptions& options, int stage = 0,
                                         const ProgressFn& progress = {},
                                         const CancelToken* cancel = nullptr);

}  // namespace flystage
