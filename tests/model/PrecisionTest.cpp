#include <QtTest>

#include <torch/torch.h>

#include "model/Precision.h"
#include "train/TrainConfig.h"
#include "util/Error.h"

using namespace flystage;

// bfloat16 training: autocast is on exactly while a scope lives, and the run's precision is
// stored with its parameters.
class PrecisionTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void namesParseBackAndUnknownOnesAreRefused() {
    for (Precision p : {Precision::Float32, Precision::BFloat16})
      QVERIFY(parsePrecision(precisionName(p)) == p);
    QVERIFY(parsePrecision("bf16") == Precision::BFloat16);
    QVERIFY(parsePrecision("fp32") == Precision::Float32);
    try {
      parsePrecision("half");
      QFAIL("half was accepted");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               std::string("unknown precision 'half' (choose float32 or bfloat16)"));
    }
  }

  void aBfloat16ScopeComputesInBfloat16UntilItEnds() {
    const auto a = torch::rand({8, 8}), b = torch::rand({8, 8});
    {
      const AutocastScope scope(Precision::BFloat16, false);
      const auto c = torch::mm(a, b);
      QCOMPARE(c.scalar_type(), torch::kBFloat16);
      // bfloat16 keeps 8 bits of mantissa: the product is close to float32's.
      const auto exact = torch::mm(a.to(torch::kFloat64), b.to(torch::kFloat64));
      QVERIFY(torch::allclose(c.to(torch::kFloat64), exact, 0.02, 0.02));
      // A float32 scope inside does nothing: it does not switch autocast off.
      const auto inner = [&] {
        const AutocastScope off(Precision::Float32, false);
        return torch::mm(a, b);
      }();
      QCOMPARE(inner.scalar_type(), torch::kBFloat16);
    }
    QCOMPARE(torch::mm(a, b).scalar_type(), torch::kFloat32);
    {
      const AutocastScope scope(Precision::Float32, false);
      QCOMPARE(torch::mm(a, b).scalar_type(), torch::kFloat32);
    }
  }

  void theRunRecordsItsPrecisionAndOldRunsReadAsFloat32() {
    TrainConfig c = TrainConfig::forPreset(Method::TwoStep, "tiny");
    QVERIFY(c.precision == Precision::Float32);
    c.precision = Precision::BFloat16;
    const auto json = c.toJson();
    QVERIFY(json.find("\"precision\":\"bfloat16\"") != std::string::npos);
    QVERIFY(TrainConfig::fromJson(json).precision == Precision::BFloat16);
    // A run stored before the field existed.
    std::string old = json;
    const std::string field = "\"precision\":\"bfloat16\",";
    old.erase(old.find(field), field.size());
    QVERIFY(old.find("precision") == std::string::npos);
    QVERIFY(TrainConfig::fromJson(old).precision == Precision::Float32);
  }
};

QTEST_MAIN(PrecisionTest)
#include "PrecisionTest.moc"
