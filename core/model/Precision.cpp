#include "model/Precision.h"

#include <ATen/autocast_mode.h>

#include "util/Error.h"

namespace flystage {

std::string precisionName(Precision p) {
  return p == Precision::BFloat16 ? "bfloat16" : "float32";
}

Precision parsePrecision(const std::string& text) {
  if (text == "float32" || text == "fp32") return Precision::Float32;
  if (text == "bfloat16" || text == "bf16") return Precision::BFloat16;
  throw Error("unknown precision '" + text + "' (choose float32 or bfloat16)");
}

bool cpuHasNativeBf16() {
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
#if defined(__clang__)
  return __builtin_cpu_supports("avx512bf16");  // clang 14 does not know "amx-bf16"
#else
  return __builtin_cpu_supports("avx512bf16") || __builtin_cpu_supports("amx-bf16");
#endif
#else
  return false;
#endif
}

AutocastScope::AutocastScope(Precision p, bool cuda) : on_(p == Precision::BFloat16), cuda_(cuda) {
  if (!on_) return;
  if (cuda_) {
    wasEnabled_ = at::autocast::is_enabled();
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
    at::autocast::set_enabled(true);
  } else {
    wasEnabled_ = at::autocast::is_cpu_enabled();
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    at::autocast::set_cpu_enabled(true);
  }
  at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
  if (!on_) return;
  // The cache holds the bfloat16 copies of the weights made in this pass; the optimizer
  // changes the weights before the next one.
  if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
  if (cuda_)
    at::autocast::set_enabled(wasEnabled_);
  else
    at::autocast::set_cpu_enabled(wasEnabled_);
}

}  // namespace flystage
