#include <QtTest>

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <SQLiteCpp/SQLiteCpp.h>

#include <unistd.h>

#include <cmath>
#include <string>

#include "interpret/SaliencyMethods.h"
#include "interpret/SaliencySanity.h"
#include "interpret/SaliencySanityMethods.h"
#include "model/ModelFile.h"
#include "model/ResNet.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "train/Trainer.h"
#include "util/Error.h"

using namespace flystage;

namespace {

// A "model" whose answer depends only on known pixels: the logit of class 0 grows with the
// darkness (1 - red) of the pixels in `keys`; class 1 is always 0. Turning a key pixel white
// lowers p(class 0); no other pixel matters.
struct KeyPixelModel {
  std::vector<std::int64_t> keys;  // flat y * W + x
  double weight = 4, offset = 0;
  torch::Tensor operator()(const torch::Tensor& x) const {
    const auto red = x.select(1, 0).flatten(1);  // B x H*W
    const auto dark = 1 - red.index_select(1, torch::tensor(keys, torch::kLong));
    const auto logit0 = weight * dark.sum(1) - offset;
    return torch::stack({logit0, torch::zeros_like(logit0)}, 1);
  }
};

std::vector<std::int64_t> allPixels(long n) {
  std::vector<std::int64_t> v(static_cast<std::size_t>(n));
  for (long i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = i;
  return v;
}

SaliencySanity sampleResult(SaliencyMethod m, double rank, bool failDeletion) {
  SaliencySanity s;
  s.method = m;
  s.images = 7;
  s.steps = 2;
  s.samples = 25;
  s.seed = 3;
  s.randomizationRank = rank;
  s.randomizationRankLow = rank - 0.1;
  s.randomizationRankHigh = rank + 0.1;
  s.fractions = {0, 0.5, 1};
  s.deletionSalient = {0.9, 0.2 + (failDeletion ? 0.6 : 0), 0.05};
  s.deletionRandom = {0.9, 0.7, 0.05};
  s.deletionAreaSalient = 0.1 / 3;
  s.deletionAreaRandom = 0.2 / 3;
  s.deletionGap = failDeletion ? -0.05 : 0.125;
  s.deletionGapLow = s.deletionGap - 0.1 / 7;
  s.deletionGapHigh = s.deletionGap + 0.1 / 7;
  s.randomizationPassed = s.randomizationRankHigh < kRandomizationRankLimit;
  s.deletionPassed = !failDeletion;
  return s;
}

bool sameResult(const SaliencySanity& a, const SaliencySanity& b) {
  return a.method == b.method && a.images == b.images && a.steps == b.steps &&
         a.samples == b.samples && a.seed == b.seed && a.randomizationRank == b.randomizationRank &&
         a.randomizationRankLow == b.randomizationRankLow &&
         a.randomizationRankHigh == b.randomizationRankHigh && a.fractions == b.fractions &&
         a.deletionSalient == b.deletionSalient && a.deletionRandom == b.deletionRandom &&
         a.deletionAreaSalient == b.deletionAreaSalient &&
         a.deletionAreaRandom == b.deletionAreaRandom && a.deletionGap == b.deletionGap &&
         a.deletionGapLow == b.deletionGapLow && a.deletionGapHigh == b.deletionGapHigh &&
         a.randomizationPassed == b.randomizationPassed && a.deletionPassed == b.deletionPassed;
}

double metricValue(Project& p, std::int64_t run, const std::string& name) {
  SQLite::Statement q(p.db(), "SELECT value FROM metrics WHERE run_id = ? AND name = ?");
  q.bind(1, static_cast<int64_t>(run));
  q.bind(2, name);
  return q.executeStep() ? q.getColumn(0).getDouble() : -1;
}

QString readAll(const std::filesystem::path& p) {
  QFile f(test::qs(p));
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

}  // namespace

// Item 3 of issue 17: the model-randomization and deletion checks of saliency methods, their
// storage with the run, `flystage-cli saliency-check` and the report's table.
class SaliencySanityTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path project_;
  std::int64_t run_ = 0;
  std::vector<std::int64_t> testIds_;

 private Q_SLOTS:
  void initTestCase() {
    if (!qEnvironmentVariableIsEmpty("FLYSTAGE_TEST_UNWRITABLE_PROJECT"))
      return;  // the unwritable-project test, run again as nobody: it needs no trained run
    project_ = test::makeSyntheticProject(dir_, 21, 0.003, 5, "s.flystage");
    Project p = Project::open(project_, OpenMode::Existing);
    auto plain = TrainConfig::forPreset(Method::Plain, "tiny");
    plain.device = "cpu";
    plain.plainEpochs = 2;
    run_ = train(p, plain, {});
    for (const auto& ri : runstore::runImages(p, run_))
      if (ri.part == "test") testIds_.push_back(ri.imageId);
    QVERIFY(testIds_.size() >= 4);
  }

  // Spearman's rho on vectors worked by hand (ties get their mean rank).
  void spearmanOnKnownVectors() {
    QCOMPARE(spearmanRank({1, 2, 3, 4}, {1, 4, 9, 16}), 1.0);  // monotone, not linear
    QCOMPARE(spearmanRank({1, 2, 3, 4}, {8, 4, 2, 1}), -1.0);
    // ranks {1,2,3,4,5} and {1,2,3.5,5,3.5}: 8 / sqrt(10 * 9.5)
    QVERIFY(std::abs(spearmanRank({1, 2, 3, 4, 5}, {5, 6, 7, 8, 7}) - 8 / std::sqrt(95.0)) < 1e-12);
    QCOMPARE(spearmanRank({1, 2, 3}, {2, 2, 2}), 0.0);  // no ranking
    QCOMPARE(QString::fromStdString(test::errorOf([] {
               spearmanRank({1, 2}, {1});
             })),
             QStringLiteral("rank correlation of 2 and 1 values: the samples must be equally "
                            "long"));
  }

  void areaAndBootstrap() {
    QCOMPARE(trapezoidArea({0, 0.5, 1}, {1, 0.5, 0}), 0.5);
    QCOMPARE(trapezoidArea({0, 0.25, 1}, {1, 1, 1}), 1.0);
    const auto one = bootstrapMean({0.2}, 1);
    QVERIFY(one.mean == 0.2 && one.low == 0.2 && one.high == 0.2);
    const std::vector<double> v = {0.1, 0.4, 0.35, 0.8, 0.2, 0.5, 0.3, 0.45};
    const auto a = bootstrapMean(v, 7), b = bootstrapMean(v, 7);
    QVERIFY(std::abs(a.mean - 3.1 / 8) < 1e-12);
    QVERIFY(a.low < a.mean && a.mean < a.high);
    QVERIFY(a.low > 0.1 && a.high < 0.8);
    QVERIFY(a.low == b.low && a.high == b.high);  // seeded
    const auto same = bootstrapMean({0.3, 0.3, 0.3}, 2);
    QVERIFY(std::abs(same.low - 0.3) < 1e-12 && std::abs(same.high - 0.3) < 1e-12);
  }

  // The verdicts follow the documented thresholds.
  void summaryVerdicts() {
    const std::vector<double> f = {0, 0.5, 1};
    std::vector<SanityImage> good, sameMaps, noFall;
    for (int i = 0; i < 6; ++i) {
      const double r = 0.05 * i - 0.1;
      good.push_back({r, {0.9, 0.1, 0.0}, {0.9, 0.6 + 0.01 * i, 0.0}});
      sameMaps.push_back({0.9 + 0.01 * i, {0.9, 0.1, 0.0}, {0.9, 0.6, 0.0}});
      noFall.push_back({r, {0.9, 0.6 + 0.01 * i, 0.0}, {0.9, 0.6, 0.0}});
    }
    const auto g = summarizeSanity(SaliencyMethod::GradCam, f, good, 1);
    QVERIFY(g.randomizationPassed && g.deletionPassed && g.passed());
    QCOMPARE(g.images, 6);
    QCOMPARE(g.steps, 2);
    QVERIFY(std::abs(g.randomizationRank - 0.025) < 1e-12);
    QVERIFY(std::abs(g.deletionAreaSalient - 0.275) < 1e-12);  // 0.5*(0.9+0.1)/2 + 0.5*0.1/2
    QVERIFY(std::abs(g.deletionSalient[1] - 0.1) < 1e-12);
    QVERIFY(std::abs(g.deletionRandom[1] - 0.625) < 1e-12);
    QVERIFY(std::abs(g.deletionGap - 0.2625) < 1e-12);
    QVERIFY(QString::fromStdString(g.verdict()).startsWith(QStringLiteral("passes: ")));

    const auto s = summarizeSanity(SaliencyMethod::Vanilla, f, sameMaps, 1);
    QVERIFY(!s.randomizationPassed && s.deletionPassed && !s.passed());
    QVERIFY2(QString::fromStdString(s.verdict())
                 .startsWith(QStringLiteral("fails randomization: rank correlation with a "
                                            "randomized model 0.93 [")),
             s.verdict().c_str());

    const auto n = summarizeSanity(SaliencyMethod::SmoothGrad, f, noFall, 1);
    QVERIFY(n.randomizationPassed && !n.deletionPassed);  // the salient curve falls slower
    QVERIFY(n.deletionGap < 0);
    QVERIFY2(QString::fromStdString(n.verdict()).startsWith(QStringLiteral("fails deletion: ")),
             n.verdict().c_str());
  }

  // A model that reads only the key pixels: removing them first (the right map) drops the
  // probability at once; a random order takes most of the embryo to get there; a map that
  // points everywhere but the keys is worse than random.
  void deletionFallsFasterForTheRightMap() {
    const long h = 8, w = 10;
    KeyPixelModel model;
    for (std::int64_t p = 0; p < h * w; p += 10) model.keys.push_back(p + 3);  // 8 keys: 10 %
    model.offset = 4 * 0.7 * 4;  // half the keys dark: logit 0
    const LogitsFn logits = model;
    const auto image = torch::full({3, h, w}, 0.3f);
    std::vector<float> right(h * w, 0.f), wrong(h * w, 1.f);
    for (auto k : model.keys) {
      right[static_cast<std::size_t>(k)] = 1.f;
      wrong[static_cast<std::size_t>(k)] = 0.f;
    }
    const auto pixels = allPixels(h * w);
    const auto order = deletionOrder(pixels, right.data(), 5);
    QCOMPARE(order.size(), pixels.size());
    std::vector<std::int64_t> first(order.begin(), order.begin() + 8);
    std::sort(first.begin(), first.end());
    QVERIFY(first == model.keys);
    QVERIFY(deletionOrder(pixels, nullptr, 5) == deletionOrder(pixels, nullptr, 5));  // seeded
    QVERIFY(deletionOrder(pixels, nullptr, 5) != deletionOrder(pixels, nullptr, 6));

    const int steps = 10;
    const auto salient = deletionCurve(logits, image, 0, order, steps);
    const auto random = deletionCurve(logits, image, 0, deletionOrder(pixels, nullptr, 5), steps);
    const auto worse =
        deletionCurve(logits, image, 0, deletionOrder(pixels, wrong.data(), 5), steps);
    QCOMPARE(salient.size(), std::size_t(steps + 1));
    const double full = 1 / (1 + std::exp(-(4 * 0.7 * 8 - model.offset)));
    const double none = 1 / (1 + std::exp(model.offset));  // every key white
    for (const auto* c : {&salient, &random, &worse}) {
      QVERIFY(std::abs(c->front() - full) < 1e-5);
      QVERIFY(std::abs(c->back() - none) < 1e-5);  // removed = turned white
    }
    QVERIFY2(std::abs(salient[1] - none) < 1e-5, qPrintable(QString::number(salient[1])));
    QVERIFY(std::abs(worse[steps - 1] - full) < 1e-5);  // keys go last
    std::vector<double> f;
    for (int k = 0; k <= steps; ++k) f.push_back(double(k) / steps);
    const double aSalient = trapezoidArea(f, salient), aRandom = trapezoidArea(f, random),
                 aWorse = trapezoidArea(f, worse);
    QVERIFY2(aSalient < 0.1 && aSalient + 0.2 < aRandom && aRandom + 0.2 < aWorse,
             qPrintable(QStringLiteral("%1 %2 %3").arg(aSalient).arg(aRandom).arg(aWorse)));
  }

  // The randomized model: the run's architecture and normalization, other weights (never
  // the run's own initial ones), and maps that differ from the trained model's.
  void randomizedWeightsMapDiffers() {
    Project p = Project::open(project_, OpenMode::ReadOnly);
    ResNet net = loadStoredModel(p, run_, "final");
    net->eval();
    ResNet random = randomizedModel(net, 1, torch::kCPU);
    QCOMPARE(random->spec.toJson(), net->spec.toJson());
    QVERIFY(torch::equal(random->mean, net->mean) && torch::equal(random->std, net->std));
    QVERIFY(!torch::equal(random->head->weight, net->head->weight));
    ResNet initial = makeResNet(net->spec, 1);  // what a run with seed 1 started from
    QVERIFY(!torch::equal(random->head->weight, initial->head->weight));

    const std::vector<std::int64_t> ids(testIds_.begin(), testIds_.begin() + 2);
    const auto x = loadStandardizedInput(p, ids, torch::kCPU);
    const auto classes = logitsOfStandardized(net, x).argmax(1);
    for (auto m : {SaliencyMethod::Vanilla, SaliencyMethod::GradCam}) {
      SaliencyOptions o;
      o.method = m;
      const auto a = saliencyMaps(net, x, classes, o).contiguous();
      const auto b = saliencyMaps(random, x, classes, o).contiguous();
      const auto again = saliencyMaps(net, x, classes, o).contiguous();
      QVERIFY(torch::equal(a, again));
      for (long i = 0; i < 2; ++i) {
        const std::vector<float> va(a[i].data_ptr<float>(), a[i].data_ptr<float>() + a[i].numel());
        const std::vector<float> vb(b[i].data_ptr<float>(), b[i].data_ptr<float>() + b[i].numel());
        QCOMPARE(spearmanRank(va, va), 1.0);
        const double rho = spearmanRank(va, vb);
        QVERIFY2(rho < 0.9, qPrintable(QStringLiteral("%1: %2")
                                           .arg(QString::fromStdString(saliencyMethodName(m)))
                                           .arg(rho)));
      }
    }
  }

  // The whole check on a trained run: every figure in range, the same numbers twice.
  void checkOnATrainedRun() {
    Project p = Project::open(project_, OpenMode::ReadOnly);
    SaliencySanityOptions o;
    o.methods = {SaliencyMethod::Vanilla, SaliencyMethod::GradCam};
    o.steps = 4;
    const std::vector<std::int64_t> ids(testIds_.begin(), testIds_.begin() + 3);
    std::vector<ProgressEvent> events;
    const auto r =
        checkSaliency(p, run_, ids, o, [&](const ProgressEvent& e) { events.push_back(e); });
    QCOMPARE(r.size(), std::size_t(2));
    QVERIFY(!events.empty());
    QCOMPARE(events.back().done, std::size_t(6));
    QCOMPARE(events.back().total, std::size_t(6));
    for (const auto& s : r) {
      QCOMPARE(s.images, 3);
      QCOMPARE(s.steps, 4);
      QVERIFY(s.fractions == std::vector<double>({0, 0.25, 0.5, 0.75, 1}));
      QCOMPARE(s.deletionSalient.front(), s.deletionRandom.front());  // nothing removed yet
      QCOMPARE(s.deletionSalient.back(), s.deletionRandom.back());    // the embryo all white
      for (double v : s.deletionSalient) QVERIFY(v >= 0 && v <= 1);
      QVERIFY(s.randomizationRankLow <= s.randomizationRank &&
              s.randomizationRank <= s.randomizationRankHigh);
      QVERIFY(s.randomizationRankHigh < 1);
      QVERIFY(s.deletionGapLow <= s.deletionGap && s.deletionGap <= s.deletionGapHigh);
      QVERIFY(std::abs(s.deletionGap - (s.deletionAreaRandom - s.deletionAreaSalient)) < 1e-12);
    }
    QCOMPARE(r[0].samples, 1);
    const auto again = checkSaliency(p, run_, ids, o);
    QVERIFY(sameResult(r[0], again[0]) && sameResult(r[1], again[1]));
    QCOMPARE(QString::fromStdString(test::errorOf([&] { checkSaliency(p, run_, {}, o); })),
             QStringLiteral("saliency check: no images to measure (by default the run's test "
                            "images)"));
  }

  void storeAndReadBack() {
    test::TempDir dir;
    const auto file = dir / "copy.flystage";
    std::filesystem::copy_file(project_, file);
    Project p = Project::open(file, OpenMode::Existing);
    QVERIFY(storedSaliencySanity(p, run_).empty());
    QVERIFY(!storedSaliencySanity(p, run_, SaliencyMethod::Vanilla));
    const auto a = sampleResult(SaliencyMethod::Vanilla, 0.2, false);
    const auto b = sampleResult(SaliencyMethod::GradCamTwoStages, 0.7, true);
    storeSaliencySanity(p, run_, {b, a});
    const auto back = storedSaliencySanity(p, run_);
    QCOMPARE(back.size(), std::size_t(2));
    QVERIFY(sameResult(back[0], a));  // in saliencyMethods() order
    QVERIFY(sameResult(back[1], b));
    QVERIFY(back[0].passed() && !back[1].passed());
    QCOMPARE(metricValue(p, run_, "saliency_sanity:vanilla"), 1.0);
    QCOMPARE(metricValue(p, run_, "saliency_sanity:grad-cam-2"), 0.0);
    QVERIFY(sameResult(*storedSaliencySanity(p, run_, SaliencyMethod::GradCamTwoStages), b));
    // A new measurement replaces the old one.
    storeSaliencySanity(p, run_, {sampleResult(SaliencyMethod::Vanilla, 0.6, false)});
    QCOMPARE(storedSaliencySanity(p, run_, SaliencyMethod::Vanilla)->randomizationRank, 0.6);
    QCOMPARE(metricValue(p, run_, "saliency_sanity:vanilla"), 0.0);
  }

  // A stored record that FlyStage did not write (a foreign or damaged project) is an error
  // naming the project, the run and the metric; never a crash.
  void corruptStoredJsonIsAnError_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("why");
    QTest::newRow("not json") << QStringLiteral("{\"format\": 1,") << QStringLiteral("parse");
    QTest::newRow("array") << QStringLiteral("[1, 2]") << QStringLiteral("not a JSON object");
    QTest::newRow("deep") << QString(100000, QLatin1Char('[')) + QString(100000, QLatin1Char(']'))
                          << QStringLiteral("nests deeper");
    const std::string good = [this] {
      test::TempDir d;
      std::filesystem::copy_file(project_, d / "g.flystage");
      Project p = Project::open(d / "g.flystage", OpenMode::Existing);
      storeSaliencySanity(p, run_, {sampleResult(SaliencyMethod::Vanilla, 0.2, false)});
      return *runstore::metricJson(p, run_, "saliency_sanity:vanilla");
    }();
    const auto edited = [&good](const std::string& from, const std::string& to) {
      std::string s = good;
      const auto at = s.find(from);
      if (at == std::string::npos) throw std::runtime_error("no " + from + " in " + good);
      return QString::fromStdString(s.replace(at, from.size(), to));
    };
    QTest::newRow("other method") << edited("\"vanilla\"", "\"smoothgrad\"")
                                  << QStringLiteral("method 'smoothgrad'");
    QTest::newRow("null figure") << edited("\"rank_mean\":0.2", "\"rank_mean\":null")
                                 << QStringLiteral("type must be number");
    QTest::newRow("short curve") << edited("\"salient\":[0.9,", "\"salient\":[")
                                 << QStringLiteral("'salient' has 2 values, not 3");
    QTest::newRow("probability 7") << edited("\"random\":[0.9,", "\"random\":[7,")
                                   << QStringLiteral("'random' holds a value outside 0..1");
    QTest::newRow("format 2") << edited("\"format\":1", "\"format\":2")
                              << QStringLiteral("format 2 is not 1");
  }
  void corruptStoredJsonIsAnError() {
    QFETCH(QString, json);
    QFETCH(QString, why);
    test::TempDir dir;
    const auto file = dir / "copy.flystage";
    std::filesystem::copy_file(project_, file);
    Project p = Project::open(file, OpenMode::Existing);
    storeSaliencySanity(p, run_, {sampleResult(SaliencyMethod::GradCam, 0.2, false)});
    runstore::setMetric(p, run_, "saliency_sanity:vanilla", 1, json.toStdString());
    const QString message = test::errorText([&] { storedSaliencySanity(p, run_); });
    const QString head = test::qs(file) + QStringLiteral(
                                              ": run #%1's metric "
                                              "'saliency_sanity:vanilla' is not a "
                                              "saliency check FlyStage wrote (")
                                              .arg(run_);
    QVERIFY2(message.startsWith(head), qPrintable(message));
    QVERIFY2(message.contains(why), qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral("); run 'flystage-cli saliency-check %1 --run %2' "
                                             "again to replace it")
                                  .arg(test::qs(file))
                                  .arg(run_)),
             qPrintable(message));
    QCOMPARE(test::errorText([&] { storedSaliencySanity(p, run_, SaliencyMethod::Vanilla); }),
             message);
    // The other methods' records still read.
    QVERIFY(storedSaliencySanity(p, run_, SaliencyMethod::GradCam));
  }

  // flystage-cli saliency-check prints a table per method, stores the results and the CSV;
  // the report shows them (and, before, says how to get them).
  void cliPrintsStoresAndReports() {
    test::TempDir dir;
    const auto file = dir / "copy.flystage";
    std::filesystem::copy_file(project_, file);
    const QString P = test::qs(file), run = QString::number(run_);

    const auto before = test::runCli({"report", P, "--dpi", "72", "--out", test::qs(dir / "r0")});
    QVERIFY2(before.code == 0, qPrintable(test::why(before)));
    const QString html0 = readAll(dir / "r0" / "index.html");
    QVERIFY(html0.contains(QStringLiteral("Sanity and faithfulness")));
    QVERIFY2(html0.contains(QStringLiteral("Not measured for run #%1: <code>flystage-cli "
                                           "saliency-check %2 --run %1</code>")
                                .arg(run, P)),
             qPrintable(html0));

    const auto r = test::runCli({"saliency-check", P, "--run", run, "--methods", "grad-cam,vanilla",
                                 "--limit", "3", "--steps", "4", "--out", test::qs(dir / "t.csv")});
    QVERIFY2(r.code == 0, qPrintable(test::why(r)));
    QVERIFY2(r.out.startsWith(QStringLiteral("run #%1, 3 image(s), 4 deletion steps (pixels "
                                             "turned white), seed 1\n")
                                  .arg(run)),
             qPrintable(r.out));
    for (const char* m : {"grad-cam", "vanilla"}) {
      const QString name = QString::fromLatin1(m);
      QVERIFY2(r.out.contains(QStringLiteral("\n%1: passes\n").arg(name)) ||
                   r.out.contains(QStringLiteral("\n%1: FAILS\n").arg(name)),
               qPrintable(r.out));
    }
    QVERIFY(
        r.out.contains(QStringLiteral("  randomization  rank correlation, trained vs "
                                      "randomized weights: ")));
    QVERIFY(r.out.contains(QStringLiteral("  removed %          0    25    50    75   100\n")));
    QVERIFY(r.out.endsWith(QStringLiteral("stored with run #%1 in %2\n").arg(run, P)));

    Project p = Project::open(file, OpenMode::ReadOnly);
    const auto stored = storedSaliencySanity(p, run_);
    QCOMPARE(stored.size(), std::size_t(2));
    QVERIFY(stored[0].method == SaliencyMethod::Vanilla);
    QVERIFY(stored[1].method == SaliencyMethod::GradCam);
    QCOMPARE(stored[0].images, 3);
    QCOMPARE(stored[0].steps, 4);
    // The CSV: one row per method, in the order asked, with the stored figures.
    const QStringList rows = readAll(dir / "t.csv").split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows[0].startsWith(QStringLiteral("method,images,steps,samples,seed,rank_mean,")));
    QVERIFY(rows[1].startsWith(
        QStringLiteral("grad-cam,3,4,1,1,%1,").arg(stored[1].randomizationRank, 0, 'f', 6)));
    QVERIFY(rows[2].startsWith(
        QStringLiteral("vanilla,3,4,1,1,%1,").arg(stored[0].randomizationRank, 0, 'f', 6)));

    // A method that failed says so beside the examples (grad-cam's result replaced by a failing
    // one, so the test does not hang on how the tiny model's maps fare).
    p = Project::open(file, OpenMode::Existing);
    storeSaliencySanity(p, run_, {sampleResult(SaliencyMethod::GradCam, 0.7, true)});
    const auto after = test::runCli({"report", P, "--dpi", "72", "--out", test::qs(dir / "r1")});
    QVERIFY2(after.code == 0, qPrintable(test::why(after)));
    const QString html1 = readAll(dir / "r1" / "index.html");
    QVERIFY(!html1.contains(QStringLiteral("Not measured")));
    QVERIFY(html1.contains(QStringLiteral("<th>Rank correlation</th>")));
    QVERIFY2(html1.contains(QStringLiteral("<tr><td>vanilla</td><td>3</td><td>%1</td><td>[%2, %3]"
                                           "</td>")
                                .arg(stored[0].randomizationRank, 0, 'f', 2)
                                .arg(stored[0].randomizationRankLow, 0, 'f', 2)
                                .arg(stored[0].randomizationRankHigh, 0, 'f', 2)),
             qPrintable(html1));
    QVERIFY(
        html1.contains(QStringLiteral("<tr><td>grad-cam</td><td>7</td><td>0.70</td><td>[0.60, "
                                      "0.80]</td>")));
    QVERIFY(
        html1.contains(QStringLiteral("<td><b>fails</b> randomization and deletion</td></tr>")));
    QVERIFY(
        html1.contains(QStringLiteral("<p class=\"warn\"><b>grad-cam</b> failed its sanity "
                                      "check: fails randomization: rank correlation with a "
                                      "randomized model 0.70 [0.60, 0.80] reaches 0.5")));
    QVERIFY(
        html1.contains(QStringLiteral("Saliency of the predicted stage (failed the sanity "
                                      "check: ")));
    QVERIFY(html1.contains(
        QStringLiteral("grad-cam) &middot; <a href=\"figures/saliency-examples.svg")));
    // The deletion curves as a figure, with the numbers beside it: 5 points of 2 methods.
    QVERIFY(html1.contains(QStringLiteral("<a href=\"figures/deletion-curves.svg\">")));
    const QStringList points = readAll(dir / "r1" / "figures" / "deletion-curves.csv")
                                   .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(points.size(), 1 + 5 + 3);  // header, vanilla's 5 points, the failing sample's 3
    QCOMPARE(points[0], QStringLiteral("method,removed,p_salient,p_random"));
    QVERIFY(points[1].startsWith(QStringLiteral("vanilla,0,")));
    QCOMPARE(points[7], QStringLiteral("grad-cam,0.5,0.8,0.7"));
    QVERIFY(!html0.contains(QStringLiteral("deletion-curves")));
    runstore::setMetric(p, run_, "saliency_sanity:grad-cam", 1, "{\"format\":");
    const auto damaged = test::runCli({"report", P, "--dpi", "72", "--out", test::qs(dir / "r2")});
    QVERIFY2(damaged.code == 0, qPrintable(test::why(damaged)));
    QVERIFY(
        readAll(dir / "r2" / "index.html")
            .contains(QStringLiteral("The stored saliency checks cannot be read: ") + P +
                      QStringLiteral(": run #%1&#39;s metric &#39;saliency_sanity:grad-cam&#39;")
                          .arg(run)));

    const auto bad = test::runCli({"saliency-check", P, "--run", run, "--methods", "gradcam"});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(QStringLiteral("saliency method 'gradcam'")), qPrintable(bad.err));
    const auto noRun = test::runCli({"saliency-check", P, "--run", "99"});
    QCOMPARE(noRun.code, 1);
    QCOMPARE(noRun.err, QStringLiteral("flystage-cli: error: %1: there is no run #99\n").arg(P));
  }

  // The results are a project write: a project the user may not write fails at once, with
  // core's reason, before any work. Root writes anyway, so as root the CLI itself runs as
  // nobody (setpriv): a test process re-run as nobody could not start the CLI from CI's
  // private build folder.
  void cliRefusesAnUnwritableProject() {
    test::TempDir dir;
    const auto file = test::readOnlySamplesProject(dir);
    const std::string bytes = test::readBytes(file);
    const QStringList args = {QStringLiteral("saliency-check"), test::qs(file),
                              QStringLiteral("--run"), QStringLiteral("1")};
    test::CliRun r;
    if (geteuid() == 0) {
      if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("running as root and setpriv (util-linux) is not installed");
      QProcess p;
      p.start(
          QStringLiteral("setpriv"),
          QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                      QStringLiteral("--clear-groups"), QString::fromStdString(test::cliPath())} +
              args);
      QVERIFY(p.waitForFinished(120000));
      r = {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
           QString::fromUtf8(p.readAllStandardError())};
    } else {
      r = test::runCli(args);
    }
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("cannot write the project")), qPrintable(r.err));
    QVERIFY(test::readBytes(file) == bytes);
  }
};

QTEST_GUILESS_MAIN(SaliencySanityTest)
#include "SaliencySanityTest.moc"
