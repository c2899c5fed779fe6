#include <QtTest>

#include "model/RangeConstraint.h"
#include "support/TestSupport.h"

using namespace flystage;

namespace {

// Stage -> probability; every other stage 0. Binary fractions: the sums are exact.
std::array<float, kNumFineStages> probs(std::initializer_list<std::pair<int, float>> stages) {
  std::array<float, kNumFineStages> p{};
  for (const auto& [stage, v] : stages) p[static_cast<std::size_t>(fineStageIndex(stage))] = v;
  return p;
}

StageRange range(const char* text) {
  return *parseStageRange(text);
}

}  // namespace

// constrainToRange(): the call of an image with a known stage range is the most probable stage
// inside it, the probabilities renormalized over the range.
class RangeConstraintTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void theMostProbableStageInsideTheRangeRenormalized() {
    const auto p =
        probs({{4, 0.125f}, {5, 0.0625f}, {6, 0.0625f}, {7, 0.5f}, {8, 0.125f}, {9, 0.125f}});
    const auto c = constrainToRange(p, range("4-6"));
    QVERIFY(c);
    QCOMPARE(c->stage, 4);
    QCOMPARE(c->probability, 0.5);
    QCOMPARE(c->rangeMass, 0.25);
    QCOMPARE(c->probabilities, probs({{4, 0.5f}, {5, 0.25f}, {6, 0.25f}}));  // 0 outside

    const auto c78 = constrainToRange(p, range("7-8"));
    QCOMPARE(c78->stage, 7);
    QCOMPARE(c78->probability, 0.8);
    QCOMPARE(c78->rangeMass, 0.625);
    QCOMPARE(c78->probabilities, probs({{7, 0.8f}, {8, 0.2f}}));
  }

  // 13-17 holds 17 (BDGP's "13-16" is read as 13-17); a tie goes to the lower stage.
  void theLastRangeHolds17AndTiesGoLow() {
    const auto last = constrainToRange(probs({{4, 0.75f}, {17, 0.25f}}), range("13-16"));
    QCOMPARE(last->stage, 17);
    QCOMPARE(last->probability, 1.0);
    const auto tie =
        constrainToRange(probs({{12, 0.5f}, {15, 0.25f}, {17, 0.25f}}), range("13-17"));
    QCOMPARE(tie->stage, 15);
    QCOMPARE(tie->probability, 0.5);
  }

  // 1-3 holds no precise stage: no constrained call (and every call lies outside it).
  void range1to3GivesNone() {
    QVERIFY(!constrainToRange(probs({{4, 1.0f}}), range("1-3")));
    QVERIFY(!constrainable(range("1-3")));
    QVERIFY(constrainable(range("4-6")));
    QVERIFY(outsideRange(4, range("1-3")));
    QVERIFY(outsideRange(13, range("11-12")));
    QVERIFY(!outsideRange(12, range("11-12")));
  }

  // No probability inside the range (underflow): uniform over it, said by rangeMass 0.
  void zeroMassGivesUniform() {
    const auto c = constrainToRange(probs({{4, 1.0f}}), range("11-12"));
    QCOMPARE(c->stage, 11);
    QCOMPARE(c->probability, 0.5);
    QCOMPARE(c->rangeMass, 0.0);
    QCOMPARE(c->probabilities, probs({{11, 0.5f}, {12, 0.5f}}));
  }

  void storedProbabilitiesAndTheMassOutside() {
    const auto a = probs({{9, 0.25f}, {10, 0.5f}, {11, 0.25f}});
    const std::vector<float> v(a.begin(), a.end());
    QCOMPARE(constrainToRange(v, range("9-10"))->stage, 10);
    QCOMPARE(constrainToRange(v, range("9-10"))->probability, 2.0 / 3.0);
    QCOMPARE(massOutside(v, range("9-10")), 0.25);
    QCOMPARE(massOutside(v, range("4-6")), 1.0);
    QCOMPARE(test::errorText([&] { constrainToRange(std::vector<float>(13, 0.f), range("4-6")); }),
             QStringLiteral("a prediction has 13 probabilities, not 14 (stages 4..17); predict "
                            "again with this run"));
  }
};

QTEST_GUILESS_MAIN(RangeConstraintTest)
#include "RangeConstraintTest.moc"
