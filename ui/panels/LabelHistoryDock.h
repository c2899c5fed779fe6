#pragma once

#include <QCoreApplication>
#include <QDockWidget>

class QUndoStack;

namespace flystage::ui {

// The label history as a list (QUndoView) in a dock: clicking an entry undoes or redoes up
// to it; View > Label History (Ctrl+H) shows it. Its texts keep the main window's
// translation context.
class LabelHistoryDock : public QDockWidget {
  Q_DECLARE_TR_FUNCTIONS(flystage::ui::MainWindow)

 public:
  LabelHistoryDock(QUndoStack* stack, QWidget* parent);
};

}  // namespace flystage::ui
