#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>

#include <utility>

#include "AgreementPanel.h"
#include "GemPanel.h"
#include "ImageBrowser.h"
#include "ImageFilterModel.h"
#include "ImageTableModel.h"
#include "ImageView.h"
#include "ImportDialog.h"
#include "LabelHistoryDock.h"
#include "LabelMenu.h"
#include "Labeller.h"
#include "Plural.h"
#include "Preferences.h"
#include "PreferencesDialog.h"
#include "ProjectDialogs.h"
#include "ProjectPage.h"
#include "ProjectSession.h"
#include "RunsPanel.h"
#include "RunsWorkspace.h"
#include "SimilarEmbryosPanel.h"
#include "SummaryPanel.h"
#include "TrainingPanel.h"
#include "WelcomePage.h"
#include "store/RunStore.h"

// The icons are compiled into this static library; a resource nobody references would be
// dropped by the linker, so the window registers it. Must live outside any namespace.
static void initUiResources() {
  Q_INIT_RESOURCE(resources);
}

namespace flystage::ui {

namespace {

// The saved dock layout's version (QMainWindow::saveState): a layout saved before the docks
// could shrink (their bottom dock took half the window) is not applied again.
constexpr int kDockLayoutVersion = 1;
// The docks' share of the window's height (with their tab bar) until the user drags it: the
// browser keeps at least three rows of thumbnails at the default size.
constexpr double kDockShare = 0.295;

// At first start: 1280 x 979, or the screen's room for a window when it has less.
QSize defaultWindowSize(const QWidget* window) {
  QSize size(1280, 979);
  if (const QScreen* s = window->screen()) size = size.boundedTo(s->availableGeometry().size());
  return size;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  initUiResources();
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/flystage.svg")));
  session_ = new ProjectSession(this);
  connect(session_, &ProjectSession::aboutToClose, this, &MainWindow::detachProject);
  connect(session_, &ProjectSession::recentProjectsChanged, this, &MainWindow::updateRecentMenu);
  model_ = new ImageTableModel(this);  // its thumbnail cache size: applyPreferences()
  import_ = new ImportController(this);
  connect(import_, &ImportController::importStarted, this, &MainWindow::updateTitleAndActions);
  connect(import_, &ImportController::importFinished, this, &MainWindow::onImportFinished);
  labeller_ = new Labeller(this);
  connect(labeller_, &Labeller::labelsChanged, this, &MainWindow::onLabelsChanged);
  connect(labeller_, &Labeller::failed, this,
          [this](const QString& m) { statusBar()->showMessage(m, 10000); });

  createActions();
  pages_ = new QStackedWidget(this);
  welcome_ = new WelcomePage(newAct_, openAct_, [this](const QString& f) { openProject(f); });
  pages_->addWidget(welcome_);
  pages_->addWidget(createProjectPage());
  labelMenu_ = new LabelMenu(
      browser_, model_, labeller_, [this] { return project(); }, statusBar(), this);
  setCentralWidget(pages_);
  createMenus();
  createPanels();

  statusCounts_ = new QLabel(this);
  statusCounts_->setObjectName(QStringLiteral("statusCounts"));
  statusBar()->addPermanentWidget(statusCounts_);
  statusReadOnly_ = new QLabel(tr("<b>Read-only</b>"), this);
  statusReadOnly_->setObjectName(QStringLiteral("statusReadOnly"));
  statusReadOnly_->setToolTip(
      tr("FlyStage may not write this project: you can browse it, show "
         "saliency and export figures, but not label, import or train"));
  statusReadOnly_->hide();
  statusBar()->addPermanentWidget(statusReadOnly_);

  resize(defaultWindowSize(this));
  restoreSettings();
  updateRecentMenu();
  updateTitleAndActions();
}

MainWindow::~MainWindow() {
  // The worker threads must end before the window (and its project connection) goes.
  import_->cancelAndWait();
  workspace_->cancelAndWait();
  labeller_->setProject(nullptr);
}

QString MainWindow::thumbnailCacheKey() {
  return Preferences::thumbnailCacheKey();
}

Project* MainWindow::project() const {
  return session_->project();
}

QStringList MainWindow::recentProjects() {
  return ProjectSession::recentProjects();
}

QTableView* MainWindow::imageTable() const {
  return browser_->table();
}

QUndoStack* MainWindow::undoStack() const {
  return labeller_->undoStack();
}

void MainWindow::createActions() {
  newAct_ = new QAction(QIcon(QStringLiteral(":/icons/new.svg")), tr("&New Project…"), this);
  newAct_->setObjectName(QStringLiteral("actionNewProject"));
  newAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
  newAct_->setToolTip(tr("Create an empty project file (Ctrl+N)"));
  newAct_->setStatusTip(tr("Create an empty project file"));
  connect(newAct_, &QAction::triggered, this, &MainWindow::newProject);

  openAct_ = new QAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open Project…"), this);
  openAct_->setObjectName(QStringLiteral("actionOpenProject"));
  openAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
  openAct_->setToolTip(tr("Open a project file (Ctrl+O)"));
  openAct_->setStatusTip(tr("Open a .flystage project file"));
  connect(openAct_, &QAction::triggered, this, &MainWindow::openProjectDialog);

  importAct_ =
      new QAction(QIcon(QStringLiteral(":/icons/import.svg")), tr("&Import Images…"), this);
  importAct_->setObjectName(QStringLiteral("actionImportImages"));
  importAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
  importAct_->setToolTip(tr("Import images from a labels CSV, a folder or a BDGP dump (Ctrl+I)"));
  importAct_->setStatusTip(tr("Import images from a labels CSV, a folder or a BDGP dump"));
  connect(importAct_, &QAction::triggered, this, &MainWindow::importImages);

  closeAct_ = new QAction(tr("&Close Project"), this);
  closeAct_->setObjectName(QStringLiteral("actionCloseProject"));
  closeAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
  closeAct_->setStatusTip(tr("Close the open project"));
  connect(closeAct_, &QAction::triggered, this, [this] {
    closeProject();
    session_->forgetLastProject();  // closed on purpose: do not reopen it next time
  });

  quitAct_ = new QAction(tr("&Quit"), this);
  quitAct_->setObjectName(QStringLiteral("actionQuit"));
  quitAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quitAct_->setMenuRole(QAction::QuitRole);
  quitAct_->setStatusTip(tr("Quit FlyStage"));
  connect(quitAct_, &QAction::triggered, this, &QWidget::close);

  aboutAct_ = new QAction(tr("&About FlyStage"), this);
  aboutAct_->setMenuRole(QAction::AboutRole);
  aboutAct_->setStatusTip(tr("Version and credits"));
  connect(aboutAct_, &QAction::triggered, this, &MainWindow::about);
  preferencesAct_ = new QAction(tr("&Preferences…"), this);
  preferencesAct_->setObjectName(QStringLiteral("actionPreferences"));
  preferencesAct_->setMenuRole(QAction::PreferencesRole);
  preferencesAct_->setShortcut(QKeySequence::Preferences);
  preferencesAct_->setStatusTip(tr("Default device, threads, thumbnail cache and language"));
  connect(preferencesAct_, &QAction::triggered, this, &MainWindow::preferences);

  aboutQtAct_ = new QAction(tr("About &Qt"), this);
  aboutQtAct_->setMenuRole(QAction::AboutQtRole);
  connect(aboutQtAct_, &QAction::triggered, qApp, &QApplication::aboutQt);

  // Undo and redo show what they undo ("Undo Stage 12 for image #5").
  undoAct_ = labeller_->undoStack()->createUndoAction(this, tr("&Undo"));
  undoAct_->setObjectName(QStringLiteral("actionUndo"));
  undoAct_->setShortcuts(QKeySequence::Undo);
  undoAct_->setToolTip(
      tr("Undo the last labelling action (Ctrl+Z); also one of an earlier "
         "session"));
  redoAct_ = labeller_->undoStack()->createRedoAction(this, tr("&Redo"));
  redoAct_->setObjectName(QStringLiteral("actionRedo"));
  redoAct_->setShortcuts(
      {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
  redoAct_->setToolTip(tr("Redo the labelling action undone last (Ctrl+Shift+Z)"));

  helpKeysAct_ = new QAction(tr("&Labelling Keys"), this);
  helpKeysAct_->setObjectName(QStringLiteral("actionLabellingKeys"));
  helpKeysAct_->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)});
  helpKeysAct_->setStatusTip(tr("The keys that label, browse and undo (F1)"));
  connect(helpKeysAct_, &QAction::triggered, this, &MainWindow::showLabellingHelp);
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(newAct_);
  file->addAction(openAct_);
  recentMenu_ = file->addMenu(tr("Recent &Projects"));
  recentMenu_->setObjectName(QStringLiteral("recentProjectsMenu"));
  recentMenu_->setToolTipsVisible(true);
  file->addSeparator();
  file->addAction(importAct_);
  file->addSeparator();
  file->addAction(closeAct_);
  file->addAction(quitAct_);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->setObjectName(QStringLiteral("editMenu"));
  edit->addAction(undoAct_);
  edit->addAction(redoAct_);
  edit->addSeparator();
  edit->addAction(preferencesAct_);

