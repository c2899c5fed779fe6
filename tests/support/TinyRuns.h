#pragma once

// Two finished runs on a test project, trained in seconds: a one-epoch plain network (it has
// a learned feature) and the Gabor baseline (it has none). Header-only: only the suites that
// train include it.
#include <cstdint>
#include <utility>

#include "store/Project.h"
#include "train/TrainConfig.h"
#include "train/Trainer.h"

namespace flystage::test {

struct TinyRuns {
  std::int64_t network = 0;
  std::int64_t gabor = 0;
};

inline TinyRuns trainTinyNetworkAndGabor(Project& p) {
  TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
  c.plainEpochs = 1;
  c.device = "cpu";
  TinyRuns runs;
  runs.network = train(p, c, {});
  runs.gabor = train(p, TrainConfig::forPreset(Method::Gabor, "tiny"), {});
  return runs;
}

}  // namespace flystage::test
