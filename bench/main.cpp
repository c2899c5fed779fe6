// flystage-bench: the measurements behind docs/performance.md. Each subcommand prints one
// JSON object on stdout; bench/run.sh (`make bench`) runs them all, next to the PyTorch
// eager reference (bench/reference.py), and bench/table.py prints the table with ratios.
#include <cstdio>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "BenchFigures.h"
#include "ModelBench.h"
#include "PipelineBench.h"
#include "SaliencyGrid.h"
#include "SimilarityBench.h"
#include "util/Error.h"

using namespace flystage;
using namespace flystage::bench;

namespace {

void print(const nlohmann::json& j) {
  std::printf("%s\n", j.dump().c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"FlyStage benchmarks (docs/performance.md); each command prints JSON"};
  app.require_subcommand(1);
  int threads = 0;
  app.add_option("--threads", threads, "CPU threads (default: all cores)");

  std::string presetName = "demo";
  auto* spec = app.add_subcommand("spec", "The preset's architecture, FLOPs and parameters");
  spec->add_option("--preset", presetName)->capture_default_str();
  spec->callback([&] { print(presetSpec(presetName)); });

  std::string project, out;
  int count = 256;
  auto* data = app.add_subcommand("data", "Write a project's images as a batch file");
  data->add_option("--project", project)->required();
  data->add_option("--preset", presetName)->capture_default_str();
  data->add_option("--count", count)->capture_default_str();
  data->add_option("--out", out)->required();
  data->callback([&] { writeBatchFile(project, presetName, count, out); });

  ModelBenchOptions mo;
  auto* model = app.add_subcommand("model", "Training and inference images/s of a preset");
  model->add_option("--preset", mo.preset)->required();
  model->add_option("--data", mo.data)->required();
  model->add_option("--count", mo.count)->capture_default_str();
  model->add_option("--train-batch", mo.trainBatch)->capture_default_str();
  model->add_option("--infer-batch", mo.inferBatch)->capture_default_str();
  model->add_option("--warmup", mo.warmup)->capture_default_str();
  model->add_option("--steps", mo.steps, "Training steps per repeat")->capture_default_str();
  model->add_option("--infer-steps", mo.inferSteps, "Inference batches per repeat")
      ->capture_default_str();
  model->add_option("--repeats", mo.repeats, "Timed repeats (the median is reported)")
      ->capture_default_str();
  model->add_option("--device", mo.device, "cpu, cuda or auto")->capture_default_str();
  model->add_option("--train-variants", mo.trainVariants)->delimiter(',');
  model->add_option("--infer-variants", mo.inferVariants)->delimiter(',');
  model->callback([&] {
    mo.threads = threads;
    print(benchModel(mo));
  });

  int n = 4096, repeats = 5;
  auto* peak = app.add_subcommand("peak", "GFLOP/s of a large matrix product, fp32 and bf16");
  peak->add_option("--n", n)->capture_default_str();
  peak->add_option("--repeats", repeats)->capture_default_str();
  peak->callback([&] { print(benchPeak(threads, n, repeats)); });

  int epochs = 6;
  auto* bf16 = app.add_subcommand("bf16-accuracy", "What bfloat16 autocast does to accuracy");
  bf16->add_option("--project", project)->required();
  bf16->add_option("--preset", presetName)->capture_default_str();
  bf16->add_option("--epochs", epochs)->capture_default_str();
  bf16->callback([&] { print(bf16Accuracy(project, presetName, epochs, threads)); });

  std::string labels;
  auto* import = app.add_subcommand("import", "Import + standardization of raw images");
  import->add_option("--labels", labels, "labels.csv of `flystage-cli synth`")->required();
  import->add_option("--out", out, "Project to create (replaced)")->required();
  import->add_option("--count", count)->capture_default_str();
  import->callback([&] { print(benchImport(labels, out, count, threads));
});

int rangeEpochs = 2, fineEpochs = 1;
auto* trainer = app.add_subcommand("trainer", "A real data-level training run");
trainer->add_option("--project", project)->required();
trainer->add_option("--preset", presetName)->capture_default_str();
trainer->add_option("--range-epochs", rangeEpochs)->capture_default_str();
trainer->add_option("--fine-epochs", fineEpochs)->capture_default_str();
std::string precision = "float32";
trainer->add_option("--precision", precision, "float32 or bfloat16")->capture_default_str();
trainer->callback([&] {
  print(benchTrainer(project, presetName, rangeEpochs, fineEpochs, threads, precision));
});

std::int64_t run = 0;
int images = 1000;
std::vector<std::string> methods = {"vanilla", "smoothgrad", "integrated-gradients", "grad-cam",
                                    "grad-cam-2"};
auto* saliency = app.add_subcommand("saliency", "Saliency maps of the first images");
saliency->add_option("--project", project)->required();
saliency->add_option("--run", run)->required();
saliency->add_option("--images", images)->capture_default_str();
saliency->add_option("--methods", methods)->delimiter(',');
saliency->callback([&] { print(benchSaliency(project, run, images, methods, threads)); });

std::string maps;
int period = 4;
auto* grid = app.add_subcommand(
    "saliency-grid", "The grid's share of the spectrum of a folder of raw saliency maps");
grid->add_option("--maps", maps, "Folder of .tif maps (flystage-cli saliency --images)")
    ->required();
grid->add_option("--period", period, "The grid's period in standardized pixels")
    ->capture_default_str();
grid->callback([&] { print(saliencyGrid(maps, period)); });

std::vector<int> sizes = {1000};
bool masked = false;
auto* gem = app.add_subcommand("gem", "GEMs by prediction of the first n images");
gem->add_option("--project", project)->required();
gem->add_option("--run", run)->required();
gem->add_option("--sizes", sizes)->delimiter(',');
gem->add_flag("--masked", masked, "Also masked GEMs (vanilla saliency masks)");
gem->callback([&] { print(benchGems(project, run, sizes, masked, threads)); });

auto* predict = app.add_subcommand("predict", "predictStages of the first n images");
predict->add_option("--project", project)->required();
predict->add_option("--run", run)->required();
predict->add_option("--sizes", sizes)->delimiter(',');
predict->callback([&] { print(benchPredict(project, run, sizes, threads)); });

auto* grow = app.add_subcommand("grow", "Copy a project's images until it holds --images");
grow->add_option("--project", project)->required();
grow->add_option("--images", images)->required();
grow->callback([&] { print(growProject(project, images)); });

std::string results;
SimilarityBenchOptions so;
auto* similar = app.add_subcommand(
    "similar", "Similar-embryo index: build, query ms, memory, recall vs exact brute force");
similar->add_option("--preset", so.preset, "Its feature size is used")->capture_default_str();
similar->add_option("--images", so.images)->capture_default_str();
similar->add_option("--queries", so.queries)->capture_default_str();
similar->add_option("--k", so.k)->capture_default_str();
similar->callback([&] {
  if (threads > 0) so.threads = threads;  // default 2: the target's cores
  print(benchSimilarity(so));
});

auto* plot = app.add_subcommand("plot", "The figures of docs/performance.md");
plot->add_option("--results", results, "results.json of bench/table.py")->required();
plot->add_option("--out", out, "Folder for the PNGs")->required();
plot->callback([&] {
  std::ifstream in(results);
  if (!in) throw Error(results + ": cannot open");
  for (const auto& f : writeBenchFigures(nlohmann::json::parse(in), out))
    std::fprintf(stderr, "wrote %s\n", f.string().c_str());
});

try {
  app.parse(argc, argv);
} catch (const CLI::ParseError& e) {
  return app.exit(e);
} catch (const std::exception& e) {
  std::fprintf(stderr, "flystage-bench: %s\n", e.what());
  return 1;
}
return 0;
}
