#include <QtTest>

#include "data/Stage.h"
#include "eval/LabelQueue.h"
#include "model/StoredPredictions.h"
#include "util/Error.h"

using namespace flystage;

namespace {

// A prediction with probability mass `p` on the given stages (the rest spread evenly).
StoredPrediction prediction(std::int64_t id, std::map<int, float> p) {
  StoredPrediction pr;
  pr.imageId = id;
  float used = 0;
  for (const auto& [stage, v] : p) used += v;
  const float rest = (1.0f - used) / static_cast<float>(kNumFineStages - p.size());
  pr.probabilities.assign(kNumFineStages, rest);
  for (const auto& [stage, v] : p) pr.probabilities[stage - kMinFineStage] = v;
  int best = 0;
  for (int i = 1; i < kNumFineStages; ++i)
    if (pr.probabilities[i] > pr.probabilities[best]) best = i;
  pr.stage = best + kMinFineStage;
  pr.probability = pr.probabilities[best];
  return pr;
}

std::vector<std::int64_t> ids(const std::vector<QueueEntry>& q) {
  std::vector<std::int64_t> out;
  for (const auto& e : q) out.push_back(e.imageId);
  return out;
}

const StageRange r11_12 = *parseStageRange("11-12");
const StageRange r4_6 = *parseStageRange("4-6");
const StageRange r1_3 = *parseStageRange("1-3");

}  // namespace

class LabelQueueTest : public QObject {
  Q_OBJECT

  std::vector<StoredPrediction> preds_;
  std::map<std::int64_t, Label> labels_;

 private Q_SLOTS:
  void init() {
    preds_ = {
        prediction(1, {{12, 0.90f}, {11, 0.05f}}),  // sure, unlabelled
        prediction(2, {{12, 0.40f}, {11, 0.38f}}),  // on the 11/12 boundary, range 11-12
        prediction(3, {{5, 0.30f}, {9, 0.10f}}),    // unsure, range 11-12: disagrees
        prediction(4, {{7, 0.55f}, {8, 0.40f}}),    // has a precise stage: never queued
        prediction(5, {{9, 0.60f}, {10, 0.30f}}),   // range 4-6, predicted 9: disagrees
        prediction(6, {{5, 0.50f}, {6, 0.45f}}),    // range 1-3: never queued
        prediction(7, {{12, 0.40f}, {11, 0.38f}}),  // same as 2: the tie goes by id
    };
    labels_ = {{2, labelForRange(r11_12, LabelSource::Import)},
               {3, labelForRange(r11_12, LabelSource::Import)},
               {4, labelForStage(7, LabelSource::User)},
               {5, labelForRange(r4_6, LabelSource::User)},
               {6, labelForRange(r1_3, LabelSource::Import)}};
  }

  void leastConfidentFirst() {
    const auto q = rankForLabelling(preds_, labels_, QueueStrategy::LeastConfident);
    // Confidences: 3: 0.30, 2 and 7: 0.40, 5: 0.60, 1: 0.90; 4 is stage-labelled, 6 is 1-3.
    QCOMPARE(ids(q), (std::vector<std::int64_t>{3, 2, 7, 5, 1}));
    QCOMPARE(q[0].predictedStage, 5);
    QVERIFY(std::abs(q[0].confidence - 0.30) < 1e-6);
    QVERIFY(std::abs(q[0].score - 0.70) < 1e-6);
    QCOMPARE(q.back().predictedStage, 12);
  }

  void stageBoundaryByTheTopTwoMargin() {
    const auto q = rankForLabelling(preds_, labels_, QueueStrategy::StageBoundary);
    // Margins: 2 and 7: 0.02, 3: 0.20, 5: 0.30, 1: 0.85 (6, range 1-3, is left out).
    QCOMPARE(ids(q), (std::vector<std::int64_t>{2, 7, 3, 5, 1}));
    QCOMPARE(q[0].predictedStage, 12);
    QCOMPARE(q[0].runnerUpStage, 11);
    QVERIFY(std::abs(q[0].margin - 0.02) < 1e-6);
    QCOMPARE(q[2].runnerUpStage, 9);
  }

  void rangeDisagreementKeepsOnlyPredictionsOutsideTheRange() {
    const auto q = rankForLabelling(preds_, labels_, QueueStrategy::RangeDisagreement);
    // 3 (range 11-12) and 5 (range 4-6) are predicted outside; 2 inside; 1 and 7 have no
    // range; 6's range 1-3 has no fine stage.
    QCOMPARE(ids(q).size(), std::size_t(2));
    const auto& p3 = preds_[2].probabilities;
    const double outside3 = 1.0 - p3[11 - kMinFineStage] - p3[12 - kMinFineStage];
    const auto& p5 = preds_[4].probabilities;
    const double outside5 =
        1.0 - p5[4 - kMinFineStage] - p5[5 - kMinFineStage] - p5[6 - kMinFineStage];
    QVERIFY(outside5 > outside3);  // 0.6 + 0.3 + ... vs 0.3 + 0.1 + ...
    QCOMPARE(ids(q), (std::vector<std::int64_t>{5, 3}));
    QVERIFY(std::abs(q[0].outsideRange - outside5) < 1e-6);
    QVERIFY(std::abs(q[1].score - outside3) < 1e-6);
  }

