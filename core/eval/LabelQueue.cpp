#include "eval/LabelQueue.h"

#include <algorithm>

#include "data/Stage.h"
#include "model/RangeConstraint.h"
#include "util/Error.h"

namespace flystage {

std::string queueStrategyName(QueueStrategy s) {
  switch (s) {
    case QueueStrategy::LeastConfident:
      return "least-confident";
    case QueueStrategy::StageBoundary:
      return "stage-boundary";
    case QueueStrategy::RangeDisagreement:
      return "range-disagreement";
    case QueueStrategy::LabellerConflict:
      return "labeller-conflict";
  }
  return "least-confident";
}

std::optional<QueueStrategy> parseQueueStrategy(const std::string& text) {
  for (auto s : {QueueStrategy::LeastConfident, QueueStrategy::StageBoundary,
                 QueueStrategy::RangeDisagreement, QueueStrategy::LabellerConflict})
    if (queueStrategyName(s) == text) return s;
  return std::nullopt;
}

namespace {

// Highest score first; ties by image id, so the queue is the same on every machine.
void sortByScore(std::vector<QueueEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const QueueEntry& a, const QueueEntry& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.imageId < b.imageId;
  });
}

}  // namespace

std::vector<QueueEntry> rankForLabelling(const std::vector<StoredPrediction>& predictions,
                                         const std::map<std::int64_t, Label>& labels,
                                         QueueStrategy strategy) {
  if (strategy == QueueStrategy::LabellerConflict) return {};
  const auto checkSize = [](const StoredPrediction& pr, const std::vector<float>& p) {
    if (p.size() != static_cast<std::size_t>(kNumFineStages))
      throw Error("prediction of image #" + std::to_string(pr.imageId) + " has " +
                  std::to_string(p.size()) + " probabilities, not " +
                  std::to_string(kNumFineStages) + " (stages 4..17); predict again with this run");
  };
  std::vector<QueueEntry> out;
  for (const auto& pr : predictions) {
    checkSize(pr, pr.probabilities);
    const auto it = labels.find(pr.imageId);
    const Label label = it == labels.end() ? Label{} : it->second;
    if (label.stage) continue;
    // 1-3 holds no precise stage the model could learn (it predicts 4..17): a label there
    // teaches nothing, whatever the strategy.
    if (label.range && !constrainable(*label.range)) continue;
    // RangeDisagreement is about the model itself: its unconstrained call against the range
    // (the range-constrained call lies inside by construction). The others rank the call.
    const bool disagreement = strategy == QueueStrategy::RangeDisagreement;
    if (disagreement && (!label.range || !outsideRange(pr.stage, *label.range))) continue;
    const std::vector<float>& p = disagreement ? pr.probabilities : pr.callProbabilities();
    checkSize(pr, p);

    // Top two by probability; the lower stage wins a tie, as argmax does.
    int first = 0, second = -1;
    for (int i = 1; i < kNumFineStages; ++i)
      if (p[i] > p[first]) first = i;
    for (int i = 0; i < kNumFineStages; ++i)
      if (i != first && (second < 0 || p[i] > p[second])) second = i;

    QueueEntry e;
    e.imageId = pr.imageId;
    e.predictedStage = fineStageFromIndex(first);
    e.runnerUpStage = fineStageFromIndex(second);
    e.confidence = p[first];
    e.margin = p[first] - p[second];
    if (label.range) e.outsideRange = massOutside(pr.probabilities, *label.range);
    switch (strategy) {
      case QueueStrategy::LeastConfident:
        e.score = 1.0 - e.confidence;
        break;
      case QueueStrategy::StageBoundary:
        e.score = 1.0 - e.margin;
        break;
      case QueueStrategy::RangeDisagreement:
      case QueueStrategy::LabellerConflict:
        e.score = e.outsideRange;
        break;
    }
    e.score = std::clamp(e.score, 0.0, 1.0);
    out.push_back(e);
  }
  sortByScore(out);
  return out;
}

std::vector<QueueEntry> rankLabellerConflicts(const std::vector<LabellerVote>& votes) {
  std::map<std::int64_t, std::pair<int, int>> span;  // image -> lowest, highest stage given
  for (const auto& v : votes) {
    auto [it, added] = span.try_emplace(v.imageId, v.stage, v.stage);
    if (!added) {
      it->second.first = std::min(it->second.first, v.stage);
      it->second.second = std::max(it->second.second, v.stage);
    }
  }
  std::vector<QueueEntry> out;
  for (const auto& [image, s] : span) {
    if (s.first == s.second) continue;
    QueueEntry e;
    e.imageId = image;
    e.predictedStage = s.first;
    e.runnerUpStage = s.second;
    e.score = (s.second - s.first) / double(kMaxStage - kMinStage);
    out.push_back(e);
  }
  sortByScore(out);
  return out;
}

}  // namespace flystage
