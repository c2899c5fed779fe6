#pragma once

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include "importer/Importer.h"
#include "util/Progress.h"

class QProgressDialog;
class QThread;
class QWidget;

namespace flystage::ui {

class ImportReportDialog;

// What to import, as the user chose it in the import dialog.
struct ImportRequest {
  enum class Kind { LabelsCsv, Folder, BdgpDump };
  QString projectFile;
  Kind kind = Kind::LabelsCsv;
  QString source;      // the CSV, the folder or BDGP's insitu_images.csv
  QString imagesRoot;  // BdgpDump only: folder the dump's paths are relative to ("" = its folder)
  bool skipBad = false;
};

// How an import ended: a report from core, a cancel (nothing changed) or an error message
// (a file that could not be read, a project that could not be opened).
struct ImportOutcome {
  ImportRequest request;
  ImportReport report;
  QString source;  // the plan's source, as core names it
  bool cancelled = false;
  QString error;
  bool ok() const { return !cancelled && error.isEmpty() && report.committed; }
};

// Runs one import off the GUI thread: moved to a QThread, it parses the source, opens its
// own connection to the project (SQLite connections belong to one thread) and calls
// core's runImport. Progress and the outcome travel back as queued signals.
class ImportWorker : public QObject {
  Q_OBJECT

 public:
  explicit ImportWorker(ImportRequest request, QObject* parent = nullptr);

  // Thread-safe: called from the GUI thread while run() is busy in the worker thread.
  void cancel() { cancel_.cancel(); }

 public Q_SLOTS:
  void run();

 Q_SIGNALS:
  void progress(int done, int total, const QString& detail);
  void finished(const flystage::ui::ImportOutcome& outcome);

 private:
  ImportRequest request_;
  CancelToken cancel_;
};

// The GUI side of an import: starts a worker on its own thread, shows a progress dialog
// whose Cancel stops the worker (the import rolls back), then reports the outcome in a
// dialog. A refused import (bad rows, nothing imported) can be re-run with skipBad from
// that dialog. One import at a time.
class ImportController : public QObject {
  Q_OBJECT

 public:
  explicit ImportController(QWidget* parentWindow);
  ~ImportController() override;

  bool isRunning() const { return thread_ != nullptr; }
  // Starts the import and returns at once; false when one is already running.
  bool start(const ImportRequest& request);
  // Asks the running import to stop and waits until its thread has ended.
  void cancelAndWait();

  // The dialog of the latest outcome, while it is open (tests read it).
  ImportReportDialog* reportDialog() const;

 Q_SIGNALS:
  void importStarted();
  // After every run, committed or not; the main window reloads on it.
  void importFinished(const flystage::ui::ImportOutcome& outcome);

 private:
  void onProgress(int done, int total, const QString& detail);
  void onFinished(const ImportOutcome& outcome);
  void showOutcome(const ImportOutcome& outcome);

  QWidget* window_;
  QThread* thread_ = nullptr;
  ImportWorker* worker_ = nullptr;
  int runs_ = 0;  // tells the current worker's queued signals from a given-up one's
  QProgressDialog* progress_ = nullptr;
  QPointer<QWidget> reportDialog_;  // QWidget: the dialog's header includes this one
};

}  // namespace flystage::ui

Q_DECLARE_METATYPE(flystage::ui::ImportOutcome)
