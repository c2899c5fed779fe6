#include <QtTest>

#include <QAction>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>

#include <cmath>
#include <map>

#include "ConfusionMatrixView.h"
#include "RunsPanel.h"
#include "StageAccuracyPlot.h"
#include "StageAccuracyTable.h"
#include "data/LabelsCsv.h"
#include "eval/ConfusionCell.h"
#include "eval/RunComparison.h"
#include "eval/StageMetrics.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "synth/DemoDataset.h"
#include "train/Trainer.h"

using namespace flystage;
using flystage::ui::ConfusionMatrixView;
using flystage::ui::RunsPanel;
using flystage::ui::StageAccuracyTable;

namespace {

TrainConfig tiny(Method m) {
  TrainConfig c = TrainConfig::forPreset(m, "tiny");
  c.device = "cpu";
  return c;
}

int rowOf(QTableWidget* table, qint64 runId) {
  for (int row = 0; row < table->rowCount(); ++row)
    if (table->item(row, RunsPanel::Id)->data(Qt::UserRole).toLongLong() == runId) return row;
  return -1;
}

// The test images of a run with true stage t predicted as p, worked out here from the
// run's snapshot and its stored predictions.
QList<qint64> expectedCell(Project& p, std::int64_t run, int t, int q) {
  std::map<std::int64_t, int> truth;
  for (const auto& im : runstore::runImages(p, run))
    if (im.part == "test") truth[im.imageId] = *im.stage;
  QList<qint64> ids;
  for (const auto& pr : runstore::predictions(p, run))
    if (truth.count(pr.imageId) && truth[pr.imageId] == t && pr.stage == q) ids << pr.imageId;
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

class RunsPanelTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path project_;
  std::int64_t plain_ = 0, gabor_ = 0, cancelled_ = 0;

 private Q_SLOTS:
  void initTestCase() {
    project_ = test::makeSyntheticProject(dir_, 21, 0.003, 5, "t.flystage");
    Project p = Project::open(project_, OpenMode::Existing);
    plain_ = train(p, tiny(Method::Plain), {});
    gabor_ = train(p, tiny(Method::Gabor), {});
    // A run cancelled in its first batch: listed, resumable, without metrics.
    CancelToken cancel;
    TrainCallbacks cb;
    cb.cancel = &cancel;
    cb.runCreated = [&](std::int64_t id) { cancelled_ = id; };
    cb.progress = [&](const TrainProgress& pr) {
      if (pr.phase == "plain") cancel.cancel();
    };
    QVERIFY_THROWS_EXCEPTION(Cancelled, train(p, tiny(Method::Plain), cb));
  }

  void listsTheRunsWithTheirAccuracy() {
    Project p = Project::open(project_, OpenMode::Existing);
    RunsPanel panel;
    panel.setProject(&p);
    QTableWidget* runs = panel.runTable();
    QCOMPARE(runs->rowCount(), 3);
    const int row = rowOf(runs, plain_);
    QVERIFY(row >= 0);
    QCOMPARE(runs->item(row, RunsPanel::Method)->text(), QStringLiteral("plain"));
    QCOMPARE(runs->item(row, RunsPanel::Preset)->text(), QStringLiteral("tiny"));
    QCOMPARE(runs->item(row, RunsPanel::Device)->text(), QStringLiteral("cpu"));
    QCOMPARE(runs->item(row, RunsPanel::Status)->data(Qt::UserRole).toString(),
             QStringLiteral("finished"));
    const auto metrics = stageMetricsFromJson(runstore::metricJson(p, plain_, "test").value());
    QCOMPARE(runs->item(row, RunsPanel::Accuracy)->data(Qt::UserRole).toDouble(),
             100 * metrics.meanPerStageAccuracy);
    const int cancelledRow = rowOf(runs, cancelled_);
    QCOMPARE(runs->item(cancelledRow, RunsPanel::Status)->data(Qt::UserRole).toString(),
             QStringLiteral("cancelled"));
    QVERIFY(!runs->item(cancelledRow, RunsPanel::Accuracy)->data(Qt::UserRole).isValid());

    // One run: its Table II row equals the stored test metrics.
    panel.selectRuns({plain_});
    StageAccuracyTable* table = panel.accuracyTable();
    // Its row, then the range-constrained row (issue 16: the accuracy both ways).
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->data(Qt::UserRole).toLongLong(), plain_);
    QCOMPARE(table->item(1, 0)->data(Qt::UserRole).toLongLong(), plain_);
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("plain, range-constrained"));
    const auto constrained =
        stageMetricsFromJson(runstore::metricJson(p, plain_, "test_constrained").value());
    QCOMPARE(table->item(1, StageAccuracyTable::MeanPerStage)->data(Qt::UserRole).toDouble(),
             constrained.meanPerStageAccuracy);
    QCOMPARE(table->item(1, StageAccuracyTable::WithinOne)->data(Qt::UserRole).toDouble(),
             constrained.withinOneStageAccuracy);
    for (int i = 0; i < kNumFineStages; ++i) {
      const double shown =
          table->item(0, StageAccuracyTable::kFirstStageColumn + i)->data(Qt::UserRole).toDouble();
      if (metrics.perStageCount[i] == 0)
        QVERIFY(std::isnan(shown));
      else
        QCOMPARE(shown, metrics.perStageAccuracy[i]);
    }
    const auto value = [&](int column) {
      return table->item(0, column)->data(Qt::UserRole).toDouble();
    };
    QCOMPARE(value(StageAccuracyTable::MeanPerStage), metrics.meanPerStageAccuracy);
    QCOMPARE(value(StageAccuracyTable::Overall), metrics.overallAccuracy);
    QCOMPARE(value(StageAccuracyTable::WithinOne), metrics.withinOneStageAccuracy);
    QCOMPARE(value(StageAccuracyTable::MeanAbsError), metrics.meanAbsoluteStageError);
    QCOMPARE(value(StageAccuracyTable::NTest), double(metrics.nTest));
    // Issue 18: with its 95 % interval over the test images, as `compare` prints it.
    const auto interval = loadRunSummaries(p, {plain_}).front().meanPerStageInterval.value();
    QCOMPARE(interval.n, metrics.nTest);
    QCOMPARE(table->item(0, StageAccuracyTable::MeanPerStage)->text(),
             QString::number(100 * metrics.meanPerStageAccuracy, 'f', 1) + " [" +
                 QString::number(100 * interval.lo, 'f', 1) + ", " +
                 QString::number(100 * interval.hi, 'f', 1) + "]");
    int stagesWithImages = 0;
    for (int n : metrics.perStageCount) stagesWithImages += n > 0;
    QCOMPARE(panel.accuracyPlot()->runCount(), 1);
    QCOMPARE(panel.accuracyPlot()->bars(0).size(), stagesWithImages);

