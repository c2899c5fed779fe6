#include "PredictController.h"

#include "BackgroundTask.h"
#include "model/Predictor.h"
#include "model/StoredPredictions.h"
#include "store/BusyWait.h"
#include "store/Project.h"
#include "store/RunStore.h"

namespace flystage::ui {

PredictController::PredictController(QObject* parent)
    : QObject(parent), task_(new BackgroundTask(this)) {
  connect(task_, &BackgroundTask::progress, this, [this](const QVariant& value) {
    const auto e = value.value<ProgressEvent>();
    Q_EMIT progress(static_cast<int>(e.done), static_cast<int>(e.total));
  });
  connect(task_, &BackgroundTask::finished, this, [this](const QVariant& images) {
    Q_EMIT stopped();
    Q_EMIT finished(runId_, images.toInt());
  });
  connect(task_, &BackgroundTask::failed, this, [this](const QString& message) {
    Q_EMIT stopped();
    Q_EMIT failed(runId_, message);
  });
  connect(task_, &BackgroundTask::cancelled, this, [this] {
    Q_EMIT stopped();
    Q_EMIT cancelled(runId_);
  });
}

PredictController::~PredictController() {
  task_->cancelAndWait();
}

bool PredictController::isRunning() const {
  return task_->isRunning();
}

void PredictController::cancel() {
  task_->cancel();
}

void PredictController::cancelAndWait() {
  if (!isRunning()) return;
  task_->cancelAndWait();
  Q_EMIT stopped();
}

bool PredictController::start(const QString& projectFile, qint64 runId, bool rangeConstraint) {
  if (isRunning()) return false;
  runId_ = runId;
  const std::string file = projectFile.toStdString();
  PredictOptions options;
  options.rangeConstraint = rangeConstraint;
  task_->start([file, runId, options](TaskContext& context) {
    Project project = Project::open(file, OpenMode::Existing);
    const BusyWait wait(project, context.cancelToken());  // an import may hold the lock
    const auto preds = predictStages(
        project, runId, project.imageIds(),
        [&context](const ProgressEvent& e) { context.progress(e); }, context.cancelToken(),
        options);
    context.throwIfCancelled();
    return QVariant(static_cast<int>(storePredictions(project, runId, preds)));  // as --store
  });
  Q_EMIT started(runId);
  return true;
}

}  // namespace flystage::ui
