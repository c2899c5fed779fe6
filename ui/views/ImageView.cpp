#include "ImageView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QMetaObject>
#include <QProgressBar>
#include <QSlider>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "BackgroundTask.h"
#include "DisplayNames.h"
#include "OrientationRow.h"
#include "SaliencyMethodBox.h"
#include "StageProbabilityChart.h"
#include "data/ImageIo.h"
#include "data/Stage.h"
#include "interpret/Colormap.h"
#include "interpret/Saliency.h"
#include "store/Project.h"

namespace flystage::ui {

namespace {

constexpr double kZoomStep = 1.25;
constexpr int kMaxOriginalSide = 2048;  // originals are shown downscaled beyond this

QImage toQImage(const cv::Mat& bgr) {
  const QImage view(bgr.data, bgr.cols, bgr.rows, static_cast<int>(bgr.step),
                    QImage::Format_BGR888);
  return view.copy();
}

// A graphics view that fits its picture until the user zooms, zooms with the wheel around
// the pointer, and pans by dragging.
class ZoomView : public QGraphicsView {
 public:
  explicit ZoomView(QWidget* parent) : QGraphicsView(parent) {
    setScene(new QGraphicsScene(this));
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setRenderHint(QPainter::SmoothPixmapTransform);
    setBackgroundBrush(palette().brush(QPalette::Dark));
    setFrameShape(QFrame::NoFrame);
  }
  void fit() {
    fitting_ = true;
    if (!scene()->items().isEmpty()) fitInView(scene()->itemsBoundingRect(), Qt::KeepAspectRatio);
  }
  void zoomBy(double factor) {
    fitting_ = false;
    const double z = std::clamp(transform().m11() * factor, 0.05, 40.0);
    setTransform(QTransform::fromScale(z, z));
  }
  double zoom() const { return transform().m11(); }
  void setPicture(QGraphicsPixmapItem* item, const QImage& image) {
    item->setPixmap(QPixmap::fromImage(image));
    scene()->setSceneRect(item->boundingRect());
    if (fitting_) fit();
  }

 protected:
  void wheelEvent(QWheelEvent* e) override {
    const double steps = e->angleDelta().y() / 120.0;
    if (steps != 0) zoomBy(std::pow(kZoomStep, steps));
    e->accept();
  }
  void resizeEvent(QResizeEvent* e) override {
    QGraphicsView::resizeEvent(e);
    if (fitting_) fit();
  }

