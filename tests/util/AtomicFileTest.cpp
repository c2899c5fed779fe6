// util/AtomicFile, the one write-to-a-temporary-file-then-rename of FlyStage (prediction
// shards, GEM partials, the demo's labels.csv, figures, the report, the CLI's outputs):
// the target gets exactly the bytes or keeps what it had, and no temporary file outlives it.

#include <QtTest>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <stdexcept>
#include <string>

#include "support/TestSupport.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

using flystage::AtomicFile;
using flystage::test::qs;
using flystage::test::readBytes;
using flystage::test::TempDir;
using flystage::test::writeText;
namespace fs = std::filesystem;

namespace {

std::set<std::string> namesIn(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// Bytes a text-mode or C-string writer would mangle: a NUL, CR LF, a high byte.
const std::string kBytes = std::string("a,b\r\nc\0d\n", 9) + "\xff\xfe end";

}  // namespace

class AtomicFileTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void commitWritesTheExactBytes();
  void noCommitLeavesTheOldTargetAndNoTemporary();
  void anExceptionBeforeCommitLeavesNothing();
  void theTemporaryIsBesideTheTargetAndSaysPart();
  void aMissingFolderIsNamedInTheError();
  void anUnwritableFolderIsNamedInTheError();
  void aFailedRenameKeepsTheTargetAndRemovesTheTemporary();
  void theReportSaysWhichFileItCouldNotWrite();
};

void AtomicFileTest::commitWritesTheExactBytes() {
  TempDir dir;
  const fs::path target = dir / "out.csv";
  writeText(target, "old content, longer than the new one ........................\n");
  {
    AtomicFile file(target);
    file.write(kBytes);
    QCOMPARE(readBytes(target).substr(0, 11), std::string("old content"));  // not yet
    file.commit();
  }
  QCOMPARE(readBytes(target), kBytes);
  QCOMPARE(namesIn(dir.path()), std::set<std::string>{"out.csv"});
}

void AtomicFileTest::noCommitLeavesTheOldTargetAndNoTemporary() {
  TempDir dir;
  const fs::path target = dir / "out.csv";
  const std::string old = std::string("old\0bytes\r\n", 11);
  {
    std::ofstream f(target, std::ios::binary);
    f << old;
  }
  {
    AtomicFile file(target);
    file.write(kBytes);
    QVERIFY(fs::exists(file.tmp()));
  }
  QCOMPARE(readBytes(target), old);
  QCOMPARE(namesIn(dir.path()), std::set<std::string>{"out.csv"});

  // No target before: none after, and no temporary either.
  const fs::path fresh = dir / "fresh.json";
  { AtomicFile(fresh).write(kBytes); }
  QVERIFY(!fs::exists(fresh));
  QCOMPARE(namesIn(dir.path()), std::set<std::string>{"out.csv"});
}

void AtomicFileTest::anExceptionBeforeCommitLeavesNothing() {
  TempDir dir;
  const fs::path target = dir / "map.tif";
  try {
    AtomicFile file(target, ".part.tif");
    std::ofstream(file.tmp(), std::ios::binary) << "half a file";
    throw std::runtime_error("the writer failed");
  } catch (const std::runtime_error&) {
  }
  QVERIFY(namesIn(dir.path()).empty());
}

void AtomicFileTest::theTemporaryIsBesideTheTargetAndSaysPart() {
  TempDir dir;
  // Beside the target, so rename() never crosses file systems (it would not be atomic).
  const AtomicFile csv(dir / "out.csv");
  QCOMPARE(csv.tmp(), dir / "out.csv.part");
  QCOMPARE(csv.target(), dir / "out.csv");
  // The CLI's raw saliency maps: the format's extension last, for OpenCV.
  QCOMPARE(AtomicFile(dir / "3.tif", ".part.tif").tmp(), dir / "3.tif.part.tif");
  // Figures and the report hide theirs.
  QCOMPARE(AtomicFile(dir / "index.html", ".part", ".").tmp(), dir / ".index.html.part");
  // A bare file name stays in the current folder.
  QCOMPARE(AtomicFile("out.csv").tmp(), fs::path("out.csv.part"));
}

