#include "ShardedRead.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace flystage::cli {

void warnIfProjectHasPendingWrites(const std::string& project) {
  std::error_code ec;
  const auto wal = project + "-wal";
  const auto size = std::filesystem::file_size(wal, ec);
  if (ec || size == 0) return;
  std::fprintf(stderr,
               "flystage-cli: warning: %s holds changes not yet in %s (is FlyStage still open "
               "on it?); shards on other machines may not see them: close every program "
               "using the project before starting the shards\n",
               wal.c_str(), project.c_str());
}

}  // namespace flystage::cli
