#include "data/Stage.h"

#include <stdexcept>

#include "util/Text.h"

namespace flystage {

bool isValidStage(int stage) {
  return stage >= kMinStage && stage <= kMaxStage;
}
bool isFineStage(int stage) {
  return stage >= kMinFineStage && stage <= kMaxStage;
}

int fineStageIndex(int stage) {
  if (!isFineStage(stage))
    throw std::out_of_range("stage " + std::to_string(stage) + " is not a fine stage 4..17");
  return stage - kMinFineStage;
}

int fineStageFromIndex(int index) {
  if (index < 0 || index >= kNumFineStages)
    throw std::out_of_range("fine stage index " + std::to_string(index) + " out of 0..13");
  return index + kMinFineStage;
}

std::optional<int> parseStage(const std::string& text) {
  auto value = parseInt(trim(text));
  if (!value || !isValidStage(*value)) return std::nullopt;
  return value;
}

}  // namespace flystage
