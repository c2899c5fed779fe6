#include "eval/ReportContent.h"

#include <algorithm>
#include <map>

#include "train/TrainConfig.h"
#include "util/Error.h"

namespace flystage {

std::optional<std::int64_t> pickFeaturedRun(const std::vector<RunRecord>& newestFirst) {
  std::optional<std::int64_t> network;
  for (const auto& r : newestFirst) {
    if (r.status != "finished" || r.method == "gabor") continue;
    // The paper's method; its CE-only ablation (two-step-no-ls) is compared, never featured.
    if (r.method == methodName(Method::TwoStep)) return r.id;
    if (!network) network = r.id;
  }
  return network;
}

std::vector<ReportExample> pickReportExamples(const std::vector<RunImage>& runImages,
                                              const std::vector<StoredPrediction>& predictions,
                                              int examples) {
  std::map<std::int64_t, int> truth;
  for (const auto& ri : runImages)
    if (ri.part == "test" && ri.stage) truth[ri.imageId] = *ri.stage;
  std::vector<StoredPrediction> right, wrong;
  for (const auto& p : predictions) {
    const auto t = truth.find(p.imageId);
    if (t == truth.end()) continue;
    // The model's own call, as the report's test confusion counts it (not range-constrained).
    (p.stage == t->second ? right : wrong).push_back(p);
  }
  const auto byConfidence = [](const StoredPrediction& a, const StoredPrediction& b) {
    return a.probability > b.probability;
  };
  // std::sort, as the report always did: equal probabilities keep the order they had then.
  std::sort(right.begin(), right.end(), byConfidence);
  std::sort(wrong.begin(), wrong.end(), byConfidence);
  std::vector<ReportExample> out;
  const std::size_t half = static_cast<std::size_t>(std::max(1, examples / 2));
  for (const auto* calls : {&right, &wrong})
    for (std::size_t i = 0; i < std::min(half, calls->size()); ++i)
      out.push_back({(*calls)[i].imageId, truth[(*calls)[i].imageId]});
  return out;
}

ReportContent reportContent(Project& project, std::optional<std::int64_t> featuredRun,
                            int examples) {
  ReportContent c;
  auto allRuns = runstore::runs(project);
  std::sort(allRuns.begin(), allRuns.end(),
            [](const RunRecord& a, const RunRecord& b) { return a.id < b.id; });
  std::vector<std::int64_t> finished;
  for (const auto& r : allRuns)
    if (r.status == "finished" && runstore::metricJson(project, r.id, "test"))
      finished.push_back(r.id);
  c.compared = loadRunSummaries(project, finished);
  for (const auto& s : c.compared)
    if (std::find(c.methods.begin(), c.methods.end(), s.method) == c.methods.end())
      c.methods.push_back(s.method);

  if (!featuredRun) featuredRun = pickFeaturedRun({allRuns.rbegin(), allRuns.rend()});
  if (!featuredRun) return c;
  c.featured = runstore::run(project, *featuredRun);
  if (!c.featured || c.featured->status != "finished")
    throw Error("run #" + std::to_string(*featuredRun) +
                " cannot be featured in the report: it does not exist or has not finished");
  if (c.featured->method == "gabor")
    throw Error("run #" + std::to_string(*featuredRun) +
                " is a Gabor baseline: saliency and masked GEMs need a network run");
  c.examples = pickReportExamples(runstore::runImages(project, *featuredRun),
                                  runstore::predictions(project, *featuredRun), examples);
  return c;
}

}  // namespace flystage
