#include <cstdio>
#include <cstdlib>
#include <memory>

#include <CLI/CLI.hpp>

#include "Commands.h"
#include "NumberOption.h"
#include "data/Stage.h"
#include "data/StageRange.h"
#include "store/LabelConflict.h"
#include "store/LabelHistory.h"
#include "store/LabellerVotes.h"
#include "store/Project.h"
#include "util/Error.h"

namespace flystage::cli {

namespace {

struct LabelArgs {
  std::string project;
  std::int64_t image = 0;
  int stage = 0;
  std::string range;
  bool clear = false;
  bool force = false;
  std::string labeller;
};

// Who labels: --labeller, else $FLYSTAGE_LABELLER, else unnamed (not counted in agreement).
std::string labellerOf(const CLI::Option* option, const std::string& given) {
  if (option->count()) return given;
  const char* env = std::getenv("FLYSTAGE_LABELLER");
  return env ? env : "";
}

void printAction(const char* verb, const std::optional<LabelAction>& a) {
  if (a)
    std::printf("%s: %s (%d image(s))\n", verb, a->description.c_str(), a->images);
  else
    std::printf("%s: nothing to %s\n", verb, verb);
}

}  // namespace

void addLabelCommands(CLI::App& app) {
  auto a = std::make_shared<LabelArgs>();
  auto* cmd = app.add_subcommand(
      "label", "Label one image with a precise stage or a stage range (undoable)");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  withRange(cmd->add_option("--image", a->image, "Image id"), idRange())->required();
  auto* stage = withRange(cmd->add_option("--stage", a->stage, "Precise stage 1..17"),
                          NumberRange::wholeNumbers(1, 17));
  auto* range = cmd->add_option(
      "--range", a->range,
      "Stage range, by its stages: 1-3, 4-6, 7-8, 9-10, 11-12 or 13-17 (13-16 is read as "
      "13-17). A bare number is refused: BDGP's bin 3 is stages 7-8, not 1-3");
  auto* clear = cmd->add_flag("--clear", a->clear, "Remove the image's label");
  cmd->add_flag("--force", a->force,
                "Label a stage outside the image's current stage range, replacing the range "
                "(the old one stays in the history: undo restores it)");
  auto* labeller =
      cmd->add_option("--labeller", a->labeller,
                      "Who labels, recorded with the label for labeller agreement (default: "
                      "$FLYSTAGE_LABELLER; none: unnamed, not counted)");
  stage->excludes(clear);
  range->excludes(clear);
  cmd->callback([a, stage, range, labeller] {
    Label label;
    label.source = LabelSource::User;
    if (range->count()) {
      // parseStageRange also reads BDGP's bin numbers (for its dump); typed by a person, "3"
      // is as likely to mean "stages 1-3" as bin 3 (stages 7-8), so it is refused.
      const bool bareNumber = !a->range.empty() && a->range.find('-') == std::string::npos;
      if (!bareNumber) label.range = parseStageRange(a->range);
      if (!label.range)
        throw Error("--range " + a->range +
                    ": must be one of 1-3, 4-6, 7-8, 9-10, 11-12, 13-17, named by its stages" +
                    (bareNumber ? " (a single number is ambiguous: a stage, or a BDGP bin?)" : ""));
    }
    if (stage->count()) {
      label.stage = a->stage;
      if (!label.range) label.range = stageRangeOfStage(a->stage);
    }
    if (!a->clear && label.empty()) throw Error("give --stage, --range or --clear");
    const std::string who = labellerOf(labeller, a->labeller);
    if (const std::string problem = labellerNameProblem(who); !problem.empty())
      throw Error((labeller->count() ? "--labeller " : "$FLYSTAGE_LABELLER ") + who + ": " +
                  problem);
    validateLabel(label);  // a label that cannot be is refused as such, before any conflict
    Project project = Project::open(a->project, OpenMode::Existing);
    // Read before the write: a curator's range is replaced only when asked for.
    if (!a->force)
      for (const RangeConflict& c : rangeConflicts(project, {LabelChange{a->image, label}}))
        throw Error(c.text() +
                    ": the stage is outside the image's range; add --force to replace the "
                    "range (undo restores it)");
    LabelHistory history(project, who);
    const auto action = history.setLabel(a->image, label);
    printAction("label", action);
  });

  auto undoFile = std::make_shared<std::string>();
  auto* undo = app.add_subcommand("undo", "Undo the latest labelling action");
  undo->add_option("project", *undoFile, "Project file (.flystage)")->required();
  undo->callback([undoFile] {
    Project project = Project::open(*undoFile, OpenMode::Existing);
    printAction("undo", LabelHistory(project).undo());
  });
  auto redoFile = std::make_shared<std::string>();
  auto* redo = app.add_subcommand("redo", "Redo the latest undone labelling action");
  redo->add_option("project", *redoFile, "Project file (.flystage)")->required();
  redo->callback([redoFile] {
    Project project = Project::open(*redoFile, OpenMode::Existing);
    printAction("redo", LabelHistory(project).redo());
  });
}

}  // namespace flystage::cli
