#include "ImageTableModel.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <climits>
#include <set>

#include "ThumbnailLoader.h"
#include "data/Stage.h"
#include "model/RangeConstraint.h"
#include "store/Project.h"
#include "util/Error.h"

namespace flystage::ui {

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

QString labelSourceText(LabelSource source) {
  switch (source) {
    case LabelSource::Import:
      return ImageTableModel::tr("Label from the import");
    case LabelSource::Model:
      return ImageTableModel::tr("Label from an accepted model prediction");
    case LabelSource::User:
      break;
  }
  return ImageTableModel::tr("Label set by hand");
}

// Headers sit over their column's values: numbers right, the short stage numbers centred.
Qt::Alignment alignment(int column) {
  switch (column) {
    case ImageTableModel::Id:
    case ImageTableModel::Confidence:
    case ImageTableModel::QueueRank:
      return Qt::AlignRight | Qt::AlignVCenter;
    case ImageTableModel::Thumbnail:
    case ImageTableModel::Stage:
    case ImageTableModel::Predicted:
      return Qt::AlignCenter;
    default:
      return Qt::AlignLeft | Qt::AlignVCenter;
  }
}

QString labelShort(const Label& l) {
  if (l.stage) return ImageTableModel::tr("stage %1").arg(*l.stage);
  if (l.range) return qs(l.range->name());
  return ImageTableModel::tr("unlabelled");
}

QPixmap tilePixmap(QSize logical, qreal dpr, bool unavailable) {
  QPixmap p(logical * dpr);
  p.setDevicePixelRatio(dpr);
  const QPalette pal = QGuiApplication::palette();
  p.fill(pal.color(QPalette::Midlight));
  if (unavailable) {  // a crossed box: this image's pixels could not be read
    QPainter painter(&p);
    painter.setPen(QPen(pal.color(QPalette::Mid), 1.5));
    const QRectF r(2, 2, logical.width() - 4, logical.height() - 4);
    painter.drawRect(r);
    painter.drawLine(r.topLeft(), r.bottomRight());
    painter.drawLine(r.topRight(), r.bottomLeft());
  }
  return p;
}

}  // namespace

ImageTableModel::ImageTableModel(QObject* parent)
    : QAbstractTableModel(parent), loader_(new ThumbnailLoader(this)) {
  // Sharp on high-DPI screens: up to the full 320 x 128 pixels at a ratio of 2.
  dpr_ = std::clamp(qGuiApp->devicePixelRatio(), 1.0, 2.0);
  loader_->setPixelSize(thumbnailSize() * dpr_);
  placeholder_ = tilePixmap(thumbnailSize(), dpr_, false);
  unavailable_ = tilePixmap(thumbnailSize(), dpr_, true);
  connect(loader_, &ThumbnailLoader::loaded, this, &ImageTableModel::onThumbnailLoaded);
}

ImageTableModel::~ImageTableModel() = default;

void ImageTableModel::setProject(Project* project) {
  // Read first: when the query throws, the model keeps its project and rows.
  std::vector<ImageRow> rows = project ? listImages(*project) : std::vector<ImageRow>{};
  beginResetModel();
  if (project != project_) {
    runId_ = 0;
    predictions_.clear();
    snapshotStage_.clear();
    snapshotTest_.clear();
    runHasTestPart_ = false;
    queue_.clear();
  }
  project_ = project;
  rows_ = std::move(rows);
  thumbnails_.clear();
  loader_->setProjectFile(project ? qs(project->file().string()) : QString());
  rebuildIndex();
  endResetModel();
}

void ImageTableModel::reload() {
  if (!project_) return;
  std::vector<ImageRow> rows = listImages(*project_);
  if (runId_ != 0) loadRunData();  // predict --store may have added predictions
  beginResetModel();
  rows_ = std::move(rows);
  thumbnails_.clear();
  loader_->setProjectFile(qs(project_->file().string()));
  rebuildIndex();
  endResetModel();
}

void ImageTableModel::refreshThumbnails(const QList<qint64>& imageIds) {
  if (!project_) return;
  for (qint64 id : imageIds)
    if (rowOfImage(id) >= 0) loader_->request(id);
}

