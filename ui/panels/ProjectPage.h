#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSplitter>

class QAction;
class QStackedWidget;

namespace flystage::ui {

class ImageBrowser;
class ImageTableModel;
class ImageView;
class SummaryPanel;

// The main window's page of an open project, three panes side by side: the summary (a click
// on a row shows its images), the image browser (in an empty project, the hint to import with
// `importAction`'s button) and the selected image up close. Its texts keep the main window's
// translation context.
class ProjectPage : public QSplitter {
  Q_DECLARE_TR_FUNCTIONS(flystage::ui::MainWindow)

 public:
  ProjectPage(ImageTableModel* model, QAction* importAction, QWidget* parent = nullptr);

  SummaryPanel* summary() const { return summary_; }
  ImageBrowser* browser() const { return browser_; }
  ImageView* imageView() const { return imageView_; }
  QSplitter* imageSplitter() const;
  // The hint to import instead of the browser (an open project without images).
  void showEmptyHint(bool empty);
  // View > Filters (Ctrl+Shift+F) and the image view's zoom (Zoom In, Zoom Out, Fit Image).
  QAction* filtersAction() const { return filtersAct_; }
  QList<QAction*> zoomActions() const { return {zoomInAct_, zoomOutAct_, zoomFitAct_}; }
  // The panes' sizes and the table's columns, kept in the preferences.
  void saveLayout() const;
  void restoreLayout();

 private:
  void createActions();
  QWidget* createEmptyHint(QAction* importAction);

  SummaryPanel* summary_;
  ImageBrowser* browser_;
  ImageView* imageView_;
  QStackedWidget* browserOrEmpty_;
  QAction* filtersAct_;
  QAction* zoomInAct_;
  QAction* zoomOutAct_;
  QAction* zoomFitAct_;
};

}  // namespace flystage::ui
