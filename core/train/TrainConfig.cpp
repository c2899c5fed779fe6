#include "train/TrainConfig.h"

#include <nlohmann/json.hpp>

#include "model/Presets.h"
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
  }
  return "plain";
}

Method parseMethod(const std::string& text) {
  for (Method m : {Method::Plain, Method::DataLevel, Method::TwoStep, Method::Gabor})
    if (methodName(m) == text) return m;
  throw Error("unknown method '" + text + "' (choose plain, data-level, two-step or gabor)");
}

TrainConfig TrainConfig::forPreset(Method method, const std::string& name) {
  const Preset& p = flystage::preset(name);
  TrainConfig c;
  c.method = method;
  c.preset = p.name;
  c.learningRate = p.train.learningRate;
  c.lrSteps = p.train.lrSteps;
  c.batchSize = p.train.batchSize;
  c.plainEpochs = p.train.plainEpochs;
  c.rangeEpochs = p.train.rangeEpochs;
  c.fineEpochs = p.train.fineEpochs;
  c.featureEpochs = p.train.featureEpochs;
  c.featureLearningRate = p.train.featureLearningRate;
  return c;
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
  j["similarity"] = similarity == SimilarityVariant::Paper ? "paper" : "code";
  j["tau_mode"] = tauMode == TauMode::Probability ? "probability" : "logit-margin";
  j["tau"] = tau;
  j["reference_sets"] = referenceSets;
  j["similarity_weight"] = similarityWeight;
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
    c.similarity = j.at("similarity").get<std::string>() == "code" ? SimilarityVariant::Code
                                                                   : SimilarityVariant::Paper;
    c.tauMode = j.at("tau_mode").get<std::string>() == "logit-margin" ? TauMode::LogitMargin
                                                                      : TauMode::Probability;
    c.tau = j.at("tau").get<double>();
    c.referenceSets = j.at("reference_sets").get<int>();
    c.similarityWeight = j.at("similarity_weight").get<double>();
    if (j.contains("from_run")) c.fromRun = j.at("from_run").get<std::int64_t>();
    if (j.contains("split_seed")) c.splitSeed = j.at("split_seed").get<std::uint64_t>();
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("run parameters are damaged (") + e.what() + ")");
  }
}

}  // namespace flystage
