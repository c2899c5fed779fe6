#pragma once

// Internal to core (torch): the prediction-only form of a ResNet.
#include <optional>
#include <vector>

#include "model/ResNet.h"

namespace flystage {

// A ResNet for prediction only: each batch norm folded into the convolution before it
// (w' = w * gamma / sqrt(var + eps), b' = beta - mean * gamma / sqrt(var + eps), from the
// running statistics, i.e. eval mode), channels-last, run without autograd
// (c10::InferenceMode). Fewer passes over the activations than the module: 1.3-1.6x the
// images/s of the ResNet it was made from on CPU (docs/performance.md). Probabilities agree
// with the ResNet's in eval mode to float rounding (tests/model/FoldedResNetTest.cpp).
// Not differentiable: saliency uses the ResNet itself.
class FoldedResNet {
 public:
  // A copy of the weights as they are now; later changes to `model` are not seen.
  explicit FoldedResNet(ResNet& model);
  torch::Tensor forward(const torch::Tensor& x) const;  // logits, B x numClasses
  const ModelSpec& spec() const { return spec_; }

 private:
  struct Conv {
    torch::Tensor weight, bias;
    int stride = 1, padding = 0;
    torch::Tensor operator()(const torch::Tensor& x) const;
  };
  struct Block {
    Conv conv1, conv2;
    std::optional<Conv> shortcut;
  };

  ModelSpec spec_;
  torch::Tensor mean_, std_;
  Conv stem_;
  std::vector<Block> blocks_;
  torch::Tensor headWeight_, headBias_;
};

}  // namespace flystage
