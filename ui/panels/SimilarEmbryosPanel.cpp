#include "SimilarEmbryosPanel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <opencv2/imgproc.hpp>

#include "BackgroundTask.h"
#include "store/ImportedModel.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "util/Error.h"

namespace flystage::ui {

namespace {

constexpr int kThumbWidth = 96;

QImage thumbnail(Project& project, qint64 id) {
  const cv::Mat bgr = project.standardizedImage(id);
  if (bgr.empty()) return {};
  cv::Mat small;
  cv::resize(bgr, small, cv::Size(kThumbWidth, std::max(1, bgr.rows * kThumbWidth / bgr.cols)), 0,
             0, cv::INTER_AREA);
  return QImage(small.data, small.cols, small.rows, static_cast<int>(small.step),
                QImage::Format_BGR888)
      .copy();  // owns its pixels: `small` goes
}

}  // namespace

SimilarEmbryosPanel::SimilarEmbryosPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("similarEmbryosPanel"));
  findAct_ = new QAction(tr("Find &Similar Embryos"), this);
  findAct_->setObjectName(QStringLiteral("findSimilarAction"));
  // Ctrl+Shift+F is View > Filters already.
  findAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
  findAct_->setToolTip(
      tr("List the embryos most like the shown image by the shown run's learned feature "
         "(Ctrl+Alt+F)"));
  findAct_->setEnabled(false);
  connect(findAct_, &QAction::triggered, this, [this] { find(); });

  task_ = new BackgroundTask(this);
  status_ =
      new QLabel(tr("Choose a network run in the browser and an image, then Find Similar "
                    "Embryos."));
  status_->setObjectName(QStringLiteral("similarStatus"));
  status_->setWordWrap(true);
  progress_ = new QProgressBar;
  progress_->setObjectName(QStringLiteral("similarProgress"));
  progress_->hide();
  cancel_ = new QPushButton(tr("Cancel"));
  cancel_->setObjectName(QStringLiteral("similarCancel"));
  cancel_->hide();
  connect(cancel_, &QPushButton::clicked, this, &SimilarEmbryosPanel::cancel);
  table_ = new QTableWidget(0, 6);
  table_->setObjectName(QStringLiteral("similarTable"));
  table_->setHorizontalHeaderLabels(
      {tr("Image"), tr("Id"), tr("Similarity"), tr("Stage"), tr("Gene"), tr("Call")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setIconSize(QSize(kThumbWidth, kThumbWidth * 128 / 320));
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  connect(table_, &QTableWidget::cellClicked, this, [this](int row, int) {
    if (row >= 0 && row < static_cast<int>(rows_.size()))
      Q_EMIT imageActivated(rows_[static_cast<std::size_t>(row)].embryo.imageId);
  });

  auto* bar = new QHBoxLayout;
  bar->addWidget(progress_, 1);
  bar->addWidget(cancel_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(status_);
  layout->addLayout(bar);
  layout->addWidget(table_, 1);

  connect(task_, &BackgroundTask::progress, this, [this](const QVariant& value) {
    const auto e = value.value<ProgressEvent>();
    progress_->setRange(0, static_cast<int>(e.total));
    progress_->setValue(static_cast<int>(e.done));
    status_->setText(tr("Indexing the run's features: %1 of %2 images…").arg(e.done).arg(e.total));
  });
  const auto done = [this](const QString& text) {
    progress_->hide();
    cancel_->hide();
    status_->setText(text);
    setContext(runId_, imageId_);
    Q_EMIT searched();
  };
  connect(task_, &BackgroundTask::finished, this, [this, done](const QVariant&) {
    rows_ = std::move(*pending_);
    showRows();
    done(tr("%n embryo(s) most like image #%1 by run #%2", nullptr, static_cast<int>(rows_.size()))
             .arg(imageId_)
             .arg(runId_));
  });
  connect(task_, &BackgroundTask::failed, this, [done](const QString& m) { done(m); });
  connect(task_, &BackgroundTask::cancelled, this,
          [done, this] { done(tr("Cancelled; the index is kept as it was.")); });
}

SimilarEmbryosPanel::~SimilarEmbryosPanel() {
  task_->cancelAndWait();  // before the widgets go: nothing is delivered to them
}

void SimilarEmbryosPanel::setProject(Project* project) {
  if (project == project_) return;  // reloaded: the results stay
  task_->cancelAndWait();
  project_ = project;
  rows_.clear();
  showRows();
  progress_->hide();
  cancel_->hide();
  setContext(0, 0);
}

void SimilarEmbryosPanel::setContext(qint64 runId, qint64 imageId) {
  runId_ = runId;
  imageId_ = imageId;
  bool network = false;
  if (project_ && runId > 0) {
    try {
      const auto run = runstore::run(*project_, runId);
      network = run && trainedMethodName(run->method) != "gabor" && run->status == "finished";
    } catch (const std::exception&) {  // an unreadable project: no search
    }
  }
  findAct_->setEnabled(network && imageId > 0 && !isSearching());
}

bool SimilarEmbryosPanel::isSearching() const {
  return task_->isRunning();
}

void SimilarEmbryosPanel::cancel() {
  task_->cancel();
}

bool SimilarEmbryosPanel::find() {
  if (!project_ || !findAct_->isEnabled()) return false;
  const std::string file = project_->file().string();
  const bool readOnly = project_->readOnly();
  const std::int64_t run = runId_, image = imageId_;
  const int k = k_;
  pending_ = std::make_shared<std::vector<Row>>();
  auto out = pending_;
  findAct_->setEnabled(false);
  progress_->setRange(0, 0);
  progress_->show();
  cancel_->show();
  status_->setText(tr("Searching…"));
  task_->start([file, readOnly, run, image, k, out](TaskContext& context) {
    // The work's own connection: it writes the index (one transaction) off the GUI thread.
    Project project = Project::open(file, readOnly ? OpenMode::ReadOnly : OpenMode::Existing);
    const auto found = findSimilar(
        project, run, image, k, false, [&context](const ProgressEvent& e) { context.progress(e); },
        context.cancelToken());
    for (const auto& e : found) out->push_back({e, thumbnail(project, e.imageId)});
    return QVariant();
  });
  return true;
}

void SimilarEmbryosPanel::showRows() {
  table_->setRowCount(static_cast<int>(rows_.size()));
  for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
    const auto& r = rows_[static_cast<std::size_t>(i)];
    auto* thumb = new QTableWidgetItem;
    thumb->setIcon(QIcon(QPixmap::fromImage(r.thumbnail)));
    thumb->setToolTip(QString::fromStdString(r.embryo.path));
    table_->setItem(i, 0, thumb);
    table_->setItem(i, 1, new QTableWidgetItem(QString::number(r.embryo.imageId)));
    table_->setItem(i, 2, new QTableWidgetItem(QString::number(r.embryo.similarity, 'f', 3)));
    table_->setItem(i, 3, new QTableWidgetItem(QString::fromStdString(r.embryo.label.text())));
    table_->setItem(i, 4, new QTableWidgetItem(QString::fromStdString(r.embryo.gene)));
    table_->setItem(i, 5,
                    new QTableWidgetItem(r.embryo.call ? QString::number(*r.embryo.call)
                                                       : QStringLiteral("–")));
  }
  table_->resizeColumnsToContents();
  table_->resizeRowsToContents();
}

}  // namespace flystage::ui
