#include "ProjectSession.h"

#include <QFileInfo>

#include "Preferences.h"
#include "store/Schema.h"
#include "util/Error.h"

namespace flystage::ui {

ProjectSession::ProjectSession(QObject* parent) : QObject(parent) {}

ProjectSession::~ProjectSession() = default;

QString ProjectSession::file() const {
  return project_ ? QString::fromStdString(project_->file().string()) : QString();
}

bool ProjectSession::open(const QString& file, OpenMode mode, const AskReadOnly& askReadOnly) {
  error_.clear();
  const QString absolute = QFileInfo(file).absoluteFilePath();
  std::unique_ptr<Project> opened;
  try {
    try {
      opened = std::make_unique<Project>(Project::open(absolute.toStdString(), mode));
    } catch (const ProjectNotWritable& e) {
      // A project on a read-only disk or in a shared folder can still be looked at.
      if (!askReadOnly || !askReadOnly(file, QString::fromStdString(e.what()))) return false;
      opened = std::make_unique<Project>(Project::open(absolute.toStdString(), OpenMode::ReadOnly));
    }
    if (opened->readOnly() && storedSchemaVersion(opened->db()) < kSchemaVersion)
      throw Error(absolute.toStdString() +
                  ": this project was made by an older FlyStage and is upgraded when it is "
                  "opened for writing, which needs write access; open a copy you can write.");
  } catch (const std::exception& e) {
    error_ = QString::fromStdString(e.what());
    return false;
  }
  Q_EMIT aboutToClose();
  project_ = std::move(opened);
  addRecentProject(absolute);
  Preferences::setLastProject(absolute);
  Preferences::setLastProjectDir(QFileInfo(absolute).absolutePath());
  return true;
}

void ProjectSession::close() {
  Q_EMIT aboutToClose();
  project_.reset();
}

void ProjectSession::forgetLastProject() {
  Preferences::setLastProject(QString());
}

QString ProjectSession::lastProjectToReopen() {
  const QString last = Preferences::lastProject();
  return !last.isEmpty() && QFileInfo::exists(last) ? last : QString();
}

QString ProjectSession::lastProjectDir() {
  return Preferences::lastProjectDir();
}

QStringList ProjectSession::recentProjects() {
  return Preferences::recentProjects();
}

void ProjectSession::addRecentProject(const QString& file) {
  QStringList recent = recentProjects();
  recent.removeAll(file);
  recent.prepend(file);
  while (recent.size() > kMaxRecentProjects) recent.removeLast();
  Preferences::setRecentProjects(recent);
  Q_EMIT recentProjectsChanged();
}

void ProjectSession::clearRecentProjects() {
  Preferences::setRecentProjects({});
  Q_EMIT recentProjectsChanged();
}

}  // namespace flystage::ui
