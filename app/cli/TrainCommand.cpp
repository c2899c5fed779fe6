#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "TrainProgress.h"
#include "model/Presets.h"
#include "store/Project.h"
#include "train/Trainer.h"
#include "util/Error.h"

namespace flystage::cli {

TrainCallbacks terminalTrainCallbacks(bool quiet) {
  TrainCallbacks cb;
  cb.cancel = &interruptToken();
  if (quiet) return cb;
  auto progress = std::make_shared<CliProgress>();
  cb.progress = [progress](const TrainProgress& p) {
    ProgressEvent e;
    e.phase = p.phase;
    if (p.phase == "load" || p.phase == "references" || p.phase == "gabor") {
      e.done = static_cast<std::size_t>(p.batch);
      e.total = static_cast<std::size_t>(p.batches);
      e.detail = p.phase == "load" ? "decoding images" : "";
    } else {
      e.phase = p.phase + " epoch " + std::to_string(p.epoch) + "/" + std::to_string(p.epochs);
      e.done = static_cast<std::size_t>(p.batch);
      e.total = static_cast<std::size_t>(p.batches);
      char detail[96];
      std::snprintf(detail, sizeof detail, "loss %.3f, %.0f images/s", p.loss, p.imagesPerSecond);
      e.detail = detail;
    }
    progress->fn()(e);
  };
  cb.epochEnd = [progress](const EpochRecord& e) {
    progress->finish();
    std::fprintf(stderr, "%s epoch %d: train loss %.3f, accuracy %.1f%%; validation %.1f%%\n",
                 e.phase.c_str(), e.epoch, e.trainLoss, 100 * e.trainAccuracy,
                 std::isnan(e.validationAccuracy) ? 0.0 : 100 * e.validationAccuracy);
  };
  cb.runCreated = [](std::int64_t id) {
    std::fprintf(stderr, "run #%lld\n", static_cast<long long>(id));
  };
  return cb;
}

namespace {

struct TrainArgs {
  std::string project;
  std::string method = "two-step";
  std::string preset = "demo";
  std::uint64_t seed = 1;
  std::string device = "auto";
  int threads = 0;
  std::string precision = "float32";
  std::int64_t resume = 0;
  std::int64_t fromRun = 0;
  std::int64_t splitSeed = -1;
  double lr = -1, featureLr = -1, tau = -1, similarityWeight = -1;
  int batch = 0, plainEpochs = -1, rangeEpochs = -1, fineEpochs = -1, featureEpochs = -1, k = 0;
  std::string lrSteps;
  std::string similarity = "paper";
  std::string tauMode = "probability";
  bool noFlips = false;
  bool quiet = false;
};

std::vector<int> parseSteps(const std::string& text) {
  std::vector<int> steps;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) steps.push_back(std::stoi(item));
  return steps;
}

TrainConfig configFrom(const TrainArgs& a) {
  TrainConfig c = TrainConfig::forPreset(parseMethod(a.method), a.preset);
  c.seed = a.seed;
  c.device = a.device;
  c.threads = a.threads;
  c.precision = parsePrecision(a.precision);
  if (a.lr > 0) c.learningRate = a.lr;
  if (a.featureLr > 0) c.featureLearningRate = a.featureLr;
  if (a.batch > 0) c.batchSize = a.batch;
  if (a.plainEpochs >= 0) c.plainEpochs = a.plainEpochs;
  if (a.rangeEpochs >= 0) c.rangeEpochs = a.rangeEpochs;
  if (a.fineEpochs >= 0) c.fineEpochs = a.fineEpochs;
  if (a.featureEpochs >= 0) c.featureEpochs = a.featureEpochs;
  if (!a.lrSteps.empty()) c.lrSteps = parseSteps(a.lrSteps);
  if (a.k > 0) c.referenceSets = a.k;
  c.flips = !a.noFlips;
  c.similarity = a.similarity == "code" ? SimilarityVariant::Code : SimilarityVariant::Paper;
  c.tauMode = a.tauMode == "logit-margin" ? TauMode::LogitMargin : TauMode::Probability;
  if (a.tau >= 0)
    c.tau = a.tau;
  else if (c.tauMode == TauMode::LogitMargin)
    c.tau = 3.0;  // the authors' code
  if (a.similarityWeight >= 0) c.similarityWeight = a.similarityWeight;
  if (a.fromRun > 0) c.fromRun = a.fromRun;
  if (a.splitSeed >= 0) c.splitSeed = static_cast<std::uint64_t>(a.splitSeed);
  return c;
}

}  // namespace

