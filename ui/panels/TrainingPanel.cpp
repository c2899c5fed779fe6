#include "TrainingPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "DisplayNames.h"
#include "TrainingCurves.h"
#include "TrainingProgress.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "train/TrainReadiness.h"

namespace flystage::ui {

namespace {

bool resumable(const RunRecord& r) {
  // "running" and "created" left behind by a process that died count as interrupted.
  return r.method != "gabor" && r.status != "finished";
}

}  // namespace

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent), controller_(new TrainController(this)), deviceInfo_(configureDevice()) {
  setObjectName(QStringLiteral("trainingPanel"));
  setAccessibleName(tr("Training"));
  createActions();

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->setObjectName(QStringLiteral("trainingSplitter"));
  splitter->setChildrenCollapsible(false);
  form_ = new TrainingForm(deviceInfo_);
  splitter->addWidget(form_);
  splitter->addWidget(createProgress());
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(controller_, &TrainController::started, this, &TrainingPanel::onStarted);
  connect(controller_, &TrainController::runCreated, this, &TrainingPanel::onRunCreated);
  connect(controller_, &TrainController::progress, progress_, &TrainingProgress::showProgress);
  connect(controller_, &TrainController::epochEnded, this, &TrainingPanel::onEpochEnded);
  connect(controller_, &TrainController::finished, this, &TrainingPanel::onFinished);
  connect(controller_, &TrainController::pausedChanged, this, [this](bool paused) {
    if (pauseAct_->isChecked() != paused) pauseAct_->setChecked(paused);
    if (paused) {
      showMessage(tr("Pausing after the batch under way…"));
      heldPoll_->start();
    } else {
      heldPoll_->stop();
      if (controller_->isRunning()) showMessage(tr("Training run #%1…").arg(controller_->runId()));
    }
    updateState();
  });
  // The trainer holds at its next batch: say "Paused" once it does, not before.
  heldPoll_ = new QTimer(this);
  heldPoll_->setInterval(100);
  connect(heldPoll_, &QTimer::timeout, this, [this] {
    if (!controller_->isPaused()) return heldPoll_->stop();
    if (!controller_->isHeld()) return;
    heldPoll_->stop();
    showMessage(tr("Paused. Press Continue (%1) to go on; paused time does not count.")
                    .arg(pauseAct_->shortcut().toString(QKeySequence::NativeText)));
  });

  connect(form_->methodBox(), &QComboBox::currentIndexChanged, this, &TrainingPanel::updateState);
  // What a run would train on depends on the method, the run it continues from and the split.
  connect(form_->methodBox(), &QComboBox::currentIndexChanged, this,
          &TrainingPanel::refreshReadiness);
  if (auto* from = form_->findChild<QComboBox*>(QStringLiteral("fromRunCombo")))
    connect(from, &QComboBox::currentIndexChanged, this, &TrainingPanel::refreshReadiness);
  if (auto* split = form_->findChild<QCheckBox*>(QStringLiteral("splitSeedCheck")))
    connect(split, &QCheckBox::toggled, this, &TrainingPanel::refreshReadiness);
  if (auto* seed = form_->findChild<QSpinBox*>(QStringLiteral("splitSeedSpin")))
    connect(seed, &QSpinBox::valueChanged, this, &TrainingPanel::refreshReadiness);
  updateState();
}

TrainingCurves* TrainingPanel::curves() const {
  return progress_->curves();
}

TrainingPanel::~TrainingPanel() {
  // Before the widgets go: the worker's outcome is dropped, the run stays resumable.
  controller_->cancelAndWait();
}

