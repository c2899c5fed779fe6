#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/Precision.h"
#include "util/NumberRange.h"

namespace flystage {

// TwoStepNoLs is the two-step method's ablation: the same feature-level epochs from the
// same data-level model, cross-entropy only (no reference sets, no similarity loss), so
// that what L_S adds is measured against the extra epochs alone.
enum class Method { Plain, DataLevel, TwoStep, Gabor, TwoStepNoLs };
// "plain", "data-level", "two-step", "gabor", "two-step-no-ls"
std::string methodName(Method m);
Method parseMethod(const std::string& text);  // throws flystage::Error naming the choices
// Methods with a feature-level phase after the data level (two-step and its ablation).
bool hasFeatureLevel(Method m);
// Only two-step builds reference sets and adds the similarity loss.
bool usesSimilarityLoss(Method m);

// How each phase's learning rate falls: Step multiplies by lrGamma at fractions of the
// phase's length (lrMilestones), Cosine anneals to 0 over the phase; AbsoluteSteps is the
// rule of runs before issue 18 (lrSteps are epochs within every phase).
enum class LrSchedule { Step, Cosine, AbsoluteSteps };
std::string lrScheduleName(LrSchedule s);  // "step", "cosine", "absolute"
// Throws flystage::Error naming the choices.
LrSchedule parseLrSchedule(const std::string& text);

// When no training image of a class passes tau, the reference sets of that class use its
// single most confident image (BestImage, runs before issue 18) or every training image of
// the class (AllImages, the authors' code).
enum class ReferenceFallback { BestImage, AllImages };

// The similarity loss: the paper's Eq. 4-6 (cosine on features, softmax over classes)
// or the authors' code (row-normalized products of logits, summed over the batch).
enum class SimilarityVariant { Paper, Code };
// Reference samples: softmax probability above tau (paper) or top-1 minus top-2 logit
// above tau (code, tau = 3).
enum class TauMode { Probability, LogitMargin };

// Every parameter of a run; stored as JSON with the run. forPreset() fills the
// preset's documented defaults, which the command line and the GUI then override.
struct TrainConfig {
  Method method = Method::TwoStep;
  std::string preset = "demo";
  std::uint64_t seed = 1;
  std::string device = "auto";
  int threads = 0;                           // 0: all cores
  Precision precision = Precision::Float32;  // of the training forward pass

  double learningRate = 1e-3;
  LrSchedule lrSchedule = LrSchedule::Step;
  std::vector<double> lrMilestones = {0.5, 0.75};  // fractions of each phase (Step)
  std::vector<int> lrSteps = {20, 30};             // epochs of every phase (AbsoluteSteps)
  double lrGamma = 0.1;
  double momentum = 0.9;
  double weightDecay = 5e-4;
  int batchSize = 16;
  bool flips = true;  // random horizontal and vertical flips, p = 0.5 (not in feature level)
  int plainEpochs = 60;
  int rangeEpochs = 30;
  int fineEpochs = 20;
  int featureEpochs = 50;
  double featureLearningRate = 1e-3;

  SimilarityVariant similarity = SimilarityVariant::Paper;
  TauMode tauMode = TauMode::Probability;
  double tau = 0.8;
  int referenceSets = 100;        // k
  double similarityWeight = 1.0;  // L = L_CE + w * L_S (the paper: 1)
  ReferenceFallback referenceFallback = ReferenceFallback::AllImages;
  double similarityTemperature = 1.0;  // paper variant: softmax(cos / T); 1 is the paper

  // Which epoch a phase keeps: "auto" (the validation rule when every stage has at least
  // selectionMinPerStage validation images, else the last epoch with the validation images
  // trained on), or one rule by name (train/EpochSelection.h).
  std::string selection = "auto";
  int selectionMinPerStage = 5;

  // two-step only: start the feature level from this finished data-level run's model
  // instead of pretraining again.
  std::optional<std::int64_t> fromRun;

  // Repeated-split evaluation: draw a fresh stratified split of the stage-labelled images
  // with this seed for this run (the project's own split is not changed). Unset: the
  // project's fixed split.
  std::optional<std::uint64_t> splitSeed;

  static TrainConfig forPreset(Method method, const std::string& preset);

  // The values a numeric field (named by its JSON key, e.g. "learning_rate") allows; tau's
  // depend on tauMode. Throws std::invalid_argument for an unknown key.
  NumberRange rangeOf(const std::string& field) const;
  // The first field outside its range (NaN, an infinity, a batch of 0, tau 2 for a
  // probability, ...), or nothing. Front ends check this before a run is created, so a bad
  // value never starts one; they name the field their own way (an option, a form label).
  std::optional<RangeProblem> validate() const;

  std::string toJson() const;
  static TrainConfig fromJson(const std::string& json);
};

}  // namespace flystage
