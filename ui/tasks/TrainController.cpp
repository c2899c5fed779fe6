#include "TrainController.h"

#include <QElapsedTimer>

#include "BackgroundTask.h"
#include "store/Project.h"

namespace flystage::ui {

namespace {

// What the training work reports besides TrainProgress and EpochRecord.
struct RunCreated {
  qint64 runId = 0;
};

}  // namespace

TrainController::TrainController(QObject* parent)
    : QObject(parent), task_(new BackgroundTask(this)) {
  qRegisterMetaType<TrainProgress>();
  qRegisterMetaType<EpochRecord>();
  qRegisterMetaType<TrainOutcome>();
  connect(task_, &BackgroundTask::progress, this, &TrainController::onProgress);
  connect(task_, &BackgroundTask::finished, this,
          [this](const QVariant& result) { onFinished(result.value<TrainOutcome>()); });
  // The work turns a cancel and an error into its outcome; these are for anything else.
  connect(task_, &BackgroundTask::failed, this, [this](const QString& message) {
    TrainOutcome outcome;
    outcome.runId = runId_;
    outcome.resumed = resumed_;
    outcome.error = message;
    onFinished(outcome);
  });
  connect(task_, &BackgroundTask::cancelled, this, [this] {
    TrainOutcome outcome;
    outcome.runId = runId_;
    outcome.resumed = resumed_;
    outcome.cancelled = true;
    onFinished(outcome);
  });
}

TrainController::~TrainController() {
  cancelAndWait();
}

bool TrainController::isRunning() const {
  return task_->isRunning();
}

bool TrainController::start(const QString& projectFile, const TrainConfig& config) {
  if (isRunning()) return false;
  runId_ = 0;
  return launch(projectFile, config, 0);
}

bool TrainController::resume(const QString& projectFile, qint64 runId) {
  if (isRunning()) return false;
  runId_ = runId;
  return launch(projectFile, std::nullopt, runId);
}

bool TrainController::launch(const QString& projectFile, std::optional<TrainConfig> config,
                             qint64 resumeRunId) {
  paused_ = false;
  cancelling_ = false;
  resumed_ = !config.has_value();
  pause_ = std::make_shared<PauseToken>();
  std::shared_ptr<PauseToken> pause = pause_;
  const std::string file = projectFile.toStdString();
  task_->start([file, config, resumeRunId, pause](TaskContext& context) {
    TrainOutcome outcome;
    outcome.resumed = !config.has_value();
    outcome.runId = resumeRunId;
    // A tiny model runs hundreds of batches a second: a signal for each would flood the
    // GUI's event queue. Epoch and phase ends always get through.
    QElapsedTimer sinceProgress;
    std::string lastPhase;
    TrainCallbacks callbacks;
    callbacks.cancel = context.cancelToken();
    callbacks.pause = pause.get();
    callbacks.runCreated = [&](std::int64_t id) {
      outcome.runId = id;
      context.progress(QVariant::fromValue(RunCreated{id}));
    };
    callbacks.progress = [&](const TrainProgress& p) {
      const bool boundary = p.batch == p.batches || p.phase != lastPhase;
      if (!boundary && sinceProgress.isValid() && sinceProgress.elapsed() < 100) return;
      sinceProgress.start();
      lastPhase = p.phase;
      context.progress(QVariant::fromValue(p));
    };
    callbacks.epochEnd = [&](const EpochRecord& e) { context.progress(QVariant::fromValue(e)); };
    try {
      // This thread's own connection: the GUI thread keeps reading through its own one.
      Project project = Project::open(std::filesystem::path(file), OpenMode::Existing);
      if (config)
        train(project, *config, callbacks);
      else
        resumeTraining(project, resumeRunId, callbacks);
      outcome.finished = true;
    } catch (const Cancelled&) {
      outcome.cancelled = true;
    } catch (const std::exception& e) {
      outcome.error = QString::fromStdString(e.what());
    }
    return QVariant::fromValue(outcome);
  });
  Q_EMIT started(resumed_);
  return true;
}

void TrainController::onProgress(const QVariant& value) {
  if (value.metaType() == QMetaType::fromType<TrainProgress>()) {
    Q_EMIT progress(value.value<TrainProgress>());
  } else if (value.metaType() == QMetaType::fromType<EpochRecord>()) {
    Q_EMIT epochEnded(runId_, value.value<EpochRecord>());
  } else if (value.metaType() == QMetaType::fromType<RunCreated>()) {
    runId_ = value.value<RunCreated>().runId;
    Q_EMIT runCreated(runId_);
  }
}

void TrainController::setPaused(bool paused) {
  if (!isRunning() || paused == paused_) return;
  paused_ = paused;
  paused ? pause_->pause() : pause_->resume();
  Q_EMIT pausedChanged(paused);
}

void TrainController::cancel() {
  if (!isRunning()) return;
  cancelling_ = true;
  // The trainer checks the token before every batch (and every 50 ms while paused).
  task_->cancel();
}

void TrainController::cancelAndWait() {
  if (!isRunning()) return;
  task_->cancelAndWait();  // the trainer stops before its next batch
  pause_.reset();
  runId_ = 0;
  paused_ = false;
  cancelling_ = false;
}

void TrainController::onFinished(const TrainOutcome& outcome) {
  const bool wasPaused = paused_;
  pause_.reset();
  paused_ = false;
  cancelling_ = false;
  runId_ = 0;
  if (wasPaused) Q_EMIT pausedChanged(false);
  Q_EMIT finished(outcome);
}

}  // namespace flystage::ui
