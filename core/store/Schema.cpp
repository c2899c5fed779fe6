#include "store/Schema.h"

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "util/Error.h"

namespace flystage {

namespace {

// Migration N brings a project from version N-1 to N. Never edit a released migration:
// add the next one.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> all = {
      // 1: images, standardized pixels, labels with history, split, runs and results.
      R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE imports(
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  imported INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0);
CREATE TABLE images(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  gene TEXT NOT NULL DEFAULT '',
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  channels INTEGER NOT NULL,
  bit_depth INTEGER NOT NULL,
  import_id INTEGER REFERENCES imports(id),
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE INDEX images_gene ON images(gene);
CREATE TABLE standardized(
  image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
  png BLOB NOT NULL,
  angle REAL NOT NULL,
  passthrough INTEGER NOT NULL,
  auto_flip_h INTEGER NOT NULL,
  auto_flip_v INTEGER NOT NULL,
  ap_confidence REAL NOT NULL,
  dv_confidence REAL NOT NULL,
  override_flip_h INTEGER NOT NULL DEFAULT 0,
  override_flip_v INTEGER NOT NULL DEFAULT 0);
CREATE TABLE labels(
  image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
  stage_range TEXT CHECK (stage_range IN ('1-3','4-6','7-8','9-10','11-12','13-17')),
  stage INTEGER CHECK (stage BETWEEN 1 AND 17),
  source TEXT NOT NULL CHECK (source IN ('import','user','model')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  CHECK (stage_range IS NOT NULL OR stage IS NULL));
CREATE INDEX labels_stage ON labels(stage);
CREATE INDEX labels_range ON labels(stage_range);
CREATE TABLE label_history(
  id INTEGER PRIMARY KEY,
  action INTEGER NOT NULL,
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  old_range TEXT, old_stage INTEGER, old_source TEXT,
  new_range TEXT, new_stage INTEGER, new_source TEXT,
  description TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done','undone','discarded')),
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE INDEX label_history_action ON label_history(action);
CREATE TABLE splits(
  image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
  part TEXT NOT NULL CHECK (part IN ('train','validation','test')),
  origin TEXT NOT NULL CHECK (origin IN ('import','generated')));
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  method TEXT NOT NULL,
  preset TEXT NOT NULL DEFAULT '',
  params_json TEXT NOT NULL DEFAULT '{}',
  seed INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'created',
  device TEXT NOT NULL DEFAULT '',
  versions_json TEXT NOT NULL DEFAULT '{}',
  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  finished_at TEXT,
  duration_s REAL);
CREATE TABLE run_epochs(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  phase TEXT NOT NULL,
  epoch INTEGER NOT NULL,
  train_loss REAL, train_accuracy REAL, validation_loss REAL, validation_accuracy REAL,
  PRIMARY KEY(run_id, phase, epoch));
CREATE TABLE models(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT 'final',
  architecture_json TEXT NOT NULL,
  weights BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE TABLE predictions(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  stage INTEGER NOT NULL,
  probability REAL NOT NULL,
  probabilities BLOB NOT NULL,
  PRIMARY KEY(run_id, image_id));
CREATE TABLE metrics(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value REAL,
  json TEXT,
  PRIMARY KEY(run_id, name));
)sql",
      // 2: which images each run trained, selected and tested on (a run stays evaluable
      // when labels or the split change later), and the run's checkpoint for resuming.
      R"sql(
CREATE TABLE run_images(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  part TEXT NOT NULL CHECK (part IN ('train','validation','test','range')),
  stage INTEGER,
  stage_range TEXT,
  PRIMARY KEY(run_id, image_id, part));
CREATE TABLE checkpoints(
  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  phase INTEGER NOT NULL,
  epoch INTEGER NOT NULL,
  state BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
)sql",
      // 3: FlyStage's application id (a project is told from other SQLite files before
      // anything is written), and which process on which host runs a "running" run, so
      // that a run whose process died is found (store/RunStore.h).
      R"sql(
ALTER TABLE runs ADD COLUMN process_id INTEGER;
ALTER TABLE runs ADD COLUMN process_host TEXT;
ALTER TABLE runs ADD COLUMN process_instance TEXT;
PRAGMA application_id = 1181504372;
)sql",
      // 4: the range-constrained call beside the unconstrained one (and whether it was
      // asked for), whether a label's range came from a curator or was derived from its
      // stage, and images labelled after the split was drawn (they stay in training).
      R"sql(
ALTER TABLE predictions ADD COLUMN range_constraint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE predictions ADD COLUMN stage_range TEXT;
ALTER TABLE predictions ADD COLUMN constrained_stage INTEGER;
ALTER TABLE predictions ADD COLUMN constrained_probability REAL;
ALTER TABLE predictions ADD COLUMN constrained_probabilities BLOB;
ALTER TABLE labels ADD COLUMN range_from_stage INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_images ADD COLUMN range_from_stage INTEGER NOT NULL DEFAULT 0;
ALTER TABLE splits ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
)sql",
      // 5: how a run chose the epoch it kept and each epoch's learning rate; who made each
      // label (labeller agreement); a run's index of embryo features (similar-embryo search).
      R"sql(
ALTER TABLE run_epochs ADD COLUMN learning_rate REAL;
CREATE TABLE run_selection(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  phase TEXT NOT NULL,
  rule TEXT NOT NULL CHECK (rule IN ('first-best-validation-score','best-validation-score',
                                     'best-validation-loss','last-epoch')),
  kept_epoch INTEGER NOT NULL,
  epochs INTEGER NOT NULL,
  validation_images INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(run_id, phase));
ALTER TABLE labels ADD COLUMN labeller TEXT NOT NULL DEFAULT '';
ALTER TABLE label_history ADD COLUMN labeller TEXT NOT NULL DEFAULT '';
ALTER TABLE label_history ADD COLUMN old_labeller TEXT NOT NULL DEFAULT '';
CREATE INDEX label_history_votes ON label_history(image_id, labeller, state);
CREATE TABLE similarity_index(
  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  model_sha256 TEXT NOT NULL,
  feature_size INTEGER NOT NULL,
  dims INTEGER NOT NULL,
  mean BLOB NOT NULL,
  projection BLOB NOT NULL,
  built_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE TABLE similarity_vectors(
  run_id INTEGER NOT NULL REFERENCES similarity_index(run_id) ON DELETE CASCADE,
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  vector BLOB NOT NULL,
  PRIMARY KEY(run_id, image_id));
)sql",
  };
  return all;
}

