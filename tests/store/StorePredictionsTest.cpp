#include <QtTest>

#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "model/Predictor.h"
#include "model/StoredPredictions.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;

namespace {

// A prediction of `stage` with probability p, the rest spread evenly over the other stages.
StagePrediction prediction(std::int64_t image, int stage, float p) {
  StagePrediction s;
  s.imageId = image;
  s.stage = stage;
  s.probability = p;
  s.probabilities.fill((1.0f - p) / (kNumFineStages - 1));
  s.probabilities[static_cast<std::size_t>(fineStageIndex(stage))] = p;
  return s;
}

void compareStored(const StoredPrediction& got, const StagePrediction& want) {
  QCOMPARE(got.imageId, want.imageId);
  QCOMPARE(got.stage, want.stage);
  QCOMPARE(got.probability, want.probability);
  QCOMPARE(got.probabilities,
           std::vector<float>(want.probabilities.begin(), want.probabilities.end()));
}

}  // namespace

// storePredictions(): the one way predictions become a run's stored predictions (the command
// line's predict --store and the GUI's Predict All Images).
class StorePredictionsTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::vector<std::int64_t> ids_;
  std::int64_t run_ = 0;

  Project open() { return Project::open(dir_ / "s.flystage", OpenMode::Existing); }

 private Q_SLOTS:
  void initTestCase() {
    Project p = Project::open(dir_ / "s.flystage");
    QVERIFY(runImport(p, parseLabelsCsv(test::samplesDir() / "labels.csv"), {}).committed);
    ids_ = p.imageIds();
    QVERIFY(ids_.size() >= 4);
    RunRecord record;
    record.method = "plain";
    record.preset = "tiny";
    record.status = "finished";
    run_ = runstore::createRun(p, record);
  }

  void storedValuesReadBack() {
    Project p = open();
    const std::vector<StagePrediction> preds = {prediction(ids_[0], 9, 0.625f),
                                                prediction(ids_[1], 17, 0.875f),
                                                prediction(ids_[2], 4, 0.25f)};
    const auto converted = toStoredPredictions(preds);
    QCOMPARE(converted.size(), std::size_t(3));
    compareStored(converted[1], preds[1]);
    QCOMPARE(converted[1].probabilities.size(), std::size_t(kNumFineStages));

    QCOMPARE(storePredictions(p, run_, preds), std::size_t(3));
    const auto stored = runstore::predictions(p, run_);  // by image id
    QCOMPARE(stored.size(), std::size_t(3));
    for (std::size_t i = 0; i < 3; ++i) compareStored(stored[i], preds[i]);
  }

  // Predicting again replaces the images predicted again and keeps the run's others.
  void aSecondCallReplacesItsImagesOnly() {
    Project p = open();
    const auto again = prediction(ids_[1], 12, 0.5f);
    QCOMPARE(storePredictions(p, run_, {again, prediction(ids_[3], 5, 0.75f)}), std::size_t(2));
    const auto stored = runstore::predictions(p, run_);
    QCOMPARE(stored.size(), std::size_t(4));
    compareStored(stored[0], prediction(ids_[0], 9, 0.625f));
    compareStored(stored[1], again);
    compareStored(stored[2], prediction(ids_[2], 4, 0.25f));
    compareStored(stored[3], prediction(ids_[3], 5, 0.75f));
  }

  // An unknown run or image: one clear line and nothing stored (SQLite alone said only
  // "FOREIGN KEY constraint failed").
  void anUnknownRunOrImageStoresNothing() {
    Project p = open();
    const auto before = runstore::predictions(p, run_);
    QCOMPARE(test::errorText([&] { storePredictions(p, 999, {prediction(ids_[0], 6, 0.5f)}); }),
             QStringLiteral("run #999 does not exist: no prediction stored"));
    QVERIFY(runstore::predictions(p, 999).empty());
    QCOMPARE(
        test::errorText([&] {
          storePredictions(p, run_, {prediction(ids_[0], 6, 0.5f), prediction(424242, 6, 0.5f)});
        }),
        QStringLiteral(
            "image #424242 is not in the project (deleted since the prediction?): no prediction "
            "stored"));
    const auto after = runstore::predictions(p, run_);
    QCOMPARE(after.size(), before.size());
    QCOMPARE(after[0].stage, 9);  // ids_[0]'s prediction of the valid half was not stored
    QCOMPARE(storePredictions(p, run_, {}), std::size_t(0));
  }

  // The command line's predict --store keeps exactly what the model predicts.
  void commandLineStoresThePredictions() {
    test::TempDir dir;
    const auto project = test::makeSyntheticProject(dir, 21, 0.002, 3);
    const auto train = test::runCli({"train", test::qs(project), "--method", "plain", "--preset",
                                     "tiny", "--plain-epochs", "1", "--quiet"});
    QVERIFY2(train.code == 0, qPrintable(test::why(train)));
    const auto run = static_cast<std::int64_t>(train.out.trimmed().toLongLong());
    const auto predict = test::runCli({"predict", test::qs(project), "--run", QString::number(run),
                                       "--csv", test::qs(dir / "p.csv"), "--store"});
    QVERIFY2(predict.code == 0, qPrintable(test::why(predict)));
    Project p = Project::open(project, OpenMode::ReadOnly);
    const auto ids = p.imageIds();
    const auto want = predictStages(p, run, ids);
    const auto stored = runstore::predictions(p, run);
    QCOMPARE(stored.size(), ids.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      QCOMPARE(stored[i].imageId, want[i].imageId);
      QCOMPARE(stored[i].stage, want[i].stage);
      QVERIFY(std::abs(stored[i].probability - want[i].probability) < 1e-5);
    }
  }
};

QTEST_GUILESS_MAIN(StorePredictionsTest)
#include "StorePredictionsTest.moc"
