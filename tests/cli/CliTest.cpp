#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include "Version.h"
#include "support/TestSupport.h"

using flystage::test::TempDir;

namespace {

flystage::test::CliRun cli(const QStringList& args) {
  return flystage::test::runCli(args);
}

QString s(const std::filesystem::path& p) {
  return QString::fromStdString(p.string());
}

}  // namespace

class CliTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void helpAndVersion() {
    const auto v = cli({"--version"});
    QCOMPARE(v.code, 0);
    QVERIFY(v.out.startsWith("flystage-cli "));
    const auto h = cli({"import", "--help"});
    QCOMPARE(h.code, 0);
    QVERIFY(h.out.contains("--skip-bad"));
    QVERIFY(h.out.contains("--bdgp-dump"));
    const auto none = cli({});
    QVERIFY(none.code != 0);
  }

  // --version tells what the About box tells: the version, the libraries and the device.
  void versionNamesLibrariesAndDevice() {
    const auto v = cli({"--version"});
    QCOMPARE(v.code, 0);
    const QStringList lines = v.out.split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 3, qPrintable(v.out));
    // The first line alone names the program and its version (help2man reads it).
    QCOMPARE(lines[0], QStringLiteral("flystage-cli ") + QString::fromLatin1(flystage::kVersion));
    QVERIFY2(v.out.contains("Qt "), qPrintable(v.out));
    QVERIFY2(v.out.contains("OpenCV "), qPrintable(v.out));
    QVERIFY2(v.out.contains("LibTorch "), qPrintable(v.out));
    QVERIFY2(v.out.contains(QRegularExpression("\nDevice: CPU \\(\\d+ threads\\)")),
             qPrintable(v.out));
  }

  void synthImportInfoOnAGeneratedSet() {
    TempDir dir;
    const auto synth = cli({"synth", "--out", s(dir / "data"), "--scale", "0.003",
                            "--min-per-stage", "5", "--seed", "3"});
    QCOMPARE(synth.code, 0);
    QVERIFY2(synth.out.startsWith("wrote "), qPrintable(synth.out));
    const auto imp = cli({"import", s(dir / "p.flystage"), "--csv", s(dir / "data/labels.csv")});
    QCOMPARE(imp.code, 0);
    QVERIFY2(imp.out.startsWith("imported "), qPrintable(imp.out + imp.err));
    const auto info = cli({"info", s(dir / "p.flystage"), "--json"});
    QCOMPARE(info.code, 0);
    const auto j = QJsonDocument::fromJson(info.out.toUtf8()).object();
    QCOMPARE(j["schema_version"].toInt(), 3);
    QVERIFY(j["images"].toInt() > 100);
    // Every stage 4..17 has its two precise labels, every range some images.
    for (int st = 4; st <= 17; ++st)
      QVERIFY(j["per_stage"].toObject()[QString::number(st)].toInt() >= 2);
    for (const auto& r : {"1-3", "4-6", "7-8", "9-10", "11-12", "13-17"})
      QVERIFY(j["per_range"].toObject()[r].toInt() > 0);
    const int withStage = j["with_stage"].toInt();
    const auto split = j["split"].toObject();
    QCOMPARE(split["train"].toInt() + split["validation"].toInt() + split["test"].toInt(),
             withStage);
    QVERIFY(split["test"].toInt() >= 14);  // at least one per stage
  }

  void importAndInfoOnTheRealSamples() {
    TempDir dir;
    const auto imp = cli(
        {"import", s(dir / "r.flystage"), "--csv", s(flystage::test::samplesDir() / "labels.csv")});
    QCOMPARE(imp.code, 0);
    QVERIFY(imp.out.startsWith("imported 12 image(s) (0 with a precise stage)"));
    const auto info = cli({"info", s(dir / "r.flystage")});
    QCOMPARE(info.code, 0);
    QVERIFY2(info.out.contains("1-3:2 4-6:2 7-8:2 9-10:2 11-12:2 13-17:2"), qPrintable(info.out));
    // Label, undo, redo through the command line.
    QCOMPARE(cli({"label", s(dir / "r.flystage"), "--image", "11", "--stage", "12"}).code, 0);
    const auto bad =
        cli({"label", s(dir / "r.flystage"), "--image", "11", "--stage", "12", "--range", "4-6"});
    QCOMPARE(bad.code, 1);
    QCOMPARE(bad.err.trimmed(), QString("flystage-cli: error: stage 12 is outside the range 4-6"));
    QVERIFY(cli({"undo", s(dir / "r.flystage")}).out.startsWith("undo: Label image #11 as 12"));
    QVERIFY(cli({"redo", s(dir / "r.flystage")}).out.startsWith("redo: "));
    const auto j =
        QJsonDocument::fromJson(cli({"info", s(dir / "r.flystage"), "--json"}).out.toUtf8())
            .object();
    QCOMPARE(j["with_stage"].toInt(), 1);
  }

  void errorsAreOneLineWithNonZeroExit() {
    TempDir dir;
    flystage::test::writeText(dir / "l.csv", "path,stage\nnope.png,40\n");
    const auto r = cli({"import", s(dir / "p.flystage"), "--csv", s(dir / "l.csv")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(s(dir / "l.csv") + ":2: column 'stage': '40' is not a stage"));
    QVERIFY(r.err.trimmed().endsWith(
        "flystage-cli: error: 1 problem(s) in " + s(dir / "l.csv") +
        "; nothing was imported. Fix them, or use --skip-bad to import the good rows"));
    const auto missing = cli({"info", s(dir / "none.flystage")});
    QCOMPARE(missing.code, 1);
    QCOMPARE(
        missing.err.trimmed(),
        "flystage-cli: error: " + s(dir / "none.flystage") +
            ": no such project file (create it with 'flystage-cli new' or 'flystage-cli import')");
  }

  void trainEvaluatePredictCompare() {
    TempDir dir;
    QCOMPARE(cli({"synth", "--out", s(dir / "data"), "--scale", "0.002", "--min-per-stage", "4",
                  "--seed", "8", "--standardized"})
                 .code,
             0);
    const QString project = s(dir / "p.flystage");
    QCOMPARE(cli({"import", project, "--csv", s(dir / "data/labels.csv")}).code, 0);
    const auto plain = cli({"train", project, "--method", "plain", "--preset", "tiny",
                            "--plain-epochs", "2", "--quiet"});
    QCOMPARE(plain.code, 0);
    QCOMPARE(plain.out.trimmed(), QString("1"));  // the new run's id, alone on stdout
    const auto gabor = cli({"train", project, "--method", "gabor", "--quiet"});
    QCOMPARE(gabor.out.trimmed(), QString("2"));

    const auto ev = cli({"evaluate", project, "--run", "1", "--json", s(dir / "m.json")});
    QCOMPARE(ev.code, 0);
    QVERIFY(ev.out.contains("mean per-stage accuracy"));
    QFile f(s(dir / "m.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto j = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(j["method"].toString(), QString("plain"));
    QCOMPARE(j["stages"].toArray().size(), 14);
    QCOMPARE(j["stages"].toArray()[0].toInt(), 4);
    QCOMPARE(j["per_stage_accuracy"].toArray().size(), 14);
    QCOMPARE(j["confusion"].toArray().size(), 14);
    int total = 0;
    for (const auto& row : j["confusion"].toArray())
      for (const auto& v : row.toArray()) total += v.toInt();
    QCOMPARE(total, j["n_test"].toInt());
    for (const char* key :
         {"mean_per_stage_accuracy", "overall_accuracy", "within_one_stage_accuracy"}) {
      const double v = j[key].toDouble(-1);
      QVERIFY2(v >= 0 && v <= 1, key);
    }

    const auto pr = cli({"predict", project, "--run", "2", "--csv", s(dir / "pred.csv")});
    QCOMPARE(pr.code, 0);
    QFile csv(s(dir / "pred.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const auto lines = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
    const auto info =
        QJsonDocument::fromJson(cli({"info", project, "--json"}).out.toUtf8()).object();
    QCOMPARE(lines.size(), info["images"].toInt() + 1);
    QVERIFY(lines[0].startsWith("path,predicted_stage,probability,p_stage_4,"));
    const auto cells = lines[1].split(',');
    QCOMPARE(cells.size(), 3 + 14);
    double sum = 0;
    for (int k = 3; k < cells.size(); ++k) sum += cells[k].toDouble();
    QVERIFY(std::abs(sum - 1.0) < 1e-3);

    const auto cmp = cli({"compare", project, "--runs", "1,2"});
    QCOMPARE(cmp.code, 0);
    QVERIFY(cmp.out.contains("| #1 plain, tiny, 1 |"));
    QVERIFY(cmp.out.contains("| gabor (1) |"));
    const auto bad = cli({"evaluate", project, "--run", "9"});
    QCOMPARE(bad.code, 1);
    QVERIFY(bad.err.contains("there is no run #9"));
  }

  void standardizeWritesCrops() {
    TempDir dir;
    const auto r =
        cli({"standardize", s(flystage::test::samplesDir() / "unlabeled_0.png"),
             s(flystage::test::samplesDir() / "range4-6_0.png"), "--out", s(dir / "std")});
    QCOMPARE(r.code, 0);
    QVERIFY(std::filesystem::exists(dir / "std/unlabeled_0.png"));
    QVERIFY(std::filesystem::exists(dir / "std/range4-6_0.png"));
    const auto lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[2].split('\t')[2], QString("1"));  // the crop passes through
    QCOMPARE(lines[1].split('\t')[2], QString("0"));
  }
};

QTEST_GUILESS_MAIN(CliTest)
#include "CliTest.moc"
