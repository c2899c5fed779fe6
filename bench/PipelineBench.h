#pragma once

// flystage-bench's measurements of the whole pipeline through core's public API: import,
// a real training run, prediction, saliency and GEMs, and a large project for the GUI.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace flystage::bench {

// runImport of the first `count` rows of a labels CSV (raw images: decode, hash,
// standardize, write) into a fresh project `out`; seconds and images/s.
nlohmann::json benchImport(const std::filesystem::path& labelsCsv, const std::filesystem::path& out,
                           int count, int threads);

// A real data-level run (train(): range pretraining, then the fine phase) of the preset;
// images/s the Trainer reports for the last epoch of each phase, the wall time and the
// process's peak resident memory (getrusage ru_maxrss) at the end.
nlohmann::json benchTrainer(const std::filesystem::path& project, const std::string& preset,
                            int rangeEpochs, int fineEpochs, int threads,
                            const std::string& precision);

// computeSaliency of the first `images` images under the run's model, per method.
nlohmann::json benchSaliency(const std::filesystem::path& project, std::int64_t run, int images,
                             const std::vector<std::string>& methods, int threads);

// buildStageGems over the first n images (by prediction of the run, predictions computed
// where none are stored), plain and masked (vanilla saliency masks), for each n of `sizes`.
nlohmann::json benchGems(const std::filesystem::path& project, std::int64_t run,
                         const std::vector<int>& sizes, bool masked, int threads);

// predictStages of the first n images, for each n of `sizes`.
nlohmann::json benchPredict(const std::filesystem::path& project, std::int64_t run,
                            const std::vector<int>& sizes, int threads);

// Adds copies of the project's images (their standardized pixels and labels, new paths and
// checksums) until it holds `images`: a large project made in seconds, for memory and
// scaling measurements.
nlohmann::json growProject(const std::filesystem::path& project, int images);

}  // namespace flystage::bench
