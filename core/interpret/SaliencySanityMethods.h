#pragma once

// Internal to core (torch): the measurements behind interpret/SaliencySanity.h, on any
// function of the image, so they can be checked on models whose answer is known.
#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "interpret/SaliencyMethods.h"
#include "model/ResNet.h"

namespace flystage {

// The order in which deletion removes `pixels` (flat indices y * W + x of the embryo): the
// most salient first by `map` (the image's H * W values), ties in a random order seeded by
// `seed`; without a map (nullptr), that random order alone.
std::vector<std::int64_t> deletionOrder(const std::vector<std::int64_t>& pixels, const float* map,
                                        std::uint64_t seed);

// The probability of class `cls` of `image` (3 x H x W, RGB in [0,1]) as the first
// round(k * n / steps) pixels of `order` (n of them) turn white (all channels 1: blank bright
// field), k = 0..steps: steps + 1 values. One forward pass of steps + 1 images, no gradient.
std::vector<double> deletionCurve(const LogitsFn& logits, const torch::Tensor& image, long cls,
                                  const std::vector<std::int64_t>& order, int steps);

// A network of `trained`'s architecture and normalization with every learned weight drawn
// afresh (makeResNet with `seed`) and BN statistics at their initial values, in eval mode on
// `device`: Adebayo et al.'s fully randomized model.
ResNet randomizedModel(const ResNet& trained, std::uint64_t seed, const torch::Device& device);

}  // namespace flystage
