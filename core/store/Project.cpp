#include "store/Project.h"

#include <cstdio>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "store/Schema.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"

namespace flystage {

namespace {

// A path for an SQLite "file:" URI: '%', '?' and '#' would end or change it.
std::string uriPath(const std::filesystem::path& p) {
  std::string out;
  for (char c : p.string()) {
    if (c == '%' || c == '?' || c == '#') {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
      out += hex;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// SQLite writes "file is not a database" for foreign files; say which file and what to do.
[[noreturn]] void rethrowOpenError(const std::filesystem::path& file, const std::exception& e) {
  throw Error(file.string() + ": cannot open as a FlyStage project (" + e.what() +
              "); check that it is a .flystage file and not another kind of file");
}

}  // namespace

Project::Project(std::filesystem::path file, std::unique_ptr<SQLite::Database> db, bool readOnly)
    : file_(std::move(file)), db_(std::move(db)), readOnly_(readOnly) {}
Project::~Project() = default;
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;

Project Project::open(const std::filesystem::path& file, OpenMode mode) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(file, ec);
  if (!exists && mode != OpenMode::OpenOrCreate)
    throw Error(file.string() + ": no such project file (create it with 'flystage-cli import')");
  if (exists && std::filesystem::is_directory(file, ec))
    throw Error(file.string() + ": is a folder; give the project's .flystage file");
  if (!exists) {
    const auto parent = std::filesystem::absolute(file).parent_path();
    if (!std::filesystem::is_directory(parent, ec))
      throw Error(file.string() + ": the folder " + parent.string() + " does not exist");
  }
  const int flags = mode == OpenMode::ReadOnly ? SQLite::OPEN_READONLY
                                               : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
  std::unique_ptr<SQLite::Database> db;
  try {
    db = std::make_unique<SQLite::Database>(file.string(), flags, kProjectBusyTimeoutMs);
    // Reading the schema version touches the header: a foreign file fails here.
    int version = 0;
    try {
      version = storedSchemaVersion(*db);
    } catch (const SQLite::Exception& e) {
      // A WAL project in a folder the user cannot write: reading needs the -shm file, which
      // cannot be created there. Read-only use then reads the file as it is (immutable).
      // Only without a -wal file: reading it immutable would miss what the -wal holds.
      if (mode != OpenMode::ReadOnly || (e.getErrorCode() & 0xff) != SQLITE_READONLY ||
          std::filesystem::exists(file.string() + "-wal", ec))
        throw;
      db = std::make_unique<SQLite::Database>(
          "file:" + uriPath(std::filesystem::absolute(file)) + "?immutable=1",
          SQLite::OPEN_READONLY | SQLite::OPEN_URI, kProjectBusyTimeoutMs);
      version = storedSchemaVersion(*db);
    }
    if (version > kSchemaVersion) migrate(*db, file.string().c_str());  // throws, untouched
    if (mode != OpenMode::ReadOnly) {
      // SQLite silently opens a file the user may not write read-only.
      if (sqlite3_db_readonly(db->getHandle(), "main") == 1)
        throw SQLite::Exception("attempt to write a readonly database", SQLITE_READONLY);
      db->exec("PRAGMA journal_mode = WAL");
      // FULL: a committed label survives power loss, not only a crash of the process.
      db->exec("PRAGMA synchronous = FULL");
    }
    db->exec("PRAGMA foreign_keys = ON");
    if (mode != OpenMode::ReadOnly) migrate(*db, file.string().c_str());
    if (!db->tableExists("images"))
      throw Error(file.string() + ": not a FlyStage project (it has no images table)");
  } catch (const Error&) {
    throw;
  } catch (const SQLite::Exception& e) {
    if (mode != OpenMode::ReadOnly && (e.getErrorCode() & 0xff) == SQLITE_READONLY)
      throw ProjectNotWritable(
          file.string() +
          ": cannot write the project: you may not write the file or its folder (SQLite "
          "needs both); check their permissions or copy the project somewhere you can "
          "write. Nothing was changed.");
    rethrowOpenError(file, e);
  } catch (const std::exception& e) {
    rethrowOpenError(file, e);
  }
  Project project(file, std::move(db), mode == OpenMode::ReadOnly);
  if (!exists) project.setMeta("created_with", "FlyStage");
  return project;
}

ProjectSummary Project::summary() {
  ProjectSummary s;
  s.schemaVersion = storedSchemaVersion(*db_);
  s.images = db_->execAndGet("SELECT count(*) FROM images").getInt();
  s.unlabelled = db_->execAndGet(
                        "SELECT count(*) FROM images i LEFT JOIN labels l ON l.image_id = i.id "
                        "WHERE l.stage_range IS NULL")
                     .getInt();
  s.withStage = db_->execAndGet("SELECT count(*) FROM labels WHERE stage IS NOT NULL").getInt();
  s.genes = db_->execAndGet("SELECT count(DISTINCT gene) FROM images WHERE gene <> ''").getInt();
  s.runs = db_->execAndGet("SELECT count(*) FROM runs").getInt();
  SQLite::Statement ranges(*db_,
                           "SELECT stage_range, count(*) FROM labels WHERE stage_range IS NOT "
                           "NULL GROUP BY stage_range");
  while (ranges.executeStep())
    s.perRange[ranges.getColumn(0).getString()] = ranges.getColumn(1).getInt();
  SQLite::Statement stages(
      *db_, "SELECT stage, count(*) FROM labels WHERE stage IS NOT NULL GROUP BY stage");
  while (stages.executeStep())
    s.perStage[stages.getColumn(0).getInt()] = stages.getColumn(1).getInt();
  SQLite::Statement parts(*db_,
                          "SELECT s.part, count(*) FROM splits s JOIN labels l ON l.image_id = "
                          "s.image_id WHERE l.stage IS NOT NULL GROUP BY s.part");
  while (parts.executeStep())
    s.perSplit[parts.getColumn(0).getString()] = parts.getColumn(1).getInt();
  return s;
}

std::optional<ImageRecord> Project::image(std::int64_t id) {
  SQLite::Statement q(*db_,
                      "SELECT id, path, sha256, gene, width, height, channels, bit_depth FROM "
                      "images WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  ImageRecord r;
  r.id = q.getColumn(0).getInt64();
  r.path = q.getColumn(1).getString();
  r.sha256 = q.getColumn(2).getString();
  r.gene = q.getColumn(3).getString();
  r.width = q.getColumn(4).getInt();
  r.height = q.getColumn(5).getInt();
  r.channels = q.getColumn(6).getInt();
  r.bitDepth = q.getColumn(7).getInt();
  return r;
}

std::optional<std::int64_t> Project::imageIdByHash(const std::string& sha256) {
  SQLite::Statement q(*db_, "SELECT id FROM images WHERE sha256 = ?");
  q.bind(1, sha256);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::vector<std::int64_t> Project::imageIds() {
  std::vector<std::int64_t> ids;
  SQLite::Statement q(*db_, "SELECT id FROM images ORDER BY id");
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

std::vector<std::string> Project::genes() {
  std::vector<std::string> out;
  SQLite::Statement q(*db_, "SELECT DISTINCT gene FROM images WHERE gene <> '' ORDER BY gene");
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

cv::Mat Project::standardizedImage(std::int64_t id) {
  SQLite::Statement q(*db_,
                      "SELECT png, override_flip_h, override_flip_v FROM standardized WHERE "
                      "image_id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep())
    throw Error(file_.string() + ": image #" + std::to_string(id) + " has no standardized pixels");
  const auto blob = q.getColumn(0);
  cv::Mat raw(1, blob.getBytes(), CV_8U, const_cast<void*>(blob.getBlob()));
  cv::Mat img = cv::imdecode(raw, cv::IMREAD_COLOR);
  if (img.empty())
    throw Error(file_.string() + ": image #" + std::to_string(id) +
                " has damaged standardized pixels; re-import the image");
  const bool h = q.getColumn(1).getInt() != 0;
  const bool v = q.getColumn(2).getInt() != 0;
  if (h && v)
    cv::flip(img, img, -1);
  else if (h)
    cv::flip(img, img, 1);
  else if (v)
    cv::flip(img, img, 0);
  return img;
}

Label Project::label(std::int64_t id) {
  SQLite::Statement q(*db_, "SELECT stage_range, stage, source FROM labels WHERE image_id = ?");
  q.bind(1, static_cast<int64_t>(id));
  Label l;
  if (!q.executeStep()) return l;
  if (!q.getColumn(0).isNull()) l.range = parseStageRange(q.getColumn(0).getString());
  if (!q.getColumn(1).isNull()) l.stage = q.getColumn(1).getInt();
  l.source = parseLabelSource(q.getColumn(2).getString()).value_or(LabelSource::User);
  return l;
}

std::optional<SplitPart> Project::splitPart(std::int64_t id) {
  SQLite::Statement q(*db_, "SELECT part FROM splits WHERE image_id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return parseSplitPart(q.getColumn(0).getString());
}

std::string Project::meta(const std::string& key, const std::string& fallback) {
  SQLite::Statement q(*db_, "SELECT value FROM meta WHERE key = ?");
  q.bind(1, key);
  return q.executeStep() ? q.getColumn(0).getString() : fallback;
}

void Project::setMeta(const std::string& key, const std::string& value) {
  WriteTransaction tx(*db_);
  SQLite::Statement q(*db_, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
  tx.commit();
}

}  // namespace flystage