 private:
  bool fitting_ = true;
};

ZoomView* zoomView(QGraphicsView* v) {
  return static_cast<ZoomView*>(v);
}

}  // namespace

ImageView::ImageView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("imageView"));
  setAccessibleName(tr("Image view"));
  originalTask_ = new BackgroundTask(this);
  connect(originalTask_, &BackgroundTask::finished, this,
          [this](const QVariant& image) { onOriginalLoaded(image.value<QImage>(), {}); });
  connect(originalTask_, &BackgroundTask::failed, this,
          [this](const QString& error) { onOriginalLoaded({}, error); });

  header_ = new QLabel(this);
  header_->setObjectName(QStringLiteral("imageHeader"));
  header_->setTextFormat(Qt::PlainText);
  header_->setWordWrap(true);
  header_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* standardized = new ZoomView(this);
  standardized->setObjectName(QStringLiteral("standardizedView"));
  standardized->setAccessibleName(tr("Standardized image"));
  standardized->setToolTip(
      tr("The standardized image the model sees: anterior left, dorsal up. "
         "Wheel or Ctrl++ / Ctrl+- to zoom, drag to pan, Ctrl+0 to fit"));
  standardizedView_ = standardized;
  standardizedItem_ = standardized->scene()->addPixmap(QPixmap());
  standardizedItem_->setTransformationMode(Qt::SmoothTransformation);

  auto* originalBox = new QWidget(this);
  auto* original = new ZoomView(originalBox);
  original->setObjectName(QStringLiteral("originalView"));
  original->setAccessibleName(tr("Original image"));
  original->setToolTip(tr("The original file as imported, before standardization"));
  originalView_ = original;
  originalItem_ = original->scene()->addPixmap(QPixmap());
  originalItem_->setTransformationMode(Qt::SmoothTransformation);
  originalNote_ = new QLabel(originalBox);
  originalNote_->setObjectName(QStringLiteral("originalNote"));
  originalNote_->setWordWrap(true);
  originalNote_->setTextFormat(Qt::PlainText);
  originalNote_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  originalNote_->setVisible(false);
  auto* originalLayout = new QVBoxLayout(originalBox);
  originalLayout->setContentsMargins(0, 0, 0, 0);
  originalLayout->addWidget(original, 1);
  originalLayout->addWidget(originalNote_);

  splitter_ = new QSplitter(Qt::Vertical, this);
  splitter_->setObjectName(QStringLiteral("imageSplitter"));
  splitter_->addWidget(standardized);
  splitter_->addWidget(originalBox);
  splitter_->setChildrenCollapsible(false);
  splitter_->setStretchFactor(0, 3);  // the image the model sees gets the larger share
  splitter_->setStretchFactor(1, 2);

  auto button = [this](const QString& name, const QString& text, const QString& accessible,
                       const QString& tip) {
    auto* b = new QToolButton(this);
    b->setObjectName(name);
    b->setText(text);
    b->setAccessibleName(accessible);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
  };
  zoomOutButton_ = button(QStringLiteral("zoomOutButton"), QStringLiteral("−"), tr("Zoom out"),
                          tr("Zoom out (Ctrl+-)"));
  zoomInButton_ = button(QStringLiteral("zoomInButton"), QStringLiteral("+"), tr("Zoom in"),
                         tr("Zoom in (Ctrl++)"));
  fitButton_ = button(QStringLiteral("zoomFitButton"), tr("Fit"), tr("Fit the image"),
                      tr("Fit the image to the view (Ctrl+0)"));
  connect(zoomInButton_, &QToolButton::clicked, this, &ImageView::zoomIn);
  connect(zoomOutButton_, &QToolButton::clicked, this, &ImageView::zoomOut);
  connect(fitButton_, &QToolButton::clicked, this, &ImageView::zoomToFit);

  saliency_ = new QCheckBox(tr("&Saliency"), this);
  saliency_->setObjectName(QStringLiteral("saliencyToggle"));
  saliency_->setAccessibleName(tr("Show saliency"));
  saliency_->setToolTip(tr("Overlay where the chosen run's model looks to call the stage"));
  method_ = new QComboBox(this);
  method_->setObjectName(QStringLiteral("saliencyMethod"));
  method_->setAccessibleName(tr("Saliency method"));
  method_->setToolTip(
      tr("Gradients (vanilla, the paper's; SmoothGrad, averaged over noisy copies; integrated "
         "gradients) or Grad-CAM's regions. A method that failed its sanity check on this run "
         "says so"));
  fillSaliencyMethods(method_);
  // A sanity mark added when another run is chosen widens the box instead of being cut off.
  method_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  colormap_ = new QComboBox(this);
  colormap_->setObjectName(QStringLiteral("saliencyColormap"));
  colormap_->setAccessibleName(tr("Saliency colour map"));
  colormap_->setToolTip(tr("The colour scale of the overlay"));
  for (const std::string& name : colormapNames())  // core's list: names and colours agree
    colormap_->addItem(QString::fromStdString(name), QString::fromStdString(name));
  opacity_ = new QSlider(Qt::Horizontal, this);
  opacity_->setObjectName(QStringLiteral("saliencyOpacity"));
  opacity_->setAccessibleName(tr("Saliency opacity"));
  opacity_->setToolTip(tr("How strongly the overlay covers the image"));
  opacity_->setRange(0, 100);
  opacity_->setValue(50);
  opacity_->setMaximumWidth(120);
  saliencyStatus_ = new QLabel(this);
  saliencyStatus_->setObjectName(QStringLiteral("saliencyStatus"));
  saliencyStatus_->setForegroundRole(QPalette::PlaceholderText);
  saliencyStatus_->setWordWrap(true);  // a refusal names the run and what to do
  saliencyStatus_->setTextFormat(Qt::PlainText);
  saliencyStatus_->setVisible(false);
  saliencyProgress_ = new QProgressBar(this);
  saliencyProgress_->setObjectName(QStringLiteral("saliencyProgress"));
  saliencyProgress_->setAccessibleName(tr("Saliency progress"));
  saliencyProgress_->setTextVisible(false);
  saliencyProgress_->setMaximumWidth(80);
  saliencyProgress_->setMaximumHeight(12);
  saliencyProgress_->setVisible(false);
  connect(saliency_, &QCheckBox::toggled, this, [this](bool on) {
    method_->setEnabled(on);
    colormap_->setEnabled(on);
    opacity_->setEnabled(on);
    if (on && map_.empty())
      requestSaliency();
    else
      setSaliencyStatus(on ? mapNote_ : QString(), false);
    render();
  });
  connect(method_, &QComboBox::currentIndexChanged, this, [this] {
    map_.release();  // a map of the other method
    if (saliency_->isChecked()) requestSaliency();
    render();
  });
  connect(colormap_, &QComboBox::currentIndexChanged, this, &ImageView::render);
  connect(opacity_, &QSlider::valueChanged, this, &ImageView::render);
  method_->setEnabled(false);
  colormap_->setEnabled(false);
  opacity_->setEnabled(false);

  auto* zoomRow = new QHBoxLayout;
  zoomRow->setSpacing(4);
  zoomRow->addWidget(zoomOutButton_);
  zoomRow->addWidget(zoomInButton_);
  zoomRow->addWidget(fitButton_);
  zoomRow->addStretch();
  auto* saliencyRow = new QHBoxLayout;
  saliencyRow->setSpacing(4);
  saliencyRow->addWidget(saliency_);
  saliencyRow->addWidget(method_);
  saliencyRow->addWidget(colormap_);
  auto* opacityCaption = new QLabel(tr("Opacity"), this);
  opacityCaption->setBuddy(opacity_);
  saliencyRow->addWidget(opacityCaption);
  saliencyRow->addWidget(opacity_, 1);
  opacity_->setMinimumWidth(60);
  opacity_->setMaximumWidth(160);
  // Below the controls, only while there is something to say: the row stays as narrow as the
  // widest method name (a sanity mark included) needs.
  auto* saliencyStatusRow = new QHBoxLayout;
  saliencyStatusRow->setSpacing(6);
  saliencyStatusRow->addWidget(saliencyProgress_);
  saliencyStatusRow->addWidget(saliencyStatus_, 1);

  prediction_ = new QLabel(this);
  prediction_->setObjectName(QStringLiteral("predictionText"));
  prediction_->setTextFormat(Qt::PlainText);
  chart_ = new StageProbabilityChart(this);
  orientation_ = new OrientationRow(this);
  connect(orientation_, &OrientationRow::orientationChanged, this, [this](qint64 id) {
    if (id == imageId_ && project_) {
      try {
        standardized_ = project_->standardizedImage(id);
      } catch (const std::exception& e) {
        standardized_.release();
        originalNote_->setText(QString::fromUtf8(e.what()));
        originalNote_->setVisible(true);
      }
      map_.release();  // a map of the old pixels
      if (saliency_->isChecked()) requestSaliency();
      render();
    }
    Q_EMIT orientationChanged(id);
  });

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->setSpacing(4);
  layout->addWidget(header_);
  layout->addWidget(splitter_, 1);
  layout->addWidget(orientation_);
  layout->addLayout(zoomRow);
  layout->addLayout(saliencyRow);
  layout->addLayout(saliencyStatusRow);
  layout->addWidget(prediction_);
  layout->addWidget(chart_);
  setPrediction(nullptr, std::nullopt);
  showImage(0);
}

