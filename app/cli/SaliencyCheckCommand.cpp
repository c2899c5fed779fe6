#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "NumberOption.h"
#include "OutputCheck.h"
#include "interpret/SaliencySanity.h"
#include "model/Device.h"
#include "store/ImageLookup.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/AtomicFile.h"
#include "util/Error.h"
#include "util/Text.h"

namespace flystage::cli {

namespace {

std::vector<std::string> splitCommas(const std::string& list) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from <= list.size()) {
    const auto comma = std::min(list.find(',', from), list.size());
    const std::string item = trim(list.substr(from, comma - from));
    if (!item.empty()) out.push_back(item);
    from = comma + 1;
  }
  return out;
}

std::vector<SaliencyMethod> namedMethods(const std::string& list) {
  if (trim(list) == "all") return saliencyMethods();
  std::vector<SaliencyMethod> out;
  for (const auto& item : splitCommas(list)) {
    const auto m = parseSaliencyMethod(item);
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  if (out.empty())
    throw Error("--methods: name 'all' or methods (" + saliencyMethodChoices() + ")");
  return out;
}

// --images: "test" (the run's test part), "all", or ids/paths separated by commas; ascending.
std::vector<std::int64_t> namedImages(Project& project, std::int64_t run, const std::string& list) {
  std::vector<std::int64_t> ids;
  if (trim(list) == "test") {
    for (const auto& ri : runstore::runImages(project, run))
      if (ri.part == "test") ids.push_back(ri.imageId);
    if (ids.empty())
      throw Error("run #" + std::to_string(run) +
                  " has no test images; name images with --images (ids, or 'all')");
  } else if (trim(list) == "all") {
    ids = project.imageIds();
  } else {
    for (const auto& item : splitCommas(list)) ids.push_back(resolveImage(project, item));
    if (ids.empty()) throw Error("--images: name 'test', 'all' or image ids (e.g. 3,5,8)");
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::string fixed(double v, int digits) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string joined(const std::vector<double>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ";" : "") + fixed(v[i], 6);
  return out;
}

void printResult(const SaliencySanity& s) {
  std::printf("%s: %s\n", saliencyMethodName(s.method).c_str(), s.passed() ? "passes" : "FAILS");
  std::printf(
      "  randomization  rank correlation, trained vs randomized weights: %s [%s, %s] "
      "(must stay below %s)  %s\n",
      fixed(s.randomizationRank, 3).c_str(), fixed(s.randomizationRankLow, 3).c_str(),
      fixed(s.randomizationRankHigh, 3).c_str(), fixed(kRandomizationRankLimit, 1).c_str(),
      s.randomizationPassed ? "passes" : "fails");
  std::printf(
      "  deletion       area salient %s, random %s; gap %s [%s, %s] (must be above 0)  "
      "%s\n",
      fixed(s.deletionAreaSalient, 3).c_str(), fixed(s.deletionAreaRandom, 3).c_str(),
      fixed(s.deletionGap, 3).c_str(), fixed(s.deletionGapLow, 3).c_str(),
      fixed(s.deletionGapHigh, 3).c_str(), s.deletionPassed ? "passes" : "fails");
  std::string removed = "  removed %     ", salient = "  p salient    ", random = "  p random     ";
  for (std::size_t k = 0; k < s.fractions.size(); ++k) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%6.0f", 100 * s.fractions[k]);
    removed += buf;
    std::snprintf(buf, sizeof buf, "%6.3f", s.deletionSalient[k]);
    salient += buf;
    std::snprintf(buf, sizeof buf, "%6.3f", s.deletionRandom[k]);
    random += buf;
  }
  std::printf("%s\n%s\n%s\n", removed.c_str(), salient.c_str(), random.c_str());
}

void writeTable(const std::vector<SaliencySanity>& results, const std::filesystem::path& out) {
  std::ostringstream csv;
  csv << "method,images,steps,samples,seed,rank_mean,rank_low,rank_high,rank_limit,"
         "randomization_passed,area_salient,area_random,gap_mean,gap_low,gap_high,"
         "deletion_passed,passed,fractions,curve_salient,curve_random\n";
  for (const auto& s : results)
    csv << saliencyMethodName(s.method) << ',' << s.images << ',' << s.steps << ',' << s.samples
        << ',' << s.seed << ',' << fixed(s.randomizationRank, 6) << ','
        << fixed(s.randomizationRankLow, 6) << ',' << fixed(s.randomizationRankHigh, 6) << ','
        << fixed(kRandomizationRankLimit, 2) << ',' << (s.randomizationPassed ? 1 : 0) << ','
        << fixed(s.deletionAreaSalient, 6) << ',' << fixed(s.deletionAreaRandom, 6) << ','
        << fixed(s.deletionGap, 6) << ',' << fixed(s.deletionGapLow, 6) << ','
        << fixed(s.deletionGapHigh, 6) << ',' << (s.deletionPassed ? 1 : 0) << ','
        << (s.passed() ? 1 : 0) << ',' << joined(s.fractions) << ',' << joined(s.deletionSalient)
        << ',' << joined(s.deletionRandom) << '\n';
  AtomicFile file(out);
  file.write(csv.str());
  file.commit();
}

}  // namespace

