#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

#include "store/RunStore.h"
#include "train/TrainConfig.h"
#include "train/Trainer.h"
#include "util/PauseToken.h"
#include "util/Progress.h"

namespace flystage::ui {

class BackgroundTask;

// How one training session (a new run or a resumed one) ended.
struct TrainOutcome {
  qint64 runId = 0;  // 0: the run was never created (refused settings)
  bool resumed = false;
  bool finished = false;   // the run is finished: model, test predictions and metrics stored
  bool cancelled = false;  // stopped by Cancel; the run stays resumable
  QString error;           // failed: core's message (the run, if created, is resumable)
};

// The GUI side of training: one train() or resumeTraining() at a time off the GUI thread (a
// BackgroundTask with its own connection to the project), Pause and Cancel that reach the
// trainer before its next batch, and the run's progress as signals. Deleting the controller
// cancels a running training and waits for it (the run stays resumable).
class TrainController : public QObject {
  Q_OBJECT

 public:
  explicit TrainController(QObject* parent = nullptr);
  ~TrainController() override;

  bool isRunning() const;
  bool isPaused() const { return paused_; }
  // Paused and the trainer is waiting: no batch runs until setPaused(false) or cancel().
  bool isHeld() const { return isRunning() && pause_ && pause_->holding(); }
  bool isCancelling() const { return cancelling_; }
  // The run being trained; 0 before core has created it and when none runs.
  qint64 runId() const { return runId_; }

  // Start a new run or resume an interrupted one, and return at once; false when a
  // training is already running.
  bool start(const QString& projectFile, const TrainConfig& config);
  bool resume(const QString& projectFile, qint64 runId);

  void setPaused(bool paused);
  void cancel();
  // Cancels the running training and waits until it has ended (closing the project or the
  // window); its outcome is dropped.
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
  bool launch(const QString& projectFile, std::optional<TrainConfig> config, qint64 resumeRunId);
  void onProgress(const QVariant& value);
  void onFinished(const TrainOutcome& outcome);

  BackgroundTask* task_;
  std::shared_ptr<PauseToken> pause_;  // of the running training, shared with its work
  qint64 runId_ = 0;
  bool resumed_ = false;
  bool paused_ = false;
  bool cancelling_ = false;
};

}  // namespace flystage::ui

Q_DECLARE_METATYPE(flystage::TrainProgress)
Q_DECLARE_METATYPE(flystage::EpochRecord)
Q_DECLARE_METATYPE(flystage::ui::TrainOutcome)
