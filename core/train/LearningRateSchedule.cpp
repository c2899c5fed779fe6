#include "train/LearningRateSchedule.h"

#include <cmath>

namespace flystage {

double learningRateAt(const TrainConfig& config, double base, int epoch0, int phaseEpochs) {
  double lr = base;
  switch (config.lrSchedule) {
    case LrSchedule::Step:
      for (double f : config.lrMilestones)
        if (epoch0 >= std::lround(f * phaseEpochs)) lr *= config.lrGamma;
      break;
    case LrSchedule::Cosine:
      if (phaseEpochs > 0) {
        const double pi = std::acos(-1.0);
        lr = base * 0.5 * (1 + std::cos(pi * epoch0 / phaseEpochs));
      }
      break;
    case LrSchedule::AbsoluteSteps:
      for (int step : config.lrSteps)
        if (epoch0 >= step) lr *= config.lrGamma;
      break;
  }
  return lr;
}

}  // namespace flystage
