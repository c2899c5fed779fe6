#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "NumberOption.h"
#include "TrainProgress.h"
#include "model/Presets.h"
#include "store/Project.h"
#include "train/EpochSelection.h"
#include "train/SimilarityNames.h"
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

// The numeric training options and the TrainConfig field (its JSON key) each sets. They are
// taken as text and checked against TrainConfig::rangeOf (tau's range depends on the tau
// mode), so the command line refuses exactly what the GUI refuses, naming the option.
struct NumberOptionSpec {
  const char* option;
  const char* field;
  const char* help;
};
constexpr NumberOptionSpec kNumberOptions[] = {
    {"--threads", "threads", "CPU threads (default: all cores)"},
    {"--lr", "learning_rate", "Learning rate (default: the preset's)"},
    {"--batch", "batch_size", "Batch size (default: the preset's)"},
    {"--plain-epochs", "plain_epochs", "Epochs of plain training"},
    {"--range-epochs", "range_epochs", "Epochs of range pretraining"},
    {"--fine-epochs", "fine_epochs", "Epochs of fine-tuning on stages"},
    {"--feature-epochs", "feature_epochs", "Epochs of feature-level fine-tuning"},
    {"--feature-lr", "feature_learning_rate", "Learning rate of the feature level"},
    {"--tau", "tau",
     "Reference threshold (default 0.8, or 3 for logit-margin): >= 0 and < 1 for "
     "probability, 0..100 for logit-margin"},
    {"--reference-sets", "reference_sets", "Number of reference sets k (default 100)"},
    {"--similarity-weight", "similarity_weight", "Weight of L_S (default 1)"},
    {"--similarity-temperature", "similarity_temperature",
     "paper variant: softmax(cos / T) (default 1, the paper)"},
    {"--selection-min-per-stage", "selection_min_per_stage",
     "--selection auto: the validation images every stage needs before epochs are selected "
     "(default 5)"},
    {"--from-run", "from_run",
     "two-step, two-step-no-ls: start from this finished data-level run instead of "
     "pretraining"},
};

struct TrainArgs {
  std::string project;
  std::string method = "two-step";
  std::string preset = "demo";
  std::string seed = "1";
  std::string device = "auto";
  std::string precision = "float32";
  std::string resume;
  std::string splitSeed;
  std::map<std::string, std::string> numbers;         // field -> the text given
  std::map<std::string, CLI::Option*> numberOptions;  // field -> its option
  std::string lrSteps;
  std::string lrSchedule;
  std::string lrMilestones;
  std::string selection = "auto";
  std::string referenceFallback = referenceFallbackName(ReferenceFallback::AllImages);
  std::string similarity = similarityName(SimilarityVariant::Paper);
  std::string tauMode = tauModeName(TauMode::Probability);
  bool noFlips = false;
  bool quiet = false;
};

const char* optionOf(const std::string& field) {
  for (const auto& o : kNumberOptions)
    if (field == o.field) return o.option;
  if (field == "lr_steps") return "--lr-steps";
  if (field == "lr_milestones") return "--lr-milestones";
  if (field == "selection") return "--selection";
  return nullptr;
}

void setField(TrainConfig& c, const std::string& field, double v) {
  if (field == "threads") c.threads = static_cast<int>(v);
  if (field == "learning_rate") c.learningRate = v;
  if (field == "batch_size") c.batchSize = static_cast<int>(v);
  if (field == "plain_epochs") c.plainEpochs = static_cast<int>(v);
  if (field == "range_epochs") c.rangeEpochs = static_cast<int>(v);
  if (field == "fine_epochs") c.fineEpochs = static_cast<int>(v);
  if (field == "feature_epochs") c.featureEpochs = static_cast<int>(v);
  if (field == "feature_learning_rate") c.featureLearningRate = v;
  if (field == "tau") c.tau = v;
  if (field == "reference_sets") c.referenceSets = static_cast<int>(v);
  if (field == "similarity_weight") c.similarityWeight = v;
  if (field == "similarity_temperature") c.similarityTemperature = v;
  if (field == "selection_min_per_stage") c.selectionMinPerStage = static_cast<int>(v);
  if (field == "from_run") c.fromRun = static_cast<std::int64_t>(v);
}

// "20,30": epochs, each checked like the rest.
std::vector<int> parseSteps(const std::string& text, const NumberRange& range) {
  std::vector<int> steps;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    const auto v = numberText(item, true);
    if (!v || !range.contains(*v))
      throw Error(
          rangeMessage("--lr-steps", text,
                       "epochs separated by commas, each " + range.text() + " (e.g. 20,30)"));
    steps.push_back(static_cast<int>(*v));
  }
  return steps;
}

