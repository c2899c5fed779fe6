#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "data/BdgpDump.h"
#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "util/Error.h"

namespace flystage::cli {

namespace {

namespace fs = std::filesystem;

struct ImportArgs {
  std::string project;
  std::string csv;
  std::string folder;
  std::string bdgpDump;
  std::string imagesRoot;
  std::vector<std::string> ignoreColumns;
  bool skipBad = false;
  bool overwriteUserLabels = false;
  int threads = 0;
};

// Lines listed on the terminal per kind (problems, duplicates, label changes): a file of a
// million bad rows prints these and a count, not a million lines.
constexpr std::size_t kListed = 20;

void printCapped(const char* prefix, const std::vector<std::string>& lines, std::size_t total,
                 const char* what) {
  for (std::size_t i = 0; i < lines.size() && i < kListed; ++i)
    std::fprintf(stderr, "%s%s\n", prefix, lines[i].c_str());
  if (total > kListed)
    std::fprintf(stderr, "... and %zu more %s (%zu in all)\n", total - kListed, what, total);
}

// --csv FOLDER or --bdgp-dump FOLDER: say what to give instead of reading a folder as a file.
void refuseFolder(const std::string& option, const std::string& given, const char* expected) {
  std::error_code ec;
  if (!fs::is_directory(given, ec)) return;
  // Name a CSV file the folder holds (labels.csv first), else a placeholder.
  std::string example;
  if (fs::is_regular_file(fs::path(given) / "labels.csv", ec))
    example = (fs::path(given) / "labels.csv").string();
  for (fs::directory_iterator it(given, ec), end; example.empty() && !ec && it != end;
       it.increment(ec))
    if (it->path().extension() == ".csv") example = it->path().string();
  throw Error(option + " " + given + ": is a folder, not " + expected + "; give the file (" +
              option + " " + (example.empty() ? (fs::path(given) / "FILE.csv").string() : example) +
              "), or import the folder's images without labels with --folder " + given);
}

void runImportCommand(const ImportArgs& a) {
  ImportPlan plan;
  if (!a.csv.empty()) {
    refuseFolder("--csv", a.csv, "a labels CSV");
    LabelsCsvOptions csvOptions;
    csvOptions.ignoredColumns = a.ignoreColumns;
    plan = parseLabelsCsv(a.csv, csvOptions);
  } else if (!a.bdgpDump.empty()) {
    refuseFolder("--bdgp-dump", a.bdgpDump, "BDGP's insitu_images.csv");
    plan = parseBdgpDump(a.bdgpDump, a.imagesRoot);
  } else {
    plan = planFolder(a.folder);
  }

  // A project this command creates is removed again when its first import fails, so a
  // refused import leaves the disk as it was; an existing file is never removed.
  std::error_code ec;
  const auto status = fs::symlink_status(a.project, ec);
  const bool existedBefore = fs::exists(status) || fs::is_symlink(status);
  std::optional<Project> project(
      Project::open(a.project, existedBefore ? OpenMode::OpenOrCreate : OpenMode::Create));
  const auto forgetNewProject = [&] {
    if (existedBefore) return;
    project.reset();  // closed, so its -wal and -shm go too
    try {
      Project::removeIfEmpty(a.project);
    } catch (const std::exception&) {
      // The import's own error is what the user needs; an empty project left is harmless.
    }
  };
  ImportOptions options;
  options.skipBad = a.skipBad;
  options.overwriteUserLabels = a.overwriteUserLabels;
  options.threads = a.threads;
  CliProgress progress;
  ImportReport r;
  try {
    r = runImport(*project, plan, options, progress.fn(), &interruptToken());
  } catch (...) {
    forgetNewProject();
    throw;
  }
  progress.finish();

  std::vector<std::string> problems;
  for (const auto& p : r.problems) problems.push_back(p.text());
  printCapped("", problems, r.problemCount(), "problem(s)");
  printCapped("duplicate: ", r.duplicates, r.duplicates.size(), "duplicate(s)");
  printCapped("label changed: ", r.labelsChanged, r.labelsChanged.size(), "label change(s)");
  printCapped("label kept: ", r.labelsKept, r.labelsKept.size(), "kept label(s)");
  if (!r.committed) {
    forgetNewProject();
    throw Error(std::to_string(r.problemCount()) + " problem(s) in " + plan.source +
                "; nothing was imported. Fix them, or use --skip-bad to import the good rows");
  }
  const std::string file = project->file().string();
  std::printf("imported %d image(s) (%d with a precise stage) into %s", r.imported, r.withStage,
              file.c_str());
  if (!r.duplicates.empty()) std::printf("; %zu duplicate(s) not imported", r.duplicates.size());
  if (!r.labelsChanged.empty())
    std::printf(
        "; %zu label(s) of images already in the project changed (undo: flystage-cli undo %s)",
        r.labelsChanged.size(), file.c_str());
  if (!r.labelsKept.empty())
    std::printf(
        "; %zu label(s) set in FlyStage kept where the import differs "
        "(--overwrite-user-labels replaces them)",
        r.labelsKept.size());
  if (r.problemCount() > 0) std::printf("; %zu bad row(s) skipped", r.problemCount());
  if (r.skippedNonLateral > 0) std::printf("; %d non-lateral view(s) skipped", r.skippedNonLateral);
  if (r.splitAssigned > 0) std::printf("; %d added to the split", r.splitAssigned);
  std::printf("\n");
}

}  // namespace

void addImportCommand(CLI::App& app) {
  auto a = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand(
      "import",
      "Import images into a project (created if missing): a labels CSV, a folder, or BDGP's "
      "insitu_images.csv. By default any bad row makes the import refuse and list every "
      "problem; nothing is half-imported. An image already in the project that comes with "
      "another label is relabelled as one undoable action and counted; labels set by hand "
      "are kept unless --overwrite-user-labels");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  auto* csv = cmd->add_option("--csv", a->csv,
                              "Labels CSV: columns path (required), stage_range, stage, gene, "
                              "split; paths relative to the CSV's folder. Any other column is "
                              "an error (a misspelt one would drop its labels)");
  auto* folder = cmd->add_option("--folder", a->folder, "Folder of images, without labels");
  auto* dump = cmd->add_option("--bdgp-dump", a->bdgpDump,
                               "BDGP's insitu_images.csv (lateral views are kept)");
  csv->excludes(folder, dump);
  folder->excludes(dump);
  cmd->add_option("--images-root", a->imagesRoot,
                  "With --bdgp-dump: folder the dump's paths are relative to")
      ->needs(dump);
  cmd->add_option("--ignore-column", a->ignoreColumns,
                  "With --csv: a column to leave out (e.g. notes); repeatable")
      ->allow_extra_args(false)
      ->needs(csv);
  cmd->add_flag("--skip-bad", a->skipBad, "Import the good rows and report the bad ones");
  cmd->add_flag("--overwrite-user-labels", a->overwriteUserLabels,
                "Also replace labels set by hand (or accepted predictions) with the import's "
                "(undoable)");
  cmd->add_option("--threads", a->threads, "Decoding threads (default: all cores)");
  cmd->callback([a, cmd] {
    if (a->csv.empty() && a->folder.empty() && a->bdgpDump.empty())
      throw CLI::RequiredError("one of --csv, --folder or --bdgp-dump");
    (void)cmd;
    runImportCommand(*a);
  });
}

}  // namespace flystage::cli
