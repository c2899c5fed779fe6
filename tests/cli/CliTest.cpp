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
    QCOMPARE(j["schema_version"].toInt(), 5);
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
    // Label, undo, redo through the command line (#11 is 9-10: stage 12 replaces its range).
    QCOMPARE(
        cli({"label", s(dir / "r.flystage"), "--image", "11", "--stage", "12", "--force"}).code, 0);
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
    QCOMPARE(cells.size(), 3 + 14 + 4);  // then range_constraint, range, constrained call
    double sum = 0;
    for (int k = 3; k < 3 + 14; ++k) sum += cells[k].toDouble();
    QVERIFY(std::abs(sum - 1.0) < 1e-3);

    const auto cmp = cli({"compare", project, "--runs", "1,2"});
    QCOMPARE(cmp.code, 0);
    QVERIFY(cmp.out.contains("| #1 plain, tiny, 1 |"));
    QVERIFY(cmp.out.contains("| gabor (1) |"));
    // Issue 18, finding 4: each run's mean per-stage accuracy with its 95 % bootstrap interval
    // over the test images, then the runs paired by seed and test set.
    const QRegularExpression withInterval(QStringLiteral(
        R"(\| #1 plain, tiny, 1 \|( [-0-9.]+ \|){14} \*\*\d+\.\d \[\d+\.\d, \d+\.\d\]\*\* \|)"));
    QVERIFY2(withInterval.match(cmp.out).hasMatch(), qPrintable(cmp.out));
    const QRegularExpression paired(QStringLiteral(
        R"(\n- plain \x{2212} gabor: [+\x{2212}0-9.]+ \[[+\x{2212}0-9.]+, [+\x{2212}0-9.]+\] )"
        R"(points \(1 seed, paired bootstrap over (\d+) test images\)\n)"));
    const auto pairedMatch = paired.match(cmp.out);
    QVERIFY2(pairedMatch.hasMatch(), qPrintable(cmp.out));
    QCOMPARE(pairedMatch.captured(1).toInt(), j["n_test"].toInt());
    // Which epoch each run kept, and by which rule.
    const auto runs = cli({"runs", project});
    QVERIFY2(runs.out.contains(
                 QRegularExpression("\n1\tplain\ttiny\t1\tfinished\t.*\t\\d+/2 [a-z-]+\n")),
             qPrintable(runs.out));
    QVERIFY2(runs.out.contains(QRegularExpression("\n2\tgabor\t.*\t-\n")), qPrintable(runs.out));
    QVERIFY2(ev.out.contains(QRegularExpression(
                 "\nphase plain: kept epoch \\d of 2, [a-z-]+ \\(\\d+ validation images\\)")),
             qPrintable(ev.out));
    QVERIFY2(ev.out.contains("mean per-stage accuracy with its 95 % interval (stratified bootstrap "
                             "over " +
                             QString::number(j["n_test"].toInt()) + " test images): "),
             qPrintable(ev.out));
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

  // Issue 16, finding 2: `label --stage 5` on the real sample range9-10_0.png (#11, range
  // 9-10 from its curator) replaced the range without a word. It is refused, naming both,
  // and nothing changes; with --force the label is 5 (4-6) and undo brings 9-10 back.
  void labelOutsideTheRangeNeedsForce() {
    TempDir dir;
    const QString p = s(dir / "r.flystage");
    QCOMPARE(cli({"import", p, "--csv", s(flystage::test::samplesDir() / "labels.csv")}).code, 0);
    const auto ranges = [&p] {
      const auto j = QJsonDocument::fromJson(cli({"info", p, "--json"}).out.toUtf8()).object();
      return QStringLiteral("9-10:%1 4-6:%2 stages:%3")
          .arg(j["per_range"].toObject()["9-10"].toInt())
          .arg(j["per_range"].toObject()["4-6"].toInt())
          .arg(j["with_stage"].toInt());
    };
    QCOMPARE(ranges(), QStringLiteral("9-10:2 4-6:2 stages:0"));
    const auto refused = cli({"label", p, "--image", "11", "--stage", "5"});
    QCOMPARE(refused.code, 1);
    QCOMPARE(refused.err.trimmed(),
             QStringLiteral("flystage-cli: error: image #11: range 9-10 (import) -> stage 5 "
                            "(4-6): the stage is outside the image's range; add --force to "
                            "replace the range (undo restores it)"));
    QCOMPARE(refused.out, QString());
    QCOMPARE(ranges(), QStringLiteral("9-10:2 4-6:2 stages:0"));
    // Inside the range: no question.
    const auto inside = cli({"label", p, "--image", "12", "--stage", "10"});
    QCOMPARE(inside.out.trimmed(),
             QStringLiteral("label: Label image #12 as 10 (9-10) (1 image(s))"));

    const auto forced = cli({"label", p, "--image", "11", "--stage", "5", "--force"});
    QVERIFY2(forced.code == 0, qPrintable(flystage::test::why(forced)));
    QCOMPARE(forced.out.trimmed(),
             QStringLiteral("label: Label image #11 as 5 (4-6) (was range 9-10) (1 image(s))"));
    QCOMPARE(ranges(), QStringLiteral("9-10:1 4-6:3 stages:2"));
    // The history kept the curator's range: undo restores it.
    QCOMPARE(cli({"undo", p}).out.trimmed(),
             QStringLiteral("undo: Label image #11 as 5 (4-6) (was range 9-10) (1 image(s))"));
    QCOMPARE(ranges(), QStringLiteral("9-10:2 4-6:2 stages:1"));
  }

  // Issue 16, finding 4: `train` on the real samples (stage ranges only) is refused at once,
  // saying what to import, for every method; no run is left behind to resume.
  void trainWithoutStageLabelsIsRefused() {
    TempDir dir;
    const QString p = s(dir / "r.flystage");
    QCOMPARE(cli({"import", p, "--csv", s(flystage::test::samplesDir() / "labels.csv")}).code, 0);
    for (const char* method : {"plain", "data-level", "two-step", "gabor"}) {
      const auto r = cli({"train", p, "--method", method, "--preset", "tiny", "--quiet"});
      QCOMPARE(r.code, 1);
      QCOMPARE(r.err.trimmed(),
               "flystage-cli: error: no image has a precise stage 4-17 to train on (12 have only a "
               "stage range): import a labels CSV with a 'stage' column (flystage-cli import " +
                   p + " --csv FILE) or label images with a stage (flystage-cli label " + p +
                   " --image ID --stage N)");
      QCOMPARE(r.out, QString());
    }
    QCOMPARE(cli({"runs", p}).out,
             QStringLiteral("id\tmethod\tpreset\tseed\tstatus\tdevice\tseconds\ttest mean "
                            "per-stage\tkept\n"));
  }

  // Issue 16, finding 3: a model exported from one project predicts the same calls and
  // probabilities on another project's copy of the real samples; importing it again adds
  // nothing; the importing project shows where it came from.
  void exportImportPredictAcrossProjects() {
    TempDir dir;
    const auto samples = flystage::test::samplesDir();
    // A: the labelled samples with a precise stage inside each curated range (none in 1-3).
    std::string staged = "path,gene,stage_range,stage\n";
    for (const char* row :
         {"range1-3_0.png,,1-3,", "range1-3_1.png,,1-3,", "range4-6_0.png,,4-6,5",
          "range4-6_1.png,,4-6,6", "range7-8_0.png,,7-8,7", "range7-8_1.png,,7-8,8",
          "range9-10_0.png,,9-10,9", "range9-10_1.png,,9-10,10", "range11-12_0.png,,11-12,11",
          "range11-12_1.png,,11-12,12", "range13-17_0.png,,13-17,14", "range13-17_1.png,,13-17,16"})
      staged += (samples / row).string() + "\n";
    flystage::test::writeText(dir / "staged.csv", staged);
    const QString a = s(dir / "a.flystage"), b = s(dir / "b.flystage");
    QCOMPARE(cli({"import", a, "--csv", s(dir / "staged.csv")}).code, 0);
    const auto trained = cli(
        {"train", a, "--method", "plain", "--preset", "tiny", "--plain-epochs", "2", "--quiet"});
    QCOMPARE(trained.out.trimmed(), QString("1"));
    // B: the same images as the curators' CSV gives them (ranges only), in another order.
    QCOMPARE(cli({"import", b, "--csv", s(samples / "labels.csv")}).code, 0);

    const QString model = s(dir / "stage-model.flystage-model");
    const auto ex = cli({"export-model", a, "--run", "1", "--out", model});
    QCOMPARE(ex.code, 0);
    QVERIFY2(ex.out.startsWith("exported run #1 (plain, preset tiny) of " + a + " -> " + model +
                               " (weights sha256 "),
             qPrintable(ex.out));
    const auto info = cli({"model-info", model});
    QCOMPARE(info.code, 0);
    QVERIFY2(info.out.contains("\nmethod       plain, preset tiny, seed 1\ntrained in   "
                               "a.flystage, run #1 (12 images), finished "),
             qPrintable(info.out));

    QCOMPARE(cli({"predict", a, "--run", "1", "--csv", s(dir / "a.csv")}).code, 0);
    const auto pb = cli({"predict", b, "--model", model, "--csv", s(dir / "b.csv")});
    QCOMPARE(pb.code, 0);
    QVERIFY2(
        pb.out.startsWith("imported " + model + " as run #1 (plain (imported), preset tiny)\n"),
        qPrintable(pb.out));
    // Every image's row (its path, call and 14 probabilities as printed) is the same.
    auto sortedRows = [](const std::filesystem::path& csv) {
      QStringList rows = QString::fromStdString(flystage::test::readBytes(csv)).split('\n');
      rows.sort();
      return rows;
    };
    QCOMPARE(sortedRows(dir / "b.csv").size(), 12 + 2);  // the header and the last newline
    QCOMPARE(sortedRows(dir / "b.csv"), sortedRows(dir / "a.csv"));

    QCOMPARE(cli({"import-model", b, model}).out.trimmed(),
             model + " is already in " + b + " as run #1; nothing was added");
    const auto runs = cli({"runs", b});
    QVERIFY2(runs.out.contains("\n1\tplain (imported)\ttiny\t1\tfinished\t"), qPrintable(runs.out));
    const auto bInfo = cli({"info", b});
    QVERIFY2(bInfo.out.contains("  run #1     imported from stage-model.flystage-model: trained "
                                "in a.flystage run #1 (12 images), finished "),
             qPrintable(bInfo.out));
  }

  // Issue 16, finding 8: runs evaluated on different test sets (a split --reset between them)
  // are compared with a warning naming them; runs on the same split, none.
  void compareWarnsAboutDifferentTestSets() {
    TempDir dir;
    const QString p = s(dir / "p.flystage");
    QCOMPARE(cli({"synth", "--out", s(dir / "data"), "--scale", "0.003", "--min-per-stage", "5",
                  "--seed", "3"})
                 .code,
             0);
    QCOMPARE(cli({"import", p, "--csv", s(dir / "data/labels.csv")}).code, 0);
    const auto testImages = [&p] {
      const auto j = QJsonDocument::fromJson(cli({"info", p, "--json"}).out.toUtf8()).object();
      return j["split"].toObject()["test"].toInt();
    };
    const auto train = [&p](const char* seed) {
      const auto r = cli({"train", p, "--method", "gabor", "--seed", seed, "--quiet"});
      QVERIFY2(r.code == 0, qPrintable(flystage::test::why(r)));
    };
    const int first = testImages();
    train("1");
    QCOMPARE(cli({"split", p, "--reset", "--seed", "2"}).code, 0);
    const int second = testImages();
    train("1");
    train("2");
    const auto all = cli({"compare", p, "--runs", "1,2,3"});
    QVERIFY2(all.code == 0, qPrintable(flystage::test::why(all)));
    QCOMPARE(all.err.trimmed(),
             QStringLiteral("warning: these runs were evaluated on different test sets: #1 on %1 "
                            "test image(s); #2 and #3 on %2 test image(s) (another split seed, a "
                            "split --reset or changed test labels lie between them); their "
                            "figures are not measured on the same images")
                 .arg(first)
                 .arg(second));
    const auto same = cli({"compare", p, "--runs", "2,3"});
    QCOMPARE(same.code, 0);
    QCOMPARE(same.err, QString());
  }
};

QTEST_GUILESS_MAIN(CliTest)
#include "CliTest.moc"
