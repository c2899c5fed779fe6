#include "store/Project.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "image/Orientation.h"
#include "store/RunStore.h"
#include "store/Schema.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"

namespace flystage {

namespace {

namespace fs = std::filesystem;

// A path for an SQLite "file:" URI: '%', '?' and '#' would end or change it.
std::string uriPath(const fs::path& p) {
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
[[noreturn]] void rethrowOpenError(const fs::path& file, const std::exception& e) {
  throw Error(file.string() + ": cannot open as a FlyStage project (" + e.what() +
              "); check that it is a .flystage file and not another kind of file");
}

const std::string kUnchanged = " The file was not changed.";

// Looks at the file's first bytes before SQLite does: an empty file, one that is no SQLite
// database or one with another program's application id is refused without SQLite ever
// opening it (which could write to it or leave files beside it).
void checkHeader(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw Error(file.string() + ": cannot read the file (" + std::strerror(errno) +
                "); check its permissions");
  unsigned char h[100] = {};
  in.read(reinterpret_cast<char*>(h), sizeof h);
  const auto got = in.gcount();
  if (got == 0)
    throw Error(file.string() + ": an empty file, not a FlyStage project." + kUnchanged +
                " A project is only created where no file exists: remove the empty file, then "
                "use 'flystage-cli new' or 'flystage-cli import'.");
  static const char magic[] = "SQLite format 3";  // with its terminating zero: 16 bytes
  if (got < static_cast<std::streamsize>(sizeof h) || std::memcmp(h, magic, sizeof magic) != 0)
    throw Error(file.string() +
                ": not a FlyStage project (not an SQLite database); check that it is a "
                ".flystage file." +
                kUnchanged);
  // Offset 68: the application id, big-endian. 0 may still be a project older than schema 3
  // (or one whose newer header is still in the -wal file): the tables decide then.
  const std::uint32_t app = (std::uint32_t{h[68]} << 24) | (std::uint32_t{h[69]} << 16) |
                            (std::uint32_t{h[70]} << 8) | std::uint32_t{h[71]};
  if (app != 0 && app != static_cast<std::uint32_t>(kApplicationId)) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08X", app);
    throw Error(file.string() +
                ": not a FlyStage project: another program's SQLite database "
                "(application id " +
                hex + ")." + kUnchanged);
  }
}

// A connection that reads the project and creates nothing beside it. Without a -wal file
// there is nothing beyond the file itself to read, so it is opened immutable: no -shm, no
// -wal, no locks, in any folder. The price: SQLite assumes the file does not change while
// it is open, and a writer that starts meanwhile could checkpoint new pages into it under
// a long read (a read may then fail, or mix old and new rows; the file is never harmed as
// this connection never writes). The alternative, a normal read-only connection, creates
// -wal and -shm files owned by the reader that the project's owner cannot write (another
// user in a shared folder), which makes every later write of the owner fail. With a -wal
// file a writer is (or was) at work: the normal read-only connection reads what the -wal
// holds and uses the -shm already there.
std::unique_ptr<SQLite::Database> openForReading(const fs::path& file) {
  std::error_code ec;
  if (fs::exists(file.string() + "-wal", ec))
    return std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READONLY,
                                              kProjectBusyTimeoutMs);
  return std::make_unique<SQLite::Database>("file:" + uriPath(fs::absolute(file)) + "?immutable=1",
                                            SQLite::OPEN_READONLY | SQLite::OPEN_URI,
                                            kProjectBusyTimeoutMs);
}

[[noreturn]] void throwNotWritable(const fs::path& file) {
  const std::string side = sideFileProblem(file.string());
  if (!side.empty()) throw ProjectNotWritable(side);
  throw ProjectNotWritable(file.string() +
                           ": cannot write the project: you may not write the file or its folder "
                           "(SQLite needs both); check their permissions or copy the project "
                           "somewhere you can write. Nothing was changed.");
}

// Moves the finished new project from `from` to `to` unless something is at `to` by now
// (false then): an existing file is never replaced.
bool publishNoReplace(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  int err = errno;
  if (err == EINVAL || err == ENOSYS) {  // a filesystem without it: a hard link fails the same
    if (::link(from.c_str(), to.c_str()) == 0) {
      ::unlink(from.c_str());
      return true;
    }
    err = errno;
  }
  if (err == EEXIST) return false;
  throw Error(to.string() + ": cannot create the project (" + std::strerror(err) + ")");
}

void removeWithSideFiles(const fs::path& file) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    fs::remove(file.string() + suffix, ec);
}

