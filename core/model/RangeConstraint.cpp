#include "model/RangeConstraint.h"

#include <algorithm>
#include <string>

#include "util/Error.h"

namespace flystage {

namespace {

void checkCount(const std::vector<float>& probabilities) {
  if (probabilities.size() != static_cast<std::size_t>(kNumFineStages))
    throw Error("a prediction has " + std::to_string(probabilities.size()) +
                " probabilities, not " + std::to_string(kNumFineStages) +
                " (stages 4..17); predict again with this run");
}

}  // namespace

bool constrainable(StageRange range) {
  return range.last >= kMinFineStage;
}

std::optional<RangeCall> constrainToRange(const std::array<float, kNumFineStages>& probabilities,
                                          StageRange range) {
  if (!constrainable(range)) return std::nullopt;
  const int first = fineStageIndex(std::max(range.first, kMinFineStage));
  const int last = fineStageIndex(range.last);
  RangeCall call;
  for (int i = first; i <= last; ++i) call.rangeMass += probabilities[i];
  int best = first;
  for (int i = first; i <= last; ++i) {
    // No mass inside the range (underflow): uniform over it, rather than 0/0.
    const double p = call.rangeMass > 0 ? probabilities[i] / call.rangeMass
                                        : 1.0 / static_cast<double>(last - first + 1);
    call.probabilities[i] = static_cast<float>(p);
    if (probabilities[i] > probabilities[best]) best = i;  // strict: the lower stage wins a tie
  }
  call.stage = fineStageFromIndex(best);
  call.probability = call.rangeMass > 0 ? probabilities[best] / call.rangeMass
                                        : 1.0 / static_cast<double>(last - first + 1);
  return call;
}

std::optional<RangeCall> constrainToRange(const std::vector<float>& probabilities,
                                          StageRange range) {
  checkCount(probabilities);
  std::array<float, kNumFineStages> p{};
  std::copy(probabilities.begin(), probabilities.end(), p.begin());
  return constrainToRange(p, range);
}

bool outsideRange(int stage, StageRange range) {
  return !range.contains(stage);
}

double massOutside(const std::vector<float>& probabilities, StageRange range) {
  checkCount(probabilities);
  double inside = 0;
  for (int i = 0; i < kNumFineStages; ++i)
    if (range.contains(fineStageFromIndex(i))) inside += probabilities[i];
  return std::clamp(1.0 - inside, 0.0, 1.0);
}

}  // namespace flystage
