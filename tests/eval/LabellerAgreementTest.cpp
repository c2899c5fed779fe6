#include <QtTest>

#include <cmath>

#include "eval/LabellerAgreement.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;

namespace {

std::vector<LabellerVote> votesOf(const std::string& who,
                                  std::initializer_list<std::pair<std::int64_t, int>> stages) {
  std::vector<LabellerVote> out;
  for (const auto& [image, stage] : stages) out.push_back({image, who, stage});
  return out;
}

std::vector<LabellerVote> join(std::vector<LabellerVote> a, const std::vector<LabellerVote>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

int at(const Agreement& g, int stageA, int stageB) {
  return g.confusion[fineStageIndex(stageA)][fineStageIndex(stageB)];
}

}  // namespace

// Issue 18, finding 5: labeller agreement (Cohen's kappa weighted by stage distance).
class LabellerAgreementTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void weightedKappaOfAKnownTable() {
    // By hand, weights 1 - |i - j| / 13: p_o = (3 + 12/13) / 4 = 51/52; marginals a (1/2, 1/4,
    // 1/4), b (1/4, 1/2, 1/4) on stages 4, 5, 6 give p_e = 97/104; kappa = (51/52 - 97/104) /
    // (1 - 97/104) = 5/7.
    const Agreement g = agreementOf("a", "b", {{1, 4, 4}, {2, 5, 5}, {3, 4, 5}, {4, 6, 6}});
    QCOMPARE(g.images, 4);
    QVERIFY(std::abs(g.kappa - 5.0 / 7.0) < 1e-12);
    QCOMPARE(g.exact, 0.75);
    QVERIFY(g.kappaInterval.lo <= g.kappa && g.kappa <= g.kappaInterval.hi);
    QVERIFY(g.kappaInterval.lo < g.kappaInterval.hi);
    QCOMPARE(g.kappaInterval.n, 4);

    // Identical votes over several stages: 1, with an interval of 1 alone.
    const Agreement same = agreementOf("a", "b", {{1, 4, 4}, {2, 9, 9}, {3, 17, 17}});
    QCOMPARE(same.kappa, 1.0);
    QCOMPARE(same.exact, 1.0);
    QCOMPARE(same.kappaInterval.lo, 1.0);
    QCOMPARE(same.kappaInterval.hi, 1.0);
    // Agreement no better than chance: 0; the farthest disagreement is below chance.
    QCOMPARE(agreementOf("a", "b", {{1, 4, 4}, {2, 17, 17}, {3, 4, 17}, {4, 17, 4}}).kappa, 0.0);
    QVERIFY(agreementOf("a", "b", {{1, 4, 17}, {2, 17, 4}}).kappa < 0);
    // Stage distance counts: one stage off agrees more than ten stages off.
    const double near = agreementOf("a", "b", {{1, 4, 4}, {2, 15, 15}, {3, 4, 5}}).kappa;
    const double far = agreementOf("a", "b", {{1, 4, 4}, {2, 15, 15}, {3, 4, 14}}).kappa;
    QVERIFY2(near > far, qPrintable(QStringLiteral("%1 vs %2").arg(near).arg(far)));
    // The same seed gives the same interval.
    const Agreement again = agreementOf("a", "b", {{1, 4, 4}, {2, 5, 5}, {3, 4, 5}, {4, 6, 6}});
    QCOMPARE(again.kappaInterval.lo, g.kappaInterval.lo);
    QCOMPARE(again.kappaInterval.hi, g.kappaInterval.hi);
    // A stage the model does not call is refused by name.
    QCOMPARE(test::errorText([] {
               agreementOf("a", "b", {{7, 2, 4}});
             }),
             QStringLiteral("image #7: stage 2 is not one of the 14 stages 4..17 agreement is "
                            "measured on"));
    // No shared image: no figure.
    QVERIFY(std::isnan(agreementOf("a", "b", {}).kappa));
  }

