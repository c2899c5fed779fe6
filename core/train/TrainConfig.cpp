#include "train/TrainConfig.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "model/Presets.h"
#include "train/EpochSelection.h"
#include "train/SimilarityNames.h"
#include "util/Error.h"

namespace flystage {

std::string methodName(Method m) {
  switch (m) {
    case Method::Plain:
      return "plain";
    case Method::DataLevel:
      return "data-level";
    case Method::TwoStep:
      return "two-step";
    case Method::Gabor:
      return "gabor";
    case Method::TwoStepNoLs:
      return "two-step-no-ls";
  }
  return "plain";
}

Method parseMethod(const std::string& text) {
  for (Method m :
       {Method::Plain, Method::DataLevel, Method::TwoStep, Method::Gabor, Method::TwoStepNoLs})
    if (methodName(m) == text) return m;
  throw Error("unknown method '" + text +
              "' (choose plain, data-level, two-step, two-step-no-ls or gabor)");
}

bool hasFeatureLevel(Method m) {
  return m == Method::TwoStep || m == Method::TwoStepNoLs;
}

bool usesSimilarityLoss(Method m) {
  return m == Method::TwoStep;
}

std::string lrScheduleName(LrSchedule s) {
  switch (s) {
    case LrSchedule::Step:
      return "step";
    case LrSchedule::Cosine:
      return "cosine";
    case LrSchedule::AbsoluteSteps:
      return "absolute";
  }
  return "step";
}

LrSchedule parseLrSchedule(const std::string& text) {
  for (LrSchedule s : {LrSchedule::Step, LrSchedule::Cosine, LrSchedule::AbsoluteSteps})
    if (lrScheduleName(s) == text) return s;
  throw Error("unknown learning-rate schedule '" + text + "' (choose step, cosine or absolute)");
}

TrainConfig TrainConfig::forPreset(Method method, const std::string& name) {
  const Preset& p = flystage::preset(name);
  TrainConfig c;
  c.method = method;
  c.preset = p.name;
  c.learningRate = p.train.learningRate;
  c.lrSteps = p.train.lrSteps;
  // New runs: milestones relative to each phase's length (issue 18); lrSteps stays for
  // --lr-steps (the absolute schedule).
  c.lrSchedule = LrSchedule::Step;
  c.lrMilestones = p.train.lrMilestones;
  c.referenceFallback = ReferenceFallback::AllImages;
  c.batchSize = p.train.batchSize;
  c.plainEpochs = p.train.plainEpochs;
  c.rangeEpochs = p.train.rangeEpochs;
  c.fineEpochs = p.train.fineEpochs;
  c.featureEpochs = p.train.featureEpochs;
  c.featureLearningRate = p.train.featureLearningRate;
  return c;
}

NumberRange TrainConfig::rangeOf(const std::string& field) const {
  using R = NumberRange;
  // Every preset trains at 0.001-0.02; at 1 the tiny preset already diverges (train loss
  // 12.7 after an epoch, chance is 2.6), so a larger rate is a typo, not an experiment.
  if (field == "learning_rate" || field == "feature_learning_rate")
    return R::numbers(0, true, 1, false);
  if (field == "lr_gamma") return R::numbers(0, true, 1, false);
  if (field == "momentum" || field == "weight_decay") return R::numbers(0, false, 1, true);
  // The whole batch is in memory at once; the presets use 8-32.
  if (field == "batch_size") return R::wholeNumbers(1, 1024);
  // 0 epochs skips the phase (a quick smoke run); 10000 is days even for the tiny preset.
  if (field == "plain_epochs" || field == "range_epochs" || field == "fine_epochs" ||
      field == "feature_epochs")
    return R::wholeNumbers(0, 10000);
  if (field == "lr_steps") return R::wholeNumbers(1, 10000);
  // A fraction of the phase: 0 would drop before the first epoch, 1 after the last.
  if (field == "lr_milestones") return R::numbers(0, true, 1, true);
  // T scales cosines in [-1, 1]; below 0.01 the softmax is a hard max, above 100 uniform.
  if (field == "similarity_temperature") return R::numbers(0, true, 100, false);
  // Stages have 1-20 validation images in practice; 10000 is a typo.
  if (field == "selection_min_per_stage") return R::wholeNumbers(1, 10000);
  if (field == "threads") return threadRange();
  if (field == "reference_sets") return R::wholeNumbers(1, 100000);
  if (field == "similarity_weight") return R::numbers(0, false, 100, false);
  if (field == "tau")
    // A softmax probability can never exceed 1, so tau >= 1 leaves every stage with only its
    // single best image as reference. A logit margin of 100 already means a probability of
    // 1 in float32.
    return tauMode == TauMode::Probability ? R::numbers(0, false, 1, true)
                                           : R::numbers(0, false, 100, false);
  if (field == "from_run") return R::wholeNumbers(1, R::kWholeMax);
  throw std::invalid_argument("no range for training field '" + field + "'");
}

std::optional<RangeProblem> TrainConfig::validate() const {
  auto check = [&](const char* field, double value) -> std::optional<RangeProblem> {
    const NumberRange r = rangeOf(field);
    if (r.contains(value)) return std::nullopt;
    std::string allowed = r.text();
    if (std::string(field) == "tau") allowed += " (tau mode " + tauModeName(tauMode) + ")";
    return RangeProblem{field, NumberRange::format(value), allowed};
  };
  const std::pair<const char*, double> fields[] = {
      {"threads", threads},
      {"learning_rate", learningRate},
      {"lr_gamma", lrGamma},
      {"momentum", momentum},
      {"weight_decay", weightDecay},
      {"batch_size", batchSize},
      {"plain_epochs", plainEpochs},
      {"range_epochs", rangeEpochs},
      {"fine_epochs", fineEpochs},
      {"feature_epochs", featureEpochs},
      {"feature_learning_rate", featureLearningRate},
      {"tau", tau},
      {"reference_sets", referenceSets},
      {"similarity_weight", similarityWeight},
      {"similarity_temperature", similarityTemperature},
      {"selection_min_per_stage", selectionMinPerStage},
  };
  for (const auto& [field, value] : fields)
    if (auto p = check(field, value)) return p;
  for (int step : lrSteps)
    if (auto p = check("lr_steps", step)) return p;
  std::string milestones;
  for (double f : lrMilestones)
    milestones += (milestones.empty() ? "" : ",") + NumberRange::format(f);
  for (std::size_t i = 0; i < lrMilestones.size(); ++i) {
    if (auto p = check("lr_milestones", lrMilestones[i])) return p;
    if (i > 0 && !(lrMilestones[i] > lrMilestones[i - 1]))
      return RangeProblem{"lr_milestones", milestones, "increasing fractions of the phase"};
  }
  try {
    checkSelection(selection);
  } catch (const Error&) {
    std::string allowed = "auto";
    for (const auto& n : selectionRuleNames()) allowed += ", " + n;
    return RangeProblem{"selection", "'" + selection + "'", "one of " + allowed};
  }
  if (fromRun)
    if (auto p = check("from_run", static_cast<double>(*fromRun))) return p;
  return std::nullopt;
}

std::string TrainConfig::toJson() const {
  nlohmann::json j;
  j["method"] = methodName(method);
  j["preset"] = preset;
  j["seed"] = seed;
  j["device"] = device;
  j["threads"] = threads;
  j["precision"] = precisionName(precision);
  j["learning_rate"] = learningRate;
  j["lr_schedule"] = lrScheduleName(lrSchedule);
  j["lr_milestones"] = lrMilestones;
  j["lr_steps"] = lrSteps;
  j["lr_gamma"] = lrGamma;
  j["momentum"] = momentum;
  j["weight_decay"] = weightDecay;
  j["batch_size"] = batchSize;
  j["flips"] = flips;
  j["plain_epochs"] = plainEpochs;
  j["range_epochs"] = rangeEpochs;
  j["fine_epochs"] = fineEpochs;
  j["feature_epochs"] = featureEpochs;
  j["feature_learning_rate"] = featureLearningRate;
  j["similarity"] = similarityName(similarity);
  j["tau_mode"] = tauModeName(tauMode);
  j["tau"] = tau;
  j["reference_sets"] = referenceSets;
  j["similarity_weight"] = similarityWeight;
  j["reference_fallback"] = referenceFallbackName(referenceFallback);
  j["similarity_temperature"] = similarityTemperature;
  j["selection"] = selection;
  j["selection_min_per_stage"] = selectionMinPerStage;
  if (fromRun) j["from_run"] = *fromRun;
  if (splitSeed) j["split_seed"] = *splitSeed;
  return j.dump();
}

TrainConfig TrainConfig::fromJson(const std::string& text) {
  try {
    const auto j = nlohmann::json::parse(text);
    TrainConfig c;
    c.method = parseMethod(j.at("method").get<std::string>());
    c.preset = j.at("preset").get<std::string>();
    c.seed = j.at("seed").get<std::uint64_t>();
    c.device = j.at("device").get<std::string>();
    c.threads = j.at("threads").get<int>();
    // Runs made before bfloat16 was offered were float32.
    if (j.contains("precision")) c.precision = parsePrecision(j.at("precision").get<std::string>());
    c.learningRate = j.at("learning_rate").get<double>();
    c.lrSteps = j.at("lr_steps").get<std::vector<int>>();
    // Runs stored before issue 18 have none of the keys below: they read as what they
    // trained with (absolute steps, the best-image fallback, first-best-score selection,
    // T = 1), so an old run resumes and reports exactly as it began.
    c.lrSchedule = j.contains("lr_schedule")
                       ? parseLrSchedule(j.at("lr_schedule").get<std::string>())
                       : LrSchedule::AbsoluteSteps;
    if (j.contains("lr_milestones"))
      c.lrMilestones = j.at("lr_milestones").get<std::vector<double>>();
    c.lrGamma = j.at("lr_gamma").get<double>();
    c.momentum = j.at("momentum").get<double>();
    c.weightDecay = j.at("weight_decay").get<double>();
    c.batchSize = j.at("batch_size").get<int>();
    c.flips = j.at("flips").get<bool>();
    c.plainEpochs = j.at("plain_epochs").get<int>();
    c.rangeEpochs = j.at("range_epochs").get<int>();
    c.fineEpochs = j.at("fine_epochs").get<int>();
    c.featureEpochs = j.at("feature_epochs").get<int>();
    c.featureLearningRate = j.at("feature_learning_rate").get<double>();
    // An unknown name is refused (like an unknown method): it used to be read silently as
    // "paper" / "probability".
    c.similarity = parseSimilarity(j.at("similarity").get<std::string>());
    c.tauMode = parseTauMode(j.at("tau_mode").get<std::string>());
    c.tau = j.at("tau").get<double>();
    c.referenceSets = j.at("reference_sets").get<int>();
    c.similarityWeight = j.at("similarity_weight").get<double>();
    c.referenceFallback =
        j.contains("reference_fallback")
            ? parseReferenceFallback(j.at("reference_fallback").get<std::string>())
            : ReferenceFallback::BestImage;
    c.similarityTemperature = j.value("similarity_temperature", 1.0);
    c.selection = j.value("selection", selectionRuleName(SelectionRule::FirstBestScore));
    c.selectionMinPerStage = j.value("selection_min_per_stage", 5);
    if (j.contains("from_run")) c.fromRun = j.at("from_run").get<std::int64_t>();
    if (j.contains("split_seed")) c.splitSeed = j.at("split_seed").get<std::uint64_t>();
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("run parameters are damaged (") + e.what() + ")");
  }
}

}  // namespace flystage
