#pragma once

namespace SQLite {
class Database;
}

namespace flystage {

// The project file's schema version this build writes (PRAGMA user_version).
constexpr int kSchemaVersion = 2;

// Brings a project from its stored version to kSchemaVersion, one migration per step, all
// in one transaction. A file from a newer FlyStage is refused (flystage::Error) untouched.
void migrate(SQLite::Database& db, const char* fileName, int target = kSchemaVersion);

int storedSchemaVersion(SQLite::Database& db);

}  // namespace flystage
