#include "TrainingCurves.h"

#include <QHelpEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "CustomPlot.h"
#include "PlotSaving.h"
#include "TrainingPhase.h"
#include "figure/Palette.h"

namespace flystage::ui {

namespace {

const QColor kTrainColor = figure::applicationBlue();
const QColor kValidationColor(0xd9, 0x6c, 0x1e);  // orange: tells apart in grey print too

QCPGraph* addCurve(QCustomPlot* plot, QCPAxisRect* rect, const QColor& color, bool dashed,
                   const QString& name) {
  QCPGraph* g = plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
  QPen pen(color, 2);
  if (dashed) pen.setStyle(Qt::DashLine);
  g->setPen(pen);
  g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 5));
  g->setName(name);
  return g;
}

void setIntegerTicks(QCPAxis* axis) {
  QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
  ticker->setTickStep(1.0);
  ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);  // 1, 2, 5, 10... as they fit
  axis->setTicker(ticker);
}

// A vertical line at x = at across one axis rect (phase starts, kept epochs).
QCPItemStraightLine* verticalLine(QCustomPlot* plot, QCPAxisRect* r, double at, const QPen& pen) {
  auto* line = new QCPItemStraightLine(plot);
  line->setClipAxisRect(r);
  for (QCPItemPosition* p : {line->point1, line->point2}) {
    p->setAxisRect(r);
    p->setAxes(r->axis(QCPAxis::atBottom), r->axis(QCPAxis::atLeft));
  }
  line->point1->setCoords(at, 0);
  line->point2->setCoords(at, 1);
  line->setPen(pen);
  return line;
}

}  // namespace

TrainingCurves::TrainingCurves(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
  setObjectName(QStringLiteral("trainingCurves"));
  setAccessibleName(tr("Training curves"));
  setToolTip(
      tr("Loss and accuracy after every epoch: training (solid) and validation "
         "(dashed). Dotted lines mark where a phase begins."));
  plot_->setObjectName(QStringLiteral("trainingCurvesPlot"));
  plot_->setAccessibleName(tr("Training curves"));
  plot_->setMinimumSize(240, 100);

  lossRect_ = plot_->axisRect();
  accuracyRect_ = new QCPAxisRect(plot_);
  // The two plots share the epoch axis: aligned along it (place()).
  margins_ = new QCPMarginGroup(plot_);
  // Each plot's name above it, across: along the axis of a low plot it was cut off.
  const auto caption = [this](const QString& text, const char* name) {
    auto* c = new QCPTextElement(plot_, text);
    c->setObjectName(QString::fromLatin1(name));
    c->setFont(lossRect_->axis(QCPAxis::atLeft)->labelFont());
    c->setTextColor(lossRect_->axis(QCPAxis::atLeft)->labelColor());
    c->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    c->setMargins(QMargins(6, 2, 6, 0));
    return c;
  };
  lossCaption_ = caption(tr("Loss"), "lossCaption");
  accuracyCaption_ = caption(tr("Accuracy (%)"), "accuracyCaption");
  accuracyRect_->axis(QCPAxis::atBottom)->setLabel(tr("Epoch"));
  for (QCPAxisRect* r : {lossRect_, accuracyRect_})
    r->axis(QCPAxis::atLeft)->ticker()->setTickCount(3);  // a low dock has room for no more
  place();
  accuracyRect_->axis(QCPAxis::atLeft)->setRange(0, 100);
  for (QCPAxisRect* r : {lossRect_, accuracyRect_}) setIntegerTicks(r->axis(QCPAxis::atBottom));

  trainLoss_ = addCurve(plot_, lossRect_, kTrainColor, false, tr("Training"));
  validationLoss_ = addCurve(plot_, lossRect_, kValidationColor, true, tr("Validation"));
  trainAccuracy_ = addCurve(plot_, accuracyRect_, kTrainColor, false, tr("Training"));
  validationAccuracy_ =
      addCurve(plot_, accuracyRect_, kValidationColor, true, tr("Validation (mean per stage)"));
  // One legend says what the colours mean for both plots.
  plot_->legend->setVisible(true);
  validationAccuracy_->removeFromLegend();
  trainAccuracy_->removeFromLegend();
  lossRect_->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  addSavePlotAction(plot_, tr("training-curves.png"));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  rebuild();
}

