#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include <opencv2/core.hpp>

namespace flystage {
class Project;
struct StoredPrediction;
}  // namespace flystage

namespace flystage::test {

// tests/data/bdgp-samples: the 16 real BDGP images (12 labelled in labels.csv), in the repo.
std::filesystem::path samplesDir();

// A fresh, empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void writeText(const std::filesystem::path& file, const std::string& text);

// The built flystage-cli executable.
std::string cliPath();

// Runs flystage-cli (5 minutes at most): its exit code and what it printed.
struct CliRun {
  int code = -1;
  QString out;
  QString err;
};
CliRun runCli(const QStringList& args);

// A path as Qt text, for command-line arguments and expected messages.
QString qs(const std::filesystem::path& p);
// A file's bytes (empty when it cannot be read).
std::string readBytes(const std::filesystem::path& p);
// A command's exit code and output, for the message of a failed check.
QString why(const CliRun& r);
// The message of the flystage::Error that `f` throws, or "(no flystage::Error thrown)".
std::string errorOf(const std::function<void()>& f);
// The same as Qt text.
QString errorText(const std::function<void()>& f);

// The four unlabelled BDGP samples copied into `dir`/unlabelled: a folder to import.
std::filesystem::path unlabelledSamples(const TempDir& dir);

// `dir`/demo.flystage holding the 12 labelled BDGP samples (two per stage range), imported
// through core as the CLI would; with `withUnlabelled`, the four unlabelled ones as well.
// Throws std::runtime_error when an import fails.
std::filesystem::path makeSamplesProject(const TempDir& dir, bool withUnlabelled = false);

// The id of the image of `project` whose file is named `file` (throws std::runtime_error
// when none is).
std::int64_t imageIdOf(Project& project, const std::string& file);

// A prediction of `image` with the given probabilities of stages (the others 0); its stage
// and probability are the most probable stage's.
StoredPrediction predictionOf(std::int64_t image,
                              std::initializer_list<std::pair<int, float>> probabilities);

// A real BDGP sample (a file of samplesDir()), standardized as the importer does.
cv::Mat standardizedSample(const std::string& name);
// Same size, type and pixels.
bool equalImages(const cv::Mat& a, const cv::Mat& b);

// Desktop tests keep their settings (recent projects, preferences) in a throw-away INI file
// in `dir`, under the application name `app`: the user's settings are never touched.
void useThrowAwaySettings(const QString& app, const QString& dir);

// A copy of makeSamplesProject() at `dir`/shared lab/p.flystage that its user may read but
// not write: the file and its folder are read-only (others may enter `dir`).
std::filesystem::path readOnlySamplesProject(const TempDir& dir);
// The project a test of an unwritable project works on. In the child process described
// next: the project its parent made (FLYSTAGE_TEST_UNWRITABLE_PROJECT). Otherwise a fresh
// readOnlySamplesProject(dir); as root, who writes anyway, the current test function then
// runs again as nobody (setpriv, from util-linux) on it, and `*asNobody` is set to how that
// went: empty when it passed (or was skipped for want of setpriv), else its output. The
// caller checks `*asNobody` and returns.
std::filesystem::path unwritableProject(const TempDir& dir, std::optional<QString>* asNobody);

// A project in `dir` (named `name`) holding the synthetic demo data, standardized crops at
// `scale` of BDGP's size with at least `minPerStage` stage-labelled images per stage 4..17,
// imported with its labels and split. Throws std::runtime_error when the import fails.
std::filesystem::path makeSyntheticProject(const TempDir& dir, std::uint64_t seed = 21,
                                           double scale = 0.003, int minPerStage = 5,
                                           const std::string& name = "t.flystage");

}  // namespace flystage::test
