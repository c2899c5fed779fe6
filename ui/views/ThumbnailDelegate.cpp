#include "ThumbnailDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>

#include "ImageTableModel.h"

namespace flystage::ui {

namespace {
constexpr int kPad = 6;
}

ThumbnailDelegate::ThumbnailDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QColor ThumbnailDelegate::outsideRangeColor() {
  return {0xb3, 0x5c, 0x00};  // amber, dark enough to read on a light tile (4.6:1)
}

QSize ThumbnailDelegate::tileSize(const QFontMetrics& fm) {
  const QSize t = ImageTableModel::thumbnailSize();
  return {t.width() + 2 * kPad, t.height() + 2 * kPad + 2 * fm.height() + 2};
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
  return tileSize(option.fontMetrics);
}

void ThumbnailDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
  // The selection as a filled tile, in the active or inactive highlight: the style's own
  // frame is too faint around a picture.
  const bool selected = option.state & QStyle::State_Selected;
  const QPalette& pal = option.palette;
  const QPalette::ColorGroup group =
      option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
  if (selected)
    painter->fillRect(option.rect.adjusted(1, 1, -1, -1), pal.brush(group, QPalette::Highlight));
  if (option.state & QStyle::State_HasFocus) {
    QStyleOptionFocusRect focus;
    focus.QStyleOption::operator=(option);
    focus.backgroundColor = pal.color(group, selected ? QPalette::Highlight : QPalette::Base);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
  }

  painter->save();
  const QRect r = option.rect.adjusted(kPad, kPad, -kPad, -kPad);
  const QSize t = ImageTableModel::thumbnailSize();
  const QPixmap pixmap = index.data(Qt::DecorationRole).value<QPixmap>();
  const QRect imageRect(r.left() + (r.width() - t.width()) / 2, r.top(), t.width(), t.height());
  if (!pixmap.isNull()) painter->drawPixmap(imageRect, pixmap);

  const QColor text = pal.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
  const QFontMetrics& fm = option.fontMetrics;
  QRect line(r.left(), imageRect.bottom() + 3, r.width(), fm.height());
  painter->setPen(text);
  painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(index.data(ImageTableModel::CaptionRole).toString(),
                                  Qt::ElideRight, line.width()));
  const QString prediction = index.data(ImageTableModel::PredictionCaptionRole).toString();
  if (!prediction.isEmpty()) {
    line.translate(0, fm.height());
    const int correct = index.data(ImageTableModel::CorrectnessRole).toInt();
    // Right or wrong against a known stage first; else a model call outside the curator's
    // range is marked amber (the caption says "≠ range" too), never the neutral grey.
    const bool outside = index.data(ImageTableModel::OutsideRangeRole).toBool();
    QColor c = correct > 0   ? QColor(0x1b, 0x7f, 0x3b)
               : correct < 0 ? QColor(0xc0, 0x39, 0x2b)
               : outside     ? outsideRangeColor()
                             : pal.color(group, QPalette::PlaceholderText);
    if (selected) c = text;
    painter->setPen(c);
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(prediction, Qt::ElideRight, line.width()));
  }
  painter->restore();
}

}  // namespace flystage::ui
