#include <QtTest>

#include "model/ModelFile.h"
#include "model/Presets.h"
#include "model/ResNet.h"
#include "util/Error.h"

using namespace flystage;

class ModelTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void paperPresetIsTheAuthorsResNet18() {
    const auto& spec = preset("paper").spec;
    QCOMPARE(spec.featureSize(), 20480);  // 512 x 4 x 10
    QCOMPARE(spec.inputHeight, 128);
    QCOMPARE(spec.inputWidth, 320);
    // About 44 GFLOP per image forward (method-details.md).
    QVERIFY2(spec.forwardGflops() > 40 && spec.forwardGflops() < 48,
             qPrintable(QString::number(spec.forwardGflops())));
    torch::NoGradGuard g;
    auto net = makeResNet(spec, 1);
    net->eval();
    std::int64_t params = 0;
    for (const auto& p : net->parameters()) params += p.numel();
    // ResNet-18 body (11.2 M) plus a 20,480 x 14 head.
    QVERIFY2(params > 11'000'000 && params < 11'600'000, qPrintable(QString::number(params)));
    const auto f = net->features(torch::rand({1, 3, 128, 320}));
    QCOMPARE(f.size(1), 20480L);
  }

  void cpuPresetsAreCheap() {
    QVERIFY(preset("fast").spec.forwardGflops() > 0.4 && preset("fast").spec.forwardGflops() < 1.0);
    QVERIFY(preset("demo").spec.forwardGflops() < 0.2);
    for (const auto& p : presets()) {
      torch::NoGradGuard g;
      auto net = makeResNet(p.spec, 1);
      net->eval();
      if (p.name == "paper") continue;  // checked above
      const auto out = net->forward(torch::rand({2, 3, p.spec.inputHeight, p.spec.inputWidth}));
      QCOMPARE(out.size(1), 14L);
      QCOMPARE(net->features(torch::rand({1, 3, p.spec.inputHeight, p.spec.inputWidth})).size(1),
               static_cast<long>(p.spec.featureSize()));
    }
    QVERIFY_THROWS_EXCEPTION(Error, preset("huge"));
  }

  void savedModelsReloadAndPredictIdentically() {
    auto spec = preset("tiny").spec;
    auto net = makeResNet(spec, 7);
    // Train one step so BN running statistics differ from their defaults.
    torch::optim::SGD opt(net->parameters(), 0.1);
    net->train();
    auto x = torch::rand({8, 3, spec.inputHeight, spec.inputWidth});
    torch::cross_entropy_loss(net->forward(x), torch::randint(0, 14, {8})).backward();
    opt.step();
    net->eval();
    const auto blob = saveModel(net);
    auto again = loadModel(blob);
    torch::NoGradGuard g;
    QVERIFY(torch::equal(net->forward(x), again->forward(x)));
    QCOMPARE(again->spec.toJson(), spec.toJson());
    // The same seed builds the same weights.
    auto a = makeResNet(spec, 3), b = makeResNet(spec, 3);
    a->eval();
    b->eval();
    QVERIFY(torch::equal(a->forward(x), b->forward(x)));
  }

  void damagedModelsAreRefused() {
    auto net = makeResNet(preset("tiny").spec, 1);
    auto blob = saveModel(net);
    auto tampered = blob;
    tampered.weights[tampered.weights.size() / 2] ^= 0x55;
    try {
      loadModel(tampered);
      QFAIL("no exception");
    } catch (const Error& e) {
      QVERIFY(std::string(e.what()).find("fail their checksum") != std::string::npos);
    }
    auto foreign = blob;
    foreign.specJson = preset("demo").spec.toJson();  // weights of another architecture
    try {
      loadModel(foreign);
      QFAIL("no exception");
    } catch (const Error& e) {
      QVERIFY2(std::string(e.what()).find("does not match its architecture") != std::string::npos,
               e.what());
    }
    auto garbage = blob;
    garbage.specJson = "{not json";
    QVERIFY_THROWS_EXCEPTION(Error, loadModel(garbage));
    auto truncated = blob;
    truncated.weights.resize(100);
    truncated.sha256 = "0";
    QVERIFY_THROWS_EXCEPTION(Error, loadModel(truncated));
  }
};

QTEST_GUILESS_MAIN(ModelTest)
#include "ModelTest.moc"
