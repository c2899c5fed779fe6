#include <QtTest>

#include <set>

#include "train/ReferenceSet.h"

using namespace flystage;

class ReferenceSetTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void probabilityThreshold() {
    // 5 samples, 3 classes: probabilities per row.
    const std::vector<float> p = {0.9f, 0.05f, 0.05f,  // 0: class 0, confident
                                  0.6f, 0.3f,  0.1f,   // 1: class 0, below tau
                                  0.1f, 0.85f, 0.05f,  // 2: class 1, confident
                                  0.7f, 0.2f,  0.1f,   // 3: class 2, wrong (predicts 0)
                                  0.2f, 0.1f,  0.7f};  // 4: class 2, below tau 0.8
    const std::vector<int> y = {0, 0, 1, 2, 2};
    const auto c = referenceCandidates(p, 3, y, TauMode::Probability, 0.8);
    QCOMPARE(c.perClass[0], std::vector<int>({0}));
    QCOMPARE(c.perClass[1], std::vector<int>({2}));
    // No sample of class 2 passes: its most confident sample (for class 2) stands in.
    QCOMPARE(c.perClass[2], std::vector<int>({4}));
    QCOMPARE(c.fallback, std::vector<int>({2}));
    // tau 0.5: sample 1 joins class 0, sample 4 passes for class 2 on its own.
    const auto c2 = referenceCandidates(p, 3, y, TauMode::Probability, 0.5);
    QCOMPARE(c2.perClass[0], std::vector<int>({0, 1}));
    QVERIFY(c2.fallback.empty());
  }

  // A class with no candidate above tau: the authors' code falls back to every image of the
  // class; before, all reference sets repeated its single most confident image.
  void fallbackAllImagesOfTheClass() {
    const std::vector<float> p = {0.9f, 0.05f, 0.05f,  // 0: class 0, confident
                                  0.6f, 0.3f,  0.1f,   // 1: class 0, below tau
                                  0.1f, 0.85f, 0.05f,  // 2: class 1, confident
                                  0.7f, 0.2f,  0.1f,   // 3: class 2, wrong (predicts 0)
                                  0.2f, 0.1f,  0.7f,   // 4: class 2, below tau 0.8
                                  0.3f, 0.1f,  0.6f};  // 5: class 2, below tau 0.8
    const std::vector<int> y = {0, 0, 1, 2, 2, 2};
    const auto all =
        referenceCandidates(p, 3, y, TauMode::Probability, 0.8, ReferenceFallback::AllImages);
    QCOMPARE(all.perClass[0], std::vector<int>({0}));  // classes with a candidate: unchanged
    QCOMPARE(all.perClass[1], std::vector<int>({2}));
    QCOMPARE(all.perClass[2], std::vector<int>({3, 4, 5}));  // even the misclassified one
    QCOMPARE(all.fallback, std::vector<int>({2}));
    const auto best =
        referenceCandidates(p, 3, y, TauMode::Probability, 0.8, ReferenceFallback::BestImage);
    QCOMPARE(best.perClass[2], std::vector<int>({4}));
    QCOMPARE(best.fallback, std::vector<int>({2}));
    // The default is what stored runs trained with: the single best image.
    QCOMPARE(referenceCandidates(p, 3, y, TauMode::Probability, 0.8).perClass[2],
             std::vector<int>({4}));
    // With every class passing, the fallback does not matter.
    const auto low =
        referenceCandidates(p, 3, y, TauMode::Probability, 0.5, ReferenceFallback::AllImages);
    QCOMPARE(low.perClass[2], std::vector<int>({4, 5}));
    QVERIFY(low.fallback.empty());
    // A class without any sample stays empty either way (drawReferenceSets refuses it).
    const auto none = referenceCandidates({0.9f, 0.1f, 0.0f}, 3, {0}, TauMode::Probability, 0.8,
                                          ReferenceFallback::AllImages);
    QVERIFY(none.perClass[1].empty() && none.perClass[2].empty());
    QVERIFY(none.fallback.empty());
  }

  void logitMarginThreshold() {
    const std::vector<float> logits = {5, 1, 0,    // margin 4
                                       3, 1, 0.5,  // margin 2
                                       0, 6, 2};   // margin 4
    const auto c = referenceCandidates(logits, 3, {0, 0, 1}, TauMode::LogitMargin, 3.0);
    QCOMPARE(c.perClass[0], std::vector<int>({0}));
    QCOMPARE(c.perClass[1], std::vector<int>({2}));
    QVERIFY(c.perClass[2].empty());  // no sample of class 2 at all
  }

  void setsHoldOneCandidatePerClassAndAreSeeded() {
    ReferenceCandidates c;
    c.perClass = {{0, 1, 2}, {3}, {4, 5}};
    const auto a = drawReferenceSets(c, 50, 9);
    const auto b = drawReferenceSets(c, 50, 9);
    QCOMPARE(a, b);
    QVERIFY(a != drawReferenceSets(c, 50, 10));
    std::set<int> seen0;
    for (const auto& set : a) {
      QCOMPARE(set.size(), std::size_t(3));
      QVERIFY(set[0] >= 0 && set[0] <= 2);
      QCOMPARE(set[1], 3);
      QVERIFY(set[2] == 4 || set[2] == 5);
      seen0.insert(set[0]);
    }
    QCOMPARE(seen0.size(), std::size_t(3));  // every candidate gets drawn in 50 sets
    c.perClass[1].clear();
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, drawReferenceSets(c, 1, 1));
  }
};

QTEST_GUILESS_MAIN(ReferenceSetTest)
#include "ReferenceSetTest.moc"
