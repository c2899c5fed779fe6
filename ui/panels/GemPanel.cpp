#include "GemPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "BackgroundTask.h"
#include "DisplayNames.h"
#include "SaliencyMethodBox.h"
#include "figure/GemFigure.h"
#include "interpret/GemProvenance.h"
#include "interpret/StageGems.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "train/TrainConfig.h"
#include "util/Error.h"

namespace flystage::ui {

namespace {

struct GemJob {
  GemResult gems;
  figure::Figure figure;
  bool masked = false;
};

}  // namespace

GemPanel::GemPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("gemPanel"));
  task_ = new BackgroundTask(this);
  run_ = new QComboBox;
  run_->setObjectName(QStringLiteral("gemRun"));
  run_->setAccessibleName(tr("Model run"));
  run_->setToolTip(
      tr("The run whose predictions assign images to stages and whose saliency masks them"));
  assignment_ = new QComboBox;
  assignment_->setObjectName(QStringLiteral("gemAssignment"));
  assignment_->setAccessibleName(tr("Assign images by"));
  assignment_->addItem(tr("Predicted stage"), QStringLiteral("prediction"));
  assignment_->addItem(tr("Stage label"), QStringLiteral("label"));
  assignment_->setToolTip(
      tr("Count each image for its predicted stage, or for its precise stage label"));
  minConfidence_ = new QDoubleSpinBox;
  minConfidence_->setObjectName(QStringLiteral("gemMinConfidence"));
  minConfidence_->setAccessibleName(tr("Minimum confidence"));
  minConfidence_->setRange(0, 1);
  minConfidence_->setSingleStep(0.05);
  minConfidence_->setDecimals(2);
  minConfidence_->setValue(0.5);
  minConfidence_->setToolTip(tr("Only images whose predicted stage has at least this probability"));
  gene_ = new QComboBox;
  gene_->setObjectName(QStringLiteral("gemGene"));
  gene_->setAccessibleName(tr("Gene"));
  gene_->setEditable(true);
  gene_->setInsertPolicy(QComboBox::NoInsert);
  gene_->setToolTip(tr("One gene's images, or all genes (genome-wide)"));
  masked_ = new QCheckBox(tr("&Masked by saliency"));
  masked_->setObjectName(QStringLiteral("gemMasked"));
  masked_->setToolTip(
      tr("Weight each embryo pixel by its saliency as the overlay shows it (scaled to the "
         "map's 99th percentile), so the maps show the regions that decided the stage"));
  method_ = new QComboBox;
  method_->setObjectName(QStringLiteral("gemSaliencyMethod"));
  method_->setAccessibleName(tr("Saliency method"));
  fillSaliencyMethods(method_);
  method_->setToolTip(tr("How the saliency masks are computed"));
  colormap_ = new QComboBox;
  colormap_->setObjectName(QStringLiteral("gemColormap"));
  colormap_->setAccessibleName(tr("Colour map"));
  for (const auto& name : colormapNames()) colormap_->addItem(QString::fromStdString(name));
  colormap_->setToolTip(tr("Colour scale of the maps"));

  buildButton_ = new QPushButton(tr("&Build GEMs"));
  buildButton_->setObjectName(QStringLiteral("gemBuild"));
  buildButton_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
  buildButton_->setToolTip(tr("Build the expression maps of every stage (Ctrl+B)"));
  cancelButton_ = new QPushButton(tr("Cancel"));
  cancelButton_->setObjectName(QStringLiteral("gemCancel"));
  cancelButton_->setToolTip(tr("Stop building"));
  exportButton_ = new QPushButton(tr("&Export…"));
  exportButton_->setObjectName(QStringLiteral("gemExport"));
  exportButton_->setToolTip(tr("Save the figure as PNG, SVG or PDF, with a CSV of its numbers"));
  progress_ = new QProgressBar;
  progress_->setObjectName(QStringLiteral("gemProgress"));
  progress_->setAccessibleName(tr("GEM progress"));
  status_ = new QLabel;
  status_->setObjectName(QStringLiteral("gemStatus"));
  status_->setWordWrap(true);

  auto* form = new QFormLayout;
  form->addRow(tr("&Run:"), run_);
  form->addRow(tr("Assign &by:"), assignment_);
  form->addRow(tr("Min. &confidence:"), minConfidence_);
  form->addRow(tr("&Gene:"), gene_);
  form->addRow(QString(), masked_);
  form->addRow(tr("&Saliency:"), method_);
  form->addRow(tr("Colour &map:"), colormap_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(buildButton_);
  buttons->addWidget(cancelButton_);
  buttons->addWidget(exportButton_);
  auto* side = new QVBoxLayout;
  side->addLayout(form);
  side->addLayout(buttons);
  side->addWidget(progress_);
  side->addWidget(status_);
  side->addStretch(1);

  view_ = new QLabel;
  view_->setObjectName(QStringLiteral("gemView"));
  view_->setAccessibleName(tr("Expression maps"));
  view_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  view_->setText(tr("Choose a run and press Build to see the expression maps of every stage."));
  auto* scroll = new QScrollArea;
  scroll->setWidget(view_);
  scroll->setWidgetResizable(true);

  auto* layout = new QHBoxLayout(this);
  auto* sideWidget = new QWidget;
  sideWidget->setLayout(side);
  // In a low dock the settings scroll rather than hold the dock tall.
  auto* sideScroll = new QScrollArea;
  sideScroll->setObjectName(QStringLiteral("gemSettingsScroll"));
  sideScroll->setWidget(sideWidget);
  sideScroll->setWidgetResizable(true);
  sideScroll->setFrameShape(QFrame::NoFrame);
  sideScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // As wide as the settings were, with room for the scroll bar beside them.
  sideScroll->setFixedWidth(320 + style()->pixelMetric(QStyle::PM_ScrollBarExtent));
  layout->addWidget(sideScroll);
  layout->addWidget(scroll, 1);

  connect(buildButton_, &QPushButton::clicked, this, &GemPanel::build);
  connect(cancelButton_, &QPushButton::clicked, this, &GemPanel::cancel);
  connect(exportButton_, &QPushButton::clicked, this, &GemPanel::exportDialog);
  connect(assignment_, &QComboBox::currentIndexChanged, this, &GemPanel::updateControls);
  connect(masked_, &QCheckBox::toggled, this, &GemPanel::updateControls);
  connect(run_, &QComboBox::currentIndexChanged, this, &GemPanel::updateControls);
  connect(run_, &QComboBox::currentIndexChanged, this, &GemPanel::updateMethodMarks);
  connect(task_, &BackgroundTask::progress, this, [this](const QVariant& value) {
    const auto e = value.value<ProgressEvent>();
    if (e.total == 0) return;
    progress_->setRange(0, static_cast<int>(e.total));
    progress_->setValue(static_cast<int>(e.done));
  });
  connect(task_, &BackgroundTask::finished, this, [this](const QVariant& job) {
    onFinished(job.value<std::shared_ptr<GemJob>>(), {}, false);
  });
  connect(task_, &BackgroundTask::failed, this,
          [this](const QString& error) { onFinished(nullptr, error, false); });
  connect(task_, &BackgroundTask::cancelled, this, [this] { onFinished(nullptr, {}, true); });
  updateControls();
}

