#include <QtTest>

#include <chrono>
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
