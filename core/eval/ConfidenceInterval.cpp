#include "eval/ConfidenceInterval.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>
#include <stdexcept>

#include <boost/math/distributions/students_t.hpp>

#include "data/Stage.h"
#include "util/Error.h"

namespace flystage {

namespace {

// Each stage's test images (indices into the inputs), for stratified resampling.
std::vector<std::vector<std::size_t>> byStage(const std::vector<int>& trueStages,
                                              const std::vector<const std::vector<int>*>& calls) {
  for (const auto* c : calls)
    if (c->size() != trueStages.size())
      throw std::invalid_argument("bootstrap: " + std::to_string(trueStages.size()) +
                                  " true stages but " + std::to_string(c->size()) + " calls");
  std::vector<std::vector<std::size_t>> stages(kNumFineStages);
  for (std::size_t i = 0; i < trueStages.size(); ++i) {
    const int s = trueStages[i];
    if (s < kMinFineStage || s > kMaxStage)
      throw std::invalid_argument("bootstrap: stage " + std::to_string(s) + " outside " +
                                  std::to_string(kMinFineStage) + ".." + std::to_string(kMaxStage));
    stages[static_cast<std::size_t>(trueStages[i] - kMinFineStage)].push_back(i);
  }
  stages.erase(
      std::remove_if(stages.begin(), stages.end(), [](const auto& s) { return s.empty(); }),
      stages.end());
  return stages;
}

// Mean over stages of (correct of `a` - correct of `b`) / count for the chosen indices; `b`
// may be null (then the plain mean per-stage accuracy of `a`).
double meanPerStage(const std::vector<std::vector<std::size_t>>& stages,
                    const std::vector<std::vector<std::size_t>>& chosen,
                    const std::vector<int>& truth, const std::vector<int>& a,
                    const std::vector<int>* b) {
  double sum = 0;
  for (std::size_t s = 0; s < stages.size(); ++s) {
    int score = 0;
    for (std::size_t i : chosen[s]) {
      score += a[i] == truth[i] ? 1 : 0;
      if (b) score -= (*b)[i] == truth[i] ? 1 : 0;
    }
    sum += static_cast<double>(score) / static_cast<double>(stages[s].size());
  }
  return sum / static_cast<double>(stages.size());
}

Interval stratifiedBootstrap(const std::vector<int>& truth, const std::vector<int>& a,
                             const std::vector<int>* b, int resamples, std::uint64_t seed) {
  std::vector<const std::vector<int>*> calls{&a};
  if (b) calls.push_back(b);
  const auto stages = byStage(truth, calls);
  if (stages.empty()) throw Error("a mean per-stage accuracy of no test images");
  Interval r;
  r.n = static_cast<int>(truth.size());
  r.estimate = meanPerStage(stages, stages, truth, a, b);
  r.lo = r.hi = r.estimate;
  if (resamples < 2) return r;
  std::mt19937_64 rng(seed);
  std::vector<std::vector<std::size_t>> chosen(stages.size());
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (auto& m : means) {
    for (std::size_t s = 0; s < stages.size(); ++s) {
      std::uniform_int_distribution<std::size_t> pick(0, stages[s].size() - 1);
      chosen[s].resize(stages[s].size());
      for (auto& i : chosen[s]) i = stages[s][pick(rng)];
    }
    m = meanPerStage(stages, chosen, truth, a, b);
  }
  std::sort(means.begin(), means.end());
  r.lo = sortedQuantile(means, 0.025);
  r.hi = sortedQuantile(means, 0.975);
  return r;
}

}  // namespace

double sortedQuantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const auto hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

MeanInterval bootstrapMean(const std::vector<double>& values, std::uint64_t seed, int resamples) {
  if (values.empty()) throw Error("a mean of no values");
  MeanInterval r;
  r.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  r.low = r.high = r.mean;
  if (values.size() < 2 || resamples < 2) return r;
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, values.size() - 1);
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (auto& m : means) {
    double sum = 0;
    for (std::size_t i = 0; i < values.size(); ++i) sum += values[pick(rng)];
    m = sum / static_cast<double>(values.size());
  }
  std::sort(means.begin(), means.end());
  r.low = sortedQuantile(means, 0.025);
  r.high = sortedQuantile(means, 0.975);
  return r;
}

Interval bootstrapMeanPerStage(const std::vector<int>& trueStages,
                               const std::vector<int>& predicted, int resamples,
                               std::uint64_t seed) {
  return stratifiedBootstrap(trueStages, predicted, nullptr, resamples, seed);
}

Interval pairedBootstrapDifference(const std::vector<int>& trueStages, const std::vector<int>& a,
                                   const std::vector<int>& b, int resamples, std::uint64_t seed) {
  return stratifiedBootstrap(trueStages, a, &b, resamples, seed);
}

Interval tInterval(const std::vector<double>& values) {
  if (values.size() < 2)
    throw Error("a t interval needs at least 2 values (seeds), not " +
                std::to_string(values.size()));
  const double n = static_cast<double>(values.size());
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
  double ss = 0;
  for (double v : values) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / (n - 1));
  const boost::math::students_t t(n - 1);
  const double half = boost::math::quantile(t, 0.975) * sd / std::sqrt(n);
  return Interval{mean, mean - half, mean + half, static_cast<int>(values.size())};
}

std::string intervalText(double estimate, double lo, double hi, int digits) {
  const auto number = [digits](double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return std::string(buf);
  };
  return number(estimate) + " [" + number(lo) + ", " + number(hi) + "]";
}

std::string signedPercent(double share) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%+.1f", 100 * share);
  std::string s = buf;
  if (s == "+0.0" || s == "-0.0") return "0.0";
  if (s[0] == '-') s.replace(0, 1, "\u2212");
  return s;
}

std::string percentText(const Interval& interval, bool signedText) {
  if (!signedText)
    return intervalText(100 * interval.estimate, 100 * interval.lo, 100 * interval.hi, 1);
  return signedPercent(interval.estimate) + " [" + signedPercent(interval.lo) + ", " +
         signedPercent(interval.hi) + "]";
}

}  // namespace flystage
