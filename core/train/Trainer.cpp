#include "train/Trainer.h"

#include <algorithm>
#include <chrono>
#include <limits>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>
#include "baseline/GaborBaseline.h"
#include "data/Stage.h"
#include "data/StageRange.h"
#include "eval/StageMetrics.h"
#include "model/CpuMemoryPool.h"
#include "model/Device.h"
#include "model/ModelFile.h"
#include "model/Precision.h"
#include "model/Presets.h"
#include "store/BusyWait.h"
#include "store/DiskFull.h"
#include "store/Project.h"
#include "store/WriteTransaction.h"
#include "train/Checkpoint.h"
#include "train/EpochSelection.h"
#include "train/LearningRateSchedule.h"
#include "train/ReferenceSet.h"
#include "train/RunData.h"
#include "train/RunResults.h"
#include "train/SimilarityLoss.h"
#include "train/SimilarityNames.h"
#include "train/TrainReadiness.h"
#include "util/Error.h"
#include "util/Random.h"

namespace flystage {

namespace {

using Clock = std::chrono::steady_clock;

struct PhasePlan {
  std::string name;  // plain, range, fine, feature
  int epochs = 0;
  int classes = kNumFineStages;
  bool flips = true;
  bool similarity = false;
  bool freshHead = false;  // a new head (data-level step 2)
  double learningRate = 0;
  bool select = true;  // the run's selection rule chooses the kept epoch (else: the last)
};

std::vector<PhasePlan> planPhases(const TrainConfig& c) {
  const PhasePlan range{"range", c.rangeEpochs, kNumStageRanges, c.flips,
                        false,   false,         c.learningRate,  false};
  const PhasePlan fine{"fine", c.fineEpochs, kNumFineStages, c.flips,
                       false,  true,         c.learningRate, true};
  const PhasePlan feature{"feature", c.featureEpochs, kNumFineStages,        false,
                          true,      false,           c.featureLearningRate, true};
  switch (c.method) {
    case Method::Plain:
      return {PhasePlan{"plain", c.plainEpochs, kNumFineStages, c.flips, false, false,
                        c.learningRate, true}};
    case Method::DataLevel:
      return {range, fine};
    case Method::TwoStep:
    case Method::TwoStepNoLs: {
      // The ablation trains the same epochs on the same batches, cross-entropy only.
      PhasePlan f = feature;
      f.similarity = usesSimilarityLoss(c.method);
      if (c.fromRun) return {f};
      return {range, fine, f};
    }
    case Method::Gabor:
      break;
  }
  return {};
}

// Per-epoch, per-phase random stream: the shuffle and the flips of an epoch depend only on
// (seed, phase, epoch), so a resumed run draws exactly what an uninterrupted one would.
std::uint64_t streamSeed(std::uint64_t seed, int phase, int epoch) {
  return seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(phase) * 1000003ULL +
         static_cast<std::uint64_t>(epoch);
}

// A detached copy of every parameter and buffer, for "keep the best epoch".
using Snapshot = std::vector<torch::Tensor>;
Snapshot snapshot(ResNet& m) {
  Snapshot s;
  for (auto& p : m->parameters()) s.push_back(p.detach().clone());
  for (auto& b : m->buffers()) s.push_back(b.detach().clone());
  return s;
}
void restore(ResNet& m, const Snapshot& s) {
  torch::NoGradGuard guard;
  std::size_t i = 0;
  for (auto& p : m->parameters()) p.copy_(s[i++]);
  for (auto& b : m->buffers()) b.copy_(s[i++]);
}

struct Session {
  Session(Project& p, TrainConfig c, const TrainCallbacks& cb)
      : project(p), config(std::move(c)), callbacks(cb) {}
  Project& project;
  TrainConfig config;
  const TrainCallbacks& callbacks;
  std::int64_t runId = 0;
  torch::Device device{torch::kCPU};
  RunData data;
  ResNet model{nullptr};
  std::vector<PhasePlan> phases;
  SelectionPlan selection;  // of the phases that select (not range pretraining)
  Clock::time_point start = Clock::now();
  double priorSeconds = 0;   // time spent before a resume
  double pausedSeconds = 0;  // left out of the duration and the estimates
  // Training images (epochs x rows) of the whole run, before this session, planned in this
  // session and seen so far in it: the progress fraction and the time estimate.
  Clock::time_point workStart = Clock::now();
  double workPausedAtStart = 0;
  long long imagesTotal = 0, imagesBefore = 0, imagesPlanned = 0, imagesTrained = 0;

