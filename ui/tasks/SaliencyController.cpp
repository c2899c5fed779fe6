#include "SaliencyController.h"

#include <QPointer>
#include <QThread>

#include "BackgroundThread.h"
#include "interpret/Saliency.h"
#include "store/Project.h"

namespace flystage::ui {

SaliencyController::SaliencyController(QObject* parent) : QObject(parent) {}

SaliencyController::~SaliencyController() {
  cancelAndWait();
}

void SaliencyController::cancelAndWait() {
  pending_.reset();
  if (!thread_) return;
  cancel_.cancel();
  thread_->wait();
  thread_ = nullptr;
  ++generation_;  // deleteLater runs on its finished signal
}

void SaliencyController::request(const QString& projectFile, qint64 runId, qint64 imageId,
                                 const QString& method) {
  const Request r{projectFile, runId, imageId, method};
  if (thread_) {
    pending_ = r;
    return;
  }
  start(r);
}

void SaliencyController::start(const Request& r) {
  cancel_.reset();
  QPointer<SaliencyController> self(this);
  const int generation = ++generation_;
  thread_ = QThread::create([self, r, generation, this] {
    cv::Mat map;
    int stage = 0;
    double probability = 0;
    QString error;
    try {
      Project project = Project::open(r.file.toStdString(), OpenMode::ReadOnly);
      SaliencyOptions options;
      options.method = parseSaliencyMethod(r.method.toStdString());
      options.batchSize = 8;
      const auto maps = computeSaliency(project, r.run, {r.image}, options, 0, {}, &cancel_);
      map = maps.at(0).map;
      stage = maps.at(0).stage;
      probability = maps.at(0).probability;
    } catch (const Cancelled&) {
      return;
    } catch (const std::exception& e) {
      error = QString::fromUtf8(e.what());
    }
    QMetaObject::invokeMethod(
        this,
        [self, r, map, stage, probability, error, generation, this] {
          if (!self || generation != generation_) return;  // given up by cancelAndWait
          if (thread_) thread_->wait();
          thread_ = nullptr;
          if (error.isEmpty())
            Q_EMIT ready(r.image, r.method, map, stage, probability);
          else
            Q_EMIT failed(r.image, error);
          if (pending_) {
            const Request next = *pending_;
            pending_.reset();
            start(next);
          }
        },
        Qt::QueuedConnection);
  });
  connect(thread_, &QThread::finished, thread_, &QObject::deleteLater);
  startInBackground(thread_);
}

}  // namespace flystage::ui
