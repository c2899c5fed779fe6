#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace flystage::synth {

// Mixes 64-bit values into a well-spread seed (SplitMix64 finalizer), so neighbouring
// image indices or stages give unrelated random streams.
inline std::uint64_t mixSeed(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

inline std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b) {
  return mixSeed(mixSeed(a) ^ (b + 0x632BE59BD9B4E019ULL));
}

// Uniform and normal draws built on the raw 64-bit output of std::mt19937_64, whose
// sequence the standard fixes; std::*_distribution differ between standard libraries.
class SynthRandom {
 public:
  explicit SynthRandom(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t bits() { return engine_(); }

  // [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // 0..n-1; the modulo bias is below 2^-40 for the small n used here.
  int index(int n) { return static_cast<int>(engine_() % static_cast<std::uint64_t>(n)); }

  bool chance(double p) { return uniform() < p; }

  // Box-Muller; the second value of each pair is kept for the next call.
  double normal() {
    if (hasSpare_) {
      hasSpare_ = false;
      return spare_;
    }
    const double u1 = 1.0 - uniform();  // (0, 1], keeps log finite
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    constexpr double kTwoPi = 6.283185307179586;
    spare_ = r * std::sin(kTwoPi * u2);
    hasSpare_ = true;
    return r * std::cos(kTwoPi * u2);
  }
  double normal(double mean, double sd) { return mean + sd * normal(); }

 private:
  std::mt19937_64 engine_;
  double spare_ = 0;
  bool hasSpare_ = false;
};

}  // namespace flystage::synth
