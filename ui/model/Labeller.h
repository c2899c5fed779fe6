#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "store/LabelHistory.h"

class QUndoStack;

namespace flystage {
class Project;
}

namespace flystage::ui {

// Labelling through the undo stack. Every action is written by core's LabelHistory at once
// (one transaction), and the QUndoStack mirrors the project's history: its commands undo
// and redo through LabelHistory, and on open the stack is built from the history, so undo
// reaches actions of earlier sessions. When the history changed behind the stack's back
// (the command line labelled while the window was open), an undo or redo is refused and the
// stack is rebuilt from the project.
class Labeller : public QObject {
  Q_OBJECT

 public:
  // Done actions loaded at open; older ones stay undoable from the command line.
  static constexpr std::size_t kMaxLoadedActions = 1000;

  explicit Labeller(QObject* parent = nullptr);
  ~Labeller() override;

  // The project to label (not owned; nullptr: none). Loads the undo list from its history.
  void setProject(Project* project);
  QUndoStack* undoStack() const { return stack_; }

  enum class Outcome { Changed, Unchanged, Failed };
  // One undoable action, labelled by Preferences::labeller(). Unchanged: every label was
  // already as asked (another labeller's same label is their vote: Changed). Failed: failed()
  // says why; the project is unchanged.
  Outcome apply(const std::vector<LabelChange>& changes, const QString& description);

  // While `reason` is not empty, labelling, undo and redo write nothing and report `reason`
  // at once: the project is open read-only, or the window's own import holds its write lock
  // until it ends (a key would otherwise wait on the GUI thread for the busy timeout).
  void setPausedReason(const QString& reason) { pausedReason_ = reason; }
  const QString& pausedReason() const { return pausedReason_; }

  // Builds the stack again from the project's history.
  void reloadHistory();
  // Whether the stack lists the project's undoable and redoable actions, in order.
  bool isInSyncWithProject() const;

 Q_SIGNALS:
  // After an apply, undo or redo: the images whose labels may have changed.
  void labelsChanged(const QList<qint64>& imageIds);
  void failed(const QString& message);

 private:
  friend class LabelCommand;
  void replay(std::int64_t actionId, bool undo);

  Project* project_ = nullptr;
  QUndoStack* stack_;
  bool rebuilding_ = false;  // commands do nothing while the stack is rebuilt
  QString pausedReason_;
};

}  // namespace flystage::ui
