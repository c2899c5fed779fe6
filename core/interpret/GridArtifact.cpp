#include "interpret/GridArtifact.h"

#include <algorithm>
#include <cmath>

#include "util/Error.h"

namespace flystage {

namespace {

// |DFT|^2 of the map minus its mean (NaN as 0), CV_64F.
cv::Mat powerSpectrum(const cv::Mat& map) {
  if (map.empty() || map.channels() != 1)
    throw Error("saliency spectrum: the map must be one non-empty channel");
  cv::Mat m;
  map.convertTo(m, CV_32F);
  cv::patchNaNs(m, 0);
  m.convertTo(m, CV_64F);
  m -= cv::mean(m)[0];
  cv::Mat spectrum;
  cv::dft(m, spectrum, cv::DFT_COMPLEX_OUTPUT);
  cv::Mat parts[2];
  cv::split(spectrum, parts);
  cv::Mat power;
  cv::magnitude(parts[0], parts[1], power);
  return power.mul(power);
}

}  // namespace

double gridEnergyShare(const cv::Mat& map, int period) {
  if (period < 2) throw Error("grid energy: the period must be 2 pixels or more");
  const cv::Mat power = powerSpectrum(map);
  const int h = power.rows, w = power.cols;
  const double total = cv::sum(power)[0] - power.at<double>(0, 0);
  if (total <= 0) return 0;
  double at = 0;
  for (int k = 0; k < period; ++k)
    for (int l = 0; l < period; ++l) {
      if (k == 0 && l == 0) continue;
      const int y = static_cast<int>(std::lround(double(k) * h / period)) % h;
      const int x = static_cast<int>(std::lround(double(l) * w / period)) % w;
      at += power.at<double>(y, x);
    }
  return at / total;
}

double fineDetailShare(const cv::Mat& map, int period) {
  if (period < 2) throw Error("fine detail: the period must be 2 pixels or more");
  const cv::Mat power = powerSpectrum(map);
  const int h = power.rows, w = power.cols;
  double total = 0, fine = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      if (y == 0 && x == 0) continue;
      const double fy = double(std::min(y, h - y)) / h, fx = double(std::min(x, w - x)) / w;
      const double p = power.at<double>(y, x);
      total += p;
      if (fy > 1.0 / period || fx > 1.0 / period) fine += p;
    }
  return total > 0 ? fine / total : 0;
}

}  // namespace flystage