  bool cancelled() const { return callbacks.cancel && callbacks.cancel->cancelled(); }
  // The run's time so far, a resumed run's earlier sessions included, pauses left out.
  double runSeconds() const {
    return priorSeconds + std::chrono::duration<double>(Clock::now() - start).count() -
           pausedSeconds;
  }
  // Seconds since the first phase began, pauses left out.
  double workSeconds() const {
    return std::chrono::duration<double>(Clock::now() - workStart).count() -
           (pausedSeconds - workPausedAtStart);
  }
  // Waits while the GUI holds the pause; returns the seconds waited.
  double waitIfPaused() {
    if (!callbacks.pause) return 0;
    const double waited = callbacks.pause->waitWhilePaused(callbacks.cancel);
    pausedSeconds += waited;
    return waited;
  }
  const std::vector<int>& labels(const PhasePlan& p) const {
    return p.classes == kNumStageRanges ? data.rangeLabel : data.fineLabel;
  }
  const std::vector<int>& trainRows(const PhasePlan& p) const {
    return p.name == "range" ? data.range : data.train;
  }
};

// Probabilities (rows x classes, CPU) of the model in eval mode.
torch::Tensor predictRows(Session& s, const std::vector<int>& rows,
                          torch::Tensor* logitsOut = nullptr) {
  torch::NoGradGuard guard;
  s.model->eval();
  std::vector<torch::Tensor> probs, logits;
  const long batch = 64;
  for (std::size_t i = 0; i < rows.size(); i += batch) {
    const auto n = std::min<std::size_t>(batch, rows.size() - i);
    auto idx =
        torch::from_blob(const_cast<int*>(rows.data() + i), {static_cast<long>(n)}, torch::kInt32)
            .to(torch::kLong);
    auto out = s.model->forward(toInput(s.data.images.index_select(0, idx), s.device)).cpu();
    probs.push_back(torch::softmax(out, 1));
    if (logitsOut) logits.push_back(out);
  }
  if (logitsOut) *logitsOut = logits.empty() ? torch::empty({0}) : torch::cat(logits);
  return probs.empty() ? torch::empty({0, s.model->spec.numClasses}) : torch::cat(probs);
}

// Validation score: mean per-stage accuracy for stages, accuracy for ranges.
double validationScore(Session& s, const PhasePlan& p, double* loss) {
  const auto& rows = s.data.validation;
  if (rows.empty()) {
    *loss = std::numeric_limits<double>::quiet_NaN();
    return std::numeric_limits<double>::quiet_NaN();
  }
  const auto probs = predictRows(s, rows);
  const auto& labels = s.labels(p);
  std::vector<long> y;
  for (int r : rows) y.push_back(labels[r]);
  const auto target = torch::tensor(y);
  *loss = torch::nll_loss(torch::log(probs.clamp_min(1e-12)), target).item<double>();
  const auto pred = probs.argmax(1);
  if (p.classes == kNumStageRanges) return pred.eq(target).to(torch::kFloat).mean().item<double>();
  std::vector<int> t, q;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    t.push_back(fineStageFromIndex(static_cast<int>(y[i])));
    q.push_back(fineStageFromIndex(static_cast<int>(pred[i].item<long>())));
  }
  return computeStageMetrics(t, q).meanPerStageAccuracy;
}

std::vector<ReferenceSet> buildReferenceSets(Session& s) {
  if (s.callbacks.progress) s.callbacks.progress({"references", 0, 1, 0, 0, 0, 0, 0, 0});
  torch::Tensor logits;
  const auto probs = predictRows(s, s.data.train, &logits);
  const auto& scoresT = s.config.tauMode == TauMode::Probability ? probs : logits;
  const auto flat = scoresT.contiguous();
  std::vector<float> scores(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel());
  std::vector<int> labels;
  for (int r : s.data.train) labels.push_back(s.data.fineLabel[r]);
  const auto candidates = referenceCandidates(scores, kNumFineStages, labels, s.config.tauMode,
                                              s.config.tau, s.config.referenceFallback);
  for (std::size_t c = 0; c < candidates.perClass.size(); ++c)
    if (candidates.perClass[c].empty())
      throw Error("stage " + std::to_string(fineStageFromIndex(static_cast<int>(c))) +
                  " has no training image, so the feature level has no reference for it; label "
                  "at least one image of every stage 4..17 in the training split");
  // What the reference sets were drawn from, so a report can say how many stages had no
  // image above tau and took the fallback.
  nlohmann::json refs;
  refs["tau"] = s.config.tau;
  refs["tau_mode"] = tauModeName(s.config.tauMode);
  refs["fallback"] = referenceFallbackName(s.config.referenceFallback);
  std::vector<int> without;
  for (int c : candidates.fallback) without.push_back(fineStageFromIndex(c));
  refs["stages_without_candidate"] = without;
  nlohmann::json perStage = nlohmann::json::object();
  for (std::size_t c = 0; c < candidates.perClass.size(); ++c) {
    const int stage = fineStageFromIndex(static_cast<int>(c));
    const bool fellBack = std::find(candidates.fallback.begin(), candidates.fallback.end(),
                                    static_cast<int>(c)) != candidates.fallback.end();
    perStage[std::to_string(stage)] = fellBack ? 0 : candidates.perClass[c].size();
  }
  refs["candidates_per_stage"] = perStage;
  runstore::setMetric(s.project, s.runId, "references", static_cast<double>(without.size()),
                      refs.dump());
  auto sets =
      drawReferenceSets(candidates, std::max(1, s.config.referenceSets), s.config.seed * 31 + 7);
  // Sets hold positions in the training list; turn them into data rows.
  for (auto& set : sets)
    for (auto& i : set) i = s.data.train[i];
  return sets;
}

std::string checkpointState(Session& s, torch::optim::SGD& optimizer, const Snapshot* best,
                            double bestScore) {
  return checkpointBytes(s.model, optimizer,
                         {best != nullptr, bestScore, best ? *best : Snapshot{}});
}

struct Resumed {
  int epochsDone = 0;
  std::string state;  // empty: start the phase fresh
};

// One phase of training: epochs of SGD with the run's learning-rate schedule, validation
// each epoch, a checkpoint after each epoch, the epoch the selection rule keeps restored.
void runPhase(Session& s, int phaseIndex, const Resumed& resumed,
              const std::vector<ReferenceSet>& references) {
  const PhasePlan& p = s.phases[phaseIndex];
  const auto& rows = s.trainRows(p);
  const auto& labels = s.labels(p);
  if (rows.empty())
    throw Error("phase '" + p.name + "' has no training images; import labelled images first");

  auto options = torch::optim::SGDOptions(p.learningRate)
                     .momentum(s.config.momentum)
                     .weight_decay(s.config.weightDecay);
  torch::optim::SGD optimizer(s.model->parameters(), options);
  Snapshot best;
  bool haveBest = false;
  double bestScore = -1;
  int startEpoch = 0;
  // Range pretraining trains to its end; the other phases keep the run's rule's epoch.
  PhaseSelection selection;
  selection.phase = p.name;
  selection.epochs = p.epochs;
  selection.validationImages = static_cast<int>(s.data.validation.size());
  if (p.name == "range") {
    selection.rule = SelectionRule::LastEpoch;
    selection.reason = "range pretraining trains to its end";
  } else {
    selection.rule = s.selection.rule;
    selection.reason = s.selection.reason;
  }
  const bool selects = p.select && selection.rule != SelectionRule::LastEpoch;
  std::vector<EpochRecord> history;  // this phase's epochs so far (a resumed run's included)
  if (!resumed.state.empty()) {
    auto restored = restoreCheckpoint(
        resumed.state, "run #" + std::to_string(s.runId) + "'s checkpoint", s.model, optimizer);
    haveBest = restored.have;
    bestScore = restored.score;
    best = std::move(restored.tensors);
    startEpoch = resumed.epochsDone;
    for (const auto& e : runstore::epochs(s.project, s.runId))
      if (e.phase == p.name && e.epoch <= startEpoch) history.push_back(e);
    std::sort(history.begin(), history.end(),
              [](const EpochRecord& a, const EpochRecord& b) { return a.epoch < b.epoch; });
  }

  const int batchSize = std::max(1, s.config.batchSize);
  // Every batch has the same shapes: its activations reuse the last batch's memory.
  const CpuMemoryPoolScope pool;
  const int batches = static_cast<int>((rows.size() + batchSize - 1) / batchSize);
  for (int epoch = startEpoch; epoch < p.epochs; ++epoch) {
    const double lr = learningRateAt(s.config, p.learningRate, epoch, p.epochs);
    for (auto& group : optimizer.param_groups())
      static_cast<torch::optim::SGDOptions&>(group.options()).lr(lr);

    SeededRng rng(streamSeed(s.config.seed, phaseIndex, epoch));
    std::vector<int> order = rows;
    rng.shuffle(order);
    s.model->train();
    double lossSum = 0;
    long correct = 0, seen = 0;
    const auto epochStart = Clock::now();
    double epochPaused = 0;
    for (int b = 0; b < batches; ++b) {
      epochPaused += s.waitIfPaused();
      if (s.cancelled()) throw Cancelled{"training"};
      const std::size_t from = static_cast<std::size_t>(b) * batchSize;
      const std::size_t n = std::min<std::size_t>(batchSize, order.size() - from);
      std::vector<long> idx(order.begin() + from, order.begin() + from + n), y;
      for (long r : idx) y.push_back(labels[r]);
      auto x = toInput(s.data.images.index_select(0, torch::tensor(idx)), s.device);
      if (p.flips) {
        for (std::size_t i = 0; i < n; ++i) {
          const bool h = rng.uniform() < 0.5, v = rng.uniform() < 0.5;
          if (h) x[i] = x[i].flip({2});
          if (v) x[i] = x[i].flip({1});
        }
      }
      const auto target = torch::tensor(y).to(s.device);
      optimizer.zero_grad();
      torch::Tensor logits, loss;
      {
        // bfloat16 runs: the forward pass under autocast; the losses in float32.
        const AutocastScope autocast(s.config.precision, s.device.is_cuda());
        if (p.similarity) {
          const auto& set = references[rng.below(references.size())];
          std::vector<long> refIdx(set.begin(), set.end());
          const auto refs = toInput(s.data.images.index_select(0, torch::tensor(refIdx)), s.device);
          const auto feats = s.model->features(x).to(torch::kFloat32);
          // References pass through the network in training mode, with gradients (as the
          // authors' code does).
          const auto refFeats = s.model->features(refs).to(torch::kFloat32);
          logits = s.model->head->forward(feats).to(torch::kFloat32);
          const auto ls =
              s.config.similarity == SimilarityVariant::Paper
                  ? similarityLossPaper(feats, refFeats, target, s.config.similarityTemperature)
                  : similarityLossCode(logits, s.model->head->forward(refFeats).to(torch::kFloat32),
                                       target);
          loss = torch::cross_entropy_loss(logits, target) + s.config.similarityWeight * ls;
        } else {
          logits = s.model->forward(x).to(torch::kFloat32);
          loss = torch::cross_entropy_loss(logits, target);
        }
      }
      loss.backward();
      optimizer.step();
      const double l = loss.item<double>();
      lossSum += l * static_cast<double>(n);
      correct += logits.argmax(1).eq(target).sum().item<long>();
      seen += static_cast<long>(n);
      s.imagesTrained += static_cast<long long>(n);
      if (s.callbacks.progress) {
        const double secs =
            std::chrono::duration<double>(Clock::now() - epochStart).count() - epochPaused;
        TrainProgress pr{p.name,    phaseIndex, static_cast<int>(s.phases.size()),
                         epoch + 1, p.epochs,   b + 1,
                         batches,   l,          secs > 0 ? seen / secs : 0};
        pr.fractionDone =
            s.imagesTotal > 0
                ? static_cast<double>(s.imagesBefore + s.imagesTrained) / s.imagesTotal
                : 0;
        pr.elapsedSeconds = s.workSeconds();
        pr.remainingSeconds = pr.elapsedSeconds / static_cast<double>(s.imagesTrained) *
                              static_cast<double>(s.imagesPlanned - s.imagesTrained);
        s.callbacks.progress(pr);
      }
    }
    EpochRecord record;
    record.phase = p.name;
    record.epoch = epoch + 1;
    record.trainLoss = lossSum / std::max(1L, seen);
    record.trainAccuracy = static_cast<double>(correct) / std::max(1L, seen);
    record.validationAccuracy = validationScore(s, p, &record.validationLoss);
    record.learningRate = lr;
    history.push_back(record);
    // The same function decides here and when an old run's history is read back.
    if (selects && keptEpoch(history, selection.rule) == record.epoch &&
        (std::isfinite(record.validationAccuracy) || std::isfinite(record.validationLoss))) {
      bestScore = selection.rule == SelectionRule::BestLoss ? -record.validationLoss
                                                            : record.validationAccuracy;
      best = snapshot(s.model);
      haveBest = true;
    }
    {
      // The epoch, its checkpoint and (at the phase's end) its selection row: one transaction.
      WriteTransaction tx(s.project.db());
      runstore::addEpoch(s.project, s.runId, record);
      runstore::saveCheckpoint(
          s.project, s.runId, phaseIndex, epoch + 1,
          checkpointState(s, optimizer, haveBest ? &best : nullptr, bestScore));
      if (epoch + 1 == p.epochs) {
        selection.keptEpoch = selects ? keptEpoch(history, selection.rule) : record.epoch;
        runstore::setSelection(s.project, s.runId, selection);
      }
      tx.commit();
    }
    if (s.callbacks.epochEnd) s.callbacks.epochEnd(record);
  }
  if (selects && haveBest) restore(s.model, best);
}

void finishRun(Session& s) {
  // The final model, the test predictions and the metrics, then the run is done.
  auto blob = saveModel(s.model);
  runstore::saveModel(s.project, s.runId, {"final", blob.specJson, blob.weights, blob.sha256});
  storeTestResults(s.project, s.runId, methodName(s.config.method), s.data,
                   predictRows(s, s.data.test));
  // One transaction: a kill between the two would leave a running run without its
  // checkpoint, which a resume would train again from scratch.
  WriteTransaction tx(s.project.db());
  runstore::dropCheckpoint(s.project, s.runId);
  runstore::setStatus(s.project, s.runId, "finished", s.runSeconds());
  tx.commit();
}

ResNet modelFromStore(Session& s, std::int64_t run, const std::string& role) {
  ResNet m = loadStoredModel(s.project, run, role,
                             "run #" + std::to_string(run) + " has no " + role +
                                 " model; use a finished data-level or two-step run");
  m->to(s.device);
  return m;
}

ResNet dataLevelModel(Session& s) {
  if (s.config.fromRun) return modelFromStore(s, *s.config.fromRun, "final");
  return modelFromStore(s, s.runId, "data-level");
}

// Runs the phases from (phase, epochsDone) on, as a fresh run or a resumed one.
void execute(Session& s, int fromPhase, const Resumed& resumed) {
  s.imagesTotal = s.imagesBefore = s.imagesPlanned = s.imagesTrained = 0;
  for (int i = 0; i < static_cast<int>(s.phases.size()); ++i) {
    const long long rows = static_cast<long long>(s.trainRows(s.phases[i]).size());
    const int done = i < fromPhase    ? s.phases[i].epochs
                     : i == fromPhase ? std::min(resumed.epochsDone, s.phases[i].epochs)
                                      : 0;
    s.imagesTotal += rows * s.phases[i].epochs;
    s.imagesBefore += rows * done;
  }
  s.imagesPlanned = s.imagesTotal - s.imagesBefore;
  s.workStart = Clock::now();
  s.workPausedAtStart = s.pausedSeconds;

  std::vector<ReferenceSet> references;
  for (int i = fromPhase; i < static_cast<int>(s.phases.size()); ++i) {
    const PhasePlan& p = s.phases[i];
    const bool fresh = i != fromPhase || resumed.state.empty();
    if (fresh && p.freshHead) {
      torch::manual_seed(streamSeed(s.config.seed, i, 1 << 20));
      s.model->resetHead(p.classes);
      s.model->to(s.device);
    }
    if (p.similarity) {
      // References come from the data-level model. A resumed run reloads it (saved when
      // the fine phase ended, or the --from-run model), then its checkpoint on top.
      if (!fresh) s.model = dataLevelModel(s);
      references = buildReferenceSets(s);
    }
    runPhase(s, i, i == fromPhase ? resumed : Resumed{}, references);
    if (p.name == "fine" && hasFeatureLevel(s.config.method)) {
      auto blob = saveModel(s.model);
      runstore::saveModel(s.project, s.runId,
                          {"data-level", blob.specJson, blob.weights, blob.sha256});
    }
  }
  finishRun(s);
}

}  // namespace

