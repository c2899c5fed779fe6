#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "Commands.h"
#include "NumberOption.h"
#include "store/Project.h"
#include "store/Split.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"

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
      "split is fixed once made: images labelled after it go to training (see --reset)");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  auto* seed = asSeed(cmd->add_option("--seed", a->options.seed, "Seed of a new split"))
                   ->capture_default_str();
  const auto fraction = NumberRange::numbers(0, false, 1, true);
  auto* test =
      withRange(cmd->add_option("--test", a->options.testFraction, "Test fraction"), fraction)
          ->capture_default_str();
  auto* val = withRange(cmd->add_option("--validation", a->options.validationFraction,
                                        "Validation fraction (for model selection)"),
                        fraction)
                  ->capture_default_str();
  cmd->add_flag("--reset", a->reset,
                "Drop the generated split first and draw a new one (imported parts stay)");
  cmd->callback([a, seed, test, val] {
    // Checked before the project is touched: a refused --reset must not have emptied it.
    if (const auto p = splitOptionsProblem(a->options)) {
      if (p->field == "test_fraction") throw Error(p->message("--test"));
      if (p->field == "validation_fraction") throw Error(p->message("--validation"));
      throw Error("--test " + NumberRange::format(a->options.testFraction) + " + --validation " +
                  NumberRange::format(a->options.validationFraction) + ": must be " + p->allowed);
    }
    Project project = Project::open(a->project, OpenMode::Existing);
    const bool changed = seed->count() || test->count() || val->count();
    // The reset and the new draw are one transaction: all of it lands, or none.
    WriteTransaction tx(project.db());
    if (a->reset)
      resetSplit(project);
    else if (changed && !project.meta("split_seed").empty())
      std::fprintf(stderr,
                   "note: the split is already fixed (seed %s); use --reset to draw a new one\n",
                   project.meta("split_seed").c_str());
    const auto summary = assignSplit(project, a->options);
    const std::string usedSeed = project.meta("split_seed");
    tx.commit();
    std::printf("stage\ttrain\tvalidation\ttest\n");
    for (const auto& [stage, c] : summary.perStage)
      std::printf("%d\t%d\t%d\t%d\n", stage, c[0], c[1], c[2]);
    std::printf("%d image(s) newly assigned (seed %s)\n", summary.newlyAssigned, usedSeed.c_str());
    if (summary.late > 0)
      std::fprintf(stderr,
                   "note: %d image(s) labelled after the split was drawn are in training, so the "
                   "test part stays as it was; 'split --reset' draws the split again\n",
                   summary.late);
  });
}

}  // namespace flystage::cli
