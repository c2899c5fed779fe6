#include "ImageBrowser.h"

#include <QAction>
#include <QActionGroup>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QListView>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "ImageFilterModel.h"
#include "ImageTableModel.h"
#include "ThumbnailDelegate.h"
#include "eval/LabelQueue.h"
#include "model/StoredPredictions.h"
#include "store/LabellerVotes.h"
#include "store/RunStore.h"

namespace flystage::ui {

using Sort = FilterBar::Sort;

ImageBrowser::ImageBrowser(ImageTableModel* model, QWidget* parent)
    : QWidget(parent), model_(model) {
  setObjectName(QStringLiteral("imageBrowser"));
  setAccessibleName(tr("Image browser"));
  proxy_ = new ImageFilterModel(model, this);
  bar_ = new FilterBar(this);

  auto* modes = new QActionGroup(this);
  gridAct_ = new QAction(tr("&Grid"), modes);
  gridAct_->setObjectName(QStringLiteral("actionGridView"));
  gridAct_->setCheckable(true);
  gridAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
  gridAct_->setToolTip(tr("Show the images as a grid of thumbnails (Ctrl+G)"));
  gridAct_->setStatusTip(tr("Show the images as a grid of thumbnails"));
  tableAct_ = new QAction(tr("&Table"), modes);
  tableAct_->setObjectName(QStringLiteral("actionTableView"));
  tableAct_->setCheckable(true);
  tableAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
  tableAct_->setToolTip(tr("Show the images as a table with every column (Ctrl+Shift+G)"));
  tableAct_->setStatusTip(tr("Show the images as a table with every column"));
  connect(gridAct_, &QAction::triggered, this, [this] { setViewMode(ViewMode::Grid); });
  connect(tableAct_, &QAction::triggered, this, [this] { setViewMode(ViewMode::Table); });
  bar_->addViewActions({gridAct_, tableAct_});

  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("imageTable"));
  table_->setAccessibleName(tr("Images"));
  table_->setToolTip(
      tr("The images; keys 4 to 9, 1 then 0 to 7, and Ctrl+1 to 6 label the "
         "selected ones (F1 lists them)"));
  table_->setModel(proxy_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
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
  columns->resizeSection(ImageTableModel::File, 200);
  columns->resizeSection(ImageTableModel::Gene, 110);
  columns->resizeSection(ImageTableModel::StageRange, 100);
  columns->resizeSection(ImageTableModel::Stage, 60);
  columns->resizeSection(ImageTableModel::Split, 80);
  columns->resizeSection(ImageTableModel::Predicted, 80);
  columns->resizeSection(ImageTableModel::Confidence, 90);

  grid_ = new QListView(this);
  grid_->setObjectName(QStringLiteral("imageGrid"));
  grid_->setAccessibleName(tr("Image thumbnails"));
  grid_->setToolTip(table_->toolTip());
  grid_->setModel(proxy_);
  grid_->setModelColumn(ImageTableModel::Thumbnail);
  grid_->setViewMode(QListView::IconMode);
  grid_->setMovement(QListView::Static);
  grid_->setResizeMode(QListView::Adjust);
  grid_->setWrapping(true);
  grid_->setFlow(QListView::LeftToRight);
  // Same-size tiles, laid out in batches: 40 000 tiles lay out without a stall.
  grid_->setUniformItemSizes(true);
  grid_->setLayoutMode(QListView::Batched);
  grid_->setBatchSize(500);
  grid_->setItemDelegate(new ThumbnailDelegate(grid_));
  grid_->setGridSize(ThumbnailDelegate::tileSize(grid_->fontMetrics()) + QSize(4, 4));
  grid_->setSpacing(0);
  grid_->setSelectionBehavior(QAbstractItemView::SelectRows);
  grid_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  grid_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  // One selection for both views: switching views keeps the selected images.
  QItemSelectionModel* oldGridSelection = grid_->selectionModel();
  grid_->setSelectionModel(table_->selectionModel());
  delete oldGridSelection;

  views_ = new QStackedWidget(this);
  views_->setObjectName(QStringLiteral("browserViews"));
  views_->addWidget(grid_);
  views_->addWidget(table_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  layout->addWidget(bar_);
  layout->addWidget(views_, 1);

  connect(bar_, &FilterBar::filterChanged, this,
          [this](const ImageFilter& f) { applyFilter(f, true); });
  connect(bar_, &FilterBar::sortChanged, this, &ImageBrowser::setSort);
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &ImageBrowser::onCurrentChanged);
  connect(
      columns, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        Sort s = Sort::Column;
        if (column == ImageTableModel::Id && order == Qt::AscendingOrder)
          s = Sort::Id;
        else if (column == ImageTableModel::Confidence)
          s = order == Qt::AscendingOrder ? Sort::ConfidenceAscending : Sort::ConfidenceDescending;
        else if (column == ImageTableModel::QueueRank && order == Qt::AscendingOrder)
          s = Sort::QueueRank;
        sort_ = s;
        bar_->setSort(s);
      });
  for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
    connect(proxy_, signal, this, &ImageBrowser::updateCounts);
  connect(proxy_, &QAbstractItemModel::modelReset, this, &ImageBrowser::updateCounts);
  connect(proxy_, &QAbstractItemModel::layoutChanged, this, &ImageBrowser::updateCounts);
  setViewMode(ViewMode::Grid);
  updateCounts();
}

