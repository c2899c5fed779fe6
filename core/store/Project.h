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

enum class OpenMode {
  OpenOrCreate,  // create a new project when the file does not exist
  Existing,      // the file must exist
  ReadOnly,      // must exist; never written (also not migrated)
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
  std::filesystem::path file_;
  std::unique_ptr<SQLite::Database> db_;
  bool readOnly_ = false;
};

}  // namespace flystage