  menuBar()->addMenu(labelMenu_);

  viewMenu_ = menuBar()->addMenu(tr("&View"));
  viewMenu_->setObjectName(QStringLiteral("viewMenu"));
  viewMenu_->addAction(browser_->gridAction());
  viewMenu_->addAction(browser_->tableAction());
  viewMenu_->addAction(page_->filtersAction());
  viewMenu_->addSeparator();
  viewMenu_->addActions(page_->zoomActions());
  viewMenu_->addSeparator();
  viewMenu_->addAction(historyDock_->toggleViewAction());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(helpKeysAct_);
  help->addSeparator();
  help->addAction(aboutAct_);
  help->addAction(aboutQtAct_);

  QToolBar* tools = addToolBar(tr("Project"));
  tools->setObjectName(QStringLiteral("projectToolBar"));
  tools->setMovable(false);
  tools->setIconSize(QSize(22, 22));
  tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  tools->addAction(newAct_);
  tools->addAction(openAct_);
  tools->addSeparator();
  tools->addAction(importAct_);
  tools->addSeparator();
  tools->addAction(undoAct_);
  tools->addAction(redoAct_);
}

QWidget* MainWindow::createProjectPage() {
  page_ = new ProjectPage(model_, importAct_, this);
  summary_ = page_->summary();
  browser_ = page_->browser();
  imageView_ = page_->imageView();
  connect(browser_, &ImageBrowser::currentImageChanged, this, &MainWindow::onCurrentImageChanged);
  connect(browser_, &ImageBrowser::message, this,
          [this](const QString& m) { statusBar()->showMessage(m, 10000); });
  // The shown image's prediction follows the run.
  connect(browser_, &ImageBrowser::filterChanged, this,
          [this] { onCurrentImageChanged(browser_->currentImageId()); });
  historyDock_ = new LabelHistoryDock(labeller_->undoStack(), this);
  addDockWidget(Qt::RightDockWidgetArea, historyDock_);
  historyDock_->hide();
  return page_;
}

QDockWidget* MainWindow::addPanel(QWidget* panel, const QString& title, Qt::DockWidgetArea area) {
  auto* dock = new QDockWidget(title, this);
  dock->setObjectName(panel->objectName() + QStringLiteral("Dock"));
  // The dock can be dragged as small as the user likes: below the panel's smallest legible
  // size the panel scrolls instead of holding the dock (and the browser above it) tall.
  auto* scroll = new QScrollArea(dock);
  scroll->setObjectName(panel->objectName() + QStringLiteral("Scroll"));
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(panel);
  dock->setWidget(scroll);
  QDockWidget* sibling = nullptr;
  for (QDockWidget* d : panels_)
    if (dockWidgetArea(d) == area) sibling = d;
  addDockWidget(area, dock);
  if (sibling) tabifyDockWidget(sibling, dock);
  panels_ << dock;
  viewMenu_->addAction(dock->toggleViewAction());
  restoreDockWidget(dock);  // where the user left it, when the saved state knows it
  return dock;
}

QString MainWindow::projectFile() const {
  return session_->file();
}

bool MainWindow::openProject(const QString& file, OpenMode mode, bool showErrors) {
  if (import_->isRunning()) {
    if (showErrors) ProjectDialogs::importRunning(this);
    return false;
  }
  ProjectSession::AskReadOnly ask;
  if (showErrors)
    ask = [this](const QString& f, const QString& why) {
      return ProjectDialogs::openReadOnly(this, f, why);
    };
  if (!session_->open(file, mode, ask)) {
    if (showErrors && !session_->error().isEmpty())
      ProjectDialogs::cannotOpen(this, file, session_->error());
    return false;
  }
  browser_->setFilter(ImageFilter{});  // the old project's runs mean nothing here
  reload();
  labeller_->setProject(project());
  imageView_->setProject(project());
  restoreViewState();
  statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(projectFile())), 5000);
  Q_EMIT projectChanged();
  return true;
}

