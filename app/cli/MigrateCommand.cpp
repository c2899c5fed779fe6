#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "Commands.h"
#include "model/LegacyArchive.h"
#include "store/Project.h"
#include "util/Error.h"

namespace flystage::cli {

void addMigrateCommand(CLI::App& app) {
  struct Args {
    std::string project;
    bool trustModels = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "migrate",
      "Bring a project from an older FlyStage up to date. Models stored by FlyStage before "
      "weights format 2 are LibTorch archives, which can run code when loaded: they are "
      "converted to data only with --trust-models, and refused otherwise");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  cmd->add_flag("--trust-models", a->trustModels,
                "Read the old-format models once with LibTorch's archive reader (only for a "
                "project whose source you trust) and store them as data");
  cmd->callback([a] {
    Project project = Project::open(a->project, OpenMode::Existing);  // schema migrations
    const auto result = migrateLegacyModels(project, a->trustModels);
    for (const auto& line : result.lines) std::printf("%s\n", line.c_str());
    if (result.models + result.checkpoints == 0) {
      std::printf("%s: up to date; no model in the old format\n", a->project.c_str());
      return;
    }
    if (!a->trustModels)
      throw Error(a->project + ": " + std::to_string(result.models) + " model(s) and " +
                  std::to_string(result.checkpoints) +
                  " checkpoint(s) are stored in FlyStage's old format, which can run code when "
                  "loaded, so they were not read and nothing was changed. If you trust where "
                  "this project came from, run 'flystage-cli migrate " +
                  a->project + " --trust-models'; otherwise train those runs again");
    std::printf("%s: %d model(s) converted, %d old checkpoint(s) dropped\n", a->project.c_str(),
                result.models, result.checkpoints);
  });
}

}  // namespace flystage::cli
