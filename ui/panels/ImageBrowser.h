#pragma once

#include <QWidget>

#include <optional>
#include <vector>

#include "FilterBar.h"
#include "ImageFilter.h"
#include "store/RunStore.h"

class QAbstractItemView;
class QAction;
class QListView;
class QStackedWidget;
class QTableView;

namespace flystage::ui {

class ImageFilterModel;
class ImageTableModel;

// The image browser: a thumbnail grid and a table over one filtered, sorted model (they
// share the model and the selection), with the filter bar above them. Filters can be set
// from outside (showConfusionCell); the run a filter names is loaded into the model, and a
// label-next queue is ranked by core (rankForLabelling) when the filter asks for one.
class ImageBrowser : public QWidget {
  Q_OBJECT

 public:
  enum class ViewMode { Grid, Table };

  explicit ImageBrowser(ImageTableModel* model, QWidget* parent = nullptr);

  ImageTableModel* model() const { return model_; }
  ImageFilterModel* proxy() const { return proxy_; }
  QTableView* table() const { return table_; }
  QListView* grid() const { return grid_; }
  FilterBar* filterBar() const { return bar_; }
  QAction* gridAction() const { return gridAct_; }
  QAction* tableAction() const { return tableAct_; }

  void setViewMode(ViewMode mode);
  ViewMode viewMode() const;
  QAbstractItemView* currentView() const;

  // Shows the images the filter passes (and tells the filter bar). Loads the filter's run
  // when it is not the model's; false with a message when that fails (the run is unknown).
  bool setFilter(const ImageFilter& filter);
  ImageFilter filter() const;
  // The images behind one cell of a run's confusion matrix: the run's test images (when the
  // run recorded them) of true stage `trueStage` predicted as `predictedStage`. Other
  // conditions are cleared.
  bool showConfusionCell(qint64 runId, int trueStage, int predictedStage);

  void setSort(FilterBar::Sort sort);
  FilterBar::Sort sort() const { return sort_; }

  // Selection, in view order (the same in the grid and the table).
  qint64 currentImageId() const;  // 0: none
  QList<qint64> selectedImageIds() const;
  bool selectImage(qint64 imageId);  // false when the filter hides it
  bool selectNext();
  bool selectPrevious();
  bool selectRow(int proxyRow);
  int currentRow() const;  // -1: none

  // How the project was viewed (filter, sort, grid or table, filters shown, the selected
  // image), kept per project (Preferences::projectView) so it reopens as it was left.
  QVariantMap viewState() const;
  void restoreViewState(const QVariantMap& view);

  // Reads the project's images and runs again (nullptr: none), keeping the filter and the
  // selection. Throws when the project cannot be read (a damaged or vanished file).
  void showProject(Project* project);
  // After runs changed (one finished, predictions stored): the Run box, and the shown run's
  // predictions and queue read again.
  void reloadRuns(const std::vector<RunRecord>& runs);

  // The project's runs for the Run box; after an open, an import or a finished run.
  void setRuns(const std::vector<RunRecord>& runs);
  // After reading the rows again: genes for the gene box, counts, the queue.
  void rowsReloaded();

 Q_SIGNALS:
  void currentImageChanged(qint64 imageId);  // 0: none
  void filterChanged(const ImageFilter& filter);
  void viewModeChanged(ViewMode mode);
  void message(const QString& text);

 private:
  void applyFilter(const ImageFilter& filter, bool fromBar);
  void updateCounts();
  void onCurrentChanged();
  void rankQueue(QueueStrategy strategy);

  ImageTableModel* model_;
  ImageFilterModel* proxy_;
  FilterBar* bar_;
  QStackedWidget* views_;
  QListView* grid_;
  QTableView* table_;
  QAction* gridAct_;
  QAction* tableAct_;
  FilterBar::Sort sort_ = FilterBar::Sort::Id;
  std::optional<QueueStrategy> rankedQueue_;  // what the model's queue was ranked by
  std::int64_t rankedRun_ = 0;
  qint64 lastCurrent_ = 0;
};

}  // namespace flystage::ui
