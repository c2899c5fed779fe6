#include "ImportWorker.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThread>
#include <QWidget>

#include "BackgroundThread.h"
#include "ImportReportDialog.h"
#include "data/BdgpDump.h"
#include "data/LabelsCsv.h"
#include "importer/ImportPlan.h"
#include "store/Project.h"

namespace flystage::ui {

namespace {

std::filesystem::path toPath(const QString& s) {
  return std::filesystem::path(s.toStdString());
}

ImportPlan planFor(const ImportRequest& r) {
  switch (r.kind) {
    case ImportRequest::Kind::LabelsCsv:
      return parseLabelsCsv(toPath(r.source));
    case ImportRequest::Kind::BdgpDump:
      return parseBdgpDump(toPath(r.source), toPath(r.imagesRoot));
    case ImportRequest::Kind::Folder:
      break;
  }
  return planFolder(toPath(r.source));
}

}  // namespace

ImportWorker::ImportWorker(ImportRequest request, QObject* parent)
    : QObject(parent), request_(std::move(request)) {
  qRegisterMetaType<ImportOutcome>();
}

void ImportWorker::run() {
  ImportOutcome outcome;
  outcome.request = request_;
  outcome.source = request_.source;
  try {
    const ImportPlan plan = planFor(request_);
    outcome.source = QString::fromStdString(plan.source);
    // This thread's own connection: the GUI thread keeps reading through its own one.
    Project project = Project::open(toPath(request_.projectFile), OpenMode::Existing);
    ImportOptions options;
    options.skipBad = request_.skipBad;
    const auto onProgress = [this](const ProgressEvent& e) {
      Q_EMIT progress(static_cast<int>(e.done), static_cast<int>(e.total),
                      QString::fromStdString(e.detail));
    };
    outcome.report = runImport(project, plan, options, onProgress, &cancel_);
  } catch (const Cancelled&) {
    outcome.cancelled = true;
  } catch (const std::exception& e) {
    outcome.error = QString::fromStdString(e.what());
  }
  Q_EMIT finished(outcome);
}

ImportController::ImportController(QWidget* parentWindow)
    : QObject(parentWindow), window_(parentWindow) {}

ImportController::~ImportController() {
  cancelAndWait();
}

bool ImportController::start(const ImportRequest& request) {
  if (isRunning()) return false;
  if (reportDialog_) reportDialog_->close();

  thread_ = new QThread(this);
  thread_->setObjectName(QStringLiteral("import"));
  worker_ = new ImportWorker(request);
  worker_->moveToThread(thread_);
  ImportWorker* worker = worker_;
  const int run = ++runs_;
  connect(thread_, &QThread::started, worker, &ImportWorker::run);
  // Direct: quit() is thread-safe, and the thread ends as soon as run() has returned.
  connect(worker, &ImportWorker::finished, thread_, &QThread::quit, Qt::DirectConnection);
  connect(thread_, &QThread::finished, worker, &QObject::deleteLater);
  // Signals of a worker given up by cancelAndWait() may still be queued: ignore them.
  connect(worker, &ImportWorker::progress, this,
          [this, run](int done, int total, const QString& detail) {
            if (run == runs_ && worker_) onProgress(done, total, detail);
          });
  connect(worker, &ImportWorker::finished, this, [this, run](const ImportOutcome& outcome) {
    if (run == runs_ && worker_) onFinished(outcome);
  });

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
  // A direct call, not a signal: run() is busy and polls the token between items.
  connect(progress_, &QProgressDialog::canceled, this, [this] {
    if (worker_) worker_->cancel();
  });
  startInBackground(thread_);
  Q_EMIT importStarted();
  return true;
}

void ImportController::cancelAndWait() {
  if (!thread_) return;
  worker_->cancel();
  thread_->wait();  // run() stops within an item and rolls back; the worker deletes itself
  // The outcome is dropped: whoever waits here is closing the window.
  worker_ = nullptr;
  delete thread_;
  thread_ = nullptr;
  delete progress_;
  progress_ = nullptr;
}

ImportReportDialog* ImportController::reportDialog() const {
  return qobject_cast<ImportReportDialog*>(reportDialog_.data());
}

void ImportController::onProgress(int done, int total, const QString& detail) {
  if (!progress_ || progress_->wasCanceled()) return;
  progress_->setMaximum(total);
  progress_->setLabelText(tr("Importing %1 of %2: %3").arg(done).arg(total).arg(detail));
  progress_->setValue(done);  // last: it processes events, and onFinished() may run in it
}

void ImportController::onFinished(const ImportOutcome& outcome) {
  // run() has returned and the thread is quitting: wait, so isRunning() is exact.
  thread_->wait();
  thread_->deleteLater();
  thread_ = nullptr;
  worker_ = nullptr;  // deleted by the thread's finished signal
  // Not deleted here: this can run inside the dialog's own setValue(), which processes
  // events while the dialog is window-modal. Disconnected first, so a late Cancel click
  // cannot reach the gone worker.
  progress_->disconnect(this);
  progress_->hide();
  progress_->deleteLater();
  progress_ = nullptr;
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
