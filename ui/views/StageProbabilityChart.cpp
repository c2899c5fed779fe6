#include "StageProbabilityChart.h"

#include <QVBoxLayout>

#include "CustomPlot.h"

#include "data/Stage.h"
#include "figure/Palette.h"

namespace flystage::ui {

StageProbabilityChart::StageProbabilityChart(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("probabilityChart"));
  setAccessibleName(tr("Probability of each stage"));
  setToolTip(
      tr("The chosen run's probability for each stage 4 to 17; the predicted stage is "
         "dark, the true stage is marked with ▲"));
  plot_ = new QCustomPlot(this);
  plot_->setObjectName(QStringLiteral("probabilityPlot"));
  plot_->setMinimumHeight(130);
  plot_->setBackground(palette().brush(QPalette::Base));
  plot_->setAccessibleName(accessibleName());

  bars_ = new QCPBars(plot_->xAxis, plot_->yAxis);
  bars_->setWidth(0.75);
  bars_->setPen(Qt::NoPen);
  bars_->setBrush(QColor(0x9d, 0xb1, 0xd6));
  predicted_ = new QCPBars(plot_->xAxis, plot_->yAxis);
  predicted_->setWidth(0.75);
  predicted_->setPen(Qt::NoPen);
  predicted_->setBrush(figure::applicationBlue());

  plot_->xAxis->setRange(kMinFineStage - 0.6, kMaxStage + 0.6);
  plot_->yAxis->setRange(0, 1);
  // The axis's name above it, across: written along the short axis, a long translation
  // ("Wahrscheinlichkeit") was cut off.
  addAxisCaption(plot_, tr("probability"), QStringLiteral("probabilityCaption"));
  plot_->xAxis->setLabel(tr("stage"));
  plot_->xAxis->grid()->setVisible(false);
  plot_->xAxis->setTickLength(0, 3);
  plot_->yAxis->ticker()->setTickCount(3);
  clear();

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
}

void StageProbabilityChart::setProbabilities(const QVector<double>& probabilities,
                                             int predictedStage, std::optional<int> trueStage) {
  values_ = probabilities;
  QVector<double> keys, others, top;
  for (int i = 0; i < static_cast<int>(probabilities.size()); ++i) {
    const int stage = kMinFineStage + i;
    keys << stage;
    others << (stage == predictedStage ? 0.0 : probabilities[i]);
    top << (stage == predictedStage ? probabilities[i] : 0.0);
  }
  bars_->setData(keys, others, true);
  predicted_->setData(keys, top, true);
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  for (int stage = kMinFineStage; stage <= kMaxStage; ++stage)
    ticker->addTick(
        stage, trueStage == stage ? QStringLiteral("%1\n▲").arg(stage) : QString::number(stage));
  plot_->xAxis->setTicker(ticker);
  QString text;
  if (!probabilities.isEmpty()) {
    QStringList parts;
    for (int i = 0; i < static_cast<int>(probabilities.size()); ++i)
      parts << tr("stage %1: %2%").arg(kMinFineStage + i).arg(qRound(probabilities[i] * 100));
    text = parts.join(QStringLiteral(", "));
  }
  plot_->setAccessibleDescription(text);
  plot_->replot();
}

void StageProbabilityChart::clear() {
  setProbabilities({}, 0, std::nullopt);
}

}  // namespace flystage::ui