void TrainingCurves::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  // Two plots stacked in a low dock are too flat to read: side by side when wide.
  arrange(width() > 2 * height());
}

void TrainingCurves::arrange(bool sideBySide) {
  if (sideBySide == sideBySide_) return;
  sideBySide_ = sideBySide;
  place();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCurves::place() {
  QCPLayoutGrid* grid = plot_->plotLayout();
  for (QCPLayoutElement* e : std::initializer_list<QCPLayoutElement*>{
           lossCaption_, lossRect_, accuracyCaption_, accuracyRect_})
    if (e->layout() == grid) grid->take(e);  // the captions start outside
  grid->simplify();
  if (sideBySide_) {
    grid->addElement(0, 0, lossCaption_);
    grid->addElement(0, 1, accuracyCaption_);
    grid->addElement(1, 0, lossRect_);
    grid->addElement(1, 1, accuracyRect_);
    grid->setRowStretchFactors({0.001, 1});
  } else {
    grid->addElement(0, 0, lossCaption_);
    grid->addElement(1, 0, lossRect_);
    grid->addElement(2, 0, accuracyCaption_);
    grid->addElement(3, 0, accuracyRect_);
    grid->setRowStretchFactors({0.001, 1, 0.001, 1});
  }
  // Aligned along the shared edges; each plot names its epoch axis when they stand apart.
  const QCP::MarginSides shared =
      sideBySide_ ? (QCP::msTop | QCP::msBottom) : (QCP::msLeft | QCP::msRight);
  for (QCPAxisRect* r : {lossRect_, accuracyRect_}) {
    r->setMarginGroup(QCP::msAll, nullptr);
    r->setMarginGroup(shared, margins_);
  }
  lossRect_->axis(QCPAxis::atBottom)->setLabel(sideBySide_ ? tr("Epoch") : QString());
}

void TrainingCurves::clear() {
  epochs_.clear();
  selections_.clear();
  rebuild();
}

void TrainingCurves::setEpochs(const std::vector<EpochRecord>& epochs) {
  epochs_ = epochs;
  selections_.clear();
  rebuild();
}

void TrainingCurves::setSelections(const std::vector<PhaseSelection>& selections) {
  selections_ = selections;
  rebuild();
}

QStringList TrainingCurves::keptMarks() const {
  QStringList out;
  for (const auto& k : kept_) out << k.second;
  return out;
}

bool TrainingCurves::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip && !kept_.empty()) {
    // Near a kept-epoch line (within 6 pixels): what was kept and by which rule.
    const auto* help = static_cast<QHelpEvent*>(e);
    const QPoint at = plot_->mapFrom(this, help->pos());
    for (QCPAxisRect* r : {lossRect_, accuracyRect_}) {
      if (!r->rect().contains(at)) continue;
      for (const auto& [x, text] : kept_)
        if (std::abs(r->axis(QCPAxis::atBottom)->coordToPixel(x) - at.x()) <= 6) {
          QToolTip::showText(help->globalPos(), text, this);
          return true;
        }
    }
  }
  return QWidget::event(e);
}

void TrainingCurves::addEpoch(const EpochRecord& epoch) {
  const auto same = std::find_if(epochs_.begin(), epochs_.end(), [&](const EpochRecord& e) {
    return e.phase == epoch.phase && e.epoch == epoch.epoch;
  });
  if (same != epochs_.end())
    *same = epoch;
  else
    epochs_.push_back(epoch);
  rebuild();
}

int TrainingCurves::pointCount(bool validation, bool accuracy) const {
  const QCPGraph* g = validation ? (accuracy ? validationAccuracy_ : validationLoss_)
                                 : (accuracy ? trainAccuracy_ : trainLoss_);
  int n = 0;
  for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
    if (!std::isnan(it->value)) ++n;
  return n;
}

