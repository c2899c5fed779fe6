#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "image/Standardizer.h"
#include "importer/ImportPlan.h"
#include "util/Progress.h"

namespace flystage {

class Project;

struct ImportOptions {
  // false (default): an import with any bad row or file imports nothing and lists every
  // problem. true: the good rows are imported and the rest reported.
  bool skipBad = false;
  StandardizeOptions standardize;
  int threads = 0;  // decoding + standardizing workers; 0 = all cores
};

struct ImportReport {
  std::int64_t importId = 0;  // 0 when nothing was committed
  int imported = 0;
  int withStage = 0;
  std::vector<std::string> duplicates;  // "path: same content as image #12 (path)"
  std::vector<ImportProblem> problems;  // parse problems and unreadable images
  int skippedNonLateral = 0;
  int splitAssigned = 0;
  bool committed = false;
};

// Carries out a plan: reads, hashes, decodes and standardizes every image (on worker
// threads), then writes images, standardized pixels, labels and split in ONE transaction,
// so a crash or a cancel leaves the project as it was. Throws Cancelled on cancel.
ImportReport runImport(Project& project, const ImportPlan& plan, const ImportOptions& options,
                       const ProgressFn& progress = {}, const CancelToken* cancel = nullptr);

}  // namespace flystage
