#include <cstdio>
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "NumberOption.h"
#include "OutputCheck.h"
#include "ShardedRead.h"
#include "figure/GemFigure.h"
#include "interpret/GemPartial.h"
#include "interpret/GemProvenance.h"
#include "interpret/StageGems.h"
#include "model/Device.h"
#include "store/Project.h"
#include "util/Error.h"
#include "util/Shard.h"

namespace flystage::cli {

namespace {

struct FigureArgs {
  std::string out, colormap = "inferno";
  int dpi = 300, columns = 0;
};

void addFigureOptions(CLI::App* cmd, FigureArgs& f) {
  cmd->add_option("--colormap", f.colormap, "inferno, viridis, magma, hot, jet or turbo")
      ->capture_default_str();
  // A GEM has at most 14 panels (stages 4..17): more columns only add empty width.
  withRange(cmd->add_option("--columns", f.columns, "Panels per row (default: up to 4)"),
            NumberRange::wholeNumbers(1, 14, "up to 4 a row"));
  withRange(cmd->add_option("--dpi", f.dpi, "PNG resolution"), dpiRange())->capture_default_str();
}

figure::GemFigureOptions figureOptions(const FigureArgs& f, const GemRequest& r) {
  figure::GemFigureOptions fo;
  fo.colormap = parseColormap(f.colormap);
  fo.masked = r.masked;
  fo.gene = r.gene;
  fo.columns = f.columns;
  return fo;
}

// The PNG's size depends on the panels and the columns: refused before any work when too big.
void checkGemFigureSize(const GemResult& gems, const FigureArgs& f, const GemRequest& r) {
  const auto fig = figure::gemFigure(gems, figureOptions(f, r), Provenance{});
  checkFigurePixels(fig, f.out, f.dpi,
                    (f.columns ? "--columns " + std::to_string(f.columns) + " " : std::string()) +
                        "--dpi " + std::to_string(f.dpi),
                    "--dpi or --columns");
}

void checkFigureName(const std::string& out) {
  if (!figure::isFigureFormat(out)) throw Error(out + ": name the figure .png, .svg or .pdf");
}

// The figure of a whole GEM: one run's, or the sum of its shards' (the same drawing either way).
void exportGem(const GemPartial& whole, const FigureArgs& f) {
  const GemRequest& r = whole.request;
  const GemResult gems = whole.sums.result();
  checkGemFigureSize(gems, f, r);
  const figure::GemFigureOptions fo = figureOptions(f, r);
  const auto prov = gemProvenance(r, gems, whole.project, whole.runMethod, whole.shards.size());
  figure::ExportOptions eo;
  eo.dpi = f.dpi;
  for (const auto& file : figure::exportFigure(figure::gemFigure(gems, fo, prov), f.out, eo))
    std::printf("wrote %s\n", file.string().c_str());
  for (const auto& g : gems.gems) {
    if (r.masked && g.map.images > 0)
      std::printf("stage %2d: %d image(s), masks keep %s of the embryo (%.4f)\n", g.map.stage,
                  g.map.images, figure::keptFractionText(g.map.keptFraction).c_str(),
                  g.map.keptFraction);
    else
      std::printf("stage %2d: %d image(s)\n", g.map.stage, g.map.images);
  }
}

}  // namespace

void addGemCommands(CLI::App& app) {
  struct Args {
    std::string project, by, gene, method = "vanilla", shard, partial;
    std::vector<std::string> stages;
    std::int64_t run = 0;
    bool masked = false;
    int threads = 0;
    double minConfidence = 0, maskQuantile = kSaliencyQuantile;
    FigureArgs figure;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "gem",
      "Genomewide expression maps (GEMs): the mean normalized blue-stain expression of the "
      "images of each stage, side by side, as .png, .svg or .pdf with the numbers in a .csv "
      "beside it and the provenance in the figure's metadata (docs/interpretation.md). On a "
      "cluster, --shard I/N --partial FILE sums one part of the images and gem-merge draws "
      "the whole (docs/cluster.md)");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  withRange(cmd->add_option("--run", a->run,
                            "Run whose predictions assign images to stages (and whose "
                            "saliency masks them with --masked)"),
            idRange());
  cmd->add_option("--stage", a->stages, "Stage 4..17, several, or 'all' (default: all)");
  cmd->add_option("--by", a->by,
                  "Assign images by 'prediction' (default with --run) or by their precise "
                  "stage 'label' (default without)");
  withRange(cmd->add_option("--min-confidence", a->minConfidence,
                            "With --by prediction: only images whose called stage has at least "
                            "this probability"),
            NumberRange::numbers(0, false, 1, false))
      ->capture_default_str();
  cmd->add_option("--gene", a->gene, "Only this gene's images (default: genome-wide)");
  cmd->add_flag("--masked", a->masked,
                "Weight each embryo pixel by its saliency, as the overlay shows it (masked GEM); "
                "says per stage what share of the embryo the masks keep");
  cmd->add_option("--method", a->method, "Saliency method for --masked: " + saliencyMethodChoices())
      ->capture_default_str();
  withRange(cmd->add_option("--mask-quantile", a->maskQuantile,
                            "Masked: each image's saliency map is scaled by this quantile of "
                            "its own values, as the overlay draws it; pixels at or above it "
                            "weigh 1, the others in proportion (lower: a wider mask)"),
            NumberRange::numbers(0, true, 1, false))
      ->capture_default_str();
  addFigureOptions(cmd, a->figure);
  cmd->add_option("--out", a->figure.out, "Output figure: .png, .svg or .pdf");
  auto* shardOption = cmd->add_option(
      "--shard", a->shard,
      "Only shard I of N (0 <= I < N) of the project's images (positions I, I+N, ... of the "
      "id-ordered list), e.g. --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT");
  auto* partial = cmd->add_option(
      "--partial", a->partial,
      "Write the shard's sums (a versioned binary file) for gem-merge instead of a figure");
  shardOption->needs(partial);
  withRange(cmd->add_option("--threads", a->threads,
                            "CPU threads libtorch uses (on a cluster: the cores the task was "
                            "given, e.g. $SLURM_CPUS_PER_TASK)"),
            threadRange());
  cmd->callback([a] {
    if (a->partial.empty() == a->figure.out.empty())
      throw Error("gem: give --out FIGURE, or --partial FILE for gem-merge (not both)");
    if (!a->figure.out.empty()) {
      checkFigureName(a->figure.out);
      parseColormap(a->figure.colormap);  // refuse a bad name before the work
      checkOutputFile("--out", a->figure.out);
    } else {
      checkOutputFile("--partial", a->partial);
    }
    GemRequest r;
    const auto stageRange = NumberRange::wholeNumbers(4, 17);
    for (const auto& s : a->stages) {
      if (s == "all") continue;
      const auto v = numberText(s, true);  // all of it: std::stoi read "5x" as 5
      if (!v || !stageRange.contains(*v))
        throw Error(rangeMessage("--stage", s, stageRange.text() + " or 'all'"));
      r.stages.push_back(static_cast<int>(*v));
    }
    if (a->run) r.runId = a->run;
    r.assignment = a->by.empty() ? (a->run ? StageAssignment::Prediction : StageAssignment::Label)
                                 : parseStageAssignment(a->by);
    r.minConfidence = a->minConfidence;
    r.gene = a->gene;
    r.masked = a->masked;
    r.saliency.method = parseSaliencyMethod(a->method);
    if (a->maskQuantile <= 0 || a->maskQuantile > 1)
      throw Error("--mask-quantile must lie above 0 and at most 1");
    r.maskQuantile = a->maskQuantile;
    const Shard shard = a->shard.empty() ? Shard{} : parseShard(a->shard);
    if (!a->figure.out.empty()) {
      // The largest figure this request can draw: one panel per stage asked (all 14 by default).
      GemResult largest;
      const std::size_t panels = r.stages.empty() ? 14 : r.stages.size();
      largest.gems.resize(panels);
      checkGemFigureSize(largest, a->figure, r);
    }
    if (a->threads > 0) configureDevice(a->threads);
    if (!shard.whole()) warnIfProjectHasPendingWrites(a->project);

    Project project = Project::open(a->project, OpenMode::ReadOnly);
    CliProgress progress;
    const GemPartial sums = buildGemPartial(project, r, shard, progress.fn(), &interruptToken());
    progress.finish();
    if (!a->partial.empty()) {
      saveGemPartial(sums, a->partial);
      std::size_t images = 0;
      for (const auto& s : sums.sums.stages) images += s.imageIds.size();
      std::printf("wrote %s (shard %s: %zu image(s) considered, %zu in the GEMs)\n",
                  a->partial.c_str(), shardName(shard).c_str(), sums.sums.imagesConsidered, images);
      return;
    }
    exportGem(sums, a->figure);
  });

  struct MergeArgs {
    std::vector<std::string> partials;
    FigureArgs figure;
  };
  auto m = std::make_shared<MergeArgs>();
  auto* merge = app.add_subcommand(
      "gem-merge",
      "Sum the partial GEMs of every shard (gem --shard I/N --partial FILE) and draw the figure "
      "a single gem run draws; refuses partials of different requests or projects, a shard "
      "given twice and a missing shard (docs/cluster.md)");
  merge->add_option("partials", m->partials, "The partial files, all N of them")->required();
  addFigureOptions(merge, m->figure);
  merge->add_option("--out", m->figure.out, "Output figure: .png, .svg or .pdf")->required();
  merge->callback([m] {
    checkFigureName(m->figure.out);
    checkOutputFile("--out", m->figure.out);
    parseColormap(m->figure.colormap);
    const std::vector<std::filesystem::path> files(m->partials.begin(), m->partials.end());
    exportGem(mergeGemPartials(files), m->figure);
  });
}

}  // namespace flystage::cli
