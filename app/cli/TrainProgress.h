#pragma once

#include "train/Trainer.h"

namespace flystage::cli {

// Training callbacks for the terminal: a batch line on stderr, one line per epoch, and
// Ctrl-C to cancel (the run stays resumable).
TrainCallbacks terminalTrainCallbacks(bool quiet = false);

}  // namespace flystage::cli
