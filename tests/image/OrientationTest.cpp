// image/Orientation: the shape cues that decide the flips and their confidence, measured on
// the masks of the real BDGP crops (anterior left, dorsal up) and their mirror images.
// Values were measured with the code as it was in Standardizer.cpp (the split changed
// nothing: StandardizerTest::splitIntoSegmentationAndOrientationChangedNothing).

#include <QtTest>

#include <cmath>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "data/ImageIo.h"
#include "image/Orientation.h"
#include "image/Segmentation.h"
#include "support/TestSupport.h"

using namespace flystage;

namespace {

// The crop's embryo mask: the crops are standardized already (axis horizontal).
cv::Mat cropMask(const std::string& name) {
  const cv::Mat image = readImage(test::samplesDir() / name).bgr;
  return segmentEmbryo(image).inputMask(image.size());
}

// Cues as the pipeline measures a cropped embryo. Uncut: the output lies well inside a much
// larger input, so the input goes on beyond every edge. Passthrough (`edgeIsInput`): the
// output is the whole input, so beyond its edge there is nothing.
OrientationCues cuesOf(const cv::Mat& mask, bool edgeIsInput = false) {
  if (edgeIsInput) return measureOrientationCues(mask, cv::Matx23d(1, 0, 0, 0, 1, 0), mask.size());
  return measureOrientationCues(mask, cv::Matx23d(1, 0, 1000, 0, 1, 1000),
                                mask.size() + cv::Size(2000, 2000));
}

cv::Mat flipped(const cv::Mat& m, int code) {
  cv::Mat out;
  cv::flip(m, out, code);
  return out;
}

bool near(double a, double b, double tolerance = 5e-7) {
  return std::abs(a - b) <= tolerance;
}

}  // namespace

class OrientationTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void aReferenceCropIsLeftAsItIs();
  void mirroredMasksFlipExactlyTheMirroredAxis();
  void unsureCuesLeaveTheEmbryoAsItCame();
  void theThresholdIsInclusiveAndMayFlipGatesOnlyFlips();
  void aCutOutlineIsTrustedLess();
  void aCutAtTheOutputEdgeIsStillCut();
  void aTinyMaskHasNoCues();
  void flipImageFlipsInPlace();
};

void OrientationTest::aReferenceCropIsLeftAsItIs() {
  // range11-12_1: a clearly thinner anterior pole on the left and a flatter dorsal side up.
  const OrientationCues c = cuesOf(cropMask("range11-12_1.png"));
  QVERIFY2(near(c.ap, -0.112051), QByteArray::number(c.ap).constData());
  QVERIFY2(near(c.dv, 0.333958), QByteArray::number(c.dv).constData());
  QCOMPARE(c.apReliability, 1.0);
  QCOMPARE(c.dvReliability, 1.0);
  const OrientationDecision d = decideOrientation(c, true);
  QCOMPARE(d.apConfidence, 1.0);
  QCOMPARE(d.dvConfidence, 1.0);
  QVERIFY(!d.flipHorizontal && !d.flipVertical);
}

void OrientationTest::mirroredMasksFlipExactlyTheMirroredAxis() {
  for (const char* name : {"range11-12_1.png", "range7-8_1.png", "range13-17_1.png"}) {
    const cv::Mat mask = cropMask(name);
    const OrientationCues plain = cuesOf(mask);
    const struct {
      int code;
      bool h, v;
    } cases[] = {{1, true, false}, {0, false, true}, {-1, true, true}};
    for (const auto& c : cases) {
      const OrientationCues m = cuesOf(flipped(mask, c.code));
      // A mirror swaps the cue's sign and keeps its strength.
      QVERIFY2(near(m.ap, c.h ? -plain.ap : plain.ap, 1e-9), name);
      QVERIFY2(near(m.dv, c.v ? -plain.dv : plain.dv, 1e-9), name);
      const OrientationDecision d = decideOrientation(m, true);
      QVERIFY2(d.flipHorizontal == c.h && d.flipVertical == c.v, name);
    }
  }
}

