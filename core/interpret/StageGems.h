#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "interpret/Colormap.h"
#include "interpret/ExpressionMap.h"
#include "interpret/Saliency.h"
#include "interpret/StainIntensity.h"
#include "util/Progress.h"
#include "util/Shard.h"

namespace flystage {

class Project;

// Which stage an image counts for in a GEM.
enum class StageAssignment {
  Label,      // its precise stage label (imported or set by a person)
  Prediction  // a run's predicted stage, when the model's probability reaches minConfidence
};
std::string stageAssignmentName(StageAssignment a);  // "label", "prediction"
StageAssignment parseStageAssignment(const std::string& text);

struct GemRequest {
  std::vector<int> stages;            // 4..17; empty: all fourteen
  std::optional<std::int64_t> runId;  // the model for predictions and saliency
  StageAssignment assignment = StageAssignment::Prediction;
  double minConfidence = 0;            // Prediction: the least probability of the called stage
  std::string gene;                    // empty: genome-wide (every gene)
  std::vector<std::int64_t> imageIds;  // empty: every image of the project
  bool masked = false;                 // weight each image by its saliency mask
  SaliencyOptions saliency;            // masked GEMs: how the maps are made
  // Masked GEMs: each embryo pixel weighs what the saliency overlay shows it at,
  // saliencyWeight (interpret/Colormap.h): the image's saliency map scaled by its maskQuantile
  // quantile, so the pixels at or above it weigh 1 and the others in proportion (a soft mask,
  // not a threshold). 0.99: the overlay's scaling (kSaliencyQuantile).
  double maskQuantile = kSaliencyQuantile;
  StainNormalization normalization;
};

struct StageGem {
  ExpressionMap map;
  std::vector<std::int64_t> imageIds;  // the images behind it
};

struct GemResult {
  std::vector<StageGem> gems;  // one per requested stage, in stage order
  std::string labelSource;     // how images were assigned, for the figure's provenance
  std::size_t imagesConsidered = 0;
};

// One pass over the images in chunks (memory independent of their number): predictions come
// from the run's stored predictions, or are computed for images that have none; masked GEMs
// compute the saliency of the stage each image is counted for.
// Throws flystage::Error for a request that cannot be met (a run needed but missing, a stage
// outside 4..17), Cancelled when cancelled.
GemResult buildStageGems(Project& project, const GemRequest& request,
                         const ProgressFn& progress = {}, const CancelToken* cancel = nullptr);

// The sums behind the GEMs of a request, before the means are taken: what one shard of the
// images contributes, and what adding the shards' sums gives back (interpret/GemPartial.h).
struct StageGemSum {
  int stage = 0;
  ExpressionMapBuilder builder{128, 320};
  std::vector<std::int64_t> imageIds;  // the images added, in id order
};
struct StageGemSums {
  std::vector<StageGemSum> stages;  // one per requested stage, in stage order
  std::string labelSource;
  std::size_t imagesConsidered = 0;
  GemResult result() const;
};

// buildStageGems without taking the means, over the images of `shard` only: the shard is cut
// from the project's id-ordered image list before the request's image and gene filters, so the
// shards of one request partition its images whatever the filters.
StageGemSums accumulateStageGems(Project& project, const GemRequest& request,
                                 const Shard& shard = {}, const ProgressFn& progress = {},
                                 const CancelToken* cancel = nullptr);

// The soft saliency mask of one image (CV_32F in [0,1], the size of embryoMask): the embryo
// mask times saliencyWeight(saliency, its size, quantile), the weight the overlay draws the
// map at. No smoothing of its own: maps come at the image's 128 x 320 pixels without the
// strides' grid, a GEM averages the weights of many images, and a blur would move weight
// across the embryo's edge and away from the pixels the overlay shows.
cv::Mat saliencyMask(const cv::Mat& saliency, const cv::Mat& embryoMask,
                     double quantile = kSaliencyQuantile);

// The embryo's pixels in a standardized image (CV_8U, 255 = embryo).
cv::Mat standardizedEmbryoMask(const cv::Mat& standardizedBgr);

}  // namespace flystage
