#include <QtTest>

#include <SQLiteCpp/SQLiteCpp.h>

#include "data/LabelsCsv.h"
#include "eval/ConstrainedMetrics.h"
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

  // Issue 16's "done when": on the 16 real BDGP samples (12 with a curator's range, two of them
  // 1-3, and 4 unlabelled), predict --store calls no stage outside a known range; 1-3 and the
  // unlabelled images have no constrained call; the unconstrained columns are those of
  // --no-range-constraint; range_constraint records which was asked for.
  void constrainedCallsStayInsideTheirRange() {
    test::TempDir dir;
    // A tiny model trained on synthetic data, as a finished run of the samples project.
    const auto synthetic = test::makeSyntheticProject(dir, 21, 0.002, 3);
    const auto train = test::runCli({"train", test::qs(synthetic), "--method", "plain", "--preset",
                                     "tiny", "--plain-epochs", "1", "--quiet"});
    QVERIFY2(train.code == 0, qPrintable(test::why(train)));
    StoredModel model;
    {
      Project s = Project::open(synthetic, OpenMode::ReadOnly);
      model = *runstore::model(s, train.out.trimmed().toLongLong(), "final");
      // The figures stored at the end of training are those computed on read (old runs).
      const auto run = train.out.trimmed().toLongLong();
      const auto stored =
          constrainedMetricsFromJson(*runstore::metricJson(s, run, "test_constrained"));
      const auto onRead =
          constrainedTestMetrics(runstore::runImages(s, run), runstore::predictions(s, run));
      QVERIFY(onRead);
      QCOMPARE(stored.constrainedN, onRead->constrainedN);
      QVERIFY(stored.constrainedN > 0);
      QCOMPARE(stored.metrics.confusion, onRead->metrics.confusion);
    }
    const auto samples = test::makeSamplesProject(dir, true);
    std::int64_t on = 0, off = 0;
    {
      Project p = Project::open(samples, OpenMode::Existing);
      RunRecord record;
      record.method = "plain";
      record.preset = "tiny";
      record.status = "finished";
      on = runstore::createRun(p, record);
      off = runstore::createRun(p, record);
      runstore::saveModel(p, on, model);
      runstore::saveModel(p, off, model);
    }
    for (const auto& [run, extra] :
         {std::pair{on, QStringList{}}, std::pair{off, QStringList{"--no-range-constraint"}}}) {
      const auto r = test::runCli(
          QStringList{"predict", test::qs(samples), "--run", QString::number(run), "--csv",
                      test::qs(dir / ("p" + std::to_string(run) + ".csv")), "--store"} +
          extra);
      QVERIFY2(r.code == 0, qPrintable(test::why(r)));
    }

    Project p = Project::open(samples, OpenMode::ReadOnly);
    const auto count = [&](const std::string& sql, std::int64_t run) {
      SQLite::Statement q(p.db(), sql);
      q.bind(1, static_cast<int64_t>(run));
      return q.executeStep() ? q.getColumn(0).getInt() : -1;
    };
    const auto preds = runstore::predictions(p, on);
    QCOMPARE(preds.size(), std::size_t(16));
    int constrained = 0, movedInside = 0;
    for (const auto& pr : preds) {
      const Label label = p.label(pr.imageId);
      QVERIFY(pr.rangeConstraint);
      QCOMPARE(pr.range, label.range);  // the range the constraint looked at is recorded
      if (!label.range || label.range->last < kMinFineStage) {
        QVERIFY(!pr.constrainedStage);
        QCOMPARE(pr.call(), pr.stage);
        continue;
      }
      QVERIFY(pr.constrainedStage);
      QVERIFY2(label.range->contains(pr.call()), qPrintable(QString::number(pr.imageId)));
      ++constrained;
      if (!label.range->contains(pr.stage)) ++movedInside;
      double sum = 0;
      for (float v : pr.constrainedProbabilities) sum += v;
      QVERIFY(std::abs(sum - 1.0) < 1e-6);
    }
    QCOMPARE(constrained, 10);
    QVERIFY2(movedInside > 0, "the model calls no sample outside its range: the test is void");
    const std::string nullCalls =
        "SELECT count(*) FROM predictions WHERE run_id = ? AND constrained_stage IS NULL AND "
        "constrained_probability IS NULL AND constrained_probabilities IS NULL";
    QCOMPARE(count(nullCalls, on), 6);  // two 1-3, four unlabelled
    QCOMPARE(count("SELECT count(*) FROM predictions p JOIN labels l USING (image_id) WHERE "
                   "p.run_id = ? AND p.constrained_stage IS NULL AND l.stage_range = '1-3'",
                   on),
             2);
    QCOMPARE(
        count("SELECT count(*) FROM predictions WHERE run_id = ? AND range_constraint = 1", on),
        16);
    QCOMPARE(count("SELECT count(*) FROM predictions WHERE run_id = ? AND range_constraint = 0 "
                   "AND stage_range IS NULL",
                   off),
             16);
    QCOMPARE(count(nullCalls, off), 16);
    // The unconstrained call and probabilities are the same, bit for bit.
    QCOMPARE(count("SELECT count(*) FROM predictions a JOIN predictions b USING (image_id) "
                   "WHERE a.run_id = ? AND b.run_id = a.run_id + 1 AND a.stage = b.stage AND "
                   "a.probability = b.probability AND a.probabilities = b.probabilities",
                   on),
             16);

    // The CSV says the same: the constraint, the range and the constrained call.
    QFile csv(test::qs(dir / ("p" + std::to_string(on) + ".csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const auto lines = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 17);
    QVERIFY(lines[0].endsWith(
        ",p_stage_17,range_constraint,stage_range,constrained_stage,constrained_probability"));
    for (const auto& line : lines.mid(1)) {
      const auto cells = line.split(',');
      QCOMPARE(cells.size(), 21);
      QCOMPARE(cells[17], QStringLiteral("1"));
      const auto r = parseStageRange(cells[18].toStdString());
      if (!r || r->first == 1) {
        QVERIFY(cells[19].isEmpty() && cells[20].isEmpty());
      } else {
        QVERIFY2(r->contains(cells[19].toInt()), qPrintable(line));
      }
    }
  }
};

QTEST_GUILESS_MAIN(StorePredictionsTest)
#include "StorePredictionsTest.moc"
