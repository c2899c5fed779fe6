#pragma once

namespace CLI {
class App;
}

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
void addGemCommands(CLI::App& app);  // gem, gem-merge
void addReportCommand(CLI::App& app);
void addMigrateCommand(CLI::App& app);  // legacy models -> data-only weights

}  // namespace flystage::cli