void OrientationTest::unsureCuesLeaveTheEmbryoAsItCame() {
  // range4-6_1 is nearly symmetric: both cues far below the flip threshold, so even turned
  // 180 degrees it is left alone (a wrong flip is worse than none).
  const cv::Mat mask = cropMask("range4-6_1.png");
  const OrientationCues c = cuesOf(mask);
  QVERIFY2(near(c.ap, -0.023256), QByteArray::number(c.ap).constData());
  QVERIFY2(near(c.dv, -0.021830), QByteArray::number(c.dv).constData());
  const OrientationDecision d = decideOrientation(cuesOf(flipped(mask, -1)), true);
  QVERIFY2(near(d.apConfidence, 0.023256 / 0.1, 5e-6),
           QByteArray::number(d.apConfidence).constData());
  QVERIFY2(near(d.dvConfidence, 0.021830 / 0.3, 2e-6),
           QByteArray::number(d.dvConfidence).constData());
  QVERIFY(!d.flipHorizontal && !d.flipVertical);
  // range4-6_0: only the DV cue is sure (0.59); the AP cue (0.48) stays just under.
  const OrientationDecision one =
      decideOrientation(cuesOf(flipped(cropMask("range4-6_0.png"), -1)), true);
  QVERIFY(!one.flipHorizontal && one.flipVertical);
  QVERIFY2(near(one.apConfidence, 0.047828 / 0.1, 5e-6),
           QByteArray::number(one.apConfidence).constData());
}

void OrientationTest::theThresholdIsInclusiveAndMayFlipGatesOnlyFlips() {
  // Confidence = reliability x min(1, |score| / full score); full scores 0.10 (AP), 0.30 (DV).
  OrientationCues c;
  c.ap = 0.05;
  c.dv = -0.15;
  c.apReliability = c.dvReliability = 1;
  OrientationDecision d = decideOrientation(c, true);
  QCOMPARE(d.apConfidence, kFlipConfidence);
  QCOMPARE(d.dvConfidence, kFlipConfidence);
  QVERIFY(d.flipHorizontal && d.flipVertical);
  // Passthrough or automatic orientation off: the same confidences, no flips.
  d = decideOrientation(c, false);
  QCOMPARE(d.apConfidence, kFlipConfidence);
  QVERIFY(!d.flipHorizontal && !d.flipVertical);
  // Just under, or the right way round already: no flip.
  c.ap = 0.0499;
  c.dv = 0.9;
  d = decideOrientation(c, true);
  QVERIFY(!d.flipHorizontal && !d.flipVertical);
  // A strong cue on a half-cut outline counts half.
  c.ap = 0.4;
  c.apReliability = 0.4;
  d = decideOrientation(c, true);
  QCOMPARE(d.apConfidence, 0.4);
  QVERIFY(!d.flipHorizontal);
}

void OrientationTest::aCutOutlineIsTrustedLess() {
  // Told that the mask's edge is the input's edge (a passthrough crop), range1-3_0's sides
  // touch the top and bottom: cut, so its DV cue is not trusted at all (0.30 otherwise).
  const cv::Mat mask = cropMask("range1-3_0.png");
  const OrientationCues whole = cuesOf(mask, false), cut = cuesOf(mask, true);
  QCOMPARE(whole.dvReliability, 1.0);
  QCOMPARE(cut.dvReliability, 0.0);
  QCOMPARE(cut.apReliability, 1.0);
  QVERIFY(near(decideOrientation(whole, true).dvConfidence, 0.090791 / 0.3, 2e-6));
  QCOMPARE(decideOrientation(cut, true).dvConfidence, 0.0);
  // range7-8_0's right pole touches the edge over part of its window: trusted 86%.
  const OrientationCues pole = cuesOf(cropMask("range7-8_0.png"), true);
  QVERIFY2(near(pole.apReliability, 0.8639, 5e-5),
           QByteArray::number(pole.apReliability).constData());
}

