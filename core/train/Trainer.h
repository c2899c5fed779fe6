#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "store/RunStore.h"
#include "train/TrainConfig.h"
#include "util/PauseToken.h"
#include "util/Progress.h"

namespace flystage {

class Project;

struct TrainProgress {
  std::string phase;  // "load", "range", "fine", "plain", "feature", "references", "gabor"
  int phaseIndex = 0;
  int phases = 1;
  int epoch = 0;  // 1-based, within the phase
  int epochs = 0;
  int batch = 0;
  int batches = 0;
  double loss = 0;
  double imagesPerSecond = 0;  // in this epoch, paused time left out
  // The whole run (a resumed one included) and this session's time, paused time left out.
  double fractionDone = 0;       // 0..1, by training images seen over all phases' epochs
  double elapsedSeconds = 0;     // since this train/resume call began its first phase
  double remainingSeconds = -1;  // estimate (validation included); -1 until a batch is done
};

struct TrainCallbacks {
  std::function<void(const TrainProgress&)> progress;
  std::function<void(const EpochRecord&)> epochEnd;  // for live curves
  std::function<void(std::int64_t runId)> runCreated;
  const CancelToken* cancel = nullptr;  // honoured within a batch
  // Waited on before every batch (a cancel still ends the wait); paused time counts
  // neither in the run's duration nor in the rates and estimates above.
  const PauseToken* pause = nullptr;
};

// Algorithm 1 of the paper: plain, data-level or two-step training (or the Gabor
// baseline), recorded as a run in the project: parameters, versions, device, per-epoch
// history, model, test predictions and metrics. Checkpoints every epoch; a cancelled or
// crashed run continues with resumeTraining() and ends as an uninterrupted run would.
// Returns the run id. Throws Cancelled (the run stays resumable) or flystage::Error.
std::int64_t train(Project& project, const TrainConfig& config, const TrainCallbacks& callbacks);
std::int64_t resumeTraining(Project& project, std::int64_t runId, const TrainCallbacks& callbacks);

}  // namespace flystage
