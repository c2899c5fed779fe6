#include "data/StageRange.h"

#include <stdexcept>

#include "data/Stage.h"
#include "util/Text.h"

namespace flystage {

const std::array<StageRange, kNumStageRanges>& allStageRanges() {
  static const std::array<StageRange, kNumStageRanges> ranges = {
      StageRange{1, 3},  StageRange{4, 6},   StageRange{7, 8},
      StageRange{9, 10}, StageRange{11, 12}, StageRange{13, 17}};
  return ranges;
}

int StageRange::index() const {
  const auto& all = allStageRanges();
  for (int i = 0; i < kNumStageRanges; ++i)
    if (all[i] == *this) return i;
  throw std::logic_error("not one of the six stage ranges: " + name());
}

std::string StageRange::name() const {
  return std::to_string(first) + "-" + std::to_string(last);
}

StageRange stageRangeFromIndex(int index) {
  if (index < 0 || index >= kNumStageRanges)
    throw std::out_of_range("stage range index " + std::to_string(index) + " out of 0..5");
  return allStageRanges()[index];
}

StageRange stageRangeOfStage(int stage) {
  for (const auto& r : allStageRanges())
    if (r.contains(stage)) return r;
  throw std::out_of_range("stage " + std::to_string(stage) + " is not in 1..17");
}

std::optional<StageRange> parseStageRange(const std::string& raw) {
  const std::string text = trim(raw);
  if (auto bin = parseInt(text)) {
    if (*bin >= 1 && *bin <= kNumStageRanges) return allStageRanges()[*bin - 1];
    return std::nullopt;
  }
  const auto dash = text.find('-');
  if (dash == std::string::npos) return std::nullopt;
  auto first = parseInt(trim(text.substr(0, dash)));
  auto last = parseInt(trim(text.substr(dash + 1)));
  if (!first || !last) return std::nullopt;
  if (*first == 13 && *last == 16) last = 17;  // BDGP's dump writes the last range so
  for (const auto& r : allStageRanges())
    if (r.first == *first && r.last == *last) return r;
  return std::nullopt;
}

}  // namespace flystage