// "0.5,0.75": fractions of each phase; the order is checked by TrainConfig::validate.
std::vector<double> parseMilestones(const std::string& text, const NumberRange& range) {
  std::vector<double> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    const auto v = numberText(item, false);
    if (!v || !range.contains(*v))
      throw Error(rangeMessage(
          "--lr-milestones", text,
          "fractions of the phase separated by commas, each " + range.text() + " (e.g. 0.5,0.75)"));
    out.push_back(*v);
  }
  if (out.empty())
    throw Error(rangeMessage("--lr-milestones", text, "fractions of the phase, e.g. 0.5,0.75"));
  return out;
}

// The run's parameters, every one checked before anything is written.
TrainConfig configFrom(const TrainArgs& a) {
  TrainConfig c = TrainConfig::forPreset(parseMethod(a.method), a.preset);
  c.seed = parseSeed("--seed", a.seed);
  c.device = a.device;
  c.precision = parsePrecision(a.precision);
  c.similarity = parseSimilarity(a.similarity);
  c.tauMode = parseTauMode(a.tauMode);
  if (c.tauMode == TauMode::LogitMargin) c.tau = 3.0;  // the authors' code
  c.flips = !a.noFlips;
  c.referenceFallback = parseReferenceFallback(a.referenceFallback);
  c.selection = a.selection;
  const bool steps = a.numberOptions.at("lr_steps")->count() > 0;
  if (steps && a.numberOptions.at("lr_schedule")->count())
    throw Error(
        "--lr-steps sets the absolute schedule (epochs of every phase); leave out "
        "--lr-schedule, or give --lr-schedule with --lr-milestones instead");
  if (steps && a.numberOptions.at("lr_milestones")->count())
    throw Error("--lr-steps (epochs) and --lr-milestones (fractions) are two schedules; give one");
  if (steps) {
    c.lrSteps = parseSteps(a.lrSteps, c.rangeOf("lr_steps"));
    c.lrSchedule = LrSchedule::AbsoluteSteps;
  }
  if (a.numberOptions.at("lr_schedule")->count()) c.lrSchedule = parseLrSchedule(a.lrSchedule);
  if (a.numberOptions.at("lr_milestones")->count())
    c.lrMilestones = parseMilestones(a.lrMilestones, c.rangeOf("lr_milestones"));
  for (const auto& o : kNumberOptions)
    if (a.numberOptions.at(o.field)->count()) {
      std::string allowed = c.rangeOf(o.field).text();
      if (std::string(o.field) == "tau") allowed += " (with --tau-mode " + a.tauMode + ")";
      const std::string& text = a.numbers.at(o.field);
      const auto v = numberText(text, c.rangeOf(o.field).whole);
      if (!v || !c.rangeOf(o.field).contains(*v))
        throw Error(rangeMessage(o.option, text, allowed));
      setField(c, o.field, *v);
    }
  if (a.numberOptions.at("split_seed")->count())
    c.splitSeed = parseSeed("--split-seed", a.splitSeed);
  // What no option set (the preset's values) is checked by the same rules.
  if (const auto p = c.validate()) {
    const char* option = optionOf(p->field);
    throw Error(option ? p->message(option) : "the preset's " + p->message(p->field));
  }
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
      "(log-Gabor features + linear classifier), two-step-no-ls (two-step without L_S: the same "
      "feature-level epochs, cross-entropy only; its ablation). Presets:" +
          presetNames);
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  cmd->add_option("--method", a->method, "plain, data-level, two-step, two-step-no-ls or gabor")
      ->check(CLI::IsMember({"plain", "data-level", "two-step", "two-step-no-ls", "gabor"}))
      ->capture_default_str();
  cmd->add_option("--preset", a->preset, "Model preset")->capture_default_str();
  cmd->add_option("--seed", a->seed, "Seed of weights, shuffling and flips")
      ->type_name("UINT")
      ->capture_default_str();
  cmd->add_option("--device", a->device, "auto, cpu or cuda")
      ->check(CLI::IsMember({"auto", "cpu", "cuda"}))
      ->capture_default_str();
  cmd->add_option("--precision", a->precision,
                  "float32, or bfloat16: the forward pass in bfloat16, about 1.7x faster on a "
                  "CPU with AVX-512 BF16, same accuracy (docs/performance.md)")
      ->check(CLI::IsMember({"float32", "bfloat16", "fp32", "bf16"}))
      ->capture_default_str();
  a->numberOptions["resume"] =
      cmd->add_option("--resume", a->resume, "Continue an interrupted run from its last checkpoint")
          ->type_name("RUN");
  a->numberOptions["split_seed"] =
      cmd->add_option("--split-seed", a->splitSeed,
                      "Repeated-split evaluation: a fresh stratified split drawn with this seed "
                      "for this run (the project's split is unchanged)")
          ->type_name("UINT");
  a->numberOptions["lr_steps"] =
      cmd->add_option("--lr-steps", a->lrSteps,
                      "The absolute schedule (the rule of older runs): epochs of every phase at "
                      "which the rate drops x0.1, e.g. 20,30")
          ->type_name("EPOCHS");
  a->numberOptions["lr_schedule"] =
      cmd->add_option("--lr-schedule", a->lrSchedule,
                      "step: x0.1 at --lr-milestones of each phase's length (default); cosine: "
                      "anneals to 0 over each phase")
          ->check(CLI::IsMember({"step", "cosine"}));
  a->numberOptions["lr_milestones"] =
      cmd->add_option("--lr-milestones", a->lrMilestones,
                      "step schedule: fractions of each phase at which the rate drops x0.1 "
                      "(default: the preset's, e.g. 0.5,0.75)")
          ->type_name("FRACTIONS");
  std::vector<std::string> selections = {"auto"};
  for (const auto& n : selectionRuleNames()) selections.push_back(n);
  cmd->add_option("--selection", a->selection,
                  "The epoch each phase keeps: auto (best-validation-loss when every stage has "
                  "--selection-min-per-stage validation images, else last-epoch with the "
                  "validation images trained on), or a rule")
      ->check(CLI::IsMember(selections))
      ->capture_default_str();
  cmd->add_option("--reference-fallback", a->referenceFallback,
                  "two-step: the references of a stage without an image above tau: " +
                      referenceFallbackName(ReferenceFallback::AllImages) +
                      " (every training image of the stage, the authors' code) or " +
                      referenceFallbackName(ReferenceFallback::BestImage) +
                      " (its single most confident image)")
      ->check(CLI::IsMember(referenceFallbackNames()))
      ->capture_default_str();
  const TrainConfig defaults;  // for the ranges shown in the help (tau's: in its text)
  for (const auto& o : kNumberOptions) {
    const NumberRange range = defaults.rangeOf(o.field);
    const std::string help =
        std::string(o.help) + (std::string(o.field) == "tau" ? "" : "; " + range.text());
    a->numberOptions[o.field] = cmd->add_option(o.option, a->numbers[o.field], help)
                                    ->type_name(range.whole ? "INT" : "NUMBER");
  }
  // The choices are core's names (train/SimilarityNames.h): CLI11 lists them in the help and
  // in the error for any other value.
  cmd->add_option("--similarity", a->similarity,
                  similarityName(SimilarityVariant::Paper) + " (cosine of features, Eq. 4-6) or " +
                      similarityName(SimilarityVariant::Code) + " (the authors' logit variant)")
      ->check(CLI::IsMember(similarityNames()))
      ->capture_default_str();
  cmd->add_option("--tau-mode", a->tauMode,
                  tauModeName(TauMode::Probability) + " (paper) or " +
                      tauModeName(TauMode::LogitMargin) + " (code)")
      ->check(CLI::IsMember(tauModeNames()))
      ->capture_default_str();
  cmd->add_flag("--no-flips", a->noFlips, "No random flips in plain and data-level training");
  cmd->add_flag("--quiet", a->quiet, "No progress on stderr");
  cmd->callback([a] {
    // Every value is checked before the project is opened: a refused command writes nothing.
    std::int64_t resume = 0;
    TrainConfig config;
    if (a->numberOptions.at("resume")->count()) {
      resume = static_cast<std::int64_t>(parseNumber("--resume", a->resume, idRange()));
      if (a->numberOptions.at("threads")->count())
        parseNumber("--threads", a->numbers.at("threads"), threadRange());
    } else {
      config = configFrom(*a);
    }
    Project project = Project::open(a->project, OpenMode::Existing);
    const auto callbacks = terminalTrainCallbacks(a->quiet);
    const std::int64_t id =
        resume ? resumeTraining(project, resume, callbacks) : train(project, config, callbacks);
    // Which epoch each phase kept and why (stderr: stdout is the run id for scripts).
    if (!a->quiet)
      for (const auto& sel : runstore::selections(project, id))
        std::fprintf(stderr, "%s: kept epoch %d of %d (%s: %s)\n", sel.phase.c_str(), sel.keptEpoch,
                     sel.epochs, selectionRuleName(sel.rule).c_str(), sel.reason.c_str());
    std::printf("%lld\n", static_cast<long long>(id));
  });
}

}  // namespace flystage::cli
