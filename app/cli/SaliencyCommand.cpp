#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>
#include <opencv2/imgcodecs.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "NumberOption.h"
#include "OutputCheck.h"
#include "ShardedRead.h"
#include "figure/SaliencyFigure.h"
#include "interpret/Saliency.h"
#include "model/Device.h"
#include "store/ImageLookup.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/AtomicFile.h"
#include "util/Csv.h"
#include "util/Error.h"
#include "util/Shard.h"
#include "util/Text.h"

namespace flystage::cli {

namespace {

std::string lowerExtension(const std::filesystem::path& p) {
  std::string e = p.extension().string();
  for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

// The raw float map, as a 32-bit float TIFF (opens in Fiji/ImageJ) or CSV.
void writeRawMap(const SaliencyMap& m, const std::filesystem::path& out) {
  const auto ext = lowerExtension(out);
  AtomicFile part(out, ".part" + ext);  // removed on any failure
  const auto tmp = part.tmp().string();
  if (ext == ".csv") {
    std::ofstream f(tmp, std::ios::binary);
    f << "row,col,saliency\n";
    for (int y = 0; y < m.map.rows; ++y)
      for (int x = 0; x < m.map.cols; ++x)
        f << y << ',' << x << ',' << m.map.at<float>(y, x) << '\n';
    if (!f.flush()) throw Error(out.string() + ": write failed (disk full?)");
  } else if (!cv::imwrite(tmp, m.map)) {
    throw Error(out.string() + ": could not be written; check the folder exists and is writable");
  }
  part.commit();
}

// The images --images names: "all", or ids and paths separated by commas; ascending ids.
std::vector<std::int64_t> namedImages(Project& project, const std::string& list) {
  if (trim(list) == "all") return project.imageIds();
  std::vector<std::int64_t> ids;
  std::size_t from = 0;
  while (from <= list.size()) {
    const auto comma = std::min(list.find(',', from), list.size());
    const std::string item = trim(list.substr(from, comma - from));
    if (!item.empty()) ids.push_back(resolveImage(project, item));
    from = comma + 1;
  }
  if (ids.empty()) throw Error("--images: name 'all' or image ids (e.g. 3,5,8)");
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Many images (a shard of them on a cluster): one raw float TIFF per image, named by its id,
// and a summary CSV per shard, so shards write disjoint files into one folder and need no
// merge. Images are explained a chunk at a time: memory does not grow with their number.
void explainImages(Project& project, std::int64_t run, const std::vector<std::int64_t>& ids,
                   const SaliencyOptions& options, int stage, const Shard& shard,
                   const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const auto summary = dir / ("saliency-shard-" + std::to_string(shard.index) + "-of-" +
                              std::to_string(shard.count) + ".csv");
  AtomicFile part(summary);
  std::ofstream csv(part.tmp(), std::ios::binary);
  if (!csv) throw Error(summary.string() + ": cannot write (check the folder and permissions)");
  csv << "image_id,sha256,path,stage,predicted_stage,probability,file\n";
  CliProgress progress;
  const auto report = progress.fn();
  constexpr std::size_t kChunk = 64;
  for (std::size_t from = 0; from < ids.size(); from += kChunk) {
    const std::vector<std::int64_t> chunk(ids.begin() + from,
                                          ids.begin() + std::min(ids.size(), from + kChunk));
    for (const auto& m :
         computeSaliency(project, run, chunk, options, stage, {}, &interruptToken())) {
      const auto name = std::to_string(m.imageId) + ".tif";
      writeRawMap(m, dir / name);
      const auto image = project.image(m.imageId);
      char p[32];
      std::snprintf(p, sizeof p, "%.9g", m.probability);
      csv << m.imageId << ',' << image->sha256 << ',' << csvField(image->path) << ',' << m.stage
          << ',' << m.predictedStage << ',' << p << ',' << name << '\n';
    }
    report({"saliency", from + chunk.size(), ids.size(), {}});
  }
  progress.finish();
  if (!csv.flush()) throw Error(summary.string() + ": write failed (disk full?)");
  csv.close();
  part.commit();
  std::printf("wrote %zu saliency map(s)%s -> %s, summary %s\n", ids.size(),
              shard.whole() ? "" : (" of shard " + shardName(shard)).c_str(), dir.string().c_str(),
              summary.string().c_str());
}

}  // namespace

void addSaliencyCommand(CLI::App& app) {
  struct Args {
    std::string project, image, images, shard, out, method = "vanilla", colormap = "inferno";
    std::int64_t run = 0;
    int stage = 0, samples = 0, dpi = 300, threads = 0;
    double opacity = 0.7, noise = SaliencyOptions{}.noiseLevel;
    std::uint64_t seed = 1;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "saliency",
      "Explain a run's stage call for one image with a saliency map. --out picks the form: "
      ".png/.svg/.pdf a figure (image and map over it, colour bar, scale, provenance in the "
      "metadata, numbers in a .csv beside it); .tif a raw 32-bit float map; .csv the raw numbers. "
      "--images explains many images (a shard of them with --shard I/N) into a folder of raw "
      "maps (docs/cluster.md)");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  withRange(cmd->add_option("--run", a->run, "Run id whose model is explained"), idRange())
      ->required();
  auto* image = cmd->add_option("--image", a->image, "Image id, or the path it was imported from");
  auto* images = cmd->add_option(
      "--images", a->images,
      "'all', or image ids/paths separated by commas: one raw map per image, <id>.tif in the "
      "folder --out, and a summary CSV saliency-shard-I-of-N.csv");
  image->excludes(images);
  cmd->add_option("--shard", a->shard,
                  "With --images: only shard I of N (0 <= I < N), the images at positions I, "
                  "I+N, ... of the ascending ids named")
      ->needs(images);
  withRange(cmd->add_option("--threads", a->threads,
                            "CPU threads libtorch uses (on a cluster: the cores the task was "
                            "given, e.g. $SLURM_CPUS_PER_TASK)"),
            threadRange());
  cmd->add_option("--method", a->method,
                  "vanilla (the paper's Eq. 8), smoothgrad, integrated-gradients, grad-cam (the "
                  "last stage's Grad-CAM) or grad-cam-2 (the last two stages')")
      ->capture_default_str();
  withRange(cmd->add_option("--stage", a->stage,
                            "Stage (4..17) to explain; default: the predicted stage"),
            NumberRange::wholeNumbers(4, 17, "the predicted stage"));
  // Each sample is one more backward pass: 1000 is minutes per image already.
  withRange(cmd->add_option("--samples", a->samples,
                            "SmoothGrad noisy copies / integrated-gradients steps (default 32 / "
                            "32)"),
            NumberRange::wholeNumbers(1, 1000, "the method's default"));
  asSeed(cmd->add_option("--seed", a->seed, "SmoothGrad noise seed"))->capture_default_str();
  withRange(cmd->add_option("--noise", a->noise,
                            "SmoothGrad noise: its standard deviation as a fraction of the [0,1] "
                            "pixel range"),
            NumberRange::numbers(0, false, 1, false))
      ->capture_default_str();
  cmd->add_option("--colormap", a->colormap, "inferno, viridis, magma, hot, jet or turbo")
      ->capture_default_str();
  withRange(cmd->add_option("--opacity", a->opacity, "Overlay opacity, 0..1"),
            NumberRange::numbers(0, false, 1, false))
      ->capture_default_str();
  withRange(cmd->add_option("--dpi", a->dpi, "PNG resolution"), dpiRange())->capture_default_str();
  cmd->add_option("--out", a->out,
                  "Output file: .png, .svg, .pdf, .tif or .csv; with --images a folder")
      ->required();
  cmd->callback([a] {
    if (a->image.empty() && a->images.empty()) throw Error("saliency: give --image or --images");
    if (a->threads > 0) configureDevice(a->threads);
    if (!a->images.empty()) {
      checkOutputFolder("--out", a->out);
      const Shard shard = a->shard.empty() ? Shard{} : parseShard(a->shard);
      if (!shard.whole()) warnIfProjectHasPendingWrites(a->project);
      Project project = Project::open(a->project, OpenMode::ReadOnly);
      SaliencyOptions options;
      options.method = parseSaliencyMethod(a->method);
      options.samples = a->samples;
      options.seed = a->seed;
      options.noiseLevel = a->noise;
      explainImages(project, a->run, shardOf(namedImages(project, a->images), shard), options,
                    a->stage, shard, a->out);
      return;
    }
    const std::filesystem::path out(a->out);
    const auto ext = lowerExtension(out);
    const bool figure = figure::isFigureFormat(out);
    if (!figure && ext != ".tif" && ext != ".tiff" && ext != ".csv")
      throw Error(a->out + ": name the output .png, .svg, .pdf (figure), .tif or .csv (raw map)");
    checkOutputFile("--out", out);
    Project project = Project::open(a->project, OpenMode::ReadOnly);
    const auto id = resolveImage(project, a->image);
    SaliencyOptions options;
    options.method = parseSaliencyMethod(a->method);
    options.samples = a->samples;
    options.seed = a->seed;
    options.noiseLevel = a->noise;
    const Colormap colormap = parseColormap(a->colormap);
    const auto maps =
        computeSaliency(project, a->run, {id}, options, a->stage, {}, &interruptToken());
    const SaliencyMap& m = maps.at(0);
    if (figure) {
      auto prov = makeProvenance("saliency", project.file().string());
      const auto run = runstore::run(project, a->run);
      prov.runId = a->run;
      prov.runMethod = run ? run->method : "";
      prov.imageIds = {id};
      prov.settings = {{"method", saliencyMethodName(options.method)},
                       {"samples", std::to_string(saliencySamples(options))},
                       {"seed", std::to_string(options.seed)},
                       {"noise", std::to_string(options.noiseLevel)},
                       {"stage explained", std::to_string(m.stage)},
                       {"colormap", a->colormap}};
      figure::SaliencyFigureOptions fo;
      fo.colormap = colormap;
      fo.opacity = a->opacity;
      fo.method = options.method;
      const Label label = project.label(id);
      fo.trueStage = label.stage.value_or(0);
      figure::ExportOptions eo;
      eo.dpi = a->dpi;
      const auto fig = figure::saliencyFigure(project.standardizedImage(id), m, fo, prov);
      checkFigurePixels(fig, out, a->dpi, "--dpi " + std::to_string(a->dpi), "--dpi");
      for (const auto& f : figure::exportFigure(fig, out, eo))
        std::printf("wrote %s\n", f.string().c_str());
    } else {
      writeRawMap(m, out);
      std::printf("wrote %s (%d x %d float map)\n", a->out.c_str(), m.map.cols, m.map.rows);
    }
    std::printf("image #%lld: predicted stage %d; saliency of stage %d (p = %.3f)\n",
                static_cast<long long>(id), m.predictedStage, m.stage, m.probability);
  });
}

}  // namespace flystage::cli