  void perStageAndConfusion() {
    // Image 5: bob alone; image 6: alice says 2 (1-3, left out); carol shares nothing.
    const auto votes = join(join(votesOf("alice", {{1, 4}, {2, 5}, {3, 4}, {4, 6}, {6, 2}}),
                                 votesOf("bob", {{1, 4}, {2, 5}, {3, 5}, {4, 6}, {5, 9}, {6, 9}})),
                            votesOf("carol", {{5, 9}}));
    const Agreement g = labellerAgreement(votes, "alice", "bob");
    QCOMPARE(g.images, 4);
    QVERIFY(std::abs(g.kappa - 5.0 / 7.0) < 1e-12);
    // Stage s vs not s, by hand: 4 -> 1/2, 5 -> 1/2, 6 -> 1; stages neither used: none.
    QCOMPARE(g.perStageKappa[fineStageIndex(4)], 0.5);
    QCOMPARE(g.perStageKappa[fineStageIndex(5)], 0.5);
    QCOMPARE(g.perStageKappa[fineStageIndex(6)], 1.0);
    QVERIFY(std::isnan(g.perStageKappa[fineStageIndex(7)]));
    // Rows alice, columns bob.
    QCOMPARE(at(g, 4, 4), 1);
    QCOMPARE(at(g, 4, 5), 1);
    QCOMPARE(at(g, 5, 4), 0);
    QCOMPARE(at(g, 5, 5), 1);
    QCOMPARE(at(g, 6, 6), 1);
    int total = 0;
    for (const auto& row : g.confusion)
      for (int c : row) total += c;
    QCOMPARE(total, 4);

    // Every pair sharing an image, names ascending: alice/bob (4 images), bob/carol (1).
    const auto pairs = allPairs(votes);
    QCOMPARE(pairs.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(pairs[0].a + "/" + pairs[0].b), QStringLiteral("alice/bob"));
    QCOMPARE(QString::fromStdString(pairs[1].a + "/" + pairs[1].b), QStringLiteral("bob/carol"));
    QCOMPARE(pairs[1].images, 1);
    QCOMPARE(pairs[1].kappa, 1.0);
    QVERIFY(allPairs(votesOf("alice", {{1, 4}, {2, 5}})).empty());
  }

  void modelBesideLabellers() {
    const auto votes = join(votesOf("alice", {{1, 4}, {2, 5}, {3, 4}, {4, 6}, {5, 12}}),
                            votesOf("bob", {{1, 4}, {2, 5}, {3, 5}, {4, 6}}));
    // The run calls images 1-4 and 5 (which only alice staged: not counted), as alice on 1, 3,
    // 4 and 5 and as bob on 1, 2, 4; image 2 it calls 5 (both), image 3 it calls 4 (alice).
    const std::vector<StoredPrediction> run = {
        test::predictionOf(1, {{4, 0.9f}}), test::predictionOf(2, {{5, 0.9f}}),
        test::predictionOf(3, {{4, 0.9f}}), test::predictionOf(4, {{6, 0.9f}}),
        test::predictionOf(5, {{12, 0.9f}})};
    const Agreement withAlice = modelAgreement(run, votes, "alice", "bob", "run #4");
    QCOMPARE(withAlice.images, 4);
    QCOMPARE(QString::fromStdString(withAlice.b), QStringLiteral("run #4"));
    QCOMPARE(withAlice.kappa, 1.0);  // the run says what alice said on all four
    const Agreement withBob = modelAgreement(run, votes, "bob", "alice", "run #4");
    QCOMPARE(withBob.images, 4);
    QCOMPARE(withBob.exact, 0.75);
    // bob (rows) against the run (columns) is alice's table transposed: the same kappa.
    QVERIFY(std::abs(withBob.kappa - 5.0 / 7.0) < 1e-12);
    QCOMPARE(at(withBob, 5, 4), 1);
    // The labellers' own figure on the images the run predicted.
    const Agreement humans = labellerAgreementOn(run, votes, "alice", "bob");
    QCOMPARE(humans.images, 4);
    QVERIFY(std::abs(humans.kappa - 5.0 / 7.0) < 1e-12);
    // A run that predicted only images 1 and 2.
    const Agreement part = modelAgreement({run[0], run[1]}, votes, "bob", "alice", "run #4");
    QCOMPARE(part.images, 2);
  }
};

QTEST_GUILESS_MAIN(LabellerAgreementTest)
#include "LabellerAgreementTest.moc"
