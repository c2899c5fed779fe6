#include <cstdio>
#include <memory>

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

struct ImportArgs {
  std::string project;
  std::string csv;
  std::string folder;
  std::string bdgpDump;
  std::string imagesRoot;
  bool skipBad = false;
  int threads = 0;
};

void runImportCommand(const ImportArgs& a) {
  ImportPlan plan;
  if (!a.csv.empty())
    plan = parseLabelsCsv(a.csv);
  else if (!a.bdgpDump.empty())
    plan = parseBdgpDump(a.bdgpDump, a.imagesRoot);
  else
    plan = planFolder(a.folder);

  Project project = Project::open(a.project, OpenMode::OpenOrCreate);
  ImportOptions options;
  options.skipBad = a.skipBad;
  options.threads = a.threads;
  CliProgress progress;
  const ImportReport r = runImport(project, plan, options, progress.fn(), &interruptToken());
  progress.finish();

  for (const auto& p : r.problems) std::fprintf(stderr, "%s\n", p.text().c_str());
  for (const auto& d : r.duplicates) std::fprintf(stderr, "duplicate: %s\n", d.c_str());
  if (!r.committed)
    throw Error(std::to_string(r.problems.size()) + " problem(s) in " + plan.source +
                "; nothing was imported. Fix them, or use --skip-bad to import the good rows");
  std::printf("imported %d image(s) (%d with a precise stage) into %s", r.imported, r.withStage,
              project.file().string().c_str());
  if (!r.duplicates.empty()) std::printf("; %zu duplicate(s) not imported", r.duplicates.size());
  if (!r.problems.empty()) std::printf("; %zu bad row(s) skipped", r.problems.size());
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
      "problem; nothing is half-imported");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  auto* csv = cmd->add_option("--csv", a->csv,
                              "Labels CSV: columns path (required), stage_range, stage, gene, "
                              "split; paths relative to the CSV's folder");
  auto* folder = cmd->add_option("--folder", a->folder, "Folder of images, without labels");
  auto* dump = cmd->add_option("--bdgp-dump", a->bdgpDump,
                               "BDGP's insitu_images.csv (lateral views are kept)");
  csv->excludes(folder, dump);
  folder->excludes(dump);
  cmd->add_option("--images-root", a->imagesRoot,
                  "With --bdgp-dump: folder the dump's paths are relative to")
      ->needs(dump);
  cmd->add_flag("--skip-bad", a->skipBad, "Import the good rows and report the bad ones");
  cmd->add_option("--threads", a->threads, "Decoding threads (default: all cores)");
  cmd->callback([a, cmd] {
    if (a->csv.empty() && a->folder.empty() && a->bdgpDump.empty())
      throw CLI::RequiredError("one of --csv, --folder or --bdgp-dump");
    (void)cmd;
    runImportCommand(*a);
  });
}

}  // namespace flystage::cli
