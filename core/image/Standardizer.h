#pragma once

#include <opencv2/core.hpp>

#include "image/Orientation.h"

namespace flystage {

struct StandardizeOptions {
  int height = 128;  // the model's input size (paper: 128 x 320, height x width)
  int width = 320;
  // Background added around the embryo, as a fraction of its length. 0 frames the embryo as
  // BDGP's standardized crops do (it spans ~97% of the width), so lab images and BDGP crops
  // look alike to the model.
  double margin = 0.0;
  bool autoOrient = true;
};

struct StandardizeResult {
  cv::Mat image;                   // CV_8UC3 BGR, options.height x options.width
  bool passthrough = false;        // input was already a standardized crop: geometry unchanged
  double angleDegrees = 0;         // rotation applied to bring the long axis horizontal
  bool flippedHorizontal = false;  // automatic orientation put anterior left
  bool flippedVertical = false;    // automatic orientation put dorsal up
  double apConfidence = 0;         // 0..1, how clear the anterior/posterior cue was
  double dvConfidence = 0;         // 0..1, how clear the dorsal/ventral cue was
  cv::RotatedRect embryo;          // fitted embryo in input pixel coordinates
  double foregroundFraction = 0;   // share of input pixels segmented as embryo
};

// The pipeline: segments the embryo from the light background (Segmentation.h), fits its
// long axis, rotates it horizontal, crops with a margin, resizes to height x width and
// orients it anterior-left, dorsal-up where the shape cues are clear (Orientation.h; see
// docs/standardization.md).
class Standardizer {
 public:
  explicit Standardizer(StandardizeOptions options = {});

  // Input: CV_8UC3 BGR (data/ImageIo normalizes every format to that).
  // Throws flystage::Error when no embryo can be found.
  StandardizeResult run(const cv::Mat& bgr, const OrientationOverride& fix = {}) const;

  // Foreground mask (CV_8U, 255 = embryo) of a BGR image at its own size:
  // segmentEmbryo(bgr).inputMask(bgr.size()) (Segmentation.h).
  cv::Mat segment(const cv::Mat& bgr) const;

  const StandardizeOptions& options() const { return options_; }

 private:
  StandardizeOptions options_;
};

}  // namespace flystage
