#pragma once

#include <QStyledItemDelegate>

namespace flystage::ui {

// One tile of the thumbnail grid: the standardized image, "#id · label" under it and, with
// a run chosen, the prediction ("→ 12 · 87%"), green when it matches the true stage and red
// when not. Every tile has the same size, so the grid lays out 40 000 tiles without asking
// the model for any of them.
class ThumbnailDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  explicit ThumbnailDelegate(QObject* parent = nullptr);

  static QSize tileSize(const QFontMetrics& fm);

  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  void paint(QPainter* painter, const QStyleOptionViewItem& option,
             const QModelIndex& index) const override;
};

}  // namespace flystage::ui