// Builds the whole new project under a hidden name beside `file` and moves it into place in
// one step, so that `file` is either absent or a complete project (a kill half-way leaves
// at most the hidden file). False when a file appeared at `file` meanwhile.
bool createProject(const fs::path& file) {
  static std::atomic<unsigned> counter{0};
  const fs::path tmp =
      file.parent_path() / ("." + file.filename().string() + ".new-" + std::to_string(::getpid()) +
                            "-" + std::to_string(++counter));
  try {
    {
      SQLite::Database db(tmp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                          kProjectBusyTimeoutMs);
      migrate(db, file.string().c_str());  // every table, the version and the application id
      db.exec("INSERT INTO meta(key, value) VALUES ('created_with', 'FlyStage')");
      db.exec("PRAGMA journal_mode = WAL");
    }  // closed: nothing left in a -wal file
    if (!publishNoReplace(tmp, file)) {
      removeWithSideFiles(tmp);
      return false;
    }
  } catch (const SQLite::Exception& e) {
    removeWithSideFiles(tmp);
    const int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_PERM)
      throw Error(file.string() +
                  ": cannot create the project: you may not write "
                  "the folder " +
                  fs::absolute(file).parent_path().string() + "; choose a folder you can write.");
    throw Error(file.string() + ": cannot create the project (" + e.what() + ")");
  } catch (...) {
    removeWithSideFiles(tmp);
    throw;
  }
  return true;
}

}  // namespace

Project::Project(fs::path file, std::unique_ptr<SQLite::Database> db, bool readOnly)
    : file_(std::move(file)), db_(std::move(db)), readOnly_(readOnly) {}
Project::~Project() = default;
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;

Project Project::open(const fs::path& file, OpenMode mode) {
  std::error_code ec;
  const auto status = fs::symlink_status(file, ec);
  const bool exists = fs::exists(status) || fs::is_symlink(status);
  if (!exists && (mode == OpenMode::Existing || mode == OpenMode::ReadOnly))
    throw Error(file.string() +
                ": no such project file (create it with 'flystage-cli new' or "
                "'flystage-cli import')");
  if (exists && fs::is_directory(file, ec))
    throw Error(file.string() + ": is a folder; give the project's .flystage file");
  if (exists && mode == OpenMode::Create)
    throw Error(file.string() +
                ": already exists; a new project is only made where no file is (open this "
                "one, or choose another name)." +
                kUnchanged);
  if (!exists) {
    const auto parent = fs::absolute(file).parent_path();
    if (!fs::is_directory(parent, ec))
      throw Error(file.string() + ": the folder " + parent.string() + " does not exist");
    if (!createProject(fs::absolute(file)) && mode == OpenMode::Create)
      throw Error(file.string() +
                  ": already exists (made by another program just now); a new "
                  "project is only made where no file is.");
    mode = OpenMode::Existing;
  }
  return openExisting(file, mode);
}

Project Project::openExisting(const fs::path& file, OpenMode mode) {
  if (!fs::is_regular_file(file))
    throw Error(file.string() + ": not a FlyStage project (not a regular file)." + kUnchanged);
  checkHeader(file);
  std::unique_ptr<SQLite::Database> db;
  try {
    // Read first, with a connection that writes nothing: a foreign file is refused before
    // a write connection ever touches it.
    db = openForReading(file);
    checkIsProject(*db, file.string());
    if (mode == OpenMode::ReadOnly) {
      db->exec("PRAGMA foreign_keys = ON");
      presentAsCurrentSchema(*db);
      return Project(file, std::move(db), true);
    }
    db.reset();
    // Side files the user may not write (another user's) make every write fail later.
    const std::string side = sideFileProblem(file.string());
    if (!side.empty()) throw ProjectNotWritable(side);
    // No OPEN_CREATE: a file removed meanwhile is not made again as an empty database.
    db = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READWRITE,
                                            kProjectBusyTimeoutMs);
    // SQLite silently opens a file the user may not write read-only.
    if (sqlite3_db_readonly(db->getHandle(), "main") == 1) throwNotWritable(file);
    checkIsProject(*db, file.string());  // still the file checked above
    db->exec("PRAGMA journal_mode = WAL");
    // FULL: a committed label survives power loss, not only a crash of the process.
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA foreign_keys = ON");
    migrate(*db, file.string().c_str());
  } catch (const Error&) {
    throw;
  } catch (const SQLite::Exception& e) {
    if (mode != OpenMode::ReadOnly && (e.getErrorCode() & 0xff) == SQLITE_READONLY)
      throwNotWritable(file);
    rethrowOpenError(file, e);
  } catch (const std::exception& e) {
    rethrowOpenError(file, e);
  }
  Project project(file, std::move(db), false);
  runstore::markInterruptedRuns(project);
  return project;
}

bool Project::removeIfEmpty(const fs::path& file) {
  {
    Project p = open(file, OpenMode::Existing);
    const int work = p.db()
                         .execAndGet(
                             "SELECT (SELECT count(*) FROM images) + (SELECT count(*) FROM "
                             "runs) + (SELECT count(*) FROM label_history)")
                         .getInt();
    if (work != 0) return false;
  }
  removeWithSideFiles(file);
  return true;
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
  if (img.empty()) {
    // Importing the image again does not help: the importer skips an image whose content is
    // already in the project (a duplicate), and nothing re-standardizes one in place.
    const auto record = image(id);
    throw Error(file_.string() + ": image #" + std::to_string(id) +
                (record ? " (" + record->path + ")" : std::string()) +
                " has damaged standardized pixels: the project file is damaged there. Restore "
                "it from a backup copy; importing the image again would be skipped as a "
                "duplicate.");
  }
  flipImage(img, q.getColumn(1).getInt() != 0, q.getColumn(2).getInt() != 0);
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
