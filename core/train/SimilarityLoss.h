#pragma once

// Internal to core (torch).
#include <torch/torch.h>

namespace flystage {

// The paper's similarity loss (Eq. 4-6), averaged over the batch:
//   sim_c = cos(F(x), F(x_c^r)); SIM = softmax_c(sim);
//   L_S = -SIM_y + 1/(C-1) * sum_{c != y} SIM_c.
// features: B x D, references: C x D (row c is the reference of class c), targets: B.
torch::Tensor similarityLossPaper(const torch::Tensor& features, const torch::Tensor& references,
                                  const torch::Tensor& targets);

// The authors' code: M = logits(x) . logits(refs)^T (B x C), each row L2-normalized,
// L_S = -sum_b M[b, y_b] (a sum over the batch, not a mean).
torch::Tensor similarityLossCode(const torch::Tensor& logits, const torch::Tensor& referenceLogits,
                                 const torch::Tensor& targets);

}  // namespace flystage
