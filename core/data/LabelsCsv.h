#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "importer/ImportPlan.h"

namespace flystage {

struct LabelsCsvOptions {
  // Columns the user asked to leave out (any case); every other unknown column is an error.
  std::vector<std::string> ignoredColumns;
};

// The labels CSV: a header row, columns in any order, names case-insensitive:
//   path (required; relative to the CSV's folder unless absolute), stage_range ("4-6",
//   BDGP bin 1..6, "13-16" = 13-17), stage (1..17), gene, split (train/validation/test).
// Each row needs a range or a stage; a stage implies its range; a stage outside the
// given range is an error. Every problem is collected with its line, none thrown, so the
// user sees them all at once; only an unreadable or oversized file or a bad header throws:
// a missing 'path', or a column it does not know (a misspelt 'stgae' would otherwise drop
// every stage unseen). One image on two rows with different labels is a problem naming
// both lines, and neither row is imported; identical rows are left to the importer, which
// imports the image once and counts the other as a duplicate. Read as a stream.
ImportPlan parseLabelsCsv(const std::filesystem::path& csv, const LabelsCsvOptions& options = {});

// Damerau-Levenshtein (optimal string alignment) distance: "stgae" -> "stage" is 1.
std::size_t editDistance(const std::string& a, const std::string& b);

}  // namespace flystage
