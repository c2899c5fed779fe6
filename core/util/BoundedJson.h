#pragma once

// Internal to core: nlohmann::json is a private dependency.
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace flystage {

// `text` parsed as JSON, or nothing when it nests deeper than `maxDepth` levels. A hostile
// text nested a million levels deep parses, but writing it out again (dump) recurses once per
// level and overflows the stack: what FlyStage writes nests a few levels only. Throws
// nlohmann::json::exception when the text is not JSON.
inline std::optional<nlohmann::json> parseBoundedJson(const std::string& text, int maxDepth) {
  bool tooDeep = false;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(
        text, [&tooDeep, maxDepth](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
          if (depth > maxDepth) {
            tooDeep = true;
            throw std::length_error("too deep");
          }
          return true;
        });
  } catch (const std::length_error&) {
  }
  if (tooDeep) return std::nullopt;
  return j;
}

}  // namespace flystage
