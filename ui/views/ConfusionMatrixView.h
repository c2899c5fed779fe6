#pragma once

#include <QWidget>

#include <array>

#include "data/Stage.h"

namespace flystage::ui {

// A run's test confusion matrix as a heat map: true stages 4..17 in rows, predicted stages
// in columns, the count in each cell, shaded by its share of the row (so rare stages read
// as well as common ones). The cells one stage off the diagonal (the adjacent-stage band,
// the smaller mistake) are outlined. Clicking a cell, or Enter on the current one, emits
// cellActivated: the lead shows those images (Orange's "the matrix leads to the images").
class ConfusionMatrixView : public QWidget {
  Q_OBJECT

 public:
  using Counts = std::array<std::array<int, kNumFineStages>, kNumFineStages>;

  explicit ConfusionMatrixView(QWidget* parent = nullptr);

  // counts[t][p]: images of true stage 4+t predicted as 4+p (StageMetrics::confusion).
  void setConfusion(qint64 runId, const Counts& counts);
  void clear();

  qint64 runId() const { return runId_; }
  int count(int trueStage, int predictedStage) const;
  // Where the cell is drawn, in widget coordinates (tests click its centre).
  QRect cellRect(int trueStage, int predictedStage) const;
  // Where a predicted stage's number is drawn above its column. Cells never get narrower
  // than two digits: a small view keeps that size and is scrolled (RunsPanel).
  QRect columnLabelRect(int predictedStage) const;
  int currentTrueStage() const { return currentTrue_; }
  int currentPredictedStage() const { return currentPredicted_; }
  void setCurrentCell(int trueStage, int predictedStage);

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 Q_SIGNALS:
  // Only for a cell that holds images (an empty cell has nothing to show).
  void cellActivated(qint64 runId, int trueStage, int predictedStage);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  bool event(QEvent* event) override;

 private:
  struct Geometry {
    QRect grid;  // the 14 x 14 cells
    int cell = 0;
  };
  Geometry geometry() const;
  // The narrowest cell whose stage number ("17") and count still read.
  int minimumCell() const;
  // (true, predicted) stage under a point; (0, 0) outside the grid.
  std::pair<int, int> cellAt(const QPoint& pos) const;
  int rowTotal(int trueStage) const;
  QString cellText(int trueStage, int predictedStage) const;
  void activate(int trueStage, int predictedStage);

  qint64 runId_ = 0;
  Counts counts_{};
  bool empty_ = true;
  int currentTrue_ = kMinFineStage;
  int currentPredicted_ = kMinFineStage;
};

}  // namespace flystage::ui
