#pragma once

#include <cstdint>
#include <string>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace flystage::cli {

// Each registers one subcommand: its options, its help text and what it runs.
void addSynthCommand(CLI::App& app);
void addImportCommand(CLI::App& app);
void addNewCommand(CLI::App& app);  // an empty project, where no file exists
void addInfoCommand(CLI::App& app);
void addStandardizeCommand(CLI::App& app);
void addSplitCommand(CLI::App& app);
void addLabelCommands(CLI::App& app);
void addDemoCommand(CLI::App& app);
void addTrainCommand(CLI::App& app);
void addEvaluateCommands(CLI::App& app);  // evaluate, compare, runs
void addPredictCommand(CLI::App& app);
void addMergePredictionsCommand(CLI::App& app);  // stores the shards of predict --shard
void addSaliencyCommand(CLI::App& app);
void addSaliencyCheckCommand(CLI::App& app);  // sanity and faithfulness of each method
void addGemCommands(CLI::App& app);           // gem, gem-merge
void addReportCommand(CLI::App& app);
void addMigrateCommand(CLI::App& app);  // legacy models -> data-only weights
void addModelCommands(CLI::App& app);   // export-model, import-model, model-info
void addSimilarCommand(CLI::App& app);  // similar: embryos like one image (a run's feature)

// predict --model FILE (ModelCommands.cpp): the option, excluding --run; and the run to
// predict with: --run, or the model file imported into the project (once).
CLI::Option* addPredictModelOption(CLI::App* predict, CLI::Option* run, std::string& modelFile);
std::int64_t runToPredictWith(const std::string& project, std::int64_t run,
                              const std::string& modelFile);

}  // namespace flystage::cli
