#include <QtTest>

#include "data/LabelsCsv.h"
#include "eval/ConfusionCell.h"
#include "eval/ConstrainedMetrics.h"
#include "eval/StageMetrics.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;

namespace {

StoredPrediction predicted(std::int64_t image, int stage) {
  StoredPrediction p;
  p.imageId = image;
  p.stage = stage;
  p.probability = 0.5;
  p.probabilities.assign(kNumFineStages, 0.5f / (kNumFineStages - 1));
  p.probabilities[static_cast<std::size_t>(fineStageIndex(stage))] = 0.5f;
  return p;
}

}  // namespace

class ConfusionCellTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;

 private Q_SLOTS:
  void aCellHoldsTheTestImagesWithThatTruthAndPrediction() {
    Project p = Project::open(dir_ / "c.flystage");
    QVERIFY(runImport(p, parseLabelsCsv(test::samplesDir() / "labels.csv"), {}).committed);
    const auto ids = p.imageIds();
    QCOMPARE(ids.size(), std::size_t(12));

    RunRecord record;
    record.method = "plain";
    record.preset = "tiny";
    record.status = "finished";
    const auto run = runstore::createRun(p, record);
    // The stages are the run's snapshot: these images have no precise label in the project
    // at all, so only the snapshot can place them in a cell.
    const std::vector<std::pair<std::size_t, int>> test = {{0, 9},  {1, 9},  {2, 9},
                                                           {3, 10}, {4, 12}, {5, 4}};
    std::vector<RunImage> images;
    for (const auto& [i, stage] : test) images.push_back({ids[i], "test", stage, ""});
    images.push_back({ids[6], "train", 9, ""});
    images.push_back({ids[7], "validation", 9, ""});
    images.push_back({ids[8], "range", std::nullopt, "9-10"});
    runstore::setRunImages(p, run, images);
    // Test predictions, plus predictions stored later for images outside the test part
    // (flystage-cli predict --store): a train image of stage 9 predicted 10, and one the run
    // never saw.
    runstore::savePredictions(p, run,
                              {predicted(ids[0], 10), predicted(ids[1], 10), predicted(ids[2], 9),
                               predicted(ids[3], 10), predicted(ids[4], 11), predicted(ids[5], 4),
                               predicted(ids[6], 10), predicted(ids[10], 10)});

    std::vector<std::int64_t> nineAsTen = {ids[0], ids[1]};
    std::sort(nineAsTen.begin(), nineAsTen.end());
    QCOMPARE(confusionCellImages(p, run, 9, 10), nineAsTen);
    QCOMPARE(confusionCellImages(p, run, 9, 9), std::vector<std::int64_t>{ids[2]});
    QCOMPARE(confusionCellImages(p, run, 10, 10), std::vector<std::int64_t>{ids[3]});
    QCOMPARE(confusionCellImages(p, run, 12, 11), std::vector<std::int64_t>{ids[4]});
    QCOMPARE(confusionCellImages(p, run, 4, 4), std::vector<std::int64_t>{ids[5]});
    QVERIFY(confusionCellImages(p, run, 10, 9).empty());

    // Every cell agrees with the confusion matrix of the same truth and predictions.
    const auto m = computeStageMetrics({9, 9, 9, 10, 12, 4}, {10, 10, 9, 10, 11, 4});
    int total = 0;
    for (int t = 4; t <= 17; ++t)
      for (int q = 4; q <= 17; ++q) {
        const auto cell = confusionCellImages(p, run, t, q);
        QCOMPARE(static_cast<int>(cell.size()), m.confusion[fineStageIndex(t)][fineStageIndex(q)]);
        total += static_cast<int>(cell.size());
      }
    QCOMPARE(total, 6);

    // A run without predictions (not finished) has empty cells.
    const auto unfinished = runstore::createRun(p, record);
    runstore::setRunImages(p, unfinished, images);
    QVERIFY(confusionCellImages(p, unfinished, 9, 10).empty());

    QVERIFY_THROWS_EXCEPTION(Error, confusionCellImages(p, run, 3, 10));
    QVERIFY_THROWS_EXCEPTION(Error, confusionCellImages(p, run, 9, 18));
    QVERIFY_THROWS_EXCEPTION(Error, confusionCellImages(p, run + 100, 9, 10));
  }

  // The range-constrained matrix's cells hold the images its figures count there: #0's 7 is
  // constrained to its curator's 4-6 (-> 4); #1's 9-10 was derived from its stage: kept at 8.
  void aConstrainedCellHoldsTheConstrainedCalls() {
    Project p = Project::open(dir_ / "k.flystage");
    QVERIFY(runImport(p, parseLabelsCsv(test::samplesDir() / "labels.csv"), {}).committed);
    const auto ids = p.imageIds();
    RunRecord record;
    record.method = "two-step";
    record.status = "finished";
    const auto run = runstore::createRun(p, record);
    std::vector<RunImage> images = {{ids[0], "test", 5, "4-6"}, {ids[1], "test", 9, "9-10"}};
    images[1].rangeFromStage = true;
    runstore::setRunImages(p, run, images);
    auto seven = predicted(ids[0], 7);
    seven.probabilities[fineStageIndex(4)] = 0.25f;  // the most probable stage of 4-6
    runstore::savePredictions(p, run, {seven, predicted(ids[1], 8)});
    QCOMPARE(confusionCellImages(p, run, 5, 7), std::vector<std::int64_t>{ids[0]});
    QVERIFY(confusionCellImages(p, run, 5, 7, true).empty());
    QCOMPARE(confusionCellImages(p, run, 5, 4, true), std::vector<std::int64_t>{ids[0]});
    QCOMPARE(confusionCellImages(p, run, 9, 8, true), std::vector<std::int64_t>{ids[1]});
    const auto m = constrainedTestMetrics(images, runstore::predictions(p, run));
    QCOMPARE(m->metrics.confusion[fineStageIndex(5)][fineStageIndex(4)], 1);
    QCOMPARE(m->metrics.confusion[fineStageIndex(9)][fineStageIndex(8)], 1);
  }
};

QTEST_GUILESS_MAIN(ConfusionCellTest)
#include "ConfusionCellTest.moc"
