#include "store/DiskFull.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

namespace flystage {

bool isDiskFull(const SQLite::Exception& e) {
  const int code = e.getErrorCode() & 0xff;
  return code == SQLITE_FULL || code == SQLITE_IOERR;
}

std::string diskFullMessage(const std::filesystem::path& project, const SQLite::Exception& e,
                            const std::string& outcome) {
  return project.string() +
         ": could not write the project: the disk is full or the file too large (" + e.what() +
         "); " + outcome;
}

}  // namespace flystage
