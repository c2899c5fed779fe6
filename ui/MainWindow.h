#pragma once

#include <QMainWindow>

#include "ImageFilter.h"
#include "ImportController.h"
#include "LabelKeys.h"
#include "ProjectSession.h"
#include "RunsWorkspace.h"
#include "store/Project.h"

class QAction;
class QDialog;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QTableView;
class QUndoStack;

namespace flystage::ui {

class GemPanel;
class ImageBrowser;
class ImageTableModel;
class ImageView;
class LabelHistoryDock;
class LabelMenu;
class Labeller;
class PredictController;
class ProjectPage;
class RunsPanel;
class SummaryPanel;
class TrainingPanel;
class WelcomePage;

// The main window: one open project at a time. The project page shows the summary, the
// image browser (grid or table, with filters) and the selected image up close; the Label
// menu's keys label the selected images, with undo and redo through the project's history.
// Panels of other parts of the program (training, runs) dock around it with addPanel().
// The project itself (open, close, read-only, recent) is the ProjectSession's; the window keeps
// the actions, menus and docks. Imports and thumbnail decoding run on their own threads and
// connections.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  static constexpr int kMaxRecentProjects = ProjectSession::kMaxRecentProjects;

  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens (OpenMode::Existing) or creates (OpenOrCreate) a project. On failure shows why,
  // when showErrors, keeps the current project and returns false. A project the user may not
  // write is offered read-only (when showErrors); OpenMode::ReadOnly opens it so at once:
  // browsing, saliency and figures work, labelling, import, training and Predict All do not.
  bool openProject(const QString& file, OpenMode mode = OpenMode::Existing, bool showErrors = true);
  // Opens the project of the last session, if it still opens; silent otherwise.
  bool restoreLastProject();
  void closeProject();

  // Starts an import into the open project on a worker thread; false when none is open or
  // an import is already running.
  bool startImport(const ImportRequest& request);

  Project* project() const;
  ProjectSession* session() const { return session_; }
  QString projectFile() const;
  ImageTableModel* imageModel() const { return model_; }
  QTableView* imageTable() const;
  ImageBrowser* browser() const { return browser_; }
  ImageView* imageView() const { return imageView_; }
  Labeller* labeller() const { return labeller_; }
  QUndoStack* undoStack() const;
  ImportController* importController() const { return import_; }
  TrainingPanel* trainingPanel() const { return workspace_->training(); }
  RunsPanel* runsPanel() const { return workspace_->runs(); }
  GemPanel* gemPanel() const { return workspace_->gems(); }
  PredictController* predictController() const { return workspace_->predict(); }
  RunsWorkspace* workspace() const { return workspace_; }
  static QStringList recentProjects();
  // Brings a main view to the front: "browser", "training", "runs" or "gems" (the
  // screenshots of the docs and the smoke test use it); false for an unknown name.
  bool showView(const QString& name);
  // Shows a run's predictions in the browser, its evaluation and its GEMs.
  void showRun(qint64 runId);

  // Shows the images that pass `filter` (the filter widgets follow).
  bool setImageFilter(const ImageFilter& filter);
  // Labels the selected images as one undoable action, as the Label menu's keys do; then
  // selects the next image when Label > Advance After Labelling is on.
  bool labelSelectedImages(const LabelKey& key);

  // Docks a panel (training, runs...) beside the browser: bottom by default, tabbed with the
  // panels already there; listed in the View menu; its place is remembered. The panel needs
  // an objectName (it names the dock's saved state). Returns the dock.
  QDockWidget* addPanel(QWidget* panel, const QString& title,
                        Qt::DockWidgetArea area = Qt::BottomDockWidgetArea);
  // The settings key for the thumbnail cache size in MiB (default 128).
  static QString thumbnailCacheKey();

 public Q_SLOTS:
  void newProject();
  void openProjectDialog();
  void importImages();
  void about();
  void preferences();
  // Predicts every image with the selected run (or the browser's) and stores the predictions.
  void predictAll();
  // The images behind one cell of a run's confusion matrix: that run's test images of true
  // stage trueStage predicted as predictedStage (all its predictions when the run recorded
  // no test part). The filter widgets show that state.
  void showConfusionCell(qint64 runId, int trueStage, int predictedStage);
  // Lists the project's runs again (after a run finished) and re-reads the chosen run's
  // predictions.
  void refreshRuns();
  void showLabellingHelp();

 Q_SIGNALS:
  // After a project was opened (project() is the new one) or closed (project() is null).
  void projectChanged();
  void currentImageChanged(qint64 imageId);  // 0: none

 protected:
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void createActions();
  void createPanels();
  void applyPreferences();
  void createMenus();
  QWidget* createProjectPage();
  void reload();
  void updateSummary();
  void updateTitleAndActions();
  void updateRecentMenu();
  void onImportFinished(const ImportOutcome& outcome);
  void onLabelsChanged(const QList<qint64>& imageIds);
  void onCurrentImageChanged(qint64 imageId);
  void saveSettings() const;
  void restoreSettings();
  void saveViewState() const;
  void detachProject();
  void restoreViewState();
  // The docks at the bottom take kDockShare of the window's height (first start).
  void placeDocks();

  ProjectSession* session_;
  ImageTableModel* model_;
  ImportController* import_;
  Labeller* labeller_;

  QStackedWidget* pages_;
  ProjectPage* page_;
  SummaryPanel* summary_;
  ImageBrowser* browser_;
  ImageView* imageView_;
  QLabel* statusCounts_;
  QLabel* statusReadOnly_;  // shown while the project is open read-only
  WelcomePage* welcome_;
  QDialog* labellingHelp_ = nullptr;
  qint64 lastCurrentImage_ = 0;
  LabelHistoryDock* historyDock_ = nullptr;
  QList<QDockWidget*> panels_;
  RunsWorkspace* workspace_ = nullptr;
  QAction* preferencesAct_ = nullptr;
  bool placeDocksOnShow_ = false;  // no saved dock layout: placeDocks() once shown
  QByteArray dockStateOnShow_;     // the saved one: restored again once shown
  QString pendingView_;            // showView() before the window showed

  QAction* newAct_;
  QAction* openAct_;
  QAction* importAct_;
  QAction* closeAct_;
  QAction* quitAct_;
  QAction* aboutAct_;
  QAction* aboutQtAct_;
  QAction* undoAct_;
  QAction* redoAct_;
  QAction* helpKeysAct_;
  LabelMenu* labelMenu_;
  QMenu* recentMenu_;
  QMenu* viewMenu_ = nullptr;
};

}  // namespace flystage::ui