void TrainingPanel::createActions() {
  startAct_ = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")),
                          tr("&Start Training"), this);
  startAct_->setObjectName(QStringLiteral("startTrainingAction"));
  startAct_->setShortcut(QKeySequence(tr("Ctrl+T")));
  startAct_->setToolTip(tr("Start a new training run with these settings (%1)")
                            .arg(startAct_->shortcut().toString(QKeySequence::NativeText)));
  connect(startAct_, &QAction::triggered, this, [this] { startTraining(); });

  pauseAct_ =
      new QAction(QIcon::fromTheme(QStringLiteral("media-playback-pause")), tr("&Pause"), this);
  pauseAct_->setObjectName(QStringLiteral("pauseTrainingAction"));
  pauseAct_->setCheckable(true);
  pauseAct_->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
  pauseAct_->setToolTip(tr("Pause the training before its next batch; press again to "
                           "continue. Paused time does not count in the run's duration (%1)")
                            .arg(pauseAct_->shortcut().toString(QKeySequence::NativeText)));
  connect(pauseAct_, &QAction::toggled, this, &TrainingPanel::setPaused);

  cancelAct_ =
      new QAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("&Cancel Training"), this);
  cancelAct_->setObjectName(QStringLiteral("cancelTrainingAction"));
  cancelAct_->setShortcut(QKeySequence(tr("Ctrl+Shift+X")));
  cancelAct_->setToolTip(tr("Stop the training before its next batch. The run keeps its last "
                            "finished epoch and can be resumed later (%1)")
                             .arg(cancelAct_->shortcut().toString(QKeySequence::NativeText)));
  connect(cancelAct_, &QAction::triggered, this, &TrainingPanel::cancelTraining);

  resumeAct_ =
      new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Resume Run"), this);
  resumeAct_->setObjectName(QStringLiteral("resumeRunAction"));
  resumeAct_->setToolTip(
      tr("Continue the chosen interrupted run from its last finished "
         "epoch; it ends as an uninterrupted run would"));
  connect(resumeAct_, &QAction::triggered, this, [this] {
    if (resumable_->currentIndex() >= 0) resumeRun(resumable_->currentData().toLongLong());
  });
  // Shortcuts work while the panel is shown, even before the lead puts them in a menu.
  addActions({startAct_, pauseAct_, cancelAct_, resumeAct_});
}

QWidget* TrainingPanel::createProgress() {
  auto* box = new QWidget;
  auto* layout = new QVBoxLayout(box);

  auto* buttons = new QHBoxLayout;
  auto button = [box](QAction* action, const char* name) {
    auto* b = new QToolButton(box);
    b->setObjectName(QString::fromLatin1(name));
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAccessibleName(action->text().remove(QLatin1Char('&')));
    return b;
  };
  startButton_ = button(startAct_, "startTrainingButton");
  pauseButton_ = button(pauseAct_, "pauseTrainingButton");
  cancelButton_ = button(cancelAct_, "cancelTrainingButton");
  buttons->addWidget(startButton_);
  buttons->addWidget(pauseButton_);
  buttons->addWidget(cancelButton_);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  readiness_ = named(new QLabel(box), "trainingReadinessLabel", tr("Why training cannot start"),
                     tr("What the project needs before a run with these settings can train"));
  readiness_->setWordWrap(true);
  readiness_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QPalette red = readiness_->palette();
  red.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
  readiness_->setPalette(red);
  readiness_->hide();
  layout->addWidget(readiness_);

  auto* resumeRow = new QHBoxLayout;
  auto* resumeLabel = new QLabel(tr("&Interrupted runs:"), box);
  resumable_ = named(new QComboBox(box), "resumableRunsCombo", tr("Interrupted runs"),
                     tr("Runs that were cancelled, failed, or stopped with their process; "
                        "resuming one repeats exactly what an uninterrupted run does"));
  resumable_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  resumeLabel->setBuddy(resumable_);
  resumeButton_ = button(resumeAct_, "resumeRunButton");
  resumeRow->addWidget(resumeLabel);
  resumeRow->addWidget(resumable_, 1);
  resumeRow->addWidget(resumeButton_);
  layout->addLayout(resumeRow);
  connect(resumable_, &QComboBox::currentIndexChanged, this, &TrainingPanel::updateState);

  progress_ = new TrainingProgress(box);
  layout->addWidget(progress_, 1);
  return box;
}

void TrainingPanel::setProject(Project* project) {
  if (controller_->isRunning()) {
    const qint64 run = controller_->runId();
    controller_->cancelAndWait();
    Q_EMIT runEnded(run, QStringLiteral("cancelled"));
    Q_EMIT trainingActiveChanged(false);
  }
  project_ = project;
  shownRun_ = 0;
  progress_->reset();
  showMessage(!project ? tr("Open a project to train a model.")
              : project->readOnly()
                  ? tr("The project is open read-only: training needs a copy you can write.")
                  : QString());
  fillFromRuns();
  updateState();
  refreshReadiness();
}

void TrainingPanel::reloadRuns() {
  fillFromRuns();
  updateState();
  refreshReadiness();
}

void TrainingPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refreshReadiness();
}

