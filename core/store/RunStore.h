#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/StageRange.h"

namespace flystage {

class Project;

struct RunRecord {
  std::int64_t id = 0;
  std::string method;
  std::string preset;
  std::string paramsJson;
  std::uint64_t seed = 0;
  // created, running, cancelled, failed, finished; interrupted: "running" when its process
  // (on this host) has died without ending the run. Every status but finished is resumable.
  std::string status;
  std::string device;
  std::string versionsJson;
  std::string startedAt;
  double durationSeconds = 0;
};

struct EpochRecord {
  std::string phase;  // "range", "fine", "feature", "plain", "gabor"
  int epoch = 0;
  double trainLoss = 0, trainAccuracy = 0, validationLoss = 0, validationAccuracy = 0;
  // The epoch's learning rate (schema 5); runs before issue 18 did not record it.
  std::optional<double> learningRate;
};

struct PhaseSelection;  // train/EpochSelection.h

struct StoredModel {
  std::string role;  // "final", "data-level"
  std::string specJson;
  std::string weights;
  std::string sha256;
};

struct RunImage {
  std::int64_t imageId = 0;
  std::string part;          // train, validation, test, range
  std::optional<int> stage;  // the precise stage (train, validation, test)
  std::string stageRange;    // the range label ("11-12")
  // The range was derived from the stage (a stage-only CSV row, a stage typed on an
  // unlabelled image), not given by a curator: it must not constrain the test call.
  bool rangeFromStage = false;
};

struct StoredPrediction {
  std::int64_t imageId = 0;
  int stage = 0;                     // the unconstrained call (argmax), 4..17
  double probability = 0;            // of `stage`
  std::vector<float> probabilities;  // 14, stages 4..17
  // Range-aware prediction (schema 4). rangeConstraint: asked for when predicting (recorded
  // with every row); range: the image's known range the constraint looked at (none when off or
  // unlabelled); the constrained call exists only for a range in 4-6..13-17.
  bool rangeConstraint = false;
  std::optional<StageRange> range;
  std::optional<int> constrainedStage;
  double constrainedProbability = 0;            // of constrainedStage
  std::vector<float> constrainedProbabilities;  // 14 (0 outside the range), or empty

  // The stage call shown and used: the constrained stage when there is one, else `stage`.
  int call() const { return constrainedStage.value_or(stage); }
  double callProbability() const { return constrainedStage ? constrainedProbability : probability; }
  const std::vector<float>& callProbabilities() const {
    return constrainedStage ? constrainedProbabilities : probabilities;
  }
};

// Runs, their per-epoch history, models, checkpoints, predictions and metrics in the
// project. Every function is one transaction (or joins the caller's).
namespace runstore {

// A "running" run records its process (id, host and the process's start: a reused id is
// told apart), from createRun or setStatus(.., "running").
std::int64_t createRun(Project& p, const RunRecord& r);
void setStatus(Project& p, std::int64_t run, const std::string& status,
               std::optional<double> durationSeconds = std::nullopt);
std::optional<RunRecord> run(Project& p, std::int64_t id);
std::vector<RunRecord> runs(Project& p);  // run() and runs() say "interrupted" for a dead run

// Marks "interrupted" every "running" run whose process on this host is gone (killed, or the
// host restarted). Runs of other hosts (or other containers) are left alone: their processes
// cannot be seen from here. Called when a project is opened for writing; gives up silently
// when another program holds the write lock (the next open does it).
void markInterruptedRuns(Project& p);

void addEpoch(Project& p, std::int64_t run, const EpochRecord& e);
std::vector<EpochRecord> epochs(Project& p, std::int64_t run);

// How a phase chose the epoch it kept (table run_selection); replaces the phase's row.
void setSelection(Project& p, std::int64_t run, const PhaseSelection& s);
// The run's rows in phase order; a run without rows (trained before issue 18) gets what it
// restored, computed from its epochs: first-best-validation-score, the range phase its last
// epoch.
std::vector<PhaseSelection> selections(Project& p, std::int64_t run);

void saveModel(Project& p, std::int64_t run, const StoredModel& m);  // replaces same role
std::optional<StoredModel> model(Project& p, std::int64_t run, const std::string& role);

void setRunImages(Project& p, std::int64_t run, const std::vector<RunImage>& images);
std::vector<RunImage> runImages(Project& p, std::int64_t run);  // all parts

void saveCheckpoint(Project& p, std::int64_t run, int phase, int epoch, const std::string& state);
struct Checkpoint {
  int phase = 0;
  int epoch = 0;
  std::string state;
};
std::optional<Checkpoint> checkpoint(Project& p, std::int64_t run);  // checks the checksum
void dropCheckpoint(Project& p, std::int64_t run);

void savePredictions(Project& p, std::int64_t run, const std::vector<StoredPrediction>& preds);
std::vector<StoredPrediction> predictions(Project& p, std::int64_t run);

void setMetric(Project& p, std::int64_t run, const std::string& name, double value,
               const std::string& json = {});
std::optional<std::string> metricJson(Project& p, std::int64_t run, const std::string& name);

}  // namespace runstore
}  // namespace flystage
