#include <QtTest>

#include "eval/StageMetrics.h"

using namespace flystage;

class StageMetricsTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void figuresOnAKnownConfusion() {
    // Stage 4: 3 right, 1 as 5 (same range 4-6). Stage 7: 1 right, 1 as 9 (range 9-10).
    // Stage 12: 2 as 11 (same range 11-12).
    const std::vector<int> t = {4, 4, 4, 4, 7, 7, 12, 12};
    const std::vector<int> p = {4, 4, 4, 5, 7, 9, 11, 11};
    const auto m = computeStageMetrics(t, p);
    QCOMPARE(m.nTest, 8);
    QCOMPARE(m.perStageAccuracy[0], 0.75);
    QCOMPARE(m.perStageAccuracy[3], 0.5);
    QCOMPARE(m.perStageAccuracy[8], 0.0);
    QVERIFY(std::isnan(m.perStageAccuracy[1]));  // no stage-5 image
    QCOMPARE(m.meanPerStageAccuracy, (0.75 + 0.5 + 0.0) / 3);
    QCOMPARE(m.overallAccuracy, 4.0 / 8);
    QCOMPARE(m.withinOneStageAccuracy, 7.0 / 8);  // only 7 -> 9 is two stages off
    QCOMPARE(m.meanAbsoluteStageError, (1 + 2 + 1 + 1) / 8.0);
    QCOMPARE(m.errorsInsideTrueRange, 3.0 / 4);
    QCOMPARE(m.confusion[0][0], 3);
    QCOMPARE(m.confusion[0][1], 1);
    QCOMPARE(m.confusion[3][5], 1);
    QCOMPARE(m.confusion[8][7], 2);
    // The JSON carries the same numbers and reads back.
    const auto back = stageMetricsFromJson(stageMetricsJson(m, "plain"));
    QCOMPARE(back.confusion, m.confusion);
    QCOMPARE(back.meanPerStageAccuracy, m.meanPerStageAccuracy);
    QVERIFY(std::isnan(back.perStageAccuracy[1]));
  }
  void refusesBadInput() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeStageMetrics({4}, {4, 5}));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, computeStageMetrics({3}, {4}));
  }
  void meanAndSampleSpread() {
    const auto s = meanSpread({0.8, 0.9, 1.0});
    QVERIFY(std::abs(s.mean - 0.9) < 1e-12);
    QVERIFY(std::abs(s.sd - 0.1) < 1e-12);
    QCOMPARE(meanSpread({0.5}).sd, 0.0);
  }
};

QTEST_GUILESS_MAIN(StageMetricsTest)
#include "StageMetricsTest.moc"
