#include "store/WriteTransaction.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "util/Error.h"

namespace flystage {

namespace {

std::string userName(uid_t uid) {
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found)
    return std::string("user '") + found->pw_name + "'";
  return "user id " + std::to_string(uid);
}

}  // namespace

std::string sideFileProblem(const std::string& projectFile) {
  for (const char* suffix : {"-shm", "-wal", "-journal"}) {
    const std::string side = projectFile + suffix;
    struct stat st {};
    if (::stat(side.c_str(), &st) != 0 || ::access(side.c_str(), W_OK) == 0) continue;
    const std::string owner = userName(st.st_uid);
    std::string what;
    if (std::string(suffix) == "-shm")
      what = "When no one has the project open, " + owner +
             " (or whoever may delete files in its folder) can delete " + side +
             ": SQLite makes it again.";
    else if (std::string(suffix) == "-wal" && st.st_size == 0)
      what = "When no one has the project open, " + owner +
             " (or whoever may delete files in its folder) can delete " + side + ": it is empty.";
    else
      what = "Do not delete it: it holds saved changes. Ask " + owner +
             " to open the project in FlyStage and close it again, which moves them into the "
             "project file.";
    return projectFile + ": cannot write the project: " + side + " belongs to " + owner +
           " and you may not write it (SQLite's " +
           (std::string(suffix) == "-shm" ? "shared-memory index" : "journal") +
           ", left by their program reading or using the project). " + what +
           " Nothing was changed.";
  }
  return {};
}

WriteTransaction::WriteTransaction(SQLite::Database& db) : db_(db) {
  if (sqlite3_get_autocommit(db_.getHandle())) {
    try {
      db_.exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) == SQLITE_READONLY) {
        const std::string side = sideFileProblem(db_.getFilename());
        if (!side.empty()) throw Error(side);
      }
      // The busy timeout (5 s, Project::open) ran out while another program held the lock.
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY) throw;
      throw Error(db_.getFilename() +
                  ": another program is writing this project and kept it locked for over 5 "
                  "seconds; try again when it has finished. Nothing was changed.");
    }
  } else {
    static std::atomic<unsigned> counter{0};
    savepoint_ = "fs_" + std::to_string(++counter);
    db_.exec("SAVEPOINT " + savepoint_);
  }
}

WriteTransaction::~WriteTransaction() {
  if (done_) return;
  try {
    if (savepoint_.empty()) {
      db_.exec("ROLLBACK");
    } else {
      db_.exec("ROLLBACK TO " + savepoint_);
      db_.exec("RELEASE " + savepoint_);
    }
  } catch (...) {
    // Rollback failing means the connection is already gone; SQLite's journal restores
    // the last committed state when the file is next opened.
  }
}

void WriteTransaction::commit() {
  db_.exec(savepoint_.empty() ? std::string("COMMIT") : "RELEASE " + savepoint_);
  done_ = true;
}

}  // namespace flystage
