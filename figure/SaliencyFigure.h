#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "figure/Figure.h"
#include "interpret/Colormap.h"
#include "interpret/Saliency.h"

namespace flystage::figure {

struct SaliencyFigureOptions {
  Colormap colormap = Colormap::Inferno;
  double opacity = 0.7;
  SaliencyMethod method = SaliencyMethod::Vanilla;
  int trueStage = 0;  // 0: unknown (not shown)
};

// The standardized image and, beside it, the saliency map of the explained stage over it
// (scaled to its 99th percentile), with a colour bar and a 20% egg-length scale bar. The CSV
// holds the raw map (model input resolution).
Figure saliencyFigure(const cv::Mat& standardizedBgr, const SaliencyMap& map,
                      const SaliencyFigureOptions& options, Provenance provenance);

// One example image per row: the image, then its map under each method (columns), each
// scaled to its own 99th percentile. For the report's examples of right and wrong calls.
struct SaliencyExample {
  cv::Mat image;  // standardized BGR
  int trueStage = 0;
  std::vector<SaliencyMap> maps;  // one per method, same order as `methods`
};
Figure saliencyGallery(const std::vector<SaliencyExample>& examples,
                       const std::vector<SaliencyMethod>& methods, Colormap colormap,
                       double opacity, Provenance provenance);

}  // namespace flystage::figure
