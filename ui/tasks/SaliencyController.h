#pragma once

#include <QObject>
#include <QString>

#include <optional>

#include <opencv2/core.hpp>

namespace flystage::ui {

class BackgroundTask;

// Computes one image's saliency map off the GUI thread (a BackgroundTask with its own
// read-only connection to the project), for the image view's overlay. Only the newest request
// counts: a request for another image, run or method cancels the computation still going
// (SmoothGrad and integrated gradients take 25-32 passes) and starts once it has stopped, so
// stepping through images or methods never waits on stale work.
class SaliencyController : public QObject {
  Q_OBJECT

 public:
  explicit SaliencyController(QObject* parent = nullptr);
  ~SaliencyController() override;

  // `stage`: the stage whose output the map explains, the call the window shows (the
  // range-constrained one); 0: the model's own call.
  void request(const QString& projectFile, qint64 runId, qint64 imageId, const QString& method,
               int stage = 0);
  bool isBusy() const;
  // Stops the running computation (it says cancelled) and forgets the pending one: no map is
  // wanted now (no run is chosen).
  void cancel();
  // Waits for the running computation (for closing the project); nothing is delivered.
  void cancelAndWait();
  // Noisy copies or path steps per map (0, the default: core's, 25 and 32). Tests make a
  // computation long enough to be cancelled.
  void setSamples(int samples) { samples_ = samples; }

 Q_SIGNALS:
  void ready(qint64 imageId, const QString& method, const cv::Mat& map, int stage,
             double probability);
  void failed(qint64 imageId, const QString& message);
  // The passes done of the map being computed (core's "saliency" progress), before ready.
  void progress(qint64 imageId, const QString& method, int done, int total);
  // A computation stopped because a newer request came (nothing else is said about it).
  void cancelled(qint64 imageId, const QString& method);

 private:
  struct Request {
    QString file;
    qint64 run = 0, image = 0;
    QString method;
    int stage = 0;
    bool operator==(const Request& o) const {
      return file == o.file && run == o.run && image == o.image && method == o.method &&
             stage == o.stage;
    }
  };
  void start(const Request& r);
  void startPending();

  BackgroundTask* task_;
  Request running_;
  std::optional<Request> pending_;
  bool cancelling_ = false;  // running_ was asked to stop for pending_
  int samples_ = 0;
};

}  // namespace flystage::ui
