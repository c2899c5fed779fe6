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
  int late = 0;  // images in training because they were labelled after the split was drawn
};

// A part for a stage-labelled image that has none yet; late: the split was already drawn,
// so the image goes to training (splits.late) and the test part stays as it was.
struct PendingPart {
  SplitPart part = SplitPart::Train;
  bool late = false;
};

// The train / validation / test split of the stage-labelled images, stratified per stage
// and drawn with a seed. It is fixed once made: images that already have a part keep it;
// images labelled after the split was drawn go to training (late), so labelling never moves
// the test part; resetSplit and a new draw spread them again. Before any split is drawn (or
// after a reset), images without a part are drawn into the parts short of their share in
// their stage. Splits given in an imported CSV are kept as given. Runs in the caller's
// transaction when there is one.
SplitSummary assignSplit(Project& project, const SplitOptions& options);

// What assignSplit would give the stage-labelled images without a part, without writing
// (image id -> part); `summary`, when given, gets the counts assignSplit would return.
std::map<std::int64_t, PendingPart> pendingSplit(Project& project, const SplitOptions& options,
                                                 SplitSummary* summary = nullptr);

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

// Stores the options the project's split will be drawn with, before its first stage labels
// arrive (the demo imports into a fresh project with its own fractions). Throws flystage::Error
// for options splitOptionsProblem refuses, or when a split was already drawn (resetSplit first).
void storeSplitOptions(Project& project, const SplitOptions& options);

// Drops the generated assignments (not those imported), so a new split can be drawn.
void resetSplit(Project& project);

// Stage-labelled images of one part, ordered by id.
std::vector<std::int64_t> imagesInPart(Project& project, SplitPart part);

}  // namespace flystage
