#pragma once

#include <QWidget>

#include <vector>

#include "TrainController.h"
#include "TrainingForm.h"
#include "model/Device.h"
#include "train/TrainConfig.h"

class QAction;
class QComboBox;
class QLabel;
class QTimer;
class QToolButton;

namespace flystage {
class Project;
}

namespace flystage::ui {

class TrainingCurves;
class TrainingProgress;

// Training: the method and preset of the paper's Algorithm 1 with their documented
// defaults (TrainConfig::forPreset), the device, the seed and the main hyperparameters,
// then Start. Training runs on a worker thread (TrainController): a progress bar with the
// time left and images/s, live curves, Pause and Cancel that reach the trainer before its
// next batch, and resuming a run that was cancelled, failed or died with its process.
class TrainingPanel : public QWidget {
  Q_OBJECT

 public:
  explicit TrainingPanel(QWidget* parent = nullptr);
  ~TrainingPanel() override;

  // The GUI thread's connection, read for the runs to continue from or to resume; the
  // worker opens its own connection on project->file(). nullptr: no project. A running
  // training is cancelled (and waited for) first; it stays resumable.
  void setProject(Project* project);
  // Re-reads the runs (after runs changed elsewhere, e.g. the command line).
  void reloadRuns();

  // The settings as the controls show them; setConfig() shows a run's settings.
  TrainConfig config() const { return form_->config(); }
  void setConfig(const TrainConfig& config) { form_->setConfig(config); }

  bool isTraining() const { return controller_->isRunning(); }
  TrainController* controller() const { return controller_; }
  TrainingCurves* curves() const;

  // For menus and toolbars: Start (Ctrl+T), Pause (Ctrl+Shift+P, checkable: unchecked
  // continues) and Cancel (Ctrl+Shift+X); enabled as the training's state allows.
  QAction* startAction() const { return startAct_; }
  QAction* pauseAction() const { return pauseAct_; }
  QAction* cancelAction() const { return cancelAct_; }
  QAction* resumeRunAction() const { return resumeAct_; }

 public Q_SLOTS:
  // Starts a new run with config(); false (with the reason shown in the panel) when no
  // project is open or a training is running.
  bool startTraining();
  // Resumes an interrupted run (cancelled, failed, or "running" whose process is gone:
  // asks first, since another FlyStage may be training it).
  bool resumeRun(qint64 runId);
  void setPaused(bool paused);
  void cancelTraining();
  // Cancels a running training and waits for its thread (before the project closes).
  void cancelAndWait();

 Q_SIGNALS:
  void runStarted(qint64 runId);
  // After every session: status "finished", "cancelled" or "failed" (runId 0 when the run
  // was never created). The runs panel reloads on it.
  void runEnded(qint64 runId, const QString& status);
  void trainingActiveChanged(bool active);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  QWidget* createProgress();
  // Why a run of `config` cannot train on the project's labels (core's TrainReadiness, the
  // rule train() refuses by), in the panel's words; empty when it can.
  QString dataProblem(const TrainConfig& config);
  // Shows under Start why the settings shown cannot train (labels change while the panel is
  // hidden: checked when it shows, and again when Start is pressed).
  void refreshReadiness();
  void createActions();
  void updateState();
  void fillFromRuns();
  void showMessage(const QString& text, bool problem = false);
  // Shows why and returns true when the project is open read-only (nothing can be trained).
  bool refusedReadOnly();
  void onStarted(bool resumed);
  void onRunCreated(qint64 runId);
  void onEpochEnded(qint64 runId, const EpochRecord& e);
  void onFinished(const TrainOutcome& outcome);

  Project* project_ = nullptr;
  TrainController* controller_;
  DeviceInfo deviceInfo_;
  bool sessionPausable_ = false;  // the Gabor baseline has no batches to pause between
  qint64 shownRun_ = 0;           // the run the curves and progress belong to

  TrainingForm* form_;
  QComboBox* resumable_;
  QToolButton* startButton_;
  QToolButton* pauseButton_;
  QToolButton* cancelButton_;
  QToolButton* resumeButton_;
  QLabel* readiness_;  // why Start would be refused, under the buttons; hidden when it would not

  TrainingProgress* progress_;
  QTimer* heldPoll_ = nullptr;

  QAction* startAct_;
  QAction* pauseAct_;
  QAction* cancelAct_;
  QAction* resumeAct_;
};

}  // namespace flystage::ui
