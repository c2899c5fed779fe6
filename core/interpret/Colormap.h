#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace flystage {

// The colour scales of maps and heat maps; OpenCV's tables (perceptually uniform ones first:
// they print and read in greyscale without false edges).
enum class Colormap { Inferno, Viridis, Magma, Hot, Jet, Turbo };
std::string colormapName(Colormap c);             // "inferno", ...
Colormap parseColormap(const std::string& text);  // throws flystage::Error naming the choices
std::vector<std::string> colormapNames();

// Values in [0,1] (CV_32F; NaN and values outside are clipped, NaN to 0) -> CV_8UC3 BGR.
cv::Mat applyColormap(const cv::Mat& values01, Colormap c);

// A map scaled to [0,1] by its q-quantile (saliency maps have a few extreme pixels; the 99th
// percentile keeps the rest visible).
cv::Mat scaleToUnit(const cv::Mat& values, double q = 0.99);

// The image with the coloured map blended over it: alpha * colour + (1 - alpha) * image,
// weighted per pixel by the map's own value so that low saliency leaves the image visible.
// image CV_8UC3 BGR, map CV_32F in [0,1] (resized to the image).
cv::Mat overlayMap(const cv::Mat& image, const cv::Mat& map01, Colormap c, double alpha);

// The quantile a saliency map is scaled to before it is shown (GUI and figures alike) and
// before it weighs a masked GEM.
inline constexpr double kSaliencyQuantile = 0.99;

// The one saliency weight: how much each pixel of an image counts by its saliency, in [0,1]
// (CV_32F of `size`). `map` is the raw map (one channel, >= 0, any size; NaN counts as 0),
// scaled to [0,1] by its `quantile` at its own resolution (scaleToUnit: the pixels at or above
// it weigh 1, the others in proportion; an almost-all-zero map whose quantile is 0 weighs 0
// everywhere), then resized bilinearly to `size`. The overlay's alpha is opacity * weight and
// a masked GEM weighs each embryo pixel by it (interpret/StageGems.h), so what the image view
// shows is what a masked GEM keeps. Throws flystage::Error on an empty or multi-channel map.
cv::Mat saliencyWeight(const cv::Mat& map, cv::Size size, double quantile = kSaliencyQuantile);

// The one saliency overlay: the GUI's image view and every saliency figure call it, so both
// show the same pixels. Each pixel's weight w is saliencyWeight(map, image size, quantile);
// the pixel is colour(w) blended over the image at alpha * w (alpha clamped to [0,1]), so a
// cold pixel leaves the image as it was. bgr CV_8UC3; returns CV_8UC3 BGR of the image's
// size. Throws flystage::Error on an empty map or a non-BGR image.
cv::Mat saliencyOverlay(const cv::Mat& bgr, const cv::Mat& map, Colormap c, double quantile,
                        double alpha);

}  // namespace flystage
