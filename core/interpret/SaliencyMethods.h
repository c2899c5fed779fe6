#pragma once

// Internal to core (torch): the gradient attributions behind interpret/Saliency.h, on any
// differentiable function of the image, so they can be checked on models with known gradients.
#include <cstdint>
#include <functional>
#include <vector>

#include <torch/torch.h>

#include "interpret/Saliency.h"
#include "model/ResNet.h"
#include "util/Progress.h"

namespace flystage {

class Project;

using LogitsFn = std::function<torch::Tensor(const torch::Tensor&)>;  // B x C x H x W -> B x K
// Called after each forward/backward pass of a multi-pass method: (passes done, passes).
using PassFn = std::function<void(int, int)>;

// A translation of the input by whole pixels (up by dy rows, left by dx columns).
struct GridShift {
  int dy = 0, dx = 0;
};

// The period, in standardized-image pixels, of the grid that the network's first subsampling
// (the resize to its input and a strided stem, or else the first stride-2 stage) leaves in
// input gradients: a strided layer's gradient reaches only every stride-th input position
// with each of its weights, so a raw gradient map carries a lattice of that period.
int gridPeriod(const ModelSpec& spec, int imageHeight, int imageWidth);

// All period x period shifts, ordered so that every prefix of 4^k of them is an even
// sub-lattice of the period (bit-reversed Morton order): a method with fewer passes than
// shifts still averages shifts from the whole period.
std::vector<GridShift> gridShifts(int period);

// The stored standardized images of `ids` (with their orientation fixes), B x 3 x 128 x 320,
// float RGB in [0,1], on `device`: what the user sees, and what every map is taken against.
torch::Tensor loadStandardizedInput(Project& project, const std::vector<std::int64_t>& ids,
                                    const torch::Device& device);

// The model's own resize of standardized images (B x 3 x H x W) to the network's input size,
// differentiable: for a whole-number factor it is the block mean that cv::INTER_AREA computes
// when training loads images (loadImages), so gradients reach every standardized pixel.
torch::Tensor resizeToModelInput(const torch::Tensor& images, const ModelSpec& spec);

// The final model of a finished network run, on `device`, in eval mode (batch-norm running
// statistics: each image's map is its own). Throws flystage::Error for a missing run, a
// Gabor-baseline run (not differentiable), a run without a model or one that does not predict
// the 14 stages.
ResNet explainedModel(Project& project, std::int64_t runId, const torch::Device& device);

// The network's logits for standardized images: resize, then the network (which normalizes).
torch::Tensor logitsOfStandardized(ResNet& net, const torch::Tensor& images);

// The maps of every method for the class classes[b] of each standardized image (B x 3 x H x W
// in [0,1]) under `net`, which the caller has put in eval() mode: B x H x W, >= 0, float, on
// the input's device. Gradient methods: attributions() on logitsOfStandardized, reduced by
// reduceToMap, with the strided convolutions' grid removed (docs/interpretation.md);
// Grad-CAM methods: the class-weighted feature maps of the last stage (or the last two),
// upsampled smoothly to H x W. Throws Cancelled when `cancel` is set between passes.
torch::Tensor saliencyMaps(ResNet& net, const torch::Tensor& images, const torch::Tensor& classes,
                           const SaliencyOptions& options,
                           const std::vector<std::uint64_t>& noiseSeeds = {},
                           const CancelToken* cancel = nullptr, const PassFn& pass = {});

// The seed of one image's SmoothGrad noise stream: mixes the options' seed with a key (the
// image id), so an image's noise does not depend on its batch or its position in it.
std::uint64_t saliencyNoiseSeed(std::uint64_t seed, std::int64_t key);

// Per-pixel, per-channel attributions, B x C x H x W (float, on the input's device), for the
// logit o_k of class k = classes[b] of each image x (input: B x C x H x W, RGB in [0,1]):
//   Vanilla:    d o_k / d x (Eq. 8), signed.
//   SmoothGrad: (1/n) sum_s |d o_k / d x (x + e_s)|, e_s ~ N(0, noiseLevel^2) per pixel and
//               channel, n = saliencySamples(options) noisy copies; the mean of absolute
//               gradients (>= 0), so gradients of opposite sign do not cancel. Noisy inputs
//               are not clipped to [0,1]. Image b's noise comes from a CPU generator seeded
//               with noiseSeeds[b] (empty: saliencyNoiseSeed(options.seed, b)).
//   IntegratedGradients: (x - x0) * (1/n) sum_{j=0}^{n-1} d o_k / d x (x0 + (j + 1/2)/n (x - x0)),
//               the midpoint Riemann sum of the straight path from the baseline x0 = all ones
//               (a blank white bright field: an ISH image where there is no embryo), n steps.
//               Completeness: sum over pixels and channels ~= o_k(x) - o_k(x0).
// Each forward/backward pass carries one copy (or path point) of every image of the input.
// Gradients are taken w.r.t. the input only (torch::autograd::grad): no parameter gradient
// is accumulated. The caller puts the model in eval() mode (BN running statistics, so the
// images of a batch do not affect each other). Throws Cancelled when `cancel` is set between
// passes.
//
// Grid removal (`shifts` non-empty): each pass takes the gradient of the logit of the image
// moved by one shift (what leaves one edge comes back at the other), with respect to the
// unmoved image. Vanilla then averages d o_k / d x over the first 16 shifts (all of a period of
// 4; one pass each);
// SmoothGrad's copy s and integrated gradients' step j use shift s (j) modulo their number.
// Averaged over a whole period of shifts, the lattice a strided layer leaves cancels exactly, while
// every gradient stays a gradient of the model at an image the user cannot tell apart from x (a
// shift of at most period - 1 pixels).
torch::Tensor attributions(const LogitsFn& logits, const torch::Tensor& input,
                           const torch::Tensor& classes, const SaliencyOptions& options,
                           const std::vector<std::uint64_t>& noiseSeeds = {},
                           const CancelToken* cancel = nullptr,
                           const std::vector<GridShift>& shifts = {}, const PassFn& pass = {});

// Attributions -> map, B x H x W, >= 0:
//   Vanilla and SmoothGrad: max over channels of |a| (Simonyan's rendering of Eq. 8);
//   IntegratedGradients: |sum over channels of a| (keeps IG's completeness per pixel).
torch::Tensor reduceToMap(const torch::Tensor& attributions, SaliencyMethod method);

}  // namespace flystage
