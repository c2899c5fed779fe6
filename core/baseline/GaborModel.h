#pragma once

// Internal to core (torch): a trained Gabor baseline, saved and loaded like a network.
#include <string>

#include <torch/torch.h>

#include "baseline/LogGaborBank.h"

namespace flystage {

struct GaborModel {
  int height = 128;
  int width = 320;
  torch::Tensor mean, std;     // feature standardization from the training part
  torch::Tensor weight, bias;  // 14 x features, 14
  double l2 = 0;

  std::string specJson() const;
  std::string weightsBytes() const;
  // Checks the size, every tensor's shape and that it is finite; `what` names it in errors.
  static GaborModel load(const std::string& specJson, const std::string& weights,
                         const std::string& what = "the Gabor model");

  // uint8 N x 3 x H x W RGB images -> N x 14 probabilities.
  torch::Tensor probabilities(const torch::Tensor& images) const;
  // Features of uint8 RGB images (grey = luminance), N x featureSize.
  torch::Tensor features(const torch::Tensor& images) const;
};

}  // namespace flystage
