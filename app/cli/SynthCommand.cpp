#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "synth/DemoDataset.h"

namespace flystage::cli {

void addSynthCommand(CLI::App& app) {
  auto opts = std::make_shared<DemoOptions>();
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "synth",
      "Write a synthetic demo dataset: ISH-like embryo images of stages 1..17 and a "
      "labels CSV (many stage ranges, few precise stages, as in BDGP)");
  cmd->add_option("--out", *out, "Output folder (created if missing)")->required();
  cmd->add_option("--seed", opts->seed, "Random seed; the same seed gives the same dataset")
      ->capture_default_str();
  cmd->add_option("--scale", opts->scale,
                  "Size as a fraction of BDGP's (36,908 range- and 3,474 stage-labelled images)")
      ->check(CLI::Range(0.0001, 1.0))
      ->capture_default_str();
  cmd->add_option("--min-per-stage", opts->minPerStage,
                  "At least this many stage-labelled images per stage 4..17")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_flag("--standardized", opts->standardized,
                "Write ready 320 x 128 crops instead of raw-like rotated images");
  cmd->callback([opts, out] {
    CliProgress progress;
    const auto s = writeDemoDataset(*opts, *out, progress.fn(), &interruptToken());
    progress.finish();
    std::printf("wrote %d images (%d with a precise stage) and %s\n", s.images, s.withStage,
                s.labelsCsv.string().c_str());
  });
}

}  // namespace flystage::cli
