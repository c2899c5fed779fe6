#pragma once

// Internal to core (torch): the gradient attributions behind interpret/Saliency.h, on any
// differentiable function of the image, so they can be checked on models with known gradients.
#include <cstdint>
#include <functional>
#include <vector>

#include <torch/torch.h>

#include "interpret/Saliency.h"
#include "util/Progress.h"

namespace flystage {

using LogitsFn = std::function<torch::Tensor(const torch::Tensor&)>;  // B x C x H x W -> B x K

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
torch::Tensor attributions(const LogitsFn& logits, const torch::Tensor& input,
                           const torch::Tensor& classes, const SaliencyOptions& options,
                           const std::vector<std::uint64_t>& noiseSeeds = {},
                           const CancelToken* cancel = nullptr);

// Attributions -> map, B x H x W, >= 0:
//   Vanilla and SmoothGrad: max over channels of |a| (Simonyan's rendering of Eq. 8);
//   IntegratedGradients: |sum over channels of a| (keeps IG's completeness per pixel).
torch::Tensor reduceToMap(const torch::Tensor& attributions, SaliencyMethod method);

}  // namespace flystage
