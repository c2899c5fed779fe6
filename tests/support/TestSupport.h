#pragma once

#include <filesystem>
#include <string>

namespace flystage::test {

// ../shared/data/bdgp-samples: the 16 real BDGP images (12 labelled in labels.csv).
std::filesystem::path samplesDir();

// A fresh, empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void writeText(const std::filesystem::path& file, const std::string& text);

// The built flystage-cli executable.
std::string cliPath();

}  // namespace flystage::test
