#include "model/ResNet.h"

namespace flystage {

namespace nn = torch::nn;

BasicBlockImpl::BasicBlockImpl(int in, int out, int stride) {
  conv1 = register_module(
      "conv1", nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
  bn1 = register_module("bn1", nn::BatchNorm2d(out));
  conv2 = register_module(
      "conv2", nn::Conv2d(nn::Conv2dOptions(out, out, 3).stride(1).padding(1).bias(false)));
  bn2 = register_module("bn2", nn::BatchNorm2d(out));
  shortcut = register_module("shortcut", nn::Sequential());
  if (stride != 1 || in != out) {
    stride_ = stride;
    projectionConv_ = nn::Conv2d(nn::Conv2dOptions(in, out, 1).stride(stride).bias(false));
    projectionBn_ = nn::BatchNorm2d(out);
    shortcut->push_back(projectionConv_);
    shortcut->push_back(projectionBn_);
  }
}

torch::Tensor BasicBlockImpl::forward(torch::Tensor x) {
  // In place: batch norm's backward needs its input, not its output, so ReLU may overwrite
  // it (one pass and one activation less per ReLU).
  auto y = bn1(conv1(x)).relu_();
  y = bn2(conv2(y));
  y += shortcut->is_empty() ? x : projection(x);
  return y.relu_();
}

torch::Tensor BasicBlockImpl::projection(const torch::Tensor& x) {
  if (stride_ == 1 || !x.is_contiguous(torch::MemoryFormat::ChannelsLast))
    return shortcut->forward(x);
  // Channels-last: subsample, then the 1x1 convolution at stride 1 -- the same numbers.
  // Debian's oneDNN 2.6.3 crashes computing the weight gradient of a strided 1x1 convolution
  // on channels-last input with few channels (the tiny preset's 8 -> 16, batch >= 2).
  const auto sub = x.slice(2, 0, c10::nullopt, stride_).slice(3, 0, c10::nullopt, stride_);
  return projectionBn_(torch::conv2d(sub, projectionConv_->weight));
}

ResNetImpl::ResNetImpl(const ModelSpec& s) : spec(s) {
  mean =
      register_buffer("mean", torch::tensor({s.mean[0], s.mean[1], s.mean[2]}).view({1, 3, 1, 1}));
  std = register_buffer("std", torch::tensor({s.std[0], s.std[1], s.std[2]}).view({1, 3, 1, 1}));
  body = register_module("body", nn::Sequential());
  // CIFAR-style stem: 3x3 conv, no max-pool (the authors' code); stride 2 in CPU presets.
  body->push_back(
      nn::Conv2d(nn::Conv2dOptions(3, s.widths[0], 3).stride(s.stemStride).padding(1).bias(false)));
  body->push_back(nn::BatchNorm2d(s.widths[0]));
  body->push_back(nn::Functional([](torch::Tensor t) { return t.relu_(); }));
  int in = s.widths[0];
  for (std::size_t stage = 0; stage < s.widths.size(); ++stage) {
    for (int b = 0; b < s.blocks[stage]; ++b) {
      const int stride = (b == 0 && stage > 0) ? 2 : 1;
      body->push_back(BasicBlock(in, s.widths[stage], stride));
      in = s.widths[stage];
    }
  }
  head = register_module("head", nn::Linear(s.featureSize(), s.numClasses));
  setChannelsLast(true);
}

void ResNetImpl::setChannelsLast(bool on) {
  torch::NoGradGuard guard;
  const auto format = on ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
  // set_data keeps each parameter's identity, so an optimizer holding it is not disturbed.
  for (auto& p : parameters())
    if (p.dim() == 4) p.set_data(p.contiguous(format));
  channelsLast_ = on;
}

torch::Tensor ResNetImpl::features(const torch::Tensor& x) {
  auto in = (x - mean) / std;
  if (channelsLast_) in = in.contiguous(torch::MemoryFormat::ChannelsLast);
  auto y = body->forward(in);
  y = torch::avg_pool2d(y, spec.poolKernel, spec.poolKernel);
  return y.flatten(1);
}

void ResNetImpl::resetHead(int numClasses) {
  spec.numClasses = numClasses;
  head = replace_module("head", nn::Linear(spec.featureSize(), numClasses));
}

ResNet makeResNet(const ModelSpec& spec, std::uint64_t seed) {
  torch::manual_seed(seed);
  return ResNet(spec);
}

}  // namespace flystage
