#include <QtTest>

#include <QJsonDocument>
#include <QJsonObject>

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>

#include "data/LabelsCsv.h"
#include "eval/StageMetrics.h"
#include "importer/Importer.h"
#include "interpret/SaliencySanity.h"
#include "model/StoredPredictions.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "store/Split.h"
#include "support/TestSupport.h"
#include "train/RunData.h"

using namespace flystage;
using flystage::test::predictionOf;

// Range-aware prediction on the command line: evaluate and compare report the figures both
// ways; the demo stores the final two-step run's predictions of every image.
class RangeCliTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // A run finished before range-aware prediction (no constrained figures stored) with four
  // test images of known calls; the constrained figures are computed on read:
  //   true 5, curator's 4-6: 7 -> 5;   true 12, curator's 11-12: 13 -> 11;
  //   true 9, its 9-10 derived from the stage: 8 (not constrained);   true 16, 13-17: 16.
  void evaluateAndCompareReportBothWays() {
    test::TempDir dir;
    const auto project = test::makeSamplesProject(dir);
    {
      Project p = Project::open(project, OpenMode::Existing);
      const auto ids = p.imageIds();
      RunRecord record;
      record.method = "two-step";
      record.preset = "tiny";
      record.seed = 1;
      record.status = "finished";
      const auto run = runstore::createRun(p, record);
      std::vector<RunImage> images;
      const std::vector<std::tuple<int, const char*, bool>> truth = {
          {5, "4-6", false}, {12, "11-12", false}, {9, "9-10", true}, {16, "13-17", false}};
      for (std::size_t i = 0; i < truth.size(); ++i) {
        RunImage im;
        im.imageId = ids[i];
        im.part = "test";
        im.stage = std::get<0>(truth[i]);
        im.stageRange = std::get<1>(truth[i]);
        im.rangeFromStage = std::get<2>(truth[i]);
        images.push_back(im);
      }
      runstore::setRunImages(p, run, images);
      runstore::savePredictions(
          p, run,
          {predictionOf(ids[0], {{7, 0.5f}, {5, 0.25f}, {4, 0.125f}, {6, 0.125f}}),
           predictionOf(ids[1], {{13, 0.5f}, {11, 0.375f}, {12, 0.125f}}),
           predictionOf(ids[2], {{8, 0.75f}, {9, 0.25f}}), predictionOf(ids[3], {{16, 1.0f}})});
      const auto m = computeStageMetrics({5, 12, 9, 16}, {7, 13, 8, 16});
      runstore::setMetric(p, run, "test", m.meanPerStageAccuracy, stageMetricsJson(m, "two-step"));
    }
    const QString file = test::qs(project);
    const auto ev =
        test::runCli({"evaluate", file, "--run", "1", "--json", test::qs(dir / "m.json")});
    QVERIFY2(ev.code == 0, qPrintable(test::why(ev)));
    QVERIFY2(ev.out.contains("\nmean per-stage accuracy 25.00%, overall 25.00%, within one stage "
                             "75.00%\nrange-constrained (3 of 4 test images in their curator's "
                             "range): mean per-stage accuracy 50.00%, overall 50.00%, within one "
                             "stage 100.00%\n"),
             qPrintable(ev.out));
    const auto j =
        QJsonDocument::fromJson(QByteArray::fromStdString(test::readBytes(dir / "m.json")))
            .object();
    QCOMPARE(j["overall_accuracy"].toDouble(), 0.25);
    const auto c = j["constrained"].toObject();
    QCOMPARE(c["overall_accuracy"].toDouble(), 0.5);
    QCOMPARE(c["mean_per_stage_accuracy"].toDouble(), 0.5);
    QCOMPARE(c["within_one_stage_accuracy"].toDouble(), 1.0);
    QCOMPARE(c["constrained_n"].toInt(), 3);

    const auto cmp = test::runCli({"compare", file});
    QVERIFY2(cmp.code == 0, qPrintable(test::why(cmp)));
    QVERIFY2(cmp.out.contains(
                 "| #1 two-step, tiny, 1 | - | 0.0 | - | - | - | 0.0 | - | - | 0.0 "
                 "| - | - | - | 100.0 | - | **25.0 [25.0, 25.0]** | 25.0 | 75.0 | 1.00 | 0.0 |\n"
                 "| #1 two-step, tiny, 1, range-constrained | - | 100.0 | - | - | - "
                 "| 0.0 | - | - | 0.0 | - | - | - | 100.0 | - | **50.0** | 50.0 | "
                 "100.0 | 0.50 | 50.0 |\n"),
             qPrintable(cmp.out));
    QVERIFY2(cmp.out.contains("| two-step (1) |") &&
                 cmp.out.contains("| two-step, range-constrained (1) | - | 100.0 |"),
             qPrintable(cmp.out));
  }

  // A range a CSV gave is a curator's; one that follows from a stage-only row is not (it would
  // hand the test call its answer): labels and the run's snapshot say which.
  void aStageOnlyRowsRangeIsMarkedDerived() {
    test::TempDir dir;
    const auto sample = [](const char* name) { return (test::samplesDir() / name).string(); };
    test::writeText(dir / "labels.csv", "path,stage_range,stage,split\n" +
                                            sample("range4-6_0.png") + ",4-6,5,test\n" +
                                            sample("range11-12_0.png") + ",,12,test\n" +
                                            sample("range7-8_0.png") + ",7-8,,\n");
    Project p = Project::open(dir / "p.flystage");
    QVERIFY(runImport(p, parseLabelsCsv(dir / "labels.csv"), {}).committed);
    SQLite::Statement q(p.db(),
                        "SELECT i.path, l.stage_range, l.range_from_stage FROM labels l JOIN "
                        "images i ON i.id = l.image_id ORDER BY i.path");
    QStringList rows;
    while (q.executeStep())
      rows << QStringLiteral("%1 %2 %3")
                  .arg(QString::fromStdString(
                      std::filesystem::path(q.getColumn(0).getString()).filename().string()))
                  .arg(QString::fromStdString(q.getColumn(1).getString()))
                  .arg(q.getColumn(2).getInt());
    QCOMPARE(rows, (QStringList{"range11-12_0.png 11-12 1", "range4-6_0.png 4-6 0",
                                "range7-8_0.png 7-8 0"}));
    QStringList snapshot;
    for (const auto& im : snapshotRunImages(p, std::nullopt))
      snapshot << QStringLiteral("%1 %2 %3")
                      .arg(QString::fromStdString(im.part), QString::fromStdString(im.stageRange))
                      .arg(im.rangeFromStage);
    snapshot.sort();
    QCOMPARE(snapshot, (QStringList{"range 7-8 0", "test 11-12 1", "test 4-6 0"}));
  }

  // `flystage-cli demo` stores the final two-step run's predictions of every image, so the
  // GUI opens the demo project with a predicted stage on every thumbnail.
  void demoStoresPredictionsForEveryImage() {
    test::TempDir dir;
    const auto r = test::runCli({"demo", "--out", test::qs(dir / "d"), "--scale", "0.001",
                                 "--min-per-stage", "5", "--preset", "tiny", "--seeds", "1",
                                 "--saliency-per-stage", "1", "--quiet"});
    QVERIFY2(r.code == 0, qPrintable(test::why(r)));
    Project p = Project::open(dir / "d/demo.flystage", OpenMode::ReadOnly);
    std::int64_t twoStep = 0;
    for (const auto& run : runstore::runs(p))
      if (run.method == "two-step") twoStep = run.id;
    QCOMPARE(twoStep, std::int64_t(4));
    // Issue 18: the demo's own split, stored before the import drew it (half of each stage for
    // testing), the ablation without L_S from the same data-level run, and the paired table.
    QCOMPARE(storedSplitOptions(p).testFraction, 0.5);
    QCOMPARE(storedSplitOptions(p).validationFraction, 0.15);
    const auto ablation = runstore::run(p, 5);
    QVERIFY(ablation && ablation->method == "two-step-no-ls");
    QVERIFY2(r.out.contains("\n- two-step \u2212 two-step-no-ls: "), qPrintable(r.out));
    QVERIFY2(r.out.contains("\n- two-step-no-ls \u2212 data-level: "), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(R"(\| #4 two-step, tiny, 1 \|.* \*\*\d+\.\d \[)")),
             qPrintable(r.out));
    QCOMPARE(runWithMostPredictions(p), std::optional<std::int64_t>(4));  // the GUI's first run
    const auto images = p.imageIds().size();
    QVERIFY(images > 0);
    QCOMPARE(runstore::predictions(p, twoStep).size(), images);
    QVERIFY2(r.out.contains(QStringLiteral("predictions of run #4 (two-step) stored for all %1 "
                                           "images\n")
                                .arg(images)),
             qPrintable(r.out));
    // Range-constrained, as predict is by default: every call inside its known range.
    for (const auto& pr : runstore::predictions(p, twoStep)) {
      QVERIFY(pr.rangeConstraint);
      const auto label = p.label(pr.imageId);
      if (label.range && label.range->last >= kMinFineStage)
        QVERIFY(label.range->contains(pr.call()));
    }
    // The demo checks every saliency method on the two-step run's test images and stores the
    // verdicts, so its report and the image view can say which maps to trust.
    const auto sanity = storedSaliencySanity(p, twoStep);
    QCOMPARE(sanity.size(), saliencyMethods().size());
    // On a stratified subset (here 1 per stage) of the test images, and the line says so.
    std::set<int> testStages;
    for (const auto& ri : runstore::runImages(p, twoStep))
      if (ri.part == "test" && ri.stage) testStages.insert(*ri.stage);
    QVERIFY2(r.out.contains(QStringLiteral("\nsaliency checked on %1 of run #4's test images (a "
                                           "seeded stratified subset: up to 1 per stage)\n")
                                .arg(testStages.size())),
             qPrintable(r.out));
    for (const auto& check : sanity) {
      QCOMPARE(check.images, static_cast<int>(testStages.size()));
      QVERIFY2(r.out.contains(QStringLiteral("saliency %1: %2\n")
                                  .arg(QString::fromStdString(saliencyMethodName(check.method)),
                                       QString::fromStdString(check.verdict()))),
               qPrintable(r.out));
    }
  }

  // The demo's split fractions are checked before anything is generated.
  void demoRefusesFractionsWithoutATrainingPart() {
    test::TempDir dir;
    const auto r = test::runCli({"demo", "--out", test::qs(dir / "d"), "--test-fraction", "0.6",
                                 "--validation-fraction", "0.5", "--quiet"});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(),
             QStringLiteral("flystage-cli: error: --test-fraction 0.6 + --validation-fraction "
                            "0.5: must be below 1 together, so that a training part is left"));
    QVERIFY(!std::filesystem::exists(dir / "d" / "data"));
  }
};

QTEST_GUILESS_MAIN(RangeCliTest)
#include "RangeCliTest.moc"
