#include "interpret/SaliencySanity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "data/Stage.h"
#include "interpret/SaliencyMethods.h"
#include "interpret/SaliencySanityMethods.h"
#include "interpret/StageGems.h"
#include "model/Device.h"
#include "model/ModelFile.h"
#include "store/ImportedModel.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "store/WriteTransaction.h"
#include "util/BoundedJson.h"
#include "util/Error.h"

namespace flystage {

namespace {

using Json = nlohmann::json;

constexpr int kMaxSteps = 1000;
constexpr int kFormat = 1;
// Fewer embryo pixels than this: the segmentation found no embryo; measure the whole image.
constexpr std::size_t kMinEmbryoPixels = 100;
// Mixed into the seed for the randomized weights, so they are never a run's own initial
// weights (a run trained with seed 1 started from makeResNet(spec, 1)).
constexpr std::uint64_t kRandomWeightsKey = 0x52414e44;  // "RAND"
constexpr std::uint64_t kDeletionOrderKey = 0x44454c;    // "DEL"
constexpr long kDeletionChunk = 32;                      // curve points per forward pass

void pollCancel(const CancelToken* cancel) {
  if (cancel && cancel->cancelled()) throw Cancelled{"saliency check"};
}

std::vector<double> averageRanks(const std::vector<float>& v) {
  std::vector<std::size_t> idx(v.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::sort(idx.begin(), idx.end(), [&v](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> rank(v.size());
  for (std::size_t i = 0; i < idx.size();) {
    std::size_t j = i;
    while (j + 1 < idx.size() && v[idx[j + 1]] == v[idx[i]]) ++j;
    const double mean = 0.5 * static_cast<double>(i + j) + 1;  // ranks i+1..j+1
    for (std::size_t k = i; k <= j; ++k) rank[idx[k]] = mean;
    i = j + 1;
  }
  return rank;
}

// ---- storage ----

Json toJson(const SaliencySanity& s) {
  return {{"format", kFormat},
          {"method", saliencyMethodName(s.method)},
          {"images", s.images},
          {"steps", s.steps},
          {"samples", s.samples},
          {"seed", s.seed},
          {"randomization",
           {{"model", "all weights randomized"},
            {"rank", "spearman, embryo pixels"},
            {"rank_mean", s.randomizationRank},
            {"rank_low", s.randomizationRankLow},
            {"rank_high", s.randomizationRankHigh},
            {"limit", kRandomizationRankLimit},
            {"passed", s.randomizationPassed}}},
          {"deletion",
           {{"fill", "white"},
            {"fractions", s.fractions},
            {"salient", s.deletionSalient},
            {"random", s.deletionRandom},
            {"area_salient", s.deletionAreaSalient},
            {"area_random", s.deletionAreaRandom},
            {"gap_mean", s.deletionGap},
            {"gap_low", s.deletionGapLow},
            {"gap_high", s.deletionGapHigh},
            {"passed", s.deletionPassed}}}};
}

// What FlyStage writes nests three levels; deeper text is foreign (and dumping it would
// recurse once per level).
constexpr int kMaxJsonDepth = 8;

double finite(const Json& j, const char* key) {
  const double v = j.at(key).get<double>();
  if (!std::isfinite(v)) throw std::domain_error(std::string("'") + key + "' is not finite");
  return v;
}

std::vector<double> finiteList(const Json& j, const char* key, std::size_t size) {
  const auto v = j.at(key).get<std::vector<double>>();
  if (v.size() != size)
    throw std::domain_error(std::string("'") + key + "' has " + std::to_string(v.size()) +
                            " values, not " + std::to_string(size));
  for (double x : v)
    if (!std::isfinite(x) || x < 0 || x > 1)
      throw std::domain_error(std::string("'") + key + "' holds a value outside 0..1");
  return v;
}

SaliencySanity fromJson(const std::string& text, SaliencyMethod method) {
  const auto parsed = parseBoundedJson(text, kMaxJsonDepth);
  if (!parsed) throw std::domain_error("it nests deeper than FlyStage ever writes");
  const Json& j = *parsed;
  if (!j.is_object()) throw std::domain_error("it is not a JSON object");
  if (j.at("format").get<int>() != kFormat)
    throw std::domain_error("format " + j.at("format").dump() + " is not " +
                            std::to_string(kFormat));
  if (j.at("method").get<std::string>() != saliencyMethodName(method))
    throw std::domain_error("it holds method '" + j.at("method").get<std::string>() + "'");
  SaliencySanity s;
  s.method = method;
  s.images = j.at("images").get<int>();
  s.steps = j.at("steps").get<int>();
  s.samples = j.at("samples").get<int>();
  s.seed = j.at("seed").get<std::uint64_t>();
  if (s.images < 1 || s.steps < 1 || s.steps > kMaxSteps || s.samples < 0)
    throw std::domain_error("images, steps or samples out of range");
  const Json& r = j.at("randomization");
  s.randomizationRank = finite(r, "rank_mean");
  s.randomizationRankLow = finite(r, "rank_low");
  s.randomizationRankHigh = finite(r, "rank_high");
  s.randomizationPassed = r.at("passed").get<bool>();
  const Json& d = j.at("deletion");
  const auto points = static_cast<std::size_t>(s.steps) + 1;
  s.fractions = finiteList(d, "fractions", points);
  s.deletionSalient = finiteList(d, "salient", points);
  s.deletionRandom = finiteList(d, "random", points);
  s.deletionAreaSalient = finite(d, "area_salient");
  s.deletionAreaRandom = finite(d, "area_random");
  s.deletionGap = finite(d, "gap_mean");
  s.deletionGapLow = finite(d, "gap_low");
  s.deletionGapHigh = finite(d, "gap_high");
  s.deletionPassed = d.at("passed").get<bool>();
  return s;
}

}  // namespace

std::string saliencySanityMetric(SaliencyMethod method) {
  return "saliency_sanity:" + saliencyMethodName(method);
}

std::string SaliencySanity::verdict() const {
  const std::string rank =
      "rank correlation with a randomized model " +
      intervalText(randomizationRank, randomizationRankLow, randomizationRankHigh, 2);
  const std::string gap =
      "deletion gap " + intervalText(deletionGap, deletionGapLow, deletionGapHigh, 3);
  char limitText[16];
  std::snprintf(limitText, sizeof limitText, "%.1f", kRandomizationRankLimit);
  const std::string limit = limitText;
  if (passed()) return "passes: " + rank + ", below " + limit + "; " + gap + ", above 0";
  std::string out;
  if (!randomizationPassed)
    out = "fails randomization: " + rank + " reaches " + limit +
          " (the maps barely depend on what the model learned)";
  if (!deletionPassed)
    out += (out.empty() ? "fails deletion: " : "; fails deletion: ") + gap +
           " is not above 0 (removing the most salient pixels first does not lower the called "
           "stage's probability faster than removing random ones)";
  return out;
}

double spearmanRank(const std::vector<float>& a, const std::vector<float>& b) {
  if (a.size() != b.size())
    throw Error("rank correlation of " + std::to_string(a.size()) + " and " +
                std::to_string(b.size()) + " values: the samples must be equally long");
  if (a.size() < 2) return 0;
  const auto ra = averageRanks(a), rb = averageRanks(b);
  const double mean = 0.5 * (static_cast<double>(a.size()) + 1);
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (ra[i] - mean) * (rb[i] - mean);
    saa += (ra[i] - mean) * (ra[i] - mean);
    sbb += (rb[i] - mean) * (rb[i] - mean);
  }
  if (saa <= 0 || sbb <= 0) return 0;  // one sample has no ranking
  return sab / std::sqrt(saa * sbb);
}

double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size())
    throw Error("area under a curve of " + std::to_string(x.size()) + " x and " +
                std::to_string(y.size()) + " y values");
  double area = 0;
  for (std::size_t i = 1; i < x.size(); ++i) area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
  return area;
}

SaliencySanity summarizeSanity(SaliencyMethod method, const std::vector<double>& fractions,
                               const std::vector<SanityImage>& images, std::uint64_t seed) {
  if (images.empty()) throw Error("saliency check: no images were measured");
  SaliencySanity s;
  s.method = method;
  s.images = static_cast<int>(images.size());
  s.steps = static_cast<int>(fractions.size()) - 1;
  s.seed = seed;
  s.fractions = fractions;
  s.deletionSalient.assign(fractions.size(), 0.0);
  s.deletionRandom.assign(fractions.size(), 0.0);
  std::vector<double> ranks, salientAreas, randomAreas, gaps;
  for (const auto& im : images) {
    if (im.salient.size() != fractions.size() || im.random.size() != fractions.size())
      throw Error("saliency check: a deletion curve has the wrong number of points");
    ranks.push_back(im.rank);
    salientAreas.push_back(trapezoidArea(fractions, im.salient));
    randomAreas.push_back(trapezoidArea(fractions, im.random));
    gaps.push_back(randomAreas.back() - salientAreas.back());
    for (std::size_t k = 0; k < fractions.size(); ++k) {
      s.deletionSalient[k] += im.salient[k] / static_cast<double>(images.size());
      s.deletionRandom[k] += im.random[k] / static_cast<double>(images.size());
    }
  }
  const auto rank = bootstrapMean(ranks, seed);
  s.randomizationRank = rank.mean;
  s.randomizationRankLow = rank.low;
  s.randomizationRankHigh = rank.high;
  s.deletionAreaSalient = bootstrapMean(salientAreas, seed, 0).mean;
  s.deletionAreaRandom = bootstrapMean(randomAreas, seed, 0).mean;
  const auto gap = bootstrapMean(gaps, seed);
  s.deletionGap = gap.mean;
  s.deletionGapLow = gap.low;
  s.deletionGapHigh = gap.high;
  s.randomizationPassed = s.randomizationRankHigh < kRandomizationRankLimit;
  s.deletionPassed = s.deletionGapLow > 0;
  return s;
}

// ---- torch ----

std::vector<std::int64_t> deletionOrder(const std::vector<std::int64_t>& pixels, const float* map,
                                        std::uint64_t seed) {
  std::vector<std::int64_t> order = pixels;
  std::mt19937_64 rng(seed);
  std::shuffle(order.begin(), order.end(), rng);
  if (map)  // stable: equal saliency keeps the random order
    std::stable_sort(order.begin(), order.end(),
                     [map](std::int64_t a, std::int64_t b) { return map[a] > map[b]; });
  return order;
}

std::vector<double> deletionCurve(const LogitsFn& logits, const torch::Tensor& image, long cls,
                                  const std::vector<std::int64_t>& order, int steps) {
  if (image.dim() != 3 || steps < 1) throw Error("deletion curve: a C x H x W image and steps");
  torch::NoGradGuard noGrad;
  const long h = image.size(1), w = image.size(2);
  const auto n = static_cast<std::int64_t>(order.size());
  // Each pixel's place in the order; pixels never removed come after all of them.
  std::vector<std::int64_t> place(static_cast<std::size_t>(h * w), n);
  for (std::int64_t i = 0; i < n; ++i) place.at(static_cast<std::size_t>(order[i])) = i;
  const auto placeT = torch::tensor(place, torch::kLong).view({1, h * w});
  std::vector<std::int64_t> counts;
  for (int k = 0; k <= steps; ++k)
    counts.push_back(std::llround(static_cast<double>(k) * static_cast<double>(n) / steps));
  const auto white = torch::ones({1}, image.options());
  std::vector<double> out;
  for (long from = 0; from <= steps; from += kDeletionChunk) {
    const long to = std::min<long>(steps + 1, from + kDeletionChunk);
    const auto c =
        torch::tensor(std::vector<std::int64_t>(counts.begin() + from, counts.begin() + to),
                      torch::kLong)
            .view({to - from, 1});
    const auto removed = (placeT < c).view({to - from, 1, h, w}).to(image.device());
    const auto batch = torch::where(removed, white, image.unsqueeze(0));
    const auto p = torch::softmax(logits(batch).to(torch::kFloat32), 1)
                       .select(1, cls)
                       .to(torch::kCPU, torch::kDouble)
                       .contiguous();
    out.insert(out.end(), p.data_ptr<double>(), p.data_ptr<double>() + p.numel());
  }
  return out;
}

ResNet randomizedModel(const ResNet& trained, std::uint64_t seed, const torch::Device& device) {
  ResNet net = makeResNet(trained->spec, saliencyNoiseSeed(seed, kRandomWeightsKey));
  net->setChannelsLast(trained->channelsLast());
  net->to(device);
  net->eval();
  return net;
}

// ---- the check ----

std::vector<SaliencySanity> checkSaliency(Project& project, std::int64_t runId,
                                          const std::vector<std::int64_t>& imageIds,
                                          const SaliencySanityOptions& options,
                                          const ProgressFn& progress, const CancelToken* cancel) {
  if (imageIds.empty())
    throw Error("saliency check: no images to measure (by default the run's test images)");
  if (options.methods.empty()) throw Error("saliency check: no methods to check");
  if (options.steps < 1 || options.steps > kMaxSteps)
    throw Error("saliency check: " + std::to_string(options.steps) + " deletion steps (use 1.." +
                std::to_string(kMaxSteps) + ", e.g. 10)");
  if (options.saliency.batchSize < 1)
    throw Error("saliency batch size: " + std::to_string(options.saliency.batchSize) +
                " (use 1 or more)");
  const torch::Device device(resolveDevice(options.saliency.device) == "cuda" ? torch::kCUDA
                                                                              : torch::kCPU);
  ResNet net = explainedModel(project, runId, device);
  ResNet randomNet = randomizedModel(net, options.seed, device);
  const LogitsFn logits = [&net](const torch::Tensor& x) { return logitsOfStandardized(net, x); };

  std::vector<double> fractions;
  for (int k = 0; k <= options.steps; ++k)
    fractions.push_back(static_cast<double>(k) / options.steps);
  const std::size_t methods = options.methods.size();
  std::vector<std::vector<SanityImage>> measured(methods);
  const std::size_t total = imageIds.size() * methods;
  std::size_t done = 0;
  const auto batch = static_cast<std::size_t>(options.saliency.batchSize);
  for (std::size_t from = 0; from < imageIds.size(); from += batch) {
    pollCancel(cancel);
    const std::vector<std::int64_t> ids(
        imageIds.begin() + static_cast<long>(from),
        imageIds.begin() + static_cast<long>(std::min(imageIds.size(), from + batch)));
    const auto x = loadStandardizedInput(project, ids, device);
    const long h = x.size(2), w = x.size(3);
    torch::Tensor classes;
    {
      torch::NoGradGuard noGrad;
      classes = logitsOfStandardized(net, x).argmax(1);
    }
    const auto called = classes.to(torch::kCPU).contiguous();
    std::vector<std::vector<std::int64_t>> embryo(ids.size());
    std::vector<std::uint64_t> noiseSeeds(ids.size()), orderSeeds(ids.size());
    std::vector<std::vector<double>> randomCurves(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      cv::Mat mask = standardizedEmbryoMask(project.standardizedImage(ids[i]));
      if (mask.rows != h || mask.cols != w)
        throw Error("saliency check: image #" + std::to_string(ids[i]) +
                    "'s embryo mask is not the standardized image's size");
      for (int y = 0; y < mask.rows; ++y)
        for (int xx = 0; xx < mask.cols; ++xx)
          if (mask.at<std::uint8_t>(y, xx)) embryo[i].push_back(std::int64_t{y} * w + xx);
      if (embryo[i].size() < kMinEmbryoPixels) {
        embryo[i].resize(static_cast<std::size_t>(h * w));
        std::iota(embryo[i].begin(), embryo[i].end(), std::int64_t{0});
      }
      noiseSeeds[i] = saliencyNoiseSeed(options.saliency.seed, ids[i]);
      orderSeeds[i] = saliencyNoiseSeed(options.seed ^ kDeletionOrderKey, ids[i]);
      // The random order does not depend on the method: one curve serves them all.
      randomCurves[i] =
          deletionCurve(logits, x[static_cast<long>(i)], called[static_cast<long>(i)].item<long>(),
                        deletionOrder(embryo[i], nullptr, orderSeeds[i]), options.steps);
    }
    for (std::size_t m = 0; m < methods; ++m) {
      SaliencyOptions so = options.saliency;
      so.method = options.methods[m];
      const auto cpuMaps = [&](ResNet& model) {
        return torch::nan_to_num(saliencyMaps(model, x, classes, so, noiseSeeds, cancel), 0.0)
            .to(torch::kCPU, torch::kFloat32)
            .contiguous();
      };
      const auto trained = cpuMaps(net);
      const auto randomized = cpuMaps(randomNet);
      for (std::size_t i = 0; i < ids.size(); ++i) {
        const float* a = trained[static_cast<long>(i)].data_ptr<float>();
        const float* b = randomized[static_cast<long>(i)].data_ptr<float>();
        std::vector<float> va, vb;
        va.reserve(embryo[i].size());
        vb.reserve(embryo[i].size());
        for (const auto p : embryo[i]) {
          va.push_back(a[p]);
          vb.push_back(b[p]);
        }
        SanityImage im;
        im.rank = spearmanRank(va, vb);
        im.salient = deletionCurve(logits, x[static_cast<long>(i)],
                                   called[static_cast<long>(i)].item<long>(),
                                   deletionOrder(embryo[i], a, orderSeeds[i]), options.steps);
        im.random = randomCurves[i];
        measured[m].push_back(std::move(im));
      }
      done += ids.size();
      if (progress)
        progress({"saliency check", done, total, saliencyMethodName(options.methods[m])});
    }
  }
  std::vector<SaliencySanity> out;
  for (std::size_t m = 0; m < methods; ++m) {
    auto s = summarizeSanity(options.methods[m], fractions, measured[m], options.seed);
    SaliencyOptions so = options.saliency;
    so.method = options.methods[m];
    s.samples = saliencySamples(so);
    out.push_back(std::move(s));
  }
  return out;
}

void storeSaliencySanity(Project& project, std::int64_t runId,
                         const std::vector<SaliencySanity>& results) {
  WriteTransaction tx(project.db());  // every method's result, or none
  for (const auto& s : results)
    runstore::setMetric(project, runId, saliencySanityMetric(s.method), s.passed() ? 1.0 : 0.0,
                        toJson(s).dump());
  tx.commit();
}

std::optional<SaliencySanity> storedSaliencySanity(Project& project, std::int64_t runId,
                                                   SaliencyMethod method) {
  const std::string metric = saliencySanityMetric(method);
  const auto text = runstore::metricJson(project, runId, metric);
  if (!text) return std::nullopt;
  try {
    return fromJson(*text, method);
  } catch (const std::exception& e) {  // nlohmann's and ours: a foreign or damaged record
    throw Error(project.file().string() + ": run #" + std::to_string(runId) + "'s metric '" +
                metric + "' is not a saliency check FlyStage wrote (" + e.what() +
                "); run 'flystage-cli saliency-check " + project.file().string() + " --run " +
                std::to_string(runId) + "' again to replace it");
  }
}

std::vector<SaliencySanity> storedSaliencySanity(Project& project, std::int64_t runId) {
  std::vector<SaliencySanity> out;
  for (const auto m : saliencyMethods())
    if (auto s = storedSaliencySanity(project, runId, m)) out.push_back(std::move(*s));
  return out;
}

}  // namespace flystage
