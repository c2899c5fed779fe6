#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

#include "store/Project.h"

namespace flystage::ui {

// The open project of the desktop app and what the user expects to find again: at most one
// project open at a time (read-only when the user may not write it), the recent projects and
// the last project, reopened at start. No widgets: the window asks its questions through the
// callbacks and shows the messages.
class ProjectSession : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMaxRecentProjects = 8;
  // Asked when the user may not write a project: whether to open it read-only. `why` is
  // core's message. Without one, such a project is not opened.
  using AskReadOnly = std::function<bool(const QString& file, const QString& why)>;

  explicit ProjectSession(QObject* parent = nullptr);
  ~ProjectSession() override;

  Project* project() const { return project_.get(); }
  bool isOpen() const { return project_ != nullptr; }
  bool readOnly() const { return project_ && project_->readOnly(); }
  // The open project's absolute path; "" when none is open.
  QString file() const;

  // Opens (OpenMode::Existing) or creates (OpenOrCreate, Create) a project, or opens it
  // read-only (ReadOnly, or Existing when `askReadOnly` agrees). On success the previous
  // project is closed (aboutToClose() first), the file heads the recent list and is the one
  // reopened at start. On failure the open project stays, error() says why (core's message;
  // empty when the user declined the read-only open) and it returns false.
  bool open(const QString& file, OpenMode mode = OpenMode::Existing,
            const AskReadOnly& askReadOnly = {});
  QString error() const { return error_; }
  // Closes the open project (aboutToClose() first). It is still reopened at start unless
  // forgetLastProject() is called too (the user closed it on purpose).
  void close();
  void forgetLastProject();
  // The project open when FlyStage quit, when it still exists; "" otherwise.
  static QString lastProjectToReopen();
  // The folder of the project opened last (the file dialogs start there).
  static QString lastProjectDir();

  // Newest first, at most kMaxRecentProjects, each once. A file that was moved or deleted
  // stays listed (the window shows it disabled, so the user sees where it was).
  static QStringList recentProjects();
  void addRecentProject(const QString& file);
  void clearRecentProjects();

 Q_SIGNALS:
  // Before the open project goes (for a close or an open of another one): save its view,
  // drop every pointer into it.
  void aboutToClose();
  void recentProjectsChanged();

 private:
  std::unique_ptr<Project> project_;
  QString error_;
};

}  // namespace flystage::ui
