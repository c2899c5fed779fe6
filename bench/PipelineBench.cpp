#include "PipelineBench.h"

#include <sys/resource.h>

#include <chrono>
#include <map>

#include <SQLiteCpp/SQLiteCpp.h>

#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "interpret/Saliency.h"
#include "interpret/StageGems.h"
#include "model/Device.h"
#include "model/Predictor.h"
#include "store/Project.h"
#include "train/Trainer.h"
#include "util/Error.h"

namespace flystage::bench {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

double peakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

std::vector<std::int64_t> firstImages(Project& project, int n) {
  std::vector<std::int64_t> ids;
  SQLite::Statement q(project.db(), "SELECT id FROM images ORDER BY id LIMIT ?");
  q.bind(1, n);
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  if (static_cast<int>(ids.size()) < n)
    throw Error(project.file().string() + ": " + std::to_string(ids.size()) +
                " images, fewer than the " + std::to_string(n) +
                " asked for (grow it with `flystage-bench grow`)");
  return ids;
}

}  // namespace

nlohmann::json benchImport(const std::filesystem::path& labelsCsv, const std::filesystem::path& out,
                           int count, int threads) {
  ImportPlan plan = parseLabelsCsv(labelsCsv);
  if (static_cast<int>(plan.items.size()) < count)
    throw Error(labelsCsv.string() + ": " + std::to_string(plan.items.size()) +
                " rows, fewer than " + std::to_string(count));
  plan.items.resize(static_cast<std::size_t>(count));
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(out.string() + suffix);
  Project project = Project::open(out, OpenMode::OpenOrCreate);
  ImportOptions options;
  options.skipBad = true;  // as the demo: the odd synthetic embryo too faint to segment
  options.threads = threads;
  const auto t0 = Clock::now();
  const ImportReport report = runImport(project, plan, options);
  const double seconds = secondsSince(t0);
  return {{"images", count},    {"imported", report.imported}, {"problems", report.problems.size()},
          {"threads", threads}, {"seconds", seconds},          {"images_per_s", count / seconds}};
}

nlohmann::json benchTrainer(const std::filesystem::path& file, const std::string& preset,
                            int rangeEpochs, int fineEpochs, int threads,
                            const std::string& precision) {
  Project project = Project::open(file, OpenMode::Existing);
  TrainConfig config = TrainConfig::forPreset(Method::DataLevel, preset);
  config.device = "cpu";
  config.precision = parsePrecision(precision);
  config.threads = threads;
  config.rangeEpochs = rangeEpochs;
  config.fineEpochs = fineEpochs;
  std::map<std::string, nlohmann::json> last;  // phase -> its last epoch's figures
  TrainCallbacks callbacks;
  callbacks.progress = [&](const TrainProgress& p) {
    if ((p.phase == "range" || p.phase == "fine") && p.batch == p.batches && p.batches > 0)
      last[p.phase] = {{"epoch", p.epoch}, {"images_per_s", p.imagesPerSecond}};
  };
  const auto t0 = Clock::now();
  const auto run = train(project, config, callbacks);
  nlohmann::json out = {{"run", run},
                        {"preset", preset},
                        {"method", "data-level"},
                        {"precision", precisionName(config.precision)},
                        {"threads", configureDevice(threads).cpuThreads},
                        {"seconds", secondsSince(t0)},
                        {"peak_rss_mib", peakRssMiB()},
                        {"images", project.summary().images}};
  for (const auto& [phase, j] : last) out["phases"][phase] = j;
  return out;
}

nlohmann::json benchSaliency(const std::filesystem::path& file, std::int64_t run, int images,
                             const std::vector<std::string>& methods, int threads) {
  const auto info = configureDevice(threads);
  Project project = Project::open(file, OpenMode::ReadOnly);
  const auto ids = firstImages(project, images);
  nlohmann::json out = {{"images", images}, {"threads", info.cpuThreads}, {"run", run}};
  for (const auto& name : methods) {
    SaliencyOptions options;
    options.method = parseSaliencyMethod(name);
    options.device = "cpu";
    // Per-pass progress counts image-passes: its total says how many passes an image took
    // (vanilla's grid shifts included); single-pass methods report none.
    std::size_t passes = 1;
    const auto t0 = Clock::now();
    const auto maps = computeSaliency(project, run, ids, options, 0, [&](const ProgressEvent& e) {
      if (!e.detail.empty() && !ids.empty()) passes = e.total / ids.size();
    });
    const double seconds = secondsSince(t0);
    out["methods"][name] = {{"seconds", seconds},
                            {"images_per_s", maps.size() / seconds},
                            {"passes_per_image", passes}};
  }
  return out;
}

