#include "synth/EmbryoGeometry.h"

#include <algorithm>
#include <cmath>

namespace flystage::synth {

namespace {

constexpr double kPi = 3.141592653589793;

// Raw profile before normalizing the bounding box to [-1, 1]: a superellipse whose
// exponents differ per side, so the dorsal side is flatter, the ventral side more convex,
// and the anterior pole blunter than the posterior one.
double profileBase(double x) {
  const double ax = std::min(1.0, std::abs(x));
  const double q = x < 0 ? 2.6 : 1.75;
  return std::max(0.0, 1.0 - std::pow(ax, q));
}
double rawDorsal(double x) {
  return 0.08 + 0.06 * x + 0.88 * std::pow(profileBase(x), 1 / 3.4);
}
double rawVentral(double x) {
  return 0.08 + 0.06 * x - 1.0 * std::pow(profileBase(x), 1 / 1.9);
}

struct VerticalNorm {
  double mid = 0;
  double half = 1;
};

const VerticalNorm& verticalNorm() {
  static const VerticalNorm norm = [] {
    double top = -1e9;
    double bottom = 1e9;
    for (int i = 0; i <= 4000; ++i) {
      const double x = -1.0 + 2.0 * i / 4000.0;
      top = std::max(top, rawDorsal(x));
      bottom = std::min(bottom, rawVentral(x));
    }
    return VerticalNorm{(top + bottom) / 2, (top - bottom) / 2};
  }();
  return norm;
}

}  // namespace

double EmbryoGeometry::dorsalY(double x) {
  const auto& n = verticalNorm();
  return (rawDorsal(x) - n.mid) / n.half;
}

double EmbryoGeometry::ventralY(double x) {
  const auto& n = verticalNorm();
  return (rawVentral(x) - n.mid) / n.half;
}

double EmbryoGeometry::arcDelta(double a, double b) {
  double d = a - b;
  d -= std::floor(d + 0.5);
  return d;
}

const EmbryoGeometry& EmbryoGeometry::instance() {
  static const EmbryoGeometry geometry;
  return geometry;
}

EmbryoGeometry::EmbryoGeometry() {
  // Dense outline: x = -cos(phi) samples the poles finely where the outline is steep.
  constexpr int kPerSide = 4096;
  outline_.reserve(2 * kPerSide);
  for (int i = 0; i < kPerSide; ++i) {
    const double nx = -std::cos(kPi * i / kPerSide);
    outline_.emplace_back(nx, ventralY(nx));
  }
  for (int i = 0; i < kPerSide; ++i) {
    const double nx = std::cos(kPi * i / kPerSide);
    outline_.emplace_back(nx, dorsalY(nx));
  }
  const int n = static_cast<int>(outline_.size());
  std::vector<double> cumulative(n + 1, 0.0);
  for (int i = 0; i < n; ++i) {
    const auto& a = outline_[i];
    const auto& b = outline_[(i + 1) % n];
    cumulative[i + 1] =
        cumulative[i] + std::hypot((b.x - a.x) * kHalfLength, (b.y - a.y) * kHalfHeight);
  }
  perimeter = cumulative[n];
  outlineArc_.resize(n);
  for (int i = 0; i < n; ++i) outlineArc_[i] = cumulative[i] / perimeter;
  posteriorArc = outlineArc_[kPerSide];

  x.create(kHeight, kWidth);
  y.create(kHeight, kWidth);
  depth.create(kHeight, kWidth);
  arc.create(kHeight, kWidth);
  // Nearest outline point per pixel: coarse search on every 16th sample, then refine. Done
  // once per process (tens of ms), so plain loops are fine.
  constexpr int kCoarse = 16;
  for (int r = 0; r < kHeight; ++r) {
    for (int c = 0; c < kWidth; ++c) {
      const double nx = (c + 0.5 - kCenterX) / kHalfLength;
      const double ny = (kCenterY - (r + 0.5)) / kHalfHeight;
      const double px = nx * kHalfLength;
      const double py = ny * kHalfHeight;
      auto dist2 = [&](int k) {
        const double dx = outline_[k].x * kHalfLength - px;
        const double dy = outline_[k].y * kHalfHeight - py;
        return dx * dx + dy * dy;
      };
      int best = 0;
      double bestD = dist2(0);
      for (int k = kCoarse; k < n; k += kCoarse) {
        const double d = dist2(k);
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      }
      const int center = best;
      for (int k = center - 2 * kCoarse; k <= center + 2 * kCoarse; ++k) {
        const int kk = (k % n + n) % n;
        const double d = dist2(kk);
        if (d < bestD) {
          bestD = d;
          best = kk;
        }
      }
      const bool inside = std::abs(nx) < 1.0 && ny < dorsalY(nx) && ny > ventralY(nx);
      x(r, c) = static_cast<float>(nx);
      y(r, c) = static_cast<float>(ny);
      depth(r, c) = static_cast<float>(inside ? std::sqrt(bestD) : -std::sqrt(bestD));
      arc(r, c) = static_cast<float>(outlineArc_[best]);
    }
  }
}

double EmbryoGeometry::arcAtX(double nx, bool dorsal) const {
  const int n = static_cast<int>(outline_.size());
  const int begin = dorsal ? n / 2 : 0;
  int best = begin;
  for (int k = begin; k < begin + n / 2; ++k)
    if (std::abs(outline_[k].x - nx) < std::abs(outline_[best].x - nx)) best = k;
  return outlineArc_[best];
}

cv::Point2d EmbryoGeometry::pointAtArc(double a) const {
  a -= std::floor(a);
  const auto it = std::lower_bound(outlineArc_.begin(), outlineArc_.end(), a);
  const std::size_t k = std::min<std::size_t>(it - outlineArc_.begin(), outline_.size() - 1);
  return outline_[k];
}

}  // namespace flystage::synth
