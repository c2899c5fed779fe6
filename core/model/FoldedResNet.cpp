#include "model/FoldedResNet.h"

#include "util/Error.h"

namespace flystage {

namespace {

namespace nn = torch::nn;

torch::Tensor foldedConvWeight(const nn::Conv2d& conv, const nn::BatchNorm2d& bn,
                               torch::Tensor* bias) {
  const auto scale = bn->weight / torch::sqrt(bn->running_var + bn->options.eps());
  *bias = (bn->bias - bn->running_mean * scale).contiguous();
  return (conv->weight * scale.view({-1, 1, 1, 1})).contiguous(torch::MemoryFormat::ChannelsLast);
}

// Layer i of a Sequential as the type ResNetImpl built it there.
template <typename T>
std::shared_ptr<T> layerAs(const nn::Sequential& s, std::size_t i) {
  auto p = i < s->size() ? std::dynamic_pointer_cast<T>(s->ptr(i)) : nullptr;
  if (!p) throw Error("folding a ResNet: layer " + std::to_string(i) + " is not as expected");
  return p;
}

}  // namespace

torch::Tensor FoldedResNet::Conv::operator()(const torch::Tensor& x) const {
  return torch::conv2d(x, weight, bias, stride, padding);
}

FoldedResNet::FoldedResNet(ResNet& model) : spec_(model->spec) {
  torch::NoGradGuard guard;
  mean_ = model->mean.clone();
  std_ = model->std.clone();
  auto fold = [](const nn::Conv2d& conv, const nn::BatchNorm2d& bn) {
    Conv c;
    c.weight = foldedConvWeight(conv, bn, &c.bias);
    c.stride = static_cast<int>(conv->options.stride()->at(0));
    c.padding =
        static_cast<int>(c10::get<torch::ExpandingArray<2>>(conv->options.padding())->at(0));
    return c;
  };
  // The layers as ResNetImpl builds them: stem conv, BN, ReLU, then BasicBlocks.
  const auto& body = model->body;
  stem_ = fold(nn::Conv2d(layerAs<nn::Conv2dImpl>(body, 0)),
               nn::BatchNorm2d(layerAs<nn::BatchNorm2dImpl>(body, 1)));
  for (std::size_t i = 3; i < body->size(); ++i) {
    const auto block = layerAs<BasicBlockImpl>(body, i);
    Block b{fold(block->conv1, block->bn1), fold(block->conv2, block->bn2), std::nullopt};
    if (!block->shortcut->is_empty())
      b.shortcut = fold(nn::Conv2d(layerAs<nn::Conv2dImpl>(block->shortcut, 0)),
                        nn::BatchNorm2d(layerAs<nn::BatchNorm2dImpl>(block->shortcut, 1)));
    blocks_.push_back(std::move(b));
  }
  headWeight_ = model->head->weight.clone();
  headBias_ = model->head->bias.clone();
}

torch::Tensor FoldedResNet::forward(const torch::Tensor& x) const {
  c10::InferenceMode inference;
  auto y = ((x - mean_) / std_).contiguous(torch::MemoryFormat::ChannelsLast);
  y = stem_(y).relu_();
  for (const auto& b : blocks_) {
    auto z = b.conv1(y).relu_();
    z = b.conv2(z);
    z += b.shortcut ? (*b.shortcut)(y) : y;
    y = z.relu_();
  }
  y = torch::avg_pool2d(y, spec_.poolKernel, spec_.poolKernel).flatten(1);
  return torch::linear(y, headWeight_, headBias_);
}

}  // namespace flystage
