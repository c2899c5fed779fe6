#pragma once

// Internal to core (torch).
#include <torch/torch.h>

namespace flystage {

// The paper's similarity loss (Eq. 4-6), averaged over the batch:
//   sim_c = cos(F(x), F(x_c^r)); SIM = softmax_c(sim / T);
//   L_S = -SIM_y + 1/(C-1) * sum_{c != y} SIM_c.
// features: B x D, references: C x D (row c is the reference of class c), targets: B.
// T = 1 is the paper. With features >= 0 (after ReLU) the cosines lie in [0, 1], so at T = 1
// the softmax over C classes is nearly uniform and L_S nearly flat; a smaller T sharpens it.
torch::Tensor similarityLossPaper(const torch::Tensor& features, const torch::Tensor& references,
                                  const torch::Tensor& targets, double temperature = 1.0);

// The authors' code: M = logits(x) . logits(refs)^T (B x C), each row L2-normalized,
// L_S = -sum_b M[b, y_b] (a sum over the batch, not a mean).
torch::Tensor similarityLossCode(const torch::Tensor& logits, const torch::Tensor& referenceLogits,
                                 const torch::Tensor& targets);

}  // namespace flystage
