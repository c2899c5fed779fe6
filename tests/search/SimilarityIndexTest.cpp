// Issue 18 finding 6: the similar-embryo index. Cosine order on hand-made vectors, the PCA
// keeping neighbours, the stored index (float16 vectors) read back, rebuilt when the run's
// model changes, extended with images imported after it, and a hostile stored index refused.
#include <QtTest>

#include <cmath>
#include <random>

#include <SQLiteCpp/SQLiteCpp.h>

#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "search/EmbryoFeatures.h"
#include "search/SimilarEmbryos.h"
#include "search/SimilarityIndex.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "train/Trainer.h"
#include "util/Error.h"

using namespace flystage;
using test::errorOf;

namespace {

double cosine(const std::vector<double>& a, const std::vector<double>& b) {
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return ab / std::sqrt(aa * bb);
}

// Exact cosine top-k of row `q` among `rows` (mean-centred, full dimension), q left out.
std::vector<std::int64_t> exactTop(const std::vector<float>& x, std::size_t rows, int d,
                                   std::size_t q, int k) {
  std::vector<double> mean(static_cast<std::size_t>(d), 0.0);
  for (std::size_t r = 0; r < rows; ++r)
    for (int j = 0; j < d; ++j) mean[static_cast<std::size_t>(j)] += x[r * d + j] / double(rows);
  const auto row = [&](std::size_t r) {
    std::vector<double> v(static_cast<std::size_t>(d));
    for (int j = 0; j < d; ++j)
      v[static_cast<std::size_t>(j)] = x[r * d + j] - mean[static_cast<std::size_t>(j)];
    return v;
  };
  const auto qv = row(q);
  std::vector<std::pair<double, std::int64_t>> s;
  for (std::size_t r = 0; r < rows; ++r)
    if (r != q) s.push_back({-cosine(qv, row(r)), static_cast<std::int64_t>(r)});
  std::sort(s.begin(), s.end());
  std::vector<std::int64_t> out;
  for (int i = 0; i < k; ++i) out.push_back(s[static_cast<std::size_t>(i)].second);
  return out;
}

bool near(const std::vector<float>& a, const std::vector<float>& b, float tolerance) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::abs(a[i] - b[i]) > tolerance) return false;
  return true;
}

std::vector<std::int64_t> idsOf(const std::vector<Neighbour>& n) {
  std::vector<std::int64_t> out;
  for (const auto& x : n) out.push_back(x.imageId);
  return out;
}

}  // namespace

class SimilarityIndexTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path file_;
  std::int64_t run_ = 0, other_ = 0, gabor_ = 0;

 private Q_SLOTS:
  void initTestCase() {
    file_ = test::makeSyntheticProject(dir_, 9, 0.002, 3, "s.flystage");
    Project p = Project::open(file_);
    TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
    c.plainEpochs = 1;
    c.device = "cpu";
    run_ = train(p, c, {});
    c.seed = 77;  // another model, for the rebuild
    other_ = train(p, c, {});
    gabor_ = train(p, TrainConfig::forPreset(Method::Gabor, "tiny"), {});
  }

  void findsTheNearestByCosine() {
    // Mean zero, so the centred cosine is the plain one: b 8/(3 sqrt 10), c 0,
    // d -2/(sqrt 10 sqrt 8), e -16/(sqrt 10 sqrt 41).
    const std::vector<float> x = {3, 1, 0, 2, 2, 1, -1, 3, 0, 0, -2, 2, -4, -4, -3};
    const auto index = SimilarityIndex::build({11, 12, 13, 14, 15}, x, 3);
    QCOMPARE(index.dims(), 3);
    const auto n = index.queryImage(11, 4);
    QCOMPARE(idsOf(n), (std::vector<std::int64_t>{12, 13, 14, 15}));
    const double expected[] = {8 / (3 * std::sqrt(10.0)), 0,
                               -2 / (std::sqrt(10.0) * std::sqrt(8.0)),
                               -16 / (std::sqrt(10.0) * std::sqrt(41.0))};
    for (int i = 0; i < 4; ++i)
      QVERIFY2(std::abs(n[static_cast<std::size_t>(i)].similarity - expected[i]) < 1e-6,
               qPrintable(QString::number(n[static_cast<std::size_t>(i)].similarity)));
    // A feature query: the image itself first, at 1; k larger than the index: all of it.
    const auto f = index.query({3, 1, 0}, 2);
    QCOMPARE(idsOf(f), (std::vector<std::int64_t>{11, 12}));
    QVERIFY(std::abs(f[0].similarity - 1) < 1e-6);
    QCOMPARE(index.queryImage(15, 10).size(), std::size_t(4));
    QCOMPARE(errorOf([&] { index.queryImage(99, 3); }),
             std::string("image #99 is not in the similarity index"));
  }

  void pcaKeepsNeighbours() {
    // 1,000 features of 640 values in 20 clusters on a 48-dim manifold plus a little noise
    // (a network's features: a decaying spectrum): the 256-dim index finds the exact top 5.
    const int d = 640, latent = 48, clusters = 20, rows = 1000;
    std::mt19937_64 rng(5);
    std::normal_distribution<float> normal;
    std::vector<float> mix(static_cast<std::size_t>(latent * d)),
        centres(static_cast<std::size_t>(clusters * latent));
    for (auto& v : mix) v = normal(rng);
    for (auto& v : centres) v = 3 * normal(rng);
    std::vector<float> x(static_cast<std::size_t>(rows * d));
    std::vector<std::int64_t> ids;
    for (int r = 0; r < rows; ++r) {
      ids.push_back(r);
      std::vector<float> z(static_cast<std::size_t>(latent));
      for (int l = 0; l < latent; ++l)
        z[static_cast<std::size_t>(l)] =
            centres[static_cast<std::size_t>((r % clusters) * latent + l)] + normal(rng);
      for (int j = 0; j < d; ++j) {
        float v = 0.01f * normal(rng);
        for (int l = 0; l < latent; ++l)
          v += z[static_cast<std::size_t>(l)] * mix[static_cast<std::size_t>(l * d + j)];
        x[static_cast<std::size_t>(r * d + j)] = v;
      }
    }
    const auto index = SimilarityIndex::build(ids, x, d);
    QCOMPARE(index.dims(), 256);
    QCOMPARE(index.projection().size(), std::size_t(640 * 256));
    for (std::size_t q = 0; q < 1000; q += 50)
      QCOMPARE(idsOf(index.queryImage(static_cast<std::int64_t>(q), 5)),
               exactTop(x, rows, d, q, 5));
  }

  void storedIndexRoundTripsAndRebuildsWhenTheModelChanges() {
    Project p = Project::open(file_);
    QVERIFY(!loadSimilarityIndex(p, run_));
    const auto built = updateSimilarityIndex(p, run_);
    QVERIFY(built.built);
    QCOMPARE(built.images, p.imageIds().size());
    QCOMPARE(built.featureSize, 640);  // tiny preset
    const auto f = embryoFeatures(p, run_, p.imageIds());
    const auto memory = SimilarityIndex::build(f.ids, f.values, f.featureSize);
    const auto stored = loadSimilarityIndex(p, run_);
    QVERIFY(stored);
    QCOMPARE(stored->modelSha256, runstore::model(p, run_, "final")->sha256);
    QCOMPARE(stored->index.ids(), memory.ids());
    QCOMPARE(stored->index.dims(), memory.dims());
    QVERIFY(near(stored->index.mean(), memory.mean(), 1e-5f));
    QVERIFY(near(stored->index.projection(), memory.projection(), 1e-4f));
    for (std::size_t i = 0; i < memory.vectors().size(); ++i)  // float16: 3 decimal digits
      QVERIFY(std::abs(stored->index.vectors()[i] - memory.vectors()[i]) < 2e-3);
    const auto query = p.imageIds()[3];
    const auto a = stored->index.queryImage(query, 5), b = memory.queryImage(query, 5);
    for (std::size_t i = 0; i < 5; ++i) QVERIFY(std::abs(a[i].similarity - b[i].similarity) < 4e-3);
    // Current: nothing done. Then the run's model is replaced: the index is rebuilt.
    const auto again = updateSimilarityIndex(p, run_);
    QVERIFY(!again.built);
    QCOMPARE(again.added, std::size_t(0));
    auto model = *runstore::model(p, other_, "final");
    runstore::saveModel(p, run_, model);
    const auto rebuilt = updateSimilarityIndex(p, run_);
    QVERIFY(rebuilt.built);
    const auto fresh = loadSimilarityIndex(p, run_);
    QCOMPARE(fresh->modelSha256, model.sha256);
    QVERIFY(fresh->index.mean() != memory.mean());
    QVERIFY(near(fresh->index.mean(),
                 SimilarityIndex::build(f.ids, embryoFeatures(p, other_, f.ids).values, 640).mean(),
                 1e-5f));
  }

  void newImagesAreAdded() {
    Project p = Project::open(file_);
    updateSimilarityIndex(p, other_);
    const auto before = *loadSimilarityIndex(p, other_);
    const auto old = p.imageIds();
    QVERIFY(runImport(p, parseLabelsCsv(test::samplesDir() / "labels.csv"), {}).committed);
    std::vector<std::int64_t> added;
    for (const auto id : p.imageIds())
      if (std::find(old.begin(), old.end(), id) == old.end()) added.push_back(id);
    QVERIFY(added.size() >= 10);  // the BDGP samples not already there
    const auto status = updateSimilarityIndex(p, other_);
    QVERIFY(!status.built);
    QCOMPARE(status.added, added.size());
    const auto after = *loadSimilarityIndex(p, other_);
    QCOMPARE(after.index.ids(), p.imageIds());
    QCOMPARE(after.index.projection(), before.index.projection());  // the stored projection
    QCOMPARE(after.index.mean(), before.index.mean());
    // The new images' vectors are their features through that projection.
    auto expected = before.index;
    expected.add(added, embryoFeatures(p, other_, added).values);
    for (const auto id : added) {
      const auto e = expected.queryImage(id, 3), s = after.index.queryImage(id, 3);
      QCOMPARE(idsOf(s), idsOf(e));
    }
    // And the search finds them: their stage and gene come with each row.
    const auto rows = findSimilar(p, other_, added[0], 5);
    QCOMPARE(rows.size(), std::size_t(5));
    for (const auto& r : rows) {
      QVERIFY(r.imageId != added[0]);
      QCOMPARE(r.gene, p.image(r.imageId)->gene);
      QVERIFY(r.label == p.label(r.imageId));
    }
  }

  void aGaborRunIsRefused() {
    Project p = Project::open(file_);
    QCOMPARE(errorOf([&] { findSimilar(p, gabor_, p.imageIds()[0], 5); }),
             "run #" + std::to_string(gabor_) +
                 " is a Gabor baseline: it has no learned feature; choose a network run");
  }

  void aHostileStoredIndexIsRefused() {
    Project p = Project::open(file_);
    updateSimilarityIndex(p, run_);
    const std::string where =
        file_.string() + ": similarity_index of run #" + std::to_string(run_) + ": ";
    const std::string fix = "; rebuild it (flystage-cli similar --rebuild)";
    const auto refused = [&](const std::string& sql) {
      SQLite::Transaction tx(p.db());
      p.db().exec(sql);
      const auto e = errorOf([&] { loadSimilarityIndex(p, run_); });
      const auto e2 = errorOf([&] { findSimilar(p, run_, p.imageIds()[0], 3); });
      // rolled back: the good index is there again
      return std::make_pair(e, e2);
    };
    const auto run = std::to_string(run_);
    const auto d = std::to_string(loadSimilarityIndex(p, run_)->index.dims());
    auto [dims, dims2] = refused("UPDATE similarity_index SET dims = 100000 WHERE run_id = " + run);
    QCOMPARE(dims, where + "dims 100000 is not 1..256" + fix);
    QCOMPARE(dims2, dims);
    auto [mean, mean2] = refused("UPDATE similarity_index SET mean = x'00' WHERE run_id = " + run);
    QCOMPARE(mean, where +
                       "mean is 1 bytes, not 2560 (640 float32 values for feature_size 640, "
                       "dims " +
                       d + ")" + fix);
    QCOMPARE(mean2, mean);
    auto [size, size2] =
        refused("UPDATE similarity_index SET feature_size = 2000000000 WHERE run_id = " + run);
    QCOMPARE(size, where + "feature_size 2000000000 is not 1..1048576" + fix);
    QCOMPARE(size2, size);
    auto [vec, vec2] = refused(
        "UPDATE similarity_vectors SET vector = x'0000' WHERE image_id = (SELECT MIN(image_id) "
        "FROM similarity_vectors WHERE run_id = " +
        run + ") AND run_id = " + run);
    QCOMPARE(vec, file_.string() + ": similarity_vectors of run #" + run + ", image #" +
                      std::to_string(p.imageIds()[0]) + ": the vector is 2 bytes, not " +
                      std::to_string(2 * std::stoi(d)) + " (dims " + d + " float16 values)" + fix);
    QCOMPARE(vec2, vec);
    std::string nanHex;  // float16 NaN is 0x7E00, stored little-endian
    for (int i = 0; i < std::stoi(d); ++i) nanHex += "007E";
    auto [nan, nan2] =
        refused("UPDATE similarity_vectors SET vector = x'" + nanHex + "' WHERE run_id = " + run);
    QCOMPARE(nan, file_.string() + ": similarity_vectors of run #" + run +
                      ": a vector holds a value that is not finite" + fix);
    QCOMPARE(nan2, nan);
    QVERIFY(loadSimilarityIndex(p, run_));  // untouched after all that
  }
};

QTEST_GUILESS_MAIN(SimilarityIndexTest)
#include "SimilarityIndexTest.moc"
