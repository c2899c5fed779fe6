#pragma once

// Whether a new training run has the labels its method needs, checked before anything is
// stored: a run that cannot train is refused at once (no run, no epoch, no Resume that cannot
// succeed). No torch here: the GUI asks before it starts a run.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/RunStore.h"
#include "train/TrainConfig.h"

namespace flystage {

class Project;

struct TrainingDataProblem {
  enum class Kind {
    NoPreciseStage,  // no image has a precise stage 4..17
    NoneInTraining,  // images with a precise stage, none in the training part
    OneStage,        // the training part holds one stage only
    MissingStages,   // two-step: stages without a training image (no reference for them)
    NoRanges,        // data-level / two-step pretraining: no range a curator gave
  };
  Kind kind = Kind::NoPreciseStage;
  Method method = Method::Plain;
  int rangeOnly = 0;         // NoPreciseStage: images with a range and no precise stage
  int precise = 0;           // NoneInTraining: images with a precise stage (all elsewhere)
  int stage = 0;             // OneStage: the only stage
  int images = 0;            // OneStage: its training images
  std::vector<int> missing;  // MissingStages: the stages 4..17 without a training image

  // One line: what is missing and what to import or label, in the command line's words
  // with `project` as the project file they name.
  std::string message(const std::string& project = "PROJECT") const;
};

// The images a new run would take (snapshotRunImages) without writing anything: the split as
// snapshotRunImages would complete it. Defined with it in RunData.cpp.
std::vector<RunImage> plannedRunImages(Project& project,
                                       std::optional<std::uint64_t> splitSeed = std::nullopt);

// Why a run of `config` cannot train on `images` (a run's images as snapshotRunImages gives
// them, range rows included), or nothing. The rules follow what each method uses: every
// method a training image with a precise stage and at least two stages; data-level and
// two-step (without --from-run) range pretraining on ranges a curator gave (a range derived
// from a stage label adds nothing); two-step a training image of every stage 4..17, since
// its feature level needs a reference image of each (ReferenceSet).
std::optional<TrainingDataProblem> trainingDataProblem(const std::vector<RunImage>& images,
                                                       const TrainConfig& config);

// The same for the project as it is now, without writing: the images a new run of `config`
// would take (plannedRunImages).
std::optional<TrainingDataProblem> trainingDataProblem(Project& project, const TrainConfig& config);

}  // namespace flystage
