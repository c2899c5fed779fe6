#include "model/Presets.h"

#include "util/Error.h"

namespace flystage {

namespace {

Preset makePaper() {
  Preset p;
  p.name = "paper";
  p.description = "ResNet-18 (CIFAR stem), 128x320, 20,480-d feature; the paper's model (GPU)";
  p.spec.preset = p.name;
  // The paper's schedule: 1e-3, x0.1 at epochs 20 and 30; batch 16.
  p.train = TrainDefaults{};
  return p;
}

Preset makeFast() {
  Preset p;
  p.name = "fast";
  p.description = "stride-2 stem, widths 24-192, 1 block per stage, 128x320 (CPU)";
  p.spec.preset = p.name;
  p.spec.stemStride = 2;
  p.spec.widths = {24, 48, 96, 192};
  p.spec.blocks = {1, 1, 1, 1};
  p.spec.poolKernel = 2;
  // Fewer, larger steps than the paper's: SGD at 1e-3 does not converge in CPU-sized runs.
  p.train.learningRate = 0.01;
  p.train.lrSteps = {12, 18};
  p.train.lrMilestones = {0.5, 0.75};
  p.train.plainEpochs = 24;
  p.train.rangeEpochs = 10;
  p.train.fineEpochs = 16;
  p.train.featureEpochs = 10;
  p.train.featureLearningRate = 1e-3;
  return p;
}

Preset makeDemo() {
  Preset p = makeFast();
  p.name = "demo";
  p.description = "the fast preset at 64x160, widths 16-128 (the 10-minute CPU demo)";
  p.spec.preset = p.name;
  p.spec.inputHeight = 64;
  p.spec.inputWidth = 160;
  p.spec.widths = {16, 32, 64, 128};
  return p;
}

Preset makeTiny() {
  Preset p;
  p.name = "tiny";
  p.description = "a very small network at 32x80 for tests";
  p.spec.preset = p.name;
  p.spec.inputHeight = 32;
  p.spec.inputWidth = 80;
  p.spec.stemStride = 1;
  p.spec.widths = {8, 16, 32, 64};
  p.spec.blocks = {1, 1, 1, 1};
  p.spec.poolKernel = 2;
  p.train.learningRate = 0.02;
  p.train.lrSteps = {100};
  p.train.lrMilestones = {0.5, 0.75};
  p.train.plainEpochs = 3;
  p.train.rangeEpochs = 2;
  p.train.fineEpochs = 2;
  p.train.featureEpochs = 2;
  p.train.featureLearningRate = 0.005;
  return p;
}

}  // namespace

const std::vector<Preset>& presets() {
  static const std::vector<Preset> all = {makePaper(), makeFast(), makeDemo(), makeTiny()};
  return all;
}

const Preset& preset(const std::string& name) {
  std::string names;
  for (const auto& p : presets()) {
    if (p.name == name) return p;
    names += (names.empty() ? "" : ", ") + p.name;
  }
  throw Error("unknown preset '" + name + "' (choose one of " + names + ")");
}

}  // namespace flystage