void ImageTableModel::refreshLabels(const QList<qint64>& imageIds) {
  if (!project_) return;
  for (qint64 id : imageIds) {
    const int r = rowOfImage(id);
    if (r < 0) continue;
    rows_[static_cast<std::size_t>(r)].label = project_->label(id);
    rows_[static_cast<std::size_t>(r)].split = project_->splitPart(id);
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
  }
}

void ImageTableModel::setRun(std::int64_t runId) {
  if (runId != 0 && (!project_ || !runstore::run(*project_, runId)))
    throw Error("run " + std::to_string(runId) + " is not in this project; choose one of the " +
                "runs listed under Run");
  beginResetModel();
  runId_ = runId;
  queue_.clear();  // a queue ranks one run's predictions
  loadRunData();
  rebuildIndex();
  endResetModel();
}

void ImageTableModel::loadRunData() {
  predictions_.clear();
  snapshotStage_.clear();
  snapshotTest_.clear();
  runHasTestPart_ = false;
  if (!project_ || runId_ == 0) return;
  predictions_ = runstore::predictions(*project_, runId_);
  for (const RunImage& ri : runstore::runImages(*project_, runId_)) {
    if (ri.stage && ri.part != "range") snapshotStage_[ri.imageId] = *ri.stage;
    if (ri.part == "test") {
      snapshotTest_[ri.imageId] = true;
      runHasTestPart_ = true;
    }
  }
}

void ImageTableModel::setQueue(const std::vector<QueueEntry>& queue) {
  beginResetModel();
  queue_ = queue;
  rebuildIndex();
  endResetModel();
}

void ImageTableModel::rebuildIndex() {
  rowOf_.clear();
  rowOf_.reserve(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) rowOf_[rows_[i].id] = static_cast<int>(i);
  predictionOfRow_.assign(rows_.size(), -1);
  for (std::size_t i = 0; i < predictions_.size(); ++i) {
    const int r = rowOfImage(predictions_[i].imageId);
    if (r >= 0) predictionOfRow_[static_cast<std::size_t>(r)] = static_cast<int>(i);
  }
  queueRankOfRow_.assign(rows_.size(), -1);
  queueSize_ = 0;
  for (std::size_t i = 0; i < queue_.size(); ++i) {
    const int r = rowOfImage(queue_[i].imageId);
    if (r < 0) continue;
    queueRankOfRow_[static_cast<std::size_t>(r)] = static_cast<int>(i);
    ++queueSize_;
  }
}

int ImageTableModel::rowOfImage(qint64 imageId) const {
  const auto it = rowOf_.find(imageId);
  return it == rowOf_.end() ? -1 : it->second;
}

const StoredPrediction* ImageTableModel::prediction(int r) const {
  if (r < 0 || r >= static_cast<int>(predictionOfRow_.size())) return nullptr;
  const int i = predictionOfRow_[static_cast<std::size_t>(r)];
  return i < 0 ? nullptr : &predictions_[static_cast<std::size_t>(i)];
}

std::optional<int> ImageTableModel::trueStage(int r) const {
  const auto it = snapshotStage_.find(row(r).id);
  if (it != snapshotStage_.end()) return it->second;
  return row(r).label.stage;
}

bool ImageTableModel::predictedOutsideRange(int r) const {
  const StoredPrediction* p = prediction(r);
  const auto& range = row(r).label.range;
  return p && range && constrainable(*range) && outsideRange(p->stage, *range);
}

QString ImageTableModel::predictionCaption(int r) const {
  const StoredPrediction* p = prediction(r);
  if (!p) return {};
  const QString caption = tr("→ %1 · %2%").arg(p->call()).arg(qRound(p->callProbability() * 100));
  if (!predictedOutsideRange(r)) return caption;
  // Marked, not neutral: the model's own call where the range moved it, else the range missed.
  if (p->call() != p->stage) return tr("%1 (model %2)").arg(caption, QString::number(p->stage));
  return tr("%1 ≠ %2").arg(caption, qs(row(r).label.range->name()));
}

