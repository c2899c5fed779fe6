#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "Commands.h"
#include "NumberOption.h"
#include "OutputCheck.h"
#include "eval/LabellerAgreement.h"
#include "eval/PairedComparison.h"
#include "eval/RunComparison.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "train/EpochSelection.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace flystage::cli {

namespace {

std::vector<std::int64_t> parseIds(const std::string& text) {
  std::vector<std::int64_t> ids;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    // The whole item must be an id: std::stoll would read "2x" as 2.
    const auto v = numberText(item, true);
    if (!v || !idRange().contains(*v))
      throw Error(rangeMessage("--runs", text, "run ids separated by commas, e.g. 1,2,3"));
    ids.push_back(static_cast<std::int64_t>(*v));
  }
  return ids;
}

// The run's phase selections; none for a project of schema 4 or older opened read-only (not
// migrated: it has no run_selection table and no learning rates to read the epochs with).
std::vector<PhaseSelection> selectionsIfRecorded(Project& project, std::int64_t runId) {
  if (!project.db().tableExists("run_selection")) return {};
  return runstore::selections(project, runId);
}

// The epochs the run kept: "16/16 last-epoch"; per phase when it has several ("range 10/10
// last-epoch, fine 9/16 best-validation-loss"); "-" without epochs (Gabor).
std::string keptText(const std::vector<PhaseSelection>& phases) {
  std::string out;
  for (const auto& p : phases)
    out += (out.empty() ? "" : ", ") + (phases.size() > 1 ? p.phase + " " : std::string()) +
           std::to_string(p.keptEpoch) + "/" + std::to_string(p.epochs) + " " +
           selectionRuleName(p.rule);
  return out.empty() ? "-" : out;
}

void evaluate(const std::string& file, std::int64_t runId, const std::string& jsonOut) {
  if (!jsonOut.empty()) checkOutputFile("--json", jsonOut);
  Project project = Project::open(file, OpenMode::ReadOnly);
  const auto summary = loadRunSummaries(project, {runId}).front();
  const auto& m = summary.test;
  std::printf("run #%lld: %s, preset %s, seed %llu, %d test images\n",
              static_cast<long long>(runId), summary.method.c_str(), summary.preset.c_str(),
              static_cast<unsigned long long>(summary.seed), m.nTest);
  std::printf("stage     ");
  for (int s = kMinFineStage; s <= kMaxStage; ++s) std::printf("%6d", s);
  std::printf("\naccuracy  ");
  for (double a : m.perStageAccuracy)
    std::isnan(a) ? std::printf("%6s", "-") : std::printf("%5.0f%%", 100 * a);
  std::printf("\nmean per-stage accuracy %.2f%%, overall %.2f%%, within one stage %.2f%%\n",
              100 * m.meanPerStageAccuracy, 100 * m.overallAccuracy,
              100 * m.withinOneStageAccuracy);
  if (const auto& c = summary.testConstrained)
    std::printf(
        "range-constrained (%d of %d test images in their curator's range): mean per-stage "
        "accuracy %.2f%%, overall %.2f%%, within one stage %.2f%%\n",
        summary.constrainedN, c->nTest, 100 * c->meanPerStageAccuracy, 100 * c->overallAccuracy,
        100 * c->withinOneStageAccuracy);
  std::printf("mean absolute stage error %.3f; errors inside the true range %.1f%%\n",
              m.meanAbsoluteStageError,
              std::isnan(m.errorsInsideTrueRange) ? 0.0 : 100 * m.errorsInsideTrueRange);
  if (const auto& ci = summary.meanPerStageInterval)
    std::printf(
        "mean per-stage accuracy with its 95 %% interval (stratified bootstrap over %d test "
        "images): %s\n",
        ci->n, percentText(*ci).c_str());
  for (const auto& sel : selectionsIfRecorded(project, runId))
    std::printf("phase %s: kept epoch %d of %d, %s (%d validation images)%s\n", sel.phase.c_str(),
                sel.keptEpoch, sel.epochs, selectionRuleName(sel.rule).c_str(),
                sel.validationImages, sel.reason.empty() ? "" : (": " + sel.reason).c_str());
  std::printf("confusion (rows true stage 4..17, columns predicted):\n");
  for (const auto& row : m.confusion) {
    for (int v : row) std::printf("%4d", v);
    std::printf("\n");
  }
  if (!jsonOut.empty()) {
    auto j = nlohmann::json::parse(stageMetricsJson(m, summary.method));
    j["run"] = runId;
    j["preset"] = summary.preset;
    j["seed"] = summary.seed;
    if (const auto& c = summary.testConstrained) {
      j["constrained"] = nlohmann::json::parse(stageMetricsJson(*c));
      j["constrained"]["constrained_n"] = summary.constrainedN;
    }
    AtomicFile part(jsonOut);  // a failed write leaves neither half a file nor the .part
    {
      std::ofstream out(part.tmp());
      if (!out) throw Error(jsonOut + ": cannot write (check the folder and permissions)");
      out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      if (!out.flush()) throw Error(jsonOut + ": write failed (disk full?)");
    }
    part.commit();
  }
}

}  // namespace

