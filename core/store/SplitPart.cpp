#include "store/SplitPart.h"

#include "util/Text.h"

namespace flystage {

std::string splitPartName(SplitPart part) {
  switch (part) {
    case SplitPart::Train:
      return "train";
    case SplitPart::Validation:
      return "validation";
    case SplitPart::Test:
      return "test";
  }
  return "train";
}

std::optional<SplitPart> parseSplitPart(const std::string& text) {
  const std::string t = toLower(trim(text));
  if (t == "train" || t == "training") return SplitPart::Train;
  if (t == "validation" || t == "val" || t == "valid") return SplitPart::Validation;
  if (t == "test") return SplitPart::Test;
  return std::nullopt;
}

}  // namespace flystage
