#pragma once

#include <cstdint>
#include <vector>

#include "train/TrainConfig.h"

namespace flystage {

// One reference set: for each of the classes, one training sample (an index into the
// training set) that the data-level model predicts correctly and confidently.
using ReferenceSet = std::vector<int>;

struct ReferenceCandidates {
  std::vector<std::vector<int>> perClass;  // indices that pass argmax == label and tau
  std::vector<int> fallback;               // classes without a candidate, which took the fallback
};

// scores: n x classes, row-major; softmax probabilities (TauMode::Probability) or raw
// logits (TauMode::LogitMargin). A class that no sample passes falls back, so every set has
// one sample per class: BestImage takes its sample with the highest score for the true class;
// AllImages takes every sample of the class (what the authors' code does).
ReferenceCandidates referenceCandidates(const std::vector<float>& scores, int classes,
                                        const std::vector<int>& labels, TauMode mode, double tau,
                                        ReferenceFallback fallback = ReferenceFallback::BestImage);

// k sets, each drawing one candidate per class at random (seeded).
std::vector<ReferenceSet> drawReferenceSets(const ReferenceCandidates& candidates, int k,
                                            std::uint64_t seed);

}  // namespace flystage
