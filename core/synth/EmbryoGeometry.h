#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace flystage::synth {

// The canonical lateral-view embryo outline (anterior left, dorsal up) on a fixed grid,
// with per-pixel coordinates that every image reuses: the embryo's shape varies per image
// through the affine warp that places it, so these maps are computed once.
class EmbryoGeometry {
 public:
  // The grid: the embryo's bounding box is 320 x 128 px (2.5:1) centred in it, the size of
  // a standardized crop, with a margin for blur and the warp.
  static constexpr int kWidth = 336;
  static constexpr int kHeight = 144;
  static constexpr double kCenterX = 168.0;  // continuous pixel coordinates
  static constexpr double kCenterY = 72.0;
  static constexpr double kHalfLength = 160.0;
  static constexpr double kHalfHeight = 64.0;

  static const EmbryoGeometry& instance();

  // Normalized coordinates: x -1 (anterior pole) .. +1 (posterior pole), y -1 (ventral)
  // .. +1 (dorsal); bounding box exactly [-1, 1]^2.
  cv::Mat1f x, y;
  // Signed distance to the outline in pixels, positive inside.
  cv::Mat1f depth;
  // Outline coordinate of the nearest outline point, 0..1: from the anterior pole along the
  // ventral side (0..posteriorArc), round the posterior pole, back along the dorsal side.
  cv::Mat1f arc;

  double posteriorArc = 0.5;
  double perimeter = 0;  // px

  // Outline height (normalized y) of the dorsal and ventral side at normalized x.
  static double dorsalY(double x);
  static double ventralY(double x);

  // Outline coordinate of the point at normalized x on the ventral or dorsal side.
  double arcAtX(double x, bool dorsal) const;
  // Outline point (normalized coordinates) at an outline coordinate.
  cv::Point2d pointAtArc(double arc) const;
  // Wraps a difference of outline coordinates into (-0.5, 0.5].
  static double arcDelta(double a, double b);

 private:
  EmbryoGeometry();
  std::vector<cv::Point2d> outline_;  // normalized, dense, anterior pole first
  std::vector<double> outlineArc_;    // 0..1, same length
};

}  // namespace flystage::synth
