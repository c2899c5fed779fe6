#pragma once

// A run's index of embryo features for similar-embryo search: each feature mean-centred,
// projected onto its first principal components (PCA to min(256, D) dims) and L2-normalized,
// so a query is one matrix-vector product and a top-k (cosine of the centred features).
// The interface holds plain vectors (no torch): the GUI, the CLI and the tests include it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flystage {

class Project;

struct Neighbour {
  std::int64_t imageId = 0;
  double similarity = 0;  // cosine in the index's space, -1..1
};

class SimilarityIndex {
 public:
  static constexpr int kMaxDims = 256;

  // Builds the projection from `features` (rows x featureSize, row-major) and adds them with
  // `ids`. D <= maxDims keeps every dimension (a PCA rotation would not change a cosine);
  // above, the principal components come from a randomized range finder (Halko et al. 2011)
  // on at most 8,192 rows chosen with `seed`.
  static SimilarityIndex build(const std::vector<std::int64_t>& ids,
                               const std::vector<float>& features, int featureSize,
                               int maxDims = kMaxDims, std::uint64_t seed = 1);
  // An index made of stored parts (loadSimilarityIndex); sizes are the caller's to check.
  static SimilarityIndex fromParts(int featureSize, int dims, std::vector<float> mean,
                                   std::vector<float> projection);

  // Projects and adds features with the index's projection; an id already there is replaced.
  void add(const std::vector<std::int64_t>& ids, const std::vector<float>& features);
  // Adds already reduced, normalized vectors (stored ones).
  void addReduced(const std::vector<std::int64_t>& ids, const std::vector<float>& vectors);

  // Rounds every vector as storing it does (float16, then unit length again), so an index
  // just built answers exactly as it will once read back.
  void roundAsStored();

  // The k most similar indexed images to a feature (featureSize values), most similar first
  // (ties by smaller id); `exclude` is left out.
  std::vector<Neighbour> query(const std::vector<float>& feature, int k,
                               std::optional<std::int64_t> exclude = std::nullopt) const;
  // The k most similar to an indexed image, the image itself left out. Error when absent.
  std::vector<Neighbour> queryImage(std::int64_t id, int k) const;

  int featureSize() const { return featureSize_; }
  int dims() const { return dims_; }
  std::size_t size() const { return ids_.size(); }
  bool contains(std::int64_t id) const;
  const std::vector<std::int64_t>& ids() const { return ids_; }
  const std::vector<float>& mean() const { return mean_; }              // featureSize
  const std::vector<float>& projection() const { return projection_; }  // featureSize x dims
  const std::vector<float>& vectors() const { return vectors_; }        // size x dims
  std::size_t bytes() const;                                            // memory held

 private:
  std::vector<float> reduce(const std::vector<float>& features, std::size_t rows) const;
  std::vector<Neighbour> search(const float* q, int k, std::optional<std::int64_t> exclude) const;

  int featureSize_ = 0;
  int dims_ = 0;
  std::vector<float> mean_, projection_;  // empty projection: identity (dims == featureSize)
  std::vector<std::int64_t> ids_;
  std::vector<float> vectors_;
};

// Stored per run (schema 5: similarity_index, similarity_vectors; vectors as float16).
struct StoredIndex {
  SimilarityIndex index;
  std::string modelSha256;  // of the model the features came from
};
// nullopt when the run has no index. Every size is checked against feature_size and dims and
// every value must be finite: a damaged or hostile project gets flystage::Error naming the
// table and the run, never a crash.
std::optional<StoredIndex> loadSimilarityIndex(Project& project, std::int64_t run);
// Replaces the run's index and all its vectors (one transaction).
void saveSimilarityIndex(Project& project, std::int64_t run, const std::string& modelSha256,
                         const SimilarityIndex& index);
// Stores the vectors of `ids` (already in the index) beside the stored index (one transaction).
void saveSimilarityVectors(Project& project, std::int64_t run, const SimilarityIndex& index,
                           const std::vector<std::int64_t>& ids);

}  // namespace flystage
