#include "support/TestSupport.h"

#include <fstream>
#include <random>
#include <stdexcept>

namespace flystage::test {

std::filesystem::path samplesDir() {
  return FLYSTAGE_SAMPLES_DIR;
}

std::string cliPath() {
  return FLYSTAGE_CLI;
}

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = std::filesystem::temp_directory_path() /
                     ("flystage-test-" + std::to_string(rd()) + std::to_string(attempt));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void writeText(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

}  // namespace flystage::test
