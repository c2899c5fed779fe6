#include <QtTest>

#include "train/LearningRateSchedule.h"

using namespace flystage;

namespace {

std::vector<double> rates(const TrainConfig& c, double base, int epochs) {
  std::vector<double> out;
  for (int e = 0; e < epochs; ++e) out.push_back(learningRateAt(c, base, e, epochs));
  return out;
}

}  // namespace

class LearningRateScheduleTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void stepMilestonesAreFractionsOfThePhase() {
    TrainConfig c = TrainConfig::forPreset(Method::DataLevel, "demo");
    QCOMPARE(c.lrSchedule, LrSchedule::Step);
    QCOMPARE(c.lrMilestones, (std::vector<double>{0.5, 0.75}));
    const auto ten = rates(c, 0.01, 10);
    for (int e = 0; e < 10; ++e) {
      const double expected = e < 5 ? 0.01 : e < 8 ? 0.01 * 0.1 : 0.01 * 0.1 * 0.1;
      QVERIFY2(qFuzzyCompare(ten[e], expected), qPrintable(QString::number(e)));
    }
    // The demo's 16-epoch fine phase: drops before epochs 9 and 13 (0-based 8 and 12).
    const auto sixteen = rates(c, 0.01, 16);
    for (int e = 0; e < 16; ++e) {
      const double expected = e < 8 ? 0.01 : e < 12 ? 0.001 : 0.0001;
      QVERIFY2(qFuzzyCompare(sixteen[e], expected), qPrintable(QString::number(e)));
    }
    // The paper's 20 and 30 of 60.
    const TrainConfig paper = TrainConfig::forPreset(Method::Plain, "paper");
    const auto sixty = rates(paper, 1e-3, 60);
    QVERIFY(qFuzzyCompare(sixty[19], 1e-3));
    QVERIFY(qFuzzyCompare(sixty[20], 1e-4));
    QVERIFY(qFuzzyCompare(sixty[29], 1e-4));
    QVERIFY(qFuzzyCompare(sixty[30], 1e-5));
  }

  void cosineAnnealsTowardsZero() {
    TrainConfig c = TrainConfig::forPreset(Method::Plain, "demo");
    c.lrSchedule = LrSchedule::Cosine;
    const auto r = rates(c, 0.01, 10);
    QVERIFY(qFuzzyCompare(r[0], 0.01));
    QVERIFY(qFuzzyCompare(r[5], 0.005));
    QVERIFY(r[9] < 0.01 * 0.03);
    for (int e = 1; e < 10; ++e) QVERIFY(r[e] < r[e - 1]);
  }

  void absoluteStepsAreTheOldRule() {
    // Runs before issue 18: steps {12, 18} in every phase, so a 10-epoch phase never decays.
    TrainConfig c = TrainConfig::forPreset(Method::DataLevel, "demo");
    c.lrSchedule = LrSchedule::AbsoluteSteps;
    QCOMPARE(c.lrSteps, (std::vector<int>{12, 18}));
    for (double r : rates(c, 0.01, 10)) QCOMPARE(r, 0.01);
    const auto sixteen = rates(c, 0.01, 16);
    QCOMPARE(sixteen[11], 0.01);
    QVERIFY(qFuzzyCompare(sixteen[12], 0.001));
  }
};

QTEST_GUILESS_MAIN(LearningRateScheduleTest)
#include "LearningRateScheduleTest.moc"