namespace {

Session openSession(Project& project, const TrainConfig& config, const TrainCallbacks& callbacks) {
  Session s(project, config, callbacks);
  configureDevice(config.threads);
  s.device = torch::Device(resolveDevice(config.device) == "cuda" ? torch::kCUDA : torch::kCPU);
  s.phases = planPhases(config);
  return s;
}

void loadData(Session& s, const std::vector<RunImage>& snapshot, const ModelSpec& spec) {
  auto progress = [&](const ProgressEvent& e) {
    if (s.callbacks.progress)
      s.callbacks.progress(
          {"load", 0, 1, 0, 0, static_cast<int>(e.done), static_cast<int>(e.total), 0, 0});
  };
  s.data = loadRunData(s.project, snapshot, spec.inputHeight, spec.inputWidth, progress,
                       s.callbacks.cancel);
}

// The selection plan is stored with the run (metric "selection"), so a resumed run keeps the
// rule and the reason it was planned with (its stored images are already folded).
void storeSelectionPlan(Project& project, std::int64_t runId, const SelectionPlan& plan) {
  nlohmann::json j;
  j["rule"] = selectionRuleName(plan.rule);
  j["reason"] = plan.reason;
  j["validation_images"] = plan.validationImages;
  j["folded"] = plan.foldValidation;
  runstore::setMetric(project, runId, "selection", plan.validationImages, j.dump());
}

SelectionPlan storedSelectionPlan(Project& project, std::int64_t runId, const TrainConfig& config,
                                  const std::vector<RunImage>& images) {
  if (const auto text = runstore::metricJson(project, runId, "selection")) {
    try {
      const auto j = nlohmann::json::parse(*text);
      SelectionPlan plan;
      plan.rule = parseSelectionRule(j.at("rule").get<std::string>());
      plan.reason = j.at("reason").get<std::string>();
      plan.validationImages = j.at("validation_images").get<int>();
      plan.foldValidation = j.at("folded").get<bool>();
      return plan;
    } catch (const nlohmann::json::exception& e) {
      throw Error("run #" + std::to_string(runId) + "'s selection record is damaged (" + e.what() +
                  "); train the run again");
    }
  }
  // A run created before issue 18: its rule (first-best-validation-score) on what it has.
  SelectionPlan plan;
  try {
    plan = planSelection(images, config.selectionMinPerStage, config.selection);
  } catch (const Error&) {
    plan.rule = parseSelectionRule(config.selection);  // no validation image: keeps the last
  }
  if (plan.rule == SelectionRule::FirstBestScore)
    plan.reason = "trained before runs recorded their rule: the first best validation score";
  return plan;
}

ModelSpec firstSpec(const Session& s) {
  ModelSpec spec = preset(s.config.preset).spec;
  spec.numClasses = s.phases.front().classes;
  return spec;
}

// A new run's first network: the finished data-level model it continues (--from-run), or a
// fresh one from the seed.
ResNet startingModel(Session& s) {
  if (s.config.fromRun) return modelFromStore(s, *s.config.fromRun, "final");
  ResNet m = makeResNet(firstSpec(s), s.config.seed);
  m->to(s.device);
  return m;
}

template <typename F>
std::int64_t guarded(Session& s, F&& body) {
  try {
    body();
  } catch (const Cancelled&) {
    // The time so far is kept: a resumed run's duration adds to it.
    runstore::setStatus(s.project, s.runId, "cancelled", s.runSeconds());
    throw;
  } catch (const SQLite::Exception& e) {
    if (!isDiskFull(e)) {
      runstore::setStatus(s.project, s.runId, "failed", s.runSeconds());
      throw;
    }
    try {  // a status is a few bytes and often still fits; the message matters more
      runstore::setStatus(s.project, s.runId, "failed", s.runSeconds());
    } catch (const SQLite::Exception&) {
    }
    throw Error(diskFullMessage(s.project.file(), e,
                                "run #" + std::to_string(s.runId) +
                                    " stopped; what it saved before is kept. Free some space, "
                                    "then resume it: it continues from its last checkpoint"));
  } catch (...) {
    runstore::setStatus(s.project, s.runId, "failed", s.runSeconds());
    throw;
  }
  return s.runId;
}

}  // namespace

