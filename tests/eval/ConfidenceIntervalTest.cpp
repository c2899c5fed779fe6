#include <QtTest>

#include <cmath>

#include "eval/ConfidenceInterval.h"
#include "util/Error.h"

using namespace flystage;

namespace {

// `copies` test images of every stage 4..17: stage s's first copy/2 are right, the rest
// right when s is even (else called one stage later): 7 stages at 1.0, 7 at 0.5, mean 0.75.
void example(int copies, std::vector<int>& truth, std::vector<int>& calls) {
  for (int s = 4; s <= 17; ++s)
    for (int i = 0; i < copies; ++i) {
      truth.push_back(s);
      calls.push_back(i < copies / 2 || s % 2 == 0 ? s : s + (s < 17 ? 1 : -1));
    }
}

}  // namespace

class ConfidenceIntervalTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void stratifiedBootstrapCoversAndIsSeeded() {
    std::vector<int> truth, calls;
    example(2, truth, calls);  // 28 images
    const auto a = bootstrapMeanPerStage(truth, calls, 2000, 1);
    QCOMPARE(a.n, 28);
    QCOMPARE(a.estimate, 0.75);
    // Exact for seed 1 (std::mt19937_64, per-stage resampling, R type 7 percentiles).
    QCOMPARE(QString::fromStdString(percentText(a)), QStringLiteral("75.0 [60.7, 85.7]"));
    QVERIFY(a.lo < a.estimate && a.estimate < a.hi);
    // Stratified: a stage keeps its count, so a run right on every image has no spread.
    const auto perfect = bootstrapMeanPerStage(truth, truth, 2000, 1);
    QCOMPARE(perfect.lo, 1.0);
    QCOMPARE(perfect.hi, 1.0);
    // Seeded: the same twice; another seed, another (close) interval.
    const auto again = bootstrapMeanPerStage(truth, calls, 2000, 1);
    QCOMPARE(again.lo, a.lo);
    QCOMPARE(again.hi, a.hi);
    // Four times the images with the same accuracies: about half the width.
    std::vector<int> truth4, calls4;
    example(8, truth4, calls4);
    const auto b = bootstrapMeanPerStage(truth4, calls4, 2000, 1);
    QCOMPARE(b.estimate, 0.75);
    QVERIFY2(b.hi - b.lo < 0.6 * (a.hi - a.lo),
             qPrintable(QString::fromStdString(percentText(a) + " vs " + percentText(b))));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bootstrapMeanPerStage({4, 3}, {4, 4}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bootstrapMeanPerStage({4}, {4, 4}));
  }

  void tIntervalOfFiveValues() {
    // 3 ± t(0.975, 4) * sd / sqrt(5) = 3 ± 2.7764 * 1.5811 / 2.2361.
    const auto t = tInterval({1, 2, 3, 4, 5});
    QCOMPARE(t.n, 5);
    QCOMPARE(t.estimate, 3.0);
    QVERIFY2(std::abs(t.lo - 1.03676) < 1e-5, qPrintable(QString::number(t.lo, 'f', 6)));
    QVERIFY2(std::abs(t.hi - 4.96324) < 1e-5, qPrintable(QString::number(t.hi, 'f', 6)));
    QCOMPARE(intervalText(t.estimate, t.lo, t.hi, 3), std::string("3.000 [1.037, 4.963]"));
    // Two values: t(0.975, 1) = 12.706.
    const auto two = tInterval({0.4, 0.6});
    QVERIFY(std::abs(two.hi - (0.5 + 12.7062 * std::sqrt(0.02) / std::sqrt(2.0))) < 1e-4);
    QVERIFY_THROWS_EXCEPTION(Error, tInterval({0.5}));
  }

  void pairedDifferenceOfIdenticalRunsIsZero() {
    std::vector<int> truth, calls;
    example(2, truth, calls);
    const auto same = pairedBootstrapDifference(truth, calls, calls);
    QCOMPARE(same.estimate, 0.0);
    QCOMPARE(same.lo, 0.0);
    QCOMPARE(same.hi, 0.0);
    QCOMPARE(percentText(same, true), std::string("0.0 [0.0, 0.0]"));
    // Every call right against the example: +25 points; the paired interval is exactly the
    // mirror of the example's own (the same resamples), narrower than the two separately.
    const auto better = pairedBootstrapDifference(truth, truth, calls);
    QCOMPARE(better.estimate, 0.25);
    const auto own = bootstrapMeanPerStage(truth, calls);
    QCOMPARE(better.lo, 1.0 - own.hi);
    QCOMPARE(better.hi, 1.0 - own.lo);
    QCOMPARE(QString::fromStdString(percentText(better, true)),
             QStringLiteral("+25.0 [+14.3, +39.3]"));
    QCOMPARE(percentText(Interval{-0.016, -0.02, 0.052, 5}, true),
             std::string("\u22121.6 [\u22122.0, +5.2]"));
  }

  void bootstrapMeanOfValues() {
    // Moved from SaliencySanity (one copy): the saliency check's intervals are unchanged.
    const auto one = bootstrapMean({0.2}, 1);
    QCOMPARE(one.low, 0.2);
    QCOMPARE(one.high, 0.2);
    QCOMPARE(sortedQuantile({1, 2, 3, 4}, 0.5), 2.5);
    QCOMPARE(sortedQuantile({1, 2, 3, 4}, 0.025), 1.075);
    QVERIFY_THROWS_EXCEPTION(Error, bootstrapMean({}, 1));
  }
};

QTEST_GUILESS_MAIN(ConfidenceIntervalTest)
#include "ConfidenceIntervalTest.moc"