GemPanel::~GemPanel() {
  task_->cancelAndWait();  // before the widgets go: nothing is delivered to them
}

void GemPanel::setProject(Project* project) {
  project_ = project;
  figure_.reset();
  view_->setPixmap({});
  view_->setText(tr("Choose a run and press Build to see the expression maps of every stage."));
  refresh();
}

void GemPanel::refresh() {
  const QVariant current = run_->currentData();
  run_->clear();
  gene_->clear();
  gene_->addItem(tr("All genes (genome-wide)"), QString());
  if (project_) {
    auto runs = runstore::runs(*project_);
    // Newest first, and a two-step run (the paper's method: the one with L_S, not its CE-only
    // ablation two-step-no-ls) preferred as the default.
    const auto papers = [](const RunRecord& r) { return r.method == methodName(Method::TwoStep); };
    std::sort(runs.begin(), runs.end(), [&](const RunRecord& a, const RunRecord& b) {
      if (papers(a) != papers(b)) return papers(a);
      return a.id > b.id;
    });
    for (const auto& r : runs) {
      if (r.status != "finished" || r.method == "gabor") continue;
      run_->addItem(tr("#%1 %2 (%3, seed %4)")
                        .arg(r.id)
                        .arg(methodTitle(r.method), QString::fromStdString(r.preset))
                        .arg(r.seed),
                    QVariant::fromValue<qint64>(r.id));
    }
    for (const auto& g : project_->genes())
      gene_->addItem(QString::fromStdString(g), QString::fromStdString(g));
  }
  run_->addItem(tr("None (stage labels only)"), QVariant::fromValue<qint64>(0));
  const int again = run_->findData(current);
  if (again >= 0) run_->setCurrentIndex(again);
  if (run_->currentData().toLongLong() > 0)
    assignment_->setCurrentIndex(assignment_->findData(QStringLiteral("prediction")));
  updateControls();
  updateMethodMarks();  // checks stored since the last refresh
}

void GemPanel::selectRun(qint64 runId) {
  const int i = run_->findData(QVariant::fromValue<qint64>(runId));
  if (i >= 0) run_->setCurrentIndex(i);
}

// A method that failed the chosen run's sanity check says so here too: its masks would weigh
// pixels the model did not rely on.
void GemPanel::updateMethodMarks() {
  markSaliencyMethods(method_, project_, run_->currentData().toLongLong());
}