void addEvaluateCommands(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto run = std::make_shared<std::int64_t>(0);
  auto json = std::make_shared<std::string>();
  auto* ev = app.add_subcommand(
      "evaluate",
      "Test metrics of a finished run: per-stage accuracy (Table II), mean per-stage and overall "
      "accuracy, within-one-stage accuracy, mean absolute stage error, errors inside the true "
      "range, confusion matrix; then the mean per-stage, overall and within-one accuracy with "
      "each call constrained to the test image's curated stage range");
  ev->add_option("project", *file, "Project file (.flystage)")->required();
  withRange(ev->add_option("--run", *run, "Run id"), idRange())->required();
  ev->add_option("--json", *json, "Also write the metrics as JSON to this file");
  ev->callback([file, run, json] { evaluate(*file, *run, *json); });

  auto cfile = std::make_shared<std::string>();
  auto ids = std::make_shared<std::string>();
  auto* cmp = app.add_subcommand(
      "compare",
      "Table II-style comparison of runs side by side (the mean per-stage accuracy with its 95 % "
      "bootstrap interval over the test images), and per method mean ± sd (the mean per-stage "
      "accuracy with its 95 % t interval over runs); each with a range-constrained row (calls "
      "constrained to the curated stage ranges); then the paired differences between methods "
      "(runs of the same seed and test set) and the labellers' agreement");
  cmp->add_option("project", *cfile, "Project file (.flystage)")->required();
  cmp->add_option("--runs", *ids, "Run ids, comma-separated (default: all finished runs)");
  cmp->callback([cfile, ids] {
    Project project = Project::open(*cfile, OpenMode::ReadOnly);
    std::vector<std::int64_t> list = parseIds(*ids);
    if (list.empty())
      for (const auto& r : runstore::runs(project))
        if (r.status == "finished") list.push_back(r.id);
    if (list.empty()) throw Error(*cfile + ": no finished runs to compare; train one first");
    const auto runs = loadRunSummaries(project, list);
    std::printf("%s\n%s", comparisonTable(runs).c_str(), aggregateTable(runs).c_str());
    if (const auto paired = pairedTable(runs); !paired.empty()) std::printf("\n%s", paired.c_str());
    if (const auto agreement = agreementText(project, list); !agreement.empty())
      std::printf("\n%s", agreement.c_str());
    if (const auto warning = testSetWarning(testSetGroups(project, list)); !warning.empty())
      std::fprintf(stderr, "%s\n", warning.c_str());
  });

  auto rfile = std::make_shared<std::string>();
  auto* list = app.add_subcommand("runs", "List the project's training runs");
  list->add_option("project", *rfile, "Project file (.flystage)")->required();
  list->callback([rfile] {
    Project project = Project::open(*rfile, OpenMode::ReadOnly);
    std::printf("id\tmethod\tpreset\tseed\tstatus\tdevice\tseconds\ttest mean per-stage\tkept\n");
    for (const auto& r : runstore::runs(project)) {
      const auto metrics = runstore::metricJson(project, r.id, "test");
      std::string score = "-";
      if (metrics) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f%%",
                      100 * stageMetricsFromJson(*metrics).meanPerStageAccuracy);
        score = buf;
      }
      std::printf("%lld\t%s\t%s\t%llu\t%s\t%s\t%.0f\t%s\t%s\n", static_cast<long long>(r.id),
                  r.method.c_str(), r.preset.c_str(), static_cast<unsigned long long>(r.seed),
                  r.status.c_str(), r.device.c_str(), r.durationSeconds, score.c_str(),
                  keptText(selectionsIfRecorded(project, r.id)).c_str());
    }
  });
}

}  // namespace flystage::cli
