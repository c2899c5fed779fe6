#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eval/RunComparison.h"
#include "store/RunStore.h"

namespace flystage {

class Project;

// One image a report shows as a saliency example, with its true stage.
struct ReportExample {
  std::int64_t imageId = 0;
  int trueStage = 0;
};

// What a project report features (figure/Report.h draws it): no drawing, no Qt.
struct ReportContent {
  // The runs compared (finished, with test metrics), in id order, and their methods in the
  // order they first appear among them.
  std::vector<RunSummary> compared;
  std::vector<std::string> methods;
  // The headline run whose model makes the GEMs by prediction, the masked GEMs and the
  // saliency examples; none when the project has no finished network run.
  std::optional<RunRecord> featured;
  // The featured run's saliency examples: its most confident right calls among its test
  // images, then its most confident wrong ones, max(1, examples / 2) of each at most.
  std::vector<ReportExample> examples;
};

// `newestFirst`: the newest finished two-step run, else the newest finished network run
// (never a Gabor baseline, nor a run that has not finished).
std::optional<std::int64_t> pickFeaturedRun(const std::vector<RunRecord>& newestFirst);

// The saliency examples of a run from its images (their parts and stages) and predictions:
// see ReportContent::examples. Images not in its test part are never shown.
std::vector<ReportExample> pickReportExamples(const std::vector<RunImage>& runImages,
                                              const std::vector<StoredPrediction>& predictions,
                                              int examples);

// The content of a report of `project`: `featuredRun` when given, else pickFeaturedRun.
// Throws flystage::Error when the given run does not exist, has not finished or is a Gabor
// baseline (saliency and masked GEMs need a network).
ReportContent reportContent(Project& project, std::optional<std::int64_t> featuredRun,
                            int examples);

}  // namespace flystage
