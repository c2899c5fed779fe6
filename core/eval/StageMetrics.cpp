#include "eval/StageMetrics.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "data/StageRange.h"

namespace flystage {

StageMetrics computeStageMetrics(const std::vector<int>& truth, const std::vector<int>& pred) {
  if (truth.size() != pred.size())
    throw std::invalid_argument("true and predicted stage lists differ in length");
  StageMetrics m;
  m.nTest = static_cast<int>(truth.size());
  std::array<int, kNumFineStages> correct{};
  int allCorrect = 0, withinOne = 0, errors = 0, errorsInRange = 0;
  double absError = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const int t = fineStageIndex(truth[i]);
    const int p = fineStageIndex(pred[i]);
    ++m.confusion[t][p];
    ++m.perStageCount[t];
    const int d = std::abs(truth[i] - pred[i]);
    absError += d;
    if (d == 0) {
      ++correct[t];
      ++allCorrect;
    } else {
      ++errors;
      if (stageRangeOfStage(truth[i]).contains(pred[i])) ++errorsInRange;
    }
    if (d <= 1) ++withinOne;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  double sum = 0;
  int stages = 0;
  for (int s = 0; s < kNumFineStages; ++s) {
    if (m.perStageCount[s] == 0) {
      m.perStageAccuracy[s] = nan;
      continue;
    }
    m.perStageAccuracy[s] = static_cast<double>(correct[s]) / m.perStageCount[s];
    sum += m.perStageAccuracy[s];
    ++stages;
  }
  const double n = static_cast<double>(truth.size());
  m.meanPerStageAccuracy = stages ? sum / stages : nan;
  m.overallAccuracy = n > 0 ? allCorrect / n : nan;
  m.withinOneStageAccuracy = n > 0 ? withinOne / n : nan;
  m.meanAbsoluteStageError = n > 0 ? absError / n : nan;
  m.errorsInsideTrueRange = errors ? static_cast<double>(errorsInRange) / errors : nan;
  return m;
}

namespace {
nlohmann::json number(double v) {
  return std::isnan(v) ? nlohmann::json() : nlohmann::json(v);
}
double fromNumber(const nlohmann::json& j) {
  return j.is_null() ? std::numeric_limits<double>::quiet_NaN() : j.get<double>();
}
}  // namespace

std::string stageMetricsJson(const StageMetrics& m, const std::string& method) {
  nlohmann::json j;
  if (!method.empty()) j["method"] = method;
  j["stages"] = nlohmann::json::array();
  j["per_stage_accuracy"] = nlohmann::json::array();
  j["per_stage_count"] = nlohmann::json::array();
  for (int s = 0; s < kNumFineStages; ++s) {
    j["stages"].push_back(fineStageFromIndex(s));
    j["per_stage_accuracy"].push_back(number(m.perStageAccuracy[s]));
    j["per_stage_count"].push_back(m.perStageCount[s]);
  }
  j["mean_per_stage_accuracy"] = number(m.meanPerStageAccuracy);
  j["overall_accuracy"] = number(m.overallAccuracy);
  j["within_one_stage_accuracy"] = number(m.withinOneStageAccuracy);
  j["mean_absolute_stage_error"] = number(m.meanAbsoluteStageError);
  j["errors_inside_true_range"] = number(m.errorsInsideTrueRange);
  j["confusion"] = m.confusion;
  j["n_test"] = m.nTest;
  return j.dump(2);
}

StageMetrics stageMetricsFromJson(const std::string& text) {
  const auto j = nlohmann::json::parse(text);
  StageMetrics m;
  m.nTest = j.at("n_test").get<int>();
  for (int s = 0; s < kNumFineStages; ++s) {
    m.perStageAccuracy[s] = fromNumber(j.at("per_stage_accuracy").at(s));
    m.perStageCount[s] = j.at("per_stage_count").at(s).get<int>();
  }
  m.meanPerStageAccuracy = fromNumber(j.at("mean_per_stage_accuracy"));
  m.overallAccuracy = fromNumber(j.at("overall_accuracy"));
  m.withinOneStageAccuracy = fromNumber(j.at("within_one_stage_accuracy"));
  m.meanAbsoluteStageError = fromNumber(j.at("mean_absolute_stage_error"));
  m.errorsInsideTrueRange = fromNumber(j.at("errors_inside_true_range"));
  m.confusion = j.at("confusion").get<decltype(m.confusion)>();
  return m;
}

MeanSpread meanSpread(const std::vector<double>& values) {
  MeanSpread r;
  r.n = static_cast<int>(values.size());
  if (values.empty()) return r;
  for (double v : values) r.mean += v;
  r.mean /= r.n;
  if (r.n > 1) {
    double ss = 0;
    for (double v : values) ss += (v - r.mean) * (v - r.mean);
    r.sd = std::sqrt(ss / (r.n - 1));
  }
  return r;
}

}  // namespace flystage
