#include <cstdio>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "NumberOption.h"
#include "OutputCheck.h"
#include "ShardedRead.h"
#include "model/Device.h"
#include "model/Predictor.h"
#include "model/StoredPredictions.h"
#include "store/PredictionShard.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/AtomicFile.h"
#include "util/Csv.h"
#include "util/Error.h"
#include "util/Shard.h"

namespace flystage::cli {

namespace {

void writePredictionsCsv(Project& project, const std::vector<StagePrediction>& preds,
                         const std::string& csv) {
  // Written to a temporary file and renamed, so a failure never leaves half a CSV, and the
  // temporary file is removed on any failure.
  AtomicFile part(csv);
  const std::string tmp = part.tmp().string();
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw Error(csv + ": cannot write (check the folder and permissions)");
    out << "path,predicted_stage,probability";
    for (int s = kMinFineStage; s <= kMaxStage; ++s) out << ",p_stage_" << s;
    out << ",range_constraint,stage_range,constrained_stage,constrained_probability\n";
    char num[32];
    for (const auto& p : preds) {
      out << csvField(project.image(p.imageId)->path) << "," << p.stage;
      std::snprintf(num, sizeof num, ",%.6f", p.probability);
      out << num;
      for (float v : p.probabilities) {
        std::snprintf(num, sizeof num, ",%.6f", v);
        out << num;
      }
      out << "," << (p.rangeConstraint ? 1 : 0) << "," << (p.range ? p.range->name() : "") << ",";
      if (p.constrainedStage) {
        std::snprintf(num, sizeof num, ",%.6f", p.constrainedProbability);
        out << *p.constrainedStage << num;
      } else {
        out << ",";
      }
      out << "\n";
    }
    if (!out.flush()) throw Error(csv + ": write failed (disk full?)");
  }
  part.commit();
}

}  // namespace

void addPredictCommand(CLI::App& app) {
  struct Args {
    std::string project, csv, out, shard, model;
    std::int64_t run = 0;
    bool store = false;
    bool noRangeConstraint = false;
    int threads = 0;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "predict",
      "Predict the precise stage of every image in the project with a run's model; an image with "
      "a known stage range (4-6..13-17) is called the most probable stage inside it unless "
      "--no-range-constraint. --csv writes one row per image: path, predicted stage (the "
      "model's own call), its probability, the probability of each stage, then whether the "
      "range constraint was on, the range and the constrained stage and probability. On a "
      "cluster, --shard I/N --out FILE predicts one part of the images and only "
      "reads the project; merge-predictions stores the parts (docs/cluster.md)");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  addPredictModelOption(cmd, withRange(cmd->add_option("--run", a->run, "Run id"), idRange()),
                        a->model);
  cmd->add_option("--csv", a->csv, "Output CSV file");
  cmd->add_flag("--store", a->store, "Also keep the predictions in the project (for the GUI)");
  cmd->add_flag("--no-range-constraint", a->noRangeConstraint,
                "Call the most probable of the 14 stages even where the image's stage range is "
                "known (recorded with every prediction)");
  auto* shardOption = cmd->add_option(
      "--shard", a->shard,
      "Only shard I of N (0 <= I < N): the images at positions I, I+N, I+2N... of the "
      "id-ordered list, e.g. --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT");
  auto* out = cmd->add_option("--out", a->out,
                              "Shard file for merge-predictions (predictions with the run, the "
                              "model checksum and each image's sha256)");
  shardOption->needs(out);
  withRange(cmd->add_option("--threads", a->threads,
                            "CPU threads libtorch uses (on a cluster: the cores the task was "
                            "given, e.g. $SLURM_CPUS_PER_TASK)"),
            threadRange());
  cmd->callback([a] {
    if (a->csv.empty() && a->out.empty()) throw Error("predict: give --csv FILE or --out FILE");
    // Before the work: a folder or an unwritable place fails now, not after predicting.
    if (!a->csv.empty()) checkOutputFile("--csv", a->csv);
    if (!a->out.empty()) checkOutputFile("--out", a->out);
    if (a->store && !a->out.empty())
      throw Error(
          "predict: --store writes the project, a shard (--out) only reads it; store shards "
          "with merge-predictions");
    const Shard shard = a->shard.empty() ? Shard{} : parseShard(a->shard);
    if (a->threads > 0) configureDevice(a->threads);
    if (!shard.whole()) warnIfProjectHasPendingWrites(a->project);
    a->run = runToPredictWith(a->project, a->run, a->model);  // --model: imported first
    Project project = Project::open(a->project, a->store ? OpenMode::Existing : OpenMode::ReadOnly);
    // The header first: it refuses a run without a model before any work.
    const auto header = a->out.empty()
                            ? PredictionShardHeader{}
                            : predictionShardHeader(project, a->run, shard, !a->noRangeConstraint);
    const auto ids = shardOf(project.imageIds(), shard);
    CliProgress progress;
    PredictOptions options;
    options.rangeConstraint = !a->noRangeConstraint;
    const auto preds =
        predictStages(project, a->run, ids, progress.fn(), &interruptToken(), options);
    progress.finish();
    if (!a->csv.empty()) writePredictionsCsv(project, preds, a->csv);
    if (!a->out.empty()) writePredictionShard(project, header, toStoredPredictions(preds), a->out);
    if (a->store) storePredictions(project, a->run, preds);
    std::printf("predicted %zu image(s)%s with run #%lld -> %s\n", preds.size(),
                shard.whole() ? "" : (" of shard " + shardName(shard)).c_str(),
                static_cast<long long>(a->run), (a->out.empty() ? a->csv : a->out).c_str());
  });
}

void addMergePredictionsCommand(CLI::App& app) {
  struct Args {
    std::string project;
    std::vector<std::string> shards;
    std::int64_t run = 0;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "merge-predictions",
      "Store the predictions of every shard of `predict --shard I/N --out FILE` in the project, "
      "in one transaction, after checking that the shards are of this run and its model, that "
      "each shard is given once and that together they hold every image exactly once; on any "
      "problem nothing is stored (docs/cluster.md)");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  withRange(cmd->add_option("--run", a->run, "Run id the shards predicted with"), idRange())
      ->required();
  cmd->add_option("shards", a->shards, "The shard files, all N of them")->required();
  cmd->callback([a] {
    Project project = Project::open(a->project, OpenMode::Existing);
    const std::vector<std::filesystem::path> files(a->shards.begin(), a->shards.end());
    const auto stored = mergePredictionShards(project, a->run, files);
    std::printf("stored %zu prediction(s) of run #%lld from %zu shard file(s)\n", stored,
                static_cast<long long>(a->run), files.size());
  });
}

}  // namespace flystage::cli
