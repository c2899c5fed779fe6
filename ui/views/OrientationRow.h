#pragma once

#include <QString>
#include <QWidget>

#include "store/OrientationOverride.h"

class QLabel;
class QToolButton;

namespace flystage {
class Project;
}

namespace flystage::ui {

class BackgroundTask;

// The image view's orientation line: what the standardizer decided for the shown image and
// how sure its cues were (anterior-posterior, dorsal-ventral), with the manual fix on top.
// "Undo automatic flip" stores the override that shows the image as it came (pressed again,
// it removes it); "Flip A-P" / "Flip D-V" set the manual flips one by one, as
// `flystage-cli orient` does. The write runs on a worker thread with its own connection, so
// a project held by another writer (an import) never blocks the GUI; orientationChanged
// follows when it is stored.
class OrientationRow : public QWidget {
  Q_OBJECT

 public:
  // An automatic flip less sure than this is marked for checking (a flip needs 0.5).
  static constexpr double kSureFlip = 0.8;

  explicit OrientationRow(QWidget* parent = nullptr);
  ~OrientationRow() override;  // waits for a write still going

  void setProject(Project* project);  // not owned; nullptr: none
  // Reads the image's stored orientation (one row) and shows it (0: none).
  void showImage(qint64 imageId);
  // Stores `fix` for the shown image off the GUI thread.
  void storeFix(const OrientationOverride& fix);

  // What is shown, for tests: the orientation line, and the note under it.
  QString text() const;
  QString note() const;
  bool isSaving() const;
  const StoredOrientation& stored() const { return stored_; }
  bool unsure() const { return unsure_; }  // an automatic flip under kSureFlip
  bool autoFlipUndone() const;             // the override cancels the automatic flips
  // Blocks until a write has ended; its outcome still comes through the event loop (tests).
  void waitForWrite();

 Q_SIGNALS:
  // The image's override was stored: its standardized pixels read differently now.
  void orientationChanged(qint64 imageId);

 private:
  void onStored(qint64 imageId);
  void onFailed(const QString& message);
  void refresh();

  Project* project_ = nullptr;
  qint64 imageId_ = 0;
  bool known_ = false;  // stored_ holds the shown image's row
  StoredOrientation stored_;
  bool unsure_ = false;
  QString note_;  // after a write: what it did, or why it failed

  QLabel* text_;
  QLabel* noteLabel_;
  QToolButton* undoFlip_;
  QToolButton* flipAp_;
  QToolButton* flipDv_;
  BackgroundTask* task_;
};

}  // namespace flystage::ui
