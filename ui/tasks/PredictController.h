#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include "util/Progress.h"

class QProgressDialog;
class QThread;
class QWidget;

namespace flystage::ui {

// "Score all": predicts the stage of every image of the project with a run's model on a worker
// thread (its own connection), with a progress dialog whose Cancel stops it, and stores the
// predictions with the run (one transaction: all or nothing), so the browser can filter and
// sort every image by them.
class PredictController : public QObject {
  Q_OBJECT

 public:
  explicit PredictController(QWidget* parentWindow);
  ~PredictController() override;

  bool isRunning() const { return thread_ != nullptr; }
  bool start(const QString& projectFile, qint64 runId);
  void cancelAndWait();

 Q_SIGNALS:
  void finished(qint64 runId, int images);  // stored
  void failed(qint64 runId, const QString& message);
  void cancelled(qint64 runId);

 private:
  QWidget* window_;
  QThread* thread_ = nullptr;
  QPointer<QProgressDialog> progress_;
  CancelToken cancel_;
  int generation_ = 0;
};

}  // namespace flystage::ui
