#pragma once

#include <QCoreApplication>
#include <QString>

class QDialog;
class QWidget;

namespace flystage::ui {

struct ImportOutcome;

// The main window's questions and messages about project files and help, as modal dialogs
// on `parent`. Their texts keep the main window's translation context.
class ProjectDialogs {
  Q_DECLARE_TR_FUNCTIONS(flystage::ui::MainWindow)

 public:
  // File > New Project: a file name where no file is yet ("" when cancelled, or when the
  // chosen file exists: it is never overwritten and the user is told so).
  static QString newProjectFile(QWidget* parent, const QString& folder);
  // File > Open Project: the chosen file, "" when cancelled.
  static QString projectToOpen(QWidget* parent, const QString& folder);
  // Whether to open a project the user may not write read-only; `why` is core's message.
  static bool openReadOnly(QWidget* parent, const QString& file, const QString& why);
  static void cannotOpen(QWidget* parent, const QString& file, const QString& why);
  // Another project cannot be opened while an import runs.
  static void importRunning(QWidget* parent);
  // Quitting while an import runs: whether to cancel it and quit.
  static bool cancelImportToQuit(QWidget* parent);
  // The status line after an import: cancelled, failed, refused (problems) or the count.
  static QString importOutcomeText(const ImportOutcome& outcome);
  // Help > About FlyStage (the versions of Qt and OpenCV and the device found).
  static void about(QWidget* parent, int threads);
  // Help > Labelling Keys: the key table, a window of its own (not modal).
  static QDialog* labellingKeys(QWidget* parent);
};

}  // namespace flystage::ui
