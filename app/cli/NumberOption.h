#pragma once

// Numeric options are checked on the text the user typed, before CLI11 converts it and
// before the command does anything: CLI11's own Range check lets nan through, its unsigned
// conversion turns "-1" into 2^64-1, and a converted "abc" gives no range. Every bad value
// gets one line naming the option, the value and what is allowed:
//   flystage-cli: error: --batch 0: must be a whole number 1..1024

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "util/Error.h"
#include "util/NumberRange.h"

namespace flystage::cli {

inline std::string rangeMessage(const std::string& option, const std::string& text,
                                const std::string& allowed) {
  return option + " " + text + ": must be " + allowed;
}

// The number `text` spells, if all of it is one: a whole number is digits with an optional
// sign (no exponent, no point), a number anything strtod reads whole (nan and inf included;
// the range refuses them).
inline std::optional<double> numberText(const std::string& text, bool whole) {
  if (text.empty()) return std::nullopt;
  if (whole) {
    long long v = 0;
    const char* first = text.data() + (text[0] == '+' ? 1 : 0);
    const auto [end, ec] = std::from_chars(first, text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return static_cast<double>(v);
  }
  if (std::isspace(static_cast<unsigned char>(text[0]))) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return v;  // 1e999 reads as inf (ERANGE): the range refuses it
}

// The value of `text` for `option`, or flystage::Error with the one line above.
inline double parseNumber(const std::string& option, const std::string& text,
                          const NumberRange& range) {
  const auto v = numberText(text, range.whole);
  if (!v || !range.contains(*v)) throw Error(rangeMessage(option, text, range.text()));
  return *v;
}

constexpr const char* kSeedRange = "a whole number 0..18446744073709551615";

// Seeds are unsigned 64-bit: digits only, so "-1" is refused rather than wrapped.
inline std::uint64_t parseSeed(const std::string& option, const std::string& text) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw Error(rangeMessage(option, text, kSeedRange));
  return v;
}

// Attaches the check to an option bound to a number: it runs on each value as typed, before
// CLI11 converts it. It throws flystage::Error (main prints it as one line, exit 1) instead of
// returning CLI11's message, which would add a second "Run with --help" line.
inline CLI::Option* withRange(CLI::Option* option, const NumberRange& range) {
  const std::string name = option->get_name();
  option->check(CLI::Validator(
      [name, range](std::string& text) {
        parseNumber(name, text, range);
        return std::string();
      },
      range.text()));
  return option;
}

inline CLI::Option* asSeed(CLI::Option* option) {
  const std::string name = option->get_name();
  option->check(CLI::Validator(
      [name](std::string& text) {
        parseSeed(name, text);
        return std::string();
      },
      kSeedRange));
  return option;
}

// Run and image ids are positive.
inline NumberRange idRange() {
  return NumberRange::wholeNumbers(1, NumberRange::kWholeMax);
}

// Figures: the resolution exportFigure accepts.
inline NumberRange dpiRange() {
  return NumberRange::wholeNumbers(30, 2400);
}

}  // namespace flystage::cli