// Before the session closes its project: save its view, drop every pointer into it.
void MainWindow::detachProject() {
  saveViewState();
  labeller_->setProject(nullptr);
  if (auto* agreement = findChild<AgreementPanel*>()) agreement->setProject(nullptr);
  if (auto* similar = findChild<SimilarEmbryosPanel*>()) similar->setProject(nullptr);
  imageView_->setProject(nullptr);
  model_->setProject(nullptr);  // no row may point into the old connection
}

bool MainWindow::restoreLastProject() {
  const QString last = ProjectSession::lastProjectToReopen();
  return !last.isEmpty() && openProject(last, OpenMode::Existing, /*showErrors=*/false);
}

void MainWindow::closeProject() {
  import_->cancelAndWait();
  workspace_->cancelAndWait();
  session_->close();  // detachProject() first
  browser_->setRuns({});
  summary_->clear();
  statusBar()->clearMessage();
  updateTitleAndActions();
  Q_EMIT projectChanged();
}

bool MainWindow::startImport(const ImportRequest& request) {
  if (!project()) return false;
  if (session_->readOnly()) {
    statusBar()->showMessage(tr("The project is open read-only"), 5000);
    return false;
  }
  ImportRequest r = request;
  r.projectFile = projectFile();  // always into the open project
  if (!import_->start(r)) {
    statusBar()->showMessage(tr("An import is already running."), 5000);
    return false;
  }
  statusBar()->showMessage(tr("Importing %1…").arg(QDir::toNativeSeparators(r.source)));
  return true;
}

