#include "ProjectPage.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>

#include "FilterBar.h"
#include "ImageBrowser.h"
#include "ImageFilter.h"
#include "ImageTableModel.h"
#include "ImageView.h"
#include "Preferences.h"
#include "SummaryPanel.h"
#include "store/SplitPart.h"

namespace flystage::ui {

ProjectPage::ProjectPage(ImageTableModel* model, QAction* importAction, QWidget* parent)
    : QSplitter(Qt::Horizontal, parent) {
  summary_ = new SummaryPanel;
  auto* summaryScroll = new QScrollArea;
  summaryScroll->setObjectName(QStringLiteral("summaryScroll"));
  summaryScroll->setWidget(summary_);
  summaryScroll->setWidgetResizable(true);
  summaryScroll->setFrameShape(QFrame::NoFrame);
  summaryScroll->setMinimumWidth(220);
  summaryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

  browser_ = new ImageBrowser(model);
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

  browserOrEmpty_ = new QStackedWidget;
  browserOrEmpty_->setObjectName(QStringLiteral("browserOrEmpty"));
  browserOrEmpty_->addWidget(browser_);
  browserOrEmpty_->addWidget(createEmptyHint(importAction));
  auto* middle = new QWidget;
  auto* middleLayout = new QVBoxLayout(middle);
  middleLayout->setContentsMargins(0, 6, 0, 0);
  middleLayout->addWidget(browserOrEmpty_);

  imageView_ = new ImageView;
  // An orientation fixed in the image view shows in the image's thumbnail too.
  connect(imageView_, &ImageView::orientationChanged, model,
          [model](qint64 id) { model->refreshThumbnails({id}); });
  createActions();
  setObjectName(QStringLiteral("projectSplitter"));
  addWidget(summaryScroll);
  addWidget(middle);
  addWidget(imageView_);
  setStretchFactor(0, 0);
  setStretchFactor(1, 1);
  setStretchFactor(2, 0);
  setSizes({260, 620, 420});
  setChildrenCollapsible(false);
}

void ProjectPage::createActions() {
  filtersAct_ = new QAction(tr("&Filters"), this);
  filtersAct_->setObjectName(QStringLiteral("actionShowFilters"));
  filtersAct_->setCheckable(true);
  filtersAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
  filtersAct_->setStatusTip(tr("Show the filters on labels, split and predictions"));
  connect(filtersAct_, &QAction::toggled, browser_->filterBar(), &FilterBar::setDetailsVisible);
  connect(browser_->filterBar()->findChild<QToolButton*>(QStringLiteral("filtersButton")),
          &QToolButton::toggled, filtersAct_, &QAction::setChecked);
  auto* focusFilter = new QAction(this);  // Find: to the filter's text
  focusFilter->setShortcut(QKeySequence::Find);
  connect(focusFilter, &QAction::triggered, this, [this] {
    browser_->filterBar()->textEdit()->setFocus();
    browser_->filterBar()->textEdit()->selectAll();
  });
  addAction(focusFilter);

  zoomInAct_ = new QAction(tr("Zoom &In"), this);
  zoomInAct_->setObjectName(QStringLiteral("actionZoomIn"));
  zoomInAct_->setShortcuts(QKeySequence::ZoomIn);
  zoomOutAct_ = new QAction(tr("Zoom &Out"), this);
  zoomOutAct_->setObjectName(QStringLiteral("actionZoomOut"));
  zoomOutAct_->setShortcuts(QKeySequence::ZoomOut);
  zoomFitAct_ = new QAction(tr("&Fit Image"), this);
  zoomFitAct_->setObjectName(QStringLiteral("actionZoomFit"));
  zoomFitAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  connect(zoomInAct_, &QAction::triggered, imageView_, &ImageView::zoomIn);
  connect(zoomOutAct_, &QAction::triggered, imageView_, &ImageView::zoomOut);
  connect(zoomFitAct_, &QAction::triggered, imageView_, &ImageView::zoomToFit);
}

QWidget* ProjectPage::createEmptyHint(QAction* importAction) {
  auto* emptyPage = new QWidget;
  auto* empty = new QLabel(tr("<p><b>No images yet.</b></p><p>Import a labels CSV, a folder of "
                              "images or a BDGP dump.</p>"),
                           emptyPage);
  empty->setObjectName(QStringLiteral("emptyProjectHint"));
  empty->setAlignment(Qt::AlignCenter);
  empty->setWordWrap(true);
  empty->setForegroundRole(QPalette::PlaceholderText);
  auto* emptyImport = new QPushButton(importAction->icon(), tr("Import Images…"), emptyPage);
  emptyImport->setObjectName(QStringLiteral("emptyImportButton"));
  emptyImport->setToolTip(importAction->toolTip());
  emptyImport->setAccessibleName(tr("Import images"));
  emptyImport->setIconSize(QSize(20, 20));
  emptyImport->setMinimumSize(150, 36);
  connect(emptyImport, &QPushButton::clicked, importAction, &QAction::trigger);
  auto* emptyLayout = new QVBoxLayout(emptyPage);
  emptyLayout->addStretch();
  emptyLayout->addWidget(empty);
  emptyLayout->addWidget(emptyImport, 0, Qt::AlignHCenter);
  emptyLayout->addStretch();
  return emptyPage;
}

void ProjectPage::saveLayout() const {
  using L = Preferences::Layout;
  Preferences::setLayout(L::ProjectSplitter, saveState());
  Preferences::setLayout(L::ImageSplitter, imageSplitter()->saveState());
  Preferences::setLayout(L::TableHeader, browser_->table()->horizontalHeader()->saveState());
}

void ProjectPage::restoreLayout() {
  using L = Preferences::Layout;
  restoreState(Preferences::layout(L::ProjectSplitter));
  imageSplitter()->restoreState(Preferences::layout(L::ImageSplitter));
  browser_->table()->horizontalHeader()->restoreState(Preferences::layout(L::TableHeader));
}

QSplitter* ProjectPage::imageSplitter() const {
  return imageView_->findChild<QSplitter*>(QStringLiteral("imageSplitter"));
}

void ProjectPage::showEmptyHint(bool empty) {
  browserOrEmpty_->setCurrentIndex(empty ? 1 : 0);
}

}  // namespace flystage::ui
