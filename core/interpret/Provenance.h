#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace flystage {

// What an exported figure was made from, written into its metadata (PNG text chunks, SVG
// <desc>, PDF XMP) so a figure found in a manuscript folder months later says where it came
// from.
struct Provenance {
  std::string figure;      // "GEM", "masked GEM", "saliency", ...
  std::string project;     // the project file
  std::int64_t runId = 0;  // 0: none
  std::string runMethod;
  std::string labelSource;  // how images were assigned to stages
  std::vector<std::int64_t> imageIds;
  std::vector<std::pair<std::string, std::string>> settings;  // threshold, method, ...
  std::string flystageVersion;                                // filled by makeProvenance()
  std::string createdAt;                                      // UTC, ISO 8601

  std::string toJson() const;
  // One line per field, for humans ("Run: #3 (two-step)").
  std::string toText() const;
};

// A provenance with the version and the time filled in.
Provenance makeProvenance(std::string figure, std::string project);

}  // namespace flystage
