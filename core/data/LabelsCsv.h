#pragma once

#include <filesystem>

#include "importer/ImportPlan.h"

namespace flystage {

// The labels CSV: a header row, columns in any order, names case-insensitive:
//   path (required; relative to the CSV's folder unless absolute), stage_range ("4-6",
//   BDGP bin 1..6, "13-16" = 13-17), stage (1..17), gene, split (train/validation/test).
// Each row needs a range or a stage; a stage implies its range; a stage outside the
// given range is an error. Every problem is collected with its line, none thrown, so the
// user sees them all at once; only an unreadable file or a missing header throws.
ImportPlan parseLabelsCsv(const std::filesystem::path& csv);

}  // namespace flystage
