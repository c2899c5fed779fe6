#include <cstdio>
#include <iostream>
#include <memory>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "Commands.h"
#include "data/Stage.h"
#include "data/StageRange.h"
#include "model/Device.h"
#include "store/ImportedModel.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "store/Split.h"

namespace flystage::cli {

namespace {

void printInfo(const std::string& file, bool json) {
  Project project = Project::open(file, OpenMode::ReadOnly);
  const ProjectSummary s = project.summary();
  const SplitOptions split = storedSplitOptions(project);
  const DeviceInfo device = configureDevice();
  // Models imported from other projects, with where they came from (import-model).
  std::vector<std::pair<std::int64_t, std::string>> imported;
  for (const auto& r : runstore::runs(project))
    if (const auto from = importedRunProvenance(r)) imported.emplace_back(r.id, *from);
  if (json) {
    nlohmann::json j;
    j["project"] = file;
    j["schema_version"] = s.schemaVersion;
    j["images"] = s.images;
    j["unlabelled"] = s.unlabelled;
    j["with_stage"] = s.withStage;
    j["genes"] = s.genes;
    j["runs"] = s.runs;
    j["imported_runs"] = nlohmann::json::array();
    for (const auto& [id, from] : imported)
      j["imported_runs"].push_back({{"run", id}, {"provenance", from}});
    for (const auto& r : allStageRanges())
      j["per_range"][r.name()] = s.perRange.count(r.name()) ? s.perRange.at(r.name()) : 0;
    for (int st = kMinFineStage; st <= kMaxStage; ++st)
      j["per_stage"][std::to_string(st)] = s.perStage.count(st) ? s.perStage.at(st) : 0;
    for (const char* part : {"train", "validation", "test"})
      j["split"][part] = s.perSplit.count(part) ? s.perSplit.at(part) : 0;
    j["split_seed"] = split.seed;
    j["device"] = device.description();
    // JSON text is UTF-8: a path's bytes that are not (a Latin-1 folder name) are replaced
    // by U+FFFD rather than failing the whole output; the text form prints them as they are.
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return;
  }
  auto count = [](const auto& m, const auto& k) { return m.count(k) ? m.at(k) : 0; };
  std::printf("project        %s\n", file.c_str());
  std::printf("schema version %d\n", s.schemaVersion);
  std::printf("images         %d (%d unlabelled, %d with a precise stage, %d genes)\n", s.images,
              s.unlabelled, s.withStage, s.genes);
  std::printf("per range     ");
  for (const auto& r : allStageRanges())
    std::printf(" %s:%d", r.name().c_str(), count(s.perRange, r.name()));
  std::printf("\nper stage     ");
  for (int st = kMinFineStage; st <= kMaxStage; ++st)
    std::printf(" %d:%d", st, count(s.perStage, st));
  std::printf("\nsplit          train %d, validation %d, test %d (seed %llu)\n",
              count(s.perSplit, std::string("train")), count(s.perSplit, std::string("validation")),
              count(s.perSplit, std::string("test")), static_cast<unsigned long long>(split.seed));
  std::printf("runs           %d\n", s.runs);
  for (const auto& [id, from] : imported)
    std::printf("  run #%lld     %s\n", static_cast<long long>(id), from.c_str());
  std::printf("device         %s\n", device.description().c_str());
}

}  // namespace

void addInfoCommand(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand(
      "info", "Show a project: counts per stage range and stage, the split, schema version");
  cmd->add_option("project", *file, "Project file (.flystage)")->required();
  cmd->add_flag("--json", *json, "Print JSON instead of text");
  cmd->callback([file, json] { printInfo(*file, *json); });
}

}  // namespace flystage::cli
