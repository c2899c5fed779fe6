#include "eval/PairedComparison.h"

#include <algorithm>

#include "train/TrainConfig.h"

namespace flystage {

namespace {

bool sameTestSet(const RunSummary& a, const RunSummary& b) {
  return a.seed == b.seed && a.testImages == b.testImages;
}

std::string runList(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i)
    out += (i == 0 ? "#" : ", #") + std::to_string(ids[i]);
  return out;
}

}  // namespace

PairedDifference pairRuns(const std::vector<RunSummary>& runs, const std::string& method,
                          const std::string& baseline) {
  PairedDifference d;
  d.method = method;
  d.baseline = baseline;
  std::vector<const RunSummary*> ofMethod, ofBaseline;
  for (const auto& r : runs) {
    if (r.method == method) ofMethod.push_back(&r);
    if (r.method == baseline) ofBaseline.push_back(&r);
  }
  std::vector<bool> used(ofBaseline.size(), false);
  std::vector<const RunSummary*> pairedA, pairedB;
  for (const auto* a : ofMethod) {
    std::size_t j = 0;
    while (j < ofBaseline.size() && (used[j] || !sameTestSet(*a, *ofBaseline[j]))) ++j;
    if (j == ofBaseline.size()) {
      d.unpaired.push_back(a->runId);
      continue;
    }
    used[j] = true;
    pairedA.push_back(a);
    pairedB.push_back(ofBaseline[j]);
    d.pairs.emplace_back(a->runId, ofBaseline[j]->runId);
    d.differences.push_back(a->test.meanPerStageAccuracy -
                            ofBaseline[j]->test.meanPerStageAccuracy);
  }
  for (std::size_t j = 0; j < ofBaseline.size(); ++j)
    if (!used[j]) d.unpaired.push_back(ofBaseline[j]->runId);
  if (d.pairs.size() >= 2) {
    d.interval = tInterval(d.differences);
  } else if (d.pairs.size() == 1 && !pairedA[0]->testCalls.empty() &&
             !pairedB[0]->testCalls.empty()) {
    std::vector<int> truth;
    for (const auto& im : pairedA[0]->testImages) truth.push_back(im.second);
    d.interval = pairedBootstrapDifference(truth, pairedA[0]->testCalls, pairedB[0]->testCalls);
    d.bootstrap = true;
    d.testImages = static_cast<int>(truth.size());
  }
  return d;
}

std::string pairedLine(const PairedDifference& d) {
  if (d.pairs.empty() && d.unpaired.empty()) return {};
  const std::string name = d.method + " \u2212 " + d.baseline + ": ";
  const std::string notPaired =
      d.unpaired.empty() ? std::string()
                         : "; not paired (no run of the other method with the same seed and "
                           "test set): " +
                               runList(d.unpaired);
  if (d.pairs.empty()) return name + "no pairs" + notPaired;
  const int n = static_cast<int>(d.pairs.size());
  const std::string seeds = std::to_string(n) + (n == 1 ? " seed" : " seeds");
  std::string line;
  if (d.interval && !d.bootstrap)
    line = percentText(*d.interval, true) + " points (" + seeds + ", paired)";
  else if (d.interval)
    line = percentText(*d.interval, true) + " points (" + seeds + ", paired bootstrap over " +
           std::to_string(d.testImages) + " test images)";
  else
    line = signedPercent(d.differences[0]) + " points (" + seeds +
           "; no interval: the test predictions are not all stored)";
  return name + line + notPaired;
}

std::string pairedTable(const std::vector<RunSummary>& runs) {
  const std::pair<Method, Method> comparisons[] = {
      {Method::TwoStep, Method::DataLevel},     {Method::TwoStep, Method::TwoStepNoLs},
      {Method::TwoStepNoLs, Method::DataLevel}, {Method::DataLevel, Method::Plain},
      {Method::Plain, Method::Gabor},           {Method::TwoStep, Method::Gabor}};
  std::string out;
  for (const auto& [m, b] : comparisons) {
    const auto has = [&runs](Method x) {
      return std::any_of(runs.begin(), runs.end(),
                         [&](const RunSummary& r) { return r.method == methodName(x); });
    };
    if (!has(m) || !has(b)) continue;
    out += "- " + pairedLine(pairRuns(runs, methodName(m), methodName(b))) + "\n";
  }
  if (out.empty()) return {};
  return "Paired differences of the mean per-stage accuracy (method \u2212 baseline, 95 % "
         "interval; pairs: the same seed and test set):\n\n" +
         out;
}

}  // namespace flystage
