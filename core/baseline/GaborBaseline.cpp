#include "baseline/GaborBaseline.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include "baseline/GaborModel.h"
#include "data/Stage.h"
#include "eval/StageMetrics.h"
#include "model/Device.h"
#include "model/ModelFile.h"
#include "model/TensorFile.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "train/RunData.h"
#include "train/RunResults.h"
#include "train/TrainReadiness.h"
#include "util/Error.h"
#include "util/Sha256.h"

namespace flystage {

std::string GaborModel::specJson() const {
  nlohmann::json j;
  j["kind"] = "gabor";
  j["input_height"] = height;
  j["input_width"] = width;
  j["scales"] = 4;
  j["orientations"] = 6;
  j["pool"] = 8;
  j["l2"] = l2;
  return j.dump();
}

std::string GaborModel::weightsBytes() const {
  TensorFile file;
  file.metadata = {{"format", kWeightsFormat},
                   {"format_version", std::to_string(kModelFormatVersion)},
                   {"kind", "gabor"}};
  file.tensors = {{"mean", mean}, {"std", std}, {"weight", weight}, {"bias", bias}};
  return writeTensorFile(file);
}

GaborModel GaborModel::load(const std::string& specJson, const std::string& weights,
                            const std::string& what) {
  GaborModel m;
  try {
    const auto j = nlohmann::json::parse(specJson);
    if (j.at("kind").get<std::string>() != "gabor") throw Error(what + " is not a Gabor model");
    m.height = j.at("input_height").get<int>();
    m.width = j.at("input_width").get<int>();
    m.l2 = j.at("l2").get<double>();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(what + "'s description is damaged (" + std::string(e.what()).substr(0, 160) + ")");
  }
  // The filter bank is built at this size: a damaged size must not allocate gigabytes.
  if (m.height < 16 || m.height > 1024 || m.width < 16 || m.width > 1024)
    throw Error(what + "'s description is invalid: input size out of range");
  const TensorFile file = readTensorFile(weights, what);
  const auto kind = file.metadata.find("kind");
  if (kind == file.metadata.end() || kind->second != "gabor")
    throw Error(what + " is not a Gabor model's weights; retrain it");
  const long features = LogGaborBank(m.height, m.width).featureSize();
  auto take = [&](const char* name, std::vector<int64_t> shape) {
    const auto& t = file.at(name, what);
    if (t.scalar_type() != torch::kFloat || t.sizes().vec() != shape)
      throw Error(what + "'s tensor '" + name + "' has the wrong type or shape");
    if (!torch::isfinite(t).all().item<bool>())
      throw Error(what + " holds NaN or infinite weights (tensor '" + name + "'); retrain it");
    return t;
  };
  m.mean = take("mean", {features});
  m.std = take("std", {features});
  if (!(m.std > 0).all().item<bool>())
    throw Error(what + "'s tensor 'std' is not positive; retrain it");
  m.weight = take("weight", {kNumFineStages, features});
  m.bias = take("bias", {kNumFineStages});
  return m;
}

torch::Tensor GaborModel::features(const torch::Tensor& images) const {
  const LogGaborBank bank(height, width);
  const long n = images.size(0);
  auto out = torch::empty({n, bank.featureSize()});
  const auto u8 = images.contiguous();
  auto work = [&](long from, long to) {
    for (long i = from; i < to; ++i) {
      const auto img = u8[i];
      std::vector<cv::Mat> planes;
      for (int c = 0; c < 3; ++c)
        planes.emplace_back(height, width, CV_8U, img[c].data_ptr<uint8_t>());
      cv::Mat rgb, grey;
      cv::merge(planes, rgb);
      cv::cvtColor(rgb, grey, cv::COLOR_RGB2GRAY);
      const auto f = bank.features(grey);
      std::memcpy(out[i].data_ptr<float>(), f.data(), f.size() * sizeof(float));
    }
  };
  const long threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (long t = 0; t < threads; ++t)
    pool.emplace_back(work, n * t / threads, n * (t + 1) / threads);
  for (auto& t : pool) t.join();
  return out;
}

torch::Tensor GaborModel::probabilities(const torch::Tensor& images) const {
  torch::NoGradGuard guard;
  const auto x = (features(images) - mean) / std;
  return torch::softmax(x.matmul(weight.t()) + bias, 1);
}

namespace {

// Multinomial logistic regression with an L2 penalty, full batch, L-BFGS.
std::pair<torch::Tensor, torch::Tensor> fitSoftmax(const torch::Tensor& x, const torch::Tensor& y,
                                                   int classes, double l2) {
  // Hundreds of tiny operations: one thread, because OpenMP's fork/join costs more than
  // they do (measured: 16 s instead of 76 s for the demo's baseline on 2 busy cores).
  struct OneThread {
    int before = torch::get_num_threads();
    OneThread() { torch::set_num_threads(1); }
    ~OneThread() { torch::set_num_threads(before); }
  } oneThread;
  torch::manual_seed(0);
  auto w = torch::zeros({classes, x.size(1)}, torch::requires_grad());
  auto b = torch::zeros({classes}, torch::requires_grad());
  torch::optim::LBFGS opt(
      {w, b}, torch::optim::LBFGSOptions(1.0).max_iter(200).line_search_fn("strong_wolfe"));
  auto closure = [&] {
    opt.zero_grad();
    auto loss = torch::cross_entropy_loss(x.matmul(w.t()) + b, y) + l2 * w.pow(2).sum();
    loss.backward();
    return loss;
  };
  opt.step(closure);
  return {w.detach(), b.detach()};
}

torch::Tensor rowsOf(const torch::Tensor& t, const std::vector<int>& rows) {
  std::vector<long> idx(rows.begin(), rows.end());
  return t.index_select(0, torch::tensor(idx, torch::kLong));
}

}  // namespace

std::int64_t trainGabor(Project& project, const TrainConfig& config,
                        const TrainCallbacks& callbacks) {
  const auto start = std::chrono::steady_clock::now();
  configureDevice(config.threads);
  // Only the stage-labelled parts: the baseline uses no range labels.
  auto snapshot = snapshotRunImages(project, config.splitSeed);
  if (const auto problem = trainingDataProblem(snapshot, config))
    throw Error(problem->message(project.file().string()));
  snapshot.erase(std::remove_if(snapshot.begin(), snapshot.end(),
                                [](const RunImage& im) { return im.part == "range"; }),
                 snapshot.end());
  RunRecord record;
  record.method = "gabor";
  record.preset = "gabor";
  record.paramsJson = config.toJson();
  record.seed = config.seed;
  record.status = "running";
  record.device = "cpu";
  record.versionsJson = runtimeVersionsJson("cpu");
  const auto runId = runstore::createRun(project, record);
  runstore::setRunImages(project, runId, snapshot);
  if (callbacks.runCreated) callbacks.runCreated(runId);
  try {
    GaborModel model;
    auto progress = [&](const ProgressEvent& e) {
      if (callbacks.progress)
        callbacks.progress(
            {"load", 0, 1, 0, 0, static_cast<int>(e.done), static_cast<int>(e.total), 0, 0});
    };
    // Only the stage-labelled parts are needed: the baseline uses no range labels.
    std::vector<RunImage> fine;
    for (const auto& im : snapshot)
      if (im.part != "range") fine.push_back(im);
    const RunData data =
        loadRunData(project, fine, model.height, model.width, progress, callbacks.cancel);
    if (data.train.empty()) throw Error("no stage-labelled training images; label some first");
    if (callbacks.progress) callbacks.progress({"gabor", 0, 1, 0, 1, 0, 1, 0, 0});
    const auto all = model.features(data.images);
    if (callbacks.cancel && callbacks.cancel->cancelled()) throw Cancelled{"training"};
    auto labelsOf = [&](const std::vector<int>& rows) {
      std::vector<long> y;
      for (int r : rows) y.push_back(data.fineLabel[r]);
      return torch::tensor(y, torch::kLong);
    };
    const auto xTrain = rowsOf(all, data.train);
    model.mean = xTrain.mean(0);
    model.std = xTrain.std(0).clamp_min(1e-6);
    auto standard = [&](const torch::Tensor& x) { return (x - model.mean) / model.std; };
    const auto xs = standard(xTrain);
    const auto ys = labelsOf(data.train);

    double bestScore = -1;
    int epoch = 0;
    for (double l2 : {1e-4, 1e-3, 1e-2, 1e-1}) {
      if (callbacks.cancel && callbacks.cancel->cancelled()) throw Cancelled{"training"};
      auto [w, b] = fitSoftmax(xs, ys, kNumFineStages, l2);
      EpochRecord e;
      e.phase = "gabor";
      e.epoch = ++epoch;
      const auto trainLogits = xs.matmul(w.t()) + b;
      e.trainLoss = torch::cross_entropy_loss(trainLogits, ys).item<double>();
      e.trainAccuracy = trainLogits.argmax(1).eq(ys).to(torch::kFloat).mean().item<double>();
      double score = 0;
      if (!data.validation.empty()) {
        const auto xv = standard(rowsOf(all, data.validation));
        const auto yv = labelsOf(data.validation);
        const auto logits = xv.matmul(w.t()) + b;
        e.validationLoss = torch::cross_entropy_loss(logits, yv).item<double>();
        std::vector<int> t, p;
        const auto pred = logits.argmax(1);
        for (long i = 0; i < yv.size(0); ++i) {
          t.push_back(fineStageFromIndex(static_cast<int>(yv[i].item<long>())));
          p.push_back(fineStageFromIndex(static_cast<int>(pred[i].item<long>())));
        }
        score = computeStageMetrics(t, p).meanPerStageAccuracy;
        e.validationAccuracy = score;
      }
      runstore::addEpoch(project, runId, e);
      if (callbacks.epochEnd) callbacks.epochEnd(e);
      if (score > bestScore) {
        bestScore = score;
        model.weight = w;
        model.bias = b;
        model.l2 = l2;
      }
    }
    const auto weights = model.weightsBytes();
    runstore::saveModel(project, runId, {"final", model.specJson(), weights, sha256Hex(weights)});
    storeTestResults(project, runId, "gabor", data,
                     data.test.empty() ? torch::empty({0, kNumFineStages})
                                       : model.probabilities(rowsOf(data.images, data.test)));
    runstore::setStatus(
        project, runId, "finished",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  } catch (const Cancelled&) {
    runstore::setStatus(project, runId, "cancelled");
    throw;
  } catch (...) {
    runstore::setStatus(project, runId, "failed");
    throw;
  }
  return runId;
}

}  // namespace flystage
