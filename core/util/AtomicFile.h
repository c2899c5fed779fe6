#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace flystage {

// Writes a file all at once or not at all: the content goes to a temporary file beside the
// target (same folder, so the rename is atomic on one file system), and commit() renames it
// over the target. Until then readers see the old file or none; a killed job, an exception
// or a full disk leaves neither half a file nor the temporary one (the destructor removes
// it unless commit() succeeded).
//
// The temporary name is prefix + target's file name + suffix, in the target's folder:
// "<file>.part" by default (what a user sees beside the output while it is written). Writers
// that pick a format by extension (OpenCV, Qt) want one at the end: suffix ".part.tif".
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target, const std::string& suffix = ".part",
                      const std::string& prefix = "");
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& target() const { return target_; }
  // Where to write (with a stream, cv::imwrite, QImage::save, ...) before commit().
  const std::filesystem::path& tmp() const { return tmp_; }

  // Writes `bytes` as the whole temporary file. Throws flystage::Error naming the target
  // when it cannot be opened or the bytes do not all reach the disk.
  void write(std::string_view bytes);

  // Renames the temporary file over the target. Throws flystage::Error naming the target
  // when that fails (no folder, no permission, nothing written); the temporary file is then
  // removed and the target keeps its old content.
  void commit();

 private:
  std::filesystem::path target_, tmp_;
  bool committed_ = false;
};

}  // namespace flystage
