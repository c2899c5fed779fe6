#pragma once

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace flystage {

// A seeded stream whose draws are the same with every standard library: std::shuffle and
// std::uniform_int_distribution are implementation-defined, and a split or a synthetic
// data set must be reproducible from its seed anywhere.
class SeededRng {
 public:
  explicit SeededRng(std::uint64_t seed) : engine_(seed) {}
  // Uniform integer in [0, n) by rejection (no modulo bias).
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t x;
    do x = engine_();
    while (x >= limit);
    return x % n;
  }
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  template <typename T>
  void shuffle(std::vector<T>& v) {  // Fisher-Yates
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace flystage
