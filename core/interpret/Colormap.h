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

}  // namespace flystage
