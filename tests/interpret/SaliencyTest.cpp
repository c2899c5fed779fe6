#include <QtTest>

#include <set>
#include <utility>

#include <ATen/CPUGeneratorImpl.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "data/LabelsCsv.h"
#include "data/Stage.h"
#include "importer/Importer.h"
#include "interpret/GridArtifact.h"
#include "interpret/Saliency.h"
#include "interpret/SaliencyMethods.h"
#include "model/ModelFile.h"
#include "model/Predictor.h"
#include "model/Presets.h"
#include "model/ResNet.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "store/Split.h"
#include "support/TestSupport.h"
#include "synth/DemoDataset.h"
#include "train/RunData.h"
#include "train/Trainer.h"
#include "util/Error.h"

using namespace flystage;

namespace {

// logits = W x + b on the flattened image: its input gradient for class k is W_k everywhere.
struct LinearModel {
  torch::Tensor w, b;  // K x (C*H*W), K
  torch::Tensor operator()(const torch::Tensor& x) const { return x.flatten(1).matmul(w.t()) + b; }
};

LinearModel linearModel(long c, long h, long w, long k, std::uint64_t seed) {
  auto g = at::make_generator<at::CPUGeneratorImpl>(seed);
  return {torch::randn({k, c * h * w}, g), torch::randn({k}, g)};
}

torch::Tensor seededRand(torch::IntArrayRef size, std::uint64_t seed) {
  return torch::rand(size, at::make_generator<at::CPUGeneratorImpl>(seed));
}

SaliencyOptions withMethod(SaliencyMethod m, int samples = 0) {
  SaliencyOptions o;
  o.method = m;
  o.samples = samples;
  return o;
}

// A tiny ResNet after one training step, so BN running statistics are not the defaults.
ResNet tinyNet(std::uint64_t seed) {
  const auto spec = preset("tiny").spec;
  auto net = makeResNet(spec, seed);
  torch::optim::SGD opt(net->parameters(), 0.1);
  net->train();
  const auto x = seededRand({8, 3, spec.inputHeight, spec.inputWidth}, seed);
  torch::cross_entropy_loss(net->forward(x), torch::arange(8) % 14).backward();
  opt.step();
  net->zero_grad();
  net->eval();
  return net;
}

bool close(const torch::Tensor& a, const torch::Tensor& b, double rtol, double atol) {
  return a.sizes() == b.sizes() && torch::allclose(a, b, rtol, atol);
}

template <typename F>
QString thrownMessage(F f) {
  try {
    f();
  } catch (const Error& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

}  // namespace

class SaliencyTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path project_;
  std::int64_t plainRun_ = 0, gaborRun_ = 0;

 private Q_SLOTS:
  void initTestCase() {
    project_ = test::makeSyntheticProject(dir_, 21, 0.003, 5, "s.flystage");
    Project p = Project::open(project_, OpenMode::Existing);
    auto plain = TrainConfig::forPreset(Method::Plain, "tiny");
    plain.device = "cpu";
    plain.plainEpochs = 2;
    plainRun_ = train(p, plain, {});
    auto gabor = TrainConfig::forPreset(Method::Gabor, "tiny");
    gabor.device = "cpu";
    gaborRun_ = train(p, gabor, {});
  }

  void methodNamesRoundTrip() {
    QCOMPARE(saliencyMethods().size(), std::size_t{5});
    for (auto m : saliencyMethods()) QVERIFY(parseSaliencyMethod(saliencyMethodName(m)) == m);
    QCOMPARE(saliencyMethodName(SaliencyMethod::IntegratedGradients),
             std::string("integrated-gradients"));
    QCOMPARE(saliencyMethodName(SaliencyMethod::GradCamTwoStages), std::string("grad-cam-2"));
    const auto message = thrownMessage([] { parseSaliencyMethod("gradcam"); });
    QVERIFY2(message.contains(QStringLiteral("'gradcam'")) &&
                 message.contains(QStringLiteral(
                     "vanilla, smoothgrad, integrated-gradients, grad-cam, grad-cam-2")),
             qPrintable(message));
    QVERIFY(isGradientMethod(SaliencyMethod::SmoothGrad));
    QVERIFY(!isGradientMethod(SaliencyMethod::GradCam));
    QCOMPARE(saliencySamples(withMethod(SaliencyMethod::SmoothGrad)), 32);
    QCOMPARE(saliencySamples(withMethod(SaliencyMethod::GradCam)), 1);
    QCOMPARE(saliencySamples(withMethod(SaliencyMethod::IntegratedGradients)), 32);
    QCOMPARE(saliencySamples(withMethod(SaliencyMethod::IntegratedGradients, 7)), 7);
  }

  void linearModelAttributionsAreItsWeights() {
    const auto model = linearModel(3, 6, 10, 14, 5);
    const LogitsFn f = model;
    const auto x = seededRand({3, 3, 6, 10}, 6);
    const std::vector<long> k = {2, 7, 13};
    const auto classes = torch::tensor(k, torch::kLong);

    const auto vanilla = attributions(f, x, classes, withMethod(SaliencyMethod::Vanilla));
    const auto vanillaMap = reduceToMap(vanilla, SaliencyMethod::Vanilla);
    QVERIFY(vanillaMap.sizes() == torch::IntArrayRef({3, 6, 10}));
    for (long b = 0; b < 3; ++b) {
      const auto wk = model.w[k[b]].view({3, 6, 10});
      QVERIFY(torch::equal(vanilla[b], wk));
      QVERIFY(torch::equal(vanillaMap[b], wk.abs().amax(0)));  // Eq. 8, max over channels
    }

    // IG of a linear model is exact: (x - 1) * W_k, and complete.
    const auto ig = attributions(f, x, classes, withMethod(SaliencyMethod::IntegratedGradients));
    const auto gap = model(x) - model(torch::ones_like(x));
    for (long b = 0; b < 3; ++b) {
      QVERIFY(close(ig[b], (x[b] - 1) * model.w[k[b]].view({3, 6, 10}), 1e-5, 1e-6));
      QVERIFY(std::abs(ig[b].sum().item<double>() - gap[b][k[b]].item<double>()) < 1e-4);
    }
    QVERIFY(close(reduceToMap(ig, SaliencyMethod::IntegratedGradients), ig.sum(1).abs(), 0, 0));

    // Noise cannot change a constant gradient: SmoothGrad's map is the vanilla map.
    const auto smooth = attributions(f, x, classes, withMethod(SaliencyMethod::SmoothGrad, 5));
    QVERIFY(close(reduceToMap(smooth, SaliencyMethod::SmoothGrad), vanillaMap, 1e-6, 1e-7));
    QVERIFY(close(smooth, vanilla.abs(), 1e-6, 1e-7));

    // Wrong classes are refused, not read out of bounds.
    QVERIFY_THROWS_EXCEPTION(Error, attributions(f, x, torch::tensor({0L, 1L, 14L}),
                                                 withMethod(SaliencyMethod::Vanilla)));
  }

  void integratedGradientsAreCompleteOnAResNet() {
    // The trained tiny ResNet (tiny preset) on stored images against the white baseline.
    Project p = Project::open(project_, OpenMode::Existing);
    const auto stored = runstore::model(p, plainRun_, "final").value();
    auto net = loadModel({stored.specJson, stored.weights, stored.sha256});
    const LogitsFn f = [&](const torch::Tensor& x) { return net->forward(x); };
    const auto ids = imagesInPart(p, SplitPart::Test);
    const auto x = toInput(loadImages(p, {ids[0], ids[1], ids[2]}, 32, 80), torch::kCPU);
    torch::Tensor gap;
    {
      torch::NoGradGuard g;
      gap = net->forward(x) - net->forward(torch::ones_like(x));
    }
    // Each image's class with the largest gap: completeness has the most to account for.
    const auto largest = gap.abs().argmax(1);
    const std::vector<long> k(largest.data_ptr<long>(), largest.data_ptr<long>() + 3);
    auto error = [&](int steps) {
      const auto a = attributions(f, x, torch::tensor(k, torch::kLong),
                                  withMethod(SaliencyMethod::IntegratedGradients, steps));
      double worst = 0;
      for (long b = 0; b < 3; ++b) {
        const double want = gap[b][k[b]].item<double>();
        const double got = a[b].sum().item<double>();
        worst = std::max(worst, std::abs(got - want) / std::abs(want));
      }
      return worst;
    };
    const double e64 = error(64);  // measured: 0.4 %
    QVERIFY2(e64 < 0.01, qPrintable(QString::number(e64)));
    const double e2 = error(2);  // a coarse sum is far off: the check has teeth
    QVERIFY2(e2 > 0.01, qPrintable(QStringLiteral("%1 vs %2").arg(e64).arg(e2)));
    // No parameter gradient is accumulated.
    for (const auto& param : net->parameters()) QVERIFY(!param.grad().defined());
  }

  void smoothGradIsSeeded() {
    auto net = tinyNet(4);
    const LogitsFn f = [&](const torch::Tensor& x) { return net->forward(x); };
    const auto x = seededRand({3, 3, 32, 80}, 9);
    const auto classes = torch::tensor({1L, 4L, 12L});
    auto smooth = [&](std::uint64_t seed, double noise = 0.15) {
      auto o = withMethod(SaliencyMethod::SmoothGrad, 4);
      o.seed = seed;
      o.noiseLevel = noise;
      return attributions(f, x, classes, o);
    };
    const auto a = smooth(1);
    QVERIFY(torch::equal(a, smooth(1)));
    QVERIFY(!torch::allclose(a, smooth(2), 1e-3, 1e-6));
    QVERIFY(a.min().item<double>() >= 0);
    // Without noise every copy is the image itself: the mean of |vanilla|.
    const auto vanilla = attributions(f, x, classes, withMethod(SaliencyMethod::Vanilla));
    QVERIFY(close(smooth(1, 0.0), vanilla.abs(), 1e-5, 1e-7));
    QVERIFY(!close(a, vanilla.abs(), 1e-2, 1e-6));
    // An image's noise is its own stream: alone or in a batch, the same map.
    auto o = withMethod(SaliencyMethod::SmoothGrad, 3);
    const auto batch = attributions(f, x, classes, o, {11, 12, 13});
    const auto alone = attributions(f, x.slice(0, 1, 2), classes.slice(0, 1, 2), o, {12});
    QVERIFY(close(alone[0], batch[1], 1e-4, 1e-6));
  }

  void mapsExplainTheTrainedModel() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto ids = imagesInPart(p, SplitPart::Test);
    QVERIFY(ids.size() >= 14);
    const auto predicted = predictStages(p, plainRun_, ids);
    SaliencyOptions o;
    o.batchSize = 5;  // several batches, the last one partial
    std::size_t batches = 0, passes = 0;
    const auto maps = computeSaliency(p, plainRun_, ids, o, 0, [&](const ProgressEvent& e) {
      // Per batch in images, and per pass (16 of the grid's 64 shifts) in image-passes.
      if (e.detail.empty()) {
        ++batches;
        QCOMPARE(e.total, ids.size());
      } else {
        ++passes;
        QCOMPARE(e.total, ids.size() * 16);
      }
    });
    QCOMPARE(batches, (ids.size() + 4) / 5);
    QCOMPARE(passes, batches * 16);
    QCOMPARE(maps.size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto& m = maps[i];
      QCOMPARE(m.imageId, ids[i]);
      QCOMPARE(m.map.type(), CV_32F);
      QCOMPARE(m.map.rows, 128);  // the standardized image, not the tiny preset's 32 x 80 input
      QCOMPARE(m.map.cols, 320);
      QVERIFY(cv::checkRange(m.map));
      double lo = 0, hi = 0;
      cv::minMaxLoc(m.map, &lo, &hi);
      QVERIFY(lo >= 0);
      QVERIFY(hi > 0);
      QCOMPARE(m.predictedStage, predicted[i].stage);
      QCOMPARE(m.stage, predicted[i].stage);
      QVERIFY(std::abs(m.probability - predicted[i].probability) < 1e-5);
    }

    // The map is the mean gradient of the stored model, through its resize, on the stored
    // standardized pixels, over the shifts in steps of 2 of the tiny preset's grid of period 8
    // (4x resize, then its first stride-2 stage): 16 of its 64 shifts.
    const auto stored = runstore::model(p, plainRun_, "final").value();
    auto net = loadModel({stored.specJson, stored.weights, stored.sha256});
    net->eval();
    QCOMPARE(gridPeriod(net->spec, 128, 320), 8);
    const std::vector<std::int64_t> first(ids.begin(), ids.begin() + 3);
    std::vector<long> classes;
    for (std::size_t i = 0; i < 3; ++i) classes.push_back(fineStageIndex(predicted[i].stage));
    const auto x = loadStandardizedInput(p, first, torch::kCPU);
    auto sum = torch::zeros_like(x);
    const auto shifts = gridShifts(8);
    QCOMPARE(shifts.size(), std::size_t{64});
    std::set<std::pair<int, int>> first16;
    for (int i = 0; i < 16; ++i) first16.insert({shifts[i].dy, shifts[i].dx});
    std::set<std::pair<int, int>> evenSteps;
    for (int dy = 0; dy < 8; dy += 2)
      for (int dx = 0; dx < 8; dx += 2) evenSteps.insert({dy, dx});
    QVERIFY(first16 == evenSteps);  // an even sub-lattice of the whole period
    for (int i = 0; i < 16; ++i) {
      const auto& s = shifts[static_cast<std::size_t>(i)];
      auto in = x.clone().requires_grad_(true);
      const auto moved = torch::roll(in, {-s.dy, -s.dx}, {2, 3});
      const auto out = net->forward(torch::avg_pool2d(moved, {4, 4}, {4, 4}));
      out.gather(1, torch::tensor(classes, torch::kLong).view({-1, 1})).sum().backward();
      sum += in.grad();
    }
    const auto want = (sum / 16).abs().amax(1);
    for (long i = 0; i < 3; ++i) {
      const auto got = torch::from_blob(const_cast<float*>(maps[i].map.ptr<float>()), {128, 320},
                                        torch::kFloat32);
      QVERIFY(close(got, want[i], 1e-4, 1e-6));
    }

    // Another stage's output node: its probability, the prediction unchanged.
    const auto nine = computeSaliency(p, plainRun_, first, o, 9);
    for (std::size_t i = 0; i < 3; ++i) {
      QCOMPARE(nine[i].stage, 9);
      QCOMPARE(nine[i].predictedStage, predicted[i].stage);
      QVERIFY(std::abs(nine[i].probability - predicted[i].probabilities[fineStageIndex(9)]) < 1e-5);
    }
  }

