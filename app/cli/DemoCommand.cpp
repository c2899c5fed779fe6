#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <random>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "NumberOption.h"
#include "OutputCheck.h"
#include "TrainProgress.h"
#include "data/LabelsCsv.h"
#include "eval/PairedComparison.h"
#include "eval/RunComparison.h"
#include "figure/Report.h"
#include "importer/Importer.h"
#include "interpret/SaliencySanity.h"
#include "model/Predictor.h"
#include "model/StoredPredictions.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "store/Split.h"
#include "synth/DemoDataset.h"
#include "train/Trainer.h"
#include "util/Error.h"

namespace flystage::cli {

namespace {

struct DemoArgs {
  std::string out = "flystage-demo";
  DemoOptions data;
  // Half of each stage's 40 labelled images for testing, 6 for validation (enough for the
  // trainer to select on, train/EpochSelection.h), 14 for training: 280 test images narrow a
  // run's interval to about +-6 points (docs/results.md).
  SplitOptions split{1, 0.5, 0.15};
  int saliencyPerStage = 3;
  std::string preset = "demo";
  std::vector<std::uint64_t> seeds = {1};
  bool skipTraining = false;
  bool quiet = false;
};

// The saliency check's images: `perStage` test images of each stage, drawn with the seed
// (every test image of a stage that has fewer), in id order. The check costs about a second
// per image and method; 280 test images would make it the demo's longest step.
std::vector<std::int64_t> saliencySubset(const std::vector<RunImage>& images, int perStage,
                                         std::uint64_t seed) {
  std::map<int, std::vector<std::int64_t>> byStage;
  for (const auto& ri : images)
    if (ri.part == "test" && ri.stage) byStage[*ri.stage].push_back(ri.imageId);
  std::vector<std::int64_t> out;
  std::mt19937_64 rng(seed);
  for (auto& [stage, ids] : byStage) {
    std::sort(ids.begin(), ids.end());
    std::shuffle(ids.begin(), ids.end(), rng);
    ids.resize(std::min(ids.size(), static_cast<std::size_t>(perStage)));
    out.insert(out.end(), ids.begin(), ids.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void runDemo(const DemoArgs& a) {
  const auto start = std::chrono::steady_clock::now();
  const std::filesystem::path out(a.out);
  const auto projectFile = out / "demo.flystage";
  std::filesystem::create_directories(out);
  // The demo always starts from a fresh project, so its numbers are reproducible.
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(projectFile.string() + suffix);

  CliProgress progress;
  const int steps = a.skipTraining ? 2 : 5 + 5 * static_cast<int>(a.seeds.size());
  std::fprintf(stderr, "[1/%d] generating the synthetic demo dataset in %s\n", steps,
               (out / "data").string().c_str());
  const DemoSummary data = writeDemoDataset(a.data, out / "data", progress.fn(), &interruptToken());
  progress.finish();

  std::fprintf(stderr, "[2/%d] importing it into %s\n", steps, projectFile.string().c_str());
  Project project = Project::open(projectFile, OpenMode::OpenOrCreate);
  storeSplitOptions(project, a.split);  // before the import draws the split
  // The generator's imaging variation occasionally makes an embryo too faint to segment:
  // such images are reported and left out rather than stopping the demo.
  ImportOptions importOptions;
  importOptions.skipBad = true;
  const ImportReport r = runImport(project, parseLabelsCsv(data.labelsCsv), importOptions,
                                   progress.fn(), &interruptToken());
  progress.finish();
  for (const auto& p : r.problems) std::fprintf(stderr, "skipped: %s\n", p.text().c_str());
  auto s = project.summary();
  std::printf(
      "demo project %s: %d images, %d with a precise stage; split train %d, "
      "validation %d, test %d\n",
      projectFile.string().c_str(), s.images, s.withStage, s.perSplit["train"],
      s.perSplit["validation"], s.perSplit["test"]);
  if (!a.skipTraining) {
    // The four methods of Table II and the similarity loss's ablation. Each seed draws its own
    // stratified split (repeated splits) and trains with that seed; two-step and two-step-no-ls
    // continue from the same seed's data-level run (Algorithm 1's step 1 is exactly that run),
    // so they see the same batches and differ only by L_S.
    const auto callbacks = terminalTrainCallbacks(a.quiet);
    std::vector<std::int64_t> runs;
    std::int64_t featured = 0;  // the last seed's two-step run
    int step = 3;
    for (std::uint64_t seed : a.seeds) {
      std::int64_t dataLevel = 0;
      for (Method m : {Method::Gabor, Method::Plain, Method::DataLevel, Method::TwoStep,
                       Method::TwoStepNoLs}) {
        std::fprintf(stderr, "[%d/%d] training %s (preset %s, seed %llu)\n", step++, steps,
                     methodName(m).c_str(), m == Method::Gabor ? "gabor" : a.preset.c_str(),
                     static_cast<unsigned long long>(seed));
        TrainConfig config = TrainConfig::forPreset(m, a.preset);
        config.seed = seed;
        config.splitSeed = seed;
        if (hasFeatureLevel(m)) config.fromRun = dataLevel;
        runs.push_back(train(project, config, callbacks));
        if (m == Method::DataLevel) dataLevel = runs.back();
        if (m == Method::TwoStep) featured = runs.back();
      }
    }
    const auto summaries = loadRunSummaries(project, runs);
    std::printf("\nTable II on the demo data (test part: %d images per split):\n\n%s",
                summaries.front().test.nTest, comparisonTable(summaries).c_str());
    std::printf(
        "\nThe mean per-stage accuracy's bracket: its 95 %% interval (stratified bootstrap over "
        "the test images).\n");
    if (a.seeds.size() > 1)
      std::printf(
          "\nMean ± sd over %zu seeds (each with its own split; the mean per-stage accuracy: "
          "mean [95 %% t interval over seeds]):\n\n%s",
          a.seeds.size(), aggregateTable(summaries).c_str());
    if (const auto paired = pairedTable(summaries); !paired.empty())
      std::printf("\n%s", paired.c_str());
    // The final two-step run stages every image (range-constrained, the default), so the
    // project opens in the GUI with a predicted stage on every thumbnail.
    std::fprintf(stderr, "[%d/%d] predicting every image with run #%lld\n", step++, steps,
                 static_cast<long long>(featured));
    const auto stored = storePredictions(
        project, featured,
        predictStages(project, featured, project.imageIds(), progress.fn(), &interruptToken()));
    progress.finish();
    std::printf("\npredictions of run #%lld (two-step) stored for all %zu images\n",
                static_cast<long long>(featured), stored);
    // Whether each saliency method explains this model: the report shows the verdicts.
    std::fprintf(stderr, "[%d/%d] checking the saliency methods on run #%lld's test images\n",
                 step++, steps, static_cast<long long>(featured));
    const auto testImages =
        saliencySubset(runstore::runImages(project, featured), a.saliencyPerStage, 1);
    if (testImages.empty()) {
      std::printf("saliency: not checked (run #%lld has no test images)\n",
                  static_cast<long long>(featured));
    } else {
      const auto sanity = checkSaliency(project, featured, testImages, SaliencySanityOptions{},
                                        progress.fn(), &interruptToken());
      storeSaliencySanity(project, featured, sanity);
      progress.finish();
      std::printf(
          "\nsaliency checked on %zu of run #%lld's test images (a seeded stratified subset: up "
          "to %d per stage)\n",
          testImages.size(), static_cast<long long>(featured), a.saliencyPerStage);
      for (const auto& check : sanity)
        std::printf("saliency %s: %s\n", saliencyMethodName(check.method).c_str(),
                    check.verdict().c_str());
    }
    std::fprintf(stderr, "[%d/%d] writing the report\n", step, steps);
    const auto report =
        figure::writeReport(project, out / "report", {}, progress.fn(), &interruptToken());
    progress.finish();
    std::printf("\nreport: %s (open it in a browser)\n", report.index.string().c_str());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("\ndemo finished in %.0f s; next: flystage-cli info %s\n", seconds,
              projectFile.string().c_str());
}

}  // namespace

void addDemoCommand(CLI::App& app) {
  auto a = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand(
      "demo",
      "Run the whole job on the embedded demo data: generate the synthetic dataset, import it "
      "into a fresh project (split per stage: half for testing, 15 % for validation), train the "
      "four methods (gabor, plain, data-level, two-step) and two-step's ablation without the "
      "similarity loss (two-step-no-ls), print the Table II-style comparison with 95 % "
      "intervals (and its range-constrained rows) and the paired differences, store the last "
      "two-step run's predictions of every image, check the saliency methods on a stratified "
      "subset of its test images and write the report");
  cmd->add_option("--out", a->out, "Output folder")->capture_default_str();
  asSeed(cmd->add_option("--seed", a->data.seed, "Seed of the demo dataset"))
      ->capture_default_str();
  withRange(cmd->add_option("--scale", a->data.scale, "Dataset size as a fraction of BDGP's"),
            NumberRange::numbers(0.0001, false, 1.0, false))
      ->capture_default_str();
  withRange(cmd->add_option("--min-per-stage", a->data.minPerStage,
                            "At least this many stage-labelled images per stage 4..17"),
            NumberRange::wholeNumbers(1, 100000))
      ->capture_default_str();
  withRange(cmd->add_option("--test-fraction", a->split.testFraction,
                            "Share of each stage's labelled images kept for testing"),
            NumberRange::numbers(0, false, 1, true))
      ->capture_default_str();
  withRange(cmd->add_option("--validation-fraction", a->split.validationFraction,
                            "Share of each stage's labelled images kept for model selection"),
            NumberRange::numbers(0, false, 1, true))
      ->capture_default_str();
  withRange(cmd->add_option("--saliency-per-stage", a->saliencyPerStage,
                            "Test images per stage the saliency check measures"),
            NumberRange::wholeNumbers(1, 100000))
      ->capture_default_str();
  cmd->add_option("--preset", a->preset, "Network preset of the ResNet methods")
      ->capture_default_str();
  asSeed(cmd->add_option("--seeds", a->seeds,
                         "Training seeds; each also draws its own split (repeated splits), e.g. "
                         "1,2,3")
             ->delimiter(','))
      ->capture_default_str();
  cmd->add_flag("--skip-training", a->skipTraining, "Only generate and import the data");
  cmd->add_flag("--quiet", a->quiet, "No training progress on stderr");
  cmd->callback([a] {
    checkOutputFolder("--out", a->out);
    // Before the dataset is generated: the two fractions together must leave a training part.
    if (const auto p = splitOptionsProblem(a->split); p && p->field.find('+') != std::string::npos)
      throw Error("--test-fraction " + NumberRange::format(a->split.testFraction) +
                  " + --validation-fraction " + NumberRange::format(a->split.validationFraction) +
                  ": must be " + p->allowed);
    runDemo(*a);
  });
}

}  // namespace flystage::cli
