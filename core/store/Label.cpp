#include "store/Label.h"

#include "data/Stage.h"
#include "util/Error.h"

namespace flystage {

std::string labelSourceName(LabelSource source) {
  switch (source) {
    case LabelSource::Import:
      return "import";
    case LabelSource::User:
      return "user";
    case LabelSource::Model:
      return "model";
  }
  return "user";
}

std::optional<LabelSource> parseLabelSource(const std::string& text) {
  if (text == "import") return LabelSource::Import;
  if (text == "user") return LabelSource::User;
  if (text == "model") return LabelSource::Model;
  return std::nullopt;
}

std::string Label::text() const {
  if (stage) return std::to_string(*stage) + " (" + range->name() + ")";
  if (range) return range->name();
  return "unlabelled";
}

Label labelForStage(int stage, LabelSource source) {
  Label l;
  l.stage = stage;
  l.range = stageRangeOfStage(stage);
  l.source = source;
  return l;
}

Label labelForRange(StageRange range, LabelSource source) {
  Label l;
  l.range = range;
  l.source = source;
  return l;
}

void validateLabel(const Label& label) {
  if (label.stage && !isValidStage(*label.stage))
    throw Error("stage " + std::to_string(*label.stage) + " is not a stage 1..17");
  if (label.stage && !label.range) throw Error("a stage label needs its range");
  if (label.stage && label.range && !label.range->contains(*label.stage))
    throw Error("stage " + std::to_string(*label.stage) + " is outside the range " +
                label.range->name());
}

}  // namespace flystage
