#include <QtTest>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QSpinBox>
#include <QToolButton>

#include <chrono>

#include <SQLiteCpp/SQLiteCpp.h>

#include "TrainController.h"
#include "TrainingCurves.h"
#include "TrainingPanel.h"
#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "store/Label.h"
#include "store/LabelHistory.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "synth/DemoDataset.h"

using namespace flystage;
using flystage::ui::TrainingPanel;

namespace {

// Enough epochs of the tiny preset that the run is still going while the test pauses,
// continues and cancels it, few enough that resuming it to the end stays quick.
constexpr int kEpochs = 16;

template <typename W>
W* child(QWidget& parent, const char* name) {
  auto* w = parent.findChild<W*>(QString::fromLatin1(name));
  if (!w) qFatal("no child %s", name);
  return w;
}

void choose(QComboBox* box, const QString& data) {
  const int i = box->findData(data);
  QVERIFY2(i >= 0, qPrintable(data));
  box->setCurrentIndex(i);
}

}  // namespace

class TrainingPanelTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path project_;

 private Q_SLOTS:
  void initTestCase() {
    project_ = test::makeSyntheticProject(dir_, 21, 0.003, 5, "t.flystage");
    Project p = Project::open(project_, OpenMode::Existing);
  }

  void startPauseContinueCancelAndResumeARun() {
    Project gui = Project::open(project_, OpenMode::Existing);
    TrainingPanel panel;
    panel.resize(1100, 800);
    panel.setProject(&gui);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    ui::TrainController* controller = panel.controller();

    // Every control can be named by a screen reader and explains itself.
    for (QWidget* w : panel.findChildren<QWidget*>()) {
      if (!w->isVisibleTo(&panel) || w->objectName().isEmpty()) continue;
      if (qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
          qobject_cast<QToolButton*>(w)) {
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
      }
    }
    QCOMPARE(panel.startAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+T")));
    QVERIFY(!panel.pauseAction()->shortcut().isEmpty());
    QVERIFY(!panel.cancelAction()->shortcut().isEmpty());
    QVERIFY(!panel.pauseAction()->isEnabled());

    choose(child<QComboBox>(panel, "methodCombo"), QStringLiteral("plain"));
    choose(child<QComboBox>(panel, "presetCombo"), QStringLiteral("tiny"));
    choose(child<QComboBox>(panel, "deviceCombo"), QStringLiteral("cpu"));
    // The preset's documented defaults fill the hyperparameters.
    const TrainConfig tiny = TrainConfig::forPreset(Method::Plain, "tiny");
    auto* epochs = child<QSpinBox>(panel, "plainEpochsSpin");
    QCOMPARE(epochs->value(), tiny.plainEpochs);
    QCOMPARE(child<QSpinBox>(panel, "batchSizeSpin")->value(), tiny.batchSize);
    QVERIFY(epochs->isVisibleTo(&panel));
    QVERIFY(!child<QSpinBox>(panel, "featureEpochsSpin")->isVisibleTo(&panel));
    epochs->setValue(kEpochs);
    child<QSpinBox>(panel, "seedSpin")->setValue(7);
    const TrainConfig chosen = panel.config();
    QCOMPARE(chosen.method, Method::Plain);
    QCOMPARE(chosen.preset, std::string("tiny"));
    QCOMPARE(chosen.plainEpochs, kEpochs);
    QCOMPARE(chosen.seed, std::uint64_t(7));

    QSignalSpy progress(controller, &ui::TrainController::progress);
    QSignalSpy ended(&panel, &TrainingPanel::runEnded);
    child<QToolButton>(panel, "startTrainingButton")->click();
    QVERIFY(panel.isTraining());
    QVERIFY(!panel.startAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(panel.curves()->epochCount() >= 1, 20000);
    const qint64 runId = controller->runId();
    QVERIFY(runId > 0);
    QVERIFY(panel.curves()->pointCount(false, true) >= 1);
    // Automatic selection on a project with fewer than 5 validation images per stage: the
    // validation images are trained on (issue 18), so there is no validation curve.
    QCOMPARE(panel.curves()->pointCount(true, true), 0);
    QVERIFY(panel.isTraining());  // still going: far from kEpochs

    // Pause: the batch under way ends, the trainer holds, then nothing moves.
    child<QToolButton>(panel, "pauseTrainingButton")->click();
    QVERIFY(controller->isPaused());
    QTRY_VERIFY_WITH_TIMEOUT(controller->isHeld(), 5000);
    QTRY_VERIFY(
        child<QLabel>(panel, "trainingMessageLabel")->text().startsWith(QStringLiteral("Paused.")));
    QTest::qWait(100);  // the held trainer's last queued signals arrive
    const int signalsAtPause = static_cast<int>(progress.count());
    const int barAtPause = child<QProgressBar>(panel, "trainingProgressBar")->value();
    const QString phaseAtPause = child<QLabel>(panel, "trainingPhaseLabel")->text();
    const int epochsAtPause = panel.curves()->epochCount();
    QTest::qWait(800);
    QCOMPARE(static_cast<int>(progress.count()), signalsAtPause);
    QCOMPARE(child<QProgressBar>(panel, "trainingProgressBar")->value(), barAtPause);
    QCOMPARE(child<QLabel>(panel, "trainingPhaseLabel")->text(), phaseAtPause);
    QCOMPARE(panel.curves()->epochCount(), epochsAtPause);
    QVERIFY(panel.isTraining());

    // Continue: batches run again.
    child<QToolButton>(panel, "pauseTrainingButton")->click();
    QVERIFY(!controller->isPaused());
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > signalsAtPause, 5000);
    QVERIFY(panel.isTraining());

    // Cancel: the run is stopped and stored as cancelled within a second.
    const auto cancelAt = std::chrono::steady_clock::now();
    child<QToolButton>(panel, "cancelTrainingButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isTraining(), 1000);
    QVERIFY(std::chrono::steady_clock::now() - cancelAt < std::chrono::seconds(1));
    {
      Project check = Project::open(project_, OpenMode::Existing);
      QCOMPARE(runstore::run(check, runId)->status, std::string("cancelled"));
      QVERIFY(static_cast<int>(runstore::epochs(check, runId).size()) < kEpochs);
    }
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).toLongLong(), runId);
    QCOMPARE(ended.at(0).at(1).toString(), QStringLiteral("cancelled"));

    // Resume it from the interrupted runs, to the end.
    auto* resumable = child<QComboBox>(panel, "resumableRunsCombo");
    QCOMPARE(resumable->currentData().toLongLong(), runId);
    QVERIFY(panel.resumeRunAction()->isEnabled());
    child<QToolButton>(panel, "resumeRunButton")->click();
    QVERIFY(panel.isTraining());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isTraining(), 30000);
    QCOMPARE(ended.count(), 2);
    QCOMPARE(ended.at(1).at(0).toLongLong(), runId);
    QCOMPARE(ended.at(1).at(1).toString(), QStringLiteral("finished"));
    QCOMPARE(runstore::run(gui, runId)->status, std::string("finished"));
    // The curves hold the whole run: the epochs before the cancel and after the resume.
    QCOMPARE(panel.curves()->epochCount(), kEpochs);
    QCOMPARE(runstore::epochs(gui, runId).size(), std::size_t(kEpochs));
    QCOMPARE(child<QProgressBar>(panel, "trainingProgressBar")->value(), 1000);
    QVERIFY(child<QLabel>(panel, "trainingMessageLabel")
                ->text()
                .contains(QStringLiteral("mean per-stage accuracy")));
    QCOMPARE(resumable->findData(QVariant::fromValue<qint64>(runId)), -1);
    QVERIFY(panel.startAction()->isEnabled());
    // The epoch the run kept is marked on the curves, with the rule.
    QCOMPARE(panel.curves()->keptMarks(),
             QStringList{QStringLiteral("kept: epoch %1 (last-epoch)").arg(kEpochs)});
  }

  // Issue 18: the CE-only ablation is a method of the form; the schedule and the selection
  // rule are fields, the absolute rate steps are not.
  void theAblationScheduleAndSelectionAreInTheForm() {
    TrainingPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* method = child<QComboBox>(panel, "methodCombo");
    choose(method, QStringLiteral("two-step-no-ls"));
    QCOMPARE(method->currentText(), QStringLiteral("Two-step without L_S (CE only)"));
    QVERIFY(child<QSpinBox>(panel, "featureEpochsSpin")->isVisibleTo(&panel));
    QVERIFY(!child<QComboBox>(panel, "similarityCombo")->isVisibleTo(&panel));
    QVERIFY(!child<QComboBox>(panel, "referenceFallbackCombo")->isVisibleTo(&panel));
    QVERIFY(child<QComboBox>(panel, "fromRunCombo")->isVisibleTo(&panel));
    QVERIFY(!child<QWidget>(panel, "lrStepsEdit")->isVisibleTo(&panel));
    auto* schedule = child<QComboBox>(panel, "lrScheduleCombo");
    auto* selection = child<QComboBox>(panel, "selectionCombo");
    QVERIFY(schedule->isVisibleTo(&panel) && selection->isVisibleTo(&panel));
    QCOMPARE(schedule->currentData().toString(), QStringLiteral("step"));
    QCOMPARE(selection->currentData().toString(), QStringLiteral("auto"));
    choose(schedule, QStringLiteral("cosine"));
    choose(selection, QStringLiteral("best-validation-loss"));
    const TrainConfig c = panel.config();
    QCOMPARE(c.method, Method::TwoStepNoLs);
    QCOMPARE(c.lrSchedule, LrSchedule::Cosine);
    QCOMPARE(c.selection, std::string("best-validation-loss"));
    choose(method, QStringLiteral("two-step"));
    QVERIFY(child<QComboBox>(panel, "referenceFallbackCombo")->isVisibleTo(&panel));
    QCOMPARE(child<QComboBox>(panel, "referenceFallbackCombo")->currentData().toString(),
             QStringLiteral("all-images"));
  }

  // The real BDGP samples have stage ranges only: the panel says what to import as soon as the
  // project is open, and Start is refused with that reason, before a run or a task exists
  // (before, a run was created and failed, and offered a Resume that could not succeed).
  void startIsRefusedWithTheReason() {
    test::TempDir dir;
    const auto file = test::makeSamplesProject(dir);
    Project gui = Project::open(file, OpenMode::Existing);
    TrainingPanel panel;
    panel.setProject(&gui);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QString expected = QStringLiteral(
        "No image has a precise stage 4–17 to train on (12 image(s) have only a stage range). "
        "Import a labels CSV with a stage column (File > Import Images…, Labels CSV), or label "
        "images with a stage (the digit keys in the browser).");
    auto* reason = child<QLabel>(panel, "trainingReadinessLabel");
    for (const char* method : {"plain", "data-level", "two-step", "gabor"}) {
      choose(child<QComboBox>(panel, "methodCombo"), QString::fromLatin1(method));
      QVERIFY(reason->isVisible());
      QCOMPARE(reason->text(), expected);
      QSignalSpy started(panel.controller(), &ui::TrainController::started);
      child<QToolButton>(panel, "startTrainingButton")->click();
      QVERIFY(!panel.isTraining());
      QCOMPARE(started.count(), 0);
      QCOMPARE(child<QLabel>(panel, "trainingMessageLabel")->text(), expected);
    }
    QVERIFY(runstore::runs(gui).empty());
    QCOMPARE(child<QComboBox>(panel, "resumableRunsCombo")->count(), 0);

    // Two stages labelled: plain may start (the reason goes), two-step names what it lacks.
    {
      Project other = Project::open(file, OpenMode::Existing);
      LabelHistory h(other);
      std::vector<LabelChange> changes;
      for (const auto& [range, stage] : {std::pair{"4-6", 5}, std::pair{"7-8", 8}}) {
        SQLite::Statement q(other.db(), "SELECT image_id FROM labels WHERE stage_range = ?");
        q.bind(1, range);
        while (q.executeStep())
          changes.push_back({q.getColumn(0).getInt64(), labelForStage(stage, LabelSource::User)});
      }
      QCOMPARE(changes.size(), std::size_t(4));
      QVERIFY(h.apply(changes, "stages"));
    }
    choose(child<QComboBox>(panel, "methodCombo"), QStringLiteral("plain"));
    QVERIFY(reason->isHidden());
    choose(child<QComboBox>(panel, "methodCombo"), QStringLiteral("two-step"));
    QCOMPARE(reason->text(),
             QStringLiteral("Two-step needs a training image of every stage 4–17 (its feature "
                            "level takes a reference image of each); none of stage 4, 6, 7, 9, "
                            "10, 11, 12, 13, 14, 15, 16, 17. Label or import images of those "
                            "stages, or choose the data-level method."));
  }
};

QTEST_MAIN(TrainingPanelTest)
#include "TrainingPanelTest.moc"