void MainWindow::newProject() {
  const QString file = ProjectDialogs::newProjectFile(this, ProjectSession::lastProjectDir());
  if (!file.isEmpty()) openProject(file, OpenMode::Create);  // refused if one appeared meanwhile
}

void MainWindow::openProjectDialog() {
  const QString file = ProjectDialogs::projectToOpen(this, ProjectSession::lastProjectDir());
  if (!file.isEmpty()) openProject(file);
}

void MainWindow::importImages() {
  if (!project()) return;
  ImportDialog dialog(projectFile(), this);
  if (dialog.exec() == QDialog::Accepted) startImport(dialog.request());
}

void MainWindow::createPanels() {
  workspace_ = new RunsWorkspace(this);
  // Labeller agreement (issue 18): its own dock, in the View menu; follows every labelling.
  auto* agreement = new AgreementPanel;
  agreement->setObjectName(QStringLiteral("agreementPanel"));
  addPanel(agreement, tr("Labeller Agreement"));
  connect(labeller_, &Labeller::labelsChanged, agreement, &AgreementPanel::refresh);
  // Similar embryos (issue 18): the shown image with the browser's run; a result selects.
  auto* similar = new SimilarEmbryosPanel;
  QDockWidget* similarDock = addPanel(similar, tr("Similar Embryos"));
  viewMenu_->addAction(similar->findAction());
  connect(similar->findAction(), &QAction::triggered, similarDock, [similarDock] {
    similarDock->show();
    similarDock->raise();
  });
  connect(similar, &SimilarEmbryosPanel::imageActivated, this, [this](qint64 id) {
    if (!browser_->selectImage(id))
      statusBar()->showMessage(tr("Image #%1 is hidden by the filter.").arg(id), 5000);
  });
  applyPreferences();
}

