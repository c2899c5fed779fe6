#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "data/Stage.h"
#include "eval/ConfidenceInterval.h"
#include "store/LabellerVotes.h"

namespace flystage {

class Project;
struct StoredPrediction;

// Two stages of one image, by two raters (a, b): precise stages 4..17.
struct StagePair {
  std::int64_t imageId = 0;
  int a = 0, b = 0;
};

// How well two raters (labellers, or a labeller and a model) agree on the images both staged.
struct Agreement {
  std::string a, b;
  int images = 0;
  // Linear-weighted Cohen's kappa over the 14 stages 4..17, weights 1 - |i - j| / 13 by stage
  // distance; 1 when both raters always say the same stage.
  double kappa = 0;
  Interval kappaInterval;  // 95 % percentile bootstrap over images (seeded)
  double exact = 0;        // share of images with the same stage, 0..1
  // Per stage s: unweighted kappa of "s" vs "not s" (NaN when neither rater used s).
  std::array<double, kNumFineStages> perStageKappa{};
  // confusion[i][j]: images a called stage 4 + i and b called 4 + j.
  std::array<std::array<int, kNumFineStages>, kNumFineStages> confusion{};
};

// The agreement of the pairs (stages 4..17; throws flystage::Error for another stage). No pairs:
// images 0, kappa and exact NaN.
Agreement agreementOf(const std::string& a, const std::string& b,
                      const std::vector<StagePair>& pairs, std::uint64_t seed = 1);

// Labellers a and b on the images both gave a stage of 4..17 (images either put at 1..3 are
// left out: the 14 stages are those the model calls).
Agreement labellerAgreement(const std::vector<LabellerVote>& votes, const std::string& a,
                            const std::string& b);

// Every pair of labellers (names ascending, a < b) that share at least one image.
std::vector<Agreement> allPairs(const std::vector<LabellerVote>& votes);

// The model as a labeller: `labeller` (a) against a run's calls (b = `model`,
// StoredPrediction::call) on the images both `labeller` and `sharedWith` staged (4..17) and the
// run predicted. labellerAgreementOn() gives the two labellers' own figure on the same images.
Agreement modelAgreement(const std::vector<StoredPrediction>& predictions,
                         const std::vector<LabellerVote>& votes, const std::string& labeller,
                         const std::string& sharedWith, const std::string& model);
Agreement labellerAgreementOn(const std::vector<StoredPrediction>& predictions,
                              const std::vector<LabellerVote>& votes, const std::string& a,
                              const std::string& b);

// The Markdown block `compare` prints: "## Labeller agreement" with kappa [CI] and exact
// agreement per pair, per-stage kappa, each pair's confusion and, per run of `runs`, the
// run's kappa with each labeller on the images both labellers staged, beside theirs. Empty
// when no two labellers share an image.
std::string agreementText(Project& project, const std::vector<std::int64_t>& runs);

}  // namespace flystage
