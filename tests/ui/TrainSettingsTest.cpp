#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>

#include "TrainSettings.h"
#include "model/Precision.h"
#include "model/Presets.h"

using namespace flystage;
using flystage::ui::TrainField;
using flystage::ui::TrainSettings;

namespace {

QStringList keys(std::initializer_list<const char*> list) {
  QStringList out;
  for (const char* k : list) out << QString::fromLatin1(k);
  return out;
}

QString text(const std::string& s) {
  return QString::fromStdString(s);
}

}  // namespace

// The training settings without widgets: the table the training panel builds its form
// from, the config <-> values mapping and which fields each method shows.
class TrainSettingsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // Every preset and method, with the non-default choices too: config -> values -> config
  // gives the same run parameters (the run's JSON, every field).
  void everyFieldRoundTripsForEachPreset() {
    for (const Preset& p : presets())
      for (Method m : {Method::Plain, Method::DataLevel, Method::TwoStep, Method::Gabor,
                       Method::TwoStepNoLs}) {
        TrainConfig c = TrainConfig::forPreset(m, p.name);
        QCOMPARE(text(TrainSettings::config(TrainSettings::values(c)).toJson()), text(c.toJson()));
        c.seed = 12345;
        c.device = "cpu";
        c.threads = 1;
        c.precision = Precision::BFloat16;
        c.lrSteps = {3, 7, 11};
        c.lrSchedule = LrSchedule::AbsoluteSteps;  // an older run's settings, shown again
        c.lrMilestones = {0.3, 0.65};
        c.selection = "best-validation-score";
        c.selectionMinPerStage = 3;
        c.referenceFallback = ReferenceFallback::BestImage;
        c.similarityTemperature = 0.25;
        c.flips = false;
        c.similarity = SimilarityVariant::Code;
        c.tauMode = TauMode::LogitMargin;
        c.tau = 3;
        c.splitSeed = 99;
        if (hasFeatureLevel(m)) c.fromRun = 4;
        const TrainConfig back = TrainSettings::config(TrainSettings::values(c));
        QVERIFY2(back.toJson() == c.toJson(), (p.name + " " + methodName(m)).c_str());
      }
  }

  // Each key of a run's JSON is a field of the table or one of the four the panel builds.
  void theTableCoversEveryConfigField() {
    TrainConfig c;
    c.fromRun = 1;
    c.splitSeed = 1;
    std::set<std::string> json;
    const nlohmann::json parsed = nlohmann::json::parse(c.toJson());
    for (const auto& item : parsed.items()) json.insert(item.key());
    std::set<std::string> mapped = {"method", "preset", "from_run", "split_seed"};
    for (const TrainField& f : TrainSettings::fields()) {
      QVERIFY2(mapped.insert(f.key.toStdString()).second, qPrintable(f.key));  // once each
      QVERIFY(f.get && f.set && f.shown);
      QVERIFY(!f.name.isEmpty() && !f.tip.isEmpty() && !f.objectName.isEmpty());
    }
    QVERIFY(json == mapped);
    QCOMPARE(TrainSettings::values(c).size(), static_cast<int>(mapped.size()));
  }

  // Pinned from TrainingPanel::updateVisibleFields before the table existed.
  void shownFieldsPerMethod() {
    // Issue 18: the schedule and its milestones replace the absolute steps in the form; the
    // selection rule is a field of every trained method.
    const QStringList optimisation =
        keys({"learning_rate", "lr_schedule", "lr_milestones", "lr_gamma", "momentum",
              "weight_decay", "batch_size", "flips", "selection", "selection_min_per_stage"});
    const QStringList run = keys({"preset", "device", "precision", "threads", "seed"});
    const QStringList feature = keys({"feature_epochs", "feature_learning_rate", "similarity",
                                      "tau_mode", "tau", "reference_sets", "similarity_weight",
                                      "reference_fallback", "similarity_temperature"});
    for (bool fromRun : {false, true}) {
      QCOMPARE(TrainSettings::shownFields(Method::Plain, fromRun),
               run + keys({"split_seed"}) + optimisation + keys({"plain_epochs"}));
      QCOMPARE(TrainSettings::shownFields(Method::DataLevel, fromRun),
               run + keys({"split_seed"}) + optimisation + keys({"range_epochs", "fine_epochs"}));
      QCOMPARE(TrainSettings::shownFields(Method::Gabor, fromRun),
               keys({"threads", "seed", "split_seed"}));
    }
    QCOMPARE(TrainSettings::shownFields(Method::TwoStep, false),
             run + keys({"from_run", "split_seed"}) + optimisation +
                 keys({"range_epochs", "fine_epochs"}) + feature);
    // Continuing from a finished run's model skips range pretraining and stage fine-tuning.
    QCOMPARE(TrainSettings::shownFields(Method::TwoStep, true),
             run + keys({"from_run", "split_seed"}) + optimisation + feature);
    // The CE-only ablation: the feature level's epochs and rate, no similarity loss.
    QCOMPARE(TrainSettings::shownFields(Method::TwoStepNoLs, true),
             run + keys({"from_run", "split_seed"}) + optimisation +
                 keys({"feature_epochs", "feature_learning_rate"}));
  }

  // The same ranges as the command line, named by the field's label in the form.
  void outOfRangeValueIsRefusedWithTheFieldNamed() {
    TrainSettings::Values v =
        TrainSettings::values(TrainConfig::forPreset(Method::TwoStep, "demo"));
    QCOMPARE(TrainSettings::problem(TrainSettings::config(v)), QString());
    v.insert(QStringLiteral("tau"), 2.0);  // a probability above 1
    QCOMPARE(TrainSettings::problem(TrainSettings::config(v)),
             QStringLiteral("Tau 2: must be a number >= 0 and < 1 (tau mode probability)"));
    v.insert(QStringLiteral("tau_mode"), QStringLiteral("logit-margin"));  // a margin may be 2
    QCOMPARE(TrainSettings::problem(TrainSettings::config(v)), QString());
    v.insert(QStringLiteral("lr_steps"), QStringLiteral("20, 0"));
    QCOMPARE(TrainSettings::problem(TrainSettings::config(v)),
             QStringLiteral("Learning-rate steps 0: must be a whole number 1..10000"));
    v.insert(QStringLiteral("lr_steps"), QStringLiteral("20, 30"));
    v.insert(QStringLiteral("lr_milestones"), QStringLiteral("0.75, 0.5"));
    QCOMPARE(TrainSettings::problem(TrainSettings::config(v)),
             QStringLiteral("Learning-rate milestones 0.75,0.5: must be increasing fractions of "
                            "the phase"));
  }

  // Restore Defaults: the preset's hyperparameters; the method, preset, device, threads,
  // precision, seed, the run to continue from and the split seed stay.
  void presetDefaultsKeepTheRunsIdentity() {
    TrainConfig c = TrainConfig::forPreset(Method::TwoStep, "tiny");
    c.seed = 8;
    c.device = "cpu";
    c.threads = 1;
    c.precision = Precision::BFloat16;
    c.fromRun = 3;
    c.splitSeed = 5;
    c.learningRate = 0.5;
    c.batchSize = 3;
    c.tau = 0.3;
    const TrainConfig d =
        TrainSettings::config(TrainSettings::withPresetDefaults(TrainSettings::values(c)));
    TrainConfig expected = TrainConfig::forPreset(Method::TwoStep, "tiny");
    expected.seed = 8;
    expected.device = "cpu";
    expected.threads = 1;
    expected.precision = Precision::BFloat16;
    expected.fromRun = 3;
    expected.splitSeed = 5;
    QCOMPARE(text(d.toJson()), text(expected.toJson()));
  }
};

QTEST_GUILESS_MAIN(TrainSettingsTest)
#include "TrainSettingsTest.moc"
