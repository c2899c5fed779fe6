#include "util/Error.h"

namespace flystage {

std::string located(const std::string& file, long line, const std::string& message) {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  return out + ": " + message;
}

}  // namespace flystage