  // Issue 16: a 1-3 image was queued by LeastConfident and StageBoundary (its 0.50/0.45 made
  // it the third candidate near a stage boundary), though no label of it can teach the model a
  // stage 4..17. Whatever its prediction, it is never queued.
  void rangeOneToThreeIsNeverQueued() {
    auto preds = preds_;
    preds.push_back(prediction(8, {{4, 0.26f}, {5, 0.25f}}));  // the least sure of all, 1-3
    auto labels = labels_;
    labels[8] = labelForRange(r1_3, LabelSource::User);
    for (auto s : {QueueStrategy::LeastConfident, QueueStrategy::StageBoundary,
                   QueueStrategy::RangeDisagreement}) {
      const auto q = rankForLabelling(preds, labels, s);
      for (const auto& e : q)
        QVERIFY2(e.imageId != 6 && e.imageId != 8, queueStrategyName(s).c_str());
    }
    QCOMPARE(ids(rankForLabelling(preds, labels, QueueStrategy::LeastConfident)),
             (std::vector<std::int64_t>{3, 2, 7, 5, 1}));
    // Unlabelled, the same prediction is the first to label.
    labels.erase(8);
    QCOMPARE(rankForLabelling(preds, labels, QueueStrategy::LeastConfident).front().imageId,
             std::int64_t(8));
  }

  // Issue 16 (with finding 1): the queue ranks the call the browser shows, the range-
  // constrained one; "disagrees with its range" stays about the model's own call.
  void queueRanksTheConstrainedCall() {
    // Range 11-12, the model says 5 (0.50); inside the range 11 (0.20) and 12 (0.15), the
    // other eleven stages 0.15 / 11 each: constrained, 11 at 0.20 / 0.35 and 12 at 0.15 / 0.35.
    StoredPrediction pr = prediction(10, {{5, 0.50f}, {11, 0.20f}, {12, 0.15f}});
    constrainPrediction(pr, r11_12);
    QCOMPARE(pr.stage, 5);
    QCOMPARE(pr.call(), 11);
    const std::map<std::int64_t, Label> labels = {{10, labelForRange(r11_12, LabelSource::Import)}};
    const auto least = rankForLabelling({pr}, labels, QueueStrategy::LeastConfident);
    QCOMPARE(least.size(), std::size_t(1));
    QCOMPARE(least[0].predictedStage, 11);
    QCOMPARE(least[0].runnerUpStage, 12);
    QVERIFY(std::abs(least[0].confidence - 0.20 / 0.35) < 1e-5);
    QVERIFY(std::abs(least[0].score - (1 - 0.20 / 0.35)) < 1e-5);
    const auto boundary = rankForLabelling({pr}, labels, QueueStrategy::StageBoundary);
    QVERIFY(std::abs(boundary[0].margin - 0.05 / 0.35) < 1e-5);
    // The model's own call, 5, is outside 11-12: 0.65 of its probability lies outside.
    const auto disagree = rankForLabelling({pr}, labels, QueueStrategy::RangeDisagreement);
    QCOMPARE(disagree.size(), std::size_t(1));
    QCOMPARE(disagree[0].predictedStage, 5);
    QVERIFY(std::abs(disagree[0].score - 0.65) < 1e-5);
    QVERIFY(std::abs(least[0].outsideRange - 0.65) < 1e-5);
  }

  void emptyAndBadInput() {
    QVERIFY(rankForLabelling({}, labels_, QueueStrategy::LeastConfident).empty());
    auto bad = preds_;
    bad[1].probabilities.resize(6);
    try {
      rankForLabelling(bad, labels_, QueueStrategy::LeastConfident);
      QFAIL("a prediction with 6 probabilities was accepted");
    } catch (const Error& e) {
      QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("image #2")), e.what());
    }
  }

  void namesRoundTrip() {
    for (auto s : {QueueStrategy::LeastConfident, QueueStrategy::StageBoundary,
                   QueueStrategy::RangeDisagreement, QueueStrategy::LabellerConflict})
      QCOMPARE(parseQueueStrategy(queueStrategyName(s)), std::optional<QueueStrategy>(s));
    QCOMPARE(parseQueueStrategy("labeller-conflict"),
             std::optional<QueueStrategy>(QueueStrategy::LabellerConflict));
    QVERIFY(!parseQueueStrategy("random"));
  }

  // Issue 18, finding 5: the images whose labellers disagree, the farthest apart first.
  void conflictsFirstByStageDistance() {
    const std::vector<LabellerVote> votes = {
        {1, "alice", 10}, {1, "bob", 10},                     // agree: not queued
        {2, "alice", 9},  {2, "bob", 11},                     // 2 apart
        {3, "alice", 5},  {3, "bob", 6},  {3, "import", 12},  // 7 apart (5 vs 12)
        {4, "alice", 14}, {4, "bob", 12},                     // 2 apart: after 2 by id
        {5, "alice", 7},                                      // one labeller: not queued
    };
    const auto q = rankLabellerConflicts(votes);
    QCOMPARE(ids(q), (std::vector<std::int64_t>{3, 2, 4}));
    QCOMPARE(q[0].score, 7.0 / 16.0);
    QCOMPARE(q[0].predictedStage, 5);
    QCOMPARE(q[0].runnerUpStage, 12);
    QCOMPARE(q[1].score, 2.0 / 16.0);
    QCOMPARE(q[2].predictedStage, 12);
    QCOMPARE(q[2].runnerUpStage, 14);
    QVERIFY(rankLabellerConflicts({}).empty());
    // The prediction-based ranking has nothing to say about labellers.
    QVERIFY(rankForLabelling(preds_, labels_, QueueStrategy::LabellerConflict).empty());
  }
};

QTEST_GUILESS_MAIN(LabelQueueTest)
#include "LabelQueueTest.moc"
