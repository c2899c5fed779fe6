#include "ImageFilterModel.h"

#include <QFileInfo>

#include "ImageTableModel.h"

namespace flystage::ui {

ImageFilterModel::ImageFilterModel(ImageTableModel* source, QObject* parent)
    : QSortFilterProxyModel(parent), source_(source) {
  setSourceModel(source);
  setSortRole(ImageTableModel::SortRole);
  // Labels change under the filter (labelling, undo): re-filter and re-sort those rows.
  setDynamicSortFilter(true);
}

void ImageFilterModel::setFilter(const ImageFilter& filter) {
  if (filter == filter_) return;
  filter_ = filter;
  invalidateRowsFilter();
}

QList<qint64> ImageFilterModel::imageIds() const {
  QList<qint64> ids;
  ids.reserve(rowCount());
  for (int r = 0; r < rowCount(); ++r) ids << imageIdAt(r);
  return ids;
}

int ImageFilterModel::rowOfImage(qint64 imageId) const {
  const int sourceRow = source_->rowOfImage(imageId);
  if (sourceRow < 0) return -1;
  return mapFromSource(source_->index(sourceRow, 0)).row();
}

qint64 ImageFilterModel::imageIdAt(int proxyRow) const {
  const QModelIndex s = mapToSource(index(proxyRow, 0));
  return s.isValid() ? source_->row(s.row()).id : 0;
}

bool ImageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
  const ImageFilter& f = filter_;
  const ImageRow& r = source_->row(sourceRow);
  const Label& l = r.label;
  if (f.range && l.range != f.range) return false;
  if (f.stage && l.stage != f.stage) return false;
  if (!f.gene.isEmpty() && QString::fromStdString(r.gene).compare(f.gene, Qt::CaseInsensitive) != 0)
    return false;
  switch (f.split) {
    case ImageFilter::SplitChoice::Any:
      break;
    case ImageFilter::SplitChoice::None:
      if (r.split) return false;
      break;
    case ImageFilter::SplitChoice::Train:
      if (r.split != SplitPart::Train) return false;
      break;
    case ImageFilter::SplitChoice::Validation:
      if (r.split != SplitPart::Validation) return false;
      break;
    case ImageFilter::SplitChoice::Test:
      if (r.split != SplitPart::Test) return false;
      break;
  }
  switch (f.labelled) {
    case ImageFilter::LabelState::Any:
      break;
    case ImageFilter::LabelState::Unlabelled:
      if (!l.empty()) return false;
      break;
    case ImageFilter::LabelState::RangeOnly:
      if (!l.range || l.stage) return false;
      break;
    case ImageFilter::LabelState::WithStage:
      if (!l.stage) return false;
      break;
    case ImageFilter::LabelState::Labelled:
      if (l.empty()) return false;
      break;
  }
  // A queue that needs no run (labeller conflicts) shows its images alone as well.
  if (f.queue && f.runId == 0 && source_->queueRank(sourceRow) < 0) return false;
  // Conditions on the run read the model's run; a filter for another run (its predictions
  // not loaded yet) shows nothing rather than the wrong images.
  if (f.runId != 0 && f.usesRun()) {
    if (source_->runId() != f.runId) return false;
    if (f.queue && source_->queueRank(sourceRow) < 0) return false;
    if (f.runTestOnly && !source_->inRunTestPart(sourceRow)) return false;
    const StoredPrediction* p = source_->prediction(sourceRow);
    const bool needsPrediction =
        f.predictedStage || f.correctness != ImageFilter::Correctness::Any || f.minConfidence > 0 ||
        f.maxConfidence < 1 || f.onlyPredicted || f.outsideRange;
    if (needsPrediction && !p) return false;
    // The call shown (range-constrained where it was predicted so) and its probability; or
    // the model's own stage, as the unconstrained confusion matrix counts it.
    const auto predicted = [&f, p] { return f.modelStage ? p->stage : p->call(); };
    if (f.predictedStage && predicted() != *f.predictedStage) return false;
    if (p && (p->callProbability() < f.minConfidence || p->callProbability() > f.maxConfidence))
      return false;
    if (f.outsideRange && !source_->predictedOutsideRange(sourceRow)) return false;
    if (f.trueStage || f.correctness != ImageFilter::Correctness::Any) {
      const auto truth = source_->trueStage(sourceRow);
      if (f.trueStage && truth != f.trueStage) return false;
      if (f.correctness != ImageFilter::Correctness::Any) {
        if (!truth) return false;
        const bool right = predicted() == *truth;
        if (right != (f.correctness == ImageFilter::Correctness::Correct)) return false;
      }
    }
  }
  if (!f.text.isEmpty()) {
    const auto has = [&](const QString& s) { return s.contains(f.text, Qt::CaseInsensitive); };
    const QString file = QFileInfo(QString::fromStdString(r.path)).fileName();
    const QString range =
        l.range ? QString::fromStdString(l.range->name()) : ImageTableModel::tr("unlabelled");
    const QString split = r.split ? QString::fromStdString(splitPartName(*r.split)) : QString();
    if (!has(file) && !has(QString::fromStdString(r.gene)) && !has(range) && !has(split) &&
        !(l.stage && has(QString::number(*l.stage))))
      return false;
  }
  return true;
}

bool ImageFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  const int l = left.row(), r = right.row();
  const int column = left.column();
  std::optional<double> a, b;  // empty: no value (sorts last)
  switch (column) {
    case ImageTableModel::Predicted:
    case ImageTableModel::Confidence: {
      const StoredPrediction* pl = source_->prediction(l);
      const StoredPrediction* pr = source_->prediction(r);
      if (pl) a = column == ImageTableModel::Predicted ? pl->call() : pl->callProbability();
      if (pr) b = column == ImageTableModel::Predicted ? pr->call() : pr->callProbability();
      break;
    }
    case ImageTableModel::QueueRank: {
      const int ql = source_->queueRank(l), qr = source_->queueRank(r);
      if (ql >= 0) a = ql;
      if (qr >= 0) b = qr;
      break;
    }
    default: {
      const QVariant vl = left.data(sortRole()), vr = right.data(sortRole());
      if (QVariant::compare(vl, vr) != QPartialOrdering::Equivalent)
        return QVariant::compare(vl, vr) == QPartialOrdering::Less;
      return source_->row(l).id < source_->row(r).id;
    }
  }
  // Descending order reverses lessThan; keep the rows without a value at the end anyway.
  if (a.has_value() != b.has_value()) return sortOrder() == Qt::AscendingOrder ? !b : !a;
  if (a && *a != *b) return *a < *b;
  return source_->row(l).id < source_->row(r).id;
}

}  // namespace flystage::ui