void AtomicFileTest::aMissingFolderIsNamedInTheError() {
  TempDir dir;
  const fs::path target = dir / "missing" / "out.csv";
  AtomicFile file(target);
  QCOMPARE(flystage::test::errorOf([&] { file.write(kBytes); }),
           target.string() + ": cannot write (check the folder and permissions)");
  // A writer that failed silently (no temporary file): commit says so, naming the target.
  QCOMPARE(flystage::test::errorOf([&] { file.commit(); }),
           target.string() +
               ": could not be written (No such file or directory); check that the folder "
               "exists and is writable");
  QVERIFY(!fs::exists(dir / "missing"));
}

void AtomicFileTest::anUnwritableFolderIsNamedInTheError() {
  if (::geteuid() == 0) {
    // Root may write in any folder of ours, but not create files in /proc.
    const fs::path target = "/proc/flystage-atomic-file-test.csv";
    AtomicFile file(target);
    QCOMPARE(flystage::test::errorOf([&] { file.write(kBytes); }),
             target.string() + ": cannot write (check the folder and permissions)");
    QVERIFY(!fs::exists(file.tmp()));
    return;
  }
  TempDir dir;
  const fs::path locked = dir / "locked";
  fs::create_directory(locked);
  writeText(locked / "out.csv", "old\n");
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  const fs::path target = locked / "out.csv";
  const std::string message = flystage::test::errorOf([&] {
    AtomicFile file(target);
    file.write(kBytes);
    file.commit();
  });
  fs::permissions(locked, fs::perms::owner_all);
  QCOMPARE(message, target.string() + ": cannot write (check the folder and permissions)");
  QCOMPARE(readBytes(target), std::string("old\n"));
  QCOMPARE(namesIn(locked), std::set<std::string>{"out.csv"});
}

void AtomicFileTest::aFailedRenameKeepsTheTargetAndRemovesTheTemporary() {
  TempDir dir;
  // A non-empty folder where the file should go: rename() refuses to replace it.
  const fs::path target = dir / "report.html";
  fs::create_directory(target);
  writeText(target / "keep.txt", "kept\n");
  AtomicFile file(target);
  file.write(kBytes);
  QCOMPARE(flystage::test::errorOf([&] { file.commit(); }),
           target.string() +
               ": could not be written (Is a directory); check that the folder exists and is "
               "writable");
  QCOMPARE(namesIn(dir.path()), std::set<std::string>{"report.html"});
  QCOMPARE(readBytes(target / "keep.txt"), std::string("kept\n"));
}

void AtomicFileTest::theReportSaysWhichFileItCouldNotWrite() {
  // The finding: figure/Report renamed its .index.html.part by hand, unchecked; a folder in
  // the way gave a bare "filesystem error: cannot rename" and left the .part behind.
  TempDir dir;
  const fs::path project = flystage::test::makeSamplesProject(dir);
  const fs::path out = dir / "report";
  fs::create_directories(out / "index.html");
  writeText(out / "index.html" / "notes.txt", "mine\n");
  QVERIFY(fs::exists(flystage::test::cliPath()));
  const auto r = flystage::test::runCli({"report", qs(project), "--out", qs(out)});
  QCOMPARE(r.code, 1);
  QCOMPARE(r.err.trimmed().split('\n').last(),
           "flystage-cli: error: " + qs(out / "index.html") +
               ": could not be written (Is a directory); check that the folder exists and is "
               "writable");
  QVERIFY(!fs::exists(out / ".index.html.part"));
  QCOMPARE(readBytes(out / "index.html" / "notes.txt"), std::string("mine\n"));
}

QTEST_GUILESS_MAIN(AtomicFileTest)
#include "AtomicFileTest.moc"
