// flystage-cli: stage Drosophila embryos in ISH images from the command line.
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "VersionText.h"
#include "util/Error.h"
#include "util/Progress.h"

int main(int argc, char** argv) {
  CLI::App app{"FlyStage: stage Drosophila embryos in in situ hybridization images.",
               "flystage-cli"};
  // A callback: the device is probed only when --version is asked.
  app.set_version_flag("--version", flystage::cli::versionText);
  app.require_subcommand(1);
  app.fallthrough(false);
  using namespace flystage::cli;
  addDemoCommand(app);
  addSynthCommand(app);
  addNewCommand(app);
  addImportCommand(app);
  addInfoCommand(app);
  addStandardizeCommand(app);
  addSplitCommand(app);
  addLabelCommands(app);
  addTrainCommand(app);
  addEvaluateCommands(app);
  addPredictCommand(app);
  addMergePredictionsCommand(app);
  addSaliencyCommand(app);
  addSaliencyCheckCommand(app);
  addGemCommands(app);
  addReportCommand(app);
  addMigrateCommand(app);
  addModelCommands(app);
  addSimilarCommand(app);
  installInterruptHandler();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const flystage::Error& e) {
    std::fprintf(stderr, "flystage-cli: error: %s\n", e.what());
    return 1;
  } catch (const flystage::Cancelled& c) {
    std::fprintf(stderr, "flystage-cli: %s cancelled; the project is unchanged\n", c.phase.c_str());
    return 130;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "flystage-cli: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