void ImageBrowser::setViewMode(ViewMode mode) {
  const bool hadFocus = currentView()->hasFocus();
  views_->setCurrentIndex(mode == ViewMode::Grid ? 0 : 1);
  gridAct_->setChecked(mode == ViewMode::Grid);
  tableAct_->setChecked(mode == ViewMode::Table);
  if (hadFocus) currentView()->setFocus();
  const QModelIndex current = table_->selectionModel()->currentIndex();
  if (current.isValid()) currentView()->scrollTo(current);
  Q_EMIT viewModeChanged(mode);
}

ImageBrowser::ViewMode ImageBrowser::viewMode() const {
  return views_->currentIndex() == 0 ? ViewMode::Grid : ViewMode::Table;
}

QAbstractItemView* ImageBrowser::currentView() const {
  return views_->currentIndex() == 0 ? static_cast<QAbstractItemView*>(grid_) : table_;
}

ImageFilter ImageBrowser::filter() const {
  return proxy_->filter();
}

bool ImageBrowser::setFilter(const ImageFilter& filter) {
  applyFilter(filter, false);
  return proxy_->filter() == filter;
}

bool ImageBrowser::showConfusionCell(qint64 runId, int trueStage, int predictedStage) {
  ImageFilter f;
  f.runId = runId;
  f.trueStage = trueStage;
  f.predictedStage = predictedStage;
  // The matrix is the run's test metrics: the model's own stage, before the range constraint.
  f.modelStage = true;
  if (!setFilter(f)) return false;
  // The matrix counts the run's test images; a run that did not record them (predictions
  // made outside training) is filtered over all its predictions.
  if (model_->runHasTestPart()) {
    f.runTestOnly = true;
    setFilter(f);
  }
  return proxy_->filter() == f;
}

void ImageBrowser::applyFilter(const ImageFilter& wanted, bool fromBar) {
  ImageFilter f = wanted;
  const qint64 keep = currentImageId();
  if (f.runId != model_->runId()) {
    try {
      model_->setRun(f.runId);
    } catch (const std::exception& e) {
      Q_EMIT message(QString::fromUtf8(e.what()));
      f.runId = model_->runId();
    }
    rankedQueue_.reset();
  }
  // Labeller conflicts come from the labellers' votes: no run needed.
  if (f.queue && (f.runId != 0 || *f.queue == QueueStrategy::LabellerConflict)) {
    if (rankedQueue_ != f.queue || rankedRun_ != f.runId || !model_->hasQueue())
      rankQueue(*f.queue);
  } else {
    f.queue.reset();
    if (model_->hasQueue()) model_->clearQueue();
    rankedQueue_.reset();
  }
  proxy_->setFilter(f);
  if (!fromBar || !(f == wanted)) bar_->setFilter(f);
  // The queue is walked in its order; leaving it goes back to image order.
  if (f.queue && sort_ != Sort::QueueRank)
    setSort(Sort::QueueRank);
  else if (!f.queue && sort_ == Sort::QueueRank)
    setSort(Sort::Id);
  if (keep != 0 && currentImageId() != keep) selectImage(keep);
  onCurrentChanged();
  updateCounts();
  Q_EMIT filterChanged(f);
}

void ImageBrowser::rankQueue(QueueStrategy strategy) {
  rankedQueue_ = strategy;
  rankedRun_ = model_->runId();
  if (strategy == QueueStrategy::LabellerConflict) {
    try {
      if (model_->project()) {
        model_->setQueue(rankLabellerConflicts(labellerVotes(*model_->project())));
        if (!model_->hasQueue())
          Q_EMIT message(
              tr("No image has labellers who disagree: set a labeller name in "
                 "Preferences and label images others labelled."));
      }
    } catch (const std::exception& e) {
      model_->clearQueue();
      Q_EMIT message(QString::fromUtf8(e.what()));
    }
    return;
  }
  if (!model_->hasPredictions()) {
    model_->clearQueue();
    Q_EMIT message(tr("Run %1 has no stored predictions to rank; store them with "
                      "\"flystage-cli predict --store\" first.")
                       .arg(model_->runId()));
    return;
  }
  try {
    model_->setQueue(rankForLabelling(model_->predictions(), model_->labels(), strategy));
  } catch (const std::exception& e) {
    model_->clearQueue();
    Q_EMIT message(QString::fromUtf8(e.what()));
  }
}

