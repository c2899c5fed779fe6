#include "eval/LabelQueue.h"

#include <algorithm>

#include "data/Stage.h"
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
  }
  return "least-confident";
}

std::optional<QueueStrategy> parseQueueStrategy(const std::string& text) {
  for (auto s : {QueueStrategy::LeastConfident, QueueStrategy::StageBoundary,
                 QueueStrategy::RangeDisagreement})
    if (queueStrategyName(s) == text) return s;
  return std::nullopt;
}

std::vector<QueueEntry> rankForLabelling(const std::vector<StoredPrediction>& predictions,
                                         const std::map<std::int64_t, Label>& labels,
                                         QueueStrategy strategy) {
  std::vector<QueueEntry> out;
  for (const auto& pr : predictions) {
    if (pr.probabilities.size() != static_cast<std::size_t>(kNumFineStages))
      throw Error("prediction of image #" + std::to_string(pr.imageId) + " has " +
                  std::to_string(pr.probabilities.size()) + " probabilities, not " +
                  std::to_string(kNumFineStages) + " (stages 4..17); predict again with this run");
    const auto it = labels.find(pr.imageId);
    const Label label = it == labels.end() ? Label{} : it->second;
    if (label.stage) continue;

    // Top two by probability; the lower stage wins a tie, as argmax does.
    int first = 0, second = -1;
    for (int i = 1; i < kNumFineStages; ++i)
      if (pr.probabilities[i] > pr.probabilities[first]) first = i;
    for (int i = 0; i < kNumFineStages; ++i)
      if (i != first && (second < 0 || pr.probabilities[i] > pr.probabilities[second])) second = i;

    QueueEntry e;
    e.imageId = pr.imageId;
    e.predictedStage = fineStageFromIndex(first);
    e.runnerUpStage = fineStageFromIndex(second);
    e.confidence = pr.probabilities[first];
    e.margin = pr.probabilities[first] - pr.probabilities[second];
    if (label.range) {
      double inside = 0;
      for (int i = 0; i < kNumFineStages; ++i)
        if (label.range->contains(fineStageFromIndex(i))) inside += pr.probabilities[i];
      e.outsideRange = std::clamp(1.0 - inside, 0.0, 1.0);
    }
    switch (strategy) {
      case QueueStrategy::LeastConfident:
        e.score = 1.0 - e.confidence;
        break;
      case QueueStrategy::StageBoundary:
        e.score = 1.0 - e.margin;
        break;
      case QueueStrategy::RangeDisagreement:
        if (!label.range || label.range->last < kMinFineStage ||
            label.range->contains(e.predictedStage))
          continue;
        e.score = e.outsideRange;
        break;
    }
    e.score = std::clamp(e.score, 0.0, 1.0);
    out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(), [](const QueueEntry& a, const QueueEntry& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.imageId < b.imageId;
  });
  return out;
}

}  // namespace flystage
