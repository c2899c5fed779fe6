#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eval/ConfidenceInterval.h"
#include "eval/RunComparison.h"

namespace flystage {

// Two methods compared run against run: a run of `method` is paired with a run of `baseline`
// trained with the same seed and evaluated on the same test set (the same images with the same
// stages), so what the seed and the split share cancels out of the difference.
struct PairedDifference {
  std::string method, baseline;
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;  // (run of method, run of baseline)
  std::vector<double> differences;  // per pair, mean per-stage accuracy (method - baseline)
  // 95 %: Student t over the pairs' differences (two or more pairs); for one pair the paired
  // stratified bootstrap over its test images (none when its test predictions are not stored).
  std::optional<Interval> interval;
  bool bootstrap = false;
  int testImages = 0;                  // of the one pair the bootstrap resampled
  std::vector<std::int64_t> unpaired;  // runs of either method with no partner
};

// Pairs in the order the runs of `method` come; each run is used at most once.
PairedDifference pairRuns(const std::vector<RunSummary>& runs, const std::string& method,
                          const std::string& baseline);

// "two-step − data-level: +1.6 [−2.0, +5.2] points (5 seeds, paired)", plus the runs left
// unpaired; empty when one of the methods has no run.
std::string pairedLine(const PairedDifference& d);

// The comparisons FlyStage reports (two-step − data-level, two-step − two-step-no-ls (the
// similarity loss against its ablation), two-step-no-ls − data-level, data-level − plain,
// plain − gabor, two-step − gabor) among `runs`, as a Markdown list under one heading line; empty
// when no two of these methods have runs.
std::string pairedTable(const std::vector<RunSummary>& runs);

}  // namespace flystage
