#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "Commands.h"
#include "store/Project.h"

namespace flystage::cli {

void addNewCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "new",
      "Create an empty project. Only where no file exists yet: an existing file is never "
      "touched (import into a new path also creates one)");
  auto project = std::make_shared<std::string>();
  cmd->add_option("project", *project, "Project file to create (.flystage)")->required();
  cmd->callback([project] {
    const Project p = Project::open(*project, OpenMode::Create);
    std::printf("created %s\n", p.file().string().c_str());
  });
}

}  // namespace flystage::cli
