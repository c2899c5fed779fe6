#pragma once

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <thread>

namespace flystage {

// The values a numeric setting allows. Core owns these rules so that the command line and
// the GUI refuse the same values with the same words; each names the setting its own way.
struct NumberRange {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool minOpen = false;  // min itself is not allowed
  bool maxOpen = false;  // max itself is not allowed
  bool whole = false;    // integers only
  std::string zero;      // not empty: 0 is also allowed, and means this ("all cores")

  static NumberRange wholeNumbers(double lo, double hi, std::string zeroMeans = {}) {
    NumberRange r;
    r.min = lo;
    r.max = hi;
    r.whole = true;
    r.zero = std::move(zeroMeans);
    return r;
  }
  static NumberRange numbers(double lo, bool loOpen, double hi, bool hiOpen) {
    NumberRange r;
    r.min = lo;
    r.minOpen = loOpen;
    r.max = hi;
    r.maxOpen = hiOpen;
    return r;
  }

  // NaN and the infinities are never allowed: no setting means anything by them.
  bool contains(double v) const {
    if (!std::isfinite(v)) return false;
    if (!zero.empty() && v == 0) return true;
    if (whole && v != std::floor(v)) return false;
    return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
  }

  // "a number > 0 and <= 1", "0 (all cores) or a whole number 1..8"
  std::string text() const {
    std::string t = zero.empty() ? std::string() : "0 (" + zero + ") or ";
    if (whole && max >= kWholeMax) return t + "a whole number >= " + format(min);
    if (whole) return t + "a whole number " + format(min) + ".." + format(max);
    t += "a number ";
    const bool lo = std::isfinite(min), hi = std::isfinite(max);
    if (lo) t += (minOpen ? "> " : ">= ") + format(min);
    if (lo && hi) t += " and ";
    if (hi) t += (maxOpen ? "< " : "<= ") + format(max);
    if (!lo && !hi) t += "(finite)";
    return t;
  }

  // 2^53: whole numbers up to here are exact in a double (ids are bounded by it).
  static constexpr double kWholeMax = 9007199254740992.0;

  static std::string format(double v) {
    char buf[48];
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) <= kWholeMax)
      std::snprintf(buf, sizeof buf, "%.0f", v);
    else
      std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
  }
};

// A setting outside its range: which one (its key, e.g. the run's JSON key "learning_rate"),
// the value it has and what it allows. message() words it with the caller's name for it.
struct RangeProblem {
  std::string field;
  std::string value;
  std::string allowed;

  std::string message(const std::string& name) const {
    return name + " " + value + ": must be " + allowed;
  }
};

// CPU threads: 0 (all cores) or up to 4 x the cores this machine reports. More threads than
// cores only adds switching: on 2 cores, --threads 2000 made a 1-second tiny training run
// take over a minute. The factor 4 leaves room for a cluster task whose CPU count exceeds
// what the process sees.
inline int maxThreads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 256 : static_cast<int>(4 * cores);
}
inline NumberRange threadRange() {
  return NumberRange::wholeNumbers(1, maxThreads(), "all cores");
}

}  // namespace flystage