void OrientationTest::aCutAtTheOutputEdgeIsStillCut() {
  // A thick embryo fitted by its height with no margin (unlabeled_0.png): its outline's
  // extreme rows are the output's first and last rows, so the input's frame lies just beyond
  // the output's edge. Here the ellipse (centre 160, 75; semi-axes 159 x 74) is cut by the
  // input's bottom edge: it runs flat along output row 127 over most of the measured length,
  // so the bottom looks flatter than the top and the DV cue says "dorsal is down".
  cv::Mat mask = cv::Mat::zeros(128, 320, CV_8U);
  cv::ellipse(mask, {160, 75}, {159, 74}, 0, 0, 360, 255, cv::FILLED);
  int flat = 0;
  for (int x = 32; x <= 287; ++x) flat += mask.at<uchar>(127, x) != 0;
  QVERIFY2(flat > 200, QByteArray::number(flat).constData());  // 226 of the 256 measured
  // Output pixel (x, y) shows input pixel (x + 10, y + 10) of a 340 x 138 input: the input's
  // last row is output row 127, and it goes on 10 pixels beyond the output's other edges.
  const cv::Matx23d shift(1, 0, 10, 0, 1, 10);
  const OrientationCues c = measureOrientationCues(mask, shift, {340, 138});
  QVERIFY2(c.dv < -0.3, QByteArray::number(c.dv).constData());  // strong and wrong
  QCOMPARE(c.dvReliability, 0.0);
  const OrientationDecision d = decideOrientation(c, true);
  QCOMPARE(d.dvConfidence, 0.0);
  QVERIFY(!d.flipVertical);
  // The cut runs into the pole windows too (the outline's last 15% at each end).
  QVERIFY2(c.apReliability < 0.75, QByteArray::number(c.apReliability).constData());
  // The same mask where the input goes on below the output (as if the embryo's bottom really
  // were that flat) is trusted and flipped: the input's frame alone makes the difference.
  const OrientationCues whole = measureOrientationCues(mask, shift, {340, 150});
  QCOMPARE(whole.dv, c.dv);
  QCOMPARE(whole.dvReliability, 1.0);
  QCOMPARE(whole.apReliability, 1.0);
  QVERIFY(decideOrientation(whole, true).flipVertical);
}

void OrientationTest::aTinyMaskHasNoCues() {
  cv::Mat mask = cv::Mat::zeros(40, 60, CV_8U);
  cv::ellipse(mask, {30, 20}, {9, 5}, 0, 0, 360, 255, cv::FILLED);  // 19 pixels long
  const OrientationCues c = cuesOf(mask);
  QVERIFY(c.ap == 0 && c.dv == 0 && c.apReliability == 0 && c.dvReliability == 0);
}

void OrientationTest::flipImageFlipsInPlace() {
  const cv::Mat m = (cv::Mat_<uchar>(2, 3) << 1, 2, 3, 4, 5, 6);
  cv::Mat a = m.clone();
  flipImage(a, true, false);
  QCOMPARE(cv::Mat(a.row(0)).at<uchar>(0), uchar(3));
  QVERIFY(cv::norm(a, flipped(m, 1), cv::NORM_INF) == 0);
  a = m.clone();
  flipImage(a, false, true);
  QVERIFY(cv::norm(a, flipped(m, 0), cv::NORM_INF) == 0);
  a = m.clone();
  flipImage(a, true, true);
  QVERIFY(cv::norm(a, flipped(m, -1), cv::NORM_INF) == 0);
  a = m.clone();
  flipImage(a, false, false);
  QVERIFY(cv::norm(a, m, cv::NORM_INF) == 0);
}

QTEST_GUILESS_MAIN(OrientationTest)
#include "OrientationTest.moc"
