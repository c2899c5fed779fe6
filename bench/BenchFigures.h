#pragma once

// The figures of docs/performance.md, drawn from the merged results (bench/table.py's
// results.json) with figure/'s QPainter figures (no matplotlib on the machine).
#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

namespace flystage::bench {

// perf-speedup.png (images/s over PyTorch eager, per preset, training and inference, with
// the goals), perf-gflops.png (model GFLOP/s against the measured matmul peaks) and
// perf-scaling.png (seconds against images for import, prediction and GEMs). Returns the
// files written.
std::vector<std::filesystem::path> writeBenchFigures(const nlohmann::json& results,
                                                     const std::filesystem::path& outDir);

}  // namespace flystage::bench
