// image/Segmentation, the first step of standardization, on the real BDGP samples: the
// embryo's mask, outline and background colour, and where it maps back to the input.
// Values were measured on the samples with the code as it was in Standardizer.cpp (the
// split changed nothing: StandardizerTest::splitIntoSegmentationAndOrientationChangedNothing).

#include <QtTest>

#include <cstdio>
#include <functional>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "data/ImageIo.h"
#include "image/Segmentation.h"
#include "image/Standardizer.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using flystage::Segmentation;
using flystage::segmentEmbryo;

namespace {

cv::Mat load(const std::string& name) {
  return flystage::readImage(flystage::test::samplesDir() / name).bgr;
}

// The outline's bounding box in input pixels (rounded), through Segmentation::toInput.
cv::Rect inputBox(const Segmentation& s) {
  const cv::Rect w = cv::boundingRect(s.contour);
  const cv::Point2d tl = s.toInput(w.tl()), br = s.toInput(w.br() - cv::Point(1, 1));
  return cv::Rect(cv::Point(cvRound(tl.x), cvRound(tl.y)),
                  cv::Point(cvRound(br.x) + 1, cvRound(br.y) + 1));
}

}  // namespace

class SegmentationTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void aCropIsSegmentedAtFullScale();
  void aLargeImageIsSegmentedAtWorkScale();
  void aSmallEmbryoInALargeImageIsSegmentedAgainCloseUp();
  void theStandardizersMaskIsTheSegmentation();
  void noEmbryoIsExplained();
};

void SegmentationTest::aCropIsSegmentedAtFullScale() {
  // 336 x 144, under the 400-pixel working size: segmented as it is.
  const cv::Mat image = load("range11-12_1.png");
  const Segmentation s = segmentEmbryo(image);
  QCOMPARE(s.scale, 1.0);
  QCOMPARE(s.offset, cv::Point(0, 0));
  QCOMPARE(s.work.size(), image.size());
  QCOMPARE(cv::countNonZero(s.inputMask(image.size())), 32659);  // 67% of the crop
  QCOMPARE(inputBox(s), cv::Rect(7, 7, 322, 130));
  QCOMPARE(s.background, cv::Scalar(255, 255, 255));  // BDGP's crops are on white
}

void SegmentationTest::aLargeImageIsSegmentedAtWorkScale() {
  // 951 x 384: worked on at 400 x 162; the outline maps back to input pixels.
  const cv::Mat image = load("unlabeled_0.png");
  const Segmentation s = segmentEmbryo(image);
  QCOMPARE(s.scale, 400.0 / 951);
  QCOMPARE(s.work.size(), cv::Size(400, 162));
  QCOMPARE(s.offset, cv::Point(0, 0));
  const cv::Mat mask = s.inputMask(image.size());
  QCOMPARE(mask.size(), image.size());
  QCOMPARE(cv::countNonZero(mask), 284815);  // 78% of the image
  QCOMPARE(inputBox(s), cv::Rect(1, 1, 949, 383));
  QCOMPARE(s.background, cv::Scalar(254, 242, 242));  // a pinkish background, not white
}

void SegmentationTest::aSmallEmbryoInALargeImageIsSegmentedAgainCloseUp() {
  // A crop in a wide white frame: found at 400 / 1933 of its size, then segmented again in a
  // region around it, closer up (scale 0.64, the region's corner as offset). The outline
  // lands within a pixel of the crop's own, shifted by the frame.
  const cv::Mat crop = load("range4-6_0.png");
  const cv::Rect own = inputBox(segmentEmbryo(crop));
  QCOMPARE(own, cv::Rect(7, 0, 319, 129));
  cv::Mat framed;
  cv::copyMakeBorder(crop, framed, 500, 500, 900, 700, cv::BORDER_CONSTANT,
                     cv::Scalar(255, 255, 255));
  const Segmentation s = segmentEmbryo(framed);
  QCOMPARE(framed.size(), cv::Size(1933, 1136));
  QVERIFY2(s.scale > 0.63 && s.scale < 0.64, QByteArray::number(s.scale).constData());
  QCOMPARE(s.offset, cv::Point(751, 340));
  QCOMPARE(inputBox(s), cv::Rect(907, 499, 319, 130));
  QCOMPARE(cv::countNonZero(s.inputMask(framed.size())), 32153);  // 32007 in the crop itself
}

void SegmentationTest::theStandardizersMaskIsTheSegmentation() {
  for (const char* name : {"unlabeled_1.png", "range7-8_0.png"}) {
    const cv::Mat image = load(name);
    const cv::Mat a = flystage::Standardizer().segment(image);
    const cv::Mat b = segmentEmbryo(image).inputMask(image.size());
    QVERIFY2(a.size() == b.size() && cv::norm(a, b, cv::NORM_INF) == 0, name);
  }
}

void SegmentationTest::noEmbryoIsExplained() {
  const cv::Mat white(144, 336, CV_8UC3, cv::Scalar(255, 255, 255));
  QCOMPARE(flystage::test::errorOf([&] { segmentEmbryo(white); }),
           std::string("no embryo found: the image has no object darker than its background; "
                       "check that it is a bright-field ISH image of an embryo on a light "
                       "background"));
  const cv::Mat tiny(10, 12, CV_8UC3, cv::Scalar(0, 0, 0));
  QCOMPARE(flystage::test::errorOf([&] { segmentEmbryo(tiny); }),
           std::string("cannot standardize: the image is smaller than 16 x 16 pixels; use the "
                       "original"));
  const cv::Mat grey(144, 336, CV_8UC1, cv::Scalar(128));
  QCOMPARE(flystage::test::errorOf([&] { segmentEmbryo(grey); }),
           std::string("cannot standardize: expected an 8-bit colour (BGR) image; read it with "
                       "readImage"));
}

QTEST_GUILESS_MAIN(SegmentationTest)
#include "SegmentationTest.moc"
