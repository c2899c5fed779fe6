#pragma once

// Internal to core: includes torch. Public headers never include this file.
#include <torch/torch.h>

#include "model/ModelSpec.h"

namespace flystage {

// BasicBlock of ResNet-18: two 3x3 convs with BN, identity or 1x1-conv+BN shortcut.
struct BasicBlockImpl : torch::nn::Module {
  BasicBlockImpl(int in, int out, int stride);
  torch::Tensor forward(torch::Tensor x);

  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
  torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr};
  torch::nn::Sequential shortcut{nullptr};  // empty: identity; else 1x1 conv (stride) + BN

 private:
  torch::Tensor projection(const torch::Tensor& x);
  int stride_ = 1;
  torch::nn::Conv2d projectionConv_{nullptr};  // the shortcut's two layers (registered there)
  torch::nn::BatchNorm2d projectionBn_{nullptr};
};
TORCH_MODULE(BasicBlock);

// F (feature extractor) and G (linear head) of the paper's Fig. 3. The input is RGB in
// [0,1]; normalization is part of the network, so saliency is taken on real pixels and a
// saved model carries its own normalization.
struct ResNetImpl : torch::nn::Module {
  explicit ResNetImpl(const ModelSpec& spec);
  torch::Tensor features(const torch::Tensor& x);  // B x featureSize
  torch::Tensor forward(const torch::Tensor& x) { return head->forward(features(x)); }
  // A fresh G with numClasses outputs on the same F (data-level step 2).
  void resetHead(int numClasses);
  // Channels-last (NHWC) activations and convolution weights: oneDNN's native layout, about
  // 1.2-1.5x faster on CPU than NCHW (docs/performance.md). On by default; the results agree
  // with NCHW to float rounding. Call again after replacing the weights (loading), which may
  // bring them back in another layout.
  void setChannelsLast(bool on);
  bool channelsLast() const { return channelsLast_; }

  ModelSpec spec;
  torch::Tensor mean, std;
  torch::nn::Sequential body{nullptr};
  torch::nn::Linear head{nullptr};

 private:
  bool channelsLast_ = false;
};
TORCH_MODULE(ResNet);

// Builds the network with weights drawn from torch's generator seeded with `seed`.
ResNet makeResNet(const ModelSpec& spec, std::uint64_t seed);

}  // namespace flystage
