#include "SimilarityBench.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <set>

#include <torch/torch.h>

#include "model/Device.h"
#include "model/Presets.h"
#include "search/SimilarityIndex.h"

namespace flystage::bench {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Features like a network's: 200 clusters (stage x gene pattern) on a 128-dim manifold mapped
// into D dims through a ReLU (pooled activations are non-negative), plus per-value noise.
torch::Tensor clusteredFeatures(int rows, int d, std::uint64_t seed) {
  torch::manual_seed(seed);
  const int latent = 128, clusters = 200;
  const auto mix = torch::randn({latent, d}) / std::sqrt(static_cast<double>(latent));
  const auto centres = torch::randn({clusters, latent});
  auto x = torch::empty({rows, d});
  const int chunk = 2000;
  for (int from = 0; from < rows; from += chunk) {
    const int n = std::min(chunk, rows - from);
    const auto which = torch::randint(clusters, {n}, torch::kInt64);
    const auto z = centres.index_select(0, which) + 0.5 * torch::randn({n, latent});
    x.narrow(0, from, n).copy_(torch::relu(torch::mm(z, mix) + 0.2 * torch::randn({n, d})));
  }
  return x;
}

}  // namespace

nlohmann::json benchSimilarity(const SimilarityBenchOptions& o) {
  const auto info = configureDevice(o.threads);
  const int d = preset(o.preset).spec.featureSize();
  torch::NoGradGuard guard;
  auto x = clusteredFeatures(o.images, d, o.seed);
  std::vector<float> features(x.data_ptr<float>(), x.data_ptr<float>() + x.numel());
  std::vector<std::int64_t> ids(static_cast<std::size_t>(o.images));
  for (int i = 0; i < o.images; ++i) ids[static_cast<std::size_t>(i)] = i + 1;

  auto t = Clock::now();
  const auto index = SimilarityIndex::build(ids, features, d);
  const double buildS = msSince(t) / 1000;
  features.clear();
  features.shrink_to_fit();

  // The reference: every full feature centred and normalized, searched by the same GEMV.
  x -= x.mean(0);
  x /= x.norm(2, 1, true).clamp_min(1e-12);

  std::mt19937_64 rng(o.seed + 1);
  std::uniform_int_distribution<int> pick(0, o.images - 1);
  std::vector<double> pcaMs, exactMs;
  double recall = 0;
  for (int q = 0; q < o.queries; ++q) {
    const int row = pick(rng);
    t = Clock::now();
    const auto found = index.queryImage(row + 1, o.k);
    pcaMs.push_back(msSince(t));
    t = Clock::now();
    const auto scores = torch::mv(x, x[row]);
    scores[row] = -2;  // the query itself left out
    const auto top = std::get<1>(scores.topk(o.k)).contiguous();
    exactMs.push_back(msSince(t));
    std::set<std::int64_t> exact;
    for (int i = 0; i < o.k; ++i) exact.insert(top.data_ptr<std::int64_t>()[i] + 1);
    int hit = 0;
    for (const auto& n : found) hit += static_cast<int>(exact.count(n.imageId));
    recall += static_cast<double>(hit) / o.k;
  }
  nlohmann::json j;
  j["preset"] = o.preset;
  j["feature_size"] = d;
  j["dims"] = index.dims();
  j["images"] = o.images;
  j["queries"] = o.queries;
  j["k"] = o.k;
  j["threads"] = info.cpuThreads;
  j["build_s"] = buildS;
  j["query_ms_median"] = percentile(pcaMs, 0.5);
  j["query_ms_p95"] = percentile(pcaMs, 0.95);
  j["index_mib"] = static_cast<double>(index.bytes()) / (1 << 20);
  j["stored_mib"] = static_cast<double>(index.size()) * index.dims() * 2 / (1 << 20);
  j["exact_query_ms_median"] = percentile(exactMs, 0.5);
  j["exact_query_ms_p95"] = percentile(exactMs, 0.95);
  j["exact_mib"] = static_cast<double>(x.numel()) * 4 / (1 << 20);
  j["speedup_vs_exact"] = percentile(exactMs, 0.5) / percentile(pcaMs, 0.5);
  j["recall_at_k"] = recall / o.queries;
  return j;
}

}  // namespace flystage::bench
