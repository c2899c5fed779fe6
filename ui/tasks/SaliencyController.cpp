#include "SaliencyController.h"

#include "BackgroundTask.h"
#include "interpret/Saliency.h"
#include "store/Project.h"

namespace flystage::ui {

namespace {

struct SaliencyResult {
  cv::Mat map;
  int stage = 0;
  double probability = 0;
};

}  // namespace

SaliencyController::SaliencyController(QObject* parent)
    : QObject(parent), task_(new BackgroundTask(this)) {
  connect(task_, &BackgroundTask::finished, this, [this](const QVariant& value) {
    const auto result = value.value<SaliencyResult>();
    const Request r = running_;
    Q_EMIT ready(r.image, r.method, result.map, result.stage, result.probability);
    startPending();
  });
  connect(task_, &BackgroundTask::failed, this, [this](const QString& message) {
    Q_EMIT failed(running_.image, message);
    startPending();
  });
  // Only cancelAndWait() cancels, and it drops the run: nothing to say, nothing pending.
  connect(task_, &BackgroundTask::cancelled, this, &SaliencyController::startPending);
}

SaliencyController::~SaliencyController() {
  cancelAndWait();
}

bool SaliencyController::isBusy() const {
  return task_->isRunning();
}

void SaliencyController::cancelAndWait() {
  pending_.reset();
  task_->cancelAndWait();
}

void SaliencyController::request(const QString& projectFile, qint64 runId, qint64 imageId,
                                 const QString& method) {
  const Request r{projectFile, runId, imageId, method};
  if (isBusy()) {
    pending_ = r;
    return;
  }
  start(r);
}

void SaliencyController::startPending() {
  if (!pending_ || isBusy()) return;
  const Request next = *pending_;
  pending_.reset();
  start(next);
}

void SaliencyController::start(const Request& r) {
  running_ = r;
  task_->start([r](TaskContext& context) {
    Project project = Project::open(r.file.toStdString(), OpenMode::ReadOnly);
    SaliencyOptions options;
    options.method = parseSaliencyMethod(r.method.toStdString());
    options.batchSize = 8;
    const auto maps =
        computeSaliency(project, r.run, {r.image}, options, 0, {}, context.cancelToken());
    return QVariant::fromValue(
        SaliencyResult{maps.at(0).map, maps.at(0).stage, maps.at(0).probability});
  });
}

}  // namespace flystage::ui
