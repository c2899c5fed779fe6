// Replays every seed of fuzz/corpus/<target>/ and every input that once crashed a fuzz target
// (tests/fuzz/regressions/<target>/) through the same code paths as the libFuzzer targets
// (fuzz/FuzzPaths.h): each must either succeed or throw a flystage::Error whose message names
// the file, never crash or throw anything else. The fuzzers themselves: scripts/fuzz.sh.

#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <typeinfo>
#include <vector>

#include "../../fuzz/FuzzPaths.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;
namespace fs = std::filesystem;

namespace {

const char* const kTargets[] = {"labels_csv", "bdgp_dump", "image", "project"};

std::string readBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> filesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().filename().string().rfind('.', 0) != 0)
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

class FuzzRegressionTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void replay_data() {
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    const fs::path source(FLYSTAGE_SOURCE_DIR);
    int seeds = 0;
    for (const char* target : kTargets) {
      const auto corpus = filesIn(source / "fuzz" / "corpus" / target);
      QVERIFY2(!corpus.empty(), (std::string("no seed corpus for ") + target).c_str());
      seeds += static_cast<int>(corpus.size());
      auto all = corpus;
      for (const auto& f : filesIn(source / "tests" / "fuzz" / "regressions" / target))
        all.push_back(f);
      for (const auto& f : all) {
        const std::string row = std::string(target) + "/" +
                                f.parent_path().parent_path().filename().string() + "/" +
                                f.filename().string();
        QTest::newRow(row.c_str()) << QString(target) << QString::fromStdString(f.string());
      }
    }
    QVERIFY(seeds >= 4);
  }

  void replay() {
    QFETCH(QString, target);
    QFETCH(QString, file);
    const std::string bytes = readBytes(file.toStdString());
    const test::TempDir dir;
    const std::string t = target.toStdString();
    // The name the product would show: the file it read (the image is named by its input).
    std::string named;
    if (t == "labels_csv") named = (dir / "labels.csv").string();
    if (t == "bdgp_dump") named = (dir / "insitu_images.csv").string();
    if (t == "image") named = fs::path(file.toStdString()).filename().string();
    if (t == "project") named = (dir / "fuzz").string();  // fuzz.flystage or fuzz-copy.flystage
    try {
      std::string result;
      if (t == "labels_csv") result = fuzz::runLabelsCsv(bytes, dir.path());
      if (t == "bdgp_dump") result = fuzz::runBdgpDump(bytes, dir.path());
      if (t == "image") result = fuzz::runImage(bytes, named);
      if (t == "project") result = fuzz::runProject(bytes, dir.path());
      QVERIFY(!result.empty());
      qDebug("%s: ok, %s", qPrintable(file), result.c_str());
    } catch (const Error& e) {
      const std::string message = e.what();
      QVERIFY2(!message.empty(), "flystage::Error with an empty message");
      QVERIFY2(message.find(named) != std::string::npos,
               ("the message does not name the file " + named + ": " + message).c_str());
      qDebug("%s: refused, %s", qPrintable(file), message.c_str());
    } catch (const std::exception& e) {
      QFAIL(("not a flystage::Error: " + std::string(typeid(e).name()) + ": " + e.what()).c_str());
    }
  }
};

QTEST_GUILESS_MAIN(FuzzRegressionTest)
#include "FuzzRegressionTest.moc"
