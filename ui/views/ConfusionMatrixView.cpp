#include "ConfusionMatrixView.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cstdlib>

#include "Plural.h"
#include "figure/Palette.h"

namespace flystage::ui {

namespace {

constexpr int kLastStage = kMinFineStage + kNumFineStages - 1;
const QColor kHeat = figure::applicationBlue();
const QColor kBand = figure::okabeIto()[1];      // adjacent-stage band (orange)
const QColor kDiagonal = figure::okabeIto()[2];  // right answers (green)

int index(int stage) {
  return stage - kMinFineStage;
}

}  // namespace

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("confusionMatrixView"));
  setAccessibleName(tr("Confusion matrix"));
  setToolTip(
      tr("True stage in rows, predicted stage in columns. Click a cell (or press "
         "Enter on it) to see its images."));
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  clear();
}

void ConfusionMatrixView::setConfusion(qint64 runId, const Counts& counts) {
  runId_ = runId;
  counts_ = counts;
  empty_ = false;
  int total = 0, right = 0;
  for (int t = 0; t < kNumFineStages; ++t)
    for (int p = 0; p < kNumFineStages; ++p) {
      total += counts_[t][p];
      if (t == p) right += counts_[t][p];
    }
  setAccessibleDescription(
      plural(tr("Run #%1: %n test image(s), %2 on the diagonal. Arrow keys move between "
                "cells; Enter shows a cell's images.",
                nullptr, total),
             total)
          .arg(runId)
          .arg(right));
  update();
}

void ConfusionMatrixView::clear() {
  runId_ = 0;
  counts_ = Counts{};
  empty_ = true;
  setAccessibleDescription(tr("No finished run selected."));
  update();
}

int ConfusionMatrixView::count(int trueStage, int predictedStage) const {
  if (!isFineStage(trueStage) || !isFineStage(predictedStage)) return 0;
  return counts_[index(trueStage)][index(predictedStage)];
}

int ConfusionMatrixView::rowTotal(int trueStage) const {
  int n = 0;
  for (int v : counts_[index(trueStage)]) n += v;
  return n;
}

int ConfusionMatrixView::minimumCell() const {
  const QFontMetrics fm(font());
  return std::max(fm.horizontalAdvance(QStringLiteral("17")) + 6, fm.height() + 4);
}

ConfusionMatrixView::Geometry ConfusionMatrixView::geometry() const {
  const QFontMetrics fm(font());
  const int title = fm.height() + 6;  // "True stage" / "Predicted stage"
  const int numbers = fm.horizontalAdvance(QStringLiteral("17")) + 8;  // stage numbers
  const int legend = fm.height() + 8;
  const int left = title + numbers, top = title + fm.height() + 4;
  const int w = width() - left - 4, h = height() - top - legend - 4;
  Geometry g;
  g.cell = std::max(minimumCell(), std::min(w, h) / kNumFineStages);
  g.grid = QRect(left, top, g.cell * kNumFineStages, g.cell * kNumFineStages);
  return g;
}

QRect ConfusionMatrixView::columnLabelRect(int predictedStage) const {
  const QFontMetrics fm(font());
  const QRect col = cellRect(kMinFineStage, predictedStage);
  return QRect(col.left(), col.top() - fm.height() - 4, col.width(), fm.height());
}

QRect ConfusionMatrixView::cellRect(int trueStage, int predictedStage) const {
  const Geometry g = geometry();
  return QRect(g.grid.left() + index(predictedStage) * g.cell,
               g.grid.top() + index(trueStage) * g.cell, g.cell, g.cell);
}

std::pair<int, int> ConfusionMatrixView::cellAt(const QPoint& pos) const {
  const Geometry g = geometry();
  if (!g.grid.contains(pos)) return {0, 0};
  return {kMinFineStage + (pos.y() - g.grid.top()) / g.cell,
          kMinFineStage + (pos.x() - g.grid.left()) / g.cell};
}

QString ConfusionMatrixView::cellText(int t, int p) const {
  const int n = count(t, p), row = rowTotal(t);
  QString text =
      plural(tr("True stage %1, predicted %2: %n image(s)", nullptr, n), n).arg(t).arg(p);
  if (row > 0) text += tr(" (%1 % of stage %2)").arg(100.0 * n / row, 0, 'f', 0).arg(t);
  if (t == p)
    text += tr("; right");
  else if (std::abs(t - p) == 1)
    text += tr("; a neighbouring stage");
  return text;
}

void ConfusionMatrixView::setCurrentCell(int trueStage, int predictedStage) {
  currentTrue_ = std::clamp(trueStage, kMinFineStage, kLastStage);
  currentPredicted_ = std::clamp(predictedStage, kMinFineStage, kLastStage);
  update();
}

void ConfusionMatrixView::activate(int t, int p) {
  setCurrentCell(t, p);
  if (!empty_ && count(t, p) > 0) Q_EMIT cellActivated(runId_, t, p);
}

QSize ConfusionMatrixView::sizeHint() const {
  return {520, 540};
}

QSize ConfusionMatrixView::minimumSizeHint() const {
  // The grid at its smallest cells, with the titles, numbers and legend around it.
  const QFontMetrics fm(font());
  const int grid = minimumCell() * kNumFineStages;
  const int left = fm.height() + 6 + fm.horizontalAdvance(QStringLiteral("17")) + 8;
  const int top = 2 * fm.height() + 10, legend = fm.height() + 8;
  return {left + grid + 4, top + grid + legend + 4};
}