    // Several runs side by side; a cancelled one in the selection has no metrics to show.
    panel.selectRuns({plain_, gabor_, cancelled_});
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(panel.accuracyPlot()->runCount(), 2);
    const auto gaborMetrics = stageMetricsFromJson(runstore::metricJson(p, gabor_, "test").value());
    QCOMPARE(table->item(2, 0)->data(Qt::UserRole).toLongLong(), gabor_);
    QCOMPARE(table->item(2, StageAccuracyTable::MeanPerStage)->data(Qt::UserRole).toDouble(),
             gaborMetrics.meanPerStageAccuracy);

    // The cancelled run can be resumed from here; a finished one cannot.
    QSignalSpy resume(&panel, &RunsPanel::resumeRequested);
    runs->setCurrentCell(cancelledRow, 0);
    QVERIFY(panel.resumeAction()->isEnabled());
    panel.resumeAction()->trigger();
    QCOMPARE(resume.count(), 1);
    QCOMPARE(resume.at(0).at(0).toLongLong(), cancelled_);
    runs->setCurrentCell(row, 0);
    QVERIFY(!panel.resumeAction()->isEnabled());
  }

  void aConfusionCellLeadsToItsTestImages() {
    Project p = Project::open(project_, OpenMode::Existing);
    RunsPanel panel;
    panel.resize(900, 1000);
    panel.setProject(&p);
    panel.selectRuns({plain_});
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    ConfusionMatrixView* view = panel.confusionView();
    panel.tabs()->setCurrentIndex(1);  // the confusion matrix (scrolled inside its page)
    QTRY_VERIFY(view->isVisible());
    QCOMPARE(view->runId(), plain_);

    // The busiest wrong cell (a tiny model makes plenty), else the busiest right one.
    const auto metrics = stageMetricsFromJson(runstore::metricJson(p, plain_, "test").value());
    int bestT = 0, bestP = 0, best = -1;
    for (int t = 0; t < kNumFineStages; ++t)
      for (int q = 0; q < kNumFineStages; ++q) {
        const int n = metrics.confusion[t][q] * 2 + (t != q);  // wrong cells win ties
        if (metrics.confusion[t][q] > 0 && n > best) {
          best = n;
          bestT = t + 4;
          bestP = q + 4;
        }
      }
    QVERIFY(best > 0);
    QCOMPARE(view->count(bestT, bestP), metrics.confusion[bestT - 4][bestP - 4]);

    QSignalSpy cells(&panel, &RunsPanel::cellActivated);
    QSignalSpy images(&panel, &RunsPanel::imagesActivated);
    QTest::mouseClick(view, Qt::LeftButton, {}, view->cellRect(bestT, bestP).center());
    QCOMPARE(cells.count(), 1);
    QCOMPARE(cells.at(0).at(0).toLongLong(), plain_);
    QCOMPARE(cells.at(0).at(1).toInt(), bestT);
    QCOMPARE(cells.at(0).at(2).toInt(), bestP);
    QCOMPARE(images.count(), 1);
    const auto ids = images.at(0).at(3).value<QList<qint64>>();
    QCOMPARE(ids, expectedCell(p, plain_, bestT, bestP));
    QCOMPARE(static_cast<int>(ids.size()), metrics.confusion[bestT - 4][bestP - 4]);
    std::vector<std::int64_t> core = confusionCellImages(p, plain_, bestT, bestP);
    QCOMPARE(QList<qint64>(core.begin(), core.end()), ids);

    // The keyboard reaches the same cell.
    view->setFocus();
    view->setCurrentCell(bestT, bestP);
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(cells.count(), 2);
    QCOMPARE(cells.at(1).at(1).toInt(), bestT);

    // An empty cell has nothing to show.
    int emptyT = 0, emptyP = 0;
    for (int t = 4; t <= 17 && !emptyT; ++t)
      for (int q = 4; q <= 17; ++q)
        if (metrics.confusion[t - 4][q - 4] == 0) {
          emptyT = t;
          emptyP = q;
          break;
        }
    QVERIFY(emptyT);
    QTest::mouseClick(view, Qt::LeftButton, {}, view->cellRect(emptyT, emptyP).center());
    QCOMPARE(cells.count(), 2);
  }

  // Issue 16, finding 8: runs of the same split are compared as they are; a run on another
  // split (a repeated split, seed 7) is noted under the selection, with each set's runs.
  void differentTestSetsAreNoted() {
    test::TempDir dir;
    const auto copy = dir / "copy.flystage";
    std::filesystem::copy_file(project_, copy);
    Project p = Project::open(copy, OpenMode::Existing);
    auto other = tiny(Method::Gabor);
    other.splitSeed = 7;
    const auto resplit = train(p, other, {});
    const auto testImages = [&p](std::int64_t run) {
      int n = 0;
      for (const auto& im : runstore::runImages(p, run)) n += im.part == "test";
      return n;
    };
    RunsPanel panel;
    panel.setProject(&p);
    auto* note = panel.findChild<QLabel*>(QStringLiteral("testSetWarningLabel"));
    QVERIFY(note);
    panel.selectRuns({plain_, gabor_});
    QVERIFY(note->isHidden());
    panel.selectRuns({plain_, gabor_, resplit});
    QVERIFY(!note->isHidden());
    QCOMPARE(note->text(),
             QStringLiteral("These runs were evaluated on different test sets: #%1, #%2 on %3 test "
                            "image(s); #%4 on %5 test image(s) (another split seed, a re-split or "
                            "changed test labels lie between them); their figures are not "
                            "measured on the same images.")
                 .arg(plain_)
                 .arg(gabor_)
                 .arg(testImages(plain_))
                 .arg(resplit)
                 .arg(testImages(resplit)));
    panel.selectRuns({resplit});
    QVERIFY(note->isHidden());
  }
};

QTEST_MAIN(RunsPanelTest)
#include "RunsPanelTest.moc"
