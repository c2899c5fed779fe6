#pragma once

#include <stdexcept>
#include <string>

namespace flystage {

// A problem the user can act on: names the file (and line or field when known) and
// what to do. what() gives the whole one-line message.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// A message like "labels.csv:12: column 'stage': 'x' is not a number (use 1..17)".
std::string located(const std::string& file, long line, const std::string& message);

}  // namespace flystage
