#include <cstdio>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliProgress.h"
#include "Commands.h"
#include "NumberOption.h"
#include "OutputCheck.h"
#include "search/SimilarEmbryos.h"
#include "store/ImageLookup.h"
#include "store/Project.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace flystage::cli {

namespace {

nlohmann::json labelJson(const Label& label) {
  nlohmann::json j;
  j["label"] = label.text();
  j["stage"] = label.stage ? nlohmann::json(*label.stage) : nlohmann::json(nullptr);
  j["range"] = label.range ? nlohmann::json(label.range->name()) : nlohmann::json(nullptr);
  return j;
}

void writeJson(const std::string& file, const nlohmann::json& j) {
  AtomicFile part(file);  // a failed write leaves neither half a file nor the .part
  {
    std::ofstream out(part.tmp());
    if (!out) throw Error(file + ": cannot write (check the folder and permissions)");
    out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    if (!out.flush()) throw Error(file + ": write failed (disk full?)");
  }
  part.commit();
}

}  // namespace

void addSimilarCommand(CLI::App& app) {
  struct Args {
    std::string project, image, json;
    std::int64_t run = 0;
    int k = 20;
    bool rebuild = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "similar",
      "List the k embryos most like one image by a network run's learned feature (cosine in "
      "the run's index: features mean-centred, PCA to at most 256 dims), with their stage "
      "labels, genes and the run's stored call. The index is built on first use and kept in "
      "the project; images imported later are added, and a run whose model changed is "
      "re-indexed");
  cmd->add_option("project", a->project, "Project file (.flystage)")->required();
  withRange(cmd->add_option("--run", a->run, "Run id (a network run, not Gabor)"), idRange())
      ->required();
  cmd->add_option("--image", a->image, "Image id, or the path it was imported from")->required();
  withRange(cmd->add_option("--k", a->k, "How many similar embryos (default 20)"),
            NumberRange::wholeNumbers(1, 10000));
  cmd->add_flag("--rebuild", a->rebuild, "Build the run's index afresh");
  cmd->add_option("--json", a->json, "Also write the list as JSON to this file");
  cmd->callback([a] {
    if (!a->json.empty()) checkOutputFile("--json", a->json);
    std::unique_ptr<Project> project;
    try {
      project = std::make_unique<Project>(Project::open(a->project, OpenMode::Existing));
    } catch (const ProjectNotWritable&) {  // still searchable; the index is not kept
      project = std::make_unique<Project>(Project::open(a->project, OpenMode::ReadOnly));
      std::fprintf(stderr, "%s is read-only: the index is built in memory and not kept\n",
                   a->project.c_str());
    }
    std::int64_t image = 0;
    try {
      image = resolveImage(*project, a->image);
    } catch (const Error& e) {
      throw Error(std::string("--image: ") + e.what());
    }
    CliProgress progress;
    SimilarityIndexStatus status;
    const auto rows = findSimilar(*project, a->run, image, a->k, a->rebuild, progress.fn(),
                                  &interruptToken(), &status);
    progress.finish();
    if (status.built)
      std::fprintf(stderr, "indexed %zu image(s) of run #%lld (feature %d -> %d dims)\n",
                   status.images, static_cast<long long>(a->run), status.featureSize, status.dims);
    else if (status.added)
      std::fprintf(stderr, "added %zu new image(s) to the index of run #%lld\n", status.added,
                   static_cast<long long>(a->run));
    const auto query = project->image(image);
    std::printf("%zu most similar to image #%lld (%s) by run #%lld, of %zu indexed\n", rows.size(),
                static_cast<long long>(image), query->path.c_str(), static_cast<long long>(a->run),
                status.images);
    std::printf("%4s  %7s  %10s  %-12s  %-18s  %4s  %s\n", "rank", "image", "similarity",
                "stage label", "gene", "call", "path");
    nlohmann::json list = nlohmann::json::array();
    int rank = 0;
    for (const auto& r : rows) {
      ++rank;
      const std::string call = r.call ? std::to_string(*r.call) : "-";
      std::printf("%4d  %7lld  %10.4f  %-12s  %-18s  %4s  %s\n", rank,
                  static_cast<long long>(r.imageId), r.similarity, r.label.text().c_str(),
                  r.gene.empty() ? "-" : r.gene.c_str(), call.c_str(), r.path.c_str());
      auto j = labelJson(r.label);
      j["rank"] = rank;
      j["image_id"] = r.imageId;
      j["path"] = r.path;
      j["similarity"] = r.similarity;
      j["gene"] = r.gene;
      j["call"] = r.call ? nlohmann::json(*r.call) : nlohmann::json(nullptr);
      list.push_back(j);
    }
    if (!a->json.empty()) {
      nlohmann::json j;
      j["run"] = a->run;
      j["image_id"] = image;
      j["path"] = query->path;
      j["k"] = a->k;
      j["indexed_images"] = status.images;
      j["feature_size"] = status.featureSize;
      j["dims"] = status.dims;
      j["similar"] = list;
      writeJson(a->json, j);
    }
  });
}

}  // namespace flystage::cli
