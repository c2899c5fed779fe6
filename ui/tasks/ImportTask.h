#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

#include "importer/Importer.h"
#include "util/Progress.h"

namespace flystage::ui {

class BackgroundTask;

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

// Runs one import off the GUI thread (a BackgroundTask): parses the source, opens its own
// connection to the project (SQLite connections belong to one thread) and calls core's
// runImport. Progress and the outcome come back as signals on this object's thread. One
// import at a time. The dialogs around it are ImportController's (ui/dialogs).
class ImportTask : public QObject {
  Q_OBJECT

 public:
  explicit ImportTask(QObject* parent = nullptr);
  ~ImportTask() override;

  bool isRunning() const;
  // Starts the import and returns at once; false when one is already running.
  bool start(const ImportRequest& request);
  // Asks the running import to stop: it rolls back and ends with a cancelled outcome.
  void cancel();
  // Asks the running import to stop and waits until it has; its outcome is dropped.
  void cancelAndWait();

  // The import itself, on the calling thread (the task runs it on its worker).
  static ImportOutcome run(const ImportRequest& request, const ProgressFn& progress,
                           const CancelToken* cancel);

 Q_SIGNALS:
  void progress(int done, int total, const QString& detail);
  // After every run, committed or not.
  void finished(const flystage::ui::ImportOutcome& outcome);

 private:
  BackgroundTask* task_;
  ImportRequest request_;  // of the running import
};

}  // namespace flystage::ui

Q_DECLARE_METATYPE(flystage::ui::ImportOutcome)
