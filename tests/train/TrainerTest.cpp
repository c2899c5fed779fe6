#include <QtTest>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>

#include "data/LabelsCsv.h"
#include "eval/StageMetrics.h"
#include "importer/Importer.h"
#include "model/Predictor.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "store/Split.h"
#include "support/TestSupport.h"
#include "synth/DemoDataset.h"
#include "train/EpochSelection.h"
#include "train/Trainer.h"
#include "util/Error.h"

using namespace flystage;

namespace {

TrainConfig tiny(Method m, std::uint64_t seed = 1) {
  TrainConfig c = TrainConfig::forPreset(m, "tiny");
  c.seed = seed;
  c.device = "cpu";
  c.plainEpochs = 3;
  c.rangeEpochs = 2;
  c.fineEpochs = 2;
  c.featureEpochs = 2;
  c.referenceSets = 5;
  c.tau = 0.3;
  return c;
}

std::string finalSha(Project& p, std::int64_t run) {
  return runstore::model(p, run, "final")->sha256;
}

}  // namespace

class TrainerTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path project_;

 private Q_SLOTS:
  void initTestCase() {
    project_ = test::makeSyntheticProject(dir_);
    Project p = Project::open(project_, OpenMode::Existing);
    QVERIFY(p.summary().perSplit["test"] >= 14);
  }

  void everyMethodTrainsSavesReloadsAndEvaluates() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto test = imagesInPart(p, SplitPart::Test);
    for (Method m : {Method::Plain, Method::DataLevel, Method::TwoStep, Method::Gabor}) {
      std::vector<EpochRecord> epochs;
      TrainCallbacks cb;
      cb.epochEnd = [&](const EpochRecord& e) { epochs.push_back(e); };
      const auto id = train(p, tiny(m), cb);
      const auto run = runstore::run(p, id).value();
      QCOMPARE(run.status, std::string("finished"));
      QCOMPARE(run.method, methodName(m));
      QVERIFY(run.versionsJson.find("libtorch") != std::string::npos);
      QVERIFY(run.paramsJson.find("\"seed\":1") != std::string::npos);
      const std::size_t expectedEpochs = m == Method::Plain       ? 3
                                         : m == Method::DataLevel ? 4
                                         : m == Method::TwoStep   ? 6
                                                                  : 4;  // gabor: 4 L2 values
      QCOMPARE(epochs.size(), expectedEpochs);
      QCOMPARE(runstore::epochs(p, id).size(), expectedEpochs);
      const auto metrics = stageMetricsFromJson(runstore::metricJson(p, id, "test").value());
      QCOMPARE(metrics.nTest, static_cast<int>(test.size()));
      int confusionTotal = 0;
      for (const auto& row : metrics.confusion)
        for (int v : row) confusionTotal += v;
      QCOMPARE(confusionTotal, static_cast<int>(test.size()));
      // The saved model reloads and gives the stored test predictions again.
      const auto stored = runstore::predictions(p, id);
      QCOMPARE(stored.size(), test.size());
      std::vector<std::int64_t> ids;
      for (const auto& s : stored) ids.push_back(s.imageId);
      QCOMPARE(ids, test);
      const auto again = predictStages(p, id, ids);
      for (std::size_t i = 0; i < ids.size(); ++i) {
        QCOMPARE(again[i].stage, stored[i].stage);
        QVERIFY(std::abs(again[i].probability - stored[i].probability) < 1e-5);
      }
    }
  }

  void testImagesNeverReachPretraining() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto id = train(p, tiny(Method::DataLevel, 4), {});
    std::set<std::int64_t> test, range;
    for (const auto& im : runstore::runImages(p, id)) {
      if (im.part == "test") test.insert(im.imageId);
      if (im.part == "range") range.insert(im.imageId);
    }
    QVERIFY(!test.empty());
    QVERIFY(range.size() > 2 * test.size());
    for (auto t : test) QVERIFY(!range.count(t));
  }

  void repeatedSplitsLeaveTheProjectSplitAlone() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto before = imagesInPart(p, SplitPart::Test);
    auto c = tiny(Method::Gabor);
    c.splitSeed = 77;
    const auto id = train(p, c, {});
    std::vector<std::int64_t> runTest;
    std::map<int, int> perStage;
    for (const auto& im : runstore::runImages(p, id))
      if (im.part == "test") {
        runTest.push_back(im.imageId);
        ++perStage[*im.stage];
      }
    QCOMPARE(runTest.size(), before.size());  // same fractions, stratified per stage
    QVERIFY(runTest != before);               // another draw
    QCOMPARE(perStage.size(), std::size_t(14));
    QCOMPARE(imagesInPart(p, SplitPart::Test), before);  // the project's split is unchanged
    QVERIFY(runstore::run(p, id)->paramsJson.find("\"split_seed\":77") != std::string::npos);
  }

  void sameSeedSameModelOtherSeedOther() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto a = train(p, tiny(Method::Plain, 5), {});
    const auto b = train(p, tiny(Method::Plain, 5), {});
    const auto c = train(p, tiny(Method::Plain, 6), {});
    QCOMPARE(finalSha(p, a), finalSha(p, b));
    QVERIFY(finalSha(p, a) != finalSha(p, c));
  }

  // bfloat16 autocast through both steps (the similarity loss too): the run finishes,
  // records its precision, and its model differs from float32's with the same seed.
  void bfloat16RunsTrainAndRecordTheirPrecision() {
    Project p = Project::open(project_, OpenMode::Existing);
    auto c = tiny(Method::TwoStep, 8);
    const auto fp32 = train(p, c, {});
    c.precision = Precision::BFloat16;
    std::vector<EpochRecord> epochs;
    TrainCallbacks cb;
    cb.epochEnd = [&](const EpochRecord& e) { epochs.push_back(e); };
    const auto bf16 = train(p, c, cb);
    const auto run = runstore::run(p, bf16).value();
    QCOMPARE(run.status, std::string("finished"));
    QVERIFY(run.paramsJson.find("\"precision\":\"bfloat16\"") != std::string::npos);
    QCOMPARE(epochs.size(), std::size_t(6));
    for (const auto& e : epochs) QVERIFY(std::isfinite(e.trainLoss) && e.trainLoss > 0);
    QVERIFY(finalSha(p, bf16) != finalSha(p, fp32));
    const auto metrics = stageMetricsFromJson(runstore::metricJson(p, bf16, "test").value());
    QCOMPARE(metrics.nTest, static_cast<int>(imagesInPart(p, SplitPart::Test).size()));
  }

  // Another connection holds the write lock longer than the busy timeout (an import in the
  // desktop application, another program labelling): the run waits it out, and a cancel
  // ends the wait.
  void runsWaitOutAnotherWriteAndACancelEndsTheWait() {
    Project p = Project::open(project_, OpenMode::Existing);
    SQLite::Database other(project_.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    const int holdMs = kProjectBusyTimeoutMs + 1500;
    std::thread release([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(holdMs));
      other.exec("COMMIT");
    });
    QElapsedTimer t;
    t.start();
    const auto id = train(p, tiny(Method::Gabor), {});
    const auto waited = t.elapsed();
    release.join();
    QVERIFY2(waited >= holdMs - 100, qPrintable(QString::number(waited)));
    QCOMPARE(runstore::run(p, id)->status, std::string("finished"));

    other.exec("BEGIN IMMEDIATE");
    CancelToken cancel;
    TrainCallbacks cb;
    cb.cancel = &cancel;
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(1000));
      cancel.cancel();
    });
    t.restart();
    bool refused = false;
    try {
      train(p, tiny(Method::Plain), cb);
    } catch (const Error& e) {
      refused = std::string(e.what()).find("another program is writing this project") !=
                std::string::npos;
    }
    const auto stopped = t.elapsed();
    canceller.join();
    other.exec("ROLLBACK");
    QVERIFY(refused);
    QVERIFY2(stopped >= 900 && stopped < 3000, qPrintable(QString::number(stopped)));
  }

  void cancelledRunsResumeToTheUninterruptedResult_data() {
    QTest::addColumn<int>("method");
    QTest::addColumn<QString>("cancelIn");
    QTest::newRow("data-level, in range pretraining") << int(Method::DataLevel) << "range";
    QTest::newRow("two-step, in the feature level") << int(Method::TwoStep) << "feature";
  }
  void cancelledRunsResumeToTheUninterruptedResult() {
    QFETCH(int, method);
    QFETCH(QString, cancelIn);
    Project p = Project::open(project_, OpenMode::Existing);
    const auto config = tiny(static_cast<Method>(method), 9);
    const auto uninterrupted = train(p, config, {});

    CancelToken cancel;
    TrainCallbacks cb;
    cb.cancel = &cancel;
    int afterCancel = 0;
    std::int64_t runId = 0;
    cb.runCreated = [&](std::int64_t id) { runId = id; };
    cb.progress = [&](const TrainProgress& pr) {
      if (cancel.cancelled()) ++afterCancel;
      // Cancel in the second epoch of the chosen phase, in the middle of it.
      if (pr.phase == cancelIn.toStdString() && pr.epoch == 2 && pr.batch == 2) cancel.cancel();
    };
    QVERIFY_THROWS_EXCEPTION(Cancelled, train(p, config, cb));
    QCOMPARE(afterCancel, 0);  // not one more batch after the cancel
    QCOMPARE(runstore::run(p, runId)->status, std::string("cancelled"));
    QVERIFY(runstore::checkpoint(p, runId).has_value());
    QVERIFY(!runstore::model(p, runId, "final"));

    const auto resumed = resumeTraining(p, runId, {});
    QCOMPARE(resumed, runId);
    QCOMPARE(runstore::run(p, runId)->status, std::string("finished"));
    QVERIFY(!runstore::checkpoint(p, runId).has_value());
    QCOMPARE(finalSha(p, runId), finalSha(p, uninterrupted));
    QCOMPARE(runstore::epochs(p, runId).size(), runstore::epochs(p, uninterrupted).size());
    QVERIFY_THROWS_EXCEPTION(Error, resumeTraining(p, runId, {}));  // finished
  }

  // Issue 18, finding 1: with fewer than 5 validation images per stage the run trains the
  // fixed schedule to its end, trains on the validation images and says so in run_selection;
  // finding 2: every phase's learning rate decays (relative milestones).
  void runsRecordTheirSelectionRule() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto train0 = imagesInPart(p, SplitPart::Train).size();
    const auto validation0 = imagesInPart(p, SplitPart::Validation).size();
    QVERIFY(validation0 > 0 && validation0 < 14 * 5);
    const auto id = train(p, tiny(Method::DataLevel, 11), {});
    std::size_t trainImages = 0, validationImages = 0;
    for (const auto& im : runstore::runImages(p, id)) {
      trainImages += im.part == "train";
      validationImages += im.part == "validation";
    }
    QCOMPARE(validationImages, std::size_t(0));
    QCOMPARE(trainImages, train0 + validation0);
    const auto rows = runstore::selections(p, id);
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].phase, std::string("range"));
    QCOMPARE(rows[0].rule, SelectionRule::LastEpoch);
    QCOMPARE(rows[0].reason, std::string("range pretraining trains to its end"));
    QCOMPARE(rows[1].phase, std::string("fine"));
    QCOMPARE(rows[1].rule, SelectionRule::LastEpoch);
    QCOMPARE(rows[1].keptEpoch, 2);
    QCOMPARE(rows[1].epochs, 2);
    QCOMPARE(rows[1].validationImages, 0);
    QVERIFY2(rows[1].reason.find(" (fewer than 5): trained the fixed schedule to its end, "
                                 "validation images trained on") != std::string::npos,
             rows[1].reason.c_str());
    // The rates of every phase fall: tiny's 2-epoch phases drop at epoch 2 (milestone 0.5).
    std::map<std::string, std::vector<double>> rates;
    for (const auto& e : runstore::epochs(p, id)) rates[e.phase].push_back(e.learningRate.value());
    QCOMPARE(rates["range"].size(), std::size_t(2));
    QCOMPARE(rates["range"][0], 0.02);
    QVERIFY(qFuzzyCompare(rates["range"][1], 0.002));
    QVERIFY(qFuzzyCompare(rates["fine"][1], 0.002));

    // An explicit validation rule keeps the validation part and the epoch it chooses.
    auto c = tiny(Method::Plain, 11);
    c.selection = "best-validation-loss";
    const auto plain = train(p, c, {});
    std::size_t kept = 0;
    for (const auto& im : runstore::runImages(p, plain)) kept += im.part == "validation";
    QCOMPARE(kept, validation0);
    const auto epochs = runstore::epochs(p, plain);
    const auto row = runstore::selections(p, plain).at(0);
    QCOMPARE(row.rule, SelectionRule::BestLoss);
    QCOMPARE(row.keptEpoch, keptEpoch(epochs, SelectionRule::BestLoss));
    QCOMPARE(row.validationImages, static_cast<int>(validation0));
    // A run without rows (trained before issue 18) shows what it restored.
    // (Old runs have neither the rows nor the "selection" plan; a new run's phases without a row
    // have not ended yet.)
    QVERIFY(runstore::metricJson(p, plain, "selection").has_value());
    p.db().exec("DELETE FROM run_selection WHERE run_id = " + std::to_string(plain));
    QVERIFY(runstore::selections(p, plain).empty());
    p.db().exec("DELETE FROM metrics WHERE name = 'selection' AND run_id = " +
                std::to_string(plain));
    const auto old = runstore::selections(p, plain).at(0);
    QCOMPARE(old.rule, SelectionRule::FirstBestScore);
    QCOMPARE(old.keptEpoch, keptEpoch(epochs, SelectionRule::FirstBestScore));
    QCOMPARE(old.epochs, 3);
  }

  // Issue 18, finding 3: the CE-only ablation trains from the same data-level run on the same
  // batches as two-step (paired by construction) and builds no reference sets.
  void ceOnlyAblationSeesTheSameBatches() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto dl = train(p, tiny(Method::DataLevel, 12), {});
    auto firstEpochLosses = [&](Method m, double weight, std::int64_t* id) {
      auto c = tiny(m, 12);
      c.fromRun = dl;
      c.similarityWeight = weight;
      std::vector<double> losses;
      TrainCallbacks cb;
      cb.progress = [&](const TrainProgress& pr) {
        if (pr.phase == "feature" && pr.epoch == 1) losses.push_back(pr.loss);
      };
      *id = train(p, c, cb);
      return losses;
    };
    std::int64_t ablation = 0, twoStep = 0, weighted = 0;
    const auto a = firstEpochLosses(Method::TwoStepNoLs, 1.0, &ablation);
    // With L_S weighted 0, two-step's loss is CE on its batch: equal losses = equal batches.
    const auto b = firstEpochLosses(Method::TwoStep, 0.0, &twoStep);
    QVERIFY(a.size() > 2);
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
      QVERIFY2(std::abs(a[i] - b[i]) < 1e-5,
               qPrintable(QString("batch %1: %2 vs %3").arg(i).arg(a[i]).arg(b[i])));
    firstEpochLosses(Method::TwoStep, 1.0, &weighted);
    QCOMPARE(runstore::run(p, ablation)->method, std::string("two-step-no-ls"));
    QCOMPARE(runstore::run(p, ablation)->status, std::string("finished"));
    QCOMPARE(runstore::epochs(p, ablation).size(), std::size_t(2));
    QVERIFY(!runstore::metricJson(p, ablation, "references"));
    const auto refs = runstore::metricJson(p, weighted, "references").value();
    QVERIFY2(refs.find("\"fallback\":\"all-images\"") != std::string::npos, refs.c_str());
    QVERIFY(refs.find("\"stages_without_candidate\":[") != std::string::npos);
    QVERIFY(refs.find("\"candidates_per_stage\":{\"10\":") != std::string::npos);
    // The reference forward pass still moves two-step's batch-norm statistics, so even with
    // weight 0 it is not the ablation: the ablation has to be its own method.
    QVERIFY(finalSha(p, ablation) != finalSha(p, twoStep));
  }

  void twoStepFromADataLevelRunAndTheCodeVariant() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto dl = train(p, tiny(Method::DataLevel, 2), {});
    auto c = tiny(Method::TwoStep, 2);
    c.fromRun = dl;
    c.similarity = SimilarityVariant::Code;
    c.tauMode = TauMode::LogitMargin;
    c.tau = 0.5;
    const auto id = train(p, c, {});
    QCOMPARE(runstore::epochs(p, id).size(), std::size_t(2));  // the feature level only
    QCOMPARE(runstore::run(p, id)->status, std::string("finished"));
    auto wrong = tiny(Method::TwoStep, 2);
    wrong.fromRun = id + 100;
    QVERIFY_THROWS_EXCEPTION(Error, train(p, wrong, {}));
  }
};

QTEST_GUILESS_MAIN(TrainerTest)
#include "TrainerTest.moc"
