#pragma once

#include <QObject>
#include <QString>

#include <optional>

#include <opencv2/core.hpp>

namespace flystage::ui {

class BackgroundTask;

// Computes one image's saliency map off the GUI thread (a BackgroundTask with its own
// read-only connection to the project), for the image view's overlay. While one map is
// being computed, only the newest further request is kept: stepping through images quickly
// never queues up stale work.
class SaliencyController : public QObject {
  Q_OBJECT

 public:
  explicit SaliencyController(QObject* parent = nullptr);
  ~SaliencyController() override;

  void request(const QString& projectFile, qint64 runId, qint64 imageId, const QString& method);
  bool isBusy() const;
  // Waits for the running computation (for closing the project); nothing is delivered.
  void cancelAndWait();

 Q_SIGNALS:
  void ready(qint64 imageId, const QString& method, const cv::Mat& map, int stage,
             double probability);
  void failed(qint64 imageId, const QString& message);

 private:
  struct Request {
    QString file;
    qint64 run = 0, image = 0;
    QString method;
  };
  void start(const Request& r);
  void startPending();

  BackgroundTask* task_;
  Request running_;
  std::optional<Request> pending_;
};

}  // namespace flystage::ui
