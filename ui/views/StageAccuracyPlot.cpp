#include "StageAccuracyPlot.h"

#include <QVBoxLayout>

#include <cmath>

#include "CustomPlot.h"
#include "DisplayNames.h"
#include "PlotSaving.h"
#include "data/Stage.h"
#include "figure/Palette.h"

namespace flystage::ui {

QColor StageAccuracyPlot::runColor(int index) {
  return figure::screenSeriesColor(index);
}

StageAccuracyPlot::StageAccuracyPlot(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)) {
  setObjectName(QStringLiteral("stageAccuracyPlot"));
  setAccessibleName(tr("Per-stage accuracy plot"));
  setToolTip(
      tr("Test accuracy of each stage 4..17, one bar per selected run. A missing bar: "
         "the run had no test image of that stage."));
  plot_->setObjectName(QStringLiteral("stageAccuracyCustomPlot"));
  plot_->setAccessibleName(tr("Per-stage accuracy plot"));
  plot_->setMinimumSize(240, 110);
  QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
  for (int s = kMinFineStage; s < kMinFineStage + kNumFineStages; ++s)
    ticks->addTick(s, QString::number(s));
  plot_->xAxis->setTicker(ticks);
  plot_->xAxis->setRange(kMinFineStage - 0.6, kMinFineStage + kNumFineStages - 0.4);
  plot_->xAxis->setLabel(tr("Stage"));
  plot_->xAxis->grid()->setVisible(false);
  plot_->yAxis->setRange(0, 100);
  plot_->yAxis->ticker()->setTickCount(3);  // 0, 50, 100: a low plot has room for no more
  // The axis's name above it, across: along the axis of a low plot it was cut off.
  addAxisCaption(plot_, tr("Test accuracy (%)"), QStringLiteral("accuracyCaption"));
  plot_->legend->setVisible(false);
  // The legend in a row of its own under the plot, its runs side by side: inside the axis
  // rect it covered the bars of the last stages.
  plot_->axisRect()->insetLayout()->take(plot_->legend);
  auto* legendRow = new QCPLayoutGrid;
  plot_->plotLayout()->addElement(2, 0, legendRow);  // below the caption and the bars
  plot_->plotLayout()->setRowStretchFactor(2, 0.001);
  legendRow->setMargins(QMargins(0, 0, 0, 4));
  legendRow->addElement(0, 0, new QCPLayoutElement(plot_));  // centres the legend
  legendRow->addElement(0, 1, plot_->legend);
  legendRow->addElement(0, 2, new QCPLayoutElement(plot_));
  plot_->legend->setFillOrder(QCPLegend::foColumnsFirst);
  plot_->legend->setWrap(3);
  addSavePlotAction(plot_, tr("stage-accuracy.png"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  plot_->replot();
}

void StageAccuracyPlot::setRuns(const std::vector<RunSummary>& runs) {
  runs_ = runs;
  plot_->clearPlottables();
  // Deleting the bars leaves their group empty; a fresh group per fill keeps it simple.
  for (auto* group : plot_->findChildren<QCPBarsGroup*>()) delete group;
  auto* group = new QCPBarsGroup(plot_);
  group->setSpacingType(QCPBarsGroup::stAbsolute);
  group->setSpacing(1);
  const double width = 0.8 / std::max<std::size_t>(1, runs_.size());
  QStringList description;
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    const RunSummary& r = runs_[i];
    auto* set = new QCPBars(plot_->xAxis, plot_->yAxis);
    const QColor color = runColor(static_cast<int>(i));
    set->setPen(QPen(color.darker(130)));
    set->setBrush(color);
    set->setWidth(width);
    set->setBarsGroup(group);
    set->setName(tr("#%1 %2 (seed %3): mean %4 %")
                     .arg(r.runId)
                     .arg(methodTitle(r.method))
                     .arg(r.seed)
                     .arg(100 * r.test.meanPerStageAccuracy, 0, 'f', 1));
    for (const auto& [stage, value] : bars(static_cast<int>(i))) set->addData(stage, value);
    description << set->name();
  }
  plot_->legend->setVisible(!runs_.empty());
  plot_->legend->setMaximumSize(plot_->legend->minimumOuterSizeHint());
  setAccessibleDescription(runs_.empty() ? tr("No finished run selected.")
                                         : description.join(QStringLiteral("; ")));
  plot_->replot();
}

QVector<QPair<int, double>> StageAccuracyPlot::bars(int runIndex) const {
  QVector<QPair<int, double>> out;
  if (runIndex < 0 || runIndex >= runCount()) return out;
  const StageMetrics& m = runs_[static_cast<std::size_t>(runIndex)].test;
  for (int i = 0; i < kNumFineStages; ++i)
    if (m.perStageCount[i] > 0 && std::isfinite(m.perStageAccuracy[i]))
      out.push_back({fineStageFromIndex(i), 100 * m.perStageAccuracy[i]});
  return out;
}

}  // namespace flystage::ui