ImageView::~ImageView() {
  originalTask_->cancelAndWait();
}

QStringList ImageView::saliencyMethods() {
  QStringList names;
  for (const SaliencyMethod m : flystage::saliencyMethods())
    names << QString::fromStdString(saliencyMethodName(m));
  return names;
}

void ImageView::setProject(Project* project) {
  project_ = project;
  runId_ = 0;
  orientation_->setProject(project);
  updateMethodMarks();
  showImage(0);
}

void ImageView::setRun(qint64 runId) {
  if (!project_) runId = 0;
  if (runId == runId_) return;
  runId_ = runId;
  updateMethodMarks();
  map_.release();  // the other run's model
  if (imageId_ != 0 && saliency_->isChecked()) requestSaliency();
  render();
}

// One read of the run's stored sanity results when the run changes (a few rows of the
// metrics table), not per paint or per image.
void ImageView::updateMethodMarks() {
  markSaliencyMethods(method_, project_, runId_);
}

void ImageView::showImage(qint64 imageId) {
  if (!project_) imageId = 0;
  const bool sameImage = imageId == imageId_ && imageId != 0;
  imageId_ = imageId;
  if (!sameImage) {
    map_.release();
    setSaliencyStatus({}, false);  // what was said of the previous image
  }
  standardized_.release();
  originalTask_->discard();  // a read still running for the previous image is ignored
  originalMissing_ = false;
  originalItem_->setPixmap(QPixmap());
  originalNote_->setVisible(false);
  std::optional<ImageRecord> record;
  if (imageId_ != 0) {
    try {
      record = project_->image(imageId_);
      standardized_ = project_->standardizedImage(imageId_);
    } catch (const std::exception& e) {
      originalNote_->setText(QString::fromUtf8(e.what()));
      originalNote_->setVisible(true);
    }
  }
  updateHeader();
  orientation_->showImage(imageId_);
  render();
  if (record) loadOriginal(QString::fromStdString(record->path));
  if (!sameImage && imageId_ != 0 && saliency_->isChecked()) requestSaliency();
  if (imageId_ == 0) setPrediction(nullptr, std::nullopt);
}