void ImageBrowser::setSort(Sort sort) {
  sort_ = sort;
  bar_->setSort(sort);
  switch (sort) {
    case Sort::Id:
      table_->sortByColumn(ImageTableModel::Id, Qt::AscendingOrder);
      break;
    case Sort::ConfidenceAscending:
      table_->sortByColumn(ImageTableModel::Confidence, Qt::AscendingOrder);
      break;
    case Sort::ConfidenceDescending:
      table_->sortByColumn(ImageTableModel::Confidence, Qt::DescendingOrder);
      break;
    case Sort::QueueRank:
      table_->sortByColumn(ImageTableModel::QueueRank, Qt::AscendingOrder);
      break;
    case Sort::Column:
      break;  // the table header's choice stays
  }
  const QModelIndex current = table_->selectionModel()->currentIndex();
  if (current.isValid()) currentView()->scrollTo(current);
}

qint64 ImageBrowser::currentImageId() const {
  const int r = currentRow();
  return r < 0 ? 0 : proxy_->imageIdAt(r);
}

int ImageBrowser::currentRow() const {
  const QModelIndex i = table_->selectionModel()->currentIndex();
  return i.isValid() ? i.row() : -1;
}

QList<qint64> ImageBrowser::selectedImageIds() const {
  QList<int> rows;
  for (const QModelIndex& i : table_->selectionModel()->selectedRows(ImageTableModel::Thumbnail))
    rows << i.row();
  if (rows.isEmpty() && currentRow() >= 0) rows << currentRow();
  std::sort(rows.begin(), rows.end());
  QList<qint64> ids;
  for (int r : rows) ids << proxy_->imageIdAt(r);
  return ids;
}

bool ImageBrowser::selectRow(int proxyRow) {
  if (proxyRow < 0 || proxyRow >= proxy_->rowCount()) return false;
  const QModelIndex i = proxy_->index(proxyRow, ImageTableModel::Thumbnail);
  table_->selectionModel()->setCurrentIndex(
      i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  currentView()->scrollTo(i);
  return true;
}

bool ImageBrowser::selectImage(qint64 imageId) {
  return selectRow(proxy_->rowOfImage(imageId));
}

bool ImageBrowser::selectNext() {
  return selectRow(currentRow() + 1);
}

bool ImageBrowser::selectPrevious() {
  const int r = currentRow();
  return selectRow(r < 0 ? 0 : r - 1);
}

void ImageBrowser::setRuns(const std::vector<RunRecord>& runs) {
  bar_->setRuns(runs);
}

void ImageBrowser::rowsReloaded() {
  bar_->setGenes(model_->genes());
  updateCounts();
}

void ImageBrowser::updateCounts() {
  bar_->setCounts(proxy_->rowCount(), model_->rowCount());
}

void ImageBrowser::onCurrentChanged() {
  const qint64 id = currentImageId();
  if (id == lastCurrent_) return;
  lastCurrent_ = id;
  Q_EMIT currentImageChanged(id);
}

QVariantMap ImageBrowser::viewState() const {
  return {{QStringLiteral("filter"), filter().toVariant()},
          {QStringLiteral("sort"), static_cast<int>(sort())},
          {QStringLiteral("viewMode"), static_cast<int>(viewMode())},
          {QStringLiteral("filtersVisible"), filterBar()->detailsVisible()},
          {QStringLiteral("selectedImage"), currentImageId()}};
}

void ImageBrowser::restoreViewState(const QVariantMap& view) {
  setViewMode(view.value(QStringLiteral("viewMode")).toInt() == 1 ? ViewMode::Table
                                                                  : ViewMode::Grid);
  ImageFilter f = ImageFilter::fromVariant(view.value(QStringLiteral("filter")).toMap());
  // A project opened here for the first time (a demo, one from another lab) shows the
  // predictions it holds at once rather than "No run".
  if (view.isEmpty() && model_->project())
    if (const auto run = runWithMostPredictions(*model_->project())) f.runId = *run;
  setFilter(f);
  const int sort = view.value(QStringLiteral("sort"), 0).toInt();
  if (!filter().queue && sort >= 0 && sort <= static_cast<int>(FilterBar::Sort::Column))
    setSort(static_cast<FilterBar::Sort>(sort));
  filterBar()->setDetailsVisible(view.value(QStringLiteral("filtersVisible"), false).toBool() ||
                                 filterBar()->detailsVisible());
  if (!selectImage(view.value(QStringLiteral("selectedImage"), 0).toLongLong())) selectRow(0);
}

void ImageBrowser::showProject(Project* project) {
  const qint64 current = currentImageId();
  model_->setProject(project);
  if (!project) return;
  setRuns(runstore::runs(*project));
  // Loads the filter's run and queue into the model again (the run may be gone: the browser
  // then says so and shows every image).
  setFilter(filter());
  rowsReloaded();
  if (current != 0) selectImage(current);
}

void ImageBrowser::reloadRuns(const std::vector<RunRecord>& runs) {
  setRuns(runs);
  if (model_->runId() == 0) return;
  const qint64 current = currentImageId();
  model_->reload();      // re-reads the run's predictions too
  model_->clearQueue();  // ranked again from the new predictions
  setFilter(filter());
  if (current != 0) selectImage(current);
}

}  // namespace flystage::ui
