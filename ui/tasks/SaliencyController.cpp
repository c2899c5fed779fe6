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
  connect(task_, &BackgroundTask::progress, this, [this](const QVariant& value) {
    const auto e = value.value<ProgressEvent>();
    if (e.phase != "saliency") return;
    Q_EMIT progress(running_.image, running_.method, static_cast<int>(e.done),
                    static_cast<int>(e.total));
  });
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
  // cancel() for a newer request (cancelAndWait() drops the run: nothing is delivered then).
  connect(task_, &BackgroundTask::cancelled, this, [this] {
    Q_EMIT cancelled(running_.image, running_.method);
    startPending();
  });
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

void SaliencyController::cancel() {
  pending_.reset();
  if (!isBusy()) return;
  cancelling_ = true;
  task_->cancel();
}

void SaliencyController::request(const QString& projectFile, qint64 runId, qint64 imageId,
                                 const QString& method, int stage) {
  const Request r{projectFile, runId, imageId, method, stage};
  if (isBusy()) {
    if (r == running_ && !cancelling_) {  // already being computed: nothing newer waits
      pending_.reset();
      return;
    }
    // The running map is no longer wanted: it stops at its next pass (the cancel token).
    pending_ = r;
    cancelling_ = true;
    task_->cancel();
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
  cancelling_ = false;
  const int samples = samples_;
  task_->start([r, samples](TaskContext& context) {
    Project project = Project::open(r.file.toStdString(), OpenMode::ReadOnly);
    SaliencyOptions options;
    options.method = parseSaliencyMethod(r.method.toStdString());
    options.samples = samples;
    options.batchSize = 8;
    const auto maps = computeSaliency(
        project, r.run, {r.image}, options, r.stage,
        [&context](const ProgressEvent& e) { context.progress(e); }, context.cancelToken());
    return QVariant::fromValue(
        SaliencyResult{maps.at(0).map, maps.at(0).stage, maps.at(0).probability});
  });
}

}  // namespace flystage::ui
