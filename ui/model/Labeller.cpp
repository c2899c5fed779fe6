#include "Labeller.h"

#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

#include "DisplayNames.h"
#include "Preferences.h"
#include "store/LabelActions.h"
#include "store/Project.h"

namespace flystage::ui {

// One action of the project's label history. Pushed after the action was applied, so its
// first redo() (QUndoStack::push calls it) writes nothing.
class LabelCommand : public QUndoCommand {
 public:
  LabelCommand(Labeller* owner, std::int64_t actionId, const QString& text)
      : QUndoCommand(text), owner_(owner), actionId_(actionId) {}

  std::int64_t actionId() const { return actionId_; }

  void undo() override {
    if (!owner_->rebuilding_) owner_->replay(actionId_, true);
  }
  void redo() override {
    if (applied_) {
      applied_ = false;
      return;
    }
    if (!owner_->rebuilding_) owner_->replay(actionId_, false);
  }

 private:
  Labeller* owner_;
  std::int64_t actionId_;
  bool applied_ = true;
};

Labeller::Labeller(QObject* parent) : QObject(parent), stack_(new QUndoStack(this)) {
  stack_->setObjectName(QStringLiteral("labelUndoStack"));
}

Labeller::~Labeller() {
  rebuilding_ = true;  // the stack deletes its commands; none may touch the project
  stack_->clear();
}

void Labeller::setProject(Project* project) {
  project_ = project;
  reloadHistory();
}

void Labeller::reloadHistory() {
  rebuilding_ = true;
  stack_->clear();
  if (project_) {
    try {
      const LabelActions actions = labelActions(*project_, kMaxLoadedActions);
      // The text in the user's language from what the action changed; the stored
      // description is whatever language (or the command line's English) wrote it.
      const auto text = [this](const LabelAction& a) {
        const QString composed = labelActionText(labelActionChanges(*project_, a.id));
        return composed.isEmpty() ? QString::fromStdString(a.description) : composed;
      };
      for (const auto& a : actions.done) stack_->push(new LabelCommand(this, a.id, text(a)));
      for (const auto& a : actions.undone) stack_->push(new LabelCommand(this, a.id, text(a)));
      stack_->setIndex(static_cast<int>(actions.done.size()));  // the undone ones: no-ops
    } catch (const std::exception& e) {
      stack_->clear();
      Q_EMIT failed(tr("The label history could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
  }
  stack_->setClean();
  rebuilding_ = false;
}

bool Labeller::isInSyncWithProject() const {
  if (!project_) return stack_->count() == 0;
  const LabelActions actions = labelActions(*project_);
  const int index = stack_->index();
  if (static_cast<std::size_t>(index) > actions.done.size() ||
      static_cast<std::size_t>(stack_->count() - index) != actions.undone.size())
    return false;
  // The stack's done commands are the newest done actions, in order; then the redo list.
  const std::size_t offset = actions.done.size() - static_cast<std::size_t>(index);
  for (int i = 0; i < stack_->count(); ++i) {
    const auto* c = dynamic_cast<const LabelCommand*>(stack_->command(i));
    const std::int64_t expected = i < index
                                      ? actions.done[offset + static_cast<std::size_t>(i)].id
                                      : actions.undone[static_cast<std::size_t>(i - index)].id;
    if (!c || c->actionId() != expected) return false;
  }
  return true;
}

Labeller::Outcome Labeller::apply(const std::vector<LabelChange>& changes,
                                  const QString& description) {
  if (!project_) return Outcome::Failed;
  if (changes.empty()) return Outcome::Unchanged;
  if (!pausedReason_.isEmpty()) {
    Q_EMIT failed(pausedReason_);
    return Outcome::Failed;
  }
  std::optional<LabelAction> action;
  try {
    // Read at every action: a name changed in Preferences applies to the next label.
    action = LabelHistory(*project_, Preferences::labeller().toStdString())
                 .apply(changes, description.toStdString());
  } catch (const std::exception& e) {
    Q_EMIT failed(tr("The label was not saved: %1").arg(QString::fromUtf8(e.what())));
    return Outcome::Failed;
  }
  if (!action) return Outcome::Unchanged;
  stack_->push(new LabelCommand(this, action->id, description));
  QList<qint64> ids;
  for (const auto& c : changes) ids << c.imageId;
  Q_EMIT labelsChanged(ids);
  return Outcome::Changed;
}

void Labeller::replay(std::int64_t actionId, bool undo) {
  if (!project_) return;
  if (!pausedReason_.isEmpty()) {
    // QUndoStack has already moved its index; rebuilding puts it back where the project is.
    Q_EMIT failed(pausedReason_);
    QTimer::singleShot(0, this, &Labeller::reloadHistory);
    return;
  }
  QList<qint64> ids;
  try {
    LabelHistory history(*project_);
    const auto next = undo ? history.nextUndo() : history.nextRedo();
    if (!next || next->id != actionId) {
      // Someone else changed the history: nothing is written; the stack is rebuilt after
      // QUndoStack has finished the step it is in.
      Q_EMIT failed(
          tr("The project's label history changed outside this window; the undo "
             "list was reloaded. Nothing was undone or redone."));
      QTimer::singleShot(0, this, &Labeller::reloadHistory);
      return;
    }
    if (undo)
      history.undo();
    else
      history.redo();
    for (std::int64_t id : labelActionImages(*project_, actionId)) ids << id;
  } catch (const std::exception& e) {
    Q_EMIT failed(tr("Undo or redo failed: %1").arg(QString::fromUtf8(e.what())));
    QTimer::singleShot(0, this, &Labeller::reloadHistory);
    return;
  }
  Q_EMIT labelsChanged(ids);
}

}  // namespace flystage::ui
