#include "SaliencyOverlay.h"

#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace flystage::ui {

namespace {

const std::pair<const char*, int> kColormaps[] = {
    {"inferno", cv::COLORMAP_INFERNO}, {"viridis", cv::COLORMAP_VIRIDIS},
    {"magma", cv::COLORMAP_MAGMA},     {"hot", cv::COLORMAP_HOT},
    {"jet", cv::COLORMAP_JET},         {"turbo", cv::COLORMAP_TURBO}};

}  // namespace

QStringList saliencyColormapNames() {
  QStringList names;
  for (const auto& [name, id] : kColormaps) names << QString::fromLatin1(name);
  return names;
}

std::optional<int> saliencyColormap(const QString& name) {
  for (const auto& [n, id] : kColormaps)
    if (name == QLatin1String(n)) return id;
  return std::nullopt;
}

cv::Mat scaleByQuantile(const cv::Mat& map, double q) {
  cv::Mat values;
  map.convertTo(values, CV_32F);
  cv::patchNaNs(values, 0.0);
  std::vector<float> sorted(values.begin<float>(), values.end<float>());
  float top = 0;
  if (!sorted.empty()) {
    const auto k = static_cast<std::size_t>(std::clamp(q, 0.0, 1.0) * (sorted.size() - 1));
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), sorted.end());
    top = sorted[k];
  }
  if (top <= 0) {  // a map that is almost all zero: scale by its maximum instead
    double maxValue = 0;
    cv::minMaxLoc(values, nullptr, &maxValue);
    top = static_cast<float>(maxValue);
  }
  cv::Mat scaled = top > 0 ? values / top : cv::Mat::zeros(values.size(), CV_32F);
  cv::min(cv::max(scaled, 0.0), 1.0, scaled);
  return scaled;
}

cv::Mat saliencyOverlay(const cv::Mat& bgr, const cv::Mat& map, int colormap, double opacity) {
  CV_Assert(bgr.type() == CV_8UC3 && !map.empty() && map.channels() == 1);
  // Scaled at the map's own resolution, so the percentile is of its pixels, then resized.
  cv::Mat unit;
  cv::resize(scaleByQuantile(map), unit, bgr.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat bytes, colour, out;
  unit.convertTo(bytes, CV_8U, 255.0);
  cv::applyColorMap(bytes, colour, colormap);
  const double a = std::clamp(opacity, 0.0, 1.0);
  cv::addWeighted(colour, a, bgr, 1.0 - a, 0.0, out);
  return out;
}

}  // namespace flystage::ui
