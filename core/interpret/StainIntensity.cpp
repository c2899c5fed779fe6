#include "interpret/StainIntensity.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "util/Error.h"

namespace flystage {

cv::Mat stainDensity(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.type() != CV_8UC3) throw Error("stain density needs an 8-bit BGR image");
  // log10 of every 8-bit value once; +1 keeps black pixels finite.
  static const std::vector<float> lut = [] {
    std::vector<float> t(256);
    for (int v = 0; v < 256; ++v) t[static_cast<std::size_t>(v)] = std::log10(v + 1.0f);
    return t;
  }();
  cv::Mat out(bgr.size(), CV_32F);
  for (int y = 0; y < bgr.rows; ++y) {
    const auto* in = bgr.ptr<cv::Vec3b>(y);
    auto* o = out.ptr<float>(y);
    for (int x = 0; x < bgr.cols; ++x) {
      const float d = lut[in[x][0]] - 0.5f * (lut[in[x][1]] + lut[in[x][2]]);
      o[x] = std::max(0.0f, d);
    }
  }
  return out;
}

double maskedQuantile(const cv::Mat& values, const cv::Mat& mask, double q) {
  std::vector<float> v;
  v.reserve(values.total());
  for (int y = 0; y < values.rows; ++y) {
    const auto* row = values.ptr<float>(y);
    const auto* m = mask.empty() ? nullptr : mask.ptr<std::uint8_t>(y);
    for (int x = 0; x < values.cols; ++x)
      if (!m || m[x]) v.push_back(row[x]);
  }
  if (v.empty()) return 0;
  const auto k =
      static_cast<std::size_t>(std::clamp(q, 0.0, 1.0) * static_cast<double>(v.size() - 1) + 0.5);
  std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
  return v[k];
}

cv::Mat normalizedExpression(const cv::Mat& bgr, const cv::Mat& embryoMask,
                             const StainNormalization& normalization) {
  if (!embryoMask.empty() && (embryoMask.size() != bgr.size() || embryoMask.type() != CV_8U))
    throw Error("the embryo mask must be 8-bit and the size of the image");
  const cv::Mat density = stainDensity(bgr);
  const double scale =
      std::max(maskedQuantile(density, embryoMask, normalization.percentile), normalization.floor);
  cv::Mat out;
  density.convertTo(out, CV_32F, 1.0 / scale);
  cv::min(out, 1.0, out);
  if (!embryoMask.empty()) out.setTo(0, embryoMask == 0);
  return out;
}

}  // namespace flystage
