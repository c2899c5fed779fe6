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

// The position of `text` among `names` (the enum's order), or an error naming the choices.
std::size_t indexOfName(const std::vector<std::string>& names, const std::string& text,
                        const std::string& what) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return i;
  throw Error("unknown " + what + " '" + text + "' (choose " + choices(names) + ")");
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
  return static_cast<SimilarityVariant>(indexOfName(similarityNames(), text, "similarity"));
}

const std::vector<std::string>& tauModeNames() {
  static const std::vector<std::string> names = {"probability", "logit-margin"};
  return names;
}

std::string tauModeName(TauMode m) {
  return tauModeNames().at(static_cast<std::size_t>(m));
}

TauMode parseTauMode(const std::string& text) {
  return static_cast<TauMode>(indexOfName(tauModeNames(), text, "tau mode"));
}

const std::vector<std::string>& referenceFallbackNames() {
  static const std::vector<std::string> names = {"best-image", "all-images"};
  return names;
}

std::string referenceFallbackName(ReferenceFallback f) {
  return referenceFallbackNames().at(static_cast<std::size_t>(f));
}

ReferenceFallback parseReferenceFallback(const std::string& text) {
  return static_cast<ReferenceFallback>(
      indexOfName(referenceFallbackNames(), text, "reference fallback"));
}

}  // namespace flystage
