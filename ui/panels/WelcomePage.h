#pragma once

#include <QCoreApplication>
#include <QWidget>

#include <functional>

class QAction;

namespace flystage::ui {

// The main window's page while no project is open: New and Open, and the recent projects
// as links (one moved or deleted since is shown disabled, with its path). Its texts keep the
// main window's translation context.
class WelcomePage : public QWidget {
  Q_DECLARE_TR_FUNCTIONS(flystage::ui::MainWindow)

 public:
  using OpenFile = std::function<void(const QString& file)>;
  // The buttons trigger `newAction` and `openAction`; a recent project's link calls `open`.
  WelcomePage(QAction* newAction, QAction* openAction, OpenFile open, QWidget* parent = nullptr);

  void setRecentProjects(const QStringList& files);

 private:
  OpenFile open_;
  QWidget* recent_;
};

}  // namespace flystage::ui
