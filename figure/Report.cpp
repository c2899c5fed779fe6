#include "figure/Report.h"

#include <QBuffer>
#include <QByteArray>
#include <QImage>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "Version.h"
#include "data/Stage.h"
#include "eval/PairedComparison.h"
#include "eval/ReportContent.h"
#include "eval/RunComparison.h"
#include "figure/ChartFigures.h"
#include "figure/GemFigure.h"
#include "figure/SaliencyFigure.h"
#include "interpret/GemProvenance.h"
#include "interpret/Saliency.h"
#include "interpret/SaliencySanity.h"
#include "interpret/StageGems.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace flystage::figure {

namespace {

std::string html(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string pct(double v) {
  if (std::isnan(v)) return "&ndash;";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", 100.0 * v);
  return buf;
}

std::string pctSpread(const MeanSpread& m) {
  if (m.n == 0) return "&ndash;";
  char buf[64];
  if (m.n > 1)
    std::snprintf(buf, sizeof buf, "%.1f&nbsp;&plusmn;&nbsp;%.1f", 100 * m.mean, 100 * m.sd);
  else
    std::snprintf(buf, sizeof buf, "%.1f", 100 * m.mean);
  return buf;
}

std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// Exports a figure in the three formats under DIR/figures and returns an <img> with the
// PNG inline, so index.html needs no other file.
class FigureWriter {
 public:
  FigureWriter(std::filesystem::path dir, int dpi) : dir_(std::move(dir)), dpi_(dpi) {
    std::filesystem::create_directories(dir_);
  }
  std::string add(const Figure& f, const std::string& name, const std::string& alt) {
    ExportOptions o;
    o.dpi = dpi_;
    std::string links;
    for (const char* ext : {".png", ".svg", ".pdf"}) {
      o.csv = std::string(ext) == ".png";
      for (auto& p : exportFigure(f, dir_ / (name + ext), o)) files_.push_back(p);
    }
    std::ifstream png(dir_ / (name + ".png"), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(png)), {});
    const auto b64 = QByteArray::fromStdString(bytes).toBase64().toStdString();
    // Shown at its size in points (1 pt = 1 CSS px keeps text readable).
    return "<figure><img alt=\"" + html(alt) +
           "\" style=\"width:" + std::to_string(static_cast<int>(f.size.width() * 1.333)) +
           "px;max-width:100%\" src=\"data:image/png;base64," + b64 + "\"><figcaption>" +
           html(alt) + " &middot; <a href=\"figures/" + name + ".svg\">SVG</a> <a href=\"figures/" +
           name + ".pdf\">PDF</a> <a href=\"figures/" + name +
           ".csv\">CSV</a></figcaption></figure>\n";
  }
  const std::vector<std::filesystem::path>& files() const { return files_; }

 private:
  std::filesystem::path dir_;
  int dpi_;
  std::vector<std::filesystem::path> files_;
};

std::string runsTable(const std::vector<RunSummary>& runs) {
  std::ostringstream o;
  o << "<table><thead><tr><th>Run</th><th>Method</th><th>Preset</th><th>Seed</th>";
  for (int s = 0; s < kNumFineStages; ++s) o << "<th>" << kMinFineStage + s << "</th>";
  o << "<th>Mean</th><th>Overall</th><th>&plusmn;1 stage</th><th>MAE</th><th>Errors in range</th>"
       "<th>Time (s)</th></tr></thead><tbody>\n";
  for (const auto& r : runs) {
    o << "<tr><td>#" << r.runId << "</td><td>" << html(r.method) << "</td><td>" << html(r.preset)
      << "</td><td>" << r.seed << "</td>";
    for (int s = 0; s < kNumFineStages; ++s)
      o << "<td>" << pct(r.test.perStageAccuracy[s]) << "</td>";
    o << "<td><b>"
      << (r.meanPerStageInterval ? html(percentText(*r.meanPerStageInterval))
                                 : pct(r.test.meanPerStageAccuracy))
      << "</b></td><td>" << pct(r.test.overallAccuracy) << "</td><td>"
      << pct(r.test.withinOneStageAccuracy) << "</td><td>"
      << fixed(r.test.meanAbsoluteStageError, 2) << "</td><td>" << pct(r.test.errorsInsideTrueRange)
      << "</td><td>" << fixed(r.durationSeconds, 0) << "</td></tr>\n";
  }
  o << "</tbody></table>\n";
  return o.str();
}

std::string methodTable(const std::vector<RunSummary>& runs,
                        const std::vector<std::string>& methods) {
  std::ostringstream o;
  o << "<table><thead><tr><th>Method</th><th>Runs</th>";
  for (int s = 0; s < kNumFineStages; ++s) o << "<th>" << kMinFineStage + s << "</th>";
  o << "<th>Mean</th><th>Overall</th><th>&plusmn;1 stage</th></tr></thead><tbody>\n";
  for (const auto& m : methods) {
    std::vector<const RunSummary*> mine;
    for (const auto& r : runs)
      if (r.method == m) mine.push_back(&r);
    const auto spread = [&](auto get) {
      std::vector<double> v;
      for (auto* r : mine)
        if (!std::isnan(get(*r))) v.push_back(get(*r));
      return pctSpread(meanSpread(v));
    };
    o << "<tr><td>" << html(m) << "</td><td>" << mine.size() << "</td>";
    for (int s = 0; s < kNumFineStages; ++s)
      o << "<td>" << spread([s](const RunSummary& r) { return r.test.perStageAccuracy[s]; })
        << "</td>";
    std::vector<double> means;
    for (auto* r : mine)
      if (!std::isnan(r->test.meanPerStageAccuracy)) means.push_back(r->test.meanPerStageAccuracy);
    o << "<td><b>"
      << (means.size() >= 2 ? html(percentText(tInterval(means))) : spread([](const RunSummary& r) {
           return r.test.meanPerStageAccuracy;
         }))
      << "</b></td><td>" << spread([](const RunSummary& r) { return r.test.overallAccuracy; })
      << "</td><td>" << spread([](const RunSummary& r) { return r.test.withinOneStageAccuracy; })
      << "</td></tr>\n";
  }
  o << "</tbody></table>\n";
  return o.str();
}

// pairedTable's Markdown list as HTML: its heading line a note, each "- " line an item.
std::string pairedHtml(const std::vector<RunSummary>& runs) {
  const std::string text = pairedTable(runs);
  if (text.empty()) return {};
  std::istringstream in(text);
  std::ostringstream o;
  std::string line;
  bool list = false;
  while (std::getline(in, line)) {
    if (line.rfind("- ", 0) == 0) {
      if (!list) o << "<ul>\n";
      list = true;
      o << "<li>" << html(line.substr(2)) << "</li>\n";
    } else if (!line.empty()) {
      o << "<p class=\"note\">" << html(line) << "</p>\n";
    }
  }
  if (list) o << "</ul>\n";
  return o.str();
}

// The run's stored saliency checks (flystage-cli saliency-check): a table, a warning above the
// examples naming each method that failed, or how to measure them when there are none.
struct SanitySection {
  std::string warning, captionNote, table;
  std::vector<SaliencySanity> results;  // for the deletion curves
};

SanitySection sanitySection(Project& project, std::int64_t runId,
                            const std::vector<SaliencyMethod>& shown) {
  SanitySection out;
  const std::string command =
      "flystage-cli saliency-check " + project.file().string() + " --run " + std::to_string(runId);
  std::vector<SaliencySanity> stored;
  try {
    stored = storedSaliencySanity(project, runId);
  } catch (const Error& e) {  // a damaged record: say so, the rest of the report stands
    out.table =
        "<h3>Sanity and faithfulness</h3>\n<p class=\"warn\">The stored saliency checks "
        "cannot be read: " +
        html(e.what()) + "</p>\n";
    return out;
  }
  out.table = "<h3>Sanity and faithfulness</h3>\n";
  if (stored.empty()) {
    out.table += "<p class=\"note\">Not measured for run #" + std::to_string(runId) + ": <code>" +
                 html(command) +
                 "</code> checks on its test images whether each method's maps change when the "
                 "model's weights are randomized and whether removing the most salient pixels "
                 "first lowers the called stage's probability faster than removing random ones "
                 "(docs/interpretation.md).</p>\n";
    return out;
  }
  std::vector<std::string> failed;
  for (const auto& s : stored)
    if (!s.passed() && std::find(shown.begin(), shown.end(), s.method) != shown.end()) {
      failed.push_back(saliencyMethodName(s.method));
      out.warning += "<p class=\"warn\"><b>" + html(saliencyMethodName(s.method)) +
                     "</b> failed its sanity check: " + html(s.verdict()) +
                     ". Read its column with care.</p>\n";
    }
  if (!failed.empty()) {
    out.captionNote = " (failed the sanity check: ";
    for (std::size_t i = 0; i < failed.size(); ++i) out.captionNote += (i ? ", " : "") + failed[i];
    out.captionNote += ")";
  }
  std::ostringstream o;
  o << "<p class=\"note\">Model randomization: Spearman rank correlation, over the embryo's "
       "pixels, between each map and the map of the same network with random weights (mean over "
       "images, 95% bootstrap interval; passes below "
    << fixed(kRandomizationRankLimit, 1)
    << "). Deletion: the embryo's pixels turn white in equal steps, most salient first or in a "
       "random order; area under the called stage's probability (lower: faster fall) and the "
       "paired gap random &minus; salient (passes when its 95% interval is above 0). Measured "
       "with <code>"
    << html(command) << "</code>.</p>\n";
  o << "<table><thead><tr><th>Method</th><th>Images</th><th>Rank correlation</th><th>95% "
       "interval</th><th>Deletion area, salient</th><th>random</th><th>Gap</th><th>95% "
       "interval</th><th>Verdict</th></tr></thead><tbody>\n";
  for (const auto& s : stored) {
    o << "<tr><td>" << html(saliencyMethodName(s.method)) << "</td><td>" << s.images << "</td><td>"
      << fixed(s.randomizationRank, 2) << "</td><td>[" << fixed(s.randomizationRankLow, 2) << ", "
      << fixed(s.randomizationRankHigh, 2) << "]</td><td>" << fixed(s.deletionAreaSalient, 3)
      << "</td><td>" << fixed(s.deletionAreaRandom, 3) << "</td><td>" << fixed(s.deletionGap, 3)
      << "</td><td>[" << fixed(s.deletionGapLow, 3) << ", " << fixed(s.deletionGapHigh, 3)
      << "]</td><td>";
    if (s.passed())
      o << "passes";
    else
      o << "<b>fails</b>" << (s.randomizationPassed ? "" : " randomization")
        << (s.randomizationPassed || s.deletionPassed ? "" : " and")
        << (s.deletionPassed ? "" : " deletion");
    o << "</td></tr>\n";
  }
  o << "</tbody></table>\n";
  out.table += o.str();
  out.results = std::move(stored);
  return out;
}

const char* kStyle = R"css(
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em} h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:0.8em;margin:0.5em 0} th,td{border:1px solid #ddd;padding:2px 5px;text-align:right}
th{background:#f3f3f3} td:nth-child(2){text-align:left}
figure{display:inline-block;margin:0.5em 1em 1em 0;vertical-align:top} figcaption{font-size:0.8em;color:#555}
.note{color:#555;font-size:0.9em} .warn{color:#a00;font-size:0.9em}
)css";

}  // namespace

ReportResult writeReport(Project& project, const std::filesystem::path& dir,
                         const ReportOptions& options, const ProgressFn& progress,
                         const CancelToken* cancel) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    throw Error(dir.string() + ": cannot create the report folder (" + ec.message() + ")");
  const auto report = [&](const std::string& step, std::size_t done, std::size_t total) {
    if (progress) progress({"report", done, total, step});
    if (cancel && cancel->cancelled()) throw Cancelled{"report"};
  };
  constexpr std::size_t kSteps = 6;
  ReportResult result;
  FigureWriter figures(dir / "figures", options.dpi);
  const auto base = [&](const std::string& what) {
    return makeProvenance(what, project.file().string());
  };

  // Which runs are compared, which one is featured and which images it shows: core's choice.
  const ReportContent content = reportContent(project, options.featuredRun, options.examples);
  const auto& summaries = content.compared;
  const auto& methods = content.methods;
  const std::optional<RunRecord>& featured = content.featured;
  if (featured) result.featuredRun = featured->id;

  const auto summary = project.summary();
  std::ostringstream body;
  body << "<h1>FlyStage report</h1>\n<p class=\"note\">Project <code>"
       << html(project.file().string()) << "</code> &middot; FlyStage " << kVersion << " &middot; "
       << html(base("report").createdAt) << "</p>\n";
  body << "<h2>Images and labels</h2>\n<p>" << summary.images << " images of " << summary.genes
       << " genes; " << summary.withStage << " with a precise stage, " << summary.unlabelled
       << " unlabelled; " << summary.runs << " training runs.</p>\n<table><thead><tr><th>Range</th>"
       << "<th>Images</th></tr></thead><tbody>";
  for (const auto& [range, n] : summary.perRange)
    body << "<tr><td>" << html(range) << "</td><td>" << n << "</td></tr>";
  body << "</tbody></table>\n";

  report("comparison", 1, kSteps);
  body << "<h2>Per-stage test accuracy (Table II)</h2>\n";
  if (summaries.empty()) {
    body << "<p>No finished run yet: train one with <code>flystage-cli train</code>.</p>\n";
  } else {
    body << "<p class=\"note\">Test accuracy (%) per precise stage, the mean over stages (the "
            "paper's "
            "figure), overall accuracy, accuracy within one stage, mean absolute stage error and "
            "the "
            "share of errors that stay inside the true stage range. In brackets the mean's 95 % "
            "interval: per run a stratified bootstrap over its test images, per method a Student "
            "t interval over its runs.</p>\n";
    body << "<h3>Mean &plusmn; sd per method</h3>\n" << methodTable(summaries, methods);
    body << "<h3>Every run</h3>\n" << runsTable(summaries);
    if (const auto paired = pairedHtml(summaries); !paired.empty())
      body << "<h3>Paired differences</h3>\n" << paired;
    auto prov = base("per-stage accuracy");
    for (const auto& s : summaries)
      prov.settings.emplace_back("run #" + std::to_string(s.runId), s.method);
    body << figures.add(stageAccuracyFigure(summaries, prov), "stage-accuracy",
                        "Per-stage test accuracy, mean and sd over each method's runs");
  }

  report("confusion", 2, kSteps);
  if (!summaries.empty()) {
    body << "<h2>Confusion matrices</h2>\n<p class=\"note\">Test images of every run of a method, "
            "summed. Rows: true stage; columns: predicted stage.</p>\n";
    for (const auto& m : methods) {
      StageMetrics sum;
      auto prov = base("confusion matrix");
      for (const auto& s : summaries) {
        if (s.method != m) continue;
        sum.nTest += s.test.nTest;
        for (int t = 0; t < kNumFineStages; ++t)
          for (int q = 0; q < kNumFineStages; ++q) sum.confusion[t][q] += s.test.confusion[t][q];
        prov.settings.emplace_back("run #" + std::to_string(s.runId), s.method);
      }
      body << figures.add(confusionFigure(sum, "Confusion matrix: " + m, prov), "confusion-" + m,
                          "Confusion matrix, " + m);
    }
  }

  if (featured) {
    const auto runId = featured->id;
    body << "<h2>Genomewide expression maps</h2>\n<p class=\"note\">Mean normalized blue-stain "
            "expression of each stage's standardized images (docs/interpretation.md). Masked GEMs "
            "weight each embryo pixel by its saliency, as the overlay shows it (the map scaled to "
            "its 99th percentile); under each map, the share of the embryo the masks kept. Model: "
            "run #"
         << runId << " (" << html(featured->method) << ").</p>\n";
    struct GemPanel {
      const char* name;
      StageAssignment by;
      bool masked;
      const char* caption;
    };
    const GemPanel panels[] = {
        {"gem-labels", StageAssignment::Label, false, "GEM of the stage-labelled images"},
        {"gem-predicted", StageAssignment::Prediction, false, "GEM by prediction"},
        {"gem-masked", StageAssignment::Prediction, true, "Masked GEM by prediction"}};
    for (const auto& panel : panels) {
      report(panel.name, 3, kSteps);
      GemRequest r;
      r.runId = runId;
      r.assignment = panel.by;
      r.masked = panel.masked;
      r.minConfidence = panel.by == StageAssignment::Prediction ? options.minConfidence : 0;
      const GemResult gems = buildStageGems(project, r, {}, cancel);
      // The settings the GEMs were built with (r), as the command line and the GUI write them.
      const auto prov = gemProvenance(r, gems, project.file().string(), featured->method);
      GemFigureOptions fo;
      fo.masked = panel.masked;
      fo.columns = 7;
      std::string caption = panel.caption;
      if (panel.by == StageAssignment::Prediction)
        caption += " (probability ≥ " + fixed(options.minConfidence, 2) + ")";
      body << figures.add(gemFigure(gems, fo, prov), panel.name, caption);
    }

    report("saliency", 5, kSteps);
    // Examples: the most confident right and wrong calls among the run's test images.
    std::vector<std::int64_t> ids;
    for (const auto& e : content.examples) ids.push_back(e.imageId);
    if (!ids.empty()) {
      const std::vector<SaliencyMethod>& methodsShown = saliencyMethods();
      std::vector<SaliencyExample> examples(ids.size());
      for (std::size_t i = 0; i < ids.size(); ++i) {
        examples[i].image = project.standardizedImage(ids[i]);
        examples[i].trueStage = content.examples[i].trueStage;
      }
      for (auto method : methodsShown) {
        SaliencyOptions so;
        so.method = method;
        const auto maps = computeSaliency(project, runId, ids, so, 0, {}, cancel);
        for (std::size_t i = 0; i < ids.size(); ++i) examples[i].maps.push_back(maps[i]);
      }
      auto prov = base("saliency examples");
      prov.runId = runId;
      prov.runMethod = featured->method;
      prov.imageIds = ids;
      prov.settings = {{"explained stage", "the predicted stage"}, {"colormap", "inferno"}};
      body << "<h2>Saliency</h2>\n<p class=\"note\">What drove the call: the most confident right "
              "calls (top rows) and wrong calls (bottom rows) among run #"
           << runId << "'s test images, under each saliency method (columns).</p>\n";
      const SanitySection sanity = sanitySection(project, runId, methodsShown);
      body << sanity.warning;
      body << figures.add(saliencyGallery(examples, methodsShown, Colormap::Inferno, 0.7, prov),
                          "saliency-examples",
                          "Saliency of the predicted stage" + sanity.captionNote);
      body << sanity.table;
      if (!sanity.results.empty()) {
        auto curves = base("deletion curves");
        curves.runId = runId;
        curves.runMethod = featured->method;
        curves.settings = {{"steps", std::to_string(sanity.results.front().steps)},
                           {"seed", std::to_string(sanity.results.front().seed)},
                           {"removed pixels", "turned white"}};
        body << figures.add(deletionCurvesFigure(sanity.results, curves), "deletion-curves",
                            "Deletion curves: the called stage's probability as the most "
                            "salient pixels (lines) or random pixels (dashed) are removed");
      }
    }
  } else {
    body << "<h2>Genomewide expression maps and saliency</h2>\n<p>No finished network run: train "
            "one to see GEMs by prediction, masked GEMs and saliency.</p>\n";
  }
  report("write", 6, kSteps);

  const std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>FlyStage report</title><style>" +
      std::string(kStyle) + "</style></head><body>\n" + body.str() + "</body></html>\n";
  result.index = dir / "index.html";
  AtomicFile index(result.index, ".part", ".");  // .index.html.part until complete
  index.write(page);
  index.commit();
  result.files = figures.files();
  return result;
}

}  // namespace flystage::figure
