#include "TrainController.h"

#include <QThread>

#include "BackgroundThread.h"
#include "store/Project.h"

namespace flystage::ui {

namespace {

void registerTypes() {
  qRegisterMetaType<TrainProgress>();
  qRegisterMetaType<EpochRecord>();
  qRegisterMetaType<TrainOutcome>();
}

}  // namespace

TrainWorker::TrainWorker(QString projectFile, TrainConfig config, QObject* parent)
    : QObject(parent), projectFile_(std::move(projectFile)), config_(std::move(config)) {
  registerTypes();
}

TrainWorker::TrainWorker(QString projectFile, qint64 resumeRunId, QObject* parent)
    : QObject(parent), projectFile_(std::move(projectFile)), resumeRunId_(resumeRunId) {
  registerTypes();
}

void TrainWorker::reportProgress(const TrainProgress& p) {
  // A tiny model runs hundreds of batches a second: a signal for each would flood the
  // GUI's event queue. Epoch and phase ends always get through.
  const QString phase = QString::fromStdString(p.phase);
  const bool boundary = p.batch == p.batches || phase != lastPhase_;
  if (!boundary && sinceProgress_.isValid() && sinceProgress_.elapsed() < 100) return;
  sinceProgress_.start();
  lastPhase_ = phase;
  Q_EMIT progress(p);
}

void TrainWorker::run() {
  TrainOutcome outcome;
  outcome.resumed = !config_.has_value();
  outcome.runId = resumeRunId_;
  TrainCallbacks callbacks;
  callbacks.cancel = &cancel_;
  callbacks.pause = &pause_;
  callbacks.runCreated = [&](std::int64_t id) {
    outcome.runId = id;
    Q_EMIT runCreated(id);
  };
  callbacks.progress = [this](const TrainProgress& p) { reportProgress(p); };
  callbacks.epochEnd = [this](const EpochRecord& e) { Q_EMIT epochEnded(e); };
  try {
    // This thread's own connection: the GUI thread keeps reading through its own one.
    Project project =
        Project::open(std::filesystem::path(projectFile_.toStdString()), OpenMode::Existing);
    if (config_)
      train(project, *config_, callbacks);
    else
      resumeTraining(project, resumeRunId_, callbacks);
    outcome.finished = true;
  } catch (const Cancelled&) {
    outcome.cancelled = true;
  } catch (const std::exception& e) {
    outcome.error = QString::fromStdString(e.what());
  }
  Q_EMIT finished(outcome);
}

TrainController::TrainController(QObject* parent) : QObject(parent) {
  registerTypes();
}

TrainController::~TrainController() {
  cancelAndWait();
}

bool TrainController::start(const QString& projectFile, const TrainConfig& config) {
  if (isRunning()) return false;
  return launch(new TrainWorker(projectFile, config), false);
}

bool TrainController::resume(const QString& projectFile, qint64 runId) {
  if (isRunning()) return false;
  runId_ = runId;
  return launch(new TrainWorker(projectFile, runId), true);
}

bool TrainController::launch(TrainWorker* worker, bool resumed) {
  if (!resumed) runId_ = 0;
  paused_ = false;
  cancelling_ = false;
  thread_ = new QThread(this);
  thread_->setObjectName(QStringLiteral("training"));
  worker_ = worker;
  worker_->moveToThread(thread_);
  const int session = ++sessions_;
  auto current = [this, session] { return session == sessions_ && worker_; };
  connect(thread_, &QThread::started, worker, &TrainWorker::run);
  // Direct: quit() is thread-safe, and the thread ends as soon as run() has returned.
  connect(worker, &TrainWorker::finished, thread_, &QThread::quit, Qt::DirectConnection);
  connect(thread_, &QThread::finished, worker, &QObject::deleteLater);
  connect(worker, &TrainWorker::runCreated, this, [this, current](qint64 id) {
    if (!current()) return;
    runId_ = id;
    Q_EMIT runCreated(id);
  });
  connect(worker, &TrainWorker::progress, this, [this, current](const TrainProgress& p) {
    if (current()) Q_EMIT progress(p);
  });
  connect(worker, &TrainWorker::epochEnded, this, [this, current](const EpochRecord& e) {
    if (current()) Q_EMIT epochEnded(runId_, e);
  });
  connect(worker, &TrainWorker::finished, this, [this, current](const TrainOutcome& o) {
    if (current()) onFinished(o);
  });
  startInBackground(thread_);
  Q_EMIT started(resumed);
  return true;
}

void TrainController::setPaused(bool paused) {
  if (!isRunning() || paused == paused_) return;
  paused_ = paused;
  worker_->setPaused(paused);
  Q_EMIT pausedChanged(paused);
}

void TrainController::cancel() {
  if (!isRunning()) return;
  cancelling_ = true;
  // A direct call, not a signal: run() is busy and checks the token before every batch
  // (and every 50 ms while paused).
  worker_->cancel();
}

void TrainController::cancelAndWait() {
  if (!thread_) return;
  worker_->cancel();
  thread_->wait();  // the trainer stops before its next batch; the worker deletes itself
  worker_ = nullptr;
  delete thread_;
  thread_ = nullptr;
  runId_ = 0;
  paused_ = false;
  cancelling_ = false;
}

void TrainController::onFinished(const TrainOutcome& outcome) {
  // run() has returned and the thread is quitting: wait, so isRunning() is exact.
  thread_->wait();
  thread_->deleteLater();
  thread_ = nullptr;
  worker_ = nullptr;  // deleted by the thread's finished signal
  const bool wasPaused = paused_;
  paused_ = false;
  cancelling_ = false;
  runId_ = 0;
  if (wasPaused) Q_EMIT pausedChanged(false);
  Q_EMIT finished(outcome);
}

}  // namespace flystage::ui
