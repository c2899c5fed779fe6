#include "search/SimilarityIndex.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <random>
#include <unordered_map>

#include <SQLiteCpp/SQLiteCpp.h>
#include <torch/torch.h>

#include "store/Project.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"

namespace flystage {

namespace {

// A read-only view of floats as a tensor (no copy); callers never write through it.
torch::Tensor view(const std::vector<float>& v, std::int64_t rows, std::int64_t cols) {
  return torch::from_blob(const_cast<float*>(v.data()), {rows, cols}, torch::kFloat32);
}

std::vector<float> toVector(const torch::Tensor& t) {
  const auto c = t.to(torch::kFloat32).contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

// Orthonormal columns spanning `y`'s columns.
torch::Tensor orthonormal(const torch::Tensor& y) {
  return std::get<0>(torch::linalg::qr(y, "reduced"));
}

// The top `dims` right singular vectors (D x dims) of the centred rows `x` (m x D).
torch::Tensor principalAxes(const torch::Tensor& x, int dims, std::uint64_t seed) {
  const auto m = x.size(0), d = x.size(1);
  const std::int64_t sketch = std::min<std::int64_t>(dims + 16, std::min(m, d));
  if (sketch < dims + 16) {  // few rows: the exact SVD is cheap
    const auto vh = std::get<2>(torch::linalg::svd(x, false, c10::nullopt));
    return vh.narrow(0, 0, std::min<std::int64_t>(dims, vh.size(0))).t().contiguous();
  }
  // Randomized range finder with two power iterations, re-orthonormalized each pass.
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> normal;
  std::vector<float> omega(static_cast<std::size_t>(d * sketch));
  for (auto& v : omega) v = normal(rng);
  auto q = orthonormal(torch::mm(x, view(omega, d, sketch)));
  for (int i = 0; i < 2; ++i) q = orthonormal(torch::mm(x, orthonormal(torch::mm(x.t(), q))));
  const auto vh = std::get<2>(torch::linalg::svd(torch::mm(q.t(), x), false, c10::nullopt));
  return vh.narrow(0, 0, dims).t().contiguous();
}

}  // namespace

SimilarityIndex SimilarityIndex::build(const std::vector<std::int64_t>& ids,
                                       const std::vector<float>& features, int featureSize,
                                       int maxDims, std::uint64_t seed) {
  if (featureSize <= 0 || maxDims <= 0) throw Error("similarity index: no feature to index");
  const auto rows = static_cast<std::int64_t>(ids.size());
  if (features.size() != ids.size() * static_cast<std::size_t>(featureSize))
    throw Error("similarity index: " + std::to_string(features.size()) + " feature values for " +
                std::to_string(ids.size()) + " image(s) of " + std::to_string(featureSize));
  if (rows == 0) throw Error("similarity index: no image to index");
  torch::NoGradGuard guard;
  SimilarityIndex index;
  index.featureSize_ = featureSize;
  const auto x = view(features, rows, featureSize);
  const auto mean = x.mean(0);
  index.mean_ = toVector(mean);
  if (featureSize <= maxDims) {
    index.dims_ = featureSize;  // identity: a rotation keeps every cosine
  } else {
    // PCA fitted on at most 8,192 rows: the axes of 40,000 rows differ little, at a fifth of
    // the time.
    std::vector<std::int64_t> rowsUsed(static_cast<std::size_t>(rows));
    std::iota(rowsUsed.begin(), rowsUsed.end(), 0);
    const std::size_t sample = 8192;
    if (rowsUsed.size() > sample) {
      std::mt19937_64 rng(seed);
      std::shuffle(rowsUsed.begin(), rowsUsed.end(), rng);
      rowsUsed.resize(sample);
      std::sort(rowsUsed.begin(), rowsUsed.end());
    }
    const auto pick = torch::tensor(rowsUsed, torch::kInt64);
    const auto centred = x.index_select(0, pick) - mean;
    const auto axes = principalAxes(centred, maxDims, seed);
    index.dims_ = static_cast<int>(axes.size(1));
    index.projection_ = toVector(axes);
  }
  index.add(ids, features);
  return index;
}

SimilarityIndex SimilarityIndex::fromParts(int featureSize, int dims, std::vector<float> mean,
                                           std::vector<float> projection) {
  SimilarityIndex index;
  index.featureSize_ = featureSize;
  index.dims_ = dims;
  index.mean_ = std::move(mean);
  index.projection_ = std::move(projection);
  return index;
}

std::vector<float> SimilarityIndex::reduce(const std::vector<float>& features,
                                           std::size_t rows) const {
  torch::NoGradGuard guard;
  auto y =
      view(features, static_cast<std::int64_t>(rows), featureSize_) - view(mean_, 1, featureSize_);
  if (!projection_.empty()) y = torch::mm(y, view(projection_, featureSize_, dims_));
  // A feature equal to the mean has no direction: it stays 0 and matches nothing.
  y = y / y.norm(2, 1, true).clamp_min(1e-12);
  return toVector(y);
}

void SimilarityIndex::add(const std::vector<std::int64_t>& ids,
                          const std::vector<float>& features) {
  if (features.size() != ids.size() * static_cast<std::size_t>(featureSize_))
    throw Error("similarity index: features of " +
                std::to_string(features.size() / std::max(1, featureSize_)) +
                " image(s) given for " + std::to_string(ids.size()) + " id(s)");
  if (ids.empty()) return;
  addReduced(ids, reduce(features, ids.size()));
}

void SimilarityIndex::addReduced(const std::vector<std::int64_t>& ids,
                                 const std::vector<float>& vectors) {
  const auto d = static_cast<std::size_t>(dims_);
  std::unordered_map<std::int64_t, std::size_t> row;
  for (std::size_t i = 0; i < ids_.size(); ++i) row[ids_[i]] = i;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto it = row.find(ids[i]);
    if (it != row.end()) {
      std::copy_n(vectors.begin() + static_cast<long>(i * d), d,
                  vectors_.begin() + static_cast<long>(it->second * d));
    } else {
      row[ids[i]] = ids_.size();
      ids_.push_back(ids[i]);
      vectors_.insert(vectors_.end(), vectors.begin() + static_cast<long>(i * d),
                      vectors.begin() + static_cast<long>((i + 1) * d));
    }
  }
}

void SimilarityIndex::roundAsStored() {
  if (ids_.empty()) return;
  torch::NoGradGuard guard;
  auto t = view(vectors_, static_cast<std::int64_t>(ids_.size()), dims_)
               .to(torch::kHalf)
               .to(torch::kFloat32);
  vectors_ = toVector(t / t.norm(2, 1, true).clamp_min(1e-12));
}

bool SimilarityIndex::contains(std::int64_t id) const {
  return std::find(ids_.begin(), ids_.end(), id) != ids_.end();
}

std::size_t SimilarityIndex::bytes() const {
  return (mean_.size() + projection_.size() + vectors_.size()) * sizeof(float) +
         ids_.size() * sizeof(std::int64_t);
}

std::vector<Neighbour> SimilarityIndex::search(const float* q, int k,
                                               std::optional<std::int64_t> exclude) const {
  if (ids_.empty() || k <= 0) return {};
  torch::NoGradGuard guard;
  const auto n = static_cast<std::int64_t>(ids_.size());
  const auto qv = torch::from_blob(const_cast<float*>(q), {dims_}, torch::kFloat32);
  const auto scores = torch::mv(view(vectors_, n, dims_), qv);
  const auto take = std::min<std::int64_t>(n, k + (exclude ? 1 : 0));
  const auto top = scores.topk(take);
  const auto values = std::get<0>(top).contiguous();
  const auto rows = std::get<1>(top).contiguous();
  std::vector<Neighbour> out;
  for (std::int64_t i = 0; i < take; ++i) {
    const auto id = ids_[static_cast<std::size_t>(rows.data_ptr<std::int64_t>()[i])];
    if (exclude && id == *exclude) continue;
    out.push_back({id, values.data_ptr<float>()[i]});
  }
  std::stable_sort(out.begin(), out.end(), [](const Neighbour& a, const Neighbour& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.imageId < b.imageId;
  });
  if (out.size() > static_cast<std::size_t>(k)) out.resize(static_cast<std::size_t>(k));
  return out;
}

std::vector<Neighbour> SimilarityIndex::query(const std::vector<float>& feature, int k,
                                              std::optional<std::int64_t> exclude) const {
  if (feature.size() != static_cast<std::size_t>(featureSize_))
    throw Error("similarity index: a query of " + std::to_string(feature.size()) +
                " values for features of " + std::to_string(featureSize_));
  const auto q = reduce(feature, 1);
  return search(q.data(), k, exclude);
}

std::vector<Neighbour> SimilarityIndex::queryImage(std::int64_t id, int k) const {
  const auto it = std::find(ids_.begin(), ids_.end(), id);
  if (it == ids_.end())
    throw Error("image #" + std::to_string(id) + " is not in the similarity index");
  const auto row = static_cast<std::size_t>(it - ids_.begin());
  return search(vectors_.data() + row * static_cast<std::size_t>(dims_), k, id);
}

// --- stored per run ------------------------------------------------------------------------

namespace {

std::string floatBlob(const std::vector<float>& v) {
  std::string b(v.size() * sizeof(float), '\0');
  if (!v.empty()) std::memcpy(b.data(), v.data(), b.size());
  return b;
}

std::string halfBlob(const float* v, int n) {
  const auto h = torch::from_blob(const_cast<float*>(v), {n}, torch::kFloat32).to(torch::kHalf);
  return std::string(static_cast<const char*>(h.data_ptr()), static_cast<std::size_t>(n) * 2);
}

void insertVectors(Project& project, std::int64_t run, const SimilarityIndex& index,
                   const std::vector<std::int64_t>& ids) {
  SQLite::Statement q(project.db(),
                      "INSERT OR REPLACE INTO similarity_vectors(run_id, image_id, vector) "
                      "VALUES(?, ?, ?)");
  std::unordered_map<std::int64_t, std::size_t> row;
  for (std::size_t i = 0; i < index.ids().size(); ++i) row[index.ids()[i]] = i;
  for (const auto id : ids) {
    const auto it = row.find(id);
    if (it == row.end()) throw Error("image #" + std::to_string(id) + " is not in the index");
    const auto blob = halfBlob(
        index.vectors().data() + it->second * static_cast<std::size_t>(index.dims()), index.dims());
    q.bind(1, static_cast<std::int64_t>(run));
    q.bind(2, static_cast<std::int64_t>(id));
    q.bind(3, blob.data(), static_cast<int>(blob.size()));
    q.exec();
    q.reset();
  }
}

}  // namespace

std::optional<StoredIndex> loadSimilarityIndex(Project& project, std::int64_t run) {
  const std::string where =
      project.file().string() + ": similarity_index of run #" + std::to_string(run);
  const std::string fix = "; rebuild it (flystage-cli similar --rebuild)";
  SQLite::Statement q(project.db(),
                      "SELECT model_sha256, feature_size, dims, mean, projection "
                      "FROM similarity_index WHERE run_id = ?");
  q.bind(1, static_cast<std::int64_t>(run));
  if (!q.executeStep()) return std::nullopt;
  const std::string sha = q.getColumn(0).getString();
  const auto featureSize = q.getColumn(1).getInt64();
  const auto dims = q.getColumn(2).getInt64();
  // 1 << 20 features is far beyond any preset (paper: 20,480); it bounds what is allocated.
  if (featureSize < 1 || featureSize > (1 << 20))
    throw Error(where + ": feature_size " + std::to_string(featureSize) + " is not 1..1048576" +
                fix);
  const auto maxDims = std::min<std::int64_t>(featureSize, SimilarityIndex::kMaxDims);
  if (dims < 1 || dims > maxDims)
    throw Error(where + ": dims " + std::to_string(dims) + " is not 1.." + std::to_string(maxDims) +
                fix);
  const auto readFloats = [&](int column, const char* name, std::size_t expected) {
    const auto col = q.getColumn(column);
    const auto bytes = static_cast<std::size_t>(col.getBytes());
    if (bytes != expected * sizeof(float))
      throw Error(where + ": " + name + " is " + std::to_string(bytes) + " bytes, not " +
                  std::to_string(expected * sizeof(float)) + " (" + std::to_string(expected) +
                  " float32 values for feature_size " + std::to_string(featureSize) + ", dims " +
                  std::to_string(dims) + ")" + fix);
    std::vector<float> v(expected);
    if (bytes) std::memcpy(v.data(), col.getBlob(), bytes);
    for (float x : v)
      if (!std::isfinite(x))
        throw Error(where + ": " + name + " holds a value that is not finite" + fix);
    return v;
  };
  const auto fs = static_cast<std::size_t>(featureSize), d = static_cast<std::size_t>(dims);
  auto mean = readFloats(3, "mean", fs);
  // dims == feature_size: the identity, stored as an empty projection.
  const bool identity = dims == featureSize && q.getColumn(4).getBytes() == 0;
  auto projection = identity ? std::vector<float>{} : readFloats(4, "projection", fs * d);
  StoredIndex stored{
      SimilarityIndex::fromParts(static_cast<int>(featureSize), static_cast<int>(dims),
                                 std::move(mean), std::move(projection)),
      sha};
  SQLite::Statement v(project.db(),
                      "SELECT image_id, vector FROM similarity_vectors WHERE run_id = ? "
                      "ORDER BY image_id");
  v.bind(1, static_cast<std::int64_t>(run));
  std::vector<std::int64_t> ids;
  std::vector<std::uint16_t> half;
  while (v.executeStep()) {
    const auto id = v.getColumn(0).getInt64();
    const auto col = v.getColumn(1);
    if (static_cast<std::size_t>(col.getBytes()) != d * 2)
      throw Error(project.file().string() + ": similarity_vectors of run #" + std::to_string(run) +
                  ", image #" + std::to_string(id) + ": the vector is " +
                  std::to_string(col.getBytes()) + " bytes, not " + std::to_string(d * 2) +
                  " (dims " + std::to_string(dims) + " float16 values)" + fix);
    ids.push_back(id);
    const auto* p = static_cast<const std::uint16_t*>(col.getBlob());
    half.insert(half.end(), p, p + d);
  }
  if (!ids.empty()) {
    torch::NoGradGuard guard;
    auto t =
        torch::from_blob(half.data(), {static_cast<std::int64_t>(ids.size()), dims}, torch::kHalf)
            .to(torch::kFloat32);
    if (!torch::isfinite(t).all().item<bool>())
      throw Error(project.file().string() + ": similarity_vectors of run #" + std::to_string(run) +
                  ": a vector holds a value that is not finite" + fix);
    t = t / t.norm(2, 1, true).clamp_min(1e-12);  // float16 rounding: unit length again
    stored.index.addReduced(ids, toVector(t));
  }
  return stored;
}

void saveSimilarityIndex(Project& project, std::int64_t run, const std::string& modelSha256,
                         const SimilarityIndex& index) {
  WriteTransaction tx(project.db());
  SQLite::Statement del(project.db(), "DELETE FROM similarity_index WHERE run_id = ?");
  del.bind(1, static_cast<std::int64_t>(run));
  del.exec();  // its vectors go with it (ON DELETE CASCADE)
  SQLite::Statement clear(project.db(), "DELETE FROM similarity_vectors WHERE run_id = ?");
  clear.bind(1, static_cast<std::int64_t>(run));
  clear.exec();
  SQLite::Statement q(project.db(),
                      "INSERT INTO similarity_index(run_id, model_sha256, feature_size, dims, "
                      "mean, projection) VALUES(?, ?, ?, ?, ?, ?)");
  const auto mean = floatBlob(index.mean());
  const auto projection = floatBlob(index.projection());
  q.bind(1, static_cast<std::int64_t>(run));
  q.bind(2, modelSha256);
  q.bind(3, index.featureSize());
  q.bind(4, index.dims());
  q.bind(5, mean.data(), static_cast<int>(mean.size()));
  q.bind(6, projection.data(), static_cast<int>(projection.size()));
  q.exec();
  insertVectors(project, run, index, index.ids());
  tx.commit();
}

void saveSimilarityVectors(Project& project, std::int64_t run, const SimilarityIndex& index,
                           const std::vector<std::int64_t>& ids) {
  WriteTransaction tx(project.db());
  insertVectors(project, run, index, ids);
  tx.commit();
}

}  // namespace flystage
