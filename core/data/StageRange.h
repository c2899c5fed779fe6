#pragma once

#include <array>
#include <optional>
#include <string>

namespace flystage {

// The six coarse stage ranges of BDGP and FlyExpress: 1-3, 4-6, 7-8, 9-10, 11-12, 13-17.
// BDGP's dump numbers them 1..6 ("bins") and writes the last as 13-16.
struct StageRange {
  int first = 0;
  int last = 0;

  int index() const;         // 0..5, the class index of range pretraining
  std::string name() const;  // "4-6"
  bool contains(int stage) const { return stage >= first && stage <= last; }
  bool operator==(const StageRange& o) const { return first == o.first && last == o.last; }
  bool operator!=(const StageRange& o) const { return !(*this == o); }
};

constexpr int kNumStageRanges = 6;
const std::array<StageRange, kNumStageRanges>& allStageRanges();

StageRange stageRangeFromIndex(int index);  // 0..5
StageRange stageRangeOfStage(int stage);    // 1..17

// Parses "4-6", "4 - 6", "13-16" (BDGP's spelling of 13-17), or a BDGP bin "1".."6".
std::optional<StageRange> parseStageRange(const std::string& text);

}  // namespace flystage
