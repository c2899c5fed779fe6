// core's saliencyOverlay: the one overlay the GUI's image view and the saliency figures draw.
// Where the GUI's former copy (ui/SaliencyOverlay) disagreed, core's answer is pinned here:
// the blend is weighted per pixel by the scaled map (a cold pixel leaves the image as it was),
// and an almost-all-zero map (99th percentile 0) shows nothing instead of being scaled by its
// maximum.
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include "data/ImageIo.h"
#include "image/Standardizer.h"
#include "interpret/Colormap.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;

namespace {

// A map at a model input size of 64 x 160: columns 0-39 at 4, 40-79 at 2, the rest 0, and one
// extreme pixel (1000) that the 99th percentile (4) keeps from darkening the rest.
cv::Mat bandedMap() {
  cv::Mat map = cv::Mat::zeros(64, 160, CV_32F);
  map(cv::Rect(0, 0, 40, 64)).setTo(4.0f);
  map(cv::Rect(40, 0, 40, 64)).setTo(2.0f);
  map.at<float>(0, 159) = 1000.0f;
  return map;
}

cv::Vec3b jet(int level) {
  cv::Mat in(1, 1, CV_8U, cv::Scalar(level)), out;
  cv::applyColorMap(in, out, cv::COLORMAP_JET);
  return out.at<cv::Vec3b>(0, 0);
}

}  // namespace

class SaliencyOverlayTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void theGuiChoosesFromCoresColourMaps() {
    const std::vector<std::string> names{"inferno", "viridis", "magma", "hot", "jet", "turbo"};
    QCOMPARE(colormapNames(), names);
    QCOMPARE(parseColormap("jet"), Colormap::Jet);
    try {
      parseColormap("rainbow");
      QFAIL("no error for an unknown colour map");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               std::string("unknown colormap 'rainbow': use one of inferno, viridis, magma, "
                           "hot, jet, turbo"));
    }
  }

  void scalesByThe99thPercentile() {
    // 1000 values 0..999: the 99th percentile is 989; above it everything is full scale.
    cv::Mat map(1, 1000, CV_32F);
    for (int i = 0; i < 1000; ++i) map.at<float>(0, i) = static_cast<float>(i);
    const cv::Mat unit = scaleToUnit(map, kSaliencyQuantile);
    QVERIFY(std::abs(unit.at<float>(0, 500) - 500.0f / 989.0f) < 1e-6);
    QCOMPARE(unit.at<float>(0, 995), 1.0f);
    QCOMPARE(unit.at<float>(0, 0), 0.0f);
    // 10240 values (a 64 x 160 map): core takes the nearest rank, round(0.99 * 10239) = 10137;
    // the GUI's copy took floor(...) = 10136.
    cv::Mat large(64, 160, CV_32F);
    for (int i = 0; i < 10240; ++i) large.at<float>(i / 160, i % 160) = static_cast<float>(i);
    const cv::Mat scaled = scaleToUnit(large, kSaliencyQuantile);
    QVERIFY(std::abs(scaled.at<float>(31, 40) - 5000.0f / 10137.0f) < 1e-6);
  }

  void overlaysARealImageWithExactPixels() {
    const cv::Mat image = test::standardizedSample("range11-12_0.png");
    QCOMPARE(image.type(), CV_8UC3);
    QCOMPARE(image.cols, 320);
    QCOMPARE(image.rows, 128);
    const cv::Mat out = saliencyOverlay(image, bandedMap(), Colormap::Jet, 0.99, 0.6);
    QCOMPARE(out.type(), CV_8UC3);
    QCOMPARE(out.size(), image.size());
    // Exact pixels (BGR) where the resized map is flat: full scale, half scale, zero.
    const auto at = [&](int x, int y) { return out.at<cv::Vec3b>(y, x); };
    const auto under = [&](int x, int y) { return image.at<cv::Vec3b>(y, x); };
    QCOMPARE(under(40, 64), cv::Vec3b(158, 86, 88));
    QCOMPARE(under(120, 64), cv::Vec3b(157, 95, 94));
    QCOMPARE(at(40, 64), cv::Vec3b(63, 34, 112));     // 0.6 * jet(1) + 0.4 * image
    QCOMPARE(at(120, 64), cv::Vec3b(148, 143, 105));  // 0.3 * jet(0.5) + 0.7 * image
    // The same pixels from the rule itself: alpha * value * jet(value) + rest * image.
    const auto blend = [](cv::Vec3b colour, cv::Vec3b im, double a) {
      cv::Vec3b o;
      for (int k = 0; k < 3; ++k) o[k] = cv::saturate_cast<uchar>(a * colour[k] + (1 - a) * im[k]);
      return o;
    };
    QCOMPARE(at(40, 64), blend(jet(255), under(40, 64), 0.6));
    QCOMPARE(at(120, 64), blend(jet(128), under(120, 64), 0.3));
    // A cold pixel keeps the image (the GUI's copy blended jet's blue over it at 0.6).
    QCOMPARE(at(280, 64), under(280, 64));
    QCOMPARE(at(200, 100), under(200, 100));
  }

  void anAlmostAllZeroMapShowsNothing() {
    // 10 hot pixels of 10240: the 99th percentile is 0, so nothing is scaled up (the GUI's
    // copy fell back to the maximum and painted those pixels at full colour).
    const cv::Mat image = test::standardizedSample("range4-6_0.png");
    cv::Mat map = cv::Mat::zeros(64, 160, CV_32F);
    for (int i = 0; i < 10; ++i) map.at<float>(30, 70 + i) = 5.0f;
    const cv::Mat out = saliencyOverlay(image, map, Colormap::Inferno, 0.99, 0.7);
    QCOMPARE(cv::norm(out, image, cv::NORM_INF), 0.0);
  }

  void nanCountsAsZeroAndOpacityIsClamped() {
    const cv::Mat image = test::standardizedSample("range7-8_0.png");
    cv::Mat withNan = bandedMap();
    withNan.at<float>(10, 100) = std::numeric_limits<float>::quiet_NaN();
    const cv::Mat clean = bandedMap();
    QCOMPARE(cv::norm(saliencyOverlay(image, withNan, Colormap::Viridis, 0.99, 0.5),
                      saliencyOverlay(image, clean, Colormap::Viridis, 0.99, 0.5), cv::NORM_INF),
             0.0);
    QCOMPARE(cv::norm(saliencyOverlay(image, clean, Colormap::Hot, 0.99, 7.0),
                      saliencyOverlay(image, clean, Colormap::Hot, 0.99, 1.0), cv::NORM_INF),
             0.0);
  }

  void rejectsWhatIsNotAnImageAndAMap() {
    const cv::Mat image = test::standardizedSample("range1-3_0.png");
    try {
      saliencyOverlay(image, cv::Mat(), Colormap::Jet, 0.99, 0.5);
      QFAIL("no error for an empty map");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               std::string("saliency overlay: the saliency map must be a non-empty one-channel "
                           "map"));
    }
    cv::Mat grey;
    cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
    try {
      saliencyOverlay(grey, bandedMap(), Colormap::Jet, 0.99, 0.5);
      QFAIL("no error for a grey image");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               std::string("saliency overlay: the image must be an 8-bit BGR image"));
    }
  }
};

QTEST_GUILESS_MAIN(SaliencyOverlayTest)
#include "SaliencyOverlayTest.moc"
