#include "ImportController.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>

#include "ImportReportDialog.h"

namespace flystage::ui {

ImportController::ImportController(QWidget* parentWindow)
    : QObject(parentWindow), window_(parentWindow), task_(new ImportTask(this)) {
  connect(task_, &ImportTask::progress, this, &ImportController::onProgress);
  connect(task_, &ImportTask::finished, this, &ImportController::onFinished);
}

ImportController::~ImportController() {
  cancelAndWait();
}

bool ImportController::start(const ImportRequest& request) {
  if (isRunning()) return false;
  if (reportDialog_) reportDialog_->close();
  task_->start(request);

  progress_ = new QProgressDialog(tr("Reading %1…").arg(QFileInfo(request.source).fileName()),
                                  tr("Cancel"), 0, 0, window_);
  progress_->setObjectName(QStringLiteral("importProgressDialog"));
  progress_->setWindowTitle(tr("Importing Images"));
  progress_->setWindowModality(Qt::WindowModal);
  progress_->setMinimumDuration(400);  // a quick import finishes without a flashing dialog
  progress_->setAutoReset(false);
  progress_->setAutoClose(false);
  progress_->setMinimumWidth(420);
  progress_->setAccessibleName(tr("Import progress"));
  // The import polls its token between items; it rolls back and ends as cancelled.
  connect(progress_, &QProgressDialog::canceled, task_, &ImportTask::cancel);
  Q_EMIT importStarted();
  return true;
}

void ImportController::cancelAndWait() {
  if (!isRunning()) return;
  // The outcome is dropped: whoever waits here is closing the window.
  task_->cancelAndWait();
  delete progress_;
  progress_ = nullptr;
}

ImportReportDialog* ImportController::reportDialog() const {
  return reportDialog_.data();
}

void ImportController::onProgress(int done, int total, const QString& detail) {
  if (!progress_ || progress_->wasCanceled()) return;
  progress_->setMaximum(total);
  progress_->setLabelText(tr("Importing %1 of %2: %3").arg(done).arg(total).arg(detail));
  progress_->setValue(done);  // last: it processes events, and onFinished() may run in it
}

void ImportController::onFinished(const ImportOutcome& outcome) {
  // Not deleted here: this can run inside the dialog's own setValue(), which processes
  // events while the dialog is window-modal. Disconnected first, so a late Cancel click
  // reaches nothing.
  if (progress_) {
    progress_->disconnect(task_);
    progress_->hide();
    progress_->deleteLater();
    progress_ = nullptr;
  }
  showOutcome(outcome);
  Q_EMIT importFinished(outcome);
}

void ImportController::showOutcome(const ImportOutcome& outcome) {
  if (outcome.cancelled) return;  // the main window says so in its status bar
  if (!outcome.error.isEmpty()) {
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Import Failed"),
                        tr("The images could not be imported."), QMessageBox::Close, window_);
    box->setObjectName(QStringLiteral("importErrorBox"));
    box->setInformativeText(outcome.error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return;
  }
  auto* dialog = new ImportReportDialog(outcome, window_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowModality(Qt::WindowModal);
  ImportRequest again = outcome.request;
  again.skipBad = true;
  connect(dialog, &ImportReportDialog::importGoodRowsRequested, this,
          [this, again] { start(again); });
  reportDialog_ = dialog;
  dialog->open();
}

}  // namespace flystage::ui