void addTrainCommand(CLI::App& app) {
  auto a = std::make_shared<TrainArgs>();
  std::string presetNames;
  for (const auto& p : presets()) presetNames += "\n  " + p.name + ": " + p.description;
  auto* cmd = app.add_subcommand(
      "train",
      "Train a stage classifier and record it as a run; prints the run id. Methods: plain "
      "(from scratch on the stage labels), data-level (pretrain on stage ranges, fine-tune on "
      "stages), two-step (data-level, then the similarity loss against reference sets), gabor "
      "(log-Gabor features + linear classifier). Presets:" +
          presetNames);
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  cmd->add_option("--method", a->method, "plain, data-level, two-step or gabor")
      ->check(CLI::IsMember({"plain", "data-level", "two-step", "gabor"}))
      ->capture_default_str();
  cmd->add_option("--preset", a->preset, "Model preset")->capture_default_str();
  cmd->add_option("--seed", a->seed, "Seed of weights, shuffling and flips")->capture_default_str();
  cmd->add_option("--device", a->device, "auto, cpu or cuda")
      ->check(CLI::IsMember({"auto", "cpu", "cuda"}))
      ->capture_default_str();
  cmd->add_option("--threads", a->threads, "CPU threads (default: all cores)");
  cmd->add_option("--precision", a->precision,
                  "float32, or bfloat16: the forward pass in bfloat16, about 1.7x faster on a "
                  "CPU with AVX-512 BF16, same accuracy (docs/performance.md)")
      ->check(CLI::IsMember({"float32", "bfloat16", "fp32", "bf16"}))
      ->capture_default_str();
  cmd->add_option("--resume", a->resume, "Continue an interrupted run from its last checkpoint");
  cmd->add_option("--from-run", a->fromRun,
                  "two-step: start from this finished data-level run instead of pretraining");
  cmd->add_option("--split-seed", a->splitSeed,
                  "Repeated-split evaluation: a fresh stratified split drawn with this seed for "
                  "this run (the project's split is unchanged)");
  cmd->add_option("--lr", a->lr, "Learning rate (default: the preset's)");
  cmd->add_option("--lr-steps", a->lrSteps, "Epochs at which the rate drops x0.1, e.g. 20,30");
  cmd->add_option("--batch", a->batch, "Batch size (default 16)");
  cmd->add_option("--plain-epochs", a->plainEpochs, "Epochs of plain training");
  cmd->add_option("--range-epochs", a->rangeEpochs, "Epochs of range pretraining");
  cmd->add_option("--fine-epochs", a->fineEpochs, "Epochs of fine-tuning on stages");
  cmd->add_option("--feature-epochs", a->featureEpochs, "Epochs of feature-level fine-tuning");
  cmd->add_option("--feature-lr", a->featureLr, "Learning rate of the feature level");
  cmd->add_option("--similarity", a->similarity,
                  "paper (cosine of features, Eq. 4-6) or code (the authors' logit variant)")
      ->check(CLI::IsMember({"paper", "code"}))
      ->capture_default_str();
  cmd->add_option("--tau-mode", a->tauMode, "probability (paper) or logit-margin (code)")
      ->check(CLI::IsMember({"probability", "logit-margin"}))
      ->capture_default_str();
  cmd->add_option("--tau", a->tau, "Reference threshold (default 0.8, or 3 for logit-margin)");
  cmd->add_option("--reference-sets", a->k, "Number of reference sets k (default 100)");
  cmd->add_option("--similarity-weight", a->similarityWeight, "Weight of L_S (default 1)");
  cmd->add_flag("--no-flips", a->noFlips, "No random flips in plain and data-level training");
  cmd->add_flag("--quiet", a->quiet, "No progress on stderr");
  cmd->callback([a] {
    Project project = Project::open(a->project, OpenMode::Existing);
    const auto callbacks = terminalTrainCallbacks(a->quiet);
    const std::int64_t id = a->resume > 0 ? resumeTraining(project, a->resume, callbacks)
                                          : train(project, configFrom(*a), callbacks);
    std::printf("%lld\n", static_cast<long long>(id));
  });
}

}  // namespace flystage::cli
