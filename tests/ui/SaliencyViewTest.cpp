#include <QtTest>

#include <QComboBox>
#include <QElapsedTimer>
#include <QSignalSpy>

#include "ImageBrowser.h"
#include "ImageFilter.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "SaliencyController.h"
#include "interpret/Saliency.h"
#include "interpret/SaliencySanity.h"
#include "model/StoredPredictions.h"
#include "store/Project.h"
#include "support/TestSupport.h"
#include "train/Trainer.h"

using namespace flystage;

// Issue 17 (2, 3, 6) in the desktop image view: core's five methods under readable names, a
// method that failed its sanity check on the shown run says so, slow methods count their
// passes, and choosing another method stops the computation still going.
class SaliencyViewTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path file_;
  std::int64_t run_ = 0;
  std::int64_t image_ = 0;

  static QComboBox* methodBox(QWidget* w) {
    return w->findChild<QComboBox*>(QStringLiteral("saliencyMethod"));
  }
  static QStringList itemTexts(QComboBox* box) {
    QStringList texts;
    for (int i = 0; i < box->count(); ++i) texts << box->itemText(i);
    return texts;
  }

  // A window on the project showing run_'s predictions with image_ selected.
  static void showRunAndImage(ui::MainWindow& w, std::int64_t run, std::int64_t image) {
    ui::ImageFilter f;
    f.runId = run;
    QVERIFY(w.setImageFilter(f));
    QVERIFY(w.browser()->selectImage(image));
    QCOMPARE(w.imageView()->imageId(), image);
  }

 private Q_SLOTS:
  void initTestCase() {
    test::useThrowAwaySettings(QStringLiteral("SaliencyViewTest"),
                               QString::fromStdString((dir_ / "settings").string()));
    file_ = test::makeSyntheticProject(dir_, 5, 0.002, 3, "s.flystage");
    Project p = Project::open(file_, OpenMode::Existing);
    TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
    c.plainEpochs = 1;
    c.device = "cpu";
    run_ = train(p, c, {});
    image_ = p.imageIds().front();
  }

  void methodListIsCoresWithReadableNames() {
    ui::ImageView view;
    QComboBox* box = methodBox(&view);
    QVERIFY(box);
    QStringList data;
    for (int i = 0; i < box->count(); ++i) data << box->itemData(i).toString();
    QCOMPARE(data, (QStringList{"vanilla", "smoothgrad", "integrated-gradients", "grad-cam",
                                "grad-cam-2"}));
    QCOMPARE(ui::ImageView::saliencyMethods(), data);
    QCOMPARE(itemTexts(box), (QStringList{"Vanilla gradient", "SmoothGrad", "Integrated gradients",
                                          "Grad-CAM", "Grad-CAM (last two stages)"}));
    // The API keeps core's names.
    view.setSaliencyMethod(QStringLiteral("grad-cam-2"));
    QCOMPARE(view.saliencyMethod(), QStringLiteral("grad-cam-2"));
    QCOMPARE(box->currentText(), QStringLiteral("Grad-CAM (last two stages)"));
  }

  void aFailedSanityCheckMarksItsMethod() {
    const auto copy = dir_ / "sanity.flystage";
    std::filesystem::copy_file(file_, copy, std::filesystem::copy_options::overwrite_existing);
    SaliencySanity bad;  // SmoothGrad's maps hardly change when the weights are randomized
    bad.method = SaliencyMethod::SmoothGrad;
    bad.images = 12;
    bad.steps = 2;
    bad.samples = 32;
    bad.seed = 1;
    bad.randomizationRank = 0.91;
    bad.randomizationRankLow = 0.87;
    bad.randomizationRankHigh = 0.95;
    bad.fractions = {0, 0.5, 1};
    bad.deletionSalient = {0.8, 0.3, 0.1};
    bad.deletionRandom = {0.8, 0.6, 0.1};
    bad.deletionAreaSalient = 0.375;
    bad.deletionAreaRandom = 0.525;
    bad.deletionGap = 0.15;
    bad.deletionGapLow = 0.05;
    bad.deletionGapHigh = 0.25;
    bad.randomizationPassed = false;
    bad.deletionPassed = true;
    SaliencySanity good = bad;
    good.method = SaliencyMethod::Vanilla;
    good.samples = 1;
    good.randomizationRank = 0.1;
    good.randomizationRankLow = 0.0;
    good.randomizationRankHigh = 0.2;
    good.randomizationPassed = true;
    {
      Project p = Project::open(copy, OpenMode::Existing);
      storeSaliencySanity(p, run_, {good, bad});
    }
    ui::MainWindow w;
    QVERIFY(w.openProject(test::qs(copy)));
    QComboBox* box = methodBox(&w);
    QVERIFY(w.setImageFilter(ui::ImageFilter{}));  // no run shown: nothing is marked
    QCOMPARE(w.imageView()->runId(), 0);
    QCOMPARE(itemTexts(box).at(1), QStringLiteral("SmoothGrad"));
    showRunAndImage(w, run_, image_);
    QCOMPARE(w.imageView()->runId(), run_);
    QCOMPARE(itemTexts(box),
             (QStringList{"Vanilla gradient", "SmoothGrad - fails its sanity check",
                          "Integrated gradients", "Grad-CAM", "Grad-CAM (last two stages)"}));
    QCOMPARE(box->itemData(1, Qt::ToolTipRole).toString(), QString::fromStdString(bad.verdict()));
    QCOMPARE(box->itemData(0, Qt::ToolTipRole).toString(), QString::fromStdString(good.verdict()));
    QVERIFY(box->itemData(2, Qt::ToolTipRole).isNull());                  // untested: nothing said
    QCOMPARE(box->itemData(1).toString(), QStringLiteral("smoothgrad"));  // still core's name

    // Another run (with no stored results) unmarks it, and asks for its own map.
    std::int64_t other = 0;
    {
      Project p = Project::open(copy, OpenMode::Existing);
      TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
      c.plainEpochs = 1;
      c.device = "cpu";
      other = train(p, c, {});
    }
    w.refreshRuns();
    w.imageView()->setSaliencyEnabled(true);
    QSignalSpy requested(w.imageView(), &ui::ImageView::saliencyRequested);
    ui::ImageFilter f;
    f.runId = other;
    QVERIFY(w.setImageFilter(f));
    QCOMPARE(w.imageView()->runId(), other);
    QCOMPARE(itemTexts(box).at(1), QStringLiteral("SmoothGrad"));
    QVERIFY(box->itemData(1, Qt::ToolTipRole).isNull());
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.last().at(0).toLongLong(), image_);
    // No run: the view says why there is no map, and the other run's map is not awaited.
    auto* controller = w.findChild<ui::SaliencyController*>();
    QVERIFY(w.setImageFilter(ui::ImageFilter{}));
    QCOMPARE(w.imageView()->saliencyStatus(),
             QStringLiteral(
                 "Choose a run in the browser's filters (Predictions of) to see its saliency."));
    QVERIFY(!w.imageView()->saliencyComputing());
    QTRY_VERIFY(!controller->isBusy());
    QVERIFY(!w.imageView()->hasSaliencyMap());
  }

  void smoothGradCountsItsPassesBeforeTheMap() {
    ui::MainWindow w;
    QVERIFY(w.openProject(test::qs(file_)));
    showRunAndImage(w, run_, image_);
    auto* controller = w.findChild<ui::SaliencyController*>();
    QVERIFY(controller);
    ui::ImageView* view = w.imageView();
    // What the view says at each step, read after the view has taken it.
    QStringList said;
    QList<int> done;
    int total = 0;
    bool mapFirst = false;
    connect(controller, &ui::SaliencyController::progress, this,
            [&](qint64 image, const QString& method, int d, int t) {
              QCOMPARE(image, image_);
              QCOMPARE(method, QStringLiteral("smoothgrad"));
              mapFirst = mapFirst || view->hasSaliencyMap();
              if (t <= 1) return;  // the images done of the request (one): no passes
              done << d;
              total = t;
              said << view->saliencyStatus();
            });
    QSignalSpy ready(controller, &ui::SaliencyController::ready);
    view->setSaliencyMethod(QStringLiteral("smoothgrad"));
    view->setSaliencyEnabled(true);
    QVERIFY(view->saliencyComputing());
    QVERIFY(ready.wait(120000));
    QVERIFY(view->hasSaliencyMap());
    QVERIFY(!view->saliencyComputing());
    QVERIFY(!mapFirst);
    QCOMPARE(total, saliencySamples({SaliencyMethod::SmoothGrad}));  // its noisy copies
    QVERIFY2(done.size() >= 2, qPrintable(QString::number(done.size())));
    QCOMPARE(done.last(), total);
    QVERIFY(std::is_sorted(done.begin(), done.end()));
    QCOMPARE(said.last(), QStringLiteral("SmoothGrad: %1 of %1 passes").arg(total));
    QCOMPARE(said.first(),
             QStringLiteral("SmoothGrad: %1 of %2 passes").arg(done.first()).arg(total));
    // The map arrived: the view says which stage's output it explains.
    QCOMPARE(view->saliencyStatus(),
             QStringLiteral("Explains stage %1").arg(ready.first().at(3).toInt()));
  }

  // A biologist asks why the model called the stage the view names: with the range constraint
  // that is the call inside the image's known range, which may not be the model's own argmax.
  void theMapExplainsTheCallTheViewShows() {
    int own = 0;  // the model's own call for image_
    {
      ui::SaliencyController c;
      QSignalSpy ready(&c, &ui::SaliencyController::ready);
      c.request(test::qs(file_), run_, image_, QStringLiteral("grad-cam"));
      QVERIFY(ready.wait(60000));
      own = ready.first().at(3).toInt();
    }
    // A stored prediction whose constrained call lies in a range away from the model's call.
    const auto range = parseStageRange(own >= 9 ? "4-6" : "13-17");
    const int call = own >= 9 ? 5 : 14;
    StoredPrediction pr;
    pr.imageId = image_;
    pr.probabilities.assign(kNumFineStages, 0.02f);
    pr.probabilities[own - kMinFineStage] = 0.6f;
    pr.probabilities[call - kMinFineStage] = 0.1f;
    pr.stage = own;
    pr.probability = 0.6;
    constrainPrediction(pr, range);
    QCOMPARE(pr.call(), call);
    const auto copy = dir_ / "constrained.flystage";
    std::filesystem::copy_file(file_, copy, std::filesystem::copy_options::overwrite_existing);
    {
      Project p = Project::open(copy, OpenMode::Existing);
      runstore::savePredictions(p, run_, {pr});
    }
    ui::MainWindow w;
    QVERIFY(w.openProject(test::qs(copy)));
    showRunAndImage(w, run_, image_);
    ui::ImageView* view = w.imageView();
    QVERIFY2(view->predictionText().startsWith(QStringLiteral("Predicted stage %1").arg(call)),
             qPrintable(view->predictionText()));
    QSignalSpy ready(w.findChild<ui::SaliencyController*>(), &ui::SaliencyController::ready);
    view->setSaliencyMethod(QStringLiteral("grad-cam"));
    view->setSaliencyEnabled(true);
    QVERIFY(ready.wait(60000));
    QCOMPARE(ready.first().at(3).toInt(), call);
    QCOMPARE(view->saliencyStatus(), QStringLiteral("Explains stage %1").arg(call));
    view->setSaliencyEnabled(false);
    QCOMPARE(view->saliencyStatus(), QString());
    view->setSaliencyEnabled(true);  // the map is kept, and what it explains said again
    QCOMPARE(view->saliencyStatus(), QStringLiteral("Explains stage %1").arg(call));
  }

  void anotherMethodStopsTheComputationGoing() {
    ui::MainWindow w;
    QVERIFY(w.openProject(test::qs(file_)));
    showRunAndImage(w, run_, image_);
    auto* controller = w.findChild<ui::SaliencyController*>();
    controller->setSamples(1000000);  // a SmoothGrad of hours unless it is stopped
    ui::ImageView* view = w.imageView();
    QSignalSpy progress(controller, &ui::SaliencyController::progress);
    QSignalSpy cancelled(controller, &ui::SaliencyController::cancelled);
    QSignalSpy ready(controller, &ui::SaliencyController::ready);
    view->setSaliencyMethod(QStringLiteral("smoothgrad"));
    view->setSaliencyEnabled(true);
    QVERIFY(progress.wait(60000));  // it is under way
    QTRY_VERIFY(view->saliencyStatus().startsWith(QStringLiteral("SmoothGrad: ")));
    QVERIFY2(QRegularExpression(QStringLiteral("^SmoothGrad: [0-9]+ of 1000000 passes$"))
                 .match(view->saliencyStatus())
                 .hasMatch(),
             qPrintable(view->saliencyStatus()));
    // FLYSTAGE_SALIENCY_PROGRESS_SHOT=path.png: a picture of the view counting, to look at.
    if (const QString shot = qEnvironmentVariable("FLYSTAGE_SALIENCY_PROGRESS_SHOT");
        !shot.isEmpty()) {
      w.resize(1280, 900);
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      QTest::qWait(300);
      QVERIFY(view->grab().save(shot));
    }
    controller->setSamples(0);
    QElapsedTimer clock;
    clock.start();
    view->setSaliencyMethod(QStringLiteral("grad-cam"));
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 30000);
    const qint64 stopped = clock.elapsed();
    QCOMPARE(cancelled.first().at(1).toString(), QStringLiteral("smoothgrad"));
    QTRY_VERIFY_WITH_TIMEOUT(view->hasSaliencyMap(), 60000);
    QCOMPARE(ready.count(), 1);  // Grad-CAM's; SmoothGrad never delivered one
    QCOMPARE(ready.first().at(1).toString(), QStringLiteral("grad-cam"));
    QCOMPARE(view->saliencyMethod(), QStringLiteral("grad-cam"));
    qInfo("SmoothGrad stopped %lld ms after Grad-CAM was chosen", stopped);
  }

  // Not a pass/fail check (timings vary by machine): how long the selected image's map takes,
  // request to overlay, per method. FLYSTAGE_SALIENCY_TIMING=project:run:image measures
  // another project (the demo's run 4).
  void timeToTheMap() {
    QString file = test::qs(file_);
    qint64 run = run_, image = image_;
    const QStringList env = qEnvironmentVariable("FLYSTAGE_SALIENCY_TIMING").split(u':');
    if (env.size() == 3) {
      file = env[0];
      run = env[1].toLongLong();
      image = env[2].toLongLong();
    }
    ui::SaliencyController controller;
    for (const QString& method : ui::ImageView::saliencyMethods()) {
      for (int i = 0; i < 2; ++i) {  // the second is warm (LibTorch's first pass sets up)
        QEventLoop loop;
        QString error;
        const auto quit = connect(&controller, &ui::SaliencyController::ready, &loop, [&] {
          error.clear();
          loop.quit();
        });
        const auto fail = connect(&controller, &ui::SaliencyController::failed, &loop,
                                  [&](qint64, const QString& message) {
                                    error = message;
                                    loop.quit();
                                  });
        QElapsedTimer clock;
        clock.start();
        controller.request(file, run, image, method);
        error = QStringLiteral("no answer in 5 minutes");  // unless one comes
        QTimer::singleShot(300000, &loop, &QEventLoop::quit);
        loop.exec();
        const qint64 ms = clock.elapsed();
        disconnect(quit);
        disconnect(fail);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("%s: %lld ms (%s)", qPrintable(method), ms, i ? "warm" : "first");
      }
    }
  }
};

QTEST_MAIN(SaliencyViewTest)
#include "SaliencyViewTest.moc"