void ConfusionMatrixView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const Geometry g = geometry();
  const QFontMetrics fm(font());
  const QColor text = palette().color(QPalette::WindowText);
  const QColor base = palette().color(QPalette::Base);

  // Axis titles and the stage numbers.
  painter.setPen(text);
  QFont bold = font();
  bold.setBold(true);
  painter.setFont(bold);
  painter.drawText(QRect(g.grid.left(), 0, g.grid.width(), fm.height() + 4), Qt::AlignCenter,
                   tr("Predicted stage"));
  painter.save();
  painter.translate(0, g.grid.center().y());
  painter.rotate(-90);
  painter.drawText(QRect(-g.grid.height() / 2, 0, g.grid.height(), fm.height() + 4),
                   Qt::AlignCenter, tr("True stage"));
  painter.restore();
  painter.setFont(font());
  for (int s = kMinFineStage; s <= kLastStage; ++s) {
    painter.drawText(columnLabelRect(s), Qt::AlignCenter, QString::number(s));
    const QRect row = cellRect(s, kMinFineStage);
    painter.drawText(QRect(g.grid.left() - fm.horizontalAdvance(QStringLiteral("17")) - 8,
                           row.top(), fm.horizontalAdvance(QStringLiteral("17")) + 4, row.height()),
                     Qt::AlignRight | Qt::AlignVCenter, QString::number(s));
  }

  // Cells: shaded by their share of the row; counts in the cells that have images.
  QFont cellFont = font();
  cellFont.setPixelSize(std::clamp(g.cell * 2 / 5, 7, fm.height()));
  painter.setFont(cellFont);
  for (int t = kMinFineStage; t <= kLastStage; ++t) {
    const int row = rowTotal(t);
    for (int p = kMinFineStage; p <= kLastStage; ++p) {
      const QRect r = cellRect(t, p);
      const int n = count(t, p);
      const double share = row > 0 ? static_cast<double>(n) / row : 0;
      const QColor hue = t == p ? kDiagonal : kHeat;
      QColor fill;
      fill.setRgbF(base.redF() + (hue.redF() - base.redF()) * share,
                   base.greenF() + (hue.greenF() - base.greenF()) * share,
                   base.blueF() + (hue.blueF() - base.blueF()) * share);
      painter.fillRect(r, fill);
      painter.setPen(QPen(palette().color(QPalette::Midlight), 1));
      painter.drawRect(r.adjusted(0, 0, -1, -1));
      if (n > 0) {
        painter.setPen(share > 0.5 ? QColor(Qt::white) : text);
        painter.drawText(r, Qt::AlignCenter, QString::number(n));
      }
    }
  }
  // The adjacent-stage band: the cells one stage off the diagonal, outlined.
  painter.setPen(QPen(kBand, 2));
  painter.setBrush(Qt::NoBrush);
  for (int t = kMinFineStage; t <= kLastStage; ++t)
    for (int p : {t - 1, t + 1})
      if (isFineStage(p)) painter.drawRect(cellRect(t, p).adjusted(1, 1, -2, -2));

  if (hasFocus()) {
    painter.setPen(QPen(text, 2, Qt::DotLine));
    painter.drawRect(cellRect(currentTrue_, currentPredicted_).adjusted(2, 2, -3, -3));
  }

  // Legend.
  painter.setFont(font());
  const int y = g.grid.bottom() + 6;
  QRect swatch(g.grid.left(), y + 2, fm.height() - 4, fm.height() - 4);
  painter.setPen(QPen(kBand, 2));
  painter.drawRect(swatch);
  painter.setPen(text);
  const QString legend = empty_ ? tr("No finished run selected.")
                                : tr("neighbouring stage (±1) · shade: share of the true stage");
  painter.drawText(QRect(swatch.right() + 6, y, width() - swatch.right() - 6, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, legend);
}

void ConfusionMatrixView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return QWidget::mouseReleaseEvent(event);
  const auto [t, p] = cellAt(event->position().toPoint());
  if (t) activate(t, p);
}

void ConfusionMatrixView::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_Left:
      setCurrentCell(currentTrue_, currentPredicted_ - 1);
      break;
    case Qt::Key_Right:
      setCurrentCell(currentTrue_, currentPredicted_ + 1);
      break;
    case Qt::Key_Up:
      setCurrentCell(currentTrue_ - 1, currentPredicted_);
      break;
    case Qt::Key_Down:
      setCurrentCell(currentTrue_ + 1, currentPredicted_);
      break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
      activate(currentTrue_, currentPredicted_);
      break;
    default:
      return QWidget::keyPressEvent(event);
  }
  // Screen readers hear the current cell.
  setAccessibleDescription(cellText(currentTrue_, currentPredicted_));
}

bool ConfusionMatrixView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const auto [t, p] = cellAt(help->pos());
    if (t && !empty_)
      QToolTip::showText(help->globalPos(), cellText(t, p), this, cellRect(t, p));
    else
      QToolTip::showText(help->globalPos(), toolTip(), this);
    return true;
  }
  return QWidget::event(event);
}

}  // namespace flystage::ui
