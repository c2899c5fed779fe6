#pragma once

#include <string>

namespace SQLite {
class Database;
}

namespace flystage {

// Every write to a project goes through one of these: all of it lands, or none of it.
// At top level it is BEGIN IMMEDIATE (takes the write lock up front, so two writers wait
// instead of deadlocking); inside another transaction it is a savepoint, so core
// operations compose (an import also assigns the split, in the same transaction).
// Destroyed without commit(): rolled back.
class WriteTransaction {
 public:
  explicit WriteTransaction(SQLite::Database& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  void commit();

 private:
  SQLite::Database& db_;
  std::string savepoint_;  // empty at top level
  bool done_ = false;
};

// When a -wal, -shm or -journal file beside `projectFile` is one this user may not write
// (another user's, left by their program reading or using the project in a shared folder),
// every write fails with SQLite's bare "attempt to write a readonly database": this says
// which file, whose it is and what to do. Empty when there is no such file.
std::string sideFileProblem(const std::string& projectFile);

}  // namespace flystage
