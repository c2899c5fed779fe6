#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "eval/StageMetrics.h"

namespace flystage {

class Project;

struct RunSummary {
  std::int64_t runId = 0;
  std::string method;
  std::string preset;
  std::uint64_t seed = 0;
  double durationSeconds = 0;
  StageMetrics test;
};

// The finished runs' test metrics; throws flystage::Error for a run that does not exist or
// has not finished.
std::vector<RunSummary> loadRunSummaries(Project& project, const std::vector<std::int64_t>& ids);

// A Markdown table in the layout of the paper's Table II: one row per run (per-stage
// accuracy for stages 4..17, then the mean per-stage accuracy, overall accuracy, within-one
// accuracy, mean absolute stage error and the share of errors inside the true range).
std::string comparisonTable(const std::vector<RunSummary>& runs);

// One row per method (in the order methods first appear): mean ± sd over its runs.
std::string aggregateTable(const std::vector<RunSummary>& runs);

}  // namespace flystage
