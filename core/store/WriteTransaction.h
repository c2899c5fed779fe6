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

}  // namespace flystage
