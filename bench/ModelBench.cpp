#include "ModelBench.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

#include <SQLiteCpp/SQLiteCpp.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include "model/CpuMemoryPool.h"
#include "model/Device.h"
#include "model/FoldedResNet.h"
#include "model/Precision.h"
#include "model/Presets.h"
#include "model/ResNet.h"
#include "store/Project.h"
#include "train/RunData.h"
#include "util/Error.h"

namespace flystage::bench {

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// bfloat16 autocast on CPU for the guard's lifetime: the Trainer's own (core/model/Precision.h).
class Bf16Autocast : public AutocastScope {
 public:
  explicit Bf16Autocast(bool on)
      : AutocastScope(on ? Precision::BFloat16 : Precision::Float32, false) {}
};

struct Batches {
  torch::Tensor images;  // uint8 N x 3 x H x W
  torch::Tensor labels;  // int64 N
};

Batches readBatchFile(const std::filesystem::path& file, int count, const ModelSpec& spec,
                      const torch::Device& device) {
  const long n = count, h = spec.inputHeight, w = spec.inputWidth;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string() + ": cannot open (make it with `flystage-bench data`)");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto pixels = static_cast<std::size_t>(n * 3 * h * w);
  if (bytes.size() != pixels + static_cast<std::size_t>(n) * 8)
    throw Error(file.string() + ": " + std::to_string(bytes.size()) + " bytes, not " +
                std::to_string(count) + " images of 3x" + std::to_string(h) + "x" +
                std::to_string(w) + " and their labels (same --preset and --count?)");
  Batches b;
  b.images = torch::empty({n, 3, h, w}, torch::kUInt8);
  std::memcpy(b.images.data_ptr(), bytes.data(), pixels);
  b.labels = torch::empty({n}, torch::kLong);
  std::memcpy(b.labels.data_ptr(), bytes.data() + pixels, static_cast<std::size_t>(n) * 8);
  b.images = b.images.to(device);
  b.labels = b.labels.to(device);
  return b;
}

// Rows [cursor, cursor + batch) of the data, wrapping around.
torch::Tensor nextRows(long& cursor, int batch, const torch::Tensor& data) {
  const long n = data.size(0);
  auto idx = torch::arange(batch, torch::TensorOptions(torch::kLong).device(data.device()))
                 .add_(cursor)
                 .remainder_(n);
  cursor = (cursor + batch) % n;
  return idx;
}

// Warm-up steps, then `repeats` timings of `steps` steps; images/s of the median repeat.
// On CUDA each timing waits for the GPU to finish.
template <typename Step>
nlohmann::json timeSteps(const torch::Device& device, int warmup, int repeats, int steps,
                         int imagesPerStep, Step&& step) {
  auto sync = [&] {
    if (device.is_cuda()) torch::cuda::synchronize();
  };
  long k = 0;
  for (int i = 0; i < warmup; ++i) step(k++);
  sync();
  std::vector<double> seconds;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = Clock::now();
    for (int i = 0; i < steps; ++i) step(k++);
    sync();
    seconds.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return {{"images_per_s", steps * imagesPerStep / median(seconds)}, {"seconds", seconds}};
}

// The Trainer's step on a batch (core/train/Trainer.cpp runPhase): uint8 rows -> [0,1],
// per-image flips (here in a fixed pattern, so both sides do the same), cross entropy,
// backward, SGD step, and the loss and accuracy read back.
struct TrainStep {
  ResNet& model;
  torch::optim::SGD& optimizer;
  const Batches& data;
  int batch;
  bool bf16;
  long cursor = 0;

  void operator()(long k) {
    const auto idx = nextRows(cursor, batch, data.images);
    auto x = toInput(data.images.index_select(0, idx), data.images.device());
    for (long i = 0; i < batch; ++i) {
      if ((k + i) % 2 == 0) x[i] = x[i].flip({2});
      if ((k + i) % 3 == 0) x[i] = x[i].flip({1});
    }
    const auto y = data.labels.index_select(0, idx);
    optimizer.zero_grad();
    torch::Tensor logits, loss;
    {
      Bf16Autocast autocast(bf16);
      logits = model->forward(x);
      loss = torch::cross_entropy_loss(logits.to(torch::kFloat32), y);
    }
    loss.backward();
    optimizer.step();
    (void)loss.item<double>();
    (void)logits.argmax(1).eq(y).sum().item<long>();
  }
};

