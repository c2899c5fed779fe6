#include "train/SimilarityLoss.h"

namespace flystage {

torch::Tensor similarityLossPaper(const torch::Tensor& features, const torch::Tensor& references,
                                  const torch::Tensor& targets, double temperature) {
  namespace F = torch::nn::functional;
  const auto a = F::normalize(features, F::NormalizeFuncOptions().dim(1).eps(1e-8));
  const auto r = F::normalize(references, F::NormalizeFuncOptions().dim(1).eps(1e-8));
  const auto sim = torch::softmax(a.matmul(r.t()) / temperature, 1);  // B x C
  const auto classes = static_cast<double>(sim.size(1));
  const auto positive = sim.gather(1, targets.view({-1, 1})).squeeze(1);
  const auto others = (sim.sum(1) - positive) / (classes - 1.0);
  return (-positive + others).mean();
}

torch::Tensor similarityLossCode(const torch::Tensor& logits, const torch::Tensor& referenceLogits,
                                 const torch::Tensor& targets) {
  namespace F = torch::nn::functional;
  const auto m =
      F::normalize(logits.matmul(referenceLogits.t()), F::NormalizeFuncOptions().dim(1).eps(1e-12));
  return -m.gather(1, targets.view({-1, 1})).sum();
}

}  // namespace flystage
