#include <QtTest>

#include "model/FoldedResNet.h"
#include "model/ModelFile.h"
#include "model/Predictor.h"
#include "model/Presets.h"
#include "model/ResNet.h"
#include "store/ImageList.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "train/RunData.h"
#include "train/Trainer.h"

using namespace flystage;

namespace {

// A network whose batch norms do something (running statistics, scales and shifts away from
// their initial 0/1) and whose head is scaled to logits of standard deviation 4: confident
// probabilities, which a folding mistake would move by much more than the tolerance.
ResNet trainedLooking(const std::string& presetName, std::uint64_t seed) {
  auto net = makeResNet(preset(presetName).spec, seed);
  torch::NoGradGuard guard;
  torch::manual_seed(seed + 100);
  for (auto& m : net->modules(false))
    if (auto* bn = m->as<torch::nn::BatchNorm2d>()) {
      bn->running_mean.uniform_(-0.3, 0.3);
      bn->running_var.uniform_(0.5, 2.0);
      bn->weight.uniform_(0.5, 1.5);
      bn->bias.uniform_(-0.2, 0.2);
    }
  net->eval();
  const auto spread = net->forward(torch::rand({4, 3, net->spec.inputHeight, net->spec.inputWidth}))
                          .std()
                          .item<double>();
  net->head->weight.mul_(4 / spread);
  net->head->bias.mul_(4 / spread);
  return net;
}

torch::Tensor probabilities(ResNet& net, const torch::Tensor& x) {
  torch::NoGradGuard guard;
  return torch::softmax(net->forward(x), 1);
}

torch::Tensor input(const ModelSpec& spec, long n, std::uint64_t seed) {
  torch::manual_seed(seed);
  return torch::rand({n, 3, spec.inputHeight, spec.inputWidth});
}

double maxDifference(const torch::Tensor& a, const torch::Tensor& b) {
  return (a - b).abs().max().item<double>();
}

}  // namespace

class FoldedResNetTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // The speed-ups of docs/performance.md must not change a prediction: the folded network
  // (channels-last) and the channels-last module agree with the plain NCHW module to 1e-4
  // in probability, and call the same stage.
  void foldedAndChannelsLastPredictAsPlainNchw_data() {
    QTest::addColumn<QString>("presetName");
    QTest::newRow("tiny") << QStringLiteral("tiny");
    QTest::newRow("demo") << QStringLiteral("demo");
    QTest::newRow("fast") << QStringLiteral("fast");
  }
  void foldedAndChannelsLastPredictAsPlainNchw() {
    QFETCH(QString, presetName);
    auto net = trainedLooking(presetName.toStdString(), 5);
    const auto x = input(net->spec, 6, 9);
    QVERIFY(net->channelsLast());
    const auto channelsLast = probabilities(net, x);
    const FoldedResNet folded(net);
    const auto fused = torch::softmax(folded.forward(x), 1);
    net->setChannelsLast(false);
    QVERIFY(net->head->weight.is_contiguous());
    const auto plain = probabilities(net, x);

    QVERIFY2(plain.max().item<double>() > 0.5, "the check needs confident predictions");
    QVERIFY2(maxDifference(channelsLast, plain) < 1e-4,
             qPrintable(QString::number(maxDifference(channelsLast, plain))));
    QVERIFY2(maxDifference(fused, plain) < 1e-4,
             qPrintable(QString::number(maxDifference(fused, plain))));
    QVERIFY(torch::equal(fused.argmax(1), plain.argmax(1)));
    // The comparison has power: batch statistics (train mode) instead of the running ones
    // the folding uses move the probabilities far beyond the tolerance.
    net->train();
    torch::NoGradGuard guard;
    const auto batchStats = torch::softmax(net->forward(x), 1);
    QVERIFY(maxDifference(batchStats, plain) > 1e-2);
  }

  // Training steps in channels-last are the NCHW steps to float rounding (the same losses,
  // gradients and weights), and keep the weights channels-last, the layout the optimizer's
  // state follows.
  void channelsLastTrainsAsNchw() {
    const auto spec = preset("tiny").spec;
    auto a = makeResNet(spec, 3), b = makeResNet(spec, 3);
    b->setChannelsLast(false);
    const auto x = input(spec, 8, 4);
    const auto y = torch::arange(8, torch::kLong).remainder(14);
    constexpr int kSteps = 3;
    std::vector<double> losses[2];
    std::vector<torch::Tensor> firstGradients[2];
    int side = 0;
    for (auto* net : {&a, &b}) {
      (*net)->train();
      torch::optim::SGD opt((*net)->parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));
      for (int step = 0; step < kSteps; ++step) {
        opt.zero_grad();
        const auto loss = torch::cross_entropy_loss((*net)->forward(x), y);
        loss.backward();
        if (step == 0)
          for (const auto& p : (*net)->parameters())
            firstGradients[side].push_back(p.grad().clone());
        opt.step();
        losses[side].push_back(loss.item<double>());
      }
      ++side;
    }
    for (int step = 0; step < kSteps; ++step)
      QVERIFY2(std::abs(losses[0][step] - losses[1][step]) < 1e-5,
               qPrintable(QStringLiteral("step %1: %2 vs %3")
                              .arg(step)
                              .arg(losses[0][step])
                              .arg(losses[1][step])));
    const auto pa = a->parameters(), pb = b->parameters();
    for (std::size_t i = 0; i < pa.size(); ++i) {
      const double gradScale = firstGradients[1][i].abs().max().item<double>() + 1e-12;
      const double gradError =
          maxDifference(firstGradients[0][i], firstGradients[1][i]) / gradScale;
      QVERIFY2(gradError < 1e-4,
               qPrintable(QStringLiteral("gradient %1: relative %2").arg(i).arg(gradError)));
      QVERIFY2(
          maxDifference(pa[i], pb[i]) < 1e-3,
          qPrintable(QStringLiteral("parameter %1: %2").arg(i).arg(maxDifference(pa[i], pb[i]))));
      if (pa[i].dim() == 4) QVERIFY(pa[i].is_contiguous(torch::MemoryFormat::ChannelsLast));
    }
  }

  // Models saved before channels-last (NCHW weights) load in channels-last and predict as
  // their source; saved channels-last models reload identically.
  void savedModelsOfEitherLayoutLoadAndPredictAlike() {
    auto net = trainedLooking("tiny", 11);
    const auto x = input(net->spec, 4, 12);
    const auto expected = probabilities(net, x);
    auto reloaded = loadModel(saveModel(net));
    QVERIFY(torch::equal(probabilities(reloaded, x), expected));

    net->setChannelsLast(false);
    const auto nchwBlob = saveModel(net);
    auto old = loadModel(nchwBlob);
    QVERIFY(old->channelsLast());
    for (const auto& p : old->parameters())
      if (p.dim() == 4) QVERIFY(p.is_contiguous(torch::MemoryFormat::ChannelsLast));
    QVERIFY(maxDifference(probabilities(old, x), expected) < 1e-5);
  }

  // predictStages (folded, channels-last) on a trained run's model gives the probabilities of
  // the unoptimized network (the module in NCHW) to 1e-4, for every stage of every image.
  void predictStagesAgreesWithTheUnoptimizedNetwork() {
    test::TempDir dir;
    Project p = Project::open(test::makeSyntheticProject(dir), OpenMode::Existing);
    TrainConfig config = TrainConfig::forPreset(Method::Plain, "tiny");
    config.device = "cpu";
    config.plainEpochs = 2;
    const auto run = train(p, config, {});
    std::vector<std::int64_t> ids;
    for (const auto& row : listImages(p)) ids.push_back(row.id);
    const auto predictions = predictStages(p, run, ids);
    QCOMPARE(predictions.size(), ids.size());

    const auto stored = runstore::model(p, run, "final").value();
    auto net = loadModel({stored.specJson, stored.weights, stored.sha256});
    net->setChannelsLast(false);
    const auto x =
        toInput(loadImages(p, ids, net->spec.inputHeight, net->spec.inputWidth), torch::kCPU);
    const auto expected = probabilities(net, x);
    double worst = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto row = expected[static_cast<long>(i)];
      for (int k = 0; k < kNumFineStages; ++k)
        worst = std::max(worst, std::abs(predictions[i].probabilities[k] - row[k].item<double>()));
      QCOMPARE(predictions[i].stage,
               fineStageFromIndex(static_cast<int>(row.argmax().item<long>())));
    }
    QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
  }
};

QTEST_GUILESS_MAIN(FoldedResNetTest)
#include "FoldedResNetTest.moc"
