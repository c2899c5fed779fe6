#pragma once

#include <QVector>
#include <QWidget>

#include <optional>

class QCustomPlot;
class QCPBars;

namespace flystage::ui {

// A bar per stage 4..17 with the run's probability for it: the predicted stage's bar stands
// out, and the true stage (when known) is marked under the axis. Read-only.
class StageProbabilityChart : public QWidget {
  Q_OBJECT

 public:
  explicit StageProbabilityChart(QWidget* parent = nullptr);

  // 14 probabilities (stages 4..17), or none to show an empty chart.
  void setProbabilities(const QVector<double>& probabilities, int predictedStage,
                        std::optional<int> trueStage);
  void clear();
  QVector<double> probabilities() const { return values_; }
  QCustomPlot* plot() const { return plot_; }

 private:
  QCustomPlot* plot_;
  QCPBars* bars_;
  QCPBars* predicted_;
  QVector<double> values_;
};

}  // namespace flystage::ui