void GemPanel::updateControls() {
  const bool hasRun = run_->currentData().toLongLong() > 0;
  const bool busy = isBuilding();
  if (!hasRun) {
    assignment_->setCurrentIndex(assignment_->findData(QStringLiteral("label")));
    masked_->setChecked(false);
  }
  const bool byPrediction = assignment_->currentData().toString() == QStringLiteral("prediction");
  for (QWidget* w : std::initializer_list<QWidget*>{run_, gene_, colormap_}) w->setEnabled(!busy);
  assignment_->setEnabled(!busy && hasRun);
  minConfidence_->setEnabled(!busy && hasRun && byPrediction);
  masked_->setEnabled(!busy && hasRun);
  method_->setEnabled(!busy && hasRun && masked_->isChecked());
  buildButton_->setEnabled(!busy && project_);
  cancelButton_->setEnabled(busy);
  exportButton_->setEnabled(!busy && figure_.has_value());
  progress_->setVisible(busy);
}

void GemPanel::build() {
  if (!project_ || isBuilding()) return;
  GemRequest request;
  const qint64 runId = run_->currentData().toLongLong();
  if (runId > 0) request.runId = runId;
  request.assignment = parseStageAssignment(assignment_->currentData().toString().toStdString());
  request.minConfidence =
      request.assignment == StageAssignment::Prediction ? minConfidence_->value() : 0;
  request.gene = gene_->currentData().toString().toStdString();
  if (gene_->currentIndex() < 0 || gene_->currentText() != gene_->itemText(gene_->currentIndex()))
    request.gene = gene_->currentText().trimmed().toStdString();  // typed, not picked
  request.masked = masked_->isChecked();
  request.saliency.method = parseSaliencyMethod(method_->currentData().toString().toStdString());
  figure::GemFigureOptions options;
  options.colormap = parseColormap(colormap_->currentText().toStdString());
  options.masked = request.masked;
  options.gene = request.gene;
  const std::string file = project_->file().string();
  progress_->setRange(0, 0);
  status_->setText(tr("Building…"));
  task_->start([file, request, options](TaskContext& context) {
    Project project = Project::open(file, OpenMode::ReadOnly);
    auto report = [&context](const ProgressEvent& e) { context.progress(e); };
    GemResult gems = buildStageGems(project, request, report, context.cancelToken());
    std::string runMethod;
    if (request.runId)
      if (auto r = runstore::run(project, *request.runId)) runMethod = r->method;
    // Core's provenance: the stain and the mask smoothing too, as the command line writes.
    const auto prov = gemProvenance(request, gems, file, runMethod);
    auto job = std::make_shared<GemJob>();
    job->figure = figure::gemFigure(gems, options, prov);
    job->gems = std::move(gems);
    job->masked = request.masked;
    return QVariant::fromValue(job);
  });
  updateControls();
}

bool GemPanel::isBuilding() const {
  return task_->isRunning();
}

void GemPanel::cancel() {
  task_->cancel();
}

void GemPanel::onFinished(std::shared_ptr<void> result, const QString& error, bool cancelled) {
  auto job = std::static_pointer_cast<GemJob>(result);
  if (job) {
    figure_ = job->figure;
    view_->setPixmap(QPixmap::fromImage(figureImage()));
    int images = 0;
    for (const auto& g : job->gems.gems) images += g.map.images;
    QString text = tr("%n image(s) in the maps; images assigned by %1.", nullptr, images)
                       .arg(QString::fromStdString(job->gems.labelSource));
    if (job->masked) {
      // What each stage's saliency masks kept of its embryos (also under each map).
      QStringList kept;
      for (const auto& g : job->gems.gems)
        if (g.map.images > 0)
          kept << tr("stage %1: %2 %").arg(g.map.stage).arg(std::lround(100 * g.map.keptFraction));
      if (!kept.isEmpty())
        text += QLatin1Char('\n') + tr("Share of the embryo the saliency masks keep: %1.")
                                        .arg(kept.join(QStringLiteral(", ")));
    }
    status_->setText(text);
    Q_EMIT built();
  } else if (cancelled) {
    status_->setText(tr("Cancelled."));
  } else {
    status_->setText(tr("Could not build the maps: %1").arg(error));
    Q_EMIT failed(error);
  }
  updateControls();
}

QImage GemPanel::figureImage() const {
  if (!figure_) return {};
  const double scale = 2.0;
  QImage image((figure_->size * scale).toSize(), QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  p.scale(scale, scale);
  figure_->paint(p);
  p.end();
  image.setDevicePixelRatio(scale);
  return image;
}

bool GemPanel::exportTo(const QString& file, bool showErrors) {
  if (!figure_) return false;
  try {
    figure::exportFigure(*figure_, file.toStdString());
    status_->setText(tr("Saved %1 (and its numbers as CSV).").arg(file));
    return true;
  } catch (const std::exception& e) {
    if (showErrors)
      QMessageBox::warning(this, tr("Export failed"),
                           tr("The figure was not saved: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
}

void GemPanel::exportDialog() {
  if (!figure_) return;
  const QString file =
      QFileDialog::getSaveFileName(this, tr("Export GEM figure"), QStringLiteral("gem.pdf"),
                                   tr("PDF (*.pdf);;SVG (*.svg);;PNG, 300 dpi (*.png)"));
  if (!file.isEmpty()) exportTo(file);
}

}  // namespace flystage::ui
