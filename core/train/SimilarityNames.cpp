#include "train/SimilarityNames.h"

#include "util/Error.h"

namespace flystage {

namespace {

// "a", "a or b", "a, b or c": how the error messages list the choices.
std::string choices(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

}  // namespace

const std::vector<std::string>& similarityNames() {
  static const std::vector<std::string> names = {"paper", "code"};
  return names;
}

std::string similarityName(SimilarityVariant v) {
  return similarityNames().at(static_cast<std::size_t>(v));
}

SimilarityVariant parseSimilarity(const std::string& text) {
  const auto& names = similarityNames();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return static_cast<SimilarityVariant>(i);
  throw Error("unknown similarity '" + text + "' (choose " + choices(names) + ")");
}

const std::vector<std::string>& tauModeNames() {
  static const std::vector<std::string> names = {"probability", "logit-margin"};
  return names;
}

std::string tauModeName(TauMode m) {
  return tauModeNames().at(static_cast<std::size_t>(m));
}

TauMode parseTauMode(const std::string& text) {
  const auto& names = tauModeNames();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return static_cast<TauMode>(i);
  throw Error("unknown tau mode '" + text + "' (choose " + choices(names) + ")");
}

}  // namespace flystage
