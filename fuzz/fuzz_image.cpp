// libFuzzer target: image decoding (decodeImage) and the Standardizer.
// A std::exception (flystage::Error and the like) is an expected, shown failure; a crash,
// a sanitizer report, a hang or any other exception is a finding.

#include <cstddef>
#include <cstdint>
#include <exception>

#include "FuzzPaths.h"
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes = flystage::fuzz::bytesOf(data, size);
  try {
    flystage::fuzz::runImage(bytes, "fuzz-input");
  } catch (const std::exception&) {
  }
  return 0;
}
