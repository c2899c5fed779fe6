#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCommandLinkButton>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "ImageTableModel.h"
#include "ImportDialog.h"
#include "Plural.h"
#include "SummaryPanel.h"
#include "Version.h"

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
const auto kSplitterKey = QStringLiteral("mainWindow/splitter");
const auto kHeaderKey = QStringLiteral("mainWindow/imageTableHeader");
const auto kProjectSuffix = QStringLiteral("flystage");

QString projectFilter() {
  return MainWindow::tr("FlyStage projects (*.flystage)");
}

QString lastDir() {
  return QSettings().value(kLastDirKey, QDir::homePath()).toString();
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  initUiResources();
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/flystage.svg")));
  model_ = new ImageTableModel(this);
  proxy_ = new QSortFilterProxyModel(this);
  proxy_->setSourceModel(model_);
  proxy_->setSortRole(ImageTableModel::SortRole);
  proxy_->setFilterKeyColumn(-1);
  proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  import_ = new ImportController(this);
  connect(import_, &ImportController::importStarted, this, &MainWindow::updateTitleAndActions);
  connect(import_, &ImportController::importFinished, this, &MainWindow::onImportFinished);

  createActions();
  createMenus();
  pages_ = new QStackedWidget(this);
  pages_->addWidget(createWelcomePage());
  pages_->addWidget(createProjectPage());
  setCentralWidget(pages_);

  statusCounts_ = new QLabel(this);
  statusCounts_->setObjectName(QStringLiteral("statusCounts"));
  statusBar()->addPermanentWidget(statusCounts_);

  resize(1280, 800);
  restoreSettings();
  updateRecentMenu();
  updateTitleAndActions();
}

MainWindow::~MainWindow() {
  // The worker thread must end before the window (and its project connection) goes.
  import_->cancelAndWait();
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
  aboutQtAct_ = new QAction(tr("About &Qt"), this);
  aboutQtAct_->setMenuRole(QAction::AboutQtRole);
  connect(aboutQtAct_, &QAction::triggered, qApp, &QApplication::aboutQt);
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
  QMenu* help = menuBar()->addMenu(tr("&Help"));
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

  filter_ = new QLineEdit;
  filter_->setObjectName(QStringLiteral("imageFilter"));
  filter_->setPlaceholderText(tr("Filter by file, gene, stage range or split (Ctrl+F)"));
  filter_->setAccessibleName(tr("Filter images"));
  filter_->setToolTip(tr("Show only the images whose file, gene, stage or split contains this"));
  filter_->setClearButtonEnabled(true);
  auto* focusFilter = new QAction(this);
  focusFilter->setShortcut(QKeySequence::Find);
  connect(focusFilter, &QAction::triggered, filter_, [this] { filter_->setFocus(); });
  addAction(focusFilter);
  connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);

  table_ = new QTableView;
  table_->setObjectName(QStringLiteral("imageTable"));
  table_->setAccessibleName(tr("Images"));
  table_->setModel(proxy_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setAlternatingRowColors(true);
  table_->setShowGrid(false);
  table_->setWordWrap(false);
  table_->setTextElideMode(Qt::ElideMiddle);
  table_->setIconSize(ImageTableModel::thumbnailSize());
  table_->setSortingEnabled(true);
  table_->sortByColumn(ImageTableModel::Id, Qt::AscendingOrder);
  table_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  // Fixed row heights and column widths: sizing to contents would read (and decode) every
  // thumbnail, and thumbnails are decoded only for the rows on screen.
  QHeaderView* rows = table_->verticalHeader();
  rows->setVisible(false);
  rows->setSectionResizeMode(QHeaderView::Fixed);
  rows->setDefaultSectionSize(ImageTableModel::thumbnailSize().height() + 8);
  QHeaderView* columns = table_->horizontalHeader();
  columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  columns->setHighlightSections(false);
  columns->setStretchLastSection(true);
  columns->setSectionResizeMode(QHeaderView::Interactive);
  columns->setSectionResizeMode(ImageTableModel::Thumbnail, QHeaderView::Fixed);
  columns->resizeSection(ImageTableModel::Id, 64);
  columns->resizeSection(ImageTableModel::Thumbnail, ImageTableModel::thumbnailSize().width() + 16);
  columns->resizeSection(ImageTableModel::File, 220);
  columns->resizeSection(ImageTableModel::Gene, 150);
  columns->resizeSection(ImageTableModel::StageRange, 110);
  columns->resizeSection(ImageTableModel::Stage, 70);

  auto* emptyPage = new QWidget;
  auto* empty = new QLabel(tr("<p><b>No images yet.</b></p><p>Import a labels CSV, a folder of "
                              "images or a BDGP dump.</p>"),
                           emptyPage);
  empty->setObjectName(QStringLiteral("emptyProjectHint"));
  empty->setAlignment(Qt::AlignCenter);
  empty->setWordWrap(true);
  empty->setForegroundRole(QPalette::PlaceholderText);
  auto* emptyImport = new QPushButton(importAct_->icon(), tr("Import Images…"), emptyPage);
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
  tableOrEmpty_ = new QStackedWidget;
  tableOrEmpty_->addWidget(table_);
  tableOrEmpty_->addWidget(emptyPage);

  auto* right = new QWidget;
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 6, 6, 0);
  rightLayout->addWidget(filter_);
  rightLayout->addWidget(tableOrEmpty_, 1);

  splitter_ = new QSplitter(Qt::Horizontal, this);
  splitter_->setObjectName(QStringLiteral("projectSplitter"));
  splitter_->addWidget(summaryScroll);
  splitter_->addWidget(right);
  splitter_->setStretchFactor(0, 0);
  splitter_->setStretchFactor(1, 1);
  splitter_->setSizes({280, 1000});
  splitter_->setChildrenCollapsible(false);
  return splitter_;
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
    opened = std::make_unique<Project>(Project::open(absolute.toStdString(), mode));
  } catch (const std::exception& e) {
    if (showErrors)
      QMessageBox::warning(this, tr("Cannot Open Project"),
                           tr("%1 could not be opened.").arg(QFileInfo(file).fileName()) +
                               QStringLiteral("\n\n") + QString::fromStdString(e.what()));
    return false;
  }
  model_->setProject(nullptr);  // no row may point into the old connection
  project_ = std::move(opened);
  filter_->clear();
  reload();
  addRecentProject(absolute);
  QSettings settings;
  settings.setValue(kLastKey, absolute);
  settings.setValue(kLastDirKey, QFileInfo(absolute).absolutePath());
  statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(absolute)), 5000);
  return true;
}

