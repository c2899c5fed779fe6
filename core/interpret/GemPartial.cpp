#include "interpret/GemPartial.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "data/Stage.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/AtomicFile.h"
#include "util/Error.h"
#include "util/Sha256.h"

namespace flystage {

namespace {

constexpr char kMagic[] = "FLYSTAGE-GEM-PARTIAL\n";
constexpr std::size_t kMagicSize = sizeof kMagic - 1;
// 2: masked GEMs weigh pixels by saliency (the overlay's weight, mask_quantile the scaling
// quantile); version 1 kept the pixels above the 80th percentile after a sigma-3 blur.
constexpr std::uint32_t kVersion = 2;
constexpr std::size_t kChecksumSize = 64;  // hex SHA-256
constexpr int kHeight = 128, kWidth = 320;

bool littleEndian() {
  const std::uint16_t one = 1;
  unsigned char first = 0;
  std::memcpy(&first, &one, 1);
  return first == 1;
}

template <typename T>
void putScalar(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

void putMat(std::string& out, const cv::Mat& m) {
  const cv::Mat c = m.isContinuous() ? m : m.clone();
  out.append(reinterpret_cast<const char*>(c.data), c.total() * c.elemSize());
}

// Reads a loaded file front to back.
class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  const char* take(std::size_t n) {
    if (n > bytes_.size() - pos_) throw Error("cut short (copy or rerun this shard)");
    const char* p = bytes_.data() + pos_;
    pos_ += n;
    return p;
  }
  template <typename T>
  T scalar() {
    T v;
    std::memcpy(&v, take(sizeof(T)), sizeof(T));
    return v;
  }
  cv::Mat mat() {
    cv::Mat m(kHeight, kWidth, CV_64F);
    std::memcpy(m.data, take(m.total() * m.elemSize()), m.total() * m.elemSize());
    return m;
  }
  std::size_t position() const { return pos_; }

 private:
  const std::string& bytes_;
  std::size_t pos_ = 0;
};

std::vector<int> requestedStages(const GemRequest& r) {
  std::vector<int> stages = r.stages;
  if (stages.empty())
    for (int s = kMinFineStage; s < kMinFineStage + kNumFineStages; ++s) stages.push_back(s);
  std::sort(stages.begin(), stages.end());
  stages.erase(std::unique(stages.begin(), stages.end()), stages.end());
  return stages;
}

nlohmann::json requestJson(const GemRequest& r) {
  nlohmann::json j;
  j["stages"] = requestedStages(r);
  j["run"] = r.runId.value_or(0);
  j["assignment"] = stageAssignmentName(r.assignment);
  j["min_confidence"] = r.minConfidence;
  j["gene"] = r.gene;
  j["masked"] = r.masked;
  j["saliency_method"] = saliencyMethodName(r.saliency.method);
  j["saliency_samples"] = saliencySamples(r.saliency);
  j["saliency_noise"] = r.saliency.noiseLevel;
  j["saliency_seed"] = r.saliency.seed;
  j["mask_quantile"] = r.maskQuantile;
  j["stain_percentile"] = r.normalization.percentile;
  j["stain_floor"] = r.normalization.floor;
  return j;
}

GemRequest requestFromJson(const nlohmann::json& j) {
  GemRequest r;
  r.stages = j.at("stages").get<std::vector<int>>();
  if (const auto run = j.at("run").get<std::int64_t>()) r.runId = run;
  r.assignment = parseStageAssignment(j.at("assignment").get<std::string>());
  r.minConfidence = j.at("min_confidence").get<double>();
  r.gene = j.at("gene").get<std::string>();
  r.masked = j.at("masked").get<bool>();
  r.saliency.method = parseSaliencyMethod(j.at("saliency_method").get<std::string>());
  r.saliency.samples = j.at("saliency_samples").get<int>();
  r.saliency.noiseLevel = j.at("saliency_noise").get<double>();
  r.saliency.seed = j.at("saliency_seed").get<std::uint64_t>();
  r.maskQuantile = j.at("mask_quantile").get<double>();
  r.normalization.percentile = j.at("stain_percentile").get<double>();
  r.normalization.floor = j.at("stain_floor").get<double>();
  return r;
}

}  // namespace

std::string gemRequestKey(const GemRequest& request, const std::string& modelSha256) {
  nlohmann::json j = requestJson(request);
  // Settings that do not apply leave the GEMs alone: they may differ between shards.
  if (request.assignment == StageAssignment::Label) j.erase("min_confidence");
  if (!request.masked)
    for (const char* key : {"saliency_method", "saliency_samples", "saliency_noise",
                            "saliency_seed", "mask_quantile"})
      j.erase(key);
  j["model_sha256"] = modelSha256;
  if (!request.imageIds.empty()) {
    std::vector<std::int64_t> ids = request.imageIds;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    j["image_ids"] = imageListFingerprint(ids);
  }
  return j.dump();  // object keys sorted: the same request gives the same text
}

GemPartial buildGemPartial(Project& project, const GemRequest& request, const Shard& shard,
                           const ProgressFn& progress, const CancelToken* cancel) {
  GemPartial p;
  p.request = request;
  p.shard = shard;
  p.shards = {shard.index};
  const auto ids = project.imageIds();
  p.imageList = imageListFingerprint(ids);
  p.projectImages = ids.size();
  p.project = project.file().string();
  if (request.runId) {
    if (const auto run = runstore::run(project, *request.runId)) p.runMethod = run->method;
    if (const auto model = runstore::model(project, *request.runId, "final"))
      p.modelSha256 = model->sha256;
  }
  p.requestKey = gemRequestKey(request, p.modelSha256);
  p.sums = accumulateStageGems(project, request, shard, progress, cancel);
  p.request.imageIds.clear();
  return p;
}

void saveGemPartial(const GemPartial& p, const std::filesystem::path& file) {
  if (!littleEndian()) throw Error("GEM partials are written on little-endian machines only");
  nlohmann::json h;
  h["request"] = requestJson(p.request);
  h["request_key"] = p.requestKey;
  h["shard"] = {{"index", p.shard.index}, {"count", p.shard.count}};
  h["shards"] = p.shards;
  h["image_list"] = p.imageList;
  h["project_images"] = p.projectImages;
  h["project"] = p.project;
  h["run_method"] = p.runMethod;
  h["model_sha256"] = p.modelSha256;
  h["label_source"] = p.sums.labelSource;
  h["images_considered"] = p.sums.imagesConsidered;
  h["height"] = kHeight;
  h["width"] = kWidth;
  nlohmann::json stages = nlohmann::json::array();
  for (const auto& s : p.sums.stages)
    stages.push_back({{"stage", s.stage}, {"images", s.builder.images()}, {"ids", s.imageIds}});
  h["stages"] = stages;
  const std::string header = h.dump();

  std::string out(kMagic, kMagicSize);
  putScalar<std::uint32_t>(out, kVersion);
  putScalar<std::uint64_t>(out, header.size());
  out += header;
  for (const auto& s : p.sums.stages) {
    if (s.builder.images() == 0) continue;  // all zeros: not written
    const auto sums = s.builder.sums();
    for (const cv::Mat* m : {&sums.weightedExpression, &sums.weights, &sums.covered}) {
      if (m->rows != kHeight || m->cols != kWidth || m->type() != CV_64F)
        throw Error(file.string() + ": GEM sums of an unexpected size");
      putMat(out, *m);
    }
  }
  out += sha256Hex(out);

  AtomicFile part(file);  // FILE.part until complete: a killed job leaves no partial
  part.write(out);
  part.commit();
}

GemPartial loadGemPartial(const std::filesystem::path& file) {
  const std::string name = file.string();
  if (!littleEndian()) throw Error(name + ": GEM partials are read on little-endian machines only");
  std::ifstream f(file, std::ios::binary);
  if (!f) throw Error(name + ": cannot be read (check the path)");
  const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (bytes.compare(0, kMagicSize, kMagic) != 0)
    throw Error(name + ": not a FlyStage GEM partial (made by flystage-cli gem --partial)");
  if (bytes.size() < kMagicSize + kChecksumSize ||
      sha256Hex(bytes.substr(0, bytes.size() - kChecksumSize)) !=
          bytes.substr(bytes.size() - kChecksumSize))
    throw Error(name + ": damaged or cut short (checksum differs): copy or rerun this shard");
  Reader in(bytes);
  GemPartial p;
  try {
    in.take(kMagicSize);
    const auto version = in.scalar<std::uint32_t>();
    if (version == 1)
      throw Error(
          "GEM partial version 1, made by an older FlyStage whose masked GEMs kept the "
          "80th-percentile pixels (its mask_quantile meant that); this FlyStage reads "
          "version " +
          std::to_string(kVersion) + ": rerun every shard with this version");
    if (version != kVersion)
      throw Error("GEM partial version " + std::to_string(version) + "; this FlyStage reads " +
                  std::to_string(kVersion) + " (make the shards and the merge with one version)");
    const auto headerSize = in.scalar<std::uint64_t>();
    if (headerSize > bytes.size()) throw Error("damaged header");
    const auto h = nlohmann::json::parse(std::string(in.take(headerSize), headerSize));
    if (h.at("height").get<int>() != kHeight || h.at("width").get<int>() != kWidth)
      throw Error("GEM of an unexpected size");
    p.request = requestFromJson(h.at("request"));
    p.requestKey = h.at("request_key").get<std::string>();
    p.shard = {h.at("shard").at("index").get<int>(), h.at("shard").at("count").get<int>()};
    p.shards = h.at("shards").get<std::vector<int>>();
    for (int index : p.shards)
      if (p.shard.count < 1 || index < 0 || index >= p.shard.count)
        throw Error("damaged header (shard " + std::to_string(index) + " of " +
                    std::to_string(p.shard.count) + ")");
    p.imageList = h.at("image_list").get<std::string>();
    p.projectImages = h.at("project_images").get<std::size_t>();
    p.project = h.at("project").get<std::string>();
    p.runMethod = h.at("run_method").get<std::string>();
    p.modelSha256 = h.at("model_sha256").get<std::string>();
    p.sums.labelSource = h.at("label_source").get<std::string>();
    p.sums.imagesConsidered = h.at("images_considered").get<std::size_t>();
    for (const auto& s : h.at("stages")) {
      StageGemSum sum;
      sum.stage = s.at("stage").get<int>();
      sum.imageIds = s.at("ids").get<std::vector<std::int64_t>>();
      const int images = s.at("images").get<int>();
      if (images != static_cast<int>(sum.imageIds.size()))
        throw Error("stage " + std::to_string(sum.stage) + ": image count and ids disagree");
      if (images > 0) {
        ExpressionMapBuilder::Sums raw;
        raw.weightedExpression = in.mat();
        raw.weights = in.mat();
        raw.covered = in.mat();
        raw.images = images;
        sum.builder.merge(raw);
      }
      p.sums.stages.push_back(std::move(sum));
    }
    if (in.position() + kChecksumSize != bytes.size())
      throw Error("unexpected bytes after the sums");
  } catch (const nlohmann::json::exception& e) {
    throw Error(name + ": damaged header (" + e.what() + ")");
  } catch (const Error& e) {
    throw Error(name + ": " + e.what());
  }
  return p;
}

GemPartial mergeGemPartials(const std::vector<std::filesystem::path>& files) {
  if (files.empty()) throw Error("no GEM partials to merge");
  GemPartial total;
  std::string first;
  std::map<int, std::string> seen;  // shard index -> the file that brought it
  for (const auto& file : files) {
    GemPartial p = loadGemPartial(file);
    const std::string name = file.string();
    if (first.empty()) {
      first = name;
      for (int index : p.shards) seen.emplace(index, name);
      total = std::move(p);
      continue;
    }
    if (p.requestKey != total.requestKey)
      throw Error(name + ": a GEM of another request than " + first +
                  " (stages, run, model, assignment, confidence, gene or masking differ): "
                  "merge only the shards of one gem command");
    if (p.imageList != total.imageList)
      throw Error(name + ": made from another list of images than " + first +
                  " (images were imported or removed between the shards): rerun every shard");
    if (p.shard.count != total.shard.count)
      throw Error(name + ": shard " + shardName(p.shard) + ", but " + first + " is of " +
                  std::to_string(total.shard.count) + " shards");
    for (int index : p.shards) {
      const auto [it, fresh] = seen.emplace(index, name);
      if (!fresh)
        throw Error(name + ": shard " + shardName({index, total.shard.count}) +
                    " is given twice (also " + it->second + ")");
    }
    if (p.sums.stages.size() != total.sums.stages.size())
      throw Error(name + ": other stages than " + first);
    for (std::size_t i = 0; i < p.sums.stages.size(); ++i) {
      auto& into = total.sums.stages[i];
      auto& from = p.sums.stages[i];
      into.builder.merge(from.builder.sums());
      into.imageIds.insert(into.imageIds.end(), from.imageIds.begin(), from.imageIds.end());
    }
    total.sums.imagesConsidered += p.sums.imagesConsidered;
  }
  std::string missing;
  for (int i = 0; i < total.shard.count; ++i)
    if (!seen.count(i))
      missing += (missing.empty() ? "" : ", ") + shardName({i, total.shard.count});
  if (!missing.empty())
    throw Error("GEM partials: shard(s) " + missing + " missing (" + std::to_string(seen.size()) +
                " of " + std::to_string(total.shard.count) + " given): merge all of them");
  for (auto& s : total.sums.stages) std::sort(s.imageIds.begin(), s.imageIds.end());
  total.shards.clear();
  for (const auto& [index, file] : seen) total.shards.push_back(index);
  total.shard = {};
  return total;
}

}  // namespace flystage
