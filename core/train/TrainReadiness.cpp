#include "train/TrainReadiness.h"

#include <map>
#include <set>

#include "data/Stage.h"
#include "train/EpochSelection.h"
#include "util/Error.h"

namespace flystage {

namespace {

std::string stageList(const std::vector<int>& stages) {
  std::string s;
  for (int stage : stages) s += (s.empty() ? "" : ", ") + std::to_string(stage);
  return s;
}

}  // namespace

std::string TrainingDataProblem::message(const std::string& project) const {
  const std::string importStages =
      "import a labels CSV with a 'stage' column (flystage-cli import " + project + " --csv FILE)";
  const std::string labelStages = "(flystage-cli label " + project + " --image ID --stage N)";
  switch (kind) {
    case Kind::NoPreciseStage:
      return "no image has a precise stage 4-17 to train on" +
             (rangeOnly > 0 ? " (" + std::to_string(rangeOnly) + " have only a stage range)"
                            : std::string()) +
             ": " + importStages + " or label images with a stage " + labelStages;
    case Kind::NoneInTraining:
      return "none of the " + std::to_string(precise) +
             " image(s) with a precise stage is in the training part (all are in validation or "
             "test): label more images with a stage " +
             labelStages + " or draw the split again (flystage-cli split " + project + " --reset)";
    case Kind::OneStage:
      return "the training part has one stage only (stage " + std::to_string(stage) + ", " +
             std::to_string(images) +
             " image(s)); a classifier needs at least two: " + importStages +
             " or label images of other stages";
    case Kind::MissingStages:
      return "two-step needs a training image of every stage 4-17 (its feature level takes a "
             "reference image of each); none of stage " +
             stageList(missing) + ": " + importStages +
             " or label images of those stages, or train with --method data-level";
    case Kind::NoRanges:
      return methodName(method) +
             " pretrains on stage ranges, but no image outside the test part has a range a "
             "curator gave (a range derived from a stage label adds nothing): import the stage "
             "ranges, a labels CSV with a 'stage_range' column (flystage-cli import " +
             project + " --csv FILE), or train with --method plain";
  }
  return {};
}

std::optional<TrainingDataProblem> trainingDataProblem(const std::vector<RunImage>& images,
                                                       const TrainConfig& config) {
  std::map<int, int> training;  // stage -> images in the training part
  std::set<std::int64_t> precise, ranged;
  int curatorRanges = 0;  // range pretraining rows with a range a curator gave
  for (const auto& im : images) {
    if (im.part == "range") {
      ranged.insert(im.imageId);
      if (!im.rangeFromStage) ++curatorRanges;
      continue;
    }
    if (!im.stage || !isFineStage(*im.stage)) continue;
    precise.insert(im.imageId);
    if (im.part == "train") ++training[*im.stage];
  }
  TrainingDataProblem p;
  p.method = config.method;
  if (precise.empty()) {
    p.kind = TrainingDataProblem::Kind::NoPreciseStage;
    p.rangeOnly = static_cast<int>(ranged.size());
    return p;
  }
  if (training.empty()) {
    p.kind = TrainingDataProblem::Kind::NoneInTraining;
    p.precise = static_cast<int>(precise.size());
    return p;
  }
  if (training.size() == 1) {
    p.kind = TrainingDataProblem::Kind::OneStage;
    p.stage = training.begin()->first;
    p.images = training.begin()->second;
    return p;
  }
  // Only the similarity loss needs a reference image of every stage.
  if (usesSimilarityLoss(config.method)) {
    for (int stage = kMinFineStage; stage <= kMaxStage; ++stage)
      if (!training.count(stage)) p.missing.push_back(stage);
    if (!p.missing.empty()) {
      p.kind = TrainingDataProblem::Kind::MissingStages;
      return p;
    }
  }
  const bool pretrains =
      config.method == Method::DataLevel || (hasFeatureLevel(config.method) && !config.fromRun);
  if (pretrains && curatorRanges == 0) {
    p.kind = TrainingDataProblem::Kind::NoRanges;
    return p;
  }
  return std::nullopt;
}

std::optional<TrainingDataProblem> trainingDataProblem(Project& project,
                                                       const TrainConfig& config) {
  auto images = plannedRunImages(project, config.splitSeed);
  // The trainer folds a thin validation part into training (train/EpochSelection.h): check
  // the images it will train on. An unknown rule is refused by validate(), not here.
  try {
    if (planSelection(images, config.selectionMinPerStage, config.selection).foldValidation)
      images = foldValidationIntoTraining(std::move(images));
  } catch (const Error&) {
  }
  return trainingDataProblem(images, config);
}

}  // namespace flystage
