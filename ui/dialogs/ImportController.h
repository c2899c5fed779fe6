#pragma once

#include <QObject>
#include <QPointer>

#include "ImportTask.h"

class QProgressDialog;
class QWidget;

namespace flystage::ui {

class ImportReportDialog;

// The GUI side of an import: starts an ImportTask, shows a progress dialog whose Cancel
// stops it (the import rolls back), then reports the outcome in a dialog. A refused import
// (bad rows, nothing imported) can be re-run with skipBad from that dialog. One import at a
// time.
class ImportController : public QObject {
  Q_OBJECT

 public:
  explicit ImportController(QWidget* parentWindow);
  ~ImportController() override;

  bool isRunning() const { return task_->isRunning(); }
  // Starts the import and returns at once; false when one is already running.
  bool start(const ImportRequest& request);
  // Asks the running import to stop and waits until it has ended.
  void cancelAndWait();

  // The dialog of the latest outcome, while it is open (tests read it).
  ImportReportDialog* reportDialog() const;
  ImportTask* task() const { return task_; }

 Q_SIGNALS:
  void importStarted();
  // After every run, committed or not; the main window reloads on it.
  void importFinished(const flystage::ui::ImportOutcome& outcome);

 private:
  void onProgress(int done, int total, const QString& detail);
  void onFinished(const ImportOutcome& outcome);
  void showOutcome(const ImportOutcome& outcome);

  QWidget* window_;
  ImportTask* task_;
  QProgressDialog* progress_ = nullptr;
  QPointer<ImportReportDialog> reportDialog_;
};

}  // namespace flystage::ui
