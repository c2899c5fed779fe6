#include <QtTest>

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QUndoStack>

#include "ConfusionMatrixView.h"
#include "GemPanel.h"
#include "ImageBrowser.h"
#include "ImageFilterModel.h"
#include "ImageTableModel.h"
#include "ImageView.h"
#include "LabelMenu.h"
#include "MainWindow.h"
#include "PredictController.h"
#include "RunsPanel.h"
#include "data/LabelsCsv.h"
#include "eval/ConfusionCell.h"
#include "eval/StageMetrics.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "synth/DemoDataset.h"
#include "train/Trainer.h"

using namespace flystage;

// The "done when", through the real window: predict every image with a trained run,
// find a misclassified image from the confusion matrix, correct its label, undo, look at its
// saliency, and export a masked GEM.
class WorkflowTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path file_;
  std::int64_t run_ = 0;

 private Q_SLOTS:
  void initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       QString::fromStdString((dir_ / "settings").string()));
    file_ = test::makeSyntheticProject(dir_, 3, 0.002, 4, "w.flystage");
    Project p = Project::open(file_, OpenMode::Existing);
    TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
    c.plainEpochs = 2;
    c.device = "cpu";
    run_ = train(p, c, {});
  }

  void findCorrectUndoExplainExport() {
    ui::MainWindow w;
    QVERIFY(w.openProject(QString::fromStdString(file_.string())));
    w.show();
    w.activateWindow();  // label keys are window shortcuts: the window must be active
    QVERIFY(QTest::qWaitForWindowActive(&w));

    // Score all: every image gets a stored prediction, off the GUI thread.
    w.runsPanel()->selectRuns({run_});
    QSignalSpy predicted(w.predictController(), &ui::PredictController::finished);
    w.findChild<QAction*>(QStringLiteral("actionPredictAll"))->trigger();
    QVERIFY(w.predictController()->isRunning());
    QVERIFY(predicted.wait(120000));
    QCOMPARE(runstore::predictions(*w.project(), run_).size(), w.project()->imageIds().size());

    // A wrong cell of the confusion matrix: clicking it shows exactly its images.
    const auto metrics =
        stageMetricsFromJson(runstore::metricJson(*w.project(), run_, "test").value());
    int t = -1, q = -1;
    for (int a = 0; a < kNumFineStages && t < 0; ++a)
      for (int b = 0; b < kNumFineStages; ++b)
        if (a != b && metrics.confusion[a][b] > 0) {
          t = a + kMinFineStage;
          q = b + kMinFineStage;
          break;
        }
    QVERIFY2(t > 0, "a two-epoch tiny model makes mistakes");
    auto* view = w.runsPanel()->confusionView();
    w.showView(QStringLiteral("runs"));
    auto* tabs = w.runsPanel()->findChild<QTabWidget*>();
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i)
      if (tabs->widget(i)->isAncestorOf(view)) tabs->setCurrentIndex(i);
    QTRY_VERIFY(view->isVisible());
    QTest::mouseClick(view, Qt::LeftButton, {}, view->cellRect(t, q).center());
    const auto expected = confusionCellImages(*w.project(), run_, t, q);
    const auto* rows = w.browser()->proxy();
    QTRY_COMPARE(static_cast<std::size_t>(rows->rowCount()), expected.size());
    for (int r = 0; r < rows->rowCount(); ++r) {
      const qint64 id = rows->index(r, 0).data(ui::ImageTableModel::ImageIdRole).toLongLong();
      QVERIFY(std::find(expected.begin(), expected.end(), id) != expected.end());
    }
    const qint64 image = w.browser()->currentImageId();
    QVERIFY(std::find(expected.begin(), expected.end(), image) != expected.end());

    // Correct its label with the key of the true stage's neighbour, then undo.
    const Label before = w.project()->label(image);
    // On a loaded machine the prediction's progress dialog showed; the offscreen platform (no
    // window manager) does not hand the activation back when it goes (once deleted).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    w.activateWindow();
    QTRY_VERIFY(w.isActiveWindow());
    w.browser()->currentView()->setFocus();
    const int fixed = t == 9 ? 8 : 9;  // a one-key stage other than t
    // It may lie outside the image's range: the correction replaces it (asked, answered here).
    w.findChild<ui::LabelMenu*>(QStringLiteral("labelMenu"))
        ->setConflictQuestion([](const std::vector<RangeConflict>&, int) {
          return ui::LabelMenu::ConflictAnswer::ReplaceRanges;
        });
    QTest::keyClick(static_cast<QWidget*>(w.browser()->currentView()),
                    static_cast<Qt::Key>(Qt::Key_0 + fixed));
    QTRY_COMPARE(w.project()->label(image).stage.value_or(0), fixed);
    w.undoStack()->undo();
    QCOMPARE(w.project()->label(image), before);

    // Its saliency arrives from a worker thread.
    w.browser()->selectImage(image);
    w.imageView()->setSaliencyEnabled(true);
    QTRY_VERIFY_WITH_TIMEOUT(w.imageView()->hasSaliencyMap(), 60000);

    // A masked GEM, exported as PDF.
    auto* gems = w.gemPanel();
    gems->selectRun(run_);
    gems->findChild<QCheckBox*>(QStringLiteral("gemMasked"))->setChecked(true);
    gems->findChild<QDoubleSpinBox*>(QStringLiteral("gemMinConfidence"))->setValue(0);
    QSignalSpy built(gems, &ui::GemPanel::built);
    gems->build();
    QVERIFY(built.wait(120000));
    const QString pdf = QString::fromStdString((dir_ / "masked.pdf").string());
    QVERIFY(gems->exportTo(pdf, false));
    QVERIFY(QFileInfo(pdf).size() > 1000);
  }
};

QTEST_MAIN(WorkflowTest)
#include "WorkflowTest.moc"
