#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eval/ConfidenceInterval.h"
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
  // The same test images with each call constrained to its curator's range
  // (eval/ConstrainedMetrics.h): stored at the end of training, computed on read for runs
  // finished before; none when the run's test predictions are not all stored.
  std::optional<StageMetrics> testConstrained;
  int constrainedN = 0;  // test images a curator's range constrained
  // The run's test images (image id, true stage; ordered by id) and, when every one has a
  // stored prediction, their unconstrained calls in the same order: what the intervals and
  // the paired comparison (eval/PairedComparison.h) resample.
  std::vector<std::pair<std::int64_t, int>> testImages;
  std::vector<int> testCalls;
  // The mean per-stage accuracy with its 95 % stratified bootstrap interval over the test
  // images (eval/ConfidenceInterval.h), computed on read, so runs stored before have it too;
  // none when the test predictions are not all stored.
  std::optional<Interval> meanPerStageInterval;
};

// The finished runs' test metrics; throws flystage::Error for a run that does not exist or
// has not finished.
std::vector<RunSummary> loadRunSummaries(Project& project, const std::vector<std::int64_t>& ids);

// A Markdown table in the layout of the paper's Table II: one row per run (per-stage
// accuracy for stages 4..17, then the mean per-stage accuracy with its 95 % bootstrap interval
// over the test images ("42.9 [36.8, 49.0]"), overall accuracy, within-one accuracy, mean
// absolute stage error and the share of errors inside the true range), each followed by its
// range-constrained row ("..., range-constrained") where it has one.
std::string comparisonTable(const std::vector<RunSummary>& runs);

// One row per method (in the order methods first appear): mean ± sd over its runs, the mean
// per-stage accuracy as mean [95 % Student t interval over its runs] (one run: its value), then
// its range-constrained row ("two-step, range-constrained (3)") over the runs that have one.
std::string aggregateTable(const std::vector<RunSummary>& runs);

// Runs evaluated on the same test set: the same test images with the same stages (their
// run_images, which record the split each run used).
struct TestSetGroup {
  std::vector<std::int64_t> runs;  // in the order given
  std::size_t images = 0;          // test images
};

// The runs grouped by their test set, in the order of each group's first run: one group when
// they all share it.
std::vector<TestSetGroup> testSetGroups(Project& project, const std::vector<std::int64_t>& ids);

// One line naming the runs of each test set when there is more than one ("warning: ..."), so a
// comparison does not silently set figures measured on different images side by side; empty
// when the runs share their test set.
std::string testSetWarning(const std::vector<TestSetGroup>& groups);

}  // namespace flystage
