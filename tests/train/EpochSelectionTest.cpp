#include <QtTest>

#include <cmath>

#include "train/EpochSelection.h"
#include "util/Error.h"

using namespace flystage;

namespace {

// perStage validation images (and 9 training images) for each stage 4..17; `override_`
// gives one stage another validation count.
std::vector<RunImage> split(int perStage, int stage = 0, int count = 0) {
  std::vector<RunImage> out;
  std::int64_t id = 1;
  for (int s = 4; s <= 17; ++s) {
    for (int i = 0; i < 9; ++i) out.push_back({id++, "train", s, "", false});
    const int n = s == stage ? count : perStage;
    for (int i = 0; i < n; ++i) out.push_back({id++, "validation", s, "", false});
    out.push_back({id++, "test", s, "", false});
    out.push_back({id++, "range", std::nullopt, "4-6", false});
  }
  return out;
}

EpochRecord epoch(int n, double score, double loss) {
  EpochRecord e;
  e.phase = "fine";
  e.epoch = n;
  e.validationAccuracy = score;
  e.validationLoss = loss;
  return e;
}

}  // namespace

class EpochSelectionTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void fewerThanFivePerStageTrainsToTheEnd() {
    // The demo's split before issue 18: one validation image per stage.
    auto plan = planSelection(split(1), 5, "auto");
    QCOMPARE(plan.rule, SelectionRule::LastEpoch);
    QVERIFY(plan.foldValidation);
    QCOMPARE(plan.validationImages, 0);
    QCOMPARE(plan.reason, std::string("stage 4 has 1 validation image (fewer than 5): trained the "
                                      "fixed schedule to its end, validation images trained on"));
    const auto folded = foldValidationIntoTraining(split(1));
    QCOMPARE(std::count_if(folded.begin(), folded.end(),
                           [](const RunImage& im) { return im.part == "validation"; }),
             0L);
    QCOMPARE(std::count_if(folded.begin(), folded.end(),
                           [](const RunImage& im) { return im.part == "train"; }),
             14L * 10);

    plan = planSelection(split(5), 5, "auto");
    QCOMPARE(plan.rule, SelectionRule::BestLoss);
    QVERIFY(!plan.foldValidation);
    QCOMPARE(plan.validationImages, 70);
    QCOMPARE(plan.reason, std::string("every stage has at least 5 validation images (fewest: "
                                      "stage 4, 5)"));

    plan = planSelection(split(5, 9, 4), 5, "auto");
    QCOMPARE(plan.rule, SelectionRule::LastEpoch);
    QCOMPARE(plan.reason, std::string("stage 9 has 4 validation images (fewer than 5): trained the "
                                      "fixed schedule to its end, validation images trained on"));
    plan = planSelection(split(6, 12, 0), 5, "auto");
    QCOMPARE(plan.reason,
             std::string("stage 12 has 0 validation images (fewer than 5): trained the "
                         "fixed schedule to its end, validation images trained on"));
    // A lower minimum selects on the same images.
    QCOMPARE(planSelection(split(1), 1, "auto").rule, SelectionRule::BestLoss);
  }

  void anExplicitRuleIsHonoured() {
    auto plan = planSelection(split(1), 5, "best-validation-score");
    QCOMPARE(plan.rule, SelectionRule::BestScore);
    QVERIFY(!plan.foldValidation);
    QCOMPARE(plan.validationImages, 14);
    QCOMPARE(planSelection(split(0), 5, "last-epoch").rule, SelectionRule::LastEpoch);
    try {
      planSelection(split(0), 5, "best-validation-loss");
      QFAIL("a validation rule without validation images");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               std::string("selection best-validation-loss needs validation images, but this run "
                           "has none; choose last-epoch or auto"));
    }
    try {
      planSelection(split(5), 5, "best");
      QFAIL("unknown rule");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               std::string("unknown selection 'best' (choose auto, first-best-validation-score, "
                           "best-validation-score, best-validation-loss or last-epoch)"));
    }
  }

  void keptEpochTies() {
    // Scores tie at epochs 3 and 4 (one validation image's step); the loss tells them apart.
    const std::vector<EpochRecord> h = {epoch(1, .21, 2.0),  epoch(2, .36, 1.7),
                                        epoch(3, .50, 1.66), epoch(4, .50, 1.65),
                                        epoch(5, .43, 1.60), epoch(6, .43, 1.60)};
    QCOMPARE(keptEpoch(h, SelectionRule::FirstBestScore), 3);  // what runs before issue 18 kept
    QCOMPARE(keptEpoch(h, SelectionRule::BestScore), 4);
    QCOMPARE(keptEpoch(h, SelectionRule::BestLoss), 6);  // equal loss: the later epoch
    QCOMPARE(keptEpoch(h, SelectionRule::LastEpoch), 6);
    // Equal score and loss: the later epoch.
    QCOMPARE(keptEpoch({epoch(1, .5, 1.0), epoch(2, .5, 1.0), epoch(3, .4, 0.9)},
                       SelectionRule::BestScore),
             2);
    // No validation figures (NaN): the last epoch, as the trainer then keeps it.
    const double nan = std::nan("");
    QCOMPARE(keptEpoch({epoch(1, nan, nan), epoch(2, nan, nan)}, SelectionRule::BestLoss), 2);
    QCOMPARE(keptEpoch({epoch(1, nan, nan), epoch(2, nan, nan)}, SelectionRule::FirstBestScore), 2);
    QCOMPARE(keptEpoch({}, SelectionRule::BestLoss), 0);
  }

  void namesRoundTrip() {
    const std::vector<std::string> expected = {"first-best-validation-score",
                                               "best-validation-score", "best-validation-loss",
                                               "last-epoch"};
    QCOMPARE(selectionRuleNames(), expected);
    for (auto r : {SelectionRule::FirstBestScore, SelectionRule::BestScore, SelectionRule::BestLoss,
                   SelectionRule::LastEpoch})
      QCOMPARE(parseSelectionRule(selectionRuleName(r)), r);
    checkSelection("auto");
    QVERIFY_THROWS_EXCEPTION(Error, parseSelectionRule("auto"));
  }
};

QTEST_GUILESS_MAIN(EpochSelectionTest)
#include "EpochSelectionTest.moc"
