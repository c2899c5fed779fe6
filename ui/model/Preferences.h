#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace flystage::ui {

// The user's preferences, kept in Qt's per-user settings store (across projects). Every part
// of the GUI reads and writes its settings through here, so every key lives in one place
// (Preferences.cpp); the keys are those of earlier versions, so existing settings still load.
struct Preferences {
  QString device = QStringLiteral("auto");  // auto, cpu, cuda: the training panel's default
  int threads = 0;                          // CPU threads for libtorch; 0 = all cores
  int thumbnailCacheMiB = 128;              // decoded thumbnails kept in memory
  QString language;                         // "" = the system's; "en", "de", "zh_CN"
  // Predict: an image with a known stage range is called the most probable stage inside it.
  bool rangeConstraint = true;
  // Who labels in this window, recorded with every label (labeller agreement); "" = unnamed.
  QString labellerName;  // load(): labeller()

  // The values of the Preferences dialog, each within its range.
  static Preferences load();
  void save() const;

  // The settings key of the thumbnail cache size in MiB (tests set it directly).
  static QString thumbnailCacheKey();

  // Recent projects, newest first (ProjectSession keeps the order and the limit); the last
  // project open when FlyStage quit, reopened at start ("" when closed on purpose); the
  // folder the file dialogs start in (default: the home folder).
  static QStringList recentProjects();
  static void setRecentProjects(const QStringList& files);  // empty: the key is removed
  static QString lastProject();
  static void setLastProject(const QString& file);  // "": the key is removed
  static QString lastProjectDir();
  static void setLastProjectDir(const QString& dir);

  // The labeller name (default: the login name); "" = unnamed, not counted in agreement.
  static QString labeller();
  static void setLabeller(const QString& name);

  // Label > Advance After Labelling (default on).
  static bool advanceAfterLabelling();
  static void setAdvanceAfterLabelling(bool on);

  // The main window's layout, as QMainWindow, QSplitter and QHeaderView save it.
  enum class Layout { Geometry, DockState, ProjectSplitter, ImageSplitter, TableHeader };
  static QByteArray layout(Layout part);
  static void setLayout(Layout part, const QByteArray& state);

  // Each project reopens with its own view (filter, sort, view mode, selection): one map per
  // project file, empty when the project was never open.
  static QVariantMap projectView(const QString& projectFile);
  static void setProjectView(const QString& projectFile, const QVariantMap& view);

  // What the import dialog showed last (kind as ImportRequest::Kind).
  struct ImportChoices {
    int kind = 0;
    QString source;
    QString imagesRoot;
  };
  static ImportChoices importChoices();
  static void setImportChoices(const ImportChoices& choices);
};

}  // namespace flystage::ui