QString TrainingPanel::dataProblem(const TrainConfig& c) {
  std::optional<TrainingDataProblem> p;
  try {
    p = trainingDataProblem(*project_, c);
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
  if (!p) return {};
  using Kind = TrainingDataProblem::Kind;
  const QString importCsv =
      tr("Import a labels CSV with a stage column (File > Import Images…, Labels CSV)");
  switch (p->kind) {
    case Kind::NoPreciseStage:
      return (p->rangeOnly > 0
                  ? tr("No image has a precise stage 4–17 to train on (%n image(s) have only a "
                       "stage range).",
                       nullptr, p->rangeOnly)
                  : tr("No image has a precise stage 4–17 to train on.")) +
             QLatin1Char(' ') +
             tr("%1, or label images with a stage (the digit keys in the browser).").arg(importCsv);
    case Kind::NoneInTraining:
      return tr(
          "None of the %n image(s) with a precise stage is in the training part (all are "
          "in validation or test). Label more images with a stage, or draw the split "
          "again (flystage-cli split --reset).",
          nullptr, p->precise);
    case Kind::OneStage:
      return tr("The training part has one stage only (stage %1, %n image(s)); a classifier "
                "needs at least two. %2, or label images of other stages.",
                nullptr, p->images)
          .arg(p->stage)
          .arg(importCsv);
    case Kind::MissingStages: {
      QStringList stages;
      for (int stage : p->missing) stages << QString::number(stage);
      return tr("Two-step needs a training image of every stage 4–17 (its feature level takes "
                "a reference image of each); none of stage %1. Label or import images of those "
                "stages, or choose the data-level method.")
          .arg(stages.join(QStringLiteral(", ")));
    }
    case Kind::NoRanges:
      return tr("%1 pretrains on stage ranges, but no image outside the test part has a range "
                "a curator gave. Import the stage ranges (a labels CSV with a stage_range "
                "column), or choose the plain method.")
          .arg(form_->methodBox()->currentText());
  }
  return QString::fromStdString(p->message(project_->file().string()));
}

void TrainingPanel::refreshReadiness() {
  const bool check = project_ && !project_->readOnly() && !controller_->isRunning();
  const QString problem = check ? dataProblem(form_->config()) : QString();
  readiness_->setText(problem);
  readiness_->setVisible(!problem.isEmpty());
}

void TrainingPanel::fillFromRuns() {
  const qint64 resumeWas = resumable_->currentData().toLongLong();
  const QSignalBlocker blocker(resumable_);
  resumable_->clear();
  std::vector<RunRecord> runs;
  if (project_) {
    try {
      runs = runstore::runs(*project_);
    } catch (const std::exception& e) {
      showMessage(tr("The runs could not be read: %1").arg(QString::fromUtf8(e.what())), true);
    }
  }
  form_->setRuns(runs);
  for (const RunRecord& r : runs)
    if (resumable(r) && r.id != controller_->runId())
      resumable_->addItem(tr("%1 · %2").arg(runText(r), statusTitle(r.status)),
                          QVariant::fromValue<qint64>(r.id));
  if (resumeWas) selectData(resumable_, QVariant::fromValue<qint64>(resumeWas));
}

void TrainingPanel::updateState() {
  const bool running = controller_->isRunning();
  const bool cancelling = controller_->isCancelling();
  const bool writable = project_ && !project_->readOnly();
  startAct_->setEnabled(writable && !running);
  pauseAct_->setEnabled(running && sessionPausable_ && !cancelling);
  cancelAct_->setEnabled(running && !cancelling);
  resumeAct_->setEnabled(writable && !running && resumable_->count() > 0);
  resumable_->setEnabled(!running && resumable_->count() > 0);
  const bool paused = pauseAct_->isChecked();
  pauseAct_->setText(paused ? tr("&Continue") : tr("&Pause"));
  pauseButton_->setAccessibleName(paused ? tr("Continue") : tr("Pause"));
  if (auto* settings = findChild<QWidget*>(QStringLiteral("trainingSettings")))
    settings->setEnabled(!running);  // the running run's settings are fixed
}

void TrainingPanel::showMessage(const QString& text, bool problem) {
  progress_->showMessage(text, problem);
}

bool TrainingPanel::refusedReadOnly() {
  if (!project_->readOnly()) return false;
  showMessage(tr("The project is open read-only: training needs a copy you can write."), true);
  return true;
}

bool TrainingPanel::startTraining() {
  if (!project_) {
    showMessage(tr("Open a project first."), true);
    return false;
  }
  if (controller_->isRunning() || refusedReadOnly()) return false;
  const TrainConfig c = form_->config();
  // The same ranges as the command line (TrainConfig::validate), named by the field's label.
  if (const QString problem = TrainSettings::problem(c); !problem.isEmpty()) {
    showMessage(problem, true);
    return false;
  }
  // The labels the method needs (core refuses the same): no run is created without them.
  refreshReadiness();
  if (!readiness_->isHidden()) {
    showMessage(readiness_->text(), true);
    return false;
  }
  sessionPausable_ = c.method != Method::Gabor;
  shownRun_ = 0;
  progress_->curves()->clear();
  return controller_->start(QString::fromStdString(project_->file().string()), c);
}

bool TrainingPanel::resumeRun(qint64 runId) {
  if (!project_ || controller_->isRunning() || refusedReadOnly()) return false;
  std::optional<RunRecord> record;
  try {
    record = runstore::run(*project_, runId);
  } catch (const std::exception& e) {
    showMessage(QString::fromUtf8(e.what()), true);
    return false;
  }
  if (!record) {
    showMessage(tr("There is no run #%1.").arg(runId), true);
    return false;
  }
  if (!resumable(*record)) {
    showMessage(record->status == "finished"
                    ? tr("Run #%1 has already finished.").arg(runId)
                    : tr("Run #%1 cannot be resumed (a Gabor run has no epochs); train it "
                         "again.")
                          .arg(runId),
                true);
    return false;
  }
  if (record->status == "running") {
    const auto answer = QMessageBox::question(
        this, tr("Resume Run"),
        tr("Run #%1 is marked as running. Resume it only if no other FlyStage window or "
           "command is training it (its process was closed or crashed). Resume it here?")
            .arg(runId));
    if (answer != QMessageBox::Yes) return false;
  }
  try {
    form_->setConfig(TrainConfig::fromJson(record->paramsJson));
    progress_->curves()->setEpochs(runstore::epochs(*project_, runId));
  } catch (const std::exception& e) {
    showMessage(QString::fromUtf8(e.what()), true);
    return false;
  }
  sessionPausable_ = true;
  shownRun_ = runId;
  return controller_->resume(QString::fromStdString(project_->file().string()), runId);
}

void TrainingPanel::setPaused(bool paused) {
  controller_->setPaused(paused);
  if (!controller_->isRunning() && pauseAct_->isChecked()) pauseAct_->setChecked(false);
  updateState();
}

void TrainingPanel::cancelTraining() {
  if (!controller_->isRunning()) return;
  controller_->cancel();
  showMessage(tr("Cancelling before the next batch…"));
  updateState();
}

void TrainingPanel::cancelAndWait() {
  if (!controller_->isRunning()) return;
  const qint64 run = controller_->runId();
  controller_->cancelAndWait();
  showMessage(tr("Training cancelled."));
  fillFromRuns();
  updateState();
  Q_EMIT runEnded(run, QStringLiteral("cancelled"));
  Q_EMIT trainingActiveChanged(false);
}

void TrainingPanel::onStarted(bool resumed) {
  refreshReadiness();  // hidden while a run trains
  progress_->showStarting();
  showMessage(resumed ? tr("Resuming run #%1…").arg(shownRun_) : tr("Starting a new run…"));
  updateState();
  Q_EMIT trainingActiveChanged(true);
}

void TrainingPanel::onRunCreated(qint64 runId) {
  shownRun_ = runId;
  showMessage(tr("Training run #%1…").arg(runId));
  fillFromRuns();  // the running run is not offered for resuming
  updateState();
  Q_EMIT runStarted(runId);
}

void TrainingPanel::onEpochEnded(qint64 runId, const EpochRecord& e) {
  if (runId == shownRun_ || shownRun_ == 0) progress_->curves()->addEpoch(e);
}

void TrainingPanel::onFinished(const TrainOutcome& outcome) {
  const qint64 run = outcome.runId;
  const QString status = progress_->showOutcome(outcome, project_);
  // The epoch each phase kept, marked on the curves.
  if (run && project_) progress_->curves()->setSelections(runstore::selections(*project_, run));
  if (pauseAct_->isChecked()) {
    const QSignalBlocker blocker(pauseAct_);
    pauseAct_->setChecked(false);
  }
  fillFromRuns();
  if (run) selectData(resumable_, QVariant::fromValue<qint64>(run));
  updateState();
  refreshReadiness();
  Q_EMIT runEnded(run, status);
  Q_EMIT trainingActiveChanged(false);
}

}  // namespace flystage::ui
