#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMenu>

#include <functional>

#include "LabelKeys.h"

class QAction;
class QStatusBar;

namespace flystage {
class Project;
}

namespace flystage::ui {

class ImageBrowser;
class ImageTableModel;
class Labeller;

// The Label menu: the labelling keys (labelKeys(), the Stage and Range submenus), next and
// previous image, Advance After Labelling and the label-next queue. A key labels the
// browser's selection as one undoable action (labelKeyAction(), then the Labeller); what
// happened shows in `status`. Its texts keep the main window's translation context.
class LabelMenu : public QMenu {
  Q_DECLARE_TR_FUNCTIONS(flystage::ui::MainWindow)

 public:
  // `project`: the open project (nullptr: none).
  LabelMenu(ImageBrowser* browser, ImageTableModel* model, Labeller* labeller,
            std::function<Project*()> project, QStatusBar* status, QWidget* parent);

  // Labels the selected images as `key` says; then selects the next image when Advance After
  // Labelling is on. False when nothing changed.
  bool labelSelected(const LabelKey& key);
  // The label-next queue of the chosen run (the newest when none is chosen), or off again.
  void toggleQueue();
  // The keys, browsing and the queue need images.
  void setImagesAvailable(bool images);

 private:
  ImageBrowser* browser_;
  ImageTableModel* model_;
  Labeller* labeller_;
  std::function<Project*()> project_;
  QStatusBar* status_;
  QList<QAction*> labelActions_;  // one per labelKeys() entry, same order
  QAction* nextAct_;
  QAction* previousAct_;
  QAction* advanceAct_;
  QAction* queueAct_;
};

}  // namespace flystage::ui