QString ImageTableModel::predictionToolTip(int r) const {
  const StoredPrediction* p = prediction(r);
  if (!p) return {};
  if (predictedOutsideRange(r)) {
    QString text = tr("The model predicts %1 (%2%), outside the range %3")
                       .arg(p->stage)
                       .arg(qRound(p->probability * 100))
                       .arg(qs(row(r).label.range->name()));
    if (p->constrainedStage)
      text += tr("; inside the range: %1 at %2%")
                  .arg(*p->constrainedStage)
                  .arg(qRound(p->constrainedProbability * 100));
    return text;
  }
  if (p->call() != p->stage && p->range)
    return tr("→ %1 at %2%, inside the range %3 (unconstrained %4 at %5%)")
        .arg(p->call())
        .arg(qRound(p->callProbability() * 100))
        .arg(qs(p->range->name()))
        .arg(p->stage)
        .arg(qRound(p->probability * 100));
  return {};
}

bool ImageTableModel::inRunTestPart(int r) const {
  return snapshotTest_.count(row(r).id) > 0;
}

int ImageTableModel::queueRank(int r) const {
  if (r < 0 || r >= static_cast<int>(queueRankOfRow_.size())) return -1;
  return queueRankOfRow_[static_cast<std::size_t>(r)];
}

const QueueEntry* ImageTableModel::queueEntry(int r) const {
  const int rank = queueRank(r);
  return rank < 0 ? nullptr : &queue_[static_cast<std::size_t>(rank)];
}

std::map<std::int64_t, Label> ImageTableModel::labels() const {
  std::map<std::int64_t, Label> out;
  for (const auto& r : rows_)
    if (!r.label.empty()) out.emplace_hint(out.end(), r.id, r.label);
  return out;
}

QStringList ImageTableModel::genes() const {
  std::set<std::string> names;
  for (const auto& r : rows_)
    if (!r.gene.empty()) names.insert(r.gene);
  QStringList out;
  out.reserve(static_cast<int>(names.size()));
  for (const auto& n : names) out << qs(n);
  return out;
}

void ImageTableModel::setThumbnailCacheMiB(int mib) {
  thumbnails_.setMaxCost(std::max(8, mib) * 1024);
}

int ImageTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ImageTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImageTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const int r = index.row();
  const ImageRow& image = row(r);
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole:
      return display(r, column);
    case SortRole:
      return sortKey(r, column);
    case ImageIdRole:
      return QVariant::fromValue<qint64>(image.id);
    case CaptionRole:
      return tr("#%1 · %2").arg(image.id).arg(labelShort(image.label));
    case PredictionCaptionRole: {
      const QString caption = predictionCaption(r);
      return caption.isEmpty() ? QVariant() : QVariant(caption);
    }
    case CorrectnessRole: {
      const StoredPrediction* p = prediction(r);
      const auto truth = trueStage(r);
      if (!p || !truth) return 0;
      return p->call() == *truth ? 1 : -1;
    }
    case OutsideRangeRole:
      return predictedOutsideRange(r);
    case ThumbnailReadyRole:
      return thumbnails_.contains(image.id);
    case Qt::DecorationRole:
      if (column == Thumbnail) return thumbnail(image);
      return {};
    case Qt::ToolTipRole:
      if (column == File || column == Thumbnail) {
        const QString prediction = column == Thumbnail ? predictionToolTip(r) : QString();
        return prediction.isEmpty() ? qs(image.path)
                                    : qs(image.path) + QLatin1Char('\n') + prediction;
      }
      if (column == Predicted || column == Confidence) {
        const QString prediction = predictionToolTip(r);
        return prediction.isEmpty() ? QVariant() : QVariant(prediction);
      }
      if (column == StageRange && !image.label.empty()) return labelSourceText(image.label.source);
      if (column == QueueRank) {
        if (const QueueEntry* e = queueEntry(r))
          return tr("Top stages %1 (%2%) and %3; margin %4%")
              .arg(e->predictedStage)
              .arg(qRound(e->confidence * 100))
              .arg(e->runnerUpStage)
              .arg(qRound(e->margin * 100));
      }
      return {};
    case Qt::AccessibleTextRole:
      if (column == Thumbnail) return tr("Image %1, %2").arg(image.id).arg(labelShort(image.label));
      return {};
    case Qt::TextAlignmentRole:
      return QVariant::fromValue(alignment(column));
    default:
      return {};
  }
}

