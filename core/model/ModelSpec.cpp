#include "model/ModelSpec.h"

#include <nlohmann/json.hpp>

#include "util/Error.h"

namespace flystage {

namespace {
int afterStages(int size, int stemStride) {
  return size / stemStride / 8;
}
}  // namespace

int ModelSpec::featureHeight() const {
  return std::max(1, afterStages(inputHeight, stemStride) / poolKernel);
}
int ModelSpec::featureWidth() const {
  return std::max(1, afterStages(inputWidth, stemStride) / poolKernel);
}
int ModelSpec::featureSize() const {
  return widths.back() * featureHeight() * featureWidth();
}

double ModelSpec::forwardGflops() const {
  double flops = 0;
  double h = inputHeight / stemStride, w = inputWidth / stemStride;
  int in = 3;
  flops += 2.0 * h * w * in * widths[0] * 9;  // stem
  in = widths[0];
  for (std::size_t s = 0; s < widths.size(); ++s) {
    const int out = widths[s];
    for (int b = 0; b < blocks[s]; ++b) {
      if (b == 0 && s > 0) {
        h /= 2;
        w /= 2;
        flops += 2.0 * h * w * in * out;  // 1x1 shortcut
      }
      flops += 2.0 * h * w * in * out * 9 + 2.0 * h * w * out * out * 9;
      in = out;
    }
  }
  flops += 2.0 * featureSize() * numClasses;
  return flops / 1e9;
}

std::string ModelSpec::toJson() const {
  nlohmann::json j;
  j["preset"] = preset;
  j["input_height"] = inputHeight;
  j["input_width"] = inputWidth;
  j["stem_stride"] = stemStride;
  j["widths"] = widths;
  j["blocks"] = blocks;
  j["pool_kernel"] = poolKernel;
  j["num_classes"] = numClasses;
  j["mean"] = mean;
  j["std"] = std;
  return j.dump();
}

ModelSpec ModelSpec::fromJson(const std::string& text) {
  try {
    const auto j = nlohmann::json::parse(text);
    ModelSpec s;
    s.preset = j.at("preset").get<std::string>();
    s.inputHeight = j.at("input_height").get<int>();
    s.inputWidth = j.at("input_width").get<int>();
    s.stemStride = j.at("stem_stride").get<int>();
    s.widths = j.at("widths").get<std::vector<int>>();
    s.blocks = j.at("blocks").get<std::vector<int>>();
    s.poolKernel = j.at("pool_kernel").get<int>();
    s.numClasses = j.at("num_classes").get<int>();
    s.mean = j.at("mean").get<std::array<float, 3>>();
    s.std = j.at("std").get<std::array<float, 3>>();
    // Upper bounds too: the checksum covers the weights, not this text, and a damaged number
    // (widths of a million) would make building the network allocate terabytes.
    auto within = [](int v, int lo, int hi) { return v >= lo && v <= hi; };
    bool ok = s.widths.size() == 4 && s.blocks.size() == 4 && within(s.inputHeight, 8, 4096) &&
              within(s.inputWidth, 8, 4096) && within(s.numClasses, 1, 1000) &&
              within(s.stemStride, 1, 64) && within(s.poolKernel, 1, 64);
    for (std::size_t i = 0; ok && i < 4; ++i)
      ok = within(s.widths[i], 1, 4096) && within(s.blocks[i], 1, 64);
    if (!ok) throw Error("values out of range");
    return s;
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("model architecture description is damaged (") + e.what() + ")");
  } catch (const Error& e) {
    throw Error(std::string("model architecture description is invalid: ") + e.what());
  }
}

}  // namespace flystage
