#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "synth/DemoDataset.h"
#include "train/Trainer.h"

using namespace flystage;
using Clock = std::chrono::steady_clock;

namespace {

TrainConfig tinyPlain(std::uint64_t seed) {
  TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
  c.seed = seed;
  c.device = "cpu";
  c.plainEpochs = 3;
  return c;
}

double seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

std::string finalSha(Project& p, std::int64_t run) {
  return runstore::model(p, run, "final")->sha256;
}

}  // namespace

class TrainPauseTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path project_;

 private Q_SLOTS:
  void initTestCase() {
    project_ = test::makeSyntheticProject(dir_, 21, 0.003, 5, "t.flystage");
    Project p = Project::open(project_, OpenMode::Existing);
  }

  void aPausedRunWaitsThenEndsAsAnUnpausedOne() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto unpaused = train(p, tinyPlain(3), {});

    PauseToken pause;
    TrainCallbacks cb;
    cb.pause = &pause;
    std::atomic<int> batches{0};
    std::atomic<int> batchesWhilePaused{-1};
    std::atomic<bool> heldWhilePaused{false};
    std::thread resumer;
    bool pausedOnce = false, checkedAfter = false;
    Clock::time_point pausedAt;
    double elapsedAtPause = 0, fractionBefore = -1;
    double lastFraction = 0, lastRemaining = -1;
    bool fractionNeverFell = true;
    std::vector<double> rates;
    cb.progress = [&](const TrainProgress& pr) {
      if (pr.phase != "plain") return;
      ++batches;
      if (pr.fractionDone + 1e-12 < fractionBefore) fractionNeverFell = false;
      fractionBefore = pr.fractionDone;
      lastFraction = pr.fractionDone;
      lastRemaining = pr.remainingSeconds;
      if (pausedOnce && !checkedAfter) {
        // The first batch after the pause: 0.6 s of wall time went by, but neither the
        // training time nor the rate counts them.
        checkedAfter = true;
        const double wall = seconds(Clock::now() - pausedAt);
        QVERIFY2(wall >= 0.55, qPrintable(QString::number(wall)));
        QVERIFY2(pr.elapsedSeconds - elapsedAtPause < wall - 0.45,
                 qPrintable(QStringLiteral("elapsed grew by %1 s in %2 s of wall time")
                                .arg(pr.elapsedSeconds - elapsedAtPause)
                                .arg(wall)));
        rates.push_back(pr.imagesPerSecond);
      }
      if (pr.epoch == 2 && pr.batch == 1 && !pausedOnce) {
        pausedOnce = true;
        pausedAt = Clock::now();
        elapsedAtPause = pr.elapsedSeconds;
        pause.pause();
        const int before = batches;
        resumer = std::thread([&, before] {
          std::this_thread::sleep_for(std::chrono::milliseconds(600));
          batchesWhilePaused = batches - before;
          heldWhilePaused = pause.holding();  // the trainer waits in the token
          pause.resume();
        });
      }
    };
    const auto start = Clock::now();
    const auto id = train(p, tinyPlain(3), cb);
    const double wall = seconds(Clock::now() - start);
    resumer.join();

    QVERIFY(pausedOnce);
    QVERIFY(checkedAfter);
    QCOMPARE(batchesWhilePaused.load(), 0);  // not one batch ran while paused
    QVERIFY(heldWhilePaused);
    QVERIFY(!pause.holding());
    QVERIFY(fractionNeverFell);
    QCOMPARE(lastFraction, 1.0);
    QCOMPARE(lastRemaining, 0.0);
    const auto run = runstore::run(p, id).value();
    QCOMPARE(run.status, std::string("finished"));
    // The stored duration leaves the pause out.
    QVERIFY2(run.durationSeconds < wall - 0.5,
             qPrintable(QStringLiteral("%1 s of %2 s").arg(run.durationSeconds).arg(wall)));
    QCOMPARE(finalSha(p, id), finalSha(p, unpaused));
    QCOMPARE(runstore::epochs(p, id).size(), runstore::epochs(p, unpaused).size());
  }

  void aCancelWhilePausedEndsTheRunAtOnceAndItResumes() {
    Project p = Project::open(project_, OpenMode::Existing);
    const auto unpaused = train(p, tinyPlain(4), {});

    PauseToken pause;
    CancelToken cancel;
    TrainCallbacks cb;
    cb.pause = &pause;
    cb.cancel = &cancel;
    std::int64_t runId = 0;
    cb.runCreated = [&](std::int64_t id) { runId = id; };
    std::thread canceller;
    Clock::time_point cancelledAt;
    int afterPause = 0;
    bool paused = false;
    cb.progress = [&](const TrainProgress& pr) {
      if (pr.phase != "plain") return;
      if (paused) ++afterPause;
      if (pr.epoch == 2 && pr.batch == 1 && !paused) {
        paused = true;
        pause.pause();
        canceller = std::thread([&] {
          std::this_thread::sleep_for(std::chrono::milliseconds(300));
          cancelledAt = Clock::now();
          cancel.cancel();  // the pause is never lifted: the cancel alone ends the wait
        });
      }
    };
    const auto start = Clock::now();
    QVERIFY_THROWS_EXCEPTION(Cancelled, train(p, tinyPlain(4), cb));
    const double reaction = seconds(Clock::now() - cancelledAt);
    const double wall = seconds(Clock::now() - start);
    canceller.join();
    QVERIFY2(reaction < 1.0, qPrintable(QString::number(reaction)));
    QCOMPARE(afterPause, 0);
    const auto run = runstore::run(p, runId).value();
    QCOMPARE(run.status, std::string("cancelled"));
    // Kept (so the resumed run's duration adds to it), the 0.3 s paused left out.
    QVERIFY(run.durationSeconds > 0);
    QVERIFY2(run.durationSeconds < wall - 0.25,
             qPrintable(QStringLiteral("%1 s of %2 s").arg(run.durationSeconds).arg(wall)));

    const auto resumed = resumeTraining(p, runId, {});
    QCOMPARE(resumed, runId);
    QCOMPARE(finalSha(p, runId), finalSha(p, unpaused));
    QVERIFY(runstore::run(p, runId)->durationSeconds >= run.durationSeconds);
  }
};

QTEST_GUILESS_MAIN(TrainPauseTest)
#include "TrainPauseTest.moc"
