#include "eval/RunComparison.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "store/Project.h"
#include "store/RunStore.h"
#include "util/Error.h"

namespace flystage {

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
  for (const auto& r : runs) {
    t += "| #" + std::to_string(r.runId) + " " + r.method + ", " + r.preset + ", " +
         std::to_string(r.seed) + " |";
    for (double a : r.test.perStageAccuracy) t += " " + pct(a) + " |";
    char mae[32];
    std::snprintf(mae, sizeof mae, "%.2f", r.test.meanAbsoluteStageError);
    t += " **" + pct(r.test.meanPerStageAccuracy) + "** | " + pct(r.test.overallAccuracy) + " | " +
         pct(r.test.withinOneStageAccuracy) + " | " + mae + " | " +
         pct(r.test.errorsInsideTrueRange) + " |\n";
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
  for (const auto& m : order) {
    const auto& rs = byMethod[m];
    t += "| " + m + " (" + std::to_string(rs.size()) + ") |";
    auto spread = [&](auto get) {
      std::vector<double> v;
      for (const auto* r : rs)
        if (!std::isnan(get(*r))) v.push_back(get(*r));
      return meanSpread(v);
    };
    for (int s = 0; s < kNumFineStages; ++s)
      t += " " +
           pctSpread(spread([&](const RunSummary& r) { return r.test.perStageAccuracy[s]; })) +
           " |";
    const auto mae = spread([](const RunSummary& r) { return r.test.meanAbsoluteStageError; });
    char maeText[48];
    std::snprintf(maeText, sizeof maeText, "%.2f ± %.2f", mae.mean, mae.sd);
    t += " **" +
         pctSpread(spread([](const RunSummary& r) { return r.test.meanPerStageAccuracy; })) +
         "** | " + pctSpread(spread([](const RunSummary& r) { return r.test.overallAccuracy; })) +
         " | " +
         pctSpread(spread([](const RunSummary& r) { return r.test.withinOneStageAccuracy; })) +
         " | " + maeText + " | " +
         pctSpread(spread([](const RunSummary& r) { return r.test.errorsInsideTrueRange; })) +
         " |\n";
  }
  return t;
}

}  // namespace flystage
