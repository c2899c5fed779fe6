#pragma once

#include <string>

namespace flystage::cli {

// Shards read the project from a shared file system, each on its own machine. SQLite keeps the
// latest commits in PROJECT-wal until the last program writing the project closes it, and
// that file is not shared safely between machines: warns on stderr when it holds changes
// (a FlyStage still has the project open), since other machines may not see them.
void warnIfProjectHasPendingWrites(const std::string& project);

}  // namespace flystage::cli
