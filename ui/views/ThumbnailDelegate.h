#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace flystage::ui {

// One tile of the thumbnail grid: the standardized image, "#id · label" under it and, with
// a run chosen, the prediction ("→ 12 · 87%"), green when it matches the true stage and red
// when not; without a known stage, amber when the model calls it outside its known range. Every
// tile has the same size, so the grid lays out 40 000 tiles without asking the model for any of
// them.
class ThumbnailDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  explicit ThumbnailDelegate(QObject* parent = nullptr);

  static QSize tileSize(const QFontMetrics& fm);
  // The prediction caption of a tile predicted outside its range (ImageTableModel::
  // OutsideRangeRole) without a known stage to be right or wrong against.
  static QColor outsideRangeColor();

  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  void paint(QPainter* painter, const QStyleOptionViewItem& option,
             const QModelIndex& index) const override;
};

}  // namespace flystage::ui
