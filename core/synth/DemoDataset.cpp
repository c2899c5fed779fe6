#include "synth/DemoDataset.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include <opencv2/imgcodecs.hpp>

#include "data/Stage.h"
#include "data/StageRange.h"
#include "synth/EmbryoGenerator.h"
#include "synth/SynthRandom.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace flystage {

namespace {

// Table I of the paper: images per stage range (all carry a range label) and, for stages
// 4..17, the images among them that also carry a precise stage.
constexpr std::array<int, kNumStageRanges> kRangeImages = {4203, 7344, 3665, 3768, 9248, 8680};
constexpr std::array<int, 18> kStageImages = {0,   0,   0,   0,   251, 274, 224, 236, 260,
                                              248, 248, 246, 255, 251, 252, 232, 243, 254};

struct Item {
  int stage = 0;
  bool precise = false;
  int gene = 0;
  std::uint64_t seed = 0;
  std::string path;  // relative to outDir, '/' separated
};

std::vector<Item> planItems(const DemoOptions& options) {
  synth::SynthRandom rng(synth::mixSeed(options.seed, 0xDE30DA7AULL));
  std::vector<Item> items;
  for (const StageRange& range : allStageRanges()) {
    int precise = 0;
    for (int stage = std::max(range.first, kMinFineStage); stage <= range.last; ++stage) {
      const int n = std::max(options.minPerStage,
                             static_cast<int>(std::lround(kStageImages[stage] * options.scale)));
      for (int i = 0; i < n; ++i) items.push_back(Item{stage, true, 0, 0, {}});
      precise += n;
    }
    const int total = std::max(
        precise, static_cast<int>(std::lround(kRangeImages[range.index()] * options.scale)));
    for (int i = precise; i < total; ++i) {
      const int stage = range.first + rng.index(range.last - range.first + 1);
      items.push_back(Item{stage, false, 0, 0, {}});
    }
  }
  // Shuffle so that file order says nothing about the stage (Fisher-Yates).
  for (std::size_t i = items.size(); i > 1; --i)
    std::swap(items[i - 1], items[static_cast<std::size_t>(rng.index(static_cast<int>(i)))]);
  const int digits = std::max(5, static_cast<int>(std::to_string(items.size()).size()));
  for (std::size_t i = 0; i < items.size(); ++i) {
    items[i].gene = rng.index(EmbryoGenerator::numGenes());
    items[i].seed = synth::mixSeed(options.seed, i + 1);
    std::string number = std::to_string(i + 1);
    number.insert(0, static_cast<std::size_t>(digits) - number.size(), '0');
    items[i].path = "images/img_" + number + ".png";
  }
  return items;
}

// Lossless PNG. Grain and sensor noise leave little for deflate's matching to find, so
// Huffman-only coding is about as small and two to three times faster than the default.
std::string encodeDemoPng(const cv::Mat& image) {
  std::vector<uchar> bytes;
  if (!cv::imencode(".png", image, bytes,
                    {cv::IMWRITE_PNG_COMPRESSION, 1, cv::IMWRITE_PNG_STRATEGY,
                     cv::IMWRITE_PNG_STRATEGY_HUFFMAN_ONLY}))
    throw Error("demo data: cannot encode an image as PNG");
  return std::string(bytes.begin(), bytes.end());
}

void writeFile(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out)
    throw Error(file.string() + ": cannot open for writing (check permissions of the folder)");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(file.string() + ": could not write the whole file (check free disk space)");
}

std::string labelsCsvText(const std::vector<Item>& items) {
  std::ostringstream csv;
  csv << "path,gene,stage_range,stage\n";
  for (const Item& item : items) {
    csv << item.path << ',' << EmbryoGenerator::geneName(item.gene) << ','
        << stageRangeOfStage(item.stage).name() << ',';
    if (item.precise) csv << item.stage;
    csv << '\n';
  }
  return csv.str();
}

}  // namespace

