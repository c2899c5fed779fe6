#pragma once

#include <array>
#include <optional>
#include <vector>

#include "data/Stage.h"
#include "data/StageRange.h"

namespace flystage {

// The call of a precise stage restricted to the stage range a curator gave the image: the most
// probable stage inside the range, with the probabilities renormalized over it.
struct RangeCall {
  int stage = 0;                                      // 4..17, inside the range
  double probability = 0;                             // of that stage, after renormalizing
  std::array<float, kNumFineStages> probabilities{};  // stages 4..17; 0 outside the range
  // The unconstrained probability inside the range. 0: it underflowed, and `probabilities`
  // are uniform over the range (the call is then the range's first stage).
  double rangeMass = 0;
};

// Whether a range holds a precise stage at all (1-3 does not: the model predicts 4..17).
bool constrainable(StageRange range);

// The most probable stage of `probabilities` (stages 4..17) inside `range`, renormalized in
// double over the range; ties go to the lower stage, as argmax does. nullopt for 1-3.
std::optional<RangeCall> constrainToRange(const std::array<float, kNumFineStages>& probabilities,
                                          StageRange range);
// The same for stored probabilities; throws flystage::Error unless there are 14 of them.
std::optional<RangeCall> constrainToRange(const std::vector<float>& probabilities,
                                          StageRange range);

// A precise stage outside a known range (1-3 holds none of 4..17: every call is outside).
bool outsideRange(int stage, StageRange range);

// The probability (of 14, stages 4..17) outside `range`, in [0, 1]. Throws flystage::Error
// unless there are 14 probabilities.
double massOutside(const std::vector<float>& probabilities, StageRange range);

}  // namespace flystage
