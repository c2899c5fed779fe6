#pragma once

#include <opencv2/core.hpp>

namespace flystage {

// Orientation of a standardized embryo (axis horizontal): anterior left, dorsal up where the
// shape cues are clear, left as it came where they are not (docs/standardization.md). Signs
// and thresholds were checked on the 12 BDGP reference crops.

// A manual orientation fix kept in the store per image: applied after the automatic
// decision, so "flip" always means "flip what the standardizer produced".
struct OrientationOverride {
  bool flipHorizontal = false;  // swap anterior and posterior
  bool flipVertical = false;    // swap dorsal and ventral
};

// The shape cues of one embryo mask.
struct OrientationCues {
  double ap = 0;             // > 0: left pole thicker than right (anterior is the thinner pole)
  double dv = 0;             // > 0: bottom outline more convex than top (dorsal side is flatter)
  double apReliability = 0;  // 1 - share of the pole outline cut by the image frame
  double dvReliability = 0;  // 1 - share of the side outlines cut by the image frame
};

// `mask`: embryo in the output frame (CV_8U, 255 = embryo). `outputToInput` maps an output
// pixel to the input pixel it shows and `inputSize` is the input's size: an outline pixel
// whose neighbour just beyond it lies outside the input was cut by the input's frame, not
// drawn by the embryo. The test is made in input coordinates, also beyond the output's own
// edge: with no margin the outline's extreme rows are the output's first and last rows, and
// only the input can tell whether the embryo went on there (docs/standardization.md, §4).
// All zero for a mask shorter than 20 pixels.
OrientationCues measureOrientationCues(const cv::Mat& mask, const cv::Matx23d& outputToInput,
                                       cv::Size inputSize);

// A cue flips its axis only when its confidence reaches this: an unsure cue leaves the
// embryo as it came (the user can still fix it with an OrientationOverride).
constexpr double kFlipConfidence = 0.5;

struct OrientationDecision {
  double apConfidence = 0;      // 0..1, how clear the anterior/posterior cue was
  double dvConfidence = 0;      // 0..1, how clear the dorsal/ventral cue was
  bool flipHorizontal = false;  // flip to put anterior left
  bool flipVertical = false;    // flip to put dorsal up
};

// Confidences from the cues' strength and reliability; flips only when `mayFlip` (automatic
// orientation on, and the input not passed through as an already standardized crop).
OrientationDecision decideOrientation(const OrientationCues& cues, bool mayFlip);

// Flips `image` in place: horizontal swaps left and right, vertical top and bottom.
void flipImage(cv::Mat& image, bool horizontal, bool vertical);

}  // namespace flystage
