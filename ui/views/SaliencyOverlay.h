#pragma once

#include <QString>
#include <QStringList>

#include <optional>

#include <opencv2/core.hpp>

namespace flystage::ui {

// The colour scales a saliency overlay can use, as OpenCV's ColormapTypes; names are those
// of core's colour maps ("inferno", "viridis", "magma", "hot", "jet", "turbo").
QStringList saliencyColormapNames();
std::optional<int> saliencyColormap(const QString& name);  // cv::COLORMAP_...

// A saliency map (CV_32F, >= 0, any size: it is resized to the image) over a BGR image:
// the map is divided by its 99th percentile and clipped to [0, 1] (a few extreme pixels
// would otherwise leave the rest dark), coloured with `colormap`, and blended as
// opacity * colour + (1 - opacity) * image. Returns CV_8UC3 BGR of the image's size.
cv::Mat saliencyOverlay(const cv::Mat& bgr, const cv::Mat& map, int colormap, double opacity);

// The map scaled to [0, 1] by its q-quantile (CV_32F, same size).
cv::Mat scaleByQuantile(const cv::Mat& map, double q = 0.99);

}  // namespace flystage::ui
