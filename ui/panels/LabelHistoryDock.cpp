#include "LabelHistoryDock.h"

#include <QAction>
#include <QUndoView>

namespace flystage::ui {

LabelHistoryDock::LabelHistoryDock(QUndoStack* stack, QWidget* parent)
    : QDockWidget(tr("Label History"), parent) {
  auto* history = new QUndoView(stack);
  history->setObjectName(QStringLiteral("labelHistoryView"));
  history->setAccessibleName(tr("Label history"));
  history->setToolTip(
      tr("Every labelling action of this project; click one to undo or redo up "
         "to it"));
  history->setEmptyLabel(tr("<opened project>"));
  setObjectName(QStringLiteral("labelHistoryDock"));
  setWidget(history);
  toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
  toggleViewAction()->setStatusTip(tr("Show the list of labelling actions"));
}

}  // namespace flystage::ui
