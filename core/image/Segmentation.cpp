#include "image/Segmentation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "util/Error.h"

namespace flystage {

namespace {

// Segmentation runs on a copy whose longer side is at most this many pixels: a 1000 x 400
// image is standardized in about 4 ms and the axis is still found to a tenth of a degree.
constexpr int kWorkMaxSide = 400;

// Darkness-or-colour channel: 255 - min(B, G, R). White and light-grey backgrounds are
// near 0; the embryo's grey cytoplasm and any blue or brown stain push it up.
cv::Mat darknessChannel(const cv::Mat& bgr) {
  std::array<cv::Mat, 3> ch;
  cv::split(bgr, ch.data());
  cv::Mat lo;
  cv::min(ch[0], ch[1], lo);
  cv::min(lo, ch[2], lo);
  return 255 - lo;
}

template <typename T>
T medianOf(std::vector<T> v) {
  if (v.empty()) return T{};
  auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

double patchMedian(const cv::Mat& img8, const cv::Rect& r) {
  cv::Mat patch = img8(r & cv::Rect(0, 0, img8.cols, img8.rows));
  std::vector<uchar> v(patch.begin<uchar>(), patch.end<uchar>());
  return medianOf(v);
}

// A first, rough background: bilinear between the four corners, which an elongated embryo
// seldom covers (it follows a shading gradient, not radial vignetting). A corner much
// darker than the lightest one is taken to be embryo and replaced by the others' median.
cv::Mat backgroundSurface(const cv::Mat& dark) {
  const int p = std::max(3, std::min(dark.cols, dark.rows) / 25);
  std::array<double, 4> c = {patchMedian(dark, {0, 0, p, p}),
                             patchMedian(dark, {dark.cols - p, 0, p, p}),
                             patchMedian(dark, {0, dark.rows - p, p, p}),
                             patchMedian(dark, {dark.cols - p, dark.rows - p, p, p})};
  const double lightest = *std::min_element(c.begin(), c.end());
  std::vector<double> ok;
  for (double v : c)
    if (v <= lightest + 20) ok.push_back(v);
  const double fallback = medianOf(ok);
  for (double& v : c)
    if (v > lightest + 20) v = fallback;
  cv::Mat corners = (cv::Mat_<float>(2, 2) << c[0], c[1], c[2], c[3]);
  cv::Mat surface;
  cv::resize(corners, surface, dark.size(), 0, 0, cv::INTER_LINEAR);
  return surface;
}

std::vector<uchar> borderPixels(const cv::Mat& img8, int width) {
  std::vector<uchar> v;
  for (int y = 0; y < img8.rows; ++y) {
    const uchar* row = img8.ptr<uchar>(y);
    const bool full = y < width || y >= img8.rows - width;
    for (int x = 0; x < img8.cols; ++x)
      if (full || x < width || x >= img8.cols - width) v.push_back(row[x]);
  }
  return v;
}

cv::Mat ellipseKernel(int size) {
  size = std::max(3, size | 1);
  return cv::getStructuringElement(cv::MORPH_ELLIPSE, {size, size});
}

const char* const kCheckImage =
    "; check that it is a bright-field ISH image of an embryo on a light background";

// Quadratic background a + bx + cy + dx^2 + exy + fy^2 fitted to the darkness outside
// `exclude`: light vignetting is radial, which a quadratic follows and four corners do not.
// Two rounds drop samples lying well above the fit (pale embryo the first pass missed).
// Returns an empty Mat when too little background is visible to fit one.
cv::Mat quadraticBackground(const cv::Mat& dark, const cv::Mat& exclude) {
  const double hx = dark.cols / 2.0, hy = dark.rows / 2.0;
  struct Sample {
    double x, y, v;
  };
  // A few thousand samples pin six coefficients down; more only cost time.
  const int step = std::max(2, static_cast<int>(std::sqrt(dark.total() / 4000.0)));
  std::vector<Sample> samples;
  for (int y = 0; y < dark.rows; y += step)
    for (int x = 0; x < dark.cols; x += step)
      if (!exclude.at<uchar>(y, x))
        samples.push_back(
            {(x - hx) / hx, (y - hy) / hy, static_cast<double>(dark.at<uchar>(y, x))});
  // Less than 2% of the image visible as background: keep the corner estimate.
  if (samples.size() < std::max<std::size_t>(60, dark.total() / (step * step) / 50)) return {};

  cv::Matx<double, 6, 1> coef;
  std::vector<char> use(samples.size(), 1);
  for (int round = 0; round < 3; ++round) {
    // Normal equations; the upper triangle only (symmetric), without 6 x 6 temporaries.
    cv::Matx<double, 6, 6> ata = cv::Matx<double, 6, 6>::zeros();
    cv::Matx<double, 6, 1> atb = cv::Matx<double, 6, 1>::zeros();
    for (std::size_t i = 0; i < samples.size(); ++i) {
      if (!use[i]) continue;
      const Sample& s = samples[i];
      const double t[6] = {1, s.x, s.y, s.x * s.x, s.x * s.y, s.y * s.y};
      for (int r = 0; r < 6; ++r) {
        for (int c = r; c < 6; ++c) ata(r, c) += t[r] * t[c];
        atb(r) += t[r] * s.v;
      }
    }
    for (int r = 1; r < 6; ++r)
      for (int c = 0; c < r; ++c) ata(r, c) = ata(c, r);
    if (!cv::solve(ata, atb, coef, cv::DECOMP_SVD)) return {};
    if (round == 2) break;
    std::vector<double> residuals;
    for (const Sample& s : samples)
      residuals.push_back(std::abs(s.v - coef.dot({1, s.x, s.y, s.x * s.x, s.x * s.y, s.y * s.y})));
    const double spread = 1.4826 * medianOf(residuals) + 1;
    for (std::size_t i = 0; i < samples.size(); ++i) {
      const Sample& s = samples[i];
      use[i] = s.v - coef.dot({1, s.x, s.y, s.x * s.x, s.x * s.y, s.y * s.y}) < 3 * spread;
    }
  }
  double lo = 255, hi = 0;
  for (std::size_t i = 0; i < samples.size(); ++i)
    if (use[i]) lo = std::min(lo, samples[i].v), hi = std::max(hi, samples[i].v);
  std::vector<double> us(dark.cols);
  for (int x = 0; x < dark.cols; ++x) us[x] = (x - hx) / hx;
  cv::Mat surface(dark.size(), CV_32F);
  for (int y = 0; y < dark.rows; ++y) {
    float* row = surface.ptr<float>(y);
    const double v = (y - hy) / hy;
    for (int x = 0; x < dark.cols; ++x) {
      const double u = us[x];
      const double f =
          coef(0) + coef(1) * u + coef(2) * v + coef(3) * u * u + coef(4) * u * v + coef(5) * v * v;
      row[x] = static_cast<float>(std::clamp(f, lo, hi));  // no wild extrapolation
    }
  }
  return surface;
}

struct Blob {
  cv::Mat mask;  // filled, 255 = embryo
  std::vector<cv::Point> contour;
};

// Largest outer contour of `mask`, filled: keeps one blob and fills its holes in one step.
// Empty when there is none covering 0.2% of the image (a small embryo in a large image; it
// is then segmented again, closer up).
Blob largestFilledBlob(const cv::Mat& mask) {
  Blob blob;
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
  double bestArea = 0;
  for (auto& c : contours) {
    const double a = cv::contourArea(c);
    if (a > bestArea) {
      bestArea = a;
      blob.contour = std::move(c);
    }
  }
  if (blob.contour.empty() || bestArea < 0.002 * mask.total()) return {};
  blob.mask = cv::Mat::zeros(mask.size(), CV_8U);
  cv::drawContours(blob.mask, std::vector<std::vector<cv::Point>>{blob.contour}, 0, 255,
                   cv::FILLED);
  return blob;
}

// Thresholds the darkness above `surface` and keeps the largest blob, holes filled.
// Throws when nothing clearly darker than the background is there.
Blob largestDarkBlob(const cv::Mat& dark, const cv::Mat& surface, int kernel) {
  cv::Mat flat32;
  dark.convertTo(flat32, CV_32F);
  flat32 -= surface;
  cv::Mat flat;
  flat32.convertTo(flat, CV_8U);  // saturates: lighter than the background becomes 0

  // Background level and noise from the image frame (mostly background even where the
  // embryo touches it). Otsu alone would split pale cytoplasm from strong stain, so the
  // threshold sits just above the background noise, at least 20% of the way to Otsu's level.
  std::vector<uchar> frame = borderPixels(flat, 2);
  const double bg = medianOf(frame);
  std::vector<uchar> dev(frame.size());
  for (std::size_t i = 0; i < frame.size(); ++i)
    dev[i] = static_cast<uchar>(std::abs(static_cast<int>(frame[i]) - static_cast<int>(bg)));
  const double sigma = 1.4826 * medianOf(dev);
  cv::Mat mask;
  const double otsu = cv::threshold(flat, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  constexpr double kMinContrast = 10;  // darkness levels between background and embryo
  if (otsu - bg < kMinContrast)
    throw Error(std::string("no embryo found: the image has no object darker than its background") +
                kCheckImage);
  const double t = std::min(otsu, bg + std::max(4 * sigma + 6, 0.2 * (otsu - bg)));
  cv::threshold(flat, mask, t, 255, cv::THRESH_BINARY);
  cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, ellipseKernel(kernel));
  cv::morphologyEx(mask, mask, cv::MORPH_OPEN, ellipseKernel(kernel));

  Blob blob = largestFilledBlob(mask);
  if (blob.mask.empty())
    throw Error(std::string("no embryo found: no dark object covers more than 0.2% of the image") +
                kCheckImage);
  if (cv::mean(flat, blob.mask)[0] - bg < kMinContrast)
    throw Error(
        std::string("no embryo found: the largest object is hardly darker than the background") +
        kCheckImage);
  return blob;
}

// Pale embryos. An unstained embryo can differ from its background by 10-30 darkness levels,
// less than a strong vignette changes the background across the frame, so darkness against
// a background from the corners finds nothing or leaks into a dark corner. But it is
// granular and the background is smooth: local texture finds where it is whatever the
// shading, a background surface fitted around that region removes the vignette, and the
// outline is where the difference from that surface (darker cytoplasm and brighter rim
// alike) rises clearly above the noise.

constexpr int kTextureWindow = 7;  // work pixels: a few of the cytoplasm's granules
// Textured: local standard deviation above 4x that of the smoothest 5% of the image (the
// background's noise) and above 1 level (clean, noiseless backgrounds read about 0).
constexpr double kTextureFloorFactor = 4;
constexpr double kMinTexture = 1;
// The outline sits where the difference reaches 40% of the embryo's difference nearby:
// a threshold relative to the local interior, so a pale unstained end keeps its outline
// next to strongly stained tissue.
constexpr double kEdgeLevel = 0.4;
constexpr double kMinPaleContrast = 4;  // darkness levels, blob mean (noise reads ~1)
// Area over convex hull area of a pale blob: 0.93 or more on every pale embryo measured,
// 0.66-0.83 where only part of one was found.
constexpr double kMinSolidity = 0.9;
// The darkness blob has leaked into the background when more than 1% of it is smooth and
// outside the textured region (more than a kernel away): a vignetted corner joined to the
// embryo. It is 0 on the BDGP samples and their padded, rotated and vignetted copies, and on
// every demo image that did not leak (those have 16-35%).
constexpr double kMaxLeak = 0.01;

// p-quantile of the float pixels of `values32` (where `where` is set, if given), from every
// 3rd pixel of every 3rd row: plenty for a level, a third of the time.
float sampledQuantile(const cv::Mat& values32, double p, const cv::Mat& where = {}) {
  std::vector<float> v;
  v.reserve(values32.total() / 9 + 1);
  for (int y = 1; y < values32.rows; y += 3) {
    const float* row = values32.ptr<float>(y);
    const uchar* w = where.empty() ? nullptr : where.ptr<uchar>(y);
    for (int x = 1; x < values32.cols; x += 3)
      if (!w || w[x]) v.push_back(row[x]);
  }
  if (v.empty()) return 0;
  auto at = v.begin() + static_cast<std::ptrdiff_t>(p * (v.size() - 1));
  std::nth_element(v.begin(), at, v.end());
  return *at;
}

// Local variance of an 8-bit image over a box window: texture, blind to smooth shading.
cv::Mat localVariance(const cv::Mat& img8, int size) {
  cv::Mat mean, sq;
  cv::boxFilter(img8, mean, CV_32F, {size, size});
  cv::sqrBoxFilter(img8, sq, CV_32F, {size, size});
  cv::multiply(mean, mean, mean);
  cv::subtract(sq, mean, sq);
  return sq;
}

struct Texture {
  cv::Mat textured;  // 255 where the local standard deviation is well above the background's
  cv::Mat region;    // convex hull of the largest textured blob; empty when there is none
};

// Where the image is textured, and the region the embryo is in. No region when nothing is
// textured, or when nearly the whole image is (no background left to tell it from).
Texture findTexture(const cv::Mat& dark, int kernel) {
  const cv::Mat var = localVariance(dark, kTextureWindow);
  const double level = std::max(
      kMinTexture, kTextureFloorFactor * std::sqrt(std::max(0.0f, sampledQuantile(var, 0.05))));
  Texture t;
  t.textured = var > level * level;
  cv::morphologyEx(t.textured, t.textured, cv::MORPH_CLOSE, ellipseKernel(kernel));
  cv::morphologyEx(t.textured, t.textured, cv::MORPH_OPEN, ellipseKernel(kernel));
  const Blob blob = largestFilledBlob(t.textured);
  if (blob.contour.empty()) return t;
  // The hull, not the blob: where the interior is too faint to read as textured the blob
  // can be a broken ring, and an embryo is convex.
  std::vector<cv::Point> hull;
  cv::convexHull(blob.contour, hull);
  t.region = cv::Mat::zeros(dark.size(), CV_8U);
  cv::fillConvexPoly(t.region, hull, 255);
  if (cv::countNonZero(t.region) > 0.95 * t.region.total()) t.region.release();
  return t;
}

// The embryo inside (and slightly beyond) `region`, outlined by its difference from a
// background fitted around the region. Throws when that difference is too small, or when
// it outlines only part of an embryo.
Blob paleBlob(const cv::Mat& dark, const cv::Mat& region, int kernel) {
  cv::Mat exclude;
  cv::dilate(region, exclude, ellipseKernel(2 * kernel));
  cv::Mat surface = quadraticBackground(dark, exclude);
  if (surface.empty()) surface = backgroundSurface(dark);

  // Background level and noise of the difference: signed, so a background lighter than the
  // fit is measured too (clipping at 0 would call it noiseless).
  cv::Mat diff;
  cv::subtract(dark, surface, diff, cv::noArray(), CV_32F);
  const cv::Mat outside = exclude == 0;
  const double bg = sampledQuantile(diff, 0.5, outside);
  cv::absdiff(diff, cv::Scalar(bg), diff);
  const double sigma = 1.4826 * sampledQuantile(diff, 0.5, outside);

  // Threshold: kEdgeLevel of the interior's mean difference nearby (a normalized box
  // average over the region's inside, about 4 kernels wide), never below the noise.
  cv::Mat inner, level, weight;
  cv::erode(region, inner, ellipseKernel(2 * kernel));
  if (cv::countNonZero(inner) == 0) inner = region;
  diff.copyTo(level, inner);  // zero elsewhere
  const cv::Size window(4 * kernel - 1, 4 * kernel - 1);
  cv::blur(level, level, window);
  cv::boxFilter(inner, weight, CV_32F, window, {-1, -1}, true);
  weight += 1e-3f * 255;
  cv::divide(level, weight, level, kEdgeLevel * 255);
  cv::max(level, 4 * sigma + 2, level);
  cv::Mat mask = diff > level;

  // Only near the textured region: a vignette the quadratic does not quite follow must not
  // grow the blob into a corner.
  cv::Mat near;
  cv::dilate(region, near, ellipseKernel(kernel));
  mask &= near;
  cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, ellipseKernel(kernel));
  cv::morphologyEx(mask, mask, cv::MORPH_OPEN, ellipseKernel(kernel));
  Blob blob = largestFilledBlob(mask);
  if (blob.mask.empty() || cv::mean(diff, blob.mask)[0] < std::max(kMinPaleContrast, 4 * sigma))
    throw Error(std::string("no embryo found: no object differs clearly from the background") +
                kCheckImage);
  // An embryo is convex; a blob much less so is the part of one that differs from the
  // background (the rest as light as a tinted background): better reported than cropped.
  std::vector<cv::Point> hull;
  cv::convexHull(blob.contour, hull);
  if (cv::contourArea(blob.contour) < kMinSolidity * cv::contourArea(hull))
    throw Error(std::string("no embryo found: only part of a pale object differs from the "
                            "background") +
                kCheckImage);
  return blob;
}

// Share of `blob` that is smooth and farther than `distance` pixels from the textured
// region: background the darkness threshold took in.
double leakedShare(const cv::Mat& blob, const Texture& texture, int distance) {
  cv::Mat near, leaked;
  cv::dilate(texture.region, near, ellipseKernel(2 * distance + 1));
  cv::bitwise_or(near, texture.textured, near);
  cv::bitwise_and(blob, ~near, leaked);
  return cv::countNonZero(leaked) / std::max(1.0, static_cast<double>(cv::countNonZero(blob)));
}

Segmentation segmentAtWorkScale(const cv::Mat& bgr) {
  Segmentation s;
  const int side = std::max(bgr.cols, bgr.rows);
  s.scale = side > kWorkMaxSide ? static_cast<double>(kWorkMaxSide) / side : 1.0;
  if (s.scale < 1)
    cv::resize(bgr, s.work, {}, s.scale, s.scale, cv::INTER_AREA);
  else
    s.work = bgr;

  // The same blur in input pixels at any working scale, so the outline (which sits where
  // the blurred edge crosses a low threshold) does not move with the input's size.
  cv::Mat dark = darknessChannel(s.work);
  cv::GaussianBlur(dark, dark, {0, 0}, 1.1 * s.scale);
  const int kernel = std::max(3, static_cast<int>(std::lround(side * s.scale / 100)));

  // Darkness first. Pass 1 against a background from the corners; pass 2 against a
  // quadratic fitted to what pass 1 left as background (skipped when too little of it is
  // visible).
  Blob blob;
  std::string failure;
  try {
    blob = largestDarkBlob(dark, backgroundSurface(dark), kernel);
    cv::Mat exclude;
    cv::dilate(blob.mask, exclude, ellipseKernel(2 * kernel));
    const cv::Mat surface = quadraticBackground(dark, exclude);
    if (!surface.empty()) blob = largestDarkBlob(dark, surface, kernel);
  } catch (const Error& e) {
    failure = e.what();
  }
  // Then texture, as a check: the texture-based blob replaces the darkness blob when
  // darkness found nothing, or leaked into smooth background outside the textured region.
  // Otherwise the darkness result stands as it was.
  const Texture texture = findTexture(dark, kernel);
  if (!texture.region.empty() &&
      (!failure.empty() || leakedShare(blob.mask, texture, kernel) > kMaxLeak)) {
    try {
      blob = paleBlob(dark, texture.region, kernel);
      failure.clear();
    } catch (const Error&) {
      // No pale embryo either: keep the darkness result, or its error.
    }
  }
  if (!failure.empty()) throw Error(failure);
  s.mask = blob.mask;
  s.contour = std::move(blob.contour);

  // Background colour: median of pixels clearly outside the embryo (not its halo).
  cv::Mat near;
  cv::dilate(s.mask, near, ellipseKernel(kernel));
  std::array<std::array<int, 256>, 3> hist{};
  int count = 0;
  for (int y = 0; y < s.work.rows; ++y) {
    const auto* px = s.work.ptr<cv::Vec3b>(y);
    const uchar* m = near.ptr<uchar>(y);
    for (int x = 0; x < s.work.cols; ++x)
      if (!m[x]) {
        ++count;
        for (int c = 0; c < 3; ++c) ++hist[c][px[x][c]];
      }
  }
  s.background = cv::Scalar(255, 255, 255);  // embryo fills the frame: assume white
  if (count >= 16)
    for (int c = 0; c < 3; ++c)
      for (int v = 0, seen = 0; v < 256; ++v)
        if ((seen += hist[c][v]) * 2 >= count) {
          s.background[c] = v;
          break;
        }
  return s;
}

}  // namespace

Segmentation segmentEmbryo(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.type() != CV_8UC3)
    throw Error("cannot standardize: expected an 8-bit colour (BGR) image; read it with readImage");
  if (bgr.cols < 16 || bgr.rows < 16)
    throw Error("cannot standardize: the image is smaller than 16 x 16 pixels; use the original");
  Segmentation coarse = segmentAtWorkScale(bgr);
  // A small embryo in a large image was found at low resolution: segment again in a region
  // around it (half its size added on each side) so the outline and the cues stay sharp.
  const cv::Rect box = cv::boundingRect(coarse.contour);
  if (coarse.scale == 1 || std::max(box.width, box.height) * 2 > kWorkMaxSide) return coarse;
  const double pad = 0.5 * std::max(box.width, box.height);
  const cv::Rect region =
      cv::Rect(cv::Point(static_cast<int>((box.x - pad) / coarse.scale),
                         static_cast<int>((box.y - pad) / coarse.scale)),
               cv::Point(static_cast<int>(std::ceil((box.br().x + pad) / coarse.scale)),
                         static_cast<int>(std::ceil((box.br().y + pad) / coarse.scale)))) &
      cv::Rect(0, 0, bgr.cols, bgr.rows);
  try {
    Segmentation fine = segmentAtWorkScale(bgr(region));
    fine.offset = region.tl();
    return fine;
  } catch (const Error&) {
    return coarse;  // the region was too unlike a whole image to segment; keep the first
  }
}

cv::Point2d Segmentation::toInput(const cv::Point& p) const {
  return {(p.x + 0.5) / scale - 0.5 + offset.x, (p.y + 0.5) / scale - 0.5 + offset.y};
}

cv::Mat Segmentation::inputMask(cv::Size size) const {
  const Segmentation& s = *this;
  cv::Mat full = cv::Mat::zeros(size, CV_8U);
  const cv::Rect region(s.offset,
                        cv::Size(std::min(size.width - s.offset.x,
                                          static_cast<int>(std::lround(s.mask.cols / s.scale))),
                                 std::min(size.height - s.offset.y,
                                          static_cast<int>(std::lround(s.mask.rows / s.scale)))));
  if (s.scale == 1) {
    s.mask.copyTo(full(region));
  } else {
    cv::Mat up;
    cv::resize(s.mask, up, region.size(), 0, 0, cv::INTER_LINEAR);
    cv::threshold(up, full(region), 127, 255, cv::THRESH_BINARY);
  }
  return full;
}

}  // namespace flystage
