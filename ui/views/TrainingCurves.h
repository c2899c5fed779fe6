#pragma once

#include <QWidget>

#include <vector>

#include "store/RunStore.h"
#include "train/EpochSelection.h"

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPMarginGroup;
class QCPTextElement;

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
  // Which epoch each phase kept (runstore::selections): a dashed line at it, its tooltip
  // "kept: epoch 9 (best-validation-loss)". Cleared by clear() and setEpochs().
  void setSelections(const std::vector<PhaseSelection>& selections);
  // The kept-epoch marks shown (their tooltips, in phase order); for tests.
  QStringList keptMarks() const;

  const std::vector<EpochRecord>& epochs() const { return epochs_; }
  int epochCount() const { return static_cast<int>(epochs_.size()); }
  // Points of a curve that have a value (validation ones are missing without a
  // validation part); for tests.
  int pointCount(bool validation, bool accuracy) const;
  QCustomPlot* plot() const { return plot_; }
  // Whether the accuracy plot stands beside the loss plot (a wide, low dock) or below it.
  bool sideBySide() const { return sideBySide_; }

 protected:
  void resizeEvent(QResizeEvent* event) override;
  bool event(QEvent* event) override;  // the kept-epoch tooltips

 private:
  void rebuild();
  void arrange(bool sideBySide);
  void place();  // the plots and their captions where sideBySide_ says

  std::vector<EpochRecord> epochs_;
  std::vector<PhaseSelection> selections_;
  std::vector<std::pair<double, QString>> kept_;  // x of each kept epoch and its tooltip
  QCustomPlot* plot_;
  QCPAxisRect* lossRect_;
  QCPAxisRect* accuracyRect_;
  QCPGraph* trainLoss_;
  QCPGraph* validationLoss_;
  QCPGraph* trainAccuracy_;
  QCPGraph* validationAccuracy_;
  QCPMarginGroup* margins_;
  QCPTextElement* lossCaption_;
  QCPTextElement* accuracyCaption_;
  bool sideBySide_ = false;
};

}  // namespace flystage::ui
