#pragma once

// Similar-embryo search: the k stored images whose learned feature (a network run's F(x)) is
// most like a chosen image's, with their labels, genes and the run's stored call.
#include <cstdint>
#include <optional>
#include <string>

#include "store/Label.h"
#include "util/Progress.h"

#include <vector>

namespace flystage {

class Project;

struct SimilarEmbryo {
  std::int64_t imageId = 0;
  std::string path;
  double similarity = 0;  // cosine in the run's index, -1..1
  Label label;            // the image's stage / range label now
  std::string gene;
  std::optional<int> call;  // the run's stored stage call, when it predicted the image
};

struct SimilarityIndexStatus {
  bool built = false;      // the index was (re)built from every image
  std::size_t added = 0;   // images embedded and added to a stored index
  std::size_t images = 0;  // images in the index
  int featureSize = 0, dims = 0;
};

// Makes the run's stored index current: built when missing, stale (made with another model:
// its model_sha256 differs) or `rebuild`; else the images imported since are embedded and
// added with the stored projection. Every write is one transaction. A read-only project is
// never written: the index is then built in memory only (and not kept).
SimilarityIndexStatus updateSimilarityIndex(Project& project, std::int64_t run,
                                            bool rebuild = false, const ProgressFn& progress = {},
                                            const CancelToken* cancel = nullptr);

// The k images most similar to `image` under run `run` (the image itself left out), most
// similar first. Updates the index first (updateSimilarityIndex). Gabor runs are refused.
std::vector<SimilarEmbryo> findSimilar(Project& project, std::int64_t run, std::int64_t image,
                                       int k, bool rebuild = false, const ProgressFn& progress = {},
                                       const CancelToken* cancel = nullptr,
                                       SimilarityIndexStatus* status = nullptr);

}  // namespace flystage
