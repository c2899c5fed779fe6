#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace flystage {

// The embryo found in one image: the first step of standardization. Segmentation works on
// a copy whose longer side is at most 400 pixels (the axis is still found to a tenth of a
// degree), and for a small embryo in a large image on a region around it, so the outline
// and the orientation cues stay sharp; toInput() and inputMask() map back to the input.
struct Segmentation {
  double scale = 1;                // work pixels per input pixel
  cv::Point offset;                // input pixel at the work image's origin (region's corner)
  cv::Mat work;                    // input (region) resized to working scale (BGR)
  cv::Mat mask;                    // working-scale mask, 255 = embryo, holes filled
  std::vector<cv::Point> contour;  // its outline, working-scale pixels
  cv::Scalar background;           // median BGR of the background (fills the crop's margin)

  // Work-scale pixel -> input pixel (pixel centres map onto pixel centres).
  cv::Point2d toInput(const cv::Point& p) const;
  // The mask at input size `size` (CV_8U, 255 = embryo).
  cv::Mat inputMask(cv::Size size) const;
};

// Input: CV_8UC3 BGR, at least 16 x 16. The largest dark or stained blob against a fitted
// background, or, for pale embryos (or where darkness leaked into a vignetted corner), the
// granular textured region (docs/standardization.md). Throws flystage::Error saying why
// when no embryo can be found.
Segmentation segmentEmbryo(const cv::Mat& bgr);

}  // namespace flystage
