#include <QtTest>

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "data/ImageIo.h"
#include "data/LabelsCsv.h"
#include "image/Standardizer.h"
#include "importer/Importer.h"
#include "interpret/ExpressionMap.h"
#include "interpret/StageGems.h"
#include "interpret/StainIntensity.h"
#include "store/ImageList.h"
#include "store/Project.h"
#include "support/TestSupport.h"
#include "synth/DemoDataset.h"
#include "util/Error.h"

using namespace flystage;

class ExpressionMapTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void stainDensityIsTheBlueOpticalDensityExcess() {
    cv::Mat px(1, 4, CV_8UC3);
    px.at<cv::Vec3b>(0, 0) = {200, 200, 200};  // grey tissue (BGR)
    px.at<cv::Vec3b>(0, 1) = {160, 70, 90};    // blue-violet stain
    px.at<cv::Vec3b>(0, 2) = {120, 200, 210};  // yellowish tissue
    px.at<cv::Vec3b>(0, 3) = {255, 255, 255};  // bright field
    const cv::Mat d = stainDensity(px);
    QCOMPARE(d.at<float>(0, 0), 0.0f);
    QCOMPARE(d.at<float>(0, 3), 0.0f);
    QCOMPARE(d.at<float>(0, 2), 0.0f);  // clipped: absorbs blue, not stain
    const double expected = std::log10(161.0) - 0.5 * (std::log10(71.0) + std::log10(91.0));
    QVERIFY(std::abs(d.at<float>(0, 1) - expected) < 1e-5);
  }

  void normalizationScalesEachImageToItsOwnStain() {
    const cv::Mat image = test::standardizedSample("range11-12_0.png");
    const cv::Mat embryo = standardizedEmbryoMask(image);
    QVERIFY(static_cast<std::size_t>(cv::countNonZero(embryo)) > image.total() / 3);
    const cv::Mat e = normalizedExpression(image, embryo);
    double lo = 0, hi = 0;
    cv::minMaxLoc(e, &lo, &hi);
    QCOMPARE(lo, 0.0);
    QCOMPARE(hi, 1.0);  // a strongly stained embryo reaches 1 at its 99th percentile
    QVERIFY(std::abs(maskedQuantile(e, embryo, 0.99) - 1.0) < 1e-6);
    QCOMPARE(cv::countNonZero((e > 0) & (embryo == 0)), 0);  // nothing outside the embryo
    // An unstained grey embryo stays at 0: the floor keeps noise from being stretched.
    cv::Mat grey(image.size(), CV_8UC3, cv::Scalar(180, 182, 185));
    cv::randn(grey, cv::Scalar(180, 182, 185), cv::Scalar(3, 3, 3));
    const cv::Mat g = normalizedExpression(grey, {});
    cv::minMaxLoc(g, nullptr, &hi);
    QVERIFY(hi < 0.3);
  }

  void gemOfIdenticalImagesIsTheImage() {
    const cv::Mat image = test::standardizedSample("range13-17_1.png");
    const cv::Mat embryo = standardizedEmbryoMask(image);
    const cv::Mat e = normalizedExpression(image, embryo);
    ExpressionMapBuilder b(image.rows, image.cols);
    for (int i = 0; i < 5; ++i) b.add(e, embryo);
    const ExpressionMap gem = b.result(14);
    QCOMPARE(gem.images, 5);
    QCOMPARE(gem.stage, 14);
    for (int y = 0; y < e.rows; ++y)
      for (int x = 0; x < e.cols; ++x) {
        const float v = gem.mean.at<float>(y, x);
        if (embryo.at<std::uint8_t>(y, x)) {
          QVERIFY(std::abs(v - e.at<float>(y, x)) < 1e-6);
          QCOMPARE(gem.coverage.at<float>(y, x), 1.0f);
        } else {
          QVERIFY(std::isnan(v));  // no image covers it
        }
      }
    QCOMPARE(cv::countNonZero(gem.outline()), cv::countNonZero(embryo));
  }

  void allOnesMaskGivesTheUnmaskedGem() {
    ExpressionMapBuilder plain(128, 320), ones(128, 320), half(128, 320), secondOnly(128, 320);
    const char* names[] = {"range11-12_0.png", "range13-17_1.png", "range9-10_0.png"};
    const cv::Mat one(128, 320, CV_32F, cv::Scalar(1)), zero(128, 320, CV_32F, cv::Scalar(0));
    int i = 0;
    for (const char* n : names) {
      const cv::Mat image = test::standardizedSample(n);
      const cv::Mat embryo = standardizedEmbryoMask(image);
      const cv::Mat e = normalizedExpression(image, embryo);
      plain.add(e, embryo);
      ones.add(e, embryo, one);
      half.add(e, embryo, i == 1 ? one : zero);  // only the second image counts
      if (i == 1) secondOnly.add(e, embryo);
      ++i;
    }
    const auto a = plain.result(), b = ones.result(), c = half.result(), d = secondOnly.result();
    int compared = 0;
    for (int y = 0; y < 128; ++y)
      for (int x = 0; x < 320; ++x) {
        const float va = a.mean.at<float>(y, x), vb = b.mean.at<float>(y, x);
        QCOMPARE(std::isnan(va), std::isnan(vb));
        if (!std::isnan(va)) {
          QVERIFY(std::abs(va - vb) < 1e-6);
          ++compared;
        }
        const float vc = c.mean.at<float>(y, x), vd = d.mean.at<float>(y, x);
        if (!std::isnan(vd)) QVERIFY(std::abs(vc - vd) < 1e-6);
      }
    QVERIFY(compared > 128 * 320 / 3);
  }

  // The soft mask: the overlay's weight inside the embryo, 0 outside. A map of 128 x 320
  // values 0..40959 row by row: the 99th percentile is value round(0.99 * 40959) = 40549, so
  // the last 410 pixels weigh 1 and pixel i weighs i / 40549 (the former mask kept the 20 %
  // most salient embryo pixels at 1 and the rest at 0).
  void saliencyMaskIsTheOverlayWeightInsideTheEmbryo() {
    const cv::Mat image = test::standardizedSample("range7-8_0.png");
    const cv::Mat embryo = standardizedEmbryoMask(image);
    cv::Mat saliency(128, 320, CV_32F);
    for (int i = 0; i < 128 * 320; ++i) saliency.at<float>(i / 320, i % 320) = float(i);
    const cv::Mat mask = saliencyMask(saliency, embryo);
    QCOMPARE(mask.size(), embryo.size());
    QCOMPARE(mask.type(), CV_32F);
    QCOMPARE(cv::countNonZero((mask > 0.0f) & (embryo == 0)), 0);
    int checked = 0;
    for (int y = 0; y < 128; ++y)
      for (int x = 0; x < 320; ++x) {
        if (!embryo.at<std::uint8_t>(y, x)) continue;
        const double expected = std::min(1.0, (y * 320 + x) / 40549.0);
        QVERIFY2(std::abs(mask.at<float>(y, x) - expected) < 1e-6,
                 qPrintable(QStringLiteral("%1,%2: %3").arg(y).arg(x).arg(mask.at<float>(y, x))));
        ++checked;
      }
    QCOMPARE(checked, cv::countNonZero(embryo));
    QVERIFY(checked > 128 * 320 / 3);
    // A lower quantile widens it: at 0.5 everything from value 20480 on weighs 1.
    const cv::Mat wide = saliencyMask(saliency, embryo, 0.5);
    QCOMPARE(wide.at<float>(100, 160), embryo.at<std::uint8_t>(100, 160) ? 1.0f : 0.0f);
  }

  void stageGemsByLabelCountTheLabelledImages() {
    test::TempDir dir;
    Project p = Project::open(test::makeSyntheticProject(dir, 5, 0.002, 2, "g.flystage"));
    GemRequest r;
    r.assignment = StageAssignment::Label;
    r.stages = {12, 5};
    const GemResult result = buildStageGems(p, r);
    QCOMPARE(result.gems.size(), std::size_t(2));
    QCOMPARE(result.gems[0].map.stage, 5);  // in stage order
    std::map<int, int> labelled;
    for (const auto& row : listImages(p))
      if (row.label.stage) ++labelled[*row.label.stage];
    for (const auto& g : result.gems) {
      QCOMPARE(g.map.images, labelled[g.map.stage]);
      QCOMPARE(static_cast<int>(g.imageIds.size()), g.map.images);
      QVERIFY(g.map.images >= 2);
    }
    // The same as building it by hand from those images.
    ExpressionMapBuilder manual(128, 320);
    for (auto id : result.gems[1].imageIds) {
      const cv::Mat im = p.standardizedImage(id);
      const cv::Mat emb = standardizedEmbryoMask(im);
      manual.add(normalizedExpression(im, emb), emb);
    }
    const cv::Mat diff = manual.result().mean != result.gems[1].map.mean;  // NaN != NaN counts
    const cv::Mat nan = manual.result().mean != manual.result().mean;
    QCOMPARE(cv::countNonZero(diff & ~nan), 0);

    GemRequest byPrediction;
    try {
      buildStageGems(p, byPrediction);
      QFAIL("a GEM by prediction without a run must be refused");
    } catch (const Error& e) {
      QVERIFY(std::string(e.what()).find("needs a run (--run ID)") != std::string::npos);
    }
    r.stages = {3};
    try {
      buildStageGems(p, r);
      QFAIL("stage 3 must be refused");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()), std::string("GEM stage 3 is not a precise stage (4..17)"));
    }
  }
};

QTEST_GUILESS_MAIN(ExpressionMapTest)
#include "ExpressionMapTest.moc"
