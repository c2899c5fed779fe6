#include "eval/RunComparison.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "eval/ConstrainedMetrics.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/Error.h"

namespace flystage {

namespace {

// The run's test images and, when each has a stored prediction, their unconstrained calls.
void testCallsOf(const std::vector<RunImage>& images,
                 const std::vector<StoredPrediction>& predictions, RunSummary& s) {
  for (const auto& im : images)
    if (im.part == "test" && im.stage) s.testImages.emplace_back(im.imageId, *im.stage);
  std::sort(s.testImages.begin(), s.testImages.end());
  std::map<std::int64_t, int> call;
  for (const auto& p : predictions) call[p.imageId] = p.stage;
  for (const auto& [image, stage] : s.testImages) {
    const auto it = call.find(image);
    if (it == call.end()) {
      s.testCalls.clear();
      return;
    }
    s.testCalls.push_back(it->second);
  }
}

}  // namespace

std::vector<RunSummary> loadRunSummaries(Project& project, const std::vector<std::int64_t>& ids) {
  std::vector<RunSummary> out;
  for (auto id : ids) {
    const auto run = runstore::run(project, id);
    if (!run)
      throw Error("there is no run #" + std::to_string(id) + " in " + project.file().string());
    const auto json = runstore::metricJson(project, id, "test");
    if (run->status != "finished" || !json)
      throw Error("run #" + std::to_string(id) + " has not finished (status: " + run->status +
                  "); resume it with 'flystage-cli train --resume " + std::to_string(id) + "'");
    RunSummary s;
    s.runId = id;
    s.method = run->method;
    s.preset = run->preset;
    s.seed = run->seed;
    s.durationSeconds = run->durationSeconds;
    s.test = stageMetricsFromJson(*json);
    const auto images = runstore::runImages(project, id);
    const auto predictions = runstore::predictions(project, id);
    std::optional<ConstrainedTestMetrics> constrained;
    if (const auto cj = runstore::metricJson(project, id, "test_constrained"))
      constrained = constrainedMetricsFromJson(*cj);
    else  // a run finished before range-aware prediction: the same function, on read
      constrained = constrainedTestMetrics(images, predictions);
    testCallsOf(images, predictions, s);
    if (!s.testCalls.empty()) {
      std::vector<int> truth;
      for (const auto& im : s.testImages) truth.push_back(im.second);
      s.meanPerStageInterval = bootstrapMeanPerStage(truth, s.testCalls);
    }
    if (constrained) {
      s.testConstrained = constrained->metrics;
      s.constrainedN = constrained->constrainedN;
    }
    out.push_back(std::move(s));
  }
  return out;
}

namespace {

std::string pct(double v) {
  if (std::isnan(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", 100.0 * v);
  return buf;
}

std::string pctSpread(const MeanSpread& m) {
  if (m.n == 0 || std::isnan(m.mean)) return "-";
  char buf[48];
  if (m.n == 1)
    std::snprintf(buf, sizeof buf, "%.1f", 100.0 * m.mean);
  else
    std::snprintf(buf, sizeof buf, "%.1f ± %.1f", 100.0 * m.mean, 100.0 * m.sd);
  return buf;
}

// Mean per-stage accuracy over runs: mean [95 % t interval] for two or more, else the value.
std::string meanWithInterval(const std::vector<const StageMetrics*>& ms) {
  std::vector<double> v;
  for (const auto* m : ms)
    if (!std::isnan(m->meanPerStageAccuracy)) v.push_back(m->meanPerStageAccuracy);
  if (v.size() < 2) return pctSpread(meanSpread(v));
  return percentText(tInterval(v));
}

std::string header(const std::string& first) {
  std::string h = "| " + first + " |";
  std::string rule = "|---|";
  for (int s = kMinFineStage; s <= kMaxStage; ++s) {
    h += " " + std::to_string(s) + " |";
    rule += "---:|";
  }
  h += " mean per-stage | overall | within one | MAE (stages) | errors in range |\n";
  rule += "---:|---:|---:|---:|---:|\n";
  return h + rule;
}

}  // namespace

std::string comparisonTable(const std::vector<RunSummary>& runs) {
  std::string t = header("run (method, preset, seed)");
  const auto row = [&t](const std::string& name, const StageMetrics& m,
                        const std::optional<Interval>& interval) {
    t += "| " + name + " |";
    for (double a : m.perStageAccuracy) t += " " + pct(a) + " |";
    char mae[32];
    std::snprintf(mae, sizeof mae, "%.2f", m.meanAbsoluteStageError);
    const std::string mean = interval ? percentText(*interval) : pct(m.meanPerStageAccuracy);
    t += " **" + mean + "** | " + pct(m.overallAccuracy) + " | " + pct(m.withinOneStageAccuracy) +
         " | " + mae + " | " + pct(m.errorsInsideTrueRange) + " |\n";
  };
  for (const auto& r : runs) {
    const std::string name = "#" + std::to_string(r.runId) + " " + r.method + ", " + r.preset +
                             ", " + std::to_string(r.seed);
    row(name, r.test, r.meanPerStageInterval);
    if (r.testConstrained) row(name + ", range-constrained", *r.testConstrained, std::nullopt);
  }
  return t;
}

std::string aggregateTable(const std::vector<RunSummary>& runs) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const RunSummary*>> byMethod;
  for (const auto& r : runs) {
    if (!byMethod.count(r.method)) order.push_back(r.method);
    byMethod[r.method].push_back(&r);
  }
  std::string t = header("method (runs)");
  const auto row = [&t](const std::string& name, const std::vector<const StageMetrics*>& ms) {
    t += "| " + name + " (" + std::to_string(ms.size()) + ") |";
    auto spread = [&](auto get) {
      std::vector<double> v;
      for (const auto* m : ms)
        if (!std::isnan(get(*m))) v.push_back(get(*m));
      return meanSpread(v);
    };
    for (int s = 0; s < kNumFineStages; ++s)
      t += " " + pctSpread(spread([&](const StageMetrics& m) { return m.perStageAccuracy[s]; })) +
           " |";
    const auto mae = spread([](const StageMetrics& m) { return m.meanAbsoluteStageError; });
    char maeText[48];
    std::snprintf(maeText, sizeof maeText, "%.2f ± %.2f", mae.mean, mae.sd);
    t += " **" + meanWithInterval(ms) + "** | " +
         pctSpread(spread([](const StageMetrics& m) { return m.overallAccuracy; })) + " | " +
         pctSpread(spread([](const StageMetrics& m) { return m.withinOneStageAccuracy; })) + " | " +
         maeText + " | " +
         pctSpread(spread([](const StageMetrics& m) { return m.errorsInsideTrueRange; })) + " |\n";
  };
  for (const auto& m : order) {
    std::vector<const StageMetrics*> plain, constrained;
    for (const auto* r : byMethod[m]) {
      plain.push_back(&r->test);
      if (r->testConstrained) constrained.push_back(&*r->testConstrained);
    }
    row(m, plain);
    if (!constrained.empty()) row(m + ", range-constrained", constrained);
  }
  return t;
}

std::vector<TestSetGroup> testSetGroups(Project& project, const std::vector<std::int64_t>& ids) {
  std::vector<TestSetGroup> groups;
  std::vector<std::vector<std::pair<std::int64_t, int>>> sets;  // one per group
  for (auto id : ids) {
    std::vector<std::pair<std::int64_t, int>> set;
    for (const auto& im : runstore::runImages(project, id))
      if (im.part == "test") set.emplace_back(im.imageId, im.stage.value_or(0));
    std::sort(set.begin(), set.end());
    const auto same = std::find(sets.begin(), sets.end(), set);
    if (same == sets.end()) {
      sets.push_back(std::move(set));
      groups.push_back({{id}, sets.back().size()});
    } else {
      groups[static_cast<std::size_t>(same - sets.begin())].runs.push_back(id);
    }
  }
  return groups;
}

std::string testSetWarning(const std::vector<TestSetGroup>& groups) {
  if (groups.size() < 2) return {};
  std::string line = "warning: these runs were evaluated on different test sets: ";
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto& runs = groups[g].runs;
    if (g > 0) line += "; ";
    for (std::size_t i = 0; i < runs.size(); ++i)
      line += (i == 0                 ? ""
               : i + 1 == runs.size() ? " and "
                                      : ", ") +
              std::string("#") + std::to_string(runs[i]);
    line += " on " + std::to_string(groups[g].images) + " test image(s)";
  }
  return line +
         " (another split seed, a split --reset or changed test labels lie between them); "
         "their figures are not measured on the same images";
}

}  // namespace flystage
