#include <QtTest>

#include "train/SimilarityLoss.h"

using namespace flystage;

namespace {
torch::Tensor t2(std::vector<double> v, long rows, long cols) {
  return torch::tensor(v, torch::kFloat64).view({rows, cols});
}
}  // namespace

class SimilarityLossTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void paperLossMatchesHandComputedValues() {
    // F(x) = (1,0); references (1,0), (0,1), (-1,0): cosines 1, 0, -1.
    // softmax = e^1, e^0, e^-1 over 4.086161 = 0.665241, 0.244728, 0.090031.
    const auto refs = t2({1, 0, 0, 1, -1, 0}, 3, 2);
    auto loss0 = similarityLossPaper(t2({1, 0}, 1, 2), refs, torch::tensor({0L}));
    QVERIFY(std::abs(loss0.item<double>() - (-0.665241 + (0.244728 + 0.090031) / 2)) < 1e-6);
    auto loss2 = similarityLossPaper(t2({1, 0}, 1, 2), refs, torch::tensor({2L}));
    QVERIFY(std::abs(loss2.item<double>() - (-0.090031 + (0.665241 + 0.244728) / 2)) < 1e-6);
    // A batch is the mean of its samples; the cosine ignores scale.
    auto both = similarityLossPaper(t2({5, 0, 0.1, 0}, 2, 2), refs, torch::tensor({0L, 2L}));
    QVERIFY(std::abs(both.item<double>() - (loss0.item<double>() + loss2.item<double>()) / 2) <
            1e-9);
  }

  // Features after ReLU are >= 0, so cosines lie in [0, 1]: at the paper's T = 1 the softmax
  // over 14 classes is nearly uniform and even a perfectly separated batch scores only
  // -SIM_y + mean(others) = -(e - 1)/(e + 13) = -0.1093 (plan 0.4). T = 0.1 sharpens it.
  void temperatureSharpens() {
    const long classes = 14;
    const auto refs = torch::eye(classes, torch::kFloat64);  // reference c = one-hot c
    const auto targets = torch::arange(classes, torch::kLong);
    const auto batch = torch::eye(classes, torch::kFloat64) * 3.0;  // sample c = reference c
    const double e = std::exp(1.0), e10 = std::exp(10.0);
    const double flat = similarityLossPaper(batch, refs, targets).item<double>();
    QVERIFY2(std::abs(flat - (-(e - 1) / (e + 13))) < 1e-9, qPrintable(QString::number(flat)));
    QVERIFY(flat > -0.12);
    QCOMPARE(similarityLossPaper(batch, refs, targets, 1.0).item<double>(), flat);
    const double sharp = similarityLossPaper(batch, refs, targets, 0.1).item<double>();
    QVERIFY2(std::abs(sharp - (-(e10 - 1) / (e10 + 13))) < 1e-9,
             qPrintable(QString::number(sharp)));
    QVERIFY(sharp < -0.9);
    // Any non-negative features at T = 1 stay inside the bound [-0.110, +0.047].
    torch::manual_seed(11);
    const auto x = torch::rand({64, 32}, torch::kFloat64);
    const auto r = torch::rand({classes, 32}, torch::kFloat64);
    const auto y = torch::randint(classes, {64}, torch::kLong);
    const double random = similarityLossPaper(x, r, y).item<double>();
    QVERIFY(random > -(e - 1) / (e + 13) && random < (e - 1) / (1 + 13 * e));
  }

  void codeLossMatchesHandComputedValues() {
    // M = logits . refs^T with refs = I: rows (1,2,0)/sqrt(5) and (3,0,4)/5.
    const auto refs = torch::eye(3, torch::kFloat64);
    auto loss = similarityLossCode(t2({1, 2, 0, 3, 0, 4}, 2, 3), refs, torch::tensor({1L, 2L}));
    QVERIFY(std::abs(loss.item<double>() - (-(2 / std::sqrt(5.0)) - 0.8)) < 1e-9);  // a sum
  }

  void gradientsReachSamplesAndReferences() {
    torch::manual_seed(3);
    auto x = torch::randn({4, 6}, torch::kFloat64).requires_grad_();
    auto r = torch::randn({5, 6}, torch::kFloat64).requires_grad_();
    const auto y = torch::tensor({0L, 3L, 4L, 1L});
    similarityLossPaper(x, r, y).backward();
    // Finite differences agree with autograd for every entry of both inputs.
    for (auto* t : {&x, &r}) {
      const auto grad = t->grad().clone();
      QVERIFY(grad.abs().sum().item<double>() > 1e-6);
      for (long i = 0; i < t->numel(); ++i) {
        torch::NoGradGuard g;
        auto flat = t->view({-1});
        const double h = 1e-6, old = flat[i].item<double>();
        flat[i] = old + h;
        const double up = similarityLossPaper(x, r, y).item<double>();
        flat[i] = old - h;
        const double down = similarityLossPaper(x, r, y).item<double>();
        flat[i] = old;
        QVERIFY(std::abs((up - down) / (2 * h) - grad.view({-1})[i].item<double>()) < 1e-6);
      }
    }
    // The code variant too: logits and reference logits both get gradients.
    auto l = torch::randn({4, 5}, torch::kFloat64).requires_grad_();
    auto rl = torch::randn({5, 5}, torch::kFloat64).requires_grad_();
    similarityLossCode(l, rl, y).backward();
    QVERIFY(l.grad().abs().sum().item<double>() > 1e-6);
    QVERIFY(rl.grad().abs().sum().item<double>() > 1e-6);
  }

  void minimizingPullsTheTrueReferenceCloser() {
    // A few gradient steps on x alone raise its cosine to the true class's reference.
    torch::manual_seed(5);
    auto x = torch::randn({1, 8}, torch::kFloat64).requires_grad_();
    const auto r = torch::randn({14, 8}, torch::kFloat64);
    const auto y = torch::tensor({6L});
    auto cosTrue = [&] {
      return torch::cosine_similarity(x.detach(), r[6].view({1, -1})).item<double>();
    };
    const double before = cosTrue();
    for (int i = 0; i < 300; ++i) {
      auto loss = similarityLossPaper(x, r, y);
      if (x.grad().defined()) x.grad().zero_();
      loss.backward();
      torch::NoGradGuard g;
      x -= 5.0 * x.grad();  // the softmax of cosines has small gradients
    }
    QVERIFY(cosTrue() > before);
    QVERIFY2(cosTrue() > 0.9, qPrintable(QString::number(cosTrue())));
  }
};

QTEST_GUILESS_MAIN(SimilarityLossTest)
#include "SimilarityLossTest.moc"
