#pragma once

#include <array>
#include <string>
#include <vector>

namespace flystage {

// Everything needed to rebuild a network exactly: stored with every saved model, so a
// model always reloads and predicts identically (architecture, input size, normalization).
struct ModelSpec {
  std::string preset;
  int inputHeight = 128;  // images are resized to this before normalization
  int inputWidth = 320;
  int stemStride = 1;  // CIFAR-style 3x3 stem; 2 makes a CPU preset 4x cheaper
  std::vector<int> widths = {64, 128, 256, 512};  // channels of the four stages
  std::vector<int> blocks = {2, 2, 2, 2};         // BasicBlocks per stage
  int poolKernel = 4;  // avg_pool2d(k, k) after the last stage (the authors' code: 4)
  int numClasses = 14;
  // Per-channel normalization of [0,1] RGB (the authors' values for BDGP).
  std::array<float, 3> mean = {0.746878f, 0.7491242f, 0.79941636f};
  std::array<float, 3> std = {0.22726493f, 0.22574322f, 0.15550046f};

  int featureHeight() const;  // grid of the feature map after pooling
  int featureWidth() const;
  int featureSize() const;       // length of F(x): widths.back() * grid
  double forwardGflops() const;  // multiply-adds x 2 of one forward pass of one image

  std::string toJson() const;
  static ModelSpec fromJson(const std::string& json);  // throws flystage::Error
};

}  // namespace flystage
