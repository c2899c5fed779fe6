#pragma once

// FlyStage's model storage before weights format 2: LibTorch archives (TorchScript zip files).
// Loading one can run code, so nothing else in FlyStage reads them; this converts a project's
// legacy models once, and only when the user says they trust where the project came from.
#include <string>
#include <vector>

namespace flystage {

class Project;

struct LegacyMigration {
  int models = 0;                  // legacy models found (converted when trusted)
  int checkpoints = 0;             // legacy checkpoints found (dropped when trusted)
  std::vector<std::string> lines;  // one per model or checkpoint: which run, what was done
};

// Finds the project's legacy models and checkpoints. Without `trustModels` nothing is read or
// changed. With it, each model is loaded by LibTorch's archive reader (which may run code the
// archive holds) and rewritten as data (TensorFile); legacy checkpoints are dropped, so their
// runs resume from their first epoch. One transaction: all converted, or nothing changed.
LegacyMigration migrateLegacyModels(Project& project, bool trustModels);

}  // namespace flystage
