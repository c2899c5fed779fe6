#include <cstdio>
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "figure/GemFigure.h"
#include "interpret/StageGems.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/Error.h"

namespace flystage::cli {

void addGemCommand(CLI::App& app) {
  struct Args {
    std::string project, out, by, gene, method = "vanilla", colormap = "inferno";
    std::vector<std::string> stages;
    std::int64_t run = 0;
    bool masked = false;
    double minConfidence = 0, maskQuantile = 0.8;
    int dpi = 300, columns = 0;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "gem",
      "Genomewide expression maps (GEMs): the mean normalized blue-stain expression of the "
      "images of each stage, side by side, as .png, .svg or .pdf with the numbers in a .csv "
      "beside it and the provenance in the figure's metadata (docs/interpretation.md)");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  cmd->add_option("--run", a->run,
                  "Run whose predictions assign images to stages (and whose "
                  "saliency masks them with --masked)");
  cmd->add_option("--stage", a->stages, "Stage 4..17, several, or 'all' (default: all)");
  cmd->add_option("--by", a->by,
                  "Assign images by 'prediction' (default with --run) or by their precise "
                  "stage 'label' (default without)");
  cmd->add_option("--min-confidence", a->minConfidence,
                  "With --by prediction: only images whose called stage has at least this "
                  "probability")
      ->capture_default_str();
  cmd->add_option("--gene", a->gene, "Only this gene's images (default: genome-wide)");
  cmd->add_flag("--masked", a->masked, "Weight each image by its saliency mask (masked GEM)");
  cmd->add_option("--method", a->method, "Saliency method for --masked")->capture_default_str();
  cmd->add_option("--mask-quantile", a->maskQuantile,
                  "Masked: keep the pixels at or above this saliency quantile of each embryo")
      ->capture_default_str();
  cmd->add_option("--colormap", a->colormap, "inferno, viridis, magma, hot, jet or turbo")
      ->capture_default_str();
  cmd->add_option("--columns", a->columns, "Panels per row (default: up to 4)");
  cmd->add_option("--dpi", a->dpi, "PNG resolution")->capture_default_str();
  cmd->add_option("--out", a->out, "Output figure: .png, .svg or .pdf")->required();
  cmd->callback([a] {
    if (!figure::isFigureFormat(a->out))
      throw Error(a->out + ": name the figure .png, .svg or .pdf");
    GemRequest r;
    for (const auto& s : a->stages) {
      if (s == "all") continue;
      try {
        r.stages.push_back(std::stoi(s));
      } catch (const std::exception&) {
        throw Error("--stage " + s + ": give a stage number 4..17 or 'all'");
      }
    }
    if (a->run) r.runId = a->run;
    r.assignment = a->by.empty() ? (a->run ? StageAssignment::Prediction : StageAssignment::Label)
                                 : parseStageAssignment(a->by);
    r.minConfidence = a->minConfidence;
    r.gene = a->gene;
    r.masked = a->masked;
    r.saliency.method = parseSaliencyMethod(a->method);
    if (a->maskQuantile < 0 || a->maskQuantile > 1)
      throw Error("--mask-quantile must lie between 0 and 1");
    r.maskQuantile = a->maskQuantile;
    figure::GemFigureOptions fo;
    fo.colormap = parseColormap(a->colormap);
    fo.masked = a->masked;
    fo.gene = a->gene;
    fo.columns = a->columns;

    Project project = Project::open(a->project, OpenMode::ReadOnly);
    CliProgress progress;
    const GemResult gems = buildStageGems(project, r, progress.fn(), &interruptToken());
    progress.finish();

    auto prov = makeProvenance(a->masked ? "masked GEM" : "GEM", project.file().string());
    if (r.runId) {
      prov.runId = *r.runId;
      prov.runMethod = runstore::run(project, *r.runId)->method;
    }
    prov.labelSource = gems.labelSource;
    for (const auto& g : gems.gems)
      prov.imageIds.insert(prov.imageIds.end(), g.imageIds.begin(), g.imageIds.end());
    prov.settings = {{"gene", a->gene.empty() ? "all (genome-wide)" : a->gene},
                     {"minimum confidence", std::to_string(a->minConfidence)},
                     {"stain", "log10(B / sqrt(R G)), per image / max(99th percentile, 0.15)"}};
    if (a->masked) {
      prov.settings.emplace_back("saliency method", a->method);
      prov.settings.emplace_back("mask quantile", std::to_string(a->maskQuantile));
      prov.settings.emplace_back("mask smoothing sigma (px)", std::to_string(r.maskSigma));
    }
    figure::ExportOptions eo;
    eo.dpi = a->dpi;
    for (const auto& f : figure::exportFigure(figure::gemFigure(gems, fo, prov), a->out, eo))
      std::printf("wrote %s\n", f.string().c_str());
    for (const auto& g : gems.gems)
      std::printf("stage %2d: %d image(s)\n", g.map.stage, g.map.images);
  });
}

}  // namespace flystage::cli