void addSaliencyCheckCommand(CLI::App& app) {
  struct Args {
    std::string project, methods = "all", images = "test", out, device = "auto";
    std::int64_t run = 0;
    int limit = 0, steps = 10, samples = 0, threads = 0;
    std::uint64_t seed = 1;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "saliency-check",
      "Check each saliency method on a run's images (docs/interpretation.md, \"Sanity and "
      "faithfulness\"): model randomization (maps of the same network with random weights must "
      "differ: Spearman rank correlation) and deletion (removing the most salient pixels first "
      "must lower the called stage's probability faster than random ones). Prints a table per "
      "method and stores the results with the run, where the report and the desktop show them");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  withRange(cmd->add_option("--run", a->run, "Run id whose model is checked"), idRange())
      ->required();
  cmd->add_option("--methods", a->methods,
                  "'all', or methods separated by commas: " + saliencyMethodChoices())
      ->capture_default_str();
  cmd->add_option("--images", a->images,
                  "'test' (the run's test images), 'all', or image ids/paths separated by commas")
      ->capture_default_str();
  withRange(cmd->add_option("--limit", a->limit,
                            "Check only the first N of those images (ascending ids)"),
            NumberRange::wholeNumbers(1, NumberRange::kWholeMax, "all of them"));
  withRange(cmd->add_option("--steps", a->steps,
                            "Deletion curve: remove the embryo's pixels in this many equal steps"),
            NumberRange::wholeNumbers(1, 1000))
      ->capture_default_str();
  asSeed(cmd->add_option("--seed", a->seed,
                         "Seed of the random weights, the random deletion order, SmoothGrad's "
                         "noise and the bootstrap intervals"))
      ->capture_default_str();
  withRange(cmd->add_option("--samples", a->samples,
                            "SmoothGrad noisy copies / integrated-gradients steps (default 32 / "
                            "32)"),
            NumberRange::wholeNumbers(1, 1000, "the method's default"));
  cmd->add_option("--device", a->device, "auto, cpu or cuda")
      ->check(CLI::IsMember({"auto", "cpu", "cuda"}))
      ->capture_default_str();
  withRange(cmd->add_option("--threads", a->threads,
                            "CPU threads libtorch uses (on a cluster: the cores the task was "
                            "given, e.g. $SLURM_CPUS_PER_TASK)"),
            threadRange());
  cmd->add_option("--out", a->out, "Also write the table as CSV (one row per method)");
  cmd->callback([a] {
    const auto methods = namedMethods(a->methods);
    if (!a->out.empty()) checkOutputFile("--out", a->out);
    if (a->threads > 0) configureDevice(a->threads);
    // The results are stored with the run: a project we may not write fails now, not after
    // minutes of work.
    Project project = Project::open(a->project, OpenMode::Existing);
    if (!runstore::run(project, a->run))
      throw Error(project.file().string() + ": there is no run #" + std::to_string(a->run));
    auto ids = namedImages(project, a->run, a->images);
    if (a->limit > 0 && ids.size() > static_cast<std::size_t>(a->limit))
      ids.resize(static_cast<std::size_t>(a->limit));
    SaliencySanityOptions options;
    options.methods = methods;
    options.steps = a->steps;
    options.seed = a->seed;
    options.saliency.samples = a->samples;
    options.saliency.seed = a->seed;
    options.saliency.device = a->device;
    CliProgress progress;
    const auto results =
        checkSaliency(project, a->run, ids, options, progress.fn(), &interruptToken());
    progress.finish();
    storeSaliencySanity(project, a->run, results);
    std::printf("run #%lld, %zu image(s), %d deletion steps (pixels turned white), seed %llu\n",
                static_cast<long long>(a->run), ids.size(), a->steps,
                static_cast<unsigned long long>(a->seed));
    for (const auto& s : results) printResult(s);
    if (!a->out.empty()) {
      writeTable(results, a->out);
      std::printf("wrote %s\n", a->out.c_str());
    }
    std::printf("stored with run #%lld in %s\n", static_cast<long long>(a->run),
                project.file().string().c_str());
  });
}

}  // namespace flystage::cli