bool MainWindow::restoreLastProject() {
  const QString last = QSettings().value(kLastKey).toString();
  if (last.isEmpty() || !QFileInfo::exists(last)) return false;
  return openProject(last, OpenMode::Existing, /*showErrors=*/false);
}

void MainWindow::closeProject() {
  import_->cancelAndWait();
  model_->setProject(nullptr);
  project_.reset();
  summary_->clear();
  statusBar()->clearMessage();
  updateTitleAndActions();
}

bool MainWindow::startImport(const ImportRequest& request) {
  if (!project_) return false;
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
  openProject(file, OpenMode::OpenOrCreate);
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

void MainWindow::about() {
  QMessageBox box(this);
  box.setWindowTitle(tr("About FlyStage"));
  box.setIconPixmap(windowIcon().pixmap(80, 80));
  box.setText(tr("<h3>FlyStage %1</h3>").arg(QString::fromLatin1(kVersion)));
  box.setInformativeText(
      tr("<p>Stages <i>Drosophila</i> embryos in in-situ hybridization images: import, "
         "label, train and predict developmental stages.</p>"
         "<p>Built with Qt %1, running on Qt %2.</p>")
          .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
  box.exec();
}

void MainWindow::reload() {
  try {
    model_->setProject(project_.get());
    if (project_) {
      const ProjectSummary s = project_->summary();
      summary_->setSummary(s);
      statusCounts_->setText(plural(tr("%n image(s)", nullptr, s.images), s.images) +
                             QStringLiteral("  ·  ") + tr("%n unlabelled", nullptr, s.unlabelled) +
                             QStringLiteral("  ·  ") +
                             tr("%n with a precise stage", nullptr, s.withStage));
    }
  } catch (const std::exception& e) {  // a damaged or vanished file: say so, keep running
    statusBar()->showMessage(QString::fromStdString(e.what()));
  }
  updateTitleAndActions();
}

void MainWindow::updateTitleAndActions() {
  const bool open = project_ != nullptr;
  setWindowTitle(open ? tr("FlyStage — %1").arg(QFileInfo(projectFile()).fileName())
                      : tr("FlyStage"));
  pages_->setCurrentIndex(open ? 1 : 0);
  tableOrEmpty_->setCurrentIndex(open && model_->rowCount() == 0 ? 1 : 0);
  importAct_->setEnabled(open && !import_->isRunning());
  importAct_->setToolTip(open ? tr("Import images from a labels CSV, a folder or a BDGP dump "
                                   "(Ctrl+I)")
                              : tr("Open or create a project first"));
  closeAct_->setEnabled(open && !import_->isRunning());
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
                                       nullptr, static_cast<int>(outcome.report.problems.size())),
                                    static_cast<int>(outcome.report.problems.size())),
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
  settings.setValue(kHeaderKey, table_->horizontalHeader()->saveState());
}

void MainWindow::restoreSettings() {
  QSettings settings;
  restoreGeometry(settings.value(kGeometryKey).toByteArray());
  restoreState(settings.value(kStateKey).toByteArray());
  splitter_->restoreState(settings.value(kSplitterKey).toByteArray());
  table_->horizontalHeader()->restoreState(settings.value(kHeaderKey).toByteArray());
}

}  // namespace flystage::ui
