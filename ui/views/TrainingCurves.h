#pragma once

#include <QWidget>

#include <vector>

#include "store/RunStore.h"

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;

namespace flystage::ui {

// Live loss and accuracy curves of a run, one point per epoch (the way Teachable Machine
// shows training): training and validation loss above, training and validation accuracy
// below, the epochs of all phases in a row with each phase's start marked and named.
class TrainingCurves : public QWidget {
  Q_OBJECT

 public:
  explicit TrainingCurves(QWidget* parent = nullptr);

  void clear();
  // A run's stored history (runstore::epochs), e.g. before resuming it.
  void setEpochs(const std::vector<EpochRecord>& epochs);
  // One more epoch; an epoch already shown (same phase and number: repeated after a
  // resume) is replaced.
  void addEpoch(const EpochRecord& epoch);

  const std::vector<EpochRecord>& epochs() const { return epochs_; }
  int epochCount() const { return static_cast<int>(epochs_.size()); }
  // Points of a curve that have a value (validation ones are missing without a
  // validation part); for tests.
  int pointCount(bool validation, bool accuracy) const;
  QCustomPlot* plot() const { return plot_; }

 private:
  void rebuild();

  std::vector<EpochRecord> epochs_;
  QCustomPlot* plot_;
  QCPAxisRect* lossRect_;
  QCPAxisRect* accuracyRect_;
  QCPGraph* trainLoss_;
  QCPGraph* validationLoss_;
  QCPGraph* trainAccuracy_;
  QCPGraph* validationAccuracy_;
};

}  // namespace flystage::ui
