#include <QtTest>

#include "train/SimilarityNames.h"
#include "train/TrainConfig.h"
#include "util/Error.h"

using namespace flystage;

namespace {

// Run #3 of the demo project stored before issue 18 (its params_json, verbatim).
const char* kOldRun =
    R"({"batch_size":16,"device":"auto","feature_epochs":10,"feature_learning_rate":0.001,)"
    R"("fine_epochs":16,"flips":true,"learning_rate":0.01,"lr_gamma":0.1,"lr_steps":[12,18],)"
    R"("method":"data-level","momentum":0.9,"plain_epochs":24,"precision":"float32",)"
    R"("preset":"demo","range_epochs":10,"reference_sets":100,"seed":1,"similarity":"paper",)"
    R"("similarity_weight":1.0,"split_seed":1,"tau":0.8,"tau_mode":"probability","threads":0,)"
    R"("weight_decay":0.0005})";

}  // namespace

class TrainConfigTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void newKeysRoundTrip() {
    TrainConfig c = TrainConfig::forPreset(Method::TwoStepNoLs, "tiny");
    c.lrSchedule = LrSchedule::Cosine;
    c.lrMilestones = {0.25, 0.6};
    c.referenceFallback = ReferenceFallback::BestImage;
    c.similarityTemperature = 0.1;
    c.selection = "best-validation-score";
    c.selectionMinPerStage = 3;
    const std::string json = c.toJson();
    QVERIFY(json.find(R"("lr_schedule":"cosine")") != std::string::npos);
    QVERIFY(json.find(R"("reference_fallback":"best-image")") != std::string::npos);
    QVERIFY(json.find(R"("selection":"best-validation-score")") != std::string::npos);
    const TrainConfig back = TrainConfig::fromJson(json);
    QCOMPARE(back.method, Method::TwoStepNoLs);
    QCOMPARE(back.lrSchedule, LrSchedule::Cosine);
    QCOMPARE(back.lrMilestones, (std::vector<double>{0.25, 0.6}));
    QCOMPARE(back.referenceFallback, ReferenceFallback::BestImage);
    QCOMPARE(back.similarityTemperature, 0.1);
    QCOMPARE(back.selection, std::string("best-validation-score"));
    QCOMPARE(back.selectionMinPerStage, 3);
    QCOMPARE(back.toJson(), json);
    for (LrSchedule s : {LrSchedule::Step, LrSchedule::Cosine, LrSchedule::AbsoluteSteps})
      QCOMPARE(parseLrSchedule(lrScheduleName(s)), s);
  }

  void newRunsGetTheRelativeScheduleAndAllImages() {
    const TrainConfig c = TrainConfig::forPreset(Method::TwoStep, "demo");
    QCOMPARE(c.lrSchedule, LrSchedule::Step);
    QCOMPARE(c.lrMilestones, (std::vector<double>{0.5, 0.75}));
    QCOMPARE(c.referenceFallback, ReferenceFallback::AllImages);
    QCOMPARE(c.selection, std::string("auto"));
    QCOMPARE(c.selectionMinPerStage, 5);
    QCOMPARE(c.similarityTemperature, 1.0);
    QCOMPARE(TrainConfig::forPreset(Method::Plain, "paper").lrMilestones,
             (std::vector<double>{1.0 / 3, 0.5}));
  }

  void anOldRunReadsAsItTrained() {
    const TrainConfig c = TrainConfig::fromJson(kOldRun);
    QCOMPARE(c.method, Method::DataLevel);
    QCOMPARE(c.lrSchedule, LrSchedule::AbsoluteSteps);
    QCOMPARE(c.lrSteps, (std::vector<int>{12, 18}));
    QCOMPARE(c.referenceFallback, ReferenceFallback::BestImage);
    QCOMPARE(c.selection, std::string("first-best-validation-score"));
    QCOMPARE(c.similarityTemperature, 1.0);
    QVERIFY(!c.validate());
  }

  void badValuesAreRefused() {
    TrainConfig c = TrainConfig::forPreset(Method::TwoStep, "tiny");
    c.lrMilestones = {0.75, 0.5};
    QCOMPARE(c.validate()->message("--lr-milestones"),
             std::string("--lr-milestones 0.75,0.5: must be increasing fractions of the phase"));
    c.lrMilestones = {0.5, 1};
    QCOMPARE(c.validate()->field, std::string("lr_milestones"));
    c.lrMilestones = {0.5};
    c.similarityTemperature = 0;
    QCOMPARE(c.validate()->field, std::string("similarity_temperature"));
    c.similarityTemperature = 100;
    QVERIFY(!c.validate());
    c.selectionMinPerStage = 0;
    QCOMPARE(c.validate()->field, std::string("selection_min_per_stage"));
    c.selectionMinPerStage = 5;
    c.selection = "best";
    QCOMPARE(c.validate()->message("--selection"),
             std::string("--selection 'best': must be one of auto, first-best-validation-score, "
                         "best-validation-score, best-validation-loss, last-epoch"));
    std::string json = TrainConfig::forPreset(Method::Plain, "tiny").toJson();
    json.replace(json.find(R"("lr_schedule":"step")"), 20, R"("lr_schedule":"ramp")");
    try {
      TrainConfig::fromJson(json);
      QFAIL("an unknown schedule");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               std::string("unknown learning-rate schedule 'ramp' (choose step, cosine or "
                           "absolute)"));
    }
  }
};

QTEST_GUILESS_MAIN(TrainConfigTest)
#include "TrainConfigTest.moc"