// The tables migration N creates (index N-1), and "table.column" for the columns it adds: a
// file that claims version N has all of these and those before.
const std::vector<std::vector<const char*>>& tablesOfMigration() {
  static const std::vector<std::vector<const char*>> all = {
      {"meta", "imports", "images", "standardized", "labels", "label_history", "splits", "runs",
       "run_epochs", "models", "predictions", "metrics"},
      {"run_images", "checkpoints"},
      {},
      {"predictions.range_constraint", "predictions.stage_range", "predictions.constrained_stage",
       "predictions.constrained_probability", "predictions.constrained_probabilities",
       "labels.range_from_stage", "run_images.range_from_stage", "splits.late"},
      {"run_selection", "similarity_index", "similarity_vectors", "run_epochs.learning_rate",
       "labels.labeller", "label_history.labeller", "label_history.old_labeller"},
  };
  return all;
}

bool hasColumn(SQLite::Database& db, const std::string& table, const std::string& column) {
  SQLite::Statement q(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
  q.bind(1, table);
  q.bind(2, column);
  return q.executeStep();
}

std::string versionRange() {
  return "1 to " + std::to_string(kSchemaVersion);
}

}  // namespace

int storedSchemaVersion(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

void checkIsProject(SQLite::Database& db, const std::string& file) {
  static_assert(kApplicationId == 1181504372, "migration 3 writes this number");
  const std::string unchanged = " The file was not changed.";
  const std::int32_t app = db.execAndGet("PRAGMA application_id").getInt();
  if (app != 0 && app != kApplicationId) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08X", static_cast<unsigned>(app));
    throw Error(file +
                ": not a FlyStage project: another program's SQLite database (application "
                "id " +
                hex + ")." + unchanged);
  }
  const int version = storedSchemaVersion(db);
  std::set<std::string> tables;
  SQLite::Statement q(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
  while (q.executeStep()) tables.insert(q.getColumn(0).getString());
  const bool anyOurs = tables.count("images") > 0 && tables.count("labels") > 0;
  if (app == 0 && !anyOurs)
    throw Error(file +
                ": not a FlyStage project: an SQLite database of another program (it has none "
                "of FlyStage's tables)." +
                unchanged);
  if (version > kSchemaVersion && app == kApplicationId)
    throw Error(file + ": project schema version " + std::to_string(version) +
                " is newer than this FlyStage understands (" + std::to_string(kSchemaVersion) +
                "); open it with a newer FlyStage." + unchanged);
  // Versions before the application id have 0; from then on every project carries it.
  const bool known = app == 0 ? version >= 1 && version < kFirstVersionWithApplicationId
                              : version >= 1 && version <= kSchemaVersion;
  if (!known)
    throw Error(file + ": project schema version " + std::to_string(version) +
                " is not one FlyStage writes (" + versionRange() +
                (app == 0 ? ", and from 3 on with FlyStage's application id" : "") +
                "): the file is damaged or not a FlyStage project." + unchanged);
  for (int v = 0; v < version; ++v)
    for (const std::string t : tablesOfMigration()[static_cast<std::size_t>(v)]) {
      const auto dot = t.find('.');
      if (dot == std::string::npos ? tables.count(t) > 0
                                   : hasColumn(db, t.substr(0, dot), t.substr(dot + 1)))
        continue;
      throw Error(file + ": not a FlyStage project, or a damaged one: schema version " +
                  std::to_string(version) + " but no " +
                  (dot == std::string::npos ? "table '" : "column '") + t + "'." + unchanged);
    }
}

void migrate(SQLite::Database& db, const char* fileName, int target) {
  const int stored = storedSchemaVersion(db);
  if (stored > kSchemaVersion)
    throw Error(std::string(fileName) + ": project schema version " + std::to_string(stored) +
                " is newer than this FlyStage understands (" + std::to_string(kSchemaVersion) +
                "); open it with a newer FlyStage. The file was not changed.");
  // Project::open refuses these before (checkIsProject); the index below must stay valid.
  if (stored < 0 || target > kSchemaVersion)
    throw Error(std::string(fileName) + ": project schema version " + std::to_string(stored) +
                " is not one FlyStage writes (" + versionRange() + "). The file was not changed.");
  if (stored >= target) return;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::EXCLUSIVE);
  for (int v = stored; v < target; ++v) db.exec(migrations()[v]);
  db.exec("PRAGMA user_version = " + std::to_string(target));
  tx.commit();
}

