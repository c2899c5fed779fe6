#pragma once

#include <QObject>
#include <QString>

namespace flystage::ui {

class BackgroundTask;

// "Score all": predicts the stage of every image of the project with a run's model off the
// GUI thread (a BackgroundTask with its own connection), and stores the predictions with
// the run (one transaction: all or nothing), so the browser can filter and sort every image
// by them. Its progress dialog is PredictProgressDialog's (ui/dialogs).
class PredictController : public QObject {
  Q_OBJECT

 public:
  explicit PredictController(QObject* parent = nullptr);
  ~PredictController() override;

  bool isRunning() const;
  // rangeConstraint: Preferences > Prediction (the default on), as `predict` has it.
  bool start(const QString& projectFile, qint64 runId, bool rangeConstraint = true);
  // Asks the running prediction to stop; it ends with cancelled() and stores nothing.
  void cancel();
  // Cancels and waits; the outcome is dropped (stopped() is still emitted).
  void cancelAndWait();

 Q_SIGNALS:
  void started(qint64 runId);
  void progress(int done, int total);
  // The run has ended, whichever way; emitted before finished(), failed() or cancelled(),
  // so a window-modal progress dialog is gone before anyone reacts to those.
  void stopped();
  void finished(qint64 runId, int images);  // stored
  void failed(qint64 runId, const QString& message);
  void cancelled(qint64 runId);

 private:
  BackgroundTask* task_;
  qint64 runId_ = 0;  // of the running prediction
};

}  // namespace flystage::ui
