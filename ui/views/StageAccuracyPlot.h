#pragma once

#include <QVector>
#include <QWidget>

#include <vector>

#include "eval/RunComparison.h"

class QCustomPlot;

namespace flystage::ui {

// Per-stage test accuracy of one or several runs side by side (the paper's Table II as a
// picture): grouped bars over the stages 4..17, one colour per run, the legend naming
// each run with its mean per-stage accuracy.
class StageAccuracyPlot : public QWidget {
  Q_OBJECT

 public:
  explicit StageAccuracyPlot(QWidget* parent = nullptr);

  void setRuns(const std::vector<RunSummary>& runs);
  void clear() { setRuns({}); }

  int runCount() const { return static_cast<int>(runs_.size()); }
  // The bars of one run: stage -> accuracy in percent; stages without a test image have
  // no bar.
  QVector<QPair<int, double>> bars(int runIndex) const;
  QCustomPlot* plot() const { return plot_; }

  // Colour-blind safe (Okabe-Ito), shared with the accuracy table's run column.
  static QColor runColor(int index);

 private:
  std::vector<RunSummary> runs_;
  QCustomPlot* plot_;
};

}  // namespace flystage::ui