void TrainingCurves::rebuild() {
  QVector<double> x, tl, vl, ta, va;
  double maxLoss = 0;
  for (std::size_t i = 0; i < epochs_.size(); ++i) {
    const EpochRecord& e = epochs_[i];
    x.push_back(static_cast<double>(i + 1));
    tl.push_back(e.trainLoss);
    vl.push_back(e.validationLoss);  // NaN without a validation part: a gap
    ta.push_back(100 * e.trainAccuracy);
    va.push_back(100 * e.validationAccuracy);
    for (double l : {e.trainLoss, e.validationLoss})
      if (std::isfinite(l)) maxLoss = std::max(maxLoss, l);
  }
  trainLoss_->setData(x, tl, true);
  validationLoss_->setData(x, vl, true);
  trainAccuracy_->setData(x, ta, true);
  validationAccuracy_->setData(x, va, true);

  const double last = std::max<double>(5, static_cast<double>(epochs_.size()));
  for (QCPAxisRect* r : {lossRect_, accuracyRect_})
    r->axis(QCPAxis::atBottom)->setRange(0.5, last + 0.5);
  lossRect_->axis(QCPAxis::atLeft)->setRange(0, maxLoss > 0 ? maxLoss * 1.1 : 1);

  // A dotted line and the phase's name where each phase begins.
  plot_->clearItems();
  for (std::size_t i = 0; i < epochs_.size(); ++i) {
    if (i > 0 && epochs_[i].phase == epochs_[i - 1].phase) continue;
    const double at = static_cast<double>(i) + 0.5;
    for (QCPAxisRect* r : {lossRect_, accuracyRect_})
      verticalLine(plot_, r, at, QPen(palette().color(QPalette::Mid), 1, Qt::DotLine));
    auto* label = new QCPItemText(plot_);
    label->setClipToAxisRect(true);
    label->setClipAxisRect(lossRect_);
    label->position->setAxisRect(lossRect_);
    label->position->setAxes(lossRect_->axis(QCPAxis::atBottom), lossRect_->axis(QCPAxis::atLeft));
    label->position->setTypeX(QCPItemPosition::ptPlotCoords);
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(at, 0.0);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setPadding(QMargins(4, 2, 4, 2));
    label->setText(trainingPhaseTitle(epochs_[i].phase));
    label->setColor(palette().color(QPalette::WindowText));
  }

  // A dashed line at the epoch each phase kept (model selection, issue 18).
  kept_.clear();
  for (const PhaseSelection& sel : selections_) {
    for (std::size_t i = 0; i < epochs_.size(); ++i) {
      if (epochs_[i].phase != sel.phase || epochs_[i].epoch != sel.keptEpoch) continue;
      const double at = static_cast<double>(i + 1);
      kept_.emplace_back(at, tr("kept: epoch %1 (%2)")
                                 .arg(sel.keptEpoch)
                                 .arg(QString::fromStdString(selectionRuleName(sel.rule))));
      for (QCPAxisRect* r : {lossRect_, accuracyRect_})
        verticalLine(plot_, r, at, QPen(palette().color(QPalette::WindowText), 1, Qt::DashLine))
            ->setObjectName(QStringLiteral("keptEpochLine"));
    }
  }

  if (epochs_.empty()) {
    setAccessibleDescription(tr("No epoch yet."));
  } else {
    const EpochRecord& e = epochs_.back();
    setAccessibleDescription(
        tr("%1, epoch %2: training loss %3, accuracy %4 %; validation loss %5, mean "
           "per-stage accuracy %6 %.")
            .arg(trainingPhaseTitle(e.phase))
            .arg(e.epoch)
            .arg(e.trainLoss, 0, 'f', 3)
            .arg(100 * e.trainAccuracy, 0, 'f', 1)
            .arg(e.validationLoss, 0, 'f', 3)
            .arg(100 * e.validationAccuracy, 0, 'f', 1));
  }
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace flystage::ui
