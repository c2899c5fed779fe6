// Issue 14, trust: nothing lost or silently changed on bad input to `import`. Each case runs
// the real flystage-cli on the 12 labelled BDGP samples (tests/data/bdgp-samples) and their
// labels.csv, altered the way a curator's file goes wrong, and asserts the exact message and
// the labels in the project afterwards (read through core).
#include <QtTest>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/LabelActions.h"
#include "store/Project.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::CliRun;
using flystage::test::TempDir;
using flystage::test::writeText;
namespace fs = std::filesystem;

using flystage::test::qs;
using flystage::test::readBytes;
using flystage::test::why;

namespace {

// stderr without progress lines ("import 3/12 ...") and GNU time's lines.
QString errLines(const CliRun& r) {
  QStringList out;
  for (const auto& line : r.err.split('\n', Qt::SkipEmptyParts))
    if (!line.startsWith("import ") && !line.startsWith("maxrss=") &&
        !line.startsWith("Command exited"))
      out << line;
  return out.join('\n');
}

CliRun runProgram(const QString& program, const QStringList& args, int timeoutMs) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    return {-1, {}, QStringLiteral("timeout")};
  }
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

// The 12 labelled samples and their labels.csv, copied into `dir`/data so a test can alter
// the CSV beside the images.
fs::path copySamples(const TempDir& dir) {
  const fs::path data = dir / "data";
  fs::create_directories(data);
  for (const auto& e : fs::directory_iterator(test::samplesDir()))
    if (e.path().filename().string().rfind("range", 0) == 0 || e.path().extension() == ".csv")
      fs::copy_file(e.path(), data / e.path().filename());
  return data;
}

// labels.csv of the samples with each line passed through `edit` (the header is line 1).
std::string editedLabels(const std::function<std::string(int, const std::string&)>& edit) {
  std::istringstream in(readBytes(test::samplesDir() / "labels.csv"));
  std::string out, line;
  for (int n = 1; std::getline(in, line); ++n) out += edit(n, line) + "\n";
  return out;
}

// The label of the image imported from `file` (a sample's file name), as core reads it.
Label labelOf(Project& p, const std::string& file) {
  SQLite::Statement q(p.db(), "SELECT id FROM images WHERE path LIKE ?");
  q.bind(1, "%/" + file);
  if (!q.executeStep()) throw std::runtime_error(file + " is not in the project");
  return p.label(q.getColumn(0).getInt64());
}

bool noProjectFiles(const fs::path& project) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    if (fs::exists(project.string() + suffix)) return false;
  return true;
}

}  // namespace

class ImportTrustTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // Finding 1: a misspelt column ('stgae') was ignored: exit 0, every stage dropped unseen.
  // Now the header is refused naming the column, the file, the known columns and the near
  // miss; nothing is created. Spelt right, the same file imports its 12 stages.
  void unknownColumnIsRefusedWithTheNearMiss() {
    TempDir dir;
    const fs::path data = copySamples(dir);
    // Each sample gets the first stage of its range, in a column named 'stgae'.
    auto withStages = [](const std::string& stageColumn) {
      return editedLabels([&](int n, const std::string& line) {
        if (n == 1) return "path,gene,stage_range," + stageColumn;
        const auto range = line.substr(line.find(",,") + 2, line.size() - line.find(",,") - 3);
        return line + range.substr(0, range.find('-'));
      });
    };
    writeText(data / "typo.csv", withStages("stgae"));
    const fs::path project = dir / "p.flystage";
    const QString csv = qs(data / "typo.csv");
    const auto r = test::runCli({"import", qs(project), "--csv", csv});
    QCOMPARE(r.code, 1);
    QCOMPARE(errLines(r),
             "flystage-cli: error: " + csv +
                 ":1: unknown column 'stgae' (did you mean 'stage'?); the known columns are path, "
                 "stage_range, stage, gene, split. Rename or remove it (or leave it out with "
                 "--ignore-column); nothing was imported");
    QVERIFY(noProjectFiles(project));

    writeText(data / "right.csv", withStages("stage"));
    const auto ok = test::runCli({"import", qs(project), "--csv", qs(data / "right.csv")});
    QVERIFY2(ok.code == 0, qPrintable(why(ok)));
    Project p = Project::open(project, OpenMode::ReadOnly);
    QCOMPARE(p.summary().withStage, 12);
    QCOMPARE(labelOf(p, "range13-17_1.png").stage.value(), 13);
    QCOMPARE(labelOf(p, "range1-3_0.png").stage.value(), 1);
  }

  // Finding 1, the files that must still import: the documented optional columns in any
  // case and order, a column the user names with --ignore-column, and BDGP's own dump given
  // to --csv by mistake, which is pointed to --bdgp-dump instead of listing its columns.
  void documentedAndIgnoredColumnsImport() {
    TempDir dir;
    const fs::path data = copySamples(dir);
    writeText(data / "notes.csv", editedLabels([](int n, const std::string& line) {
                return n == 1 ? "PATH,Gene,Stage_Range,STAGE,Split,notes"
                              : line + ",,checked by A.";
              }));
    const fs::path project = dir / "p.flystage";
    const QString csv = qs(data / "notes.csv");
    const auto refused = test::runCli({"import", qs(project), "--csv", csv});
    QCOMPARE(refused.code, 1);
    QCOMPARE(errLines(refused),
             "flystage-cli: error: " + csv +
                 ":1: unknown column 'notes'; the known columns are path, stage_range, stage, "
                 "gene, split. Rename or remove it (or leave it out with --ignore-column); "
                 "nothing was imported");
    const auto r = test::runCli({"import", qs(project), "--csv", csv, "--ignore-column", "Notes"});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QCOMPARE(r.out, "imported 12 image(s) (0 with a precise stage) into " + qs(project) + "\n");

    writeText(data / "insitu_images.csv",
              "id,symbol,annotation_symbol,FBgn,cDNA_clone,path,stage,pov,comment,resolution\n"
              "1,eve,eve,FBgn0000606,x,range4-6_0.png,2,lateral,,\n");
    const QString dump = qs(data / "insitu_images.csv");
    const auto bdgp = test::runCli({"import", qs(project), "--csv", dump});
    QCOMPARE(bdgp.code, 1);
    QCOMPARE(errLines(bdgp), "flystage-cli: error: " + dump +
                                 ":1: this looks like BDGP's insitu_images.csv (it has a 'pov' "
                                 "column); import it as a BDGP dump (--bdgp-dump), not as a "
                                 "labels CSV");
  }

  // Finding 2: one image on two rows with different labels kept the first unseen. Now both
  // line numbers are named and neither row is imported (with --skip-bad the other 11 are);
  // an identical repeated row is accepted and counted as a duplicate.
  void conflictingRowsForOneImageAreRefused() {
    TempDir dir;
    const fs::path data = copySamples(dir);
    const std::string labels = readBytes(data / "labels.csv");
    writeText(data / "conflict.csv", labels + "range7-8_0.png,,9-10,\n");
    const fs::path project = dir / "p.flystage";
    const QString csv = qs(data / "conflict.csv");
    const auto r = test::runCli({"import", qs(project), "--csv", csv});
    QCOMPARE(r.code, 1);
    QCOMPARE(errLines(r),
             csv +
                 ":14: range7-8_0.png is also on line 10 with another label (line 10: "
                 "stage_range 7-8; line 14: stage_range 9-10); keep one row per image\n" +
                 "flystage-cli: error: 1 problem(s) in " + csv +
                 "; nothing was imported. Fix them, or use --skip-bad to import the good rows");
    QVERIFY(noProjectFiles(project));

    const auto skip = test::runCli({"import", qs(project), "--csv", csv, "--skip-bad"});
    QVERIFY2(skip.code == 0, qPrintable(why(skip)));
    QCOMPARE(skip.out, "imported 11 image(s) (0 with a precise stage) into " + qs(project) +
                           "; 1 bad row(s) skipped\n");
    {
      Project p = Project::open(project, OpenMode::ReadOnly);
      QCOMPARE(p.summary().images, 11);
      QVERIFY_THROWS_EXCEPTION(std::runtime_error, labelOf(p, "range7-8_0.png"));
    }

    // The same row twice: imported once, the repeat counted as a duplicate.
    const fs::path fresh = dir / "q.flystage";
    writeText(data / "twice.csv", labels + "range7-8_0.png,,7-8,\n");
    const auto twice = test::runCli({"import", qs(fresh), "--csv", qs(data / "twice.csv")});
    QVERIFY2(twice.code == 0, qPrintable(why(twice)));
    QCOMPARE(twice.out, "imported 12 image(s) (0 with a precise stage) into " + qs(fresh) +
                            "; 1 duplicate(s) not imported\n");
    QCOMPARE(errLines(twice), "duplicate: " + qs(data / "range7-8_0.png") + ": same content as " +
                                  qs(data / "range7-8_0.png") + " in this import; imported once");
  }

  // Finding 3: re-importing a corrected labels.csv kept the old labels unseen. Now a label
  // that came from an import is updated, as ONE label-history action that `undo` reverts,
  // and counted; a label set by hand is kept and counted unless --overwrite-user-labels.
  void reimportedCorrectionsAreCountedAndUndoable() {
    TempDir dir;
    const fs::path data = copySamples(dir);
    const fs::path project = dir / "p.flystage";
    const QString P = qs(project);
    QCOMPARE(test::runCli({"import", P, "--csv", qs(data / "labels.csv")}).code, 0);
    std::int64_t handLabelled = 0;
    {
      Project p = Project::open(project, OpenMode::ReadOnly);
      SQLite::Statement q(p.db(), "SELECT id FROM images WHERE path LIKE '%/range1-3_0.png'");
      QVERIFY(q.executeStep());
      handLabelled = q.getColumn(0).getInt64();
    }
    const auto hand =
        test::runCli({"label", P, "--image", QString::number(handLabelled), "--stage", "2"});
    QVERIFY2(hand.code == 0, qPrintable(why(hand)));

    // Corrections: 7-8 -> 9-10; a stage added to 1-3; the hand-labelled image's stage differs.
    writeText(data / "fixed.csv", editedLabels([](int, const std::string& line) {
                if (line == "range7-8_0.png,,7-8,") return std::string("range7-8_0.png,,9-10,");
                if (line == "range1-3_1.png,,1-3,") return std::string("range1-3_1.png,,1-3,3");
                if (line == "range1-3_0.png,,1-3,") return std::string("range1-3_0.png,,1-3,3");
                return line;
              }));
    const auto r = test::runCli({"import", P, "--csv", qs(data / "fixed.csv")});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QCOMPARE(r.out, "imported 0 image(s) (0 with a precise stage) into " + P +
                        "; 12 duplicate(s) not imported; 2 label(s) of images already in the "
                        "project changed (undo: flystage-cli undo " +
                        P +
                        "); 1 label(s) set in FlyStage kept where the import differs "
                        "(--overwrite-user-labels replaces them); 2 added to the split\n");
    QStringList changes;
    for (const auto& line : errLines(r).split('\n'))
      if (!line.startsWith("duplicate: ")) changes << line;
    QCOMPARE(changes,
             (QStringList{
                 "label changed: " + qs(data / "range1-3_1.png") + ": image #2, 1-3 -> 3 (1-3)",
                 "label changed: " + qs(data / "range7-8_0.png") + ": image #9, 7-8 -> 9-10",
                 "label kept: " + qs(data / "range1-3_0.png") +
                     ": image #1 keeps 2 (1-3), set by hand; the import says 3 (1-3)",
             }));
    {
      Project p = Project::open(project, OpenMode::ReadOnly);
      QCOMPARE(labelOf(p, "range7-8_0.png").range->name(), std::string("9-10"));
      QVERIFY(labelOf(p, "range7-8_0.png").source == LabelSource::Import);
      QCOMPARE(labelOf(p, "range1-3_1.png").stage.value(), 3);
      QCOMPARE(labelOf(p, "range1-3_0.png").stage.value(), 2);
      QVERIFY(labelOf(p, "range1-3_0.png").source == LabelSource::User);
      const auto actions = labelActions(p);
      QCOMPARE(actions.done.size(), std::size_t(2));  // the hand label, then the import
      QCOMPARE(actions.done.back().description,
               std::string("Import fixed.csv: 2 label(s) changed"));
      QCOMPARE(actions.done.back().images, 2);
    }

    // One undo restores both; the hand label stays.
    const auto undo = test::runCli({"undo", P});
    QCOMPARE(undo.out, QString("undo: Import fixed.csv: 2 label(s) changed (2 image(s))\n"));
    {
      Project p = Project::open(project, OpenMode::ReadOnly);
      QCOMPARE(labelOf(p, "range7-8_0.png").range->name(), std::string("7-8"));
      QVERIFY(!labelOf(p, "range1-3_1.png").stage);
      QCOMPARE(labelOf(p, "range1-3_0.png").stage.value(), 2);
    }

    // The same labels again change nothing: the plain duplicate report, no action.
    const auto same = test::runCli({"import", P, "--csv", qs(data / "labels.csv")});
    // (The hand label 2 lies inside the CSV's range 1-3: a range never erases a stage.)
    QCOMPARE(same.out, "imported 0 image(s) (0 with a precise stage) into " + P +
                           "; 12 duplicate(s) not imported\n");
    QCOMPARE(labelActions(*std::make_unique<Project>(Project::open(project, OpenMode::ReadOnly)))
                 .done.size(),
             std::size_t(1));

    // Asked for: the hand label is replaced too, counted and undoable.
    const auto over =
        test::runCli({"import", P, "--csv", qs(data / "fixed.csv"), "--overwrite-user-labels"});
    QVERIFY2(over.code == 0, qPrintable(why(over)));
    QVERIFY2(over.out.contains("; 3 label(s) of images already in the project changed"),
             qPrintable(over.out));
    {
      Project p = Project::open(project, OpenMode::ReadOnly);
      QCOMPARE(labelOf(p, "range1-3_0.png").stage.value(), 3);
      QVERIFY(labelOf(p, "range1-3_0.png").source == LabelSource::Import);
    }
    QCOMPARE(test::runCli({"undo", P}).out,
             QString("undo: Import fixed.csv: 3 label(s) changed (3 image(s))\n"));
    Project p = Project::open(project, OpenMode::ReadOnly);
    QCOMPARE(labelOf(p, "range1-3_0.png").stage.value(), 2);
    QVERIFY(labelOf(p, "range1-3_0.png").source == LabelSource::User);
  }

  // Finding 4a: `--csv FOLDER` said the file was empty.
  void csvFolderIsNamedAsAFolder() {
    TempDir dir;
    const fs::path data = copySamples(dir);
    const fs::path project = dir / "p.flystage";
    const auto r = test::runCli({"import", qs(project), "--csv", qs(data)});
    QCOMPARE(r.code, 1);
    QCOMPARE(errLines(r), "flystage-cli: error: --csv " + qs(data) +
                              ": is a folder, not a labels CSV; give the file (--csv " +
                              qs(data / "labels.csv") +
                              "), or import the folder's images without labels with --folder " +
                              qs(data));
    QVERIFY(noProjectFiles(project));
  }

  // Finding 4b: `--csv /dev/zero` read the endless file into memory (4.9 GB before it was
  // stopped). Now the first NUL byte stops it: fast, in the memory of an idle CLI. A huge
  // regular file is refused by its size before a byte is read, and a file without line
  // breaks at the row limit.
  void endlessAndHugeFilesFailFastInBoundedMemory() {
    TempDir dir;
    const fs::path project = dir / "p.flystage";
    const QStringList args = {"import", qs(project), "--csv", "/dev/zero"};
    const bool gnuTime = QFile::exists("/usr/bin/time");
    QElapsedTimer clock;
    clock.start();
    const CliRun r =
        gnuTime
            ? runProgram(
                  "/usr/bin/time",
                  QStringList{"-f", "maxrss=%M", QString::fromStdString(test::cliPath())} + args,
                  60000)
            : test::runCli(args);
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(r.code, 1);
    QCOMPARE(errLines(r),
             QString("flystage-cli: error: /dev/zero:1: the file holds a NUL byte, so it is not "
                     "a UTF-8 text CSV (an image, a spreadsheet or a UTF-16 export?); save it as "
                     "CSV (UTF-8)"));
    if (gnuTime) {
      long kib = -1;
      for (const auto& line : r.err.split('\n'))
        if (line.startsWith("maxrss=")) kib = line.mid(7).toLong();
      // The CLI with its libraries loaded holds about 170 MiB; the CSV adds next to nothing.
      QVERIFY2(kib > 0 && kib < 256 * 1024, qPrintable(QString::number(kib)));
    }
    QVERIFY(noProjectFiles(project));

    // 300 MiB, sparse: refused by its size.
    const fs::path huge = dir / "huge.csv";
    { std::ofstream(huge).put('p'); }
    fs::resize_file(huge, 300ull << 20);
    const auto big = test::runCli({"import", qs(project), "--csv", qs(huge)});
    QCOMPARE(errLines(big), "flystage-cli: error: " + qs(huge) +
                                ": the file is 300 MiB, over the limit of 256 MiB for a CSV; is "
                                "it the right file? Split a real one into smaller files");

    // 1 MiB on one line.
    const fs::path oneLine = dir / "oneline.csv";
    writeText(oneLine, "path,stage\n" + std::string(1 << 20, 'a'));
    const auto line = test::runCli({"import", qs(project), "--csv", qs(oneLine)});
    QCOMPARE(errLines(line), "flystage-cli: error: " + qs(oneLine) +
                                 ":2: a row longer than 64 KiB starts here; is this a CSV file?");
    QVERIFY(noProjectFiles(project));
  }

  // Finding 4c: a million bad rows printed 1.2 million lines. Now the first 20 and a count;
  // past a million rows the file is refused.
  void aMillionBadRowsListTwentyAndTheCount() {
    TempDir dir;
    std::string csv = "path,stage\n";
    csv.reserve(16 * 1000000);
    for (int i = 0; i < 1000000; ++i) csv += "x" + std::to_string(i) + ".png,99\n";
    writeText(dir / "many.csv", csv);
    const fs::path project = dir / "p.flystage";
    const QString file = qs(dir / "many.csv");
    const auto r = test::runCli({"import", qs(project), "--csv", file});
    QCOMPARE(r.code, 1);
    const QStringList lines = errLines(r).split('\n');
    QCOMPARE(lines.size(), 22);
    QCOMPARE(lines[0], file + ":2: column 'stage': '99' is not a stage (use a whole number 1..17)");
    QCOMPARE(lines[19],
             file + ":21: column 'stage': '99' is not a stage (use a whole number 1..17)");
    QCOMPARE(lines[20], QString("... and 999980 more problem(s) (1000000 in all)"));
    QCOMPARE(lines[21], "flystage-cli: error: 1000000 problem(s) in " + file +
                            "; nothing was imported. Fix them, or use --skip-bad to import the "
                            "good rows");
    QVERIFY(noProjectFiles(project));

    // One row more than a labels CSV may hold (each row planned costs memory): refused.
    writeText(dir / "many.csv", csv + "x.png,5\n");
    const auto over = test::runCli({"import", qs(project), "--csv", file});
    QCOMPARE(errLines(over), "flystage-cli: error: " + file +
                                 ":1000002: more than 1000000 rows; split the file into smaller "
                                 "ones");
  }

  // Finding 4d: a failed first import into a new project left an empty project file behind.
  // Now the file (and its -wal/-shm) goes; a project that existed before, even an empty one
  // made by `new`, is never removed, and is left byte for byte as it was.
  void failedFirstImportLeavesNoProjectFile() {
    TempDir dir;
    const fs::path data = copySamples(dir);
    writeText(data / "missing.csv", readBytes(data / "labels.csv") + "gone.png,,4-6,\n");
    const QString csv = qs(data / "missing.csv");
    const fs::path project = dir / "new.flystage";
    const auto r = test::runCli({"import", qs(project), "--csv", csv});
    QCOMPARE(r.code, 1);
    QCOMPARE(errLines(r),
             csv + ":14: " + qs(data / "gone.png") +
                 ": no such image file (check the path and that it is a file)\n" +
                 "flystage-cli: error: 1 problem(s) in " + csv +
                 "; nothing was imported. Fix them, or use --skip-bad to import the good rows");
    QVERIFY(noProjectFiles(project));

    const fs::path made = dir / "made.flystage";
    const auto created = test::runCli({"new", qs(made)});
    QVERIFY2(created.code == 0, qPrintable(why(created)));
    const std::string before = readBytes(made);
    QCOMPARE(test::runCli({"import", qs(made), "--csv", csv}).code, 1);
    QVERIFY(fs::exists(made));
    QCOMPARE(readBytes(made), before);
  }
};

QTEST_GUILESS_MAIN(ImportTrustTest)
#include "ImportTrustTest.moc"
