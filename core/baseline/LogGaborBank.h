#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace flystage {

// The hand-made features of Yuan et al. (2013), the paper's baseline: 24 log-Gabor filters
// (4 scales x 6 orientations) applied to the grey image in the frequency domain, the
// magnitude of each response average-pooled in 8 x 8 cells, flattened and concatenated.
struct LogGaborOptions {
  int scales = 4;
  int orientations = 6;
  double minWavelength = 3.0;  // pixels, finest scale
  double scaleFactor = 2.0;    // wavelength ratio between scales
  double sigmaOnf = 0.55;      // radial bandwidth (about two octaves)
  double angularSpread = 1.5;  // orientation spacing / angular sigma
  int pool = 8;
};

class LogGaborBank {
 public:
  LogGaborBank(int height, int width, LogGaborOptions options = {});

  // grey: CV_8U or CV_32F, height x width. Returns scales*orientations*(h/pool)*(w/pool)
  // features.
  std::vector<float> features(const cv::Mat& grey) const;
  int featureSize() const;
  // The frequency-domain transfer function of filter k (scale-major), for tests.
  const cv::Mat& filter(int k) const { return filters_[k]; }

 private:
  int height_, width_;
  LogGaborOptions options_;
  std::vector<cv::Mat> filters_;  // CV_32F, height x width, DFT layout (DC at 0,0)
};

}  // namespace flystage
