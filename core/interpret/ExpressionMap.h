#pragma once

#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

namespace flystage {

// A genomewide expression map (GEM) of one stage: the per-pixel average of the normalized
// expression of aligned standardized images (paper, Section II-E and Fig. 7).
struct ExpressionMap {
  int stage = 0;  // 4..17; 0 when not for one stage
  int images = 0;
  cv::Mat mean;      // CV_32F in [0,1]; NaN where no image contributes (outside every embryo)
  cv::Mat coverage;  // CV_32F: share of the images whose embryo covers the pixel
  cv::Mat weight;    // CV_32F: the sum of the weights behind each pixel of `mean`
  // The share of the images' embryo pixels that the weights keep, pooled over the images:
  //   sum_i sum_p w_i(p) embryo_i(p) / sum_i sum_p embryo_i(p)
  // (1 for a plain GEM; a weight of 0.5 over half of every embryo keeps 0.25). Pooled rather
  // than a mean of per-image shares: it is the total weight behind the masked GEM over the
  // total behind the plain GEM of the same images, and it merges exactly from sums
  // (GemPartial). 0 without images.
  double keptFraction = 0;
  // The outline the figure draws: pixels inside the embryo of at least half the images.
  cv::Mat outline() const;
};

// Accumulates images one at a time (memory independent of their number). A pixel's value is
// the weighted mean over the images whose embryo mask holds it:
//   mean(p) = sum_i w_i(p) e_i(p) / sum_i w_i(p),  w_i = embryo_i * weight_i,
// so an all-ones weight gives the plain (unmasked) GEM, and a saliency mask as weight gives
// the masked GEM.
class ExpressionMapBuilder {
 public:
  ExpressionMapBuilder(int height, int width);

  // expression: CV_32F in [0,1]; embryoMask: CV_8U (non-zero = embryo), empty = everywhere;
  // weight: CV_32F >= 0, empty = ones. All of the builder's size.
  void add(const cv::Mat& expression, const cv::Mat& embryoMask = {}, const cv::Mat& weight = {});
  int images() const { return images_; }
  ExpressionMap result(int stage = 0) const;

  // The sums behind result() (CV_64F: sum of w e, sum of w, images whose embryo covers the
  // pixel), so that shards can accumulate on different machines and merge
  // (interpret/GemPartial.h): adding the sums of two builders gives the builder of all their
  // images.
  struct Sums {
    cv::Mat weightedExpression, weights, covered;
    int images = 0;
  };
  Sums sums() const;  // deep copies
  // Adds sums of the builder's size, as if their images had been added here.
  void merge(const Sums& other);

 private:
  cv::Size size_;
  cv::Mat sum_, weights_, covered_;  // CV_64F
  int images_ = 0;
};

}  // namespace flystage
