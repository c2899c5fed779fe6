#pragma once

#include <optional>
#include <string>

#include "data/StageRange.h"

namespace flystage {

// Where a label came from: an import, a person, or a model's prediction accepted as label.
enum class LabelSource { Import, User, Model };

std::string labelSourceName(LabelSource source);
std::optional<LabelSource> parseLabelSource(const std::string& text);

// A stage-range label, optionally refined to a precise stage inside it ("11-12" now,
// "12" later). No range and no stage: unlabelled.
struct Label {
  std::optional<StageRange> range;
  std::optional<int> stage;
  LabelSource source = LabelSource::User;

  bool empty() const { return !range && !stage; }
  bool operator==(const Label& o) const {
    return range == o.range && stage == o.stage && source == o.source;
  }
  std::string text() const;  // "12 (11-12)", "11-12", "unlabelled"
};

// A label from a stage alone (the range follows), or a range alone.
Label labelForStage(int stage, LabelSource source);
Label labelForRange(StageRange range, LabelSource source);

// Throws flystage::Error when a stage lies outside its range or is not 1..17.
void validateLabel(const Label& label);

}  // namespace flystage