std::int64_t train(Project& project, const TrainConfig& config, const TrainCallbacks& callbacks) {
  // Every caller gets the front ends' rule: a value out of range never creates a run.
  if (const auto problem = config.validate())
    throw Error("training parameter " + problem->message(problem->field));
  // A run's writes wait out another program's (or an import's) write however long it takes.
  const BusyWait wait(project, callbacks.cancel);
  // Labels the method needs, checked before anything is stored: a run that cannot train is
  // never created (no failed run, no Resume that cannot succeed).
  if (const auto problem = trainingDataProblem(project, config))
    throw Error(problem->message(project.file().string()));
  if (config.method == Method::Gabor) return trainGabor(project, config, callbacks);
  Session s = openSession(project, config, callbacks);
  auto snapshot = snapshotRunImages(project, config.splitSeed);
  const bool needsRanges = std::any_of(s.phases.begin(), s.phases.end(),
                                       [](const PhasePlan& p) { return p.name == "range"; });
  if (!needsRanges)  // plain, or two-step from a data-level run: no range pretraining here
    snapshot.erase(std::remove_if(snapshot.begin(), snapshot.end(),
                                  [](const RunImage& im) { return im.part == "range"; }),
                   snapshot.end());
  // Decided once, before the images are stored: run_images then says what was trained on.
  s.selection = planSelection(snapshot, config.selectionMinPerStage, config.selection);
  if (s.selection.foldValidation) snapshot = foldValidationIntoTraining(std::move(snapshot));

  RunRecord record;
  record.method = methodName(config.method);
  record.preset = config.preset;
  record.paramsJson = config.toJson();
  record.seed = config.seed;
  record.status = "running";
  record.device = s.device.is_cuda() ? "cuda" : "cpu";
  record.versionsJson = runtimeVersionsJson(record.device);
  if (config.fromRun) {
    const auto from = runstore::run(project, *config.fromRun);
    if (!hasFeatureLevel(config.method))
      throw Error("--from-run starts a feature level: it is for two-step and two-step-no-ls, not " +
                  methodName(config.method));
    if (!from || from->status != "finished" ||
        (from->method != "data-level" && from->method != "two-step"))
      throw Error("--from-run " + std::to_string(*config.fromRun) +
                  " is not a finished data-level or two-step run");
    if (from->preset != config.preset)
      throw Error("--from-run " + std::to_string(*config.fromRun) + " used preset '" +
                  from->preset + "', not '" + config.preset + "'");
  }
  {
    // One transaction: a run killed between the two would have no images and could not
    // be resumed.
    WriteTransaction tx(project.db());
    s.runId = runstore::createRun(project, record);
    runstore::setRunImages(project, s.runId, snapshot);
    storeSelectionPlan(project, s.runId, s.selection);
    tx.commit();
  }
  if (callbacks.runCreated) callbacks.runCreated(s.runId);
  return guarded(s, [&] {
    s.model = startingModel(s);
    loadData(s, snapshot, s.model->spec);
    execute(s, 0, {});
  });
}

