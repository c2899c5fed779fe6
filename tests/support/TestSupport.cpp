#include "support/TestSupport.h"

#include "data/ImageIo.h"
#include "data/LabelsCsv.h"
#include "data/Stage.h"
#include "image/Standardizer.h"
#include "importer/ImportPlan.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "synth/DemoDataset.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <fstream>
#include <random>
#include <stdexcept>

#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

namespace flystage::test {

std::filesystem::path samplesDir() {
  return FLYSTAGE_SAMPLES_DIR;
}

QString qs(const std::filesystem::path& p) {
  return QString::fromStdString(p.string());
}

std::string readBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

QString why(const CliRun& r) {
  return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.code).arg(r.out, r.err);
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no flystage::Error thrown)";
}

QString errorText(const std::function<void()>& f) {
  return QString::fromStdString(errorOf(f));
}

std::string cliPath() {
  return FLYSTAGE_CLI;
}

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = std::filesystem::temp_directory_path() /
                     ("flystage-test-" + std::to_string(rd()) + std::to_string(attempt));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void writeText(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

CliRun runCli(const QStringList& args) {
  QProcess p;
  p.start(QString::fromStdString(cliPath()), args);
  if (!p.waitForFinished(300000)) return {-1, {}, QStringLiteral("timeout")};
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

std::filesystem::path unlabelledSamples(const TempDir& dir) {
  const auto folder = dir / "unlabelled";
  std::filesystem::create_directories(folder);
  for (int i = 0; i < 4; ++i) {
    const auto name = "unlabeled_" + std::to_string(i) + ".png";
    std::filesystem::copy_file(samplesDir() / name, folder / name);
  }
  return folder;
}

std::filesystem::path makeSamplesProject(const TempDir& dir, bool withUnlabelled) {
  const auto file = dir / "demo.flystage";
  Project p = Project::open(file);
  auto r = runImport(p, parseLabelsCsv(samplesDir() / "labels.csv"), {});
  if (!r.committed || r.imported != 12)
    throw std::runtime_error("the 12 labelled samples could not be imported into " + file.string());
  if (withUnlabelled) {
    r = runImport(p, planFolder(unlabelledSamples(dir)), {});
    if (!r.committed || r.imported != 4)
      throw std::runtime_error("the 4 unlabelled samples could not be imported into " +
                               file.string());
  }
  return file;
}

cv::Mat standardizedSample(const std::string& name) {
  return Standardizer().run(readImage(samplesDir() / name).bgr).image;
}

bool equalImages(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

void useThrowAwaySettings(const QString& app, const QString& dir) {
  QCoreApplication::setOrganizationName(QStringLiteral("FlyStageTest"));
  QCoreApplication::setApplicationName(app);
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
}

std::filesystem::path readOnlySamplesProject(const TempDir& dir) {
  namespace fs = std::filesystem;
  const auto folder = dir / "shared lab";
  fs::create_directories(folder);
  const auto file = folder / "p.flystage";
  fs::copy_file(makeSamplesProject(dir), file);
  fs::remove(dir / "demo.flystage");
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec);
  fs::permissions(dir.path(), fs::perms::others_exec | fs::perms::group_exec,
                  fs::perm_options::add);
  return file;
}

std::filesystem::path unwritableProject(const TempDir& dir, std::optional<QString>* asNobody) {
  const QByteArray given = qgetenv("FLYSTAGE_TEST_UNWRITABLE_PROJECT");
  if (!given.isEmpty()) return given.toStdString();
  const auto file = readOnlySamplesProject(dir);
  if (geteuid() != 0) return file;
  if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty()) {
    QTest::qSkip("running as root and setpriv (util-linux) is not installed", __FILE__, __LINE__);
    *asNobody = QString();
    return file;
  }
  const QString function = QString::fromLatin1(QTest::currentTestFunction());
  QProcess child;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("FLYSTAGE_TEST_UNWRITABLE_PROJECT"), qs(file));
  env.insert(QStringLiteral("HOME"), QStringLiteral("/tmp"));
  child.setProcessEnvironment(env);
  child.setProcessChannelMode(QProcess::MergedChannels);
  child.start(
      QStringLiteral("setpriv"),
      {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
       QStringLiteral("--clear-groups"), QCoreApplication::applicationFilePath(), function});
  const bool finished = child.waitForFinished(120000);
  std::filesystem::permissions(file.parent_path(), std::filesystem::perms::owner_all);
  const QString out = QString::fromUtf8(child.readAll());
  // The child's own verdict on this one function: "PASS   : Suite::function()" (each suite's
  // executable is named after its class).
  const QString suite = QFileInfo(QCoreApplication::applicationFilePath()).fileName();
  const bool passed = finished && child.exitCode() == 0 &&
                      out.contains(QStringLiteral("PASS   : %1::%2()").arg(suite, function));
  *asNobody = passed ? QString() : QStringLiteral("as nobody: ") + out;
  return file;
}

std::filesystem::path makeSyntheticProject(const TempDir& dir, std::uint64_t seed, double scale,
                                           int minPerStage, const std::string& name) {
  DemoOptions demo;
  demo.seed = seed;
  demo.scale = scale;
  demo.minPerStage = minPerStage;
  demo.standardized = true;
  const auto data = writeDemoDataset(demo, dir / ("data-" + name));
  const auto file = dir / name;
  Project p = Project::open(file);
  if (!runImport(p, parseLabelsCsv(data.labelsCsv), {}).committed)
    throw std::runtime_error("the synthetic data could not be imported into " + file.string());
  return file;
}

std::int64_t imageIdOf(Project& project, const std::string& file) {
  SQLite::Statement q(project.db(), "SELECT id FROM images WHERE path LIKE ?");
  q.bind(1, "%/" + file);
  if (!q.executeStep()) throw std::runtime_error("no image " + file);
  return q.getColumn(0).getInt64();
}

StoredPrediction predictionOf(std::int64_t image,
                              std::initializer_list<std::pair<int, float>> probabilities) {
  StoredPrediction s;
  s.imageId = image;
  s.probabilities.assign(kNumFineStages, 0.f);
  for (const auto& [stage, v] : probabilities) s.probabilities[fineStageIndex(stage)] = v;
  int best = 0;
  for (int i = 1; i < kNumFineStages; ++i)
    if (s.probabilities[i] > s.probabilities[best]) best = i;
  s.stage = fineStageFromIndex(best);
  s.probability = s.probabilities[best];
  return s;
}

}  // namespace flystage::test
