#include <QtTest>

#include "eval/ConstrainedMetrics.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::predictionOf;

namespace {

RunImage testImage(std::int64_t image, int stage, const char* range, bool fromStage = false) {
  RunImage im;
  im.imageId = image;
  im.part = "test";
  im.stage = stage;
  im.stageRange = range;
  im.rangeFromStage = fromStage;
  return im;
}

// Four test images; calls without / with the range constraint:
//   #1 true 5, curator's 4-6:   7 -> 5    #2 true 12, curator's 11-12: 13 -> 11
//   #3 true 9, 9-10 derived from its stage: 8 (kept)    #4 true 16, curator's 13-17: 16 -> 16
const std::vector<RunImage> kImages = {testImage(1, 5, "4-6"), testImage(2, 12, "11-12"),
                                       testImage(3, 9, "9-10", true), testImage(4, 16, "13-17")};
const std::vector<StoredPrediction> kPredictions = {
    predictionOf(1, {{7, 0.5f}, {5, 0.25f}, {4, 0.125f}, {6, 0.125f}}),
    predictionOf(2, {{13, 0.5f}, {11, 0.375f}, {12, 0.125f}}),
    predictionOf(3, {{8, 0.75f}, {9, 0.25f}}), predictionOf(4, {{16, 1.0f}})};

}  // namespace

// constrainedTestMetrics(): the test figures with each call constrained to the curator's
// range; a range derived from the image's own stage is never used (it would give the answer).
class ConstrainedMetricsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void figuresOnAKnownConfusion() {
    const auto c = constrainedTestMetrics(kImages, kPredictions);
    QVERIFY(c);
    QCOMPARE(c->constrainedN, 3);
    QCOMPARE(c->metrics.nTest, 4);
    QCOMPARE(c->metrics.overallAccuracy, 0.5);         // #1 and #4 right
    QCOMPARE(c->metrics.meanPerStageAccuracy, 0.5);    // stages 5, 9, 12, 16: 1, 0, 0, 1
    QCOMPARE(c->metrics.withinOneStageAccuracy, 1.0);  // 5/5, 11/12, 8/9, 16/16
    QCOMPARE(c->metrics.confusion[5 - 4][5 - 4], 1);
    QCOMPARE(c->metrics.confusion[12 - 4][11 - 4], 1);
    QCOMPARE(c->metrics.confusion[9 - 4][8 - 4], 1);  // the derived range did not move it

    // The unconstrained figures of the same predictions, for the comparison both ways.
    std::vector<int> truth, called;
    for (std::size_t i = 0; i < kImages.size(); ++i) {
      truth.push_back(*kImages[i].stage);
      called.push_back(kPredictions[i].stage);
    }
    const auto u = computeStageMetrics(truth, called);
    QCOMPARE(u.overallAccuracy, 0.25);
    QCOMPARE(u.meanPerStageAccuracy, 0.25);
    QCOMPARE(u.withinOneStageAccuracy, 0.75);
  }

  // Treated as a curator's range, #3's 9-10 would turn 8 into a right 9: that is not allowed.
  void aRangeDerivedFromTheStageIsNotUsed() {
    auto images = kImages;
    images[2].rangeFromStage = false;
    const auto cheat = constrainedTestMetrics(images, kPredictions);
    QCOMPARE(cheat->constrainedN, 4);
    QCOMPARE(cheat->metrics.overallAccuracy, 0.75);
    QCOMPARE(constrainedTestMetrics(kImages, kPredictions)->metrics.overallAccuracy, 0.5);
  }

  void storedAsJsonAndReadBack() {
    const auto c = *constrainedTestMetrics(kImages, kPredictions);
    const auto back = constrainedMetricsFromJson(constrainedMetricsJson(c, "two-step"));
    QCOMPARE(back.constrainedN, 3);
    QCOMPARE(back.metrics.meanPerStageAccuracy, 0.5);
    QCOMPARE(back.metrics.confusion, c.metrics.confusion);
  }

  // Without every test image's prediction (or without test images) there is nothing to report.
  void missingPredictionsGiveNone() {
    QVERIFY(!constrainedTestMetrics(kImages, {kPredictions.begin(), kPredictions.end() - 1}));
    QVERIFY(!constrainedTestMetrics({}, kPredictions));
  }
};

QTEST_GUILESS_MAIN(ConstrainedMetricsTest)
#include "ConstrainedMetricsTest.moc"
