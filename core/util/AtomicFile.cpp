#include "util/AtomicFile.h"

#include <fstream>
#include <system_error>
#include <utility>

#include "util/Error.h"

namespace flystage {

namespace {

std::filesystem::path besideTarget(const std::filesystem::path& target, const std::string& suffix,
                                   const std::string& prefix) {
  return target.parent_path() / (prefix + target.filename().string() + suffix);
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target, const std::string& suffix,
                       const std::string& prefix)
    : target_(std::move(target)), tmp_(besideTarget(target_, suffix, prefix)) {}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  std::error_code ec;
  std::filesystem::remove(tmp_, ec);  // nothing to report from a destructor; it may not exist
}

void AtomicFile::write(std::string_view bytes) {
  std::ofstream out(tmp_, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(target_.string() + ": cannot write (check the folder and permissions)");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) throw Error(target_.string() + ": write failed (disk full?)");
}

void AtomicFile::commit() {
  std::error_code ec;
  std::filesystem::rename(tmp_, target_, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp_, ignored);
    throw Error(target_.string() + ": could not be written (" + ec.message() +
                "); check that the folder exists and is writable");
  }
  committed_ = true;
}

}  // namespace flystage
