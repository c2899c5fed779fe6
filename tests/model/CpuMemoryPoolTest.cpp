#include <QtTest>

#include <torch/torch.h>

#include "model/CpuMemoryPool.h"

using namespace flystage;

class CpuMemoryPoolTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // Within a scope a freed activation-sized block serves the next allocation of the same
  // size; small tensors are left to malloc; the scope's end gives everything back.
  void freedBlocksOfTheSameSizeAreReusedWithinAScope() {
    const auto before = cpuMemoryPoolStats();
    {
      const CpuMemoryPoolScope scope;
      void* first = nullptr;
      {
        auto a = torch::full({1 << 20}, 3.0f);  // 4 MiB
        first = a.data_ptr();
      }
      QCOMPARE(cpuMemoryPoolStats().heldBytes, std::size_t{4} << 20);
      auto b = torch::ones({1 << 20});
      QCOMPARE(b.data_ptr(), first);
      QCOMPARE(b.sum().item<double>(), double(1 << 20));  // a reused block is written afresh
      QCOMPARE(cpuMemoryPoolStats().reused, before.reused + 1);
      QCOMPARE(cpuMemoryPoolStats().heldBytes, std::size_t{0});
      { auto small = torch::ones({16}); }
      QCOMPARE(cpuMemoryPoolStats().heldBytes, std::size_t{0});
      auto c = torch::ones({1 << 19});  // 2 MiB: held after the scope would be a leak
      c = torch::Tensor();
      QCOMPARE(cpuMemoryPoolStats().heldBytes, std::size_t{2} << 20);
    }
    QCOMPARE(cpuMemoryPoolStats().heldBytes, std::size_t{0});
    // Outside a scope nothing is kept.
    { auto d = torch::ones({1 << 20}); }
    QCOMPARE(cpuMemoryPoolStats().heldBytes, std::size_t{0});
  }

  // The pool never holds more than its limit: the blocks freed longest ago go first.
  void heldMemoryStaysWithinTheLimit() {
    const CpuMemoryPoolScope scope(16 << 20);
    void* last = nullptr;
    {
      std::vector<torch::Tensor> many;
      for (int i = 0; i < 10; ++i) many.push_back(torch::empty({(1 << 20) + i}));  // ~4 MiB each
      last = many.back().data_ptr();
    }
    const auto held = cpuMemoryPoolStats().heldBytes;
    QVERIFY2(held <= std::size_t{16} << 20 && held >= std::size_t{12} << 20,
             qPrintable(QString::number(held)));
    // The most recently freed sizes are the ones kept.
    QCOMPARE(torch::empty({(1 << 20) + 9}).data_ptr(), last);
  }

  // Nested scopes: the pool empties only when the outermost one ends.
  void nestedScopesKeepThePoolUntilTheLastEnds() {
    auto outer = std::make_unique<CpuMemoryPoolScope>();
    {
      const CpuMemoryPoolScope inner;
      auto a = torch::ones({1 << 20});
    }
    QCOMPARE(cpuMemoryPoolStats().heldBytes, std::size_t{4} << 20);
    outer.reset();
    QCOMPARE(cpuMemoryPoolStats().heldBytes, std::size_t{0});
  }

  // Training on pooled memory gives bit-identical results.
  void trainingOnPooledMemoryGivesTheSameResult() {
    auto run = [] {
      torch::manual_seed(3);
      auto conv = torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 32, 3).padding(1));
      torch::optim::SGD opt(conv->parameters(), 0.1);
      const auto x = torch::rand({8, 3, 64, 160});
      for (int i = 0; i < 3; ++i) {
        opt.zero_grad();
        conv(x).pow(2).mean().backward();
        opt.step();
      }
      return conv->weight.detach().clone();
    };
    const auto plain = run();
    const CpuMemoryPoolScope scope;
    const auto reusedBefore = cpuMemoryPoolStats().reused;
    const auto pooled = run();
    QVERIFY(cpuMemoryPoolStats().reused > reusedBefore);
    QVERIFY(torch::equal(plain, pooled));
  }
};

QTEST_GUILESS_MAIN(CpuMemoryPoolTest)
#include "CpuMemoryPoolTest.moc"
