#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace flystage {

// 95 % intervals for the figures FlyStage reports (docs/results.md, "Confidence intervals").

inline constexpr int kBootstrapResamples = 2000;

// An estimate with its 95 % interval, over n units (test images, or seeds).
struct Interval {
  double estimate = 0, lo = 0, hi = 0;
  int n = 0;
};

// Mean of `values` with a 95 % percentile-bootstrap interval (`resamples`, seeded); one value:
// an interval of that value alone. Throws flystage::Error for no values.
struct MeanInterval {
  double mean = 0, low = 0, high = 0;
};
MeanInterval bootstrapMean(const std::vector<double>& values, std::uint64_t seed,
                           int resamples = kBootstrapResamples);

// The quantile p of sorted values (linear between order statistics, R's type 7).
double sortedQuantile(const std::vector<double>& sorted, double p);

// A run's mean per-stage accuracy (Table II's figure, 0..1) over its test images with a
// stratified percentile bootstrap: each resample redraws every stage's images within that
// stage, so each stage keeps its count. Stages 4..17; throws std::invalid_argument as
// computeStageMetrics does.
Interval bootstrapMeanPerStage(const std::vector<int>& trueStages,
                               const std::vector<int>& predicted,
                               int resamples = kBootstrapResamples, std::uint64_t seed = 1);

// Two runs' calls of the same test images: the difference of their mean per-stage accuracy
// (a - b) with the same stratified resamples for both, so what they share cancels.
Interval pairedBootstrapDifference(const std::vector<int>& trueStages, const std::vector<int>& a,
                                   const std::vector<int>& b, int resamples = kBootstrapResamples,
                                   std::uint64_t seed = 1);

// Student's t 95 % interval of the mean of `values` (one per seed, or paired differences);
// throws flystage::Error for fewer than 2 values.
Interval tInterval(const std::vector<double>& values);

// "0.15 [0.13, 0.18]" with `digits` decimals.
std::string intervalText(double estimate, double lo, double hi, int digits);
// A share in percentage points, one decimal: "42.9 [36.8, 49.0]"; signed (a difference):
// "+1.6 [−2.0, +5.2]" (a true minus sign).
std::string percentText(const Interval& interval, bool signedText = false);
// One share as signed percentage points: "+1.6", "−2.0", "0.0".
std::string signedPercent(double share);

}  // namespace flystage
