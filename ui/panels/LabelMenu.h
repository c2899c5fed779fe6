#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMenu>

#include <functional>
#include <vector>

#include "LabelKeys.h"
#include "store/LabelConflict.h"

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
// happened shows in `status`. A stage outside an image's known range (typed, or a predicted
// one accepted) would replace the range: the user is asked first (rangeConflicts()). Its
// texts keep the main window's translation context.
class LabelMenu : public QMenu {
  Q_DECLARE_TR_FUNCTIONS(flystage::ui::MainWindow)

 public:
  // `project`: the open project (nullptr: none).
  LabelMenu(ImageBrowser* browser, ImageTableModel* model, Labeller* labeller,
            std::function<Project*()> project, QStatusBar* status, QWidget* parent);

  // Labels the selected images as `key` says; then selects the next image when Advance After
  // Labelling is on. False when nothing changed.
  bool labelSelected(const LabelKey& key);

  // The answer to labels that would replace their images' ranges.
  enum class ConflictAnswer { Cancel, ReplaceRanges, OnlyInsideTheirRange };
  // Asks about `conflicts` among `images` labelled images. The default, askAboutConflicts(),
  // is a modal QMessageBox; a test (or a script) may answer instead.
  using ConflictQuestion =
      std::function<ConflictAnswer(const std::vector<RangeConflict>& conflicts, int images)>;
  void setConflictQuestion(ConflictQuestion ask) { askConflicts_ = std::move(ask); }
  // The question as a dialog (object name "labelConflictQuestion"; its buttons
  // "replaceRangesButton", "labelInsideOnlyButton" for a selection, and "keepRangesButton").
  ConflictAnswer askAboutConflicts(const std::vector<RangeConflict>& conflicts, int images);
  // The label-next queue of the chosen run (the newest when none is chosen), or off again.
  void toggleQueue();
  // The keys, browsing and the queue need images.
  void setImagesAvailable(bool images);

 private:
  using PredictedStage = std::function<std::optional<int>(qint64)>;
  // Asks when `action` would replace ranges and applies the answer to it (a description that
  // keeps the old range, or only the images inside their range); false: nothing to label.
  bool confirmRangeChanges(const LabelKey& key, const PredictedStage& predicted,
                           LabelKeyAction& action);

  ImageBrowser* browser_;
  ImageTableModel* model_;
  Labeller* labeller_;
  std::function<Project*()> project_;
  QStatusBar* status_;
  ConflictQuestion askConflicts_;
  QList<QAction*> labelActions_;  // one per labelKeys() entry, same order
  QAction* nextAct_;
  QAction* previousAct_;
  QAction* advanceAct_;
  QAction* queueAct_;
};

}  // namespace flystage::ui
