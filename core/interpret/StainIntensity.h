#pragma once

#include <opencv2/core.hpp>

namespace flystage {

// How much blue ISH stain (NBT/BCIP, dark blue-violet) a pixel holds.
//
// The stain absorbs red and green far more than blue, while unstained tissue and the bright
// field absorb the three about equally. The difference of optical densities,
//   OD(red, green) - OD(blue) = log10(B / sqrt(R * G)),
// is therefore ~0 for tissue and background whatever the exposure, and grows with stain
// concentration (Beer-Lambert). Negative values (yellowish tissue) are clipped to 0.
// Input CV_8UC3 BGR; output CV_32F, >= 0 (about 0.6 for the darkest BDGP stain).
cv::Mat stainDensity(const cv::Mat& bgr);

struct StainNormalization {
  // Per image: density / max(its `percentile` quantile inside the embryo, `floor`), clipped
  // to [0, 1]. The quantile equalizes exposure and probe strength between images; the floor
  // keeps an image without expression near 0 instead of stretching its noise to 1.
  double percentile = 0.99;
  double floor = 0.15;
};

// The per-image normalized expression in [0, 1] (CV_32F); 0 outside `embryoMask` (CV_8U,
// non-zero = embryo; empty = the whole image).
cv::Mat normalizedExpression(const cv::Mat& bgr, const cv::Mat& embryoMask,
                             const StainNormalization& normalization = {});

// The q-quantile (0..1) of the CV_32F values where mask is non-zero (all values when the mask
// is empty); 0 when there is none.
double maskedQuantile(const cv::Mat& values, const cv::Mat& mask, double q);

}  // namespace flystage
