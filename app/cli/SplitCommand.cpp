#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "Commands.h"
#include "store/Project.h"
#include "store/Split.h"

namespace flystage::cli {

namespace {

struct SplitArgs {
  std::string project;
  SplitOptions options;
  bool reset = false;
};

}  // namespace

void addSplitCommand(CLI::App& app) {
  auto a = std::make_shared<SplitArgs>();
  auto* cmd = app.add_subcommand(
      "split",
      "Assign stage-labelled images to train / validation / test, stratified per stage. The "
      "split is fixed once made: only images without a part are assigned (see --reset)");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  auto* seed =
      cmd->add_option("--seed", a->options.seed, "Seed of a new split")->capture_default_str();
  auto* test = cmd->add_option("--test", a->options.testFraction, "Test fraction")
                   ->check(CLI::Range(0.0, 0.9))
                   ->capture_default_str();
  auto* val = cmd->add_option("--validation", a->options.validationFraction,
                              "Validation fraction (for model selection)")
                  ->check(CLI::Range(0.0, 0.9))
                  ->capture_default_str();
  cmd->add_flag("--reset", a->reset,
                "Drop the generated split first and draw a new one (imported parts stay)");
  cmd->callback([a, seed, test, val] {
    Project project = Project::open(a->project, OpenMode::Existing);
    const bool changed = seed->count() || test->count() || val->count();
    if (a->reset)
      resetSplit(project);
    else if (changed && !project.meta("split_seed").empty())
      std::fprintf(stderr,
                   "note: the split is already fixed (seed %s); use --reset to draw a new one\n",
                   project.meta("split_seed").c_str());
    const auto summary = assignSplit(project, a->options);
    std::printf("stage\ttrain\tvalidation\ttest\n");
    for (const auto& [stage, c] : summary.perStage)
      std::printf("%d\t%d\t%d\t%d\n", stage, c[0], c[1], c[2]);
    std::printf("%d image(s) newly assigned (seed %s)\n", summary.newlyAssigned,
                project.meta("split_seed").c_str());
  });
}

}  // namespace flystage::cli