ResNet freshModel(const ModelSpec& spec, bool channelsLast, const torch::Device& device) {
  auto model = makeResNet(spec, 1);
  model->setChannelsLast(channelsLast);
  model->to(device);
  return model;
}

bool isOneOf(const std::string& v, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (v == n) return true;
  return false;
}

nlohmann::json trainVariant(const std::string& variant, const ModelSpec& spec, const Batches& data,
                            const ModelBenchOptions& o) {
  if (!isOneOf(variant, {"libtorch-nchw", "flystage", "flystage-pool", "flystage-bf16"}))
    throw Error("unknown training variant '" + variant +
                "' (libtorch-nchw, flystage, flystage-pool, flystage-bf16)");
  const auto device = data.images.device();
  if (device.is_cuda() && variant == "flystage-bf16")
    throw Error("the bf16 variants use CPU autocast: leave them out on CUDA");
  auto model = freshModel(spec, variant != "libtorch-nchw", device);
  model->train();
  torch::optim::SGD optimizer(model->parameters(),
                              torch::optim::SGDOptions(0.01).momentum(0.9).weight_decay(5e-4));
  TrainStep step{model, optimizer, data, o.trainBatch, variant == "flystage-bf16"};
  std::optional<CpuMemoryPoolScope> pool;  // as the Trainer holds one
  if (variant == "flystage-pool" || variant == "flystage-bf16") pool.emplace();
  return timeSteps(device, o.warmup, o.repeats, o.steps, o.trainBatch, step);
}

// Probabilities of one batch by the variant's inference path.
struct InferPath {
  std::string variant;
  ResNet model{nullptr};
  std::unique_ptr<FoldedResNet> folded;

  InferPath(const std::string& v, const ModelSpec& spec, const torch::Device& device) : variant(v) {
    if (!isOneOf(v, {"libtorch-nchw", "flystage-module", "flystage-folded", "flystage",
                     "flystage-bf16"}))
      throw Error("unknown inference variant '" + v +
                  "' (libtorch-nchw, flystage-module, flystage-folded, flystage, flystage-bf16)");
    if (device.is_cuda() && v == "flystage-bf16")
      throw Error("the bf16 variants use CPU autocast: leave them out on CUDA");
    model = freshModel(spec, v != "libtorch-nchw", device);
    model->eval();
    if (v != "libtorch-nchw" && v != "flystage-module")
      folded = std::make_unique<FoldedResNet>(model);
  }
  torch::Tensor operator()(const torch::Tensor& x) {
    if (folded) {
      Bf16Autocast autocast(variant == "flystage-bf16");
      return torch::softmax(folded->forward(x).to(torch::kFloat32), 1);
    }
    torch::NoGradGuard guard;
    return torch::softmax(model->forward(x), 1);
  }
};

nlohmann::json inferVariant(const std::string& variant, const ModelSpec& spec, const Batches& data,
                            const ModelBenchOptions& o) {
  const auto device = data.images.device();
  InferPath path(variant, spec, device);
  std::optional<CpuMemoryPoolScope> pool;  // as predictStages holds one
  if (variant == "flystage" || variant == "flystage-bf16") pool.emplace();
  long cursor = 0;
  return timeSteps(device, o.warmup, o.repeats, o.inferSteps, o.inferBatch, [&](long) {
    const auto idx = nextRows(cursor, o.inferBatch, data.images);
    (void)path(toInput(data.images.index_select(0, idx), device));
  });
}

std::int64_t countOf(const std::vector<torch::Tensor>& tensors) {
  std::int64_t n = 0;
  for (const auto& t : tensors) n += t.numel();
  return n;
}

}  // namespace

