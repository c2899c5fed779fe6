#include <QtTest>

#include "eval/PairedComparison.h"

using namespace flystage;

namespace {

// A run on the test set {1..n ids from `firstImage`} of stages 4, 5, 4, 5, ...: `right` of
// them called right (the first ones), the rest called 6.
RunSummary run(std::int64_t id, const std::string& method, std::uint64_t seed, int n, int right,
               std::int64_t firstImage = 1) {
  RunSummary r;
  r.runId = id;
  r.method = method;
  r.seed = seed;
  std::vector<int> truth;
  for (int i = 0; i < n; ++i) {
    const int stage = 4 + i % 2;
    r.testImages.emplace_back(firstImage + i, stage);
    r.testCalls.push_back(i < right ? stage : 6);
    truth.push_back(stage);
  }
  r.test = computeStageMetrics(truth, r.testCalls);
  return r;
}

}  // namespace

class PairedComparisonTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void pairsBySeedAndTestSet() {
    // Seeds 1, 2, 3: two-step right on 8, 9, 7 of 10; data-level on 6, 6, 6 (a different
    // order of runs). Seed 4's data-level run was evaluated on other images: not paired.
    const std::vector<RunSummary> runs = {
        run(1, "data-level", 2, 10, 6), run(2, "two-step", 1, 10, 8),
        run(3, "data-level", 1, 10, 6), run(4, "two-step", 2, 10, 9),
        run(5, "two-step", 3, 10, 7),   run(6, "data-level", 3, 10, 6),
        run(7, "two-step", 4, 10, 8),   run(8, "data-level", 4, 10, 6, 100)};
    const auto d = pairRuns(runs, "two-step", "data-level");
    using Pair = std::pair<std::int64_t, std::int64_t>;
    QCOMPARE(d.pairs, (std::vector<Pair>{{2, 3}, {4, 1}, {5, 6}}));
    QCOMPARE(d.differences.size(), std::size_t(3));
    QCOMPARE(d.differences[0], 0.2);
    QCOMPARE(d.differences[1], 0.3);
    QCOMPARE(d.differences[2], 0.1);
    QCOMPARE(d.unpaired, (std::vector<std::int64_t>{7, 8}));
    QVERIFY(d.interval && !d.bootstrap);
    // t over 3 pairs: 20 ± 4.3027 * 10 / sqrt(3) points.
    QCOMPARE(pairedLine(d),
             std::string("two-step \u2212 data-level: +20.0 [\u22124.8, +44.8] points (3 seeds, "
                         "paired); not paired (no run of the other method with the same seed "
                         "and test set): #7, #8"));
  }

  void onePairUsesThePairedBootstrap() {
    const std::vector<RunSummary> runs = {run(1, "two-step-no-ls", 5, 20, 12),
                                          run(2, "two-step", 5, 20, 12)};
    const auto d = pairRuns(runs, "two-step", "two-step-no-ls");
    QVERIFY(d.bootstrap);
    QCOMPARE(d.testImages, 20);
    // The same calls: no difference, and the paired bootstrap knows it.
    QCOMPARE(pairedLine(d), std::string("two-step \u2212 two-step-no-ls: 0.0 [0.0, 0.0] points "
                                        "(1 seed, paired bootstrap over 20 test images)"));
    // Without stored test predictions there is no interval, and the line says why.
    auto noCalls = runs;
    noCalls[0].testCalls.clear();
    QCOMPARE(pairedLine(pairRuns(noCalls, "two-step", "two-step-no-ls")),
             std::string("two-step \u2212 two-step-no-ls: 0.0 points (1 seed; no interval: the "
                         "test predictions are not all stored)"));
  }

  void tableListsTheComparisonsPresent() {
    const std::vector<RunSummary> runs = {run(1, "gabor", 1, 10, 5), run(2, "data-level", 1, 10, 6),
                                          run(3, "two-step", 1, 10, 8),
                                          run(4, "two-step-no-ls", 1, 10, 7)};
    const auto t = pairedTable(runs);
    QVERIFY2(t.find("- two-step \u2212 data-level: +20.0 [") != std::string::npos, t.c_str());
    QVERIFY2(t.find("- two-step \u2212 two-step-no-ls: +10.0 [") != std::string::npos, t.c_str());
    QVERIFY2(t.find("- two-step-no-ls \u2212 data-level: +10.0 [") != std::string::npos, t.c_str());
    QVERIFY2(t.find("- two-step \u2212 gabor: +30.0 [") != std::string::npos, t.c_str());
    QVERIFY2(t.find("plain") == std::string::npos, t.c_str());  // no plain run: no line
    QCOMPARE(pairedTable({run(1, "gabor", 1, 10, 5)}), std::string());
  }
};

QTEST_GUILESS_MAIN(PairedComparisonTest)
#include "PairedComparisonTest.moc"