std::int64_t resumeTraining(Project& project, std::int64_t runId, const TrainCallbacks& callbacks) {
  const BusyWait wait(project, callbacks.cancel);
  const auto record = runstore::run(project, runId);
  if (!record) throw Error("there is no run #" + std::to_string(runId));
  if (record->status == "finished")
    throw Error("run #" + std::to_string(runId) + " has already finished");
  const TrainConfig config = TrainConfig::fromJson(record->paramsJson);
  if (config.method == Method::Gabor)
    throw Error("a Gabor run cannot be resumed (it has no epochs); train it again");
  Session s = openSession(project, config, callbacks);
  s.runId = runId;
  s.priorSeconds = record->durationSeconds;
  runstore::setStatus(project, runId, "running");
  if (callbacks.runCreated) callbacks.runCreated(runId);
  return guarded(s, [&] {
    const auto ckpt = runstore::checkpoint(project, runId);
    int phase = 0;
    Resumed resumed;
    if (ckpt) {
      phase = ckpt->phase;
      resumed = {ckpt->epoch, ckpt->state};
    }
    // The model the checkpoint was taken from: its head has the phase's classes.
    ModelSpec spec = preset(config.preset).spec;
    if (ckpt) {
      spec.numClasses = s.phases[phase].classes;
      s.model = ResNet(spec);
      s.model->to(s.device);
    } else {
      s.model = startingModel(s);
    }
    const auto images = runstore::runImages(project, runId);
    s.selection = storedSelectionPlan(project, runId, config, images);
    loadData(s, images, s.model->spec);
    execute(s, phase, resumed);
  });
}

}  // namespace flystage