nlohmann::json presetSpec(const std::string& name) {
  const ModelSpec spec = preset(name).spec;
  auto j = nlohmann::json::parse(spec.toJson());
  j["feature_size"] = spec.featureSize();
  j["forward_gflops"] = spec.forwardGflops();
  auto model = makeResNet(spec, 1);
  j["parameters"] = countOf(model->parameters());
  j["buffers"] = countOf(model->buffers());
  return j;
}

void writeBatchFile(const std::filesystem::path& file, const std::string& name, int count,
                    const std::filesystem::path& out) {
  const ModelSpec spec = preset(name).spec;
  Project project = Project::open(file, OpenMode::ReadOnly);
  std::vector<std::int64_t> stored;
  SQLite::Statement q(project.db(), "SELECT id FROM images ORDER BY id LIMIT ?");
  q.bind(1, count);
  while (q.executeStep()) stored.push_back(q.getColumn(0).getInt64());
  if (stored.empty()) throw Error(file.string() + ": no images (import some first)");
  std::vector<std::int64_t> ids;
  for (int i = 0; i < count; ++i)
    ids.push_back(stored[static_cast<std::size_t>(i) % stored.size()]);
  const auto images = loadImages(project, ids, spec.inputHeight, spec.inputWidth).contiguous();
  const auto labels = torch::arange(count, torch::kLong).remainder_(spec.numClasses);
  std::ofstream o(out, std::ios::binary);
  o.write(static_cast<const char*>(images.data_ptr()), images.numel());
  o.write(static_cast<const char*>(labels.data_ptr()), labels.numel() * 8);
  if (!o) throw Error(out.string() + ": cannot write");
}

nlohmann::json benchModel(const ModelBenchOptions& o) {
  const auto info = configureDevice(o.threads);
  const ModelSpec spec = preset(o.preset).spec;
  const torch::Device device(resolveDevice(o.device));
  const Batches data = readBatchFile(o.data, o.count, spec, device);
  nlohmann::json out = presetSpec(o.preset);
  out["preset"] = o.preset;
  out["threads"] = info.cpuThreads;
  out["train_batch"] = o.trainBatch;
  out["infer_batch"] = o.inferBatch;
  out["libtorch"] = info.torchVersion;
  out["device"] = device.str();
  for (const auto& v : o.trainVariants)
    if (!v.empty()) out["train"][v] = trainVariant(v, spec, data, o);
  for (const auto& v : o.inferVariants)
    if (!v.empty()) out["infer"][v] = inferVariant(v, spec, data, o);
  const auto pool = cpuMemoryPoolStats();
  out["memory_pool_reused"] = pool.reused;
  out["memory_pool_fresh"] = pool.fresh;
  out["memory_pool_held_after"] = pool.heldBytes;
  // The optimized paths give the same answers: largest probability difference to NCHW.
  if (out.contains("infer")) {
    const auto x = toInput(data.images.slice(0, 0, std::min<long>(o.inferBatch, o.count)), device);
    const auto reference = InferPath("libtorch-nchw", spec, device)(x);
    for (const auto& v : o.inferVariants)
      if (!v.empty())
        out["infer"][v]["max_probability_difference"] =
            (InferPath(v, spec, device)(x) - reference).abs().max().item<double>();
  }
  return out;
}

