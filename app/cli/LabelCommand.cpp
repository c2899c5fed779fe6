#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "Commands.h"
#include "data/Stage.h"
#include "data/StageRange.h"
#include "store/LabelHistory.h"
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
};

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
  cmd->add_option("--image", a->image, "Image id")->required();
  auto* stage =
      cmd->add_option("--stage", a->stage, "Precise stage 1..17")->check(CLI::Range(1, 17));
  auto* range =
      cmd->add_option("--range", a->range, "Stage range: 1-3, 4-6, 7-8, 9-10, 11-12, 13-17");
  auto* clear = cmd->add_flag("--clear", a->clear, "Remove the image's label");
  stage->excludes(clear);
  range->excludes(clear);
  cmd->callback([a, stage, range] {
    Project project = Project::open(a->project, OpenMode::Existing);
    Label label;
    label.source = LabelSource::User;
    if (range->count()) {
      label.range = parseStageRange(a->range);
      if (!label.range)
        throw Error("--range '" + a->range + "' is not one of 1-3, 4-6, 7-8, 9-10, 11-12, 13-17");
    }
    if (stage->count()) {
      label.stage = a->stage;
      if (!label.range) label.range = stageRangeOfStage(a->stage);
    }
    if (!a->clear && label.empty()) throw Error("give --stage, --range or --clear");
    LabelHistory history(project);
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
