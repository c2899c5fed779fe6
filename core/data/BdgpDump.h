#pragma once

#include <filesystem>

#include "importer/ImportPlan.h"

namespace flystage {

// BDGP's public metadata dump, insitu_images.csv: columns id, symbol, annotation_symbol,
// FBgn, cDNA_clone, path, stage, pov, comment, resolution. `stage` is the range bin 1..6;
// `pov` the view: lateral rows are kept, the others counted in skippedNonLateral.
// Image paths are resolved against imagesRoot (default: the dump's folder).
ImportPlan parseBdgpDump(const std::filesystem::path& dump,
                         const std::filesystem::path& imagesRoot = {});

}  // namespace flystage