nlohmann::json benchPeak(int threads, int n, int repeats) {
  const auto info = configureDevice(threads);
  nlohmann::json out = {{"threads", info.cpuThreads}, {"n", n}};
  for (const auto& [name, dtype] : std::vector<std::pair<std::string, torch::Dtype>>{
           {"fp32", torch::kFloat32}, {"bf16", torch::kBFloat16}}) {
    const auto a = torch::rand({n, n}).to(dtype), b = torch::rand({n, n}).to(dtype);
    (void)torch::mm(a, b);  // warm-up
    std::vector<double> seconds;
    for (int r = 0; r < repeats; ++r) {
      const auto t0 = Clock::now();
      (void)torch::mm(a, b);
      seconds.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
    out[name] = 2.0 * n * n * static_cast<double>(n) / median(seconds) / 1e9;
  }
  return out;
}

nlohmann::json bf16Accuracy(const std::filesystem::path& file, const std::string& name, int epochs,
                            int threads) {
  configureDevice(threads);
  ModelSpec spec = preset(name).spec;
  spec.numClasses = 6;  // stage ranges: many more labelled images than precise stages
  Project project = Project::open(file, OpenMode::ReadOnly);
  std::vector<std::int64_t> ids;
  std::vector<long> labels;
  SQLite::Statement q(project.db(),
                      "SELECT image_id, stage_range FROM labels WHERE stage_range IS NOT NULL "
                      "ORDER BY image_id");
  const std::map<std::string, long> rangeIndex = {{"1-3", 0},  {"4-6", 1},   {"7-8", 2},
                                                  {"9-10", 3}, {"11-12", 4}, {"13-17", 5}};
  while (q.executeStep()) {
    ids.push_back(q.getColumn(0).getInt64());
    labels.push_back(rangeIndex.at(q.getColumn(1).getString()));
  }
  if (ids.size() < 50) throw Error(file.string() + ": fewer than 50 range-labelled images");
  const auto images = loadImages(project, ids, spec.inputHeight, spec.inputWidth);
  const auto all = torch::tensor(labels);
  std::vector<long> trainRows, testRows;
  for (long i = 0; i < static_cast<long>(ids.size()); ++i)
    (i % 5 == 4 ? testRows : trainRows).push_back(i);
  const auto trainIdx = torch::tensor(trainRows), testIdx = torch::tensor(testRows);
  const Batches train{images.index_select(0, trainIdx), all.index_select(0, trainIdx)};
  const auto testX = toInput(images.index_select(0, testIdx), torch::kCPU);
  const auto testY = all.index_select(0, testIdx);

  const auto& defaults = preset(name).train;
  auto trainOnce = [&](bool bf16) {
    auto model = makeResNet(spec, 1);
    model->train();
    torch::optim::SGD optimizer(
        model->parameters(),
        torch::optim::SGDOptions(defaults.learningRate).momentum(0.9).weight_decay(5e-4));
    TrainStep step{model, optimizer, train, defaults.batchSize, bf16};
    const long perEpoch = (train.images.size(0) + defaults.batchSize - 1) / defaults.batchSize;
    const auto t0 = Clock::now();
    for (long k = 0; k < perEpoch * epochs; ++k) step(k);
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    model->eval();
    torch::NoGradGuard guard;
    const auto probs = torch::softmax(model->forward(testX), 1);
    return std::make_tuple(model, probs, seconds);
  };
  const auto [fp32Model, fp32Probs, fp32Seconds] = trainOnce(false);
  const auto [bf16Model, bf16Probs, bf16Seconds] = trainOnce(true);
  auto accuracy = [&](const torch::Tensor& p) {
    return p.argmax(1).eq(testY).to(torch::kFloat64).mean().item<double>();
  };
  // The float32-trained model, predicting in bf16 (FoldedResNet under autocast).
  ResNet m = fp32Model;
  const FoldedResNet folded(m);
  torch::Tensor inferBf16;
  {
    Bf16Autocast autocast(true);
    inferBf16 = torch::softmax(folded.forward(testX).to(torch::kFloat32), 1);
  }
  const auto inferFp32 = torch::softmax(folded.forward(testX), 1);
  return {{"preset", name},
          {"task", "6 stage ranges"},
          {"train_images", train.images.size(0)},
          {"test_images", testX.size(0)},
          {"epochs", epochs},
          {"train_fp32_accuracy", accuracy(fp32Probs)},
          {"train_bf16_accuracy", accuracy(bf16Probs)},
          {"train_fp32_seconds", fp32Seconds},
          {"train_bf16_seconds", bf16Seconds},
          {"train_agreement",
           fp32Probs.argmax(1).eq(bf16Probs.argmax(1)).to(torch::kFloat64).mean().item<double>()},
          {"infer_fp32_accuracy", accuracy(inferFp32)},
          {"infer_bf16_accuracy", accuracy(inferBf16)},
          {"infer_agreement",
           inferFp32.argmax(1).eq(inferBf16.argmax(1)).to(torch::kFloat64).mean().item<double>()},
          {"infer_max_probability_difference", (inferFp32 - inferBf16).abs().max().item<double>()}};
}

}  // namespace flystage::bench
