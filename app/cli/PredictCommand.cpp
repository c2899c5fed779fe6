#include <cstdio>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "model/Predictor.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/Csv.h"
#include "util/Error.h"

namespace flystage::cli {

void addPredictCommand(CLI::App& app) {
  struct Args {
    std::string project, csv;
    std::int64_t run = 0;
    bool store = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "predict",
      "Predict the precise stage of every image in the project with a run's model; writes one "
      "CSV row per image: path, predicted stage, its probability, the probability of each stage");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  cmd->add_option("--run", a->run, "Run id")->required();
  cmd->add_option("--csv", a->csv, "Output CSV file")->required();
  cmd->add_flag("--store", a->store, "Also keep the predictions in the project (for the GUI)");
  cmd->callback([a] {
    Project project = Project::open(a->project, a->store ? OpenMode::Existing : OpenMode::ReadOnly);
    CliProgress progress;
    const auto preds =
        predictStages(project, a->run, project.imageIds(), progress.fn(), &interruptToken());
    progress.finish();
    // Written to a temporary file and renamed, so a failure never leaves half a CSV.
    const std::string tmp = a->csv + ".part";
    {
      std::ofstream out(tmp, std::ios::binary);
      if (!out) throw Error(a->csv + ": cannot write (check the folder and permissions)");
      out << "path,predicted_stage,probability";
      for (int s = kMinFineStage; s <= kMaxStage; ++s) out << ",p_stage_" << s;
      out << "\n";
      char num[32];
      for (const auto& p : preds) {
        out << csvField(project.image(p.imageId)->path) << "," << p.stage;
        std::snprintf(num, sizeof num, ",%.6f", p.probability);
        out << num;
        for (float v : p.probabilities) {
          std::snprintf(num, sizeof num, ",%.6f", v);
          out << num;
        }
        out << "\n";
      }
      if (!out.flush()) throw Error(a->csv + ": write failed (disk full?)");
    }
    std::filesystem::rename(tmp, a->csv);
    if (a->store) {
      std::vector<StoredPrediction> stored;
      for (const auto& p : preds)
        stored.push_back({p.imageId, p.stage, p.probability,
                          std::vector<float>(p.probabilities.begin(), p.probabilities.end())});
      runstore::savePredictions(project, a->run, stored);
    }
    std::printf("predicted %zu image(s) with run #%lld -> %s\n", preds.size(),
                static_cast<long long>(a->run), a->csv.c_str());
  });
}

}  // namespace flystage::cli
