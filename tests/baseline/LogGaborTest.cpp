#include <QtTest>

#include <cmath>

#include "baseline/LogGaborBank.h"

using namespace flystage;

namespace {
// A grating with the given wavelength (pixels) whose stripes run perpendicular to `angle`.
cv::Mat grating(int h, int w, double wavelength, double angle) {
  cv::Mat g(h, w, CV_32F);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      g.at<float>(y, x) = static_cast<float>(
          0.5 +
          0.4 * std::cos(2 * M_PI * (x * std::cos(angle) - y * std::sin(angle)) / wavelength));
  return g;
}
}  // namespace

class LogGaborTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void sizeIsTwentyFourPooledMaps() {
    const LogGaborBank bank(128, 320);
    QCOMPARE(bank.featureSize(), 24 * 16 * 40);
    QCOMPARE(static_cast<int>(bank.features(cv::Mat::zeros(128, 320, CV_8U)).size()), 24 * 640);
  }
  void gratingsExciteTheMatchingScaleAndOrientation() {
    const LogGaborBank bank(128, 320);
    const int cells = 16 * 40;
    // Wavelengths 3, 6, 12, 24 px are the four scales; orientations step by 30 degrees.
    for (int scale : {1, 2}) {
      for (int orient : {0, 2, 3}) {
        const double wavelength = 3.0 * std::pow(2.0, scale);
        const auto f = bank.features(grating(128, 320, wavelength, orient * M_PI / 6));
        std::vector<double> energy(24, 0);
        for (int k = 0; k < 24; ++k)
          for (int i = 0; i < cells; ++i) energy[k] += f[k * cells + i];
        const int best =
            static_cast<int>(std::max_element(energy.begin(), energy.end()) - energy.begin());
        QCOMPARE(best, scale * 6 + orient);
      }
    }
  }
  void aFlatImageHasNoResponse() {
    const LogGaborBank bank(64, 160);
    cv::Mat flat(64, 160, CV_8U, cv::Scalar(200));
    for (float v : bank.features(flat)) QVERIFY(std::abs(v) < 1e-5);
  }
};

QTEST_GUILESS_MAIN(LogGaborTest)
#include "LogGaborTest.moc"
