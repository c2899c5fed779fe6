#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCommandLinkButton>
#include <QCryptographicHash>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include "FilterBar.h"
#include "GemPanel.h"
#include "ImageBrowser.h"
#include "ImageFilterModel.h"
#include "ImageTableModel.h"
#include "ImageView.h"
#include "ImportDialog.h"
#include "Labeller.h"
#include "Plural.h"
#include "PredictController.h"
#include "Preferences.h"
#include "PreferencesDialog.h"
#include "RunsPanel.h"
#include "SaliencyController.h"
#include "SummaryPanel.h"
#include "TrainingPanel.h"
#include "Version.h"
#include "model/Device.h"
#include "store/RunStore.h"
#include "store/Schema.h"

#include <opencv2/core/version.hpp>

// The icons are compiled into this static library; a resource nobody references would be
// dropped by the linker, so the window registers it. Must live outside any namespace.
static void initUiResources() {
  Q_INIT_RESOURCE(resources);
}

namespace flystage::ui {

namespace {

const auto kRecentKey = QStringLiteral("recentProjects");
const auto kLastKey = QStringLiteral("lastProject");
const auto kLastDirKey = QStringLiteral("lastProjectDir");
const auto kGeometryKey = QStringLiteral("mainWindow/geometry");
const auto kStateKey = QStringLiteral("mainWindow/state");
// The project page has three panes since the browser; a two-pane state is not applied.
const auto kSplitterKey = QStringLiteral("mainWindow/projectSplitter");
const auto kImageSplitterKey = QStringLiteral("mainWindow/imageSplitter");
const auto kHeaderKey = QStringLiteral("browser/tableHeader");
const auto kThumbnailCacheKey = QStringLiteral("browser/thumbnailCacheMiB");
const auto kAdvanceKey = QStringLiteral("labelling/advance");
const auto kProjectSuffix = QStringLiteral("flystage");

QString projectFilter() {
  return MainWindow::tr("FlyStage projects (*.flystage)");
}

QString lastDir() {
  return QSettings().value(kLastDirKey, QDir::homePath()).toString();
}

// Each project reopens with its own view: settings group per project file.
QString viewGroup(const QString& projectFile) {
  return QStringLiteral("projectViews/") +
         QString::fromLatin1(
             QCryptographicHash::hash(projectFile.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QString stageRangeText(const StageRange& r) {
  return QString::fromStdString(r.name());
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  initUiResources();
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/flystage.svg")));
  model_ = new ImageTableModel(this);
  model_->setThumbnailCacheMiB(
      QSettings().value(kThumbnailCacheKey, ImageTableModel::kDefaultThumbnailCacheMiB).toInt());
  import_ = new ImportController(this);
  connect(import_, &ImportController::importStarted, this, &MainWindow::updateTitleAndActions);
  connect(import_, &ImportController::importFinished, this, &MainWindow::onImportFinished);
  labeller_ = new Labeller(this);
  connect(labeller_, &Labeller::labelsChanged, this, &MainWindow::onLabelsChanged);
  connect(labeller_, &Labeller::failed, this,
          [this](const QString& m) { statusBar()->showMessage(m, 10000); });

  createActions();
  createLabelActions();
  pages_ = new QStackedWidget(this);
  pages_->addWidget(createWelcomePage());
  pages_->addWidget(createProjectPage());
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

  resize(1280, 800);
  restoreSettings();
  updateRecentMenu();
  updateTitleAndActions();
}

MainWindow::~MainWindow() {
  // The worker threads must end before the window (and its project connection) goes.
  import_->cancelAndWait();
  training_->cancelAndWait();
  saliency_->cancelAndWait();
  predict_->cancelAndWait();
  labeller_->setProject(nullptr);
}

QString MainWindow::thumbnailCacheKey() {
  return kThumbnailCacheKey;
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
    QSettings().remove(kLastKey);  // closed on purpose: do not reopen it next time
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

  nextAct_ = new QAction(tr("&Next Image"), this);
  nextAct_->setObjectName(QStringLiteral("actionNextImage"));
  nextAct_->setShortcuts(nextImageKeys());
  nextAct_->setStatusTip(tr("Select the next image in the browser's order"));
  connect(nextAct_, &QAction::triggered, this, [this] { browser_->selectNext(); });
  previousAct_ = new QAction(tr("&Previous Image"), this);
  previousAct_->setObjectName(QStringLiteral("actionPreviousImage"));
  previousAct_->setShortcuts(previousImageKeys());
  previousAct_->setStatusTip(tr("Select the previous image in the browser's order"));
  connect(previousAct_, &QAction::triggered, this, [this] { browser_->selectPrevious(); });

  advanceAct_ = new QAction(tr("Ad&vance After Labelling"), this);
  advanceAct_->setObjectName(QStringLiteral("actionAdvance"));
  advanceAct_->setCheckable(true);
  advanceAct_->setChecked(QSettings().value(kAdvanceKey, true).toBool());
  advanceAct_->setStatusTip(tr("Select the next image after each label"));
  connect(advanceAct_, &QAction::toggled, this,
          [](bool on) { QSettings().setValue(kAdvanceKey, on); });

  queueAct_ = new QAction(tr("&Label-Next Queue"), this);
  queueAct_->setObjectName(QStringLiteral("actionLabelQueue"));
  queueAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  queueAct_->setCheckable(true);
  queueAct_->setStatusTip(
      tr("Show the images to label next, least confident first, from the "
         "chosen run's predictions (Ctrl+L)"));
  connect(queueAct_, &QAction::triggered, this, &MainWindow::toggleLabelQueue);

  filtersAct_ = new QAction(tr("&Filters"), this);
  filtersAct_->setObjectName(QStringLiteral("actionShowFilters"));
  filtersAct_->setCheckable(true);
  filtersAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
  filtersAct_->setStatusTip(tr("Show the filters on labels, split and predictions"));

  helpKeysAct_ = new QAction(tr("&Labelling Keys"), this);
  helpKeysAct_->setObjectName(QStringLiteral("actionLabellingKeys"));
  helpKeysAct_->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)});
  helpKeysAct_->setStatusTip(tr("The keys that label, browse and undo (F1)"));
  connect(helpKeysAct_, &QAction::triggered, this, &MainWindow::showLabellingHelp);

  zoomInAct_ = new QAction(tr("Zoom &In"), this);
  zoomInAct_->setObjectName(QStringLiteral("actionZoomIn"));
  zoomInAct_->setShortcuts(QKeySequence::ZoomIn);
  zoomOutAct_ = new QAction(tr("Zoom &Out"), this);
  zoomOutAct_->setObjectName(QStringLiteral("actionZoomOut"));
  zoomOutAct_->setShortcuts(QKeySequence::ZoomOut);
  zoomFitAct_ = new QAction(tr("&Fit Image"), this);
  zoomFitAct_->setObjectName(QStringLiteral("actionZoomFit"));
  zoomFitAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
}

void MainWindow::createLabelActions() {
  for (const LabelKey& key : labelKeys()) {
    auto* a = new QAction(key.text, this);
    a->setObjectName(key.objectName);
    a->setShortcuts(key.keys);
    QStringList keys;
    for (const auto& k : key.keys) keys << k.toString(QKeySequence::NativeText);
    QString what = key.text;
    what.remove(QLatin1Char('&'));
    a->setToolTip(tr("%1 for the selected images (%2)").arg(what, keys.join(tr(" or "))));
    a->setStatusTip(a->toolTip());
    connect(a, &QAction::triggered, this, [this, key] { labelSelectedImages(key); });
    labelActs_ << a;
  }
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

  QMenu* label = menuBar()->addMenu(tr("&Label"));
  label->setObjectName(QStringLiteral("labelMenu"));
  label->setToolTipsVisible(true);
  QMenu* stages = label->addMenu(tr("&Stage"));
  QMenu* ranges = label->addMenu(tr("&Range"));
  for (int i = 0; i < labelActs_.size(); ++i) {
    const LabelKey::Kind kind = labelKeys().at(i).kind;
    if (kind == LabelKey::Kind::Stage)
      stages->addAction(labelActs_[i]);
    else if (kind == LabelKey::Kind::Range)
      ranges->addAction(labelActs_[i]);
    else
      label->addAction(labelActs_[i]);
  }
  label->addSeparator();
  label->addAction(nextAct_);
  label->addAction(previousAct_);
  label->addAction(advanceAct_);
  label->addSeparator();
  label->addAction(queueAct_);

  viewMenu_ = menuBar()->addMenu(tr("&View"));
  viewMenu_->setObjectName(QStringLiteral("viewMenu"));
  viewMenu_->addAction(browser_->gridAction());
  viewMenu_->addAction(browser_->tableAction());
  viewMenu_->addAction(filtersAct_);
  viewMenu_->addSeparator();
  viewMenu_->addAction(zoomInAct_);
  viewMenu_->addAction(zoomOutAct_);
  viewMenu_->addAction(zoomFitAct_);
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

QWidget* MainWindow::createWelcomePage() {
  auto* page = new QWidget(this);
  page->setObjectName(QStringLiteral("welcomePage"));
  auto* icon = new QLabel(page);
  icon->setPixmap(QIcon(QStringLiteral(":/icons/flystage.svg")).pixmap(96, 96));
  icon->setAlignment(Qt::AlignCenter);
  auto* title = new QLabel(tr("FlyStage"), page);
  QFont f = title->font();
  f.setPointSizeF(f.pointSizeF() * 2.2);
  f.setBold(true);
  title->setFont(f);
  title->setAlignment(Qt::AlignCenter);
  auto* subtitle =
      new QLabel(tr("Stage Drosophila embryos in in-situ hybridization images."), page);
  subtitle->setAlignment(Qt::AlignCenter);
  subtitle->setForegroundRole(QPalette::PlaceholderText);

  auto* newButton = new QPushButton(newAct_->icon(), tr("New Project…"), page);
  newButton->setToolTip(newAct_->toolTip());
  newButton->setAccessibleName(tr("New project"));
  connect(newButton, &QPushButton::clicked, newAct_, &QAction::trigger);
  auto* openButton = new QPushButton(openAct_->icon(), tr("Open Project…"), page);
  openButton->setToolTip(openAct_->toolTip());
  openButton->setAccessibleName(tr("Open project"));
  connect(openButton, &QPushButton::clicked, openAct_, &QAction::trigger);
  for (QPushButton* b : {newButton, openButton}) {
    b->setIconSize(QSize(20, 20));
    b->setMinimumSize(150, 36);
  }
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(newButton);
  buttons->addWidget(openButton);
  buttons->addStretch();

  welcomeRecent_ = new QWidget(page);
  welcomeRecent_->setObjectName(QStringLiteral("welcomeRecent"));
  new QVBoxLayout(welcomeRecent_);

  auto* column = new QVBoxLayout;
  column->addStretch(2);
  column->addWidget(icon);
  column->addWidget(title);
  column->addWidget(subtitle);
  column->addSpacing(16);
  column->addLayout(buttons);
  column->addSpacing(16);
  column->addWidget(welcomeRecent_, 0, Qt::AlignHCenter);
  column->addStretch(3);
  auto* layout = new QHBoxLayout(page);
  layout->addStretch();
  layout->addLayout(column);
  layout->addStretch();
  return page;
}

QWidget* MainWindow::createProjectPage() {
  summary_ = new SummaryPanel;
  auto* summaryScroll = new QScrollArea;
  summaryScroll->setObjectName(QStringLiteral("summaryScroll"));
  summaryScroll->setWidget(summary_);
  summaryScroll->setWidgetResizable(true);
  summaryScroll->setFrameShape(QFrame::NoFrame);
  summaryScroll->setMinimumWidth(220);
  summaryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

  // A row of the summary shows its images: the filter keeps only the chosen run.
  const auto showOnly = [this](const std::function<void(ImageFilter&)>& set) {
    ImageFilter f;
    f.runId = browser_->filter().runId;
    set(f);
    browser_->setFilter(f);
  };
  connect(summary_, &SummaryPanel::rangeClicked, this, [showOnly](const QString& range) {
    showOnly([&](ImageFilter& f) { f.range = parseStageRange(range.toStdString()); });
  });
  connect(summary_, &SummaryPanel::stageClicked, this,
          [showOnly](int stage) { showOnly([&](ImageFilter& f) { f.stage = stage; }); });
  connect(summary_, &SummaryPanel::splitClicked, this, [showOnly](const QString& part) {
    showOnly([&](ImageFilter& f) {
      const auto p = parseSplitPart(part.toStdString());
      f.split = p == SplitPart::Train        ? ImageFilter::SplitChoice::Train
                : p == SplitPart::Validation ? ImageFilter::SplitChoice::Validation
                                             : ImageFilter::SplitChoice::Test;
    });
  });

  browser_ = new ImageBrowser(model_);
  connect(browser_, &ImageBrowser::currentImageChanged, this, &MainWindow::onCurrentImageChanged);
  connect(browser_, &ImageBrowser::message, this,
          [this](const QString& m) { statusBar()->showMessage(m, 10000); });
  connect(browser_, &ImageBrowser::filterChanged, this, [this](const ImageFilter& f) {
    queueAct_->setChecked(f.queue.has_value());
    // The shown image's prediction follows the run.
    onCurrentImageChanged(browser_->currentImageId());
  });
  auto* focusFilter = new QAction(this);
  focusFilter->setShortcut(QKeySequence::Find);
  connect(focusFilter, &QAction::triggered, this, [this] {
    browser_->filterBar()->textEdit()->setFocus();
    browser_->filterBar()->textEdit()->selectAll();
  });
  addAction(focusFilter);
  connect(filtersAct_, &QAction::toggled, browser_->filterBar(), &FilterBar::setDetailsVisible);
  connect(browser_->filterBar()->findChild<QToolButton*>(QStringLiteral("filtersButton")),
          &QToolButton::toggled, filtersAct_, &QAction::setChecked);

  auto* emptyPage = new QWidget;
  auto* empty = new QLabel(tr("<p><b>No images yet.</b></p><p>Import a labels CSV, a folder of "
                              "images or a BDGP dump.</p>"),
                           emptyPage);
  empty->setObjectName(QStringLiteral("emptyProjectHint"));
  empty->setAlignment(Qt::AlignCenter);
  empty->setWordWrap(true);
  empty->setForegroundRole(QPalette::PlaceholderText);
  auto* emptyImport = new QPushButton(importAct_->icon(), tr("Import Images…"), emptyPage);
  emptyImport->setObjectName(QStringLiteral("emptyImportButton"));
  emptyImport->setToolTip(importAct_->toolTip());
  emptyImport->setAccessibleName(tr("Import images"));
  emptyImport->setIconSize(QSize(20, 20));
  emptyImport->setMinimumSize(150, 36);
  connect(emptyImport, &QPushButton::clicked, importAct_, &QAction::trigger);
  auto* emptyLayout = new QVBoxLayout(emptyPage);
  emptyLayout->addStretch();
  emptyLayout->addWidget(empty);
  emptyLayout->addWidget(emptyImport, 0, Qt::AlignHCenter);
  emptyLayout->addStretch();
  browserOrEmpty_ = new QStackedWidget;
  browserOrEmpty_->setObjectName(QStringLiteral("browserOrEmpty"));
  browserOrEmpty_->addWidget(browser_);
  browserOrEmpty_->addWidget(emptyPage);

  imageView_ = new ImageView;
  connect(zoomInAct_, &QAction::triggered, imageView_, &ImageView::zoomIn);
  connect(zoomOutAct_, &QAction::triggered, imageView_, &ImageView::zoomOut);
  connect(zoomFitAct_, &QAction::triggered, imageView_, &ImageView::zoomToFit);

  auto* middle = new QWidget;
  auto* middleLayout = new QVBoxLayout(middle);
  middleLayout->setContentsMargins(0, 6, 0, 0);
  middleLayout->addWidget(browserOrEmpty_);

  splitter_ = new QSplitter(Qt::Horizontal, this);
  splitter_->setObjectName(QStringLiteral("projectSplitter"));
  splitter_->addWidget(summaryScroll);
  splitter_->addWidget(middle);
  splitter_->addWidget(imageView_);
  splitter_->setStretchFactor(0, 0);
  splitter_->setStretchFactor(1, 1);
  splitter_->setStretchFactor(2, 0);
  splitter_->setSizes({260, 620, 420});
  splitter_->setChildrenCollapsible(false);

  // The label history as a list (QUndoView): clicking an entry undoes or redoes up to it.
  auto* history = new QUndoView(labeller_->undoStack());
  history->setObjectName(QStringLiteral("labelHistoryView"));
  history->setAccessibleName(tr("Label history"));
  history->setToolTip(
      tr("Every labelling action of this project; click one to undo or redo up "
         "to it"));
  history->setEmptyLabel(tr("<opened project>"));
  historyDock_ = new QDockWidget(tr("Label History"), this);
  historyDock_->setObjectName(QStringLiteral("labelHistoryDock"));
  historyDock_->setWidget(history);
  addDockWidget(Qt::RightDockWidgetArea, historyDock_);
  historyDock_->hide();
  historyDock_->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
  historyDock_->toggleViewAction()->setStatusTip(tr("Show the list of labelling actions"));
  return splitter_;
}

QDockWidget* MainWindow::addPanel(QWidget* panel, const QString& title, Qt::DockWidgetArea area) {
  auto* dock = new QDockWidget(title, this);
  dock->setObjectName(panel->objectName() + QStringLiteral("Dock"));
  dock->setWidget(panel);
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
  return project_ ? QString::fromStdString(project_->file().string()) : QString();
}

bool MainWindow::openProject(const QString& file, OpenMode mode, bool showErrors) {
  if (import_->isRunning()) {
    if (showErrors)
      QMessageBox::information(this, tr("Import Running"),
                               tr("Wait for the import to finish, or cancel it, before opening "
                                  "another project."));
    return false;
  }
  const QString absolute = QFileInfo(file).absoluteFilePath();
  std::unique_ptr<Project> opened;
  try {
    try {
      opened = std::make_unique<Project>(Project::open(absolute.toStdString(), mode));
    } catch (const ProjectNotWritable& e) {
      // A project on a read-only disk or in a shared folder can still be looked at.
      if (!showErrors || !askOpenReadOnly(file, QString::fromStdString(e.what()))) return false;
      opened = std::make_unique<Project>(Project::open(absolute.toStdString(), OpenMode::ReadOnly));
    }
    if (opened->readOnly() && storedSchemaVersion(opened->db()) < kSchemaVersion)
      throw Error(absolute.toStdString() +
                  ": this project was made by an older FlyStage and is upgraded when it is "
                  "opened for writing, which needs write access; open a copy you can write.");
  } catch (const std::exception& e) {
    if (showErrors)
      QMessageBox::warning(this, tr("Cannot Open Project"),
                           tr("%1 could not be opened.").arg(QFileInfo(file).fileName()) +
                               QStringLiteral("\n\n") + QString::fromStdString(e.what()));
    return false;
  }
  saveViewState();  // of the project being replaced
  labeller_->setProject(nullptr);
  imageView_->setProject(nullptr);
  model_->setProject(nullptr);         // no row may point into the old connection
  browser_->setFilter(ImageFilter{});  // the old project's runs mean nothing here
  project_ = std::move(opened);
  reload();
  labeller_->setProject(project_.get());
  imageView_->setProject(project_.get());
  restoreViewState();
  addRecentProject(absolute);
  QSettings settings;
  settings.setValue(kLastKey, absolute);
  settings.setValue(kLastDirKey, QFileInfo(absolute).absolutePath());
  statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(absolute)), 5000);
  Q_EMIT projectChanged();
  return true;
}

bool MainWindow::askOpenReadOnly(const QString& file, const QString& why) {
  QMessageBox box(QMessageBox::Question, tr("Open Read-Only?"),
                  tr("FlyStage may not write %1.").arg(QFileInfo(file).fileName()),
                  QMessageBox::Cancel, this);
  box.setObjectName(QStringLiteral("openReadOnlyQuestion"));
  box.setInformativeText(
      tr("You can open it read-only to browse the images, labels, runs and predictions, "
         "show saliency and export figures. Labelling, import, training and Predict All need "
         "a copy you can write."));
  box.setDetailedText(why);
  QPushButton* readOnly = box.addButton(tr("Open &Read-Only"), QMessageBox::AcceptRole);
  readOnly->setObjectName(QStringLiteral("openReadOnlyButton"));
  box.setDefaultButton(readOnly);
  box.exec();
  return box.clickedButton() == readOnly;
}

bool MainWindow::restoreLastProject() {
  const QString last = QSettings().value(kLastKey).toString();
  if (last.isEmpty() || !QFileInfo::exists(last)) return false;
  return openProject(last, OpenMode::Existing, /*showErrors=*/false);
}

void MainWindow::closeProject() {
  import_->cancelAndWait();
  training_->cancelAndWait();
  saliency_->cancelAndWait();
  predict_->cancelAndWait();
  saveViewState();
  labeller_->setProject(nullptr);
  imageView_->setProject(nullptr);
  model_->setProject(nullptr);
  project_.reset();
  browser_->setRuns({});
  summary_->clear();
  statusBar()->clearMessage();
  updateTitleAndActions();
  Q_EMIT projectChanged();
}

bool MainWindow::startImport(const ImportRequest& request) {
  if (!project_) return false;
  if (project_->readOnly()) {
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
  QFileDialog dialog(this, tr("New Project"), lastDir(), projectFilter());
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setDefaultSuffix(kProjectSuffix);
  // An existing file is never overwritten: it may hold months of labels.
  dialog.setOption(QFileDialog::DontConfirmOverwrite);
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
  const QString file = dialog.selectedFiles().constFirst();
  if (QFileInfo::exists(file)) {
    QMessageBox::warning(this, tr("Project Exists"),
                         tr("%1 already exists. Open it with Open Project, or choose another "
                            "name.")
                             .arg(QDir::toNativeSeparators(file)));
    return;
  }
  openProject(file, OpenMode::Create);  // refused if a file appeared there meanwhile
}

void MainWindow::openProjectDialog() {
  const QString file =
      QFileDialog::getOpenFileName(this, tr("Open Project"), lastDir(),
                                   projectFilter() + QStringLiteral(";;") + tr("All files (*)"));
  if (!file.isEmpty()) openProject(file);
}

void MainWindow::importImages() {
  if (!project_) return;
  ImportDialog dialog(projectFile(), this);
  if (dialog.exec() == QDialog::Accepted) startImport(dialog.request());
}

void MainWindow::createPanels() {
  training_ = new TrainingPanel;
  training_->setObjectName(QStringLiteral("trainingPanel"));
  runs_ = new RunsPanel;
  runs_->setObjectName(QStringLiteral("runsPanel"));
  gems_ = new GemPanel;
  gems_->setObjectName(QStringLiteral("gemPanel"));
  addPanel(training_, tr("Training"));
  addPanel(runs_, tr("Runs and Evaluation"));
  addPanel(gems_, tr("Expression Maps"));
  saliency_ = new SaliencyController(this);
  predict_ = new PredictController(this);
  predictAct_ = new QAction(tr("&Predict All Images"), this);
  predictAct_->setObjectName(QStringLiteral("actionPredictAll"));
  predictAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
  predictAct_->setToolTip(
      tr("Predict the stage of every image with the selected run and keep the "
         "predictions, so the browser filters and sorts by them (Ctrl+Shift+R)"));
  predictAct_->setStatusTip(predictAct_->toolTip());
  connect(predictAct_, &QAction::triggered, this, &MainWindow::predictAll);
  connect(predict_, &PredictController::finished, this, [this](qint64 runId, int images) {
    refreshRuns();
    showRun(runId);
    statusBar()->showMessage(tr("Run #%1 predicted %n image(s).", nullptr, images).arg(runId),
                             8000);
  });
  connect(predict_, &PredictController::cancelled, this, [this](qint64) {
    statusBar()->showMessage(tr("Prediction cancelled; nothing was stored."), 8000);
  });
  connect(predict_, &PredictController::failed, this, [this](qint64, const QString& message) {
    QMessageBox::warning(this, tr("Prediction Failed"),
                         tr("The predictions were not stored: %1").arg(message));
  });

  // Training: live runs show in the runs list; finished ones bring new predictions.
  connect(training_, &TrainingPanel::runStarted, runs_, &RunsPanel::setActiveRun);
  connect(training_, &TrainingPanel::runEnded, this, [this](qint64 runId, const QString& status) {
    runs_->setActiveRun(0);
    runs_->reload();
    gems_->refresh();
    refreshRuns();
    const QString text = status == QStringLiteral("finished") ? tr("Run #%1 finished.")
                         : status == QStringLiteral("cancelled")
                             ? tr("Run #%1 cancelled; it can be resumed.")
                             : tr("Run #%1 failed.");
    statusBar()->showMessage(text.arg(runId), 8000);
  });
  connect(runs_, &RunsPanel::resumeRequested, training_, &TrainingPanel::resumeRun);
  // A confusion-matrix cell shows exactly its images in the browser.
  connect(runs_, &RunsPanel::cellActivated, this, &MainWindow::showConfusionCell);
  connect(this, &MainWindow::projectChanged, this, [this] {
    training_->setProject(project_.get());
    runs_->setProject(project_.get());
    gems_->setProject(project_.get());
  });
  connect(import_, &ImportController::importFinished, gems_, &GemPanel::refresh);

  // Saliency of the image shown, for the run whose predictions the browser shows.
  connect(imageView_, &ImageView::saliencyRequested, this,
          [this](qint64 imageId, const QString& method) {
            if (!project_) return;
            const qint64 run = model_->runId();
            if (run == 0) {
              statusBar()->showMessage(
                  tr("Choose a run in the browser's filters (Predictions of) to see its saliency."),
                  8000);
              return;
            }
            statusBar()->showMessage(tr("Computing the saliency of image #%1…").arg(imageId));
            saliency_->request(projectFile(), run, imageId, method);
          });
  connect(saliency_, &SaliencyController::ready, this,
          [this](qint64 imageId, const QString& method, const cv::Mat& map, int stage, double p) {
            imageView_->setSaliencyMap(imageId, map);
            statusBar()->showMessage(tr("Saliency (%1) of stage %2 for image #%3 (p = %4).")
                                         .arg(method)
                                         .arg(stage)
                                         .arg(imageId)
                                         .arg(p, 0, 'f', 2),
                                     8000);
          });
  connect(saliency_, &SaliencyController::failed, this, [this](qint64, const QString& message) {
    statusBar()->showMessage(tr("No saliency: %1").arg(message), 10000);
  });

  auto* train = new QMenu(tr("&Train"), this);
  train->setObjectName(QStringLiteral("trainMenu"));
  train->addAction(training_->startAction());
  train->addAction(training_->pauseAction());
  train->addAction(training_->cancelAction());
  train->addAction(training_->resumeRunAction());
  train->addSeparator();
  train->addAction(predictAct_);
  train->addAction(runs_->reloadAction());
  // Before Help, which stays last.
  menuBar()->insertMenu(menuBar()->actions().constLast(), train);
  if (auto* tools = findChild<QToolBar*>(QStringLiteral("projectToolBar"))) {
    tools->addSeparator();
    tools->addAction(training_->startAction());
    tools->addAction(training_->pauseAction());
    tools->addAction(training_->cancelAction());
  }
  applyPreferences();
}

void MainWindow::applyPreferences() {
  const Preferences prefs = Preferences::load();
  TrainConfig c = training_->config();
  c.device = prefs.device.toStdString();
  c.threads = prefs.threads;
  training_->setConfig(c);
  model_->setThumbnailCacheMiB(prefs.thumbnailCacheMiB);
}

void MainWindow::preferences() {
  PreferencesDialog dialog(Preferences::load(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  dialog.preferences().save();
  applyPreferences();
}

void MainWindow::predictAll() {
  if (!project_ || project_->readOnly()) return;
  const auto selected = runs_->selectedRunIds();
  const qint64 run = !selected.empty() ? selected.front() : model_->runId();
  if (run == 0) {
    QMessageBox::information(this, tr("Predict All Images"),
                             tr("Select a finished run under Runs and Evaluation first."));
    return;
  }
  if (!predict_->start(projectFile(), run))
    statusBar()->showMessage(tr("A prediction is already running."), 5000);
}

void MainWindow::showRun(qint64 runId) {
  if (!project_) return;
  ImageFilter f = browser_->filter();
  f.runId = runId;
  browser_->setFilter(f);
  runs_->selectRuns({runId});
  gems_->selectRun(runId);
}

bool MainWindow::showView(const QString& name) {
  const auto raise = [this](QWidget* panel) {
    for (QDockWidget* d : panels_)
      if (d->widget() == panel) {
        d->show();
        d->raise();
        return true;
      }
    return false;
  };
  if (name == QStringLiteral("browser")) {
    // The browser and the image view get the whole window; View brings the panels back.
    for (QDockWidget* d : panels_) d->hide();
    if (project_) browserOrEmpty_->setCurrentIndex(0);
    return true;
  }
  if (name == QStringLiteral("training")) return raise(training_);
  if (name == QStringLiteral("runs")) return raise(runs_);
  if (name == QStringLiteral("gems")) return raise(gems_);
  return false;
}

void MainWindow::about() {
  QMessageBox box(this);
  box.setWindowTitle(tr("About FlyStage"));
  box.setIconPixmap(windowIcon().pixmap(80, 80));
  box.setText(tr("<h3>FlyStage %1</h3>").arg(QString::fromLatin1(kVersion)));
  box.setInformativeText(
      tr("<p>Stages <i>Drosophila</i> embryos in in-situ hybridization images: import, "
         "label, train and predict developmental stages.</p>"
         "<p>Built with Qt %1, running on Qt %2; OpenCV %3.</p><p>%4</p>")
          .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
               QStringLiteral(CV_VERSION),
               QString::fromStdString(configureDevice(Preferences::load().threads).description())));
  box.exec();
}

void MainWindow::reload() {
  try {
    const qint64 current = browser_->currentImageId();
    model_->setProject(project_.get());
    if (project_) {
      browser_->setRuns(runstore::runs(*project_));
      // Loads the filter's run and queue into the model again (the run may be gone: the
      // browser then says so and shows every image).
      browser_->setFilter(browser_->filter());
      browser_->rowsReloaded();
      if (current != 0) browser_->selectImage(current);
    }
    updateSummary();
  } catch (const std::exception& e) {  // a damaged or vanished file: say so, keep running
    statusBar()->showMessage(QString::fromStdString(e.what()));
  }
  updateTitleAndActions();
}

void MainWindow::updateSummary() {
  if (!project_) return;
  try {
    const ProjectSummary s = project_->summary();
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
  if (!project_) return;
  try {
    browser_->setRuns(runstore::runs(*project_));
    if (model_->runId() != 0) {
      const qint64 current = browser_->currentImageId();
      model_->reload();      // re-reads the run's predictions too
      model_->clearQueue();  // ranked again from the new predictions
      browser_->setFilter(browser_->filter());
      if (current != 0) browser_->selectImage(current);
    }
  } catch (const std::exception& e) {
    statusBar()->showMessage(QString::fromStdString(e.what()));
  }
}

bool MainWindow::setImageFilter(const ImageFilter& filter) {
  return browser_->setFilter(filter);
}

void MainWindow::showConfusionCell(qint64 runId, int trueStage, int predictedStage) {
  if (!project_) return;
  browserOrEmpty_->setCurrentIndex(0);
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

void MainWindow::toggleLabelQueue() {
  ImageFilter f = browser_->filter();
  if (f.queue) {
    f.queue.reset();
    browser_->setFilter(f);
    return;
  }
  if (f.runId == 0 && project_) {  // no run chosen: the newest one
    const auto runs = runstore::runs(*project_);
    if (!runs.empty()) f.runId = runs.back().id;
  }
  if (f.runId == 0) {
    queueAct_->setChecked(false);
    statusBar()->showMessage(tr("The label-next queue ranks a run's predictions: train a model "
                                "and store its predictions first."),
                             10000);
    return;
  }
  f.queue = QueueStrategy::LeastConfident;
  browser_->setFilter(f);
  browser_->filterBar()->setDetailsVisible(true);
  if (model_->hasQueue()) {
    browser_->selectRow(0);
    statusBar()->showMessage(
        plural(tr("Label next: %n image(s), least confident first", nullptr, model_->queueSize()),
               model_->queueSize()),
        8000);
  }
}

bool MainWindow::labelSelectedImages(const LabelKey& key) {
  if (!project_) return false;
  const QList<qint64> ids = browser_->selectedImageIds();
  if (ids.isEmpty()) {
    statusBar()->showMessage(tr("Select an image to label first."), 5000);
    return false;
  }
  std::vector<LabelChange> changes;
  QString what;
  switch (key.kind) {
    case LabelKey::Kind::Stage:
      for (qint64 id : ids) changes.push_back({id, labelForStage(key.stage, LabelSource::User)});
      what = tr("Stage %1").arg(key.stage);
      break;
    case LabelKey::Kind::Range:
      for (qint64 id : ids) changes.push_back({id, labelForRange(*key.range, LabelSource::User)});
      what = tr("Range %1").arg(stageRangeText(*key.range));
      break;
    case LabelKey::Kind::Clear:
      for (qint64 id : ids) changes.push_back({id, Label{}});
      what = tr("No label");
      break;
    case LabelKey::Kind::AcceptPrediction:
      for (qint64 id : ids) {
        const StoredPrediction* p = model_->prediction(model_->rowOfImage(id));
        if (p) changes.push_back({id, labelForStage(p->stage, LabelSource::Model)});
      }
      if (changes.empty()) {
        statusBar()->showMessage(tr("No prediction to accept: choose a run with predictions "
                                    "under Filters > Run."),
                                 8000);
        return false;
      }
      what = changes.size() == 1 ? tr("Predicted stage %1").arg(*changes.front().label.stage)
                                 : tr("Predicted stages");
      break;
  }
  const int n = static_cast<int>(changes.size());
  const QString description = n == 1 ? tr("%1 for image #%2").arg(what).arg(changes.front().imageId)
                                     : plural(tr("%1 for %n image(s)", nullptr, n), n).arg(what);
  // The image after the selection, found before labelling: the label may take the labelled
  // images out of the filter.
  const int lastRow = browser_->proxy()->rowOfImage(ids.back());
  const qint64 nextId = browser_->proxy()->imageIdAt(lastRow + 1);
  const Labeller::Outcome outcome = labeller_->apply(changes, description);
  if (outcome == Labeller::Outcome::Failed) return false;  // stay: the image is still to do
  const bool changed = outcome == Labeller::Outcome::Changed;
  if (changed) statusBar()->showMessage(description, 5000);
  if (advanceAct_->isChecked() && nextId != 0 && !browser_->selectImage(nextId))
    browser_->selectRow(std::min(lastRow, browser_->proxy()->rowCount() - 1));
  return changed;
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
  const int r = model_->rowOfImage(imageId);
  imageView_->setPrediction(r >= 0 ? model_->prediction(r) : nullptr,
                            r >= 0 ? model_->trueStage(r) : std::nullopt, model_->runId() != 0);
  if (imageId != lastCurrentImage_) {
    lastCurrentImage_ = imageId;
    Q_EMIT currentImageChanged(imageId);
  }
}

void MainWindow::showLabellingHelp() {
  if (!labellingHelp_) {
    labellingHelp_ = new QDialog(this);
    labellingHelp_->setObjectName(QStringLiteral("labellingHelp"));
    labellingHelp_->setWindowTitle(tr("Labelling Keys"));
    labellingHelp_->setAccessibleName(tr("Labelling keys"));
    auto* text = new QTextBrowser(labellingHelp_);
    text->setObjectName(QStringLiteral("labellingHelpText"));
    text->setAccessibleName(tr("Labelling keys"));
    text->setHtml(labelKeysHelpHtml());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, labellingHelp_);
    connect(buttons, &QDialogButtonBox::rejected, labellingHelp_, &QDialog::close);
    auto* layout = new QVBoxLayout(labellingHelp_);
    layout->addWidget(text);
    layout->addWidget(buttons);
    labellingHelp_->resize(520, 620);
  }
  labellingHelp_->show();
  labellingHelp_->raise();
  labellingHelp_->activateWindow();
}

void MainWindow::updateTitleAndActions() {
  const bool open = project_ != nullptr;
  const bool readOnly = open && project_->readOnly();
  setWindowTitle(!open ? tr("FlyStage")
                 : readOnly
                     ? tr("FlyStage — %1 (read-only)").arg(QFileInfo(projectFile()).fileName())
                     : tr("FlyStage — %1").arg(QFileInfo(projectFile()).fileName()));
  pages_->setCurrentIndex(open ? 1 : 0);
  browserOrEmpty_->setCurrentIndex(open && model_->rowCount() == 0 ? 1 : 0);
  importAct_->setEnabled(open && !readOnly && !import_->isRunning());
  importAct_->setToolTip(!open      ? tr("Open or create a project first")
                         : readOnly ? tr("The project is open read-only")
                                    : tr("Import images from a labels CSV, a folder or a BDGP "
                                         "dump (Ctrl+I)"));
  predictAct_->setEnabled(!readOnly);
  closeAct_->setEnabled(open && !import_->isRunning());
  const bool images = open && model_->rowCount() > 0;
  for (QAction* a : labelActs_) a->setEnabled(images);
  labeller_->setPausedReason(
      readOnly ? tr("The project is open read-only: labels cannot be saved. Open a copy you can "
                    "write to label. Nothing was changed.")
      : import_->isRunning()
          ? tr("Labels cannot be saved while an import is running: it holds the project until "
               "it ends. Label again when it has finished. Nothing was changed.")
          : QString());
  for (QAction* a : {nextAct_, previousAct_, queueAct_, filtersAct_, zoomInAct_, zoomOutAct_,
                     zoomFitAct_, browser_->gridAction(), browser_->tableAction()})
    a->setEnabled(images);
  statusReadOnly_->setVisible(readOnly);
  if (!open) statusCounts_->clear();
}

QStringList MainWindow::recentProjects() {
  return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::addRecentProject(const QString& file) {
  QStringList recent = recentProjects();
  recent.removeAll(file);
  recent.prepend(file);
  while (recent.size() > kMaxRecentProjects) recent.removeLast();
  QSettings().setValue(kRecentKey, recent);
  updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
  const QStringList recent = recentProjects();
  recentMenu_->clear();
  auto* welcome = welcomeRecent_->layout();
  while (QLayoutItem* item = welcome->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  if (!recent.isEmpty()) {
    auto* heading = new QLabel(tr("Recent projects"), welcomeRecent_);
    heading->setForegroundRole(QPalette::PlaceholderText);
    welcome->addWidget(heading);
  }
  int n = 0;
  for (const QString& file : recent) {
    ++n;
    const QString name = QFileInfo(file).fileName();
    const bool exists = QFileInfo::exists(file);
    QAction* a = recentMenu_->addAction(tr("&%1  %2").arg(n).arg(name));
    a->setToolTip(QDir::toNativeSeparators(file));
    a->setStatusTip(QDir::toNativeSeparators(file));
    a->setEnabled(exists);  // moved or deleted; kept listed so the user sees where it was
    connect(a, &QAction::triggered, this, [this, file] { openProject(file); });

    auto* link = new QCommandLinkButton(name, QDir::toNativeSeparators(file), welcomeRecent_);
    link->setAccessibleName(tr("Open recent project %1").arg(name));
    link->setToolTip(QDir::toNativeSeparators(file));
    link->setEnabled(exists);
    link->setMinimumWidth(420);
    connect(link, &QPushButton::clicked, this, [this, file] { openProject(file); });
    welcome->addWidget(link);
  }
  recentMenu_->addSeparator();
  QAction* clear = recentMenu_->addAction(tr("Clear Menu"));
  clear->setEnabled(!recent.isEmpty());
  connect(clear, &QAction::triggered, this, [this] {
    QSettings().remove(kRecentKey);
    updateRecentMenu();
  });
}

void MainWindow::onImportFinished(const ImportOutcome& outcome) {
  if (outcome.cancelled)
    statusBar()->showMessage(tr("Import cancelled; the project is unchanged."), 8000);
  else if (!outcome.error.isEmpty())
    statusBar()->showMessage(tr("Import failed: %1").arg(outcome.error), 8000);
  else if (!outcome.report.committed)
    statusBar()->showMessage(plural(tr("Import refused: %n problem(s); nothing was imported.",
                                       nullptr, static_cast<int>(outcome.report.problemCount())),
                                    static_cast<int>(outcome.report.problemCount())),
                             8000);
  else
    statusBar()->showMessage(plural(tr("Imported %n image(s).", nullptr, outcome.report.imported),
                                    outcome.report.imported),
                             8000);
  if (outcome.ok()) reload();
  updateTitleAndActions();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (import_->isRunning()) {
    const auto answer = QMessageBox::question(
        this, tr("Import Running"),
        tr("An import is running. Cancel it and quit? The project stays as it was before the "
           "import."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) {
      event->ignore();
      return;
    }
    import_->cancelAndWait();
  }
  saveSettings();
  event->accept();
}

void MainWindow::saveSettings() const {
  QSettings settings;
  settings.setValue(kGeometryKey, saveGeometry());
  settings.setValue(kStateKey, saveState());
  settings.setValue(kSplitterKey, splitter_->saveState());
  settings.setValue(
      kImageSplitterKey,
      imageView_->findChild<QSplitter*>(QStringLiteral("imageSplitter"))->saveState());
  settings.setValue(kHeaderKey, browser_->table()->horizontalHeader()->saveState());
  saveViewState();
}

void MainWindow::restoreSettings() {
  QSettings settings;
  restoreGeometry(settings.value(kGeometryKey).toByteArray());
  restoreState(settings.value(kStateKey).toByteArray());
  splitter_->restoreState(settings.value(kSplitterKey).toByteArray());
  imageView_->findChild<QSplitter*>(QStringLiteral("imageSplitter"))
      ->restoreState(settings.value(kImageSplitterKey).toByteArray());
  browser_->table()->horizontalHeader()->restoreState(settings.value(kHeaderKey).toByteArray());
}

void MainWindow::saveViewState() const {
  if (!project_) return;
  QSettings settings;
  settings.beginGroup(viewGroup(projectFile()));
  settings.setValue(QStringLiteral("project"), projectFile());
  settings.setValue(QStringLiteral("filter"), browser_->filter().toVariant());
  settings.setValue(QStringLiteral("sort"), static_cast<int>(browser_->sort()));
  settings.setValue(QStringLiteral("viewMode"), static_cast<int>(browser_->viewMode()));
  settings.setValue(QStringLiteral("filtersVisible"), browser_->filterBar()->detailsVisible());
  settings.setValue(QStringLiteral("selectedImage"), browser_->currentImageId());
  settings.endGroup();
}

void MainWindow::restoreViewState() {
  QSettings settings;
  settings.beginGroup(viewGroup(projectFile()));
  const auto mode = settings.value(QStringLiteral("viewMode")).toInt() == 1
                        ? ImageBrowser::ViewMode::Table
                        : ImageBrowser::ViewMode::Grid;
  browser_->setViewMode(mode);
  browser_->setFilter(ImageFilter::fromVariant(settings.value(QStringLiteral("filter")).toMap()));
  const int sort = settings.value(QStringLiteral("sort"), 0).toInt();
  if (!browser_->filter().queue && sort >= 0 && sort <= static_cast<int>(FilterBar::Sort::Column))
    browser_->setSort(static_cast<FilterBar::Sort>(sort));
  browser_->filterBar()->setDetailsVisible(
      settings.value(QStringLiteral("filtersVisible"), false).toBool() ||
      browser_->filterBar()->detailsVisible());
  const qint64 selected = settings.value(QStringLiteral("selectedImage"), 0).toLongLong();
  if (!browser_->selectImage(selected)) browser_->selectRow(0);
  settings.endGroup();
}

}  // namespace flystage::ui
