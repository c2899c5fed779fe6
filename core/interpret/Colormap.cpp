#include "interpret/Colormap.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include <opencv2/imgproc.hpp>

#include "interpret/StainIntensity.h"
#include "util/Error.h"

namespace flystage {

namespace {

constexpr std::array<std::pair<Colormap, const char*>, 6> kNames{{{Colormap::Inferno, "inferno"},
                                                                  {Colormap::Viridis, "viridis"},
                                                                  {Colormap::Magma, "magma"},
                                                                  {Colormap::Hot, "hot"},
                                                                  {Colormap::Jet, "jet"},
                                                                  {Colormap::Turbo, "turbo"}}};

int openCvCode(Colormap c) {
  switch (c) {
    case Colormap::Inferno:
      return cv::COLORMAP_INFERNO;
    case Colormap::Viridis:
      return cv::COLORMAP_VIRIDIS;
    case Colormap::Magma:
      return cv::COLORMAP_MAGMA;
    case Colormap::Hot:
      return cv::COLORMAP_HOT;
    case Colormap::Jet:
      return cv::COLORMAP_JET;
    case Colormap::Turbo:
      return cv::COLORMAP_TURBO;
  }
  return cv::COLORMAP_INFERNO;
}

}  // namespace

std::string colormapName(Colormap c) {
  for (const auto& [k, name] : kNames)
    if (k == c) return name;
  return "inferno";
}

std::vector<std::string> colormapNames() {
  std::vector<std::string> out;
  for (const auto& [k, name] : kNames) out.emplace_back(name);
  return out;
}

Colormap parseColormap(const std::string& text) {
  for (const auto& [k, name] : kNames)
    if (text == name) return k;
  std::string choices;
  for (const auto& n : colormapNames()) choices += (choices.empty() ? "" : ", ") + n;
  throw Error("unknown colormap '" + text + "': use one of " + choices);
}

cv::Mat applyColormap(const cv::Mat& values01, Colormap c) {
  cv::Mat u8(values01.size(), CV_8U);
  for (int y = 0; y < values01.rows; ++y) {
    const auto* v = values01.ptr<float>(y);
    auto* o = u8.ptr<std::uint8_t>(y);
    for (int x = 0; x < values01.cols; ++x) {
      const float f = std::isnan(v[x]) ? 0.0f : std::clamp(v[x], 0.0f, 1.0f);
      o[x] = static_cast<std::uint8_t>(std::lround(f * 255.0f));
    }
  }
  cv::Mat bgr;
  cv::applyColorMap(u8, bgr, openCvCode(c));
  return bgr;
}

cv::Mat scaleToUnit(const cv::Mat& values, double q) {
  const double top = maskedQuantile(values, {}, q);
  cv::Mat out;
  values.convertTo(out, CV_32F, top > 0 ? 1.0 / top : 0.0);
  cv::min(out, 1.0, out);
  cv::max(out, 0.0, out);
  return out;
}

namespace {

// colour(w) blended over the image at alpha * w; weight CV_32F of the image's size.
cv::Mat blendByWeight(const cv::Mat& image, const cv::Mat& weight, Colormap c, double alpha) {
  const cv::Mat colour = applyColormap(weight, c);
  cv::Mat out(image.size(), CV_8UC3);
  for (int y = 0; y < image.rows; ++y) {
    const auto* im = image.ptr<cv::Vec3b>(y);
    const auto* col = colour.ptr<cv::Vec3b>(y);
    const auto* w = weight.ptr<float>(y);
    auto* o = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < image.cols; ++x) {
      const double a = alpha * std::clamp(static_cast<double>(w[x]), 0.0, 1.0);
      for (int k = 0; k < 3; ++k)
        o[x][k] = cv::saturate_cast<std::uint8_t>(a * col[x][k] + (1 - a) * im[x][k]);
    }
  }
  return out;
}

}  // namespace

cv::Mat overlayMap(const cv::Mat& image, const cv::Mat& map01, Colormap c, double alpha) {
  cv::Mat m;
  cv::resize(map01, m, image.size(), 0, 0, cv::INTER_LINEAR);
  return blendByWeight(image, m, c, alpha);
}

cv::Mat saliencyWeight(const cv::Mat& map, cv::Size size, double quantile) {
  if (map.empty() || map.channels() != 1)
    throw Error("saliency overlay: the saliency map must be a non-empty one-channel map");
  cv::Mat values;
  map.convertTo(values, CV_32F);
  cv::patchNaNs(values, 0.0);  // a NaN would poison the quantile's ordering
  cv::Mat weight;
  // Bilinear: a convex blend of values in [0,1] stays in [0,1].
  cv::resize(scaleToUnit(values, quantile), weight, size, 0, 0, cv::INTER_LINEAR);
  return weight;
}

cv::Mat saliencyOverlay(const cv::Mat& bgr, const cv::Mat& map, Colormap c, double quantile,
                        double alpha) {
  if (bgr.empty() || bgr.type() != CV_8UC3)
    throw Error("saliency overlay: the image must be an 8-bit BGR image");
  return blendByWeight(bgr, saliencyWeight(map, bgr.size(), quantile), c,
                       std::clamp(alpha, 0.0, 1.0));
}

}  // namespace flystage