void ImageView::refreshLabel() {
  updateHeader();
}

void ImageView::updateHeader() {
  if (!project_ || imageId_ == 0) {
    header_->setText(tr("No image selected"));
    return;
  }
  try {
    const auto record = project_->image(imageId_);
    const Label label = project_->label(imageId_);
    const auto split = project_->splitPart(imageId_);
    QStringList parts;
    parts << tr("#%1").arg(imageId_);
    if (record) parts << QFileInfo(QString::fromStdString(record->path)).fileName();
    if (record && !record->gene.empty()) parts << QString::fromStdString(record->gene);
    parts << (label.empty() ? tr("unlabelled")
                            : tr("label %1").arg(QString::fromStdString(label.text())));
    if (split) parts << tr("%1 part").arg(QString::fromStdString(splitPartName(*split)));
    header_->setText(parts.join(QStringLiteral("  ·  ")));
  } catch (const std::exception& e) {
    header_->setText(QString::fromUtf8(e.what()));
  }
}

void ImageView::loadOriginal(const QString& path) {
  const QFileInfo info(path);
  if (!info.exists()) {
    originalMissing_ = true;
    originalNote_->setText(tr("The original file is missing: %1\nIt was moved or deleted after "
                              "the import; the standardized copy above is kept in the project.")
                               .arg(path));
    originalNote_->setVisible(true);
    return;
  }
  const std::string file = path.toStdString();
  originalTask_->start([file](TaskContext& context) {
    context.throwIfCancelled();  // another image was chosen before this read began
    cv::Mat bgr = readImage(file).bgr;
    const int side = std::max(bgr.cols, bgr.rows);
    if (side > kMaxOriginalSide) {
      const double f = static_cast<double>(kMaxOriginalSide) / side;
      cv::resize(bgr, bgr, cv::Size(), f, f, cv::INTER_AREA);
    }
    return QVariant(toQImage(bgr));
  });
}

void ImageView::onOriginalLoaded(const QImage& image, const QString& error) {
  const qint64 imageId = imageId_;  // a read for another image was discarded
  if (!error.isEmpty()) {
    originalNote_->setText(tr("The original file could not be read: %1").arg(error));
    originalNote_->setVisible(true);
  } else {
    zoomView(originalView_)->setPicture(originalItem_, image);
  }
  Q_EMIT originalLoaded(imageId);
}

bool ImageView::originalShown() const {
  return !originalItem_->pixmap().isNull();
}

QString ImageView::originalNote() const {
  return originalNote_->isVisible() ? originalNote_->text() : QString();
}

void ImageView::setPrediction(const StoredPrediction* p, std::optional<int> trueStage,
                              bool runChosen) {
  if (!p || p->probabilities.size() != static_cast<std::size_t>(kNumFineStages)) {
    prediction_->setText(runChosen ? tr("The chosen run has no prediction for this image")
                                   : tr("No prediction: choose a run with stored predictions "
                                        "under Filters > Run"));
    chart_->clear();
    return;
  }
  QVector<double> values;
  for (float v : p->probabilities) values << v;
  // The bars are the model's own probabilities; the call is the one the browser and the A key
  // use (inside the image's known range when the constraint was on).
  const int call = p->call();
  chart_->setProbabilities(values, call, trueStage);
  QString text = tr("Predicted stage %1 (%2%)").arg(call).arg(qRound(p->callProbability() * 100));
  if (call != p->stage && p->range)
    text += tr(" inside the range %1 · the model alone: %2 (%3%)")
                .arg(QString::fromStdString(p->range->name()))
                .arg(p->stage)
                .arg(qRound(p->probability * 100));
  if (trueStage)
    text += (*trueStage == call ? tr(" · right: true stage %1") : tr(" · wrong: true stage %1"))
                .arg(*trueStage);
  prediction_->setText(text);
}

QVector<double> ImageView::probabilities() const {
  return chart_->probabilities();
}