  void smoothGradAndIntegratedGradientsOnAProject() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto all = imagesInPart(p, SplitPart::Test);
    const std::vector<std::int64_t> ids(all.begin(), all.begin() + 4);
    auto o = withMethod(SaliencyMethod::SmoothGrad, 3);
    o.batchSize = 4;
    const auto together = computeSaliency(p, plainRun_, ids, o);
    const auto alone = computeSaliency(p, plainRun_, {ids[2]}, o);
    QCOMPARE(alone[0].imageId, ids[2]);
    QVERIFY(cv::norm(alone[0].map, together[2].map, cv::NORM_INF) <=
            1e-4 * cv::norm(together[2].map, cv::NORM_INF));
    o.seed = 2;
    const auto reseeded = computeSaliency(p, plainRun_, {ids[2]}, o);
    QVERIFY(cv::norm(reseeded[0].map, alone[0].map, cv::NORM_INF) > 0);

    o = withMethod(SaliencyMethod::IntegratedGradients, 8);
    for (const auto& m : computeSaliency(p, plainRun_, ids, o)) {
      QVERIFY(cv::checkRange(m.map));
      double lo = 0, hi = 0;
      cv::minMaxLoc(m.map, &lo, &hi);
      QVERIFY(lo >= 0 && hi > 0);
    }
  }

  void gridEnergyShareMeasuresALattice() {
    // A checkerboard is all lattice; a lattice of dots every 4 pixels too, at period 4.
    cv::Mat board(128, 320, CV_32F), dots = cv::Mat::zeros(128, 320, CV_32F);
    for (int y = 0; y < 128; ++y)
      for (int x = 0; x < 320; ++x) {
        board.at<float>(y, x) = ((x + y) % 2) ? 1.f : 0.f;
        if (y % 4 == 1 && x % 4 == 2) dots.at<float>(y, x) = 1.f;
      }
    QVERIFY(gridEnergyShare(board, 2) > 0.999);
    QVERIFY(gridEnergyShare(dots, 4) > 0.999);
    // A smooth blob has almost none at the lattice's frequencies.
    cv::Mat blob = cv::Mat::zeros(128, 320, CV_32F);
    cv::circle(blob, {160, 64}, 30, cv::Scalar(1), cv::FILLED);
    cv::GaussianBlur(blob, blob, {0, 0}, 6);
    const double smooth = gridEnergyShare(blob, 4);
    QVERIFY2(smooth < 1e-3, qPrintable(QString::number(smooth)));
    // The blob times the dots is a blob drawn as a lattice: mostly lattice again.
    const double dotted = gridEnergyShare(blob.mul(dots), 4);
    QVERIFY2(dotted > 0.05 && dotted > 100 * smooth,
             qPrintable(QStringLiteral("%1 vs %2").arg(dotted).arg(smooth)));
    // Roughness: the blob has next to no detail finer than 8 pixels, noise mostly does.
    cv::Mat noise(128, 320, CV_32F);
    cv::randu(noise, 0, 1);
    QVERIFY(fineDetailShare(blob, 8) < 0.01);
    QVERIFY(fineDetailShare(noise, 8) > 0.9);
    QVERIFY_THROWS_EXCEPTION(Error, gridEnergyShare(blob, 1));
    QVERIFY_THROWS_EXCEPTION(Error, gridEnergyShare(cv::Mat(), 4));
  }

  void theResizeIsTheModelsOwn() {
    // Maps are taken through the resize training used (cv::INTER_AREA of the stored image).
    Project p = Project::open(project_, OpenMode::Existing);
    const auto ids = imagesInPart(p, SplitPart::Test);
    const std::vector<std::int64_t> first(ids.begin(), ids.begin() + 4);
    const auto spec = preset("tiny").spec;
    const auto full = loadStandardizedInput(p, first, torch::kCPU);
    QVERIFY(full.sizes() == torch::IntArrayRef({4, 3, 128, 320}));
    const auto resized = resizeToModelInput(full, spec);
    const auto trained =
        toInput(loadImages(p, first, spec.inputHeight, spec.inputWidth), torch::kCPU);
    // The uint8 path rounds the block mean once: at most half a grey level apart.
    QVERIFY((resized - trained).abs().max().item<double>() <= 0.5 / 255 + 1e-6);
  }

  void mapsHaveNoGrid() {
    // The demo preset's network (2x resize, stride-2 stem: a grid of period 4 in the
    // standardized image), after one training step, on stored standardized images: the grid's
    // share of the spectrum falls at least tenfold with the shifts, for every gradient method.
    Project p = Project::open(project_, OpenMode::Existing);
    const auto all = imagesInPart(p, SplitPart::Test);
    const std::vector<std::int64_t> ids(all.begin(), all.begin() + 6);
    const auto spec = preset("demo").spec;
    auto net = makeResNet(spec, 3);
    {
      torch::optim::SGD opt(net->parameters(), 0.1);
      net->train();
      const auto x = resizeToModelInput(loadStandardizedInput(p, all, torch::kCPU), spec);
      torch::cross_entropy_loss(net->forward(x), torch::arange(x.size(0)) % 14).backward();
      opt.step();
      net->zero_grad();
      net->eval();
    }
    const int period = gridPeriod(spec, 128, 320);
    QCOMPARE(period, 4);
    const LogitsFn f = [&](const torch::Tensor& x) { return logitsOfStandardized(net, x); };
    const auto x = loadStandardizedInput(p, ids, torch::kCPU);
    const auto classes = torch::tensor(std::vector<long>{0, 3, 5, 7, 9, 13}, torch::kLong);
    for (auto m : {SaliencyMethod::Vanilla, SaliencyMethod::SmoothGrad,
                   SaliencyMethod::IntegratedGradients}) {
      const auto o = withMethod(m);
      const auto raw = reduceToMap(attributions(f, x, classes, o), m).contiguous();
      const auto now = saliencyMaps(net, x, classes, o).contiguous();
      double shareRaw = 0, shareNow = 0;
      for (long i = 0; i < x.size(0); ++i) {
        shareRaw += gridEnergyShare(cv::Mat(128, 320, CV_32F, raw[i].data_ptr<float>()), period);
        shareNow += gridEnergyShare(cv::Mat(128, 320, CV_32F, now[i].data_ptr<float>()), period);
      }
      qInfo("%s: grid share %.5f without shifts, %.5f with (%.0fx)", saliencyMethodName(m).c_str(),
            shareRaw / 6, shareNow / 6, shareRaw / shareNow);
      QVERIFY2(shareNow * 10 <= shareRaw,
               qPrintable(QStringLiteral("%1: %2 -> %3")
                              .arg(QString::fromStdString(saliencyMethodName(m)))
                              .arg(shareRaw / 6)
                              .arg(shareNow / 6)));
    }
  }

  void gradCamShowsRegions() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto all = imagesInPart(p, SplitPart::Test);
    const std::vector<std::int64_t> ids(all.begin(), all.begin() + 4);
    for (auto m : {SaliencyMethod::GradCam, SaliencyMethod::GradCamTwoStages}) {
      std::size_t events = 0;
      const auto maps = computeSaliency(p, plainRun_, ids, withMethod(m), 0,
                                        [&](const ProgressEvent&) { ++events; });
      QCOMPARE(events, std::size_t{1});  // one pass: no per-pass events
      for (const auto& map : maps) {
        QCOMPARE(map.map.rows, 128);
        QCOMPARE(map.map.cols, 320);
        double lo = 0, hi = 0;
        cv::minMaxLoc(map.map, &lo, &hi);
        QVERIFY(lo >= 0);
        // The two-stage map is the mean of two maps scaled to their maxima.
        if (m == SaliencyMethod::GradCamTwoStages) QVERIFY(hi <= 1 + 1e-5);
        // Upsampled smoothly from a coarse grid: no lattice at the input's grid.
        if (hi > 0) QVERIFY(gridEnergyShare(map.map, 8) < 0.01);
      }
      // Class-discriminative: another stage's map is another map.
      const auto other =
          computeSaliency(p, plainRun_, {ids[0]}, withMethod(m), maps[0].stage == 4 ? 5 : 4);
      QVERIFY(cv::norm(other[0].map, maps[0].map, cv::NORM_INF) > 0);
    }
  }

  void refusesWhatItCannotExplain() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto ids = imagesInPart(p, SplitPart::Test);
    const SaliencyOptions o;
    auto message = thrownMessage([&] { computeSaliency(p, gaborRun_, ids, o); });
    QVERIFY2(message.contains(QStringLiteral("Gabor")) &&
                 message.contains(QStringLiteral("not a differentiable")),
             qPrintable(message));
    message = thrownMessage([&] { computeSaliency(p, plainRun_, ids, o, 3); });
    QVERIFY2(
        message.contains(QStringLiteral("stage 3")) && message.contains(QStringLiteral("4..17")),
        qPrintable(message));
    QVERIFY_THROWS_EXCEPTION(Error, computeSaliency(p, plainRun_, ids, o, 18));
    message = thrownMessage([&] { computeSaliency(p, 999, ids, o); });
    QVERIFY2(message.contains(QStringLiteral("no run #999")), qPrintable(message));
    auto bad = o;
    bad.batchSize = 0;
    QVERIFY_THROWS_EXCEPTION(Error, computeSaliency(p, plainRun_, ids, bad));

    CancelToken cancel;
    cancel.cancel();
    QVERIFY_THROWS_EXCEPTION(Cancelled, computeSaliency(p, plainRun_, ids, o, 0, {}, &cancel));
  }
};

QTEST_GUILESS_MAIN(SaliencyTest)
#include "SaliencyTest.moc"
