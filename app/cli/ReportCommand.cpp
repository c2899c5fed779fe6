#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "NumberOption.h"
#include "OutputCheck.h"
#include "figure/Report.h"
#include "store/Project.h"

namespace flystage::cli {

void addReportCommand(CLI::App& app) {
  struct Args {
    std::string project, out;
    std::int64_t run = 0;
    double minConfidence = 0.5;
    int dpi = 150;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "report",
      "Write a self-contained HTML report (DIR/index.html): runs compared as in Table II, "
      "per-stage accuracy plot, confusion matrices, GEMs and masked GEMs, saliency examples; "
      "every figure also as PNG, SVG, PDF and CSV in DIR/figures");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  cmd->add_option("--out", a->out, "Report folder (created when missing)")->required();
  withRange(cmd->add_option("--run", a->run,
                            "Run for GEMs and saliency (default: the newest finished two-step "
                            "run)"),
            idRange());
  withRange(cmd->add_option("--min-confidence", a->minConfidence,
                            "GEMs by prediction: least probability"),
            NumberRange::numbers(0, false, 1, false))
      ->capture_default_str();
  // The PNGs are for the browser (each figure is also written as SVG and PDF for print): at
  // 2400 dpi the report of a small project took 1.9 GB and 166 s; 600 dpi is 1/16 of that.
  withRange(cmd->add_option("--dpi", a->dpi, "Resolution of the PNG figures"),
            NumberRange::wholeNumbers(30, 600))
      ->capture_default_str();
  cmd->callback([a] {
    checkOutputFolder("--out", a->out);
    Project project = Project::open(a->project, OpenMode::ReadOnly);
    figure::ReportOptions o;
    if (a->run) o.featuredRun = a->run;
    o.minConfidence = a->minConfidence;
    o.dpi = a->dpi;
    CliProgress progress;
    const auto r = figure::writeReport(project, a->out, o, progress.fn(), &interruptToken());
    progress.finish();
    std::printf("wrote %s (%zu figure files)\n", r.index.string().c_str(), r.files.size());
  });
}

}  // namespace flystage::cli