QString ImageView::predictionText() const {
  return prediction_->text();
}

void ImageView::setSaliencyMap(qint64 imageId, const cv::Mat& map) {
  setSaliencyMap(imageId, saliencyMethod(), map);
}

void ImageView::setSaliencyMap(qint64 imageId, const QString& method, const cv::Mat& map,
                               int stage) {
  if (imageId != imageId_ || imageId == 0 || method != saliencyMethod()) return;
  if (map.empty() || map.channels() != 1) {
    setSaliencyStatus(tr("The saliency map is empty"), false);
    return;
  }
  map.convertTo(map_, CV_32F);
  mapNote_ = stage > 0 ? tr("Explains stage %1").arg(stage) : QString();
  setSaliencyStatus(saliency_->isChecked() ? mapNote_ : QString(), false);
  render();
}

void ImageView::setSaliencyProgress(qint64 imageId, const QString& method, int done, int total) {
  if (imageId != imageId_ || imageId == 0 || method != saliencyMethod() || !computing_) return;
  if (total <= 1) return;  // one pass (Grad-CAM), or the count of images: nothing to count
  saliencyProgress_->setRange(0, total);
  saliencyProgress_->setValue(std::clamp(done, 0, total));
  saliencyProgress_->setVisible(true);
  saliencyStatus_->setText(
      tr("%1: %2 of %3 passes").arg(saliencyMethodDisplayName(method)).arg(done).arg(total));
}

void ImageView::setSaliencyFailed(qint64 imageId, const QString& message) {
  if (imageId != imageId_ || imageId == 0) return;
  setSaliencyStatus(message, false);
}

void ImageView::setSaliencyStatus(const QString& text, bool computing) {
  computing_ = computing;
  saliencyStatus_->setText(text);
  saliencyStatus_->setVisible(!text.isEmpty());
  saliencyProgress_->setVisible(false);
}

QString ImageView::saliencyStatus() const {
  return saliencyStatus_->text();
}

void ImageView::setSaliencyEnabled(bool on) {
  saliency_->setChecked(on);
}

bool ImageView::saliencyEnabled() const {
  return saliency_->isChecked();
}

void ImageView::setSaliencyMethod(const QString& method) {
  const int i = method_->findData(method);
  if (i >= 0) method_->setCurrentIndex(i);
}

QString ImageView::saliencyMethod() const {
  return method_->currentData().toString();
}

void ImageView::setColormap(const QString& name) {
  const int i = colormap_->findData(name);
  if (i >= 0) colormap_->setCurrentIndex(i);
}

QString ImageView::colormap() const {
  return colormap_->currentData().toString();
}

void ImageView::setOpacity(double opacity) {
  opacity_->setValue(qRound(std::clamp(opacity, 0.0, 1.0) * 100));
}

double ImageView::opacity() const {
  return opacity_->value() / 100.0;
}

void ImageView::requestSaliency() {
  if (imageId_ == 0) return;
  setSaliencyStatus(tr("Computing saliency…"), true);
  Q_EMIT saliencyRequested(imageId_, saliencyMethod());
}

void ImageView::render() {
  if (standardized_.empty()) {
    displayed_ = QImage();
    standardizedItem_->setPixmap(QPixmap());
    return;
  }
  cv::Mat shown = standardized_;
  if (saliency_->isChecked() && !map_.empty())
    // The combo box holds only core's names, so parseColormap cannot throw here.
    shown = saliencyOverlay(standardized_, map_, parseColormap(colormap().toStdString()),
                            kSaliencyQuantile, opacity());
  displayed_ = toQImage(shown);
  zoomView(standardizedView_)->setPicture(standardizedItem_, displayed_);
}

// The buttons and keys act on both pictures (each keeps its own scale times the step); the
// wheel zooms the one under the pointer.
void ImageView::zoomIn() {
  for (QGraphicsView* v : {standardizedView_, originalView_}) zoomView(v)->zoomBy(kZoomStep);
}

void ImageView::zoomOut() {
  for (QGraphicsView* v : {standardizedView_, originalView_}) zoomView(v)->zoomBy(1.0 / kZoomStep);
}

void ImageView::zoomToFit() {
  for (QGraphicsView* v : {standardizedView_, originalView_}) zoomView(v)->fit();
}

double ImageView::zoom() const {
  return zoomView(standardizedView_)->zoom();
}

double ImageView::originalZoom() const {
  return zoomView(originalView_)->zoom();
}

}  // namespace flystage::ui
