#include "store/WriteTransaction.h"

#include <atomic>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "util/Error.h"

namespace flystage {

WriteTransaction::WriteTransaction(SQLite::Database& db) : db_(db) {
  if (sqlite3_get_autocommit(db_.getHandle())) {
    try {
      db_.exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception& e) {
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
