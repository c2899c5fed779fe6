#include "support/TestSupport.h"

#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "synth/DemoDataset.h"

#include <QProcess>

#include <fstream>
#include <random>
#include <stdexcept>

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

}  // namespace flystage::test
