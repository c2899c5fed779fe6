#pragma once

#include <cstdint>
#include <string>

namespace SQLite {
class Database;
}

namespace flystage {

// The project file's schema version this build writes (PRAGMA user_version).
constexpr int kSchemaVersion = 5;

// PRAGMA application_id of every FlyStage project ("FlSt" in ASCII), set at creation and by
// migration 3: it tells a project from another program's SQLite database before anything
// is written. Projects older than version 3 have 0 and are recognised by their tables.
constexpr std::int32_t kApplicationId = 0x466C5374;
constexpr int kFirstVersionWithApplicationId = 3;

// Brings a project from its stored version to kSchemaVersion, one migration per step, all
// in one transaction. A file from a newer FlyStage is refused (flystage::Error) untouched.
void migrate(SQLite::Database& db, const char* fileName, int target = kSchemaVersion);

int storedSchemaVersion(SQLite::Database& db);

// Refuses (flystage::Error naming `fileName`, nothing written) a database that is not a
// FlyStage project this build can open: another program's database (a foreign application
// id, or id 0 without the tables of a FlyStage schema), or a schema version FlyStage never
// wrote (negative, 0, newer than kSchemaVersion). Only reads.
void checkIsProject(SQLite::Database& db, const std::string& fileName);

// A project of an older schema opened read-only cannot be migrated (that would write it).
// Instead the connection sees it as the current schema: each table it lacks is an empty
// TEMP table, and each table that lacks columns is shadowed by a TEMP view that adds them
// with their defaults (unqualified names find temp objects first). The file is not touched.
void presentAsCurrentSchema(SQLite::Database& db);

}  // namespace flystage
