#include "search/SimilarEmbryos.h"

#include <algorithm>
#include <map>
#include <set>

#include "search/EmbryoFeatures.h"
#include "search/SimilarityIndex.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/Error.h"

namespace flystage {

namespace {

// The index, current; `status` says what was done. Kept in memory only for a read-only project.
SimilarityIndex currentIndex(Project& project, std::int64_t run, bool rebuild,
                             const ProgressFn& progress, const CancelToken* cancel,
                             SimilarityIndexStatus& status) {
  const std::string sha = featureModelSha256(project, run);  // refuses a Gabor run first
  const auto all = project.imageIds();
  if (all.empty()) throw Error(project.file().string() + ": the project has no images");
  std::optional<StoredIndex> stored;
  if (!rebuild) stored = loadSimilarityIndex(project, run);
  if (stored && stored->modelSha256 == sha) {
    const std::set<std::int64_t> indexed(stored->index.ids().begin(), stored->index.ids().end());
    std::vector<std::int64_t> missing;
    for (const auto id : all)
      if (!indexed.count(id)) missing.push_back(id);
    if (!missing.empty()) {
      const auto f = embryoFeatures(project, run, missing, progress, cancel);
      if (f.featureSize != stored->index.featureSize())
        throw Error(project.file().string() + ": similarity_index of run #" + std::to_string(run) +
                    ": feature_size " + std::to_string(stored->index.featureSize()) +
                    " is not the model's " + std::to_string(f.featureSize) +
                    "; rebuild it (flystage-cli similar --rebuild)");
      stored->index.add(missing, f.values);
      stored->index.roundAsStored();
      if (!project.readOnly()) saveSimilarityVectors(project, run, stored->index, missing);
      status.added = missing.size();
    }
    return std::move(stored->index);
  }
  const auto f = embryoFeatures(project, run, all, progress, cancel);
  auto index = SimilarityIndex::build(f.ids, f.values, f.featureSize);
  index.roundAsStored();  // the first answer is the one every later answer gives
  if (!project.readOnly()) saveSimilarityIndex(project, run, f.modelSha256, index);
  status.built = true;
  return index;
}

}  // namespace

SimilarityIndexStatus updateSimilarityIndex(Project& project, std::int64_t run, bool rebuild,
                                            const ProgressFn& progress, const CancelToken* cancel) {
  SimilarityIndexStatus status;
  const auto index = currentIndex(project, run, rebuild, progress, cancel, status);
  status.images = index.size();
  status.featureSize = index.featureSize();
  status.dims = index.dims();
  return status;
}

std::vector<SimilarEmbryo> findSimilar(Project& project, std::int64_t run, std::int64_t image,
                                       int k, bool rebuild, const ProgressFn& progress,
                                       const CancelToken* cancel, SimilarityIndexStatus* status) {
  if (k < 1) throw Error("k must be at least 1 (the number of similar embryos)");
  if (!project.image(image))
    throw Error(project.file().string() + ": there is no image #" + std::to_string(image));
  SimilarityIndexStatus s;
  const auto index = currentIndex(project, run, rebuild, progress, cancel, s);
  s.images = index.size();
  s.featureSize = index.featureSize();
  s.dims = index.dims();
  if (status) *status = s;
  const auto neighbours = index.queryImage(image, k);
  std::map<std::int64_t, int> calls;
  {
    std::set<std::int64_t> wanted;
    for (const auto& n : neighbours) wanted.insert(n.imageId);
    for (const auto& p : runstore::predictions(project, run))
      if (wanted.count(p.imageId)) calls[p.imageId] = p.call();
  }
  std::vector<SimilarEmbryo> out;
  out.reserve(neighbours.size());
  for (const auto& n : neighbours) {
    SimilarEmbryo e;
    e.imageId = n.imageId;
    e.similarity = n.similarity;
    if (const auto record = project.image(n.imageId)) {
      e.path = record->path;
      e.gene = record->gene;
    }
    e.label = project.label(n.imageId);
    const auto c = calls.find(n.imageId);
    if (c != calls.end()) e.call = c->second;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace flystage
