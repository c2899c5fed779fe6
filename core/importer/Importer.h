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
  // An image already in the project that comes with another label gets it (one undoable
  // label-history action) when its label came from an import; a label set in FlyStage (by
  // hand, or an accepted prediction) is kept and counted, unless this is true.
  bool overwriteUserLabels = false;
};

struct ImportReport {
  std::int64_t importId = 0;  // 0 when nothing was committed
  int imported = 0;
  int withStage = 0;
  std::vector<std::string> duplicates;  // "path: same content as image #12 (path)"
  std::vector<ImportProblem> problems;  // parse problems and unreadable images (the first
                                        // kMaxListedProblems)
  std::size_t unlistedProblems = 0;     // problems after those, counted only
  // Images already in the project whose label this import changed: "path: image #3, 7-8 ->
  // 9-10". One label-history action (labelAction), so `undo` restores them all.
  std::vector<std::string> labelsChanged;
  std::int64_t labelAction = 0;
  // Labels set in FlyStage that the import would have changed, kept (overwriteUserLabels).
  std::vector<std::string> labelsKept;
  int skippedNonLateral = 0;
  int splitAssigned = 0;
  bool committed = false;

  std::size_t problemCount() const { return problems.size() + unlistedProblems; }
};

// Carries out a plan: reads, hashes, decodes and standardizes every image (on worker
// threads), then writes images, standardized pixels, labels and split in ONE transaction,
// so a crash or a cancel leaves the project as it was. Throws Cancelled on cancel.
// A label never changes unseen: an image given two different labels in one import (same
// content under two names) is a problem; a known image's new label is counted and undoable.
ImportReport runImport(Project& project, const ImportPlan& plan, const ImportOptions& options,
                       const ProgressFn& progress = {}, const CancelToken* cancel = nullptr);

}  // namespace flystage
