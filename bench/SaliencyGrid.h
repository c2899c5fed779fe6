#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

namespace flystage::bench {

// The grid's share of the spectrum (interpret/GridArtifact.h) of every raw map in `folder`
// (*.tif, as `flystage-cli saliency --images ... --out folder` writes them), each first
// stretched to 128 x 320 bilinearly the way the overlay shows a smaller map: mean, median and
// largest share at `period`, and the mean share of details finer than 8 pixels (roughness).
// Measures maps of any FlyStage version alike (docs/interpretation.md).
nlohmann::json saliencyGrid(const std::filesystem::path& folder, int period);

}  // namespace flystage::bench
