#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/StageRange.h"
#include "store/SplitPart.h"

namespace flystage {

// One problem found in the input, located to a file and line (line 0: whole file).
struct ImportProblem {
  std::string file;
  long line = 0;
  std::string message;
  std::string text() const;  // "labels.csv:12: ..."
};

// Problems kept with their text, per plan or report; past this many they are only counted,
// so a file of a million bad rows costs a counter, not a million messages.
inline constexpr std::size_t kMaxListedProblems = 1000;

// Appends `problem` to `listed` while it holds fewer than kMaxListedProblems; else counts it.
void addProblem(std::vector<ImportProblem>& listed, std::size_t& unlisted, ImportProblem problem);

// One image to import, with the labels its source gave it.
struct ImportItem {
  std::string sourceFile;  // the CSV or dump it came from ("" for a folder scan)
  long line = 0;
  std::filesystem::path path;  // absolute
  std::optional<StageRange> range;
  std::optional<int> stage;
  bool rangeFromStage = false;  // the source gave only the stage: `range` follows from it
  std::string gene;
  std::optional<SplitPart> split;
};

// What an import will do, before any pixel is read: the parsers fill it, the Importer
// carries it out. Problems found here already make a strict import refuse.
struct ImportPlan {
  std::string source;  // what the user named: the CSV, dump or folder
  std::string kind;    // "labels-csv", "bdgp-dump", "folder"
  std::vector<ImportItem> items;
  std::vector<ImportProblem> problems;  // the first kMaxListedProblems
  std::size_t unlistedProblems = 0;     // the ones after those
  int skippedNonLateral = 0;            // BDGP dump rows of other views

  void addProblem(ImportProblem p) {
    flystage::addProblem(problems, unlistedProblems, std::move(p));
  }
  std::size_t problemCount() const { return problems.size() + unlistedProblems; }
};

// Every image file (PNG, JPEG, TIFF, BMP) under `folder`, recursively, sorted by path.
ImportPlan planFolder(const std::filesystem::path& folder);

}  // namespace flystage
