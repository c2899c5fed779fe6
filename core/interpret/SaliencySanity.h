#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eval/ConfidenceInterval.h"
#include "interpret/Saliency.h"
#include "util/Progress.h"

namespace flystage {

class Project;

// Whether a saliency method's maps explain this run's model, measured on its images
// (docs/interpretation.md, "Sanity and faithfulness"):
// - model randomization (Adebayo et al. 2018): the maps of the same network with all its
//   learned weights randomized (a fresh network of the same architecture and normalization,
//   the end of Adebayo's cascade) must differ from the trained network's: Spearman rank
//   correlation per image of the two maps over the embryo's pixels, its mean over images
//   with a 95 % bootstrap interval; passes when the interval's upper end is below 0.5;
// - deletion (Petsiuk et al. 2018): the embryo's pixels are turned into blank bright field
//   (white, the integrated-gradients baseline) in `steps` equal steps, most salient first or
//   in a seeded random order; the probability of the called stage must fall faster: the
//   paired per-image gap (random area - salient area under the curves) has a 95 % bootstrap
//   interval above 0.
struct SaliencySanity {
  SaliencyMethod method = SaliencyMethod::Vanilla;
  int images = 0;                   // images measured
  double randomizationRank = 0;     // mean Spearman correlation, trained vs randomized maps
  double randomizationRankLow = 0;  // its 95 % interval over images
  double randomizationRankHigh = 0;
  std::vector<double> fractions;        // share of embryo pixels removed at each step, 0..1
  std::vector<double> deletionSalient;  // mean p(called stage), most salient removed first
  std::vector<double> deletionRandom;   // the same, random order
  double deletionAreaSalient = 0;       // mean area under each image's curve (lower: faster fall)
  double deletionAreaRandom = 0;
  double deletionGap = 0;     // mean paired per-image gap (random - salient area)
  double deletionGapLow = 0;  // its 95 % interval
  double deletionGapHigh = 0;
  bool randomizationPassed = false;
  bool deletionPassed = false;
  // How it was measured (stored with the figures).
  int steps = 0;
  int samples = 0;  // SmoothGrad noisy copies / integrated-gradients steps; 1 otherwise
  std::uint64_t seed = 0;
  bool passed() const { return randomizationPassed && deletionPassed; }
  std::string verdict() const;  // one line: "passes", or which check failed, with the figures
};

// Thresholds (docs/interpretation.md).
inline constexpr double kRandomizationRankLimit = 0.5;  // interval's upper end must be below
inline constexpr int kSanityBootstrapResamples = kBootstrapResamples;

struct SaliencySanityOptions {
  std::vector<SaliencyMethod> methods = saliencyMethods();
  SaliencyOptions saliency;  // samples, noise, seed, batch, device (method is set per method)
  int steps = 10;            // deletion curve points after 0
  std::uint64_t seed = 1;    // the random weights, the random deletion order, the bootstrap
};

// Runs both checks for each method on `imageIds` under the run's final model (explaining each
// image's called stage). Throws flystage::Error as computeSaliency does (and for no images,
// steps outside 1..1000); Cancelled.
std::vector<SaliencySanity> checkSaliency(Project& project, std::int64_t runId,
                                          const std::vector<std::int64_t>& imageIds,
                                          const SaliencySanityOptions& options,
                                          const ProgressFn& progress = {},
                                          const CancelToken* cancel = nullptr);

// Stored with the run (one transaction) as metrics "saliency_sanity:<method name>" (value 1
// passed, 0 failed; the JSON holds every figure), read back by the GUI's method lists and the
// report. A stored result that is not valid (a foreign or damaged project) is a
// flystage::Error naming the project, the run and the metric; never a crash.
void storeSaliencySanity(Project& project, std::int64_t runId,
                         const std::vector<SaliencySanity>& results);
std::vector<SaliencySanity> storedSaliencySanity(Project& project, std::int64_t runId);
std::optional<SaliencySanity> storedSaliencySanity(Project& project, std::int64_t runId,
                                                   SaliencyMethod method);
// "saliency_sanity:vanilla", ...
std::string saliencySanityMetric(SaliencyMethod method);

// The pieces, exposed for tests.

// Spearman's rank correlation of two equally long samples (ties get their mean rank). A
// sample with no spread (all equal) has no ranking: 0.
double spearmanRank(const std::vector<float>& a, const std::vector<float>& b);

// bootstrapMean (eval/ConfidenceInterval.h) gives the 95 % intervals over images.

// The trapezoid area under y(x).
double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y);

// One image's measurements: its rank correlation and its two deletion curves (steps + 1).
struct SanityImage {
  double rank = 0;
  std::vector<double> salient, random;
};
// The summary and verdicts of one method from its images' measurements (fractions: steps + 1).
SaliencySanity summarizeSanity(SaliencyMethod method, const std::vector<double>& fractions,
                               const std::vector<SanityImage>& images, std::uint64_t seed);

}  // namespace flystage
