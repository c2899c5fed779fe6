#pragma once

#include <string>
#include <vector>

#include "model/ModelSpec.h"

namespace flystage {

// Training hyperparameters; each preset has its documented defaults (docs/results.md).
struct TrainDefaults {
  double learningRate = 1e-3;
  std::vector<int> lrSteps = {20, 30};  // epochs at which the rate is multiplied by 0.1
  // The step schedule of new runs (issue 18): x0.1 at these fractions of every phase's length.
  // paper {1/3, 1/2}: the paper's epochs 20 and 30 of 60; fast, demo and tiny {0.5, 0.75}
  // (a 16-epoch fine phase drops at 8 and 12, a 10-epoch range phase at 5 and 8 (7.5 rounds
  // up), a 10-epoch feature level at 5 and 8).
  std::vector<double> lrMilestones = {1.0 / 3, 0.5};
  int batchSize = 16;
  int plainEpochs = 60;
  int rangeEpochs = 30;    // data-level step 1: range pretraining
  int fineEpochs = 20;     // data-level step 2: fine-tuning on stages
  int featureEpochs = 50;  // feature-level fine-tuning with the similarity loss
  double featureLearningRate = 1e-3;
};

struct Preset {
  std::string name;
  std::string description;
  ModelSpec spec;
  TrainDefaults train;
};

// paper: the authors' CIFAR-style ResNet-18 at 128 x 320 (a GPU preset, ~44 GFLOP/image);
// fast: stride-2 stem, narrower, 1 block per stage (~0.7 GFLOP, trains on a 2-core CPU);
// demo: fast at 64 x 160 (the 10-minute CPU demo); tiny: for tests.
const std::vector<Preset>& presets();
const Preset& preset(const std::string& name);  // throws flystage::Error naming the choices

}  // namespace flystage
