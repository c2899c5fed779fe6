#pragma once

#include <string>

namespace flystage {

// The number format of a training run's forward pass. Weights, gradients and the optimizer
// stay float32 either way; bfloat16 runs the convolutions and matrix products in bfloat16
// through autocast (about 1.7x the images/s on a CPU with AVX-512 BF16, with the same
// accuracy: docs/performance.md). float32 is the default: the same seed gives the same run on
// every machine.
enum class Precision { Float32, BFloat16 };

std::string precisionName(Precision p);             // "float32", "bfloat16"
Precision parsePrecision(const std::string& text);  // also "fp32", "bf16"; else flystage::Error

// The CPU computes bfloat16 natively (AVX-512 BF16 or AMX): where bfloat16 pays off on CPU.
// Elsewhere oneDNN emulates it, which is slower than float32.
bool cpuHasNativeBf16();

// Autocast to bfloat16 on the given device type ("cpu" or "cuda") while alive, when `p` is
// BFloat16; does nothing for Float32. What `with torch.autocast(device, torch.bfloat16)` does.
class AutocastScope {
 public:
  AutocastScope(Precision p, bool cuda);
  ~AutocastScope();
  AutocastScope(const AutocastScope&) = delete;
  AutocastScope& operator=(const AutocastScope&) = delete;

 private:
  bool on_ = false;
  bool cuda_ = false;
  bool wasEnabled_ = false;
};

}  // namespace flystage