QVariant ImageTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case Id:
        return tr("Id");
      case Thumbnail:
        return tr("Image");
      case File:
        return tr("File");
      case Gene:
        return tr("Gene");
      case StageRange:
        return tr("Stage range");
      case Stage:
        return tr("Stage");
      case Split:
        return tr("Split");
      case Predicted:
        return tr("Predicted");
      case Confidence:
        return tr("Confidence");
      case QueueRank:
        return tr("Next");
      default:
        return {};
    }
  }
  if (role == Qt::TextAlignmentRole) return QVariant::fromValue(alignment(section));
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case Id:
        return tr("The image's number in the project");
      case Thumbnail:
        return tr("The standardized image: rotated and cropped, anterior to the left");
      case StageRange:
        return tr("One of the six BDGP stage ranges");
      case Stage:
        return tr("The precise developmental stage, 1 to 17, when known");
      case Split:
        return tr("Training, validation or test part of the fixed split");
      case Predicted:
        return tr("The stage the chosen run predicts");
      case Confidence:
        return tr("The chosen run's probability for its predicted stage");
      case QueueRank:
        return tr("Position in the label-next queue: 1 is the image to label first");
      default:
        return {};
    }
  }
  return {};
}

QVariant ImageTableModel::display(int r, int column) const {
  const ImageRow& image = row(r);
  switch (column) {
    case Id:
      return QVariant::fromValue<qint64>(image.id);
    case File:
      return QFileInfo(qs(image.path)).fileName();
    case Gene:
      return qs(image.gene);
    case StageRange:
      return image.label.range ? qs(image.label.range->name()) : tr("unlabelled");
    case Stage:
      return image.label.stage ? QString::number(*image.label.stage) : QString();
    case Split:
      return image.split ? qs(splitPartName(*image.split)) : QString();
    case Predicted:
      if (const StoredPrediction* p = prediction(r)) return QString::number(p->call());
      return QString();
    case Confidence:
      if (const StoredPrediction* p = prediction(r))
        return tr("%1%").arg(p->callProbability() * 100, 0, 'f', 1);
      return QString();
    case QueueRank: {
      const int rank = queueRank(r);
      return rank < 0 ? QVariant(QString()) : QVariant(rank + 1);
    }
    default:
      return {};
  }
}

QVariant ImageTableModel::sortKey(int r, int column) const {
  const ImageRow& image = row(r);
  switch (column) {
    case StageRange:  // by developmental order; unlabelled last
      return image.label.range ? image.label.range->first : 100;
    case Stage:
      return image.label.stage.value_or(100);
    case Split:
      return image.split ? static_cast<int>(*image.split) : 100;
    case Predicted:
      if (const StoredPrediction* p = prediction(r)) return p->call();
      return 100;
    case Confidence:  // images without a prediction after every predicted one
      if (const StoredPrediction* p = prediction(r)) return p->callProbability();
      return 2.0;
    case QueueRank: {
      const int rank = queueRank(r);
      return rank < 0 ? INT_MAX : rank;
    }
    case File:
    case Gene:
      return display(r, column);
    default:
      return QVariant::fromValue<qint64>(image.id);
  }
}

QVariant ImageTableModel::thumbnail(const ImageRow& r) const {
  if (const QPixmap* cached = thumbnails_.object(r.id))
    return cached->isNull() ? unavailable_ : *cached;
  if (project_) loader_->request(r.id);
  return placeholder_;
}

void ImageTableModel::onThumbnailLoaded(qint64 imageId, const QImage& image) {
  const int r = rowOfImage(imageId);
  if (r < 0) return;  // the rows changed since the request
  // QPixmap only on the GUI thread: the worker hands over a QImage.
  QPixmap pixmap = image.isNull() ? QPixmap() : QPixmap::fromImage(image);
  if (!pixmap.isNull()) pixmap.setDevicePixelRatio(dpr_);
  const int costKiB = std::max(1, pixmap.width() * pixmap.height() * 4 / 1024);
  thumbnails_.insert(imageId, new QPixmap(pixmap), costKiB);
  const QModelIndex i = index(r, Thumbnail);
  Q_EMIT dataChanged(i, i, {Qt::DecorationRole, ThumbnailReadyRole});
}

}  // namespace flystage::ui