nlohmann::json benchGems(const std::filesystem::path& file, std::int64_t run,
                         const std::vector<int>& sizes, bool masked, int threads) {
  const auto info = configureDevice(threads);
  Project project = Project::open(file, OpenMode::ReadOnly);
  nlohmann::json out = {{"threads", info.cpuThreads}, {"run", run}};
  for (int n : sizes) {
    for (bool m : masked ? std::vector<bool>{false, true} : std::vector<bool>{false}) {
      GemRequest request;
      request.runId = run;
      request.assignment = StageAssignment::Prediction;
      request.imageIds = firstImages(project, n);
      request.masked = m;
      request.saliency.device = "cpu";
      const auto t0 = Clock::now();
      const auto result = buildStageGems(project, request);
      const double seconds = secondsSince(t0);
      out[m ? "masked" : "plain"].push_back(
          {{"images", n}, {"seconds", seconds}, {"considered", result.imagesConsidered}});
    }
  }
  return out;
}

nlohmann::json benchPredict(const std::filesystem::path& file, std::int64_t run,
                            const std::vector<int>& sizes, int threads) {
  const auto info = configureDevice(threads);
  Project project = Project::open(file, OpenMode::ReadOnly);
  nlohmann::json out = {{"threads", info.cpuThreads}, {"run", run}};
  for (int n : sizes) {
    const auto ids = firstImages(project, n);
    const auto t0 = Clock::now();
    const auto predictions = predictStages(project, run, ids);
    const double seconds = secondsSince(t0);
    out["sizes"].push_back(
        {{"images", predictions.size()}, {"seconds", seconds}, {"images_per_s", n / seconds}});
  }
  out["peak_rss_mib"] = peakRssMiB();
  return out;
}

nlohmann::json growProject(const std::filesystem::path& file, int images) {
  Project project = Project::open(file, OpenMode::Existing);
  auto& db = project.db();
  std::vector<std::int64_t> sources;
  {
    SQLite::Statement q(db, "SELECT id FROM images ORDER BY id");
    while (q.executeStep()) sources.push_back(q.getColumn(0).getInt64());
  }
  if (sources.empty()) throw Error(file.string() + ": no images to copy");
  const auto t0 = Clock::now();
  int count = static_cast<int>(sources.size());
  SQLite::Transaction tx(db);
  SQLite::Statement image(db,
                          "INSERT INTO images(path, sha256, gene, width, height, channels, "
                          "bit_depth, import_id) SELECT path || '#copy' || ?1, sha256 || "
                          "'-copy' || ?1, gene, width, height, channels, bit_depth, import_id "
                          "FROM images WHERE id = ?2");
  SQLite::Statement pixels(
      db,
      "INSERT INTO standardized(image_id, png, angle, passthrough, auto_flip_h, auto_flip_v, "
      "ap_confidence, dv_confidence, override_flip_h, override_flip_v) SELECT ?1, png, angle, "
      "passthrough, auto_flip_h, auto_flip_v, ap_confidence, dv_confidence, override_flip_h, "
      "override_flip_v FROM standardized WHERE image_id = ?2");
  SQLite::Statement label(db,
                          "INSERT INTO labels(image_id, stage_range, stage, source) SELECT ?1, "
                          "stage_range, stage, source FROM labels WHERE image_id = ?2");
  for (std::size_t i = 0; count < images; ++i, ++count) {
    const auto from = sources[i % sources.size()];
    image.bind(1, static_cast<std::int64_t>(count));
    image.bind(2, from);
    image.exec();
    image.reset();
    const auto id = db.getLastInsertRowid();
    for (auto* s : {&pixels, &label}) {
      s->bind(1, id);
      s->bind(2, from);
      s->exec();
      s->reset();
    }
  }
  tx.commit();
  return {{"images", count}, {"copied_from", sources.size()}, {"seconds", secondsSince(t0)}};
}

}  // namespace flystage::bench
