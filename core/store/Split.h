#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "store/SplitPart.h"
#include "util/NumberRange.h"

namespace flystage {

class Project;

struct SplitOptions {
  std::uint64_t seed = 1;
  double testFraction = 0.2;        // the authors' code: 80/20 (the paper's text: 70/30)
  double validationFraction = 0.1;  // carved from the rest for model selection
};

// Each fraction a finite number in [0, 1), and together below 1 so a training part is left.
// The field is "test_fraction", "validation_fraction", or "test_fraction+validation_fraction"
// for the sum (its value then "T + V"). Checked before anything is written.
std::optional<RangeProblem> splitOptionsProblem(const SplitOptions& options);

struct SplitSummary {
  int newlyAssigned = 0;
  std::map<int, std::array<int, 3>> perStage;  // stage -> {train, validation, test}
};

// The train / validation / test split of the stage-labelled images, stratified per stage
// and drawn with a seed. It is fixed once made: images that already have a part keep it;
// images labelled later are added to the parts that are short of their share in their
// stage. Splits given in an imported CSV are kept as given. Runs in the caller's
// transaction when there is one.
SplitSummary assignSplit(Project& project, const SplitOptions& options);

// The stratified draw itself: assigns `unassigned` images of one stage to the parts that
// are short of their share, given the counts the stage already has ({train, validation,
// test}). Deterministic from (seed, stage). Used by the project's fixed split and by runs
// on a repeated split.
std::vector<SplitPart> drawStageParts(std::vector<std::int64_t>& unassigned, int stage,
                                      std::array<int, 3>& counts, const SplitOptions& options);

// A whole new split of the stage-labelled images (id, stage), drawn in memory with the
// options' seed; the project's own split is not touched. For repeated-split evaluation.
std::map<std::int64_t, SplitPart> drawSplit(const std::vector<std::pair<std::int64_t, int>>& images,
                                            const SplitOptions& options);

// The options a project's split was made with (stored at first assignment), or defaults.
SplitOptions storedSplitOptions(Project& project);

// Drops the generated assignments (not those imported), so a new split can be drawn.
void resetSplit(Project& project);

// Stage-labelled images of one part, ordered by id.
std::vector<std::int64_t> imagesInPart(Project& project, SplitPart part);

}  // namespace flystage
