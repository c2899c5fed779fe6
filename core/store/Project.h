#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "store/Label.h"
#include "store/SplitPart.h"
#include "util/Error.h"

namespace SQLite {
class Database;
}

namespace flystage {

struct ImageRecord {
  std::int64_t id = 0;
  std::string path;
  std::string sha256;
  std::string gene;
  int width = 0;
  int height = 0;
  int channels = 0;
  int bitDepth = 0;
};

// Counts for `flystage-cli info` and the GUI's status line.
struct ProjectSummary {
  int schemaVersion = 0;
  int images = 0;
  int unlabelled = 0;
  int withStage = 0;
  int genes = 0;
  int runs = 0;
  std::map<std::string, int> perRange;  // range name -> images with that range
  std::map<int, int> perStage;          // stage -> images with that precise stage
  std::map<std::string, int> perSplit;  // "train"/"validation"/"test" -> stage-labelled images
};

// Only a FlyStage project is ever opened (its application id, or for projects older than
// schema 3 its tables; Schema.h): any other file, an empty one included, is refused untouched
// and without files left beside it. A project is only created where no file exists yet.
enum class OpenMode {
  OpenOrCreate,  // create a new project when nothing exists at the path, else Existing
  Existing,      // the file must exist and be a project (migrated to this version)
  ReadOnly,      // must exist; never written (also not migrated), leaves no files beside it
  Create,        // nothing may exist at the path: a new, complete project appears there
                 // atomically (never half-made); Error when something is already there
};

// Thrown by Project::open for writing when the user may not write the file or its folder
// (a read-only disk, a shared lab folder): the project can still be opened ReadOnly.
class ProjectNotWritable : public Error {
 public:
  using Error::Error;
};

// How long a write waits for another connection's write to finish before it gives up
// (WriteTransaction says so); long background work waits longer (store/BusyWait.h).
inline constexpr int kProjectBusyTimeoutMs = 5000;

// A FlyStage project: one SQLite file (.flystage) in WAL mode. Every write is a
// transaction, so a crash at any moment leaves the last committed state intact.
class Project {
 public:
  static Project open(const std::filesystem::path& file, OpenMode mode = OpenMode::OpenOrCreate);

  // Undoes a creation whose first work failed (an import into a new project): removes `file`
  // (and its -wal/-shm) only while it is still an empty project, nothing imported, labelled
  // or trained; returns whether it did. Close every Project on the file first.
  static bool removeIfEmpty(const std::filesystem::path& file);
  ~Project();
  Project(Project&&) noexcept;
  Project& operator=(Project&&) noexcept;

  const std::filesystem::path& file() const { return file_; }
  SQLite::Database& db() { return *db_; }
  bool readOnly() const { return readOnly_; }  // opened ReadOnly: every write fails

  ProjectSummary summary();
  std::optional<ImageRecord> image(std::int64_t id);
  std::optional<std::int64_t> imageIdByHash(const std::string& sha256);
  std::vector<std::int64_t> imageIds();
  std::vector<std::string> genes();  // distinct, sorted, without the empty gene

  // The 128 x 320 standardized pixels (BGR), with the manual orientation fix applied.
  cv::Mat standardizedImage(std::int64_t id);

  Label label(std::int64_t id);  // empty label when the image has none
  std::optional<SplitPart> splitPart(std::int64_t id);

  std::string meta(const std::string& key, const std::string& fallback = {});
  void setMeta(const std::string& key, const std::string& value);  // own transaction

 private:
  Project(std::filesystem::path file, std::unique_ptr<SQLite::Database> db, bool readOnly);
  static Project openExisting(const std::filesystem::path& file, OpenMode mode);
  std::filesystem::path file_;
  std::unique_ptr<SQLite::Database> db_;
  bool readOnly_ = false;
};

}  // namespace flystage
