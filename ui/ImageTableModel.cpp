#include "ImageTableModel.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "store/Project.h"

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

// Headers sit over their column's values: ids right, the short stage numbers centred.
Qt::Alignment alignment(int column) {
  switch (column) {
    case ImageTableModel::Id:
      return Qt::AlignRight | Qt::AlignVCenter;
    case ImageTableModel::Thumbnail:
    case ImageTableModel::Stage:
      return Qt::AlignCenter;
    default:
      return Qt::AlignLeft | Qt::AlignVCenter;
  }
}

}  // namespace

ImageTableModel::ImageTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImageTableModel::setProject(Project* project) {
  // Read first: when the query throws, the model keeps its project and rows.
  std::vector<ImageRow> rows = project ? listImages(*project) : std::vector<ImageRow>{};
  beginResetModel();
  project_ = project;
  rows_ = std::move(rows);
  thumbnails_.clear();
  endResetModel();
}

void ImageTableModel::reload() {
  setProject(project_);
}

int ImageTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ImageTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImageTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const ImageRow& r = row(index.row());
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole:
      return display(r, column);
    case SortRole:
      return sortKey(r, column);
    case ImageIdRole:
      return QVariant::fromValue<qint64>(r.id);
    case Qt::DecorationRole:
      if (column == Thumbnail) {
        const QPixmap pixmap = thumbnail(r);
        return pixmap.isNull() ? QVariant() : QVariant(pixmap);
      }
      return {};
    case Qt::ToolTipRole:
      if (column == File || column == Thumbnail) return qs(r.path);
      if (column == StageRange && !r.label.empty()) return labelSourceText(r.label.source);
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
      default:
        return {};
    }
  }
  return {};
}

QVariant ImageTableModel::display(const ImageRow& r, int column) const {
  switch (column) {
    case Id:
      return QVariant::fromValue<qint64>(r.id);
    case File:
      return QFileInfo(qs(r.path)).fileName();
    case Gene:
      return qs(r.gene);
    case StageRange:
      return r.label.range ? qs(r.label.range->name()) : tr("unlabelled");
    case Stage:
      return r.label.stage ? QString::number(*r.label.stage) : QString();
    case Split:
      return r.split ? qs(splitPartName(*r.split)) : QString();
    default:
      return {};
  }
}

QVariant ImageTableModel::sortKey(const ImageRow& r, int column) const {
  switch (column) {
    case StageRange:  // by developmental order; unlabelled last
      return r.label.range ? r.label.range->first : 100;
    case Stage:
      return r.label.stage.value_or(100);
    case Split:
      return r.split ? static_cast<int>(*r.split) : 100;
    case File:
    case Gene:
      return display(r, column);
    default:
      return QVariant::fromValue<qint64>(r.id);
  }
}

QPixmap ImageTableModel::thumbnail(const ImageRow& r) const {
  if (QPixmap* cached = thumbnails_.object(r.id)) return *cached;
  QPixmap pixmap;  // stays null when the pixels cannot be read; cached so, not retried
  if (project_) {
    try {
      const cv::Mat bgr = project_->standardizedImage(r.id);
      // Sharp on high-DPI screens: up to the full 320 x 128 pixels at a ratio of 2.
      const qreal dpr = std::clamp(qGuiApp->devicePixelRatio(), 1.0, 2.0);
      const QSize size = thumbnailSize() * dpr;
      cv::Mat small = bgr;
      if (bgr.cols != size.width() || bgr.rows != size.height())
        cv::resize(bgr, small, cv::Size(size.width(), size.height()), 0, 0, cv::INTER_AREA);
      const QImage image(small.data, small.cols, small.rows, static_cast<int>(small.step),
                         QImage::Format_BGR888);
      pixmap = QPixmap::fromImage(image.copy());  // copy: `small` dies with this scope
      pixmap.setDevicePixelRatio(dpr);
    } catch (const std::exception&) {
      // A damaged row shows no thumbnail; the rest of the table stays usable.
    }
  }
  const int costKiB = std::max(1, pixmap.width() * pixmap.height() * 4 / 1024);
  thumbnails_.insert(r.id, new QPixmap(pixmap), costKiB);
  return pixmap;
}

}  // namespace flystage::ui
