#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "util/Progress.h"

namespace flystage {
class Project;
}

namespace flystage::figure {

struct ReportOptions {
  // The run whose model makes the GEMs by prediction, the masked GEMs and the saliency
  // examples; default: the latest finished two-step run, else the latest finished network run.
  std::optional<std::int64_t> featuredRun;
  double minConfidence = 0.5;  // GEMs by prediction
  int examples = 4;            // saliency examples: half right, half wrong calls
  int dpi = 150;               // the PNGs inside the HTML
};

struct ReportResult {
  std::filesystem::path index;               // DIR/index.html, self-contained (images inline)
  std::vector<std::filesystem::path> files;  // every figure as PNG, SVG, PDF and CSV
  std::optional<std::int64_t> featuredRun;
};

// A self-contained HTML report of the project: its images and labels, the Table II-style
// comparison of every finished run (per run and mean ± sd per method), the per-stage accuracy
// plot, a confusion matrix per method, GEMs and masked GEMs, and saliency examples of right and
// wrong calls. Figures also go to DIR/figures in the three formats. Throws flystage::Error
// (nothing to report, DIR not writable), Cancelled.
ReportResult writeReport(Project& project, const std::filesystem::path& dir,
                         const ReportOptions& options = {}, const ProgressFn& progress = {},
                         const CancelToken* cancel = nullptr);

}  // namespace flystage::figure