void presentAsCurrentSchema(SQLite::Database& db) {
  if (storedSchemaVersion(db) >= kSchemaVersion) return;
  SQLite::Database current(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  migrate(current, ":memory:");
  SQLite::Statement tables(
      current,
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
      "'sqlite!_%' ESCAPE '!' ORDER BY name");
  while (tables.executeStep()) {
    const std::string name = tables.getColumn(0).getString();
    const std::string sql = tables.getColumn(1).getString();
    if (!db.tableExists(name)) {
      const std::string prefix = "CREATE TABLE ";
      if (sql.compare(0, prefix.size(), prefix) != 0) continue;
      db.exec("CREATE TEMP TABLE " + sql.substr(prefix.size()));
      continue;
    }
    std::string added;
    SQLite::Statement columns(
        current, "SELECT name, coalesce(dflt_value, 'NULL') FROM pragma_table_info(?)");
    columns.bind(1, name);
    while (columns.executeStep()) {
      const std::string column = columns.getColumn(0).getString();
      if (hasColumn(db, name, column)) continue;
      added += ", " + columns.getColumn(1).getString() + " AS \"" + column + "\"";
    }
    if (!added.empty())
      db.exec("CREATE TEMP VIEW \"" + name + "\" AS SELECT *" + added + " FROM main.\"" + name +
              "\"");
  }
}

}  // namespace flystage