void MainWindow::applyPreferences() {
  const Preferences prefs = Preferences::load();
  TrainConfig c = trainingPanel()->config();
  c.device = prefs.device.toStdString();
  c.threads = prefs.threads;
  trainingPanel()->setConfig(c);
  model_->setThumbnailCacheMiB(prefs.thumbnailCacheMiB);
}

void MainWindow::preferences() {
  PreferencesDialog dialog(Preferences::load(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  dialog.preferences().save();
  applyPreferences();
}

void MainWindow::predictAll() {
  workspace_->predictAll();
}

void MainWindow::showRun(qint64 runId) {
  workspace_->showRun(runId);
}

bool MainWindow::showView(const QString& name) {
  // Before the window shows, the restored layout would still bring its own tab to the
  // front when it is laid out: showEvent() raises the panel again.
  if (!isVisible()) pendingView_ = name;
  const auto raise = [this](QWidget* panel) {
    for (QDockWidget* d : panels_)
      if (d->isAncestorOf(panel)) {
        d->show();
        d->raise();
        return true;
      }
    return false;
  };
  if (name == QStringLiteral("browser")) {
    // The browser and the image view get the whole window; View brings the panels back.
    for (QDockWidget* d : panels_) d->hide();
    if (project()) page_->showEmptyHint(false);
    return true;
  }
  if (name == QStringLiteral("training")) return raise(trainingPanel());
  if (name == QStringLiteral("runs")) return raise(runsPanel());
  if (name == QStringLiteral("gems")) return raise(gemPanel());
  if (name == QStringLiteral("agreement")) return raise(findChild<AgreementPanel*>());
  if (name == QStringLiteral("similar")) return raise(findChild<SimilarEmbryosPanel*>());
  if (name == QStringLiteral("confusion")) {
    // The runs panel on its confusion matrix, in a dock tall enough for its 14 rows.
    if (!raise(runsPanel())) return false;
    for (QDockWidget* d : panels_)
      if (d->isAncestorOf(runsPanel()) && !d->isFloating())
        resizeDocks({d}, {height() * 3 / 5}, Qt::Vertical);
    runsPanel()->showConfusionMatrix();
    return true;
  }
  return false;
}

void MainWindow::about() {
  ProjectDialogs::about(this, Preferences::load().threads);
}

void MainWindow::reload() {
  try {
    browser_->showProject(project());
    if (auto* agreement = findChild<AgreementPanel*>()) agreement->setProject(project());
    if (auto* similar = findChild<SimilarEmbryosPanel*>()) similar->setProject(project());
    updateSummary();
  } catch (const std::exception& e) {  // a damaged or vanished file: say so, keep running
    statusBar()->showMessage(QString::fromStdString(e.what()));
  }
  updateTitleAndActions();
}

void MainWindow::updateSummary() {
  if (!project()) return;
  try {
    const ProjectSummary s = project()->summary();
    summary_->setSummary(s);
    statusCounts_->setText(plural(tr("%n image(s)", nullptr, s.images), s.images) +
                           QStringLiteral("  ·  ") + tr("%n unlabelled", nullptr, s.unlabelled) +
                           QStringLiteral("  ·  ") +
                           tr("%n with a precise stage", nullptr, s.withStage));
  } catch (const std::exception& e) {
    statusBar()->showMessage(QString::fromStdString(e.what()));
  }
}

void MainWindow::refreshRuns() {
  if (!project()) return;
  try {
    browser_->reloadRuns(runstore::runs(*project()));
    if (auto* agreement = findChild<AgreementPanel*>()) agreement->setProject(project());
  } catch (const std::exception& e) {
    statusBar()->showMessage(QString::fromStdString(e.what()));
  }
}

bool MainWindow::setImageFilter(const ImageFilter& filter) {
  return browser_->setFilter(filter);
}

void MainWindow::showConfusionCell(qint64 runId, int trueStage, int predictedStage) {
  if (!project()) return;
  page_->showEmptyHint(false);
  if (browser_->showConfusionCell(runId, trueStage, predictedStage)) {
    const int n = browser_->proxy()->rowCount();
    statusBar()->showMessage(
        plural(tr("Run %1: %n image(s) of stage %2 predicted as %3", nullptr, n), n)
            .arg(runId)
            .arg(trueStage)
            .arg(predictedStage),
        8000);
    if (n > 0 && browser_->currentRow() < 0) browser_->selectRow(0);
  }
}

bool MainWindow::labelSelectedImages(const LabelKey& key) {
  return labelMenu_->labelSelected(key);
}

void MainWindow::onLabelsChanged(const QList<qint64>& imageIds) {
  model_->refreshLabels(imageIds);
  if (imageIds.contains(imageView_->imageId())) {
    imageView_->refreshLabel();
    onCurrentImageChanged(imageView_->imageId());
  }
  updateSummary();
}

void MainWindow::onCurrentImageChanged(qint64 imageId) {
  if (imageView_->imageId() != imageId) imageView_->showImage(imageId);
  imageView_->setRun(model_->runId());  // its saliency and the methods' sanity marks
  if (auto* similar = findChild<SimilarEmbryosPanel*>())
    similar->setContext(model_->runId(), imageId);
  const int r = model_->rowOfImage(imageId);
  imageView_->setPrediction(r >= 0 ? model_->prediction(r) : nullptr,
                            r >= 0 ? model_->trueStage(r) : std::nullopt, model_->runId() != 0);
  if (imageId != lastCurrentImage_) {
    lastCurrentImage_ = imageId;
    Q_EMIT currentImageChanged(imageId);
  }
}

void MainWindow::showLabellingHelp() {
  if (!labellingHelp_) labellingHelp_ = ProjectDialogs::labellingKeys(this);
  labellingHelp_->show();
  labellingHelp_->raise();
  labellingHelp_->activateWindow();
}

void MainWindow::updateTitleAndActions() {
  const bool open = project() != nullptr;
  const bool readOnly = open && session_->readOnly();
  setWindowTitle(!open ? tr("FlyStage")
                 : readOnly
                     ? tr("FlyStage — %1 (read-only)").arg(QFileInfo(projectFile()).fileName())
                     : tr("FlyStage — %1").arg(QFileInfo(projectFile()).fileName()));
  pages_->setCurrentIndex(open ? 1 : 0);
  page_->showEmptyHint(open && model_->rowCount() == 0);
  importAct_->setEnabled(open && !readOnly && !import_->isRunning());
  importAct_->setToolTip(!open      ? tr("Open or create a project first")
                         : readOnly ? tr("The project is open read-only")
                                    : tr("Import images from a labels CSV, a folder or a BDGP "
                                         "dump (Ctrl+I)"));
  workspace_->predictAction()->setEnabled(!readOnly);
  closeAct_->setEnabled(open && !import_->isRunning());
  const bool images = open && model_->rowCount() > 0;
  labelMenu_->setImagesAvailable(images);
  labeller_->setPausedReason(
      readOnly ? tr("The project is open read-only: labels cannot be saved. Open a copy you can "
                    "write to label. Nothing was changed.")
      : import_->isRunning()
          ? tr("Labels cannot be saved while an import is running: it holds the project until "
               "it ends. Label again when it has finished. Nothing was changed.")
          : QString());
  for (QAction* a :
       page_->zoomActions() +
           QList<QAction*>{page_->filtersAction(), browser_->gridAction(), browser_->tableAction()})
    a->setEnabled(images);
  statusReadOnly_->setVisible(readOnly);
  if (!open) statusCounts_->clear();
}

void MainWindow::updateRecentMenu() {
  const QStringList recent = recentProjects();
  welcome_->setRecentProjects(recent);
  recentMenu_->clear();
  int n = 0;
  for (const QString& file : recent) {
    QAction* a = recentMenu_->addAction(tr("&%1  %2").arg(++n).arg(QFileInfo(file).fileName()));
    a->setToolTip(QDir::toNativeSeparators(file));
    a->setStatusTip(QDir::toNativeSeparators(file));
    a->setEnabled(QFileInfo::exists(file));  // moved or deleted: listed, so the user sees where
    connect(a, &QAction::triggered, this, [this, file] { openProject(file); });
  }
  recentMenu_->addSeparator();
  QAction* clear = recentMenu_->addAction(tr("Clear Menu"));
  clear->setEnabled(!recent.isEmpty());
  connect(clear, &QAction::triggered, session_, &ProjectSession::clearRecentProjects);
}

void MainWindow::onImportFinished(const ImportOutcome& outcome) {
  statusBar()->showMessage(ProjectDialogs::importOutcomeText(outcome), 8000);
  if (outcome.ok()) reload();
  updateTitleAndActions();
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (!placeDocksOnShow_ && dockStateOnShow_.isEmpty() && pendingView_.isEmpty()) return;
  // After the window's first layout, which sizes the docks by their hints (also those of a
  // state restored before it showed) and brings the restored layout's tab to the front.
  QMetaObject::invokeMethod(
      this,
      [this] {
        if (std::exchange(placeDocksOnShow_, false)) placeDocks();
        if (!dockStateOnShow_.isEmpty())
          restoreState(std::exchange(dockStateOnShow_, QByteArray()), kDockLayoutVersion);
        if (!pendingView_.isEmpty()) showView(std::exchange(pendingView_, QString()));
      },
      Qt::QueuedConnection);
}

void MainWindow::placeDocks() {
  QList<QDockWidget*> bottom;
  for (QDockWidget* d : panels_)
    if (dockWidgetArea(d) == Qt::BottomDockWidgetArea && !d->isFloating()) bottom << d;
  if (bottom.isEmpty()) return;
  // One of a tabbed group sizes the whole group; the first (training) in front.
  resizeDocks({bottom.constFirst()}, {qRound(height() * kDockShare)}, Qt::Vertical);
  bottom.constFirst()->raise();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (import_->isRunning()) {
    if (!ProjectDialogs::cancelImportToQuit(this)) return event->ignore();
    import_->cancelAndWait();
  }
  saveSettings();
  event->accept();
}

void MainWindow::saveSettings() const {
  using L = Preferences::Layout;
  Preferences::setLayout(L::Geometry, saveGeometry());
  Preferences::setLayout(L::DockState, saveState(kDockLayoutVersion));
  page_->saveLayout();
  saveViewState();
}

void MainWindow::restoreSettings() {
  using L = Preferences::Layout;
  restoreGeometry(Preferences::layout(L::Geometry));
  // The docks where the user left them; their sizes hold once the window is shown (then
  // again); without a saved layout they start small, once the window has its size.
  const QByteArray docks = Preferences::layout(L::DockState);
  placeDocksOnShow_ = !restoreState(docks, kDockLayoutVersion);
  if (!placeDocksOnShow_) dockStateOnShow_ = docks;
  page_->restoreLayout();
}

void MainWindow::saveViewState() const {
  if (project()) Preferences::setProjectView(projectFile(), browser_->viewState());
}

void MainWindow::restoreViewState() {
  browser_->restoreViewState(Preferences::projectView(projectFile()));
}

}  // namespace flystage::ui
