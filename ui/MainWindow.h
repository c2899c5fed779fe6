#pragma once

#include <QMainWindow>

#include <memory>

#include "ImportWorker.h"
#include "store/Project.h"

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace flystage::ui {

class ImageTableModel;
class SummaryPanel;

// The main window: one open project at a time, its summary beside its image table, and the
// File menu that opens, creates and imports into projects. It holds the GUI thread's
// connection to the project; imports run on their own thread and connection.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  static constexpr int kMaxRecentProjects = 8;

  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens (OpenMode::Existing) or creates (OpenOrCreate) a project. On failure shows why,
  // when showErrors, keeps the current project and returns false.
  bool openProject(const QString& file, OpenMode mode = OpenMode::Existing, bool showErrors = true);
  // Opens the project of the last session, if it still opens; silent otherwise.
  bool restoreLastProject();
  void closeProject();

  // Starts an import into the open project on a worker thread; false when none is open or
  // an import is already running.
  bool startImport(const ImportRequest& request);

  Project* project() const { return project_.get(); }
  QString projectFile() const;
  ImageTableModel* imageModel() const { return model_; }
  QTableView* imageTable() const { return table_; }
  ImportController* importController() const { return import_; }
  static QStringList recentProjects();

 public Q_SLOTS:
  void newProject();
  void openProjectDialog();
  void importImages();
  void about();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void createMenus();
  QWidget* createWelcomePage();
  QWidget* createProjectPage();
  void reload();
  void updateTitleAndActions();
  void addRecentProject(const QString& file);
  void updateRecentMenu();
  void onImportFinished(const ImportOutcome& outcome);
  void saveSettings() const;
  void restoreSettings();

  std::unique_ptr<Project> project_;
  ImageTableModel* model_;
  QSortFilterProxyModel* proxy_;
  ImportController* import_;

  QStackedWidget* pages_;
  QSplitter* splitter_;
  SummaryPanel* summary_;
  QTableView* table_;
  QLineEdit* filter_;
  QStackedWidget* tableOrEmpty_;
  QLabel* statusCounts_;
  QWidget* welcomeRecent_;

  QAction* newAct_;
  QAction* openAct_;
  QAction* importAct_;
  QAction* closeAct_;
  QAction* quitAct_;
  QAction* aboutAct_;
  QAction* aboutQtAct_;
  QMenu* recentMenu_;
};

}  // namespace flystage::ui
