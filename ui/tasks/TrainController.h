#pragma once

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>

#include "store/RunStore.h"
#include "train/TrainConfig.h"
#include "train/Trainer.h"
#include "util/PauseToken.h"
#include "util/Progress.h"

class QThread;

namespace flystage::ui {

// How one training session (a new run or a resumed one) ended.
struct TrainOutcome {
  qint64 runId = 0;  // 0: the run was never created (refused settings)
  bool resumed = false;
  bool finished = false;   // the run is finished: model, test predictions and metrics stored
  bool cancelled = false;  // stopped by Cancel; the run stays resumable
  QString error;           // failed: core's message (the run, if created, is resumable)
};

// Runs one train() or resumeTraining() off the GUI thread: moved to a QThread, it opens its
// own connection to the project (SQLite connections belong to one thread) and adapts core's
// callbacks to queued signals. cancel() and setPaused() are called from the GUI thread.
class TrainWorker : public QObject {
  Q_OBJECT

 public:
  TrainWorker(QString projectFile, TrainConfig config, QObject* parent = nullptr);
  TrainWorker(QString projectFile, qint64 resumeRunId, QObject* parent = nullptr);

  // Thread-safe: the trainer checks both before every batch.
  void cancel() { cancel_.cancel(); }
  void setPaused(bool paused) { paused ? pause_.pause() : pause_.resume(); }
  // True once the trainer waits at the pause (the batch under way has ended).
  bool isHeld() const { return pause_.holding(); }

 public Q_SLOTS:
  void run();

 Q_SIGNALS:
  void runCreated(qint64 runId);
  void progress(const flystage::TrainProgress& progress);
  void epochEnded(const flystage::EpochRecord& epoch);
  void finished(const flystage::ui::TrainOutcome& outcome);

 private:
  void reportProgress(const TrainProgress& p);

  QString projectFile_;
  std::optional<TrainConfig> config_;  // unset: resume resumeRunId_
  qint64 resumeRunId_ = 0;
  CancelToken cancel_;
  PauseToken pause_;
  QElapsedTimer sinceProgress_;  // worker thread only
  QString lastPhase_;
};

// The GUI side of training: one worker thread at a time, Pause and Cancel that reach the
// trainer before its next batch, and the run's progress as signals. Deleting the controller
// cancels a running training and waits for it (the run stays resumable).
class TrainController : public QObject {
  Q_OBJECT

 public:
  explicit TrainController(QObject* parent = nullptr);
  ~TrainController() override;

  bool isRunning() const { return thread_ != nullptr; }
  bool isPaused() const { return paused_; }
  // Paused and the trainer is waiting: no batch runs until setPaused(false) or cancel().
  bool isHeld() const { return isRunning() && worker_ && worker_->isHeld(); }
  bool isCancelling() const { return cancelling_; }
  // The run being trained; 0 before core has created it and when none runs.
  qint64 runId() const { return runId_; }

  // Start a new run or resume an interrupted one, and return at once; false when a
  // training is already running.
  bool start(const QString& projectFile, const TrainConfig& config);
  bool resume(const QString& projectFile, qint64 runId);

  void setPaused(bool paused);
  void cancel();
  // Cancels the running training and waits until its thread has ended (closing the
  // project or the window); its outcome is dropped.
  void cancelAndWait();

 Q_SIGNALS:
  void started(bool resumed);
  void runCreated(qint64 runId);
  // At most ten a second, and at the end of every epoch and phase.
  void progress(const flystage::TrainProgress& progress);
  void epochEnded(qint64 runId, const flystage::EpochRecord& epoch);
  void pausedChanged(bool paused);
  void finished(const flystage::ui::TrainOutcome& outcome);

 private:
  bool launch(TrainWorker* worker, bool resumed);
  void onFinished(const TrainOutcome& outcome);

  QThread* thread_ = nullptr;
  TrainWorker* worker_ = nullptr;
  int sessions_ = 0;  // tells the current worker's queued signals from a given-up one's
  qint64 runId_ = 0;
  bool paused_ = false;
  bool cancelling_ = false;
};

}  // namespace flystage::ui

Q_DECLARE_METATYPE(flystage::TrainProgress)
Q_DECLARE_METATYPE(flystage::EpochRecord)
Q_DECLARE_METATYPE(flystage::ui::TrainOutcome)
