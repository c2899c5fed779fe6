#include "interpret/StageGems.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include <opencv2/imgproc.hpp>

#include "data/Stage.h"
#include "image/Standardizer.h"
#include "model/Predictor.h"
#include "store/ImageList.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/Error.h"

namespace flystage {

std::string stageAssignmentName(StageAssignment a) {
  return a == StageAssignment::Label ? "label" : "prediction";
}

StageAssignment parseStageAssignment(const std::string& text) {
  if (text == "label") return StageAssignment::Label;
  if (text == "prediction") return StageAssignment::Prediction;
  throw Error("unknown stage assignment '" + text + "': use label or prediction");
}

cv::Mat standardizedEmbryoMask(const cv::Mat& standardizedBgr) {
  return Standardizer().segment(standardizedBgr);
}

cv::Mat saliencyMask(const cv::Mat& saliency, const cv::Mat& embryoMask, double quantile) {
  cv::Mat weight = saliencyWeight(saliency, embryoMask.size(), quantile);
  weight.setTo(0, embryoMask == 0);
  return weight;
}

namespace {

constexpr std::size_t kChunk = 128;  // images decoded and explained at a time
constexpr int kMaxFineStage = kMinFineStage + kNumFineStages - 1;

struct Candidate {
  std::int64_t id = 0;
  int stage = 0;
};

}  // namespace

GemResult StageGemSums::result() const {
  GemResult r;
  for (const auto& s : stages) r.gems.push_back({s.builder.result(s.stage), s.imageIds});
  r.labelSource = labelSource;
  r.imagesConsidered = imagesConsidered;
  return r;
}

GemResult buildStageGems(Project& project, const GemRequest& request, const ProgressFn& progress,
                         const CancelToken* cancel) {
  return accumulateStageGems(project, request, {}, progress, cancel).result();
}

StageGemSums accumulateStageGems(Project& project, const GemRequest& request, const Shard& shard,
                                 const ProgressFn& progress, const CancelToken* cancel) {
  std::vector<int> stages = request.stages;
  if (stages.empty())
    for (int s = kMinFineStage; s <= kMaxFineStage; ++s) stages.push_back(s);
  for (int s : stages)
    if (s < kMinFineStage || s > kMaxFineStage)
      throw Error("GEM stage " + std::to_string(s) + " is not a precise stage (4..17)");
  std::sort(stages.begin(), stages.end());
  stages.erase(std::unique(stages.begin(), stages.end()), stages.end());
  const bool needRun = request.assignment == StageAssignment::Prediction || request.masked;
  if (needRun && !request.runId)
    throw Error(std::string(request.masked ? "a masked GEM" : "a GEM by prediction") +
                " needs a run (--run ID): its model makes the " +
                (request.masked ? "saliency masks" : "predictions"));
  if (request.runId && !runstore::run(project, *request.runId))
    throw Error(project.file().string() + ": there is no run #" + std::to_string(*request.runId));
  if (request.minConfidence < 0 || request.minConfidence > 1)
    throw Error("the minimum confidence must lie between 0 and 1");

  // The images to consider, with their labels (one query).
  std::vector<ImageRow> rows = listImages(project);
  if (!shard.whole()) {
    std::vector<ImageRow> part;
    part.reserve(rows.size() / static_cast<std::size_t>(shard.count) + 1);
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (shard.holds(i)) part.push_back(std::move(rows[i]));
    rows = std::move(part);
  }
  if (!request.imageIds.empty()) {
    std::vector<std::int64_t> wanted = request.imageIds;
    std::sort(wanted.begin(), wanted.end());
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const ImageRow& r) {
                                return !std::binary_search(wanted.begin(), wanted.end(), r.id);
                              }),
               rows.end());
  }
  if (!request.gene.empty())
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const ImageRow& r) { return r.gene != request.gene; }),
               rows.end());

  std::unordered_map<std::int64_t, StoredPrediction> stored;
  if (request.assignment == StageAssignment::Prediction)
    for (auto& p : runstore::predictions(project, *request.runId)) stored.emplace(p.imageId, p);

  std::map<int, ExpressionMapBuilder> builders;
  std::map<int, std::vector<std::int64_t>> members;
  for (int s : stages) builders.emplace(s, ExpressionMapBuilder(128, 320));

  StageGemSums result;
  result.imagesConsidered = rows.size();
  bool withConstraint = false, withoutConstraint = false;  // how the calls used were made
  std::size_t done = 0;
  for (std::size_t from = 0; from < rows.size(); from += kChunk) {
    if (cancel && cancel->cancelled()) throw Cancelled{"gem"};
    const std::size_t to = std::min(rows.size(), from + kChunk);
    std::vector<Candidate> chosen;
    if (request.assignment == StageAssignment::Label) {
      for (std::size_t i = from; i < to; ++i)
        if (rows[i].label.stage && builders.count(*rows[i].label.stage))
          chosen.push_back({rows[i].id, *rows[i].label.stage});
    } else {
      std::vector<std::int64_t> missing;
      for (std::size_t i = from; i < to; ++i)
        if (!stored.count(rows[i].id)) missing.push_back(rows[i].id);
      std::unordered_map<std::int64_t, StagePrediction> fresh;
      if (!missing.empty())
        for (auto& p : predictStages(project, *request.runId, missing, {}, cancel))
          fresh.emplace(p.imageId, p);
      for (std::size_t i = from; i < to; ++i) {
        const auto id = rows[i].id;
        // The call: constrained to the image's known range when predicted so (the default).
        int stage = 0;
        double probability = 0;
        bool constrained = false;
        if (auto it = stored.find(id); it != stored.end()) {
          stage = it->second.call();
          probability = it->second.callProbability();
          constrained = it->second.rangeConstraint;
        } else {
          stage = fresh.at(id).call();
          probability = fresh.at(id).callProbability();
          constrained = fresh.at(id).rangeConstraint;
        }
        (constrained ? withConstraint : withoutConstraint) = true;
        if (builders.count(stage) && probability >= request.minConfidence)
          chosen.push_back({id, stage});
      }
    }
    // Saliency of the stage each image counts for, one call per stage in this chunk.
    std::unordered_map<std::int64_t, cv::Mat> saliency;
    if (request.masked) {
      std::map<int, std::vector<std::int64_t>> byStage;
      for (const auto& c : chosen) byStage[c.stage].push_back(c.id);
      for (const auto& [stage, ids] : byStage)
        for (auto& m :
             computeSaliency(project, *request.runId, ids, request.saliency, stage, {}, cancel))
          saliency.emplace(m.imageId, std::move(m.map));
    }
    for (const auto& c : chosen) {
      const cv::Mat image = project.standardizedImage(c.id);
      const cv::Mat embryo = standardizedEmbryoMask(image);
      const cv::Mat expression = normalizedExpression(image, embryo, request.normalization);
      cv::Mat weight;
      if (request.masked) weight = saliencyMask(saliency.at(c.id), embryo, request.maskQuantile);
      builders.at(c.stage).add(expression, embryo, weight);
      members[c.stage].push_back(c.id);
    }
    done = to;
    if (progress) progress({"gem", done, rows.size(), {}});
  }

  for (int s : stages)
    result.stages.push_back({s, std::move(builders.at(s)), std::move(members[s])});
  if (request.assignment == StageAssignment::Label) {
    result.labelSource = "precise stage labels";
  } else {
    const std::string run = "run #" + std::to_string(*request.runId);
    result.labelSource = !withoutConstraint ? "range-constrained predictions of " + run
                         : !withConstraint
                             ? "predictions of " + run + " (not range-constrained)"
                             : "predictions of " + run +
                                   " (range-constrained in part: predict again to constrain all)";
    if (request.minConfidence > 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", request.minConfidence);
      result.labelSource += std::string(" with probability >= ") + buf;
    }
  }
  return result;
}

}  // namespace flystage
