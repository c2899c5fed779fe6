#pragma once

#include "train/TrainConfig.h"

namespace flystage {

// The learning rate of epoch epoch0 (0-based) of a phase of phaseEpochs epochs, starting
// from the phase's base rate:
// - Step: x lrGamma from epoch lround(f * phaseEpochs) on, for each milestone fraction f
//   (the presets' {0.5, 0.75}: a 16-epoch phase drops at epochs 8 and 12, 0-based);
// - Cosine: base * (1 + cos(pi * epoch0 / phaseEpochs)) / 2, from base towards 0;
// - AbsoluteSteps (runs before issue 18): x lrGamma from each epoch in lrSteps on, the same
//   epochs in every phase (so a 10-epoch phase with steps {12, 18} never decays).
double learningRateAt(const TrainConfig& config, double base, int epoch0, int phaseEpochs);

}  // namespace flystage
