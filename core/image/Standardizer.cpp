#include "image/Standardizer.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "image/Segmentation.h"
#include "util/Error.h"

namespace flystage {

namespace {

// Passthrough: an input that already looks like a standardized crop keeps its geometry.
constexpr double kPassAspectTolerance = 0.10;  // |aspect / (width/height) - 1|
constexpr double kPassMinExtent = 0.90;        // embryo spans this share of the width
constexpr double kPassMaxAngle = 5.0;          // degrees off horizontal
constexpr double kPassMaxSizeRatio = 1.25;     // no larger than this times the model size

// Composes an affine A (input -> output) with the work -> input map of `s`.
cv::Matx23d workToOutput(const cv::Matx23d& a, const Segmentation& s) {
  const double k = 1 / s.scale, ox = 0.5 / s.scale - 0.5 + s.offset.x,
               oy = 0.5 / s.scale - 0.5 + s.offset.y;
  return {a(0, 0) * k, a(0, 1) * k, a(0, 0) * ox + a(0, 1) * oy + a(0, 2),
          a(1, 0) * k, a(1, 1) * k, a(1, 0) * ox + a(1, 1) * oy + a(1, 2)};
}

}  // namespace

Standardizer::Standardizer(StandardizeOptions options) : options_(options) {}

cv::Mat Standardizer::segment(const cv::Mat& bgr) const {
  return segmentEmbryo(bgr).inputMask(bgr.size());
}

StandardizeResult Standardizer::run(const cv::Mat& bgr, const OrientationOverride& fix) const {
  if (options_.width < 8 || options_.height < 8)
    throw Error("cannot standardize: the output size must be at least 8 x 8 pixels");
  if (!(options_.margin >= 0 && options_.margin <= 1))
    throw Error("cannot standardize: the margin must be between 0 and 1 (a share of the length)");
  const Segmentation seg = segmentEmbryo(bgr);
  StandardizeResult result;
  result.foregroundFraction =
      cv::countNonZero(seg.mask) / (seg.scale * seg.scale) / static_cast<double>(bgr.total());

  // Long axis from the second moments of the filled outline (y points down, so a positive
  // angle means the right end is lower).
  const cv::Moments mo = cv::moments(seg.contour);
  const double theta = 0.5 * std::atan2(2 * mo.mu11, mo.mu20 - mo.mu02);
  const cv::Point2d u(std::cos(theta), std::sin(theta)), v(-std::sin(theta), std::cos(theta));
  double amin = 1e300, amax = -1e300, bmin = 1e300, bmax = -1e300;
  for (const cv::Point& wp : seg.contour) {
    const cv::Point2d p = seg.toInput(wp);
    const double a = p.dot(u), b = p.dot(v);
    amin = std::min(amin, a);
    amax = std::max(amax, a);
    bmin = std::min(bmin, b);
    bmax = std::max(bmax, b);
  }
  // Extents are of outline pixel centres; add one pixel so a full-width embryo spans cols.
  const double px = 1 / seg.scale;
  amin -= 0.5 * px, amax += 0.5 * px, bmin -= 0.5 * px, bmax += 0.5 * px;
  const double length = amax - amin, thickness = bmax - bmin;
  const double thetaDeg = theta * 180 / CV_PI;
  const double ac = 0.5 * (amin + amax), bc = 0.5 * (bmin + bmax);
  result.embryo = cv::RotatedRect(
      cv::Point2f(static_cast<float>(ac * u.x + bc * v.x), static_cast<float>(ac * u.y + bc * v.y)),
      cv::Size2f(static_cast<float>(length), static_cast<float>(thickness)),
      static_cast<float>(thetaDeg));

  const cv::Size outSize(options_.width, options_.height);
  const double targetAspect = static_cast<double>(options_.width) / options_.height;
  const double extent = cv::boundingRect(seg.contour).width / seg.scale / bgr.cols;
  result.passthrough = std::abs(static_cast<double>(bgr.cols) / bgr.rows / targetAspect - 1) <=
                           kPassAspectTolerance &&
                       extent >= kPassMinExtent && std::abs(thetaDeg) <= kPassMaxAngle &&
                       bgr.cols <= kPassMaxSizeRatio * options_.width &&
                       bgr.rows <= kPassMaxSizeRatio * options_.height;

  cv::Mat outMask;
  cv::Matx23d outputToInput;  // where each output pixel comes from, for telling a cut outline
  if (result.passthrough) {
    // The resize's pixel-centre map: beyond the output's edge is beyond the input's.
    const double sx = static_cast<double>(bgr.cols) / options_.width;
    const double sy = static_cast<double>(bgr.rows) / options_.height;
    outputToInput = cv::Matx23d(sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5);
    cv::resize(bgr, result.image, outSize, 0, 0,
               bgr.cols > options_.width ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::resize(seg.inputMask(bgr.size()), outMask, outSize, 0, 0, cv::INTER_LINEAR);
  } else {
    // One affine map input -> output: rotate the axis horizontal, centre the embryo's box
    // (plus margin) and scale it to fit without distortion; the rest is background.
    const double m = options_.margin * length;
    const double boxW = length + 2 * m, boxH = thickness + 2 * m;
    const double k = std::min(options_.width / boxW, options_.height / boxH);
    const double cx = 0.5 * (options_.width - 1), cy = 0.5 * (options_.height - 1);
    cv::Matx23d a(k * u.x, k * u.y, cx - k * ac, k * v.x, k * v.y, cy - k * bc);
    cv::Mat src = bgr;
    cv::Matx23d srcToOut = a;
    if (k < 0.8) {
      // Shrink with area averaging first so the warp does not alias fine texture.
      cv::resize(bgr, src, {}, k, k, cv::INTER_AREA);
      const double sx = static_cast<double>(bgr.cols) / src.cols;
      const double sy = static_cast<double>(bgr.rows) / src.rows;
      // src pixel q -> input pixel ((q + 0.5) * s - 0.5)
      srcToOut = cv::Matx23d(a(0, 0) * sx, a(0, 1) * sy,
                             a(0, 0) * (0.5 * sx - 0.5) + a(0, 1) * (0.5 * sy - 0.5) + a(0, 2),
                             a(1, 0) * sx, a(1, 1) * sy,
                             a(1, 0) * (0.5 * sx - 0.5) + a(1, 1) * (0.5 * sy - 0.5) + a(1, 2));
    }
    cv::warpAffine(src, result.image, srcToOut, outSize, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   seg.background);
    cv::warpAffine(seg.mask, outMask, workToOutput(a, seg), outSize, cv::INTER_LINEAR,
                   cv::BORDER_CONSTANT, 0);
    cv::invertAffineTransform(a, outputToInput);
    result.angleDegrees = thetaDeg;
  }
  cv::threshold(outMask, outMask, 127, 255, cv::THRESH_BINARY);

  const OrientationDecision d =
      decideOrientation(measureOrientationCues(outMask, outputToInput, bgr.size()),
                        options_.autoOrient && !result.passthrough);
  result.apConfidence = d.apConfidence;
  result.dvConfidence = d.dvConfidence;
  result.flippedHorizontal = d.flipHorizontal;
  result.flippedVertical = d.flipVertical;
  flipImage(result.image, result.flippedHorizontal != fix.flipHorizontal,
            result.flippedVertical != fix.flipVertical);
  return result;
}

}  // namespace flystage