DemoSummary writeDemoDataset(const DemoOptions& options, const std::filesystem::path& outDir,
                             const ProgressFn& progress, const CancelToken* cancel) {
  if (!(options.scale > 0) || !std::isfinite(options.scale) || options.scale > 10)
    throw Error("demo data: scale " + std::to_string(options.scale) +
                " is out of range (use a value above 0 and at most 10; 1 is the paper's size)");
  if (options.minPerStage < 0) throw Error("demo data: minPerStage must not be negative");
  auto cancelled = [&] { return cancel != nullptr && cancel->cancelled(); };
  if (cancelled()) throw Cancelled{"synth"};

  std::error_code ec;
  std::filesystem::create_directories(outDir / "images", ec);
  if (ec || !std::filesystem::is_directory(outDir / "images"))
    throw Error((outDir / "images").string() + ": cannot create the output folder (" +
                (ec ? ec.message() : std::string("a file is in the way")) +
                "); choose a folder you can write to");

  std::vector<Item> items = planItems(options);
  SynthImaging imaging;
  imaging.standardized = options.standardized;
  const EmbryoGenerator generator(imaging);

  // Workers take images in turn; each image's pixels depend only on its own seed, so the
  // result does not depend on the number of threads or on scheduling.
  const std::size_t total = items.size();
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t done = 0;
  std::size_t running = 0;
  std::string lastPath;
  std::exception_ptr failure;

  auto work = [&] {
    while (!stop.load()) {
      const std::size_t i = next.fetch_add(1);
      if (i >= total || cancelled()) break;
      const Item& item = items[i];
      try {
        const cv::Mat image = generator.render(item.stage, item.gene, item.seed);
        writeFile(outDir / item.path, encodeDemoPng(image));
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
        stop.store(true);
        break;
      }
      std::lock_guard<std::mutex> lock(mutex);
      ++done;
      lastPath = item.path;
      changed.notify_all();
    }
    std::lock_guard<std::mutex> lock(mutex);
    --running;
    changed.notify_all();
  };

  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads = std::min<std::size_t>({hardware, 8, std::max<std::size_t>(1, total)});
  std::vector<std::thread> pool;
  {
    std::lock_guard<std::mutex> lock(mutex);
    running = threads;
  }
  for (std::size_t i = 0; i < threads; ++i) pool.emplace_back(work);
  struct Joiner {
    std::vector<std::thread>& pool;
    std::atomic<bool>& stop;
    ~Joiner() {
      stop.store(true);
      for (auto& t : pool)
        if (t.joinable()) t.join();
    }
  } joiner{pool, stop};

  // Progress is reported from this (the caller's) thread only, once per finished image.
  std::size_t reported = 0;
  std::unique_lock<std::mutex> lock(mutex);
  while (true) {
    changed.wait_for(lock, std::chrono::milliseconds(50),
                     [&] { return done > reported || running == 0; });
    while (reported < done) {
      ++reported;
      if (progress) {
        const ProgressEvent event{"synth", reported, total, lastPath};
        lock.unlock();
        progress(event);  // may cancel, or throw: the Joiner stops the workers either way
        lock.lock();
      }
    }
    if (cancelled()) stop.store(true);
    if (running == 0) break;
  }
  lock.unlock();
  for (auto& t : pool) t.join();

  if (failure) std::rethrow_exception(failure);
  if (cancelled() || done < total) throw Cancelled{"synth"};

  // labels.csv last, through a temporary file: a cancelled or failed run leaves no
  // labels.csv that names images it did not write.
  DemoSummary summary;
  summary.labelsCsv = outDir / "labels.csv";
  AtomicFile labels(summary.labelsCsv);
  labels.write(labelsCsvText(items));
  labels.commit();

  summary.images = static_cast<int>(total);
  for (const Item& item : items) {
    ++summary.perRange[stageRangeOfStage(item.stage).name()];
    if (item.precise) {
      ++summary.withStage;
      ++summary.perStage[item.stage];
    }
  }
  return summary;
}

}  // namespace flystage
