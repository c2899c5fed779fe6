#include "train/ReferenceSet.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "util/Random.h"

namespace flystage {

ReferenceCandidates referenceCandidates(const std::vector<float>& scores, int classes,
                                        const std::vector<int>& labels, TauMode mode, double tau,
                                        ReferenceFallback fallback) {
  const std::size_t n = labels.size();
  if (scores.size() != n * static_cast<std::size_t>(classes))
    throw std::invalid_argument("reference scores do not match the labels");
  ReferenceCandidates c;
  c.perClass.assign(classes, {});
  std::vector<int> best(classes, -1);
  std::vector<float> bestScore(classes, 0);
  std::vector<std::vector<int>> members(classes);  // every sample of each class, in order
  for (std::size_t i = 0; i < n; ++i) {
    const float* row = &scores[i * classes];
    const int y = labels[i];
    if (y < 0 || y >= classes) throw std::invalid_argument("reference label out of range");
    members[y].push_back(static_cast<int>(i));
    const int top = static_cast<int>(std::max_element(row, row + classes) - row);
    if (best[y] < 0 || row[y] > bestScore[y]) {
      best[y] = static_cast<int>(i);
      bestScore[y] = row[y];
    }
    if (top != y) continue;
    double confidence = row[y];
    if (mode == TauMode::LogitMargin) {
      float second = -std::numeric_limits<float>::infinity();
      for (int k = 0; k < classes; ++k)
        if (k != y) second = std::max(second, row[k]);
      confidence = row[y] - second;
    }
    if (confidence > tau) c.perClass[y].push_back(static_cast<int>(i));
  }
  for (int k = 0; k < classes; ++k)
    if (c.perClass[k].empty() && best[k] >= 0) {
      if (fallback == ReferenceFallback::AllImages)
        c.perClass[k] = members[k];
      else
        c.perClass[k].push_back(best[k]);
      c.fallback.push_back(k);
    }
  return c;
}

std::vector<ReferenceSet> drawReferenceSets(const ReferenceCandidates& candidates, int k,
                                            std::uint64_t seed) {
  SeededRng rng(seed);
  std::vector<ReferenceSet> sets(k);
  for (auto& set : sets) {
    set.resize(candidates.perClass.size(), -1);
    for (std::size_t c = 0; c < candidates.perClass.size(); ++c) {
      const auto& pool = candidates.perClass[c];
      if (pool.empty())
        throw std::runtime_error("class " + std::to_string(c) +
                                 " has no training sample to serve as a reference");
      set[c] = pool[rng.below(pool.size())];
    }
  }
  return sets;
}

}  // namespace flystage
