#pragma once

// flystage-bench similar: the similar-embryo index (core/search/SimilarityIndex) on synthetic
// clustered features of a preset's feature size, against exact brute force in the same run.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace flystage::bench {

struct SimilarityBenchOptions {
  std::string preset = "demo";
  int images = 40000;
  int queries = 200;
  int k = 20;
  int threads = 2;
  std::uint64_t seed = 1;
};

// Build time, query median and p95 ms, memory and recall@k of the PCA index; the same
// queries by exact cosine on the full centred features (the reference: ratios in the JSON).
nlohmann::json benchSimilarity(const SimilarityBenchOptions& o);

}  // namespace flystage::bench
