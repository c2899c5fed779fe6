#include "image/Orientation.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace flystage {

namespace {

// Share of the length at each pole over which the mean thickness is compared.
constexpr double kPoleWindow = 0.15;
// Scores giving confidence 1 (a flip needs confidence >= kFlipConfidence, Orientation.h).
constexpr double kApFullScore = 0.10;
constexpr double kDvFullScore = 0.30;
// An outline cut by the image frame over this share of the measured columns is worthless
// for shape cues (a cut side looks flat, a cut pole looks blunt); less cut, less trusted.
constexpr double kMaxCutShare = 0.3;

// Least-squares curvature (coefficient a of y = a u^2 + b u + c) of an outline, with u and y
// in units of the embryo length so the value does not depend on resolution.
double outlineCurvature(const std::vector<double>& y, const std::vector<int>& xs, double centre,
                        double length) {
  cv::Mat a(static_cast<int>(xs.size()), 3, CV_64F), b(static_cast<int>(xs.size()), 1, CV_64F);
  for (int i = 0; i < a.rows; ++i) {
    const double u = (xs[i] - centre) / length;
    a.at<double>(i, 0) = u * u;
    a.at<double>(i, 1) = u;
    a.at<double>(i, 2) = 1;
    b.at<double>(i) = y[i] / length;
  }
  cv::Mat coef;
  cv::solve(a, b, coef, cv::DECOMP_SVD);
  return coef.at<double>(0);
}

}  // namespace

OrientationCues measureOrientationCues(const cv::Mat& mask, const cv::Matx23d& outputToInput,
                                       cv::Size inputSize) {
  OrientationCues cues;
  std::vector<int> top(mask.cols, -1), bottom(mask.cols, -1);
  for (int y = 0; y < mask.rows; ++y) {
    const uchar* row = mask.ptr<uchar>(y);
    for (int x = 0; x < mask.cols; ++x)
      if (row[x]) {
        if (top[x] < 0) top[x] = y;
        bottom[x] = y + 1;
      }
  }
  int x0 = 0, x1 = mask.cols - 1;
  while (x0 < mask.cols && top[x0] < 0) ++x0;
  while (x1 >= 0 && top[x1] < 0) --x1;
  const int length = x1 - x0 + 1;
  if (length < 20) return cues;
  constexpr int kLook = 2;  // pixels beyond the outline that must still be input
  // Whether output pixel (x, y), inside the output array or not, shows an input pixel (the
  // pixel-centre rule of the warp: a source within half a pixel of the input's edge).
  const cv::Matx23d& m = outputToInput;
  auto isInside = [&](int x, int y) {
    const double sx = m(0, 0) * x + m(0, 1) * y + m(0, 2);
    const double sy = m(1, 0) * x + m(1, 1) * y + m(1, 2);
    return sx > -0.5 && sy > -0.5 && sx < inputSize.width - 0.5 && sy < inputSize.height - 0.5;
  };
  auto cut = [&](int x) {
    return top[x] >= 0 && (!isInside(x, top[x] - kLook) || !isInside(x, bottom[x] - 1 + kLook));
  };
  auto thickness = [&](int x) { return top[x] < 0 ? 0.0 : double(bottom[x] - top[x]); };

  // AP: mean thickness over the end windows; the thinner pole is taken to be anterior.
  const int window = std::max(1, static_cast<int>(std::lround(kPoleWindow * length)));
  double left = 0, right = 0;
  int cutLeft = 0, cutRight = 0;
  for (int i = 0; i <= window; ++i) {
    left += thickness(x0 + i);
    right += thickness(x1 - i);
    cutLeft += cut(x0 + i);
    cutRight += cut(x1 - i);
  }
  // A pole at the frame's edge is cut off across its whole window.
  if (!isInside(x0 - kLook, (top[x0] + bottom[x0]) / 2)) cutLeft = window + 1;
  if (!isInside(x1 + kLook, (top[x1] + bottom[x1]) / 2)) cutRight = window + 1;
  if (left + right > 0) cues.ap = (left - right) / (left + right);
  const double apCut = std::max(cutLeft, cutRight) / (window + 1.0);
  cues.apReliability = std::max(0.0, 1 - apCut / kMaxCutShare);

  // DV: curvature of the top and bottom outlines over the middle 80% of the length; the
  // quadratic term ignores any residual tilt (the linear term absorbs it).
  std::vector<int> xs;
  std::vector<double> ys, yb;
  int cutSide = 0;
  for (int x = x0 + length / 10; x <= x1 - length / 10; ++x)
    if (top[x] >= 0) {
      xs.push_back(x);
      ys.push_back(top[x]);
      yb.push_back(bottom[x]);
      cutSide += cut(x);
    }
  if (xs.size() < 10) return cues;
  const double centre = 0.5 * (x0 + x1);
  // Top bulging up is a minimum of y (a > 0); bottom bulging down is a maximum (a < 0).
  const double topBulge = outlineCurvature(ys, xs, centre, length);
  const double bottomBulge = -outlineCurvature(yb, xs, centre, length);
  cues.dv = bottomBulge - topBulge;
  cues.dvReliability = std::max(0.0, 1 - cutSide / (kMaxCutShare * xs.size()));
  return cues;
}

OrientationDecision decideOrientation(const OrientationCues& cues, bool mayFlip) {
  OrientationDecision d;
  d.apConfidence = cues.apReliability * std::min(1.0, std::abs(cues.ap) / kApFullScore);
  d.dvConfidence = cues.dvReliability * std::min(1.0, std::abs(cues.dv) / kDvFullScore);
  if (mayFlip) {
    d.flipHorizontal = cues.ap > 0 && d.apConfidence >= kFlipConfidence;
    d.flipVertical = cues.dv < 0 && d.dvConfidence >= kFlipConfidence;
  }
  return d;
}

void flipImage(cv::Mat& image, bool horizontal, bool vertical) {
  if (horizontal && vertical)
    cv::flip(image, image, -1);
  else if (horizontal)
    cv::flip(image, image, 1);
  else if (vertical)
    cv::flip(image, image, 0);
}

}  // namespace flystage
