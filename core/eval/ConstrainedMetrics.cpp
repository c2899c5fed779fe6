#include "eval/ConstrainedMetrics.h"

#include <map>

#include <nlohmann/json.hpp>

#include "model/RangeConstraint.h"

namespace flystage {

int constrainedTestCall(const RunImage& image, const StoredPrediction& prediction,
                        bool* constrained) {
  if (constrained) *constrained = false;
  const auto range = parseStageRange(image.stageRange);
  if (!range || image.rangeFromStage) return prediction.stage;
  const auto c = constrainToRange(prediction.probabilities, *range);
  if (!c) return prediction.stage;
  if (constrained) *constrained = true;
  return c->stage;
}

std::optional<ConstrainedTestMetrics> constrainedTestMetrics(
    const std::vector<RunImage>& runImages, const std::vector<StoredPrediction>& predictions) {
  std::map<std::int64_t, const StoredPrediction*> byImage;
  for (const auto& p : predictions) byImage[p.imageId] = &p;
  ConstrainedTestMetrics out;
  std::vector<int> truth, called;
  for (const auto& im : runImages) {
    if (im.part != "test" || !im.stage) continue;
    const auto it = byImage.find(im.imageId);
    if (it == byImage.end()) return std::nullopt;
    bool constrained = false;
    called.push_back(constrainedTestCall(im, *it->second, &constrained));
    truth.push_back(*im.stage);
    if (constrained) ++out.constrainedN;
  }
  if (truth.empty()) return std::nullopt;
  out.metrics = computeStageMetrics(truth, called);
  return out;
}

std::string constrainedMetricsJson(const ConstrainedTestMetrics& m, const std::string& method) {
  auto j = nlohmann::json::parse(stageMetricsJson(m.metrics, method));
  j["constrained_n"] = m.constrainedN;
  return j.dump();
}

ConstrainedTestMetrics constrainedMetricsFromJson(const std::string& json) {
  ConstrainedTestMetrics m;
  m.metrics = stageMetricsFromJson(json);
  m.constrainedN = nlohmann::json::parse(json).value("constrained_n", 0);
  return m;
}

}  // namespace flystage
