// export-model, import-model, model-info, and predict's --model: a trained model travels to
// another project as one data-only file (core/model/ModelPackage.h).
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "Commands.h"
#include "NumberOption.h"
#include "OutputCheck.h"
#include "model/ModelPackage.h"
#include "store/ImportedModel.h"
#include "store/Project.h"
#include "util/Error.h"

namespace flystage::cli {

namespace {

// The file is read and checked in full before the project is opened for writing: a refused
// file leaves the project untouched.
ImportedRun importModelFile(const std::string& projectFile, const std::string& modelFile) {
  const ModelPackage package = readModelPackageFile(modelFile);
  Project project = Project::open(projectFile, OpenMode::Existing);
  const ImportedRun run =
      importModel(project, package, std::filesystem::path(modelFile).filename().string());
  if (run.added)
    std::printf("imported %s as run #%lld (%s, preset %s)\n", modelFile.c_str(),
                static_cast<long long>(run.runId), importedMethodName(package.method).c_str(),
                package.preset.c_str());
  else
    std::printf("%s is already in %s as run #%lld; nothing was added\n", modelFile.c_str(),
                projectFile.c_str(), static_cast<long long>(run.runId));
  return run;
}

}  // namespace

void addModelCommands(CLI::App& app) {
  struct Args {
    std::string project, out, file;
    std::int64_t run = 0;
  };
  auto ex = std::make_shared<Args>();
  auto* exportCmd = app.add_subcommand(
      "export-model",
      "Write a finished run's model to one file that another project (or lab) can import: the "
      "weights as data only (never code), the architecture, normalization, stages, the training "
      "summary with its test figures, and where it came from; an existing file is only "
      "replaced when it is a model file");
  exportCmd->add_option("project", ex->project, "Project file (.flystage)")->required();
  withRange(exportCmd->add_option("--run", ex->run, "Run id (a finished run)"), idRange())
      ->required();
  exportCmd->add_option("--out", ex->out, "Model file to write (.flystage-model)")->required();
  exportCmd->callback([ex] {
    checkOutputFile("--out", ex->out);
    Project project = Project::open(ex->project, OpenMode::ReadOnly);
    const ModelPackage p = exportModel(project, ex->run, ex->out);
    std::printf("exported run #%lld (%s, preset %s) of %s -> %s (weights sha256 %s)\n",
                static_cast<long long>(ex->run), p.method.c_str(), p.preset.c_str(),
                ex->project.c_str(), ex->out.c_str(), p.weightsSha256.c_str());
  });

  auto im = std::make_shared<Args>();
  auto* importCmd = app.add_subcommand(
      "import-model",
      "Add a model file written by export-model to a project as a finished run, shown as "
      "imported with where it came from; predict --run ID then stages this project's images "
      "with it. The file is checked in full first: a damaged or foreign file is refused and "
      "the project is left unchanged. Importing the same model again adds nothing");
  importCmd->add_option("project", im->project, "Project file (.flystage)")->required();
  importCmd->add_option("model", im->file, "Model file (.flystage-model)")->required();
  importCmd->callback([im] { importModelFile(im->project, im->file); });

  auto info = std::make_shared<Args>();
  auto* infoCmd =
      app.add_subcommand("model-info",
                         "Describe a model file (method, where it was trained, its test figures) "
                         "after checking it, without a project");
  infoCmd->add_option("model", info->file, "Model file (.flystage-model)")->required();
  infoCmd->callback([info] {
    std::printf("model        %s\n%s", info->file.c_str(),
                describeModelPackage(readModelPackageFile(info->file)).c_str());
  });
}

CLI::Option* addPredictModelOption(CLI::App* predict, CLI::Option* run, std::string& modelFile) {
  auto* model = predict->add_option(
      "--model", modelFile,
      "Predict with a model file (export-model) instead of a run: it is imported into the "
      "project first (once; as import-model does)");
  model->excludes(run);
  return model;
}

std::int64_t runToPredictWith(const std::string& project, std::int64_t run,
                              const std::string& modelFile) {
  if (modelFile.empty()) {
    if (run == 0) throw Error("predict: give --run ID or --model FILE");
    return run;
  }
  return importModelFile(project, modelFile).runId;
}

}  // namespace flystage::cli
