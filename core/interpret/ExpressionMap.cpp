#include "interpret/ExpressionMap.h"

#include <limits>

#include "util/Error.h"

namespace flystage {

cv::Mat ExpressionMap::outline() const {
  cv::Mat inside = coverage >= 0.5;
  return inside;
}

ExpressionMapBuilder::ExpressionMapBuilder(int height, int width)
    : size_(width, height),
      sum_(cv::Mat::zeros(size_, CV_64F)),
      weights_(cv::Mat::zeros(size_, CV_64F)),
      covered_(cv::Mat::zeros(size_, CV_64F)) {}

void ExpressionMapBuilder::add(const cv::Mat& expression, const cv::Mat& embryoMask,
                               const cv::Mat& weight) {
  if (expression.size() != size_ || expression.type() != CV_32F)
    throw Error("GEM: an expression map is not a float map of the GEM's size");
  if (!embryoMask.empty() && (embryoMask.size() != size_ || embryoMask.type() != CV_8U))
    throw Error("GEM: an embryo mask is not an 8-bit mask of the GEM's size");
  if (!weight.empty() && (weight.size() != size_ || weight.type() != CV_32F))
    throw Error("GEM: a weight map is not a float map of the GEM's size");
  for (int y = 0; y < size_.height; ++y) {
    const auto* e = expression.ptr<float>(y);
    const auto* m = embryoMask.empty() ? nullptr : embryoMask.ptr<std::uint8_t>(y);
    const auto* w = weight.empty() ? nullptr : weight.ptr<float>(y);
    auto* s = sum_.ptr<double>(y);
    auto* ws = weights_.ptr<double>(y);
    auto* c = covered_.ptr<double>(y);
    for (int x = 0; x < size_.width; ++x) {
      if (m && !m[x]) continue;
      c[x] += 1;
      const double wi = w ? w[x] : 1.0;
      s[x] += wi * e[x];
      ws[x] += wi;
    }
  }
  ++images_;
}

ExpressionMap ExpressionMapBuilder::result(int stage) const {
  ExpressionMap gem;
  gem.stage = stage;
  gem.images = images_;
  gem.mean.create(size_, CV_32F);
  for (int y = 0; y < size_.height; ++y) {
    const auto* s = sum_.ptr<double>(y);
    const auto* ws = weights_.ptr<double>(y);
    auto* out = gem.mean.ptr<float>(y);
    for (int x = 0; x < size_.width; ++x)
      out[x] =
          ws[x] > 0 ? static_cast<float>(s[x] / ws[x]) : std::numeric_limits<float>::quiet_NaN();
  }
  weights_.convertTo(gem.weight, CV_32F);
  // weights_ sums w over embryo pixels and covered_ counts embryo pixels, image by image.
  const double embryoPixels = cv::sum(covered_)[0];
  gem.keptFraction = embryoPixels > 0 ? cv::sum(weights_)[0] / embryoPixels : 0.0;
  covered_.convertTo(gem.coverage, CV_32F, images_ > 0 ? 1.0 / images_ : 0.0);
  return gem;
}

ExpressionMapBuilder::Sums ExpressionMapBuilder::sums() const {
  return {sum_.clone(), weights_.clone(), covered_.clone(), images_};
}

void ExpressionMapBuilder::merge(const Sums& other) {
  for (const cv::Mat* m : {&other.weightedExpression, &other.weights, &other.covered})
    if (m->size() != size_ || m->type() != CV_64F)
      throw Error("GEM: partial sums are not double maps of the GEM's size");
  if (other.images < 0) throw Error("GEM: partial sums with a negative image count");
  sum_ += other.weightedExpression;
  weights_ += other.weights;
  covered_ += other.covered;
  images_ += other.images;
}

}  // namespace flystage
