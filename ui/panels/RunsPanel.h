#pragma once

#include <QList>
#include <QWidget>

#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTableWidget;
class QTabWidget;

namespace flystage {
class Project;
}

namespace flystage::ui {

class ConfusionMatrixView;
class StageAccuracyPlot;
class StageAccuracyTable;

// The project's training runs and their evaluation: the list of runs with their settings,
// status, duration and device; for the selected finished runs, side by side, the per-stage
// test accuracy (table and bars, as the paper's Table II); and one run's confusion matrix,
// whose cells lead to the test images behind them.
class RunsPanel : public QWidget {
  Q_OBJECT

 public:
  // Columns of runTable().
  enum Column { Id, Method, Preset, Seed, Status, Device, Duration, Started, Accuracy };

  explicit RunsPanel(QWidget* parent = nullptr);

  // The GUI thread's connection (read only); nullptr clears the panel.
  void setProject(Project* project);

  std::vector<qint64> selectedRunIds() const;
  void selectRuns(const std::vector<qint64>& ids);

  QTableWidget* runTable() const { return runs_; }
  StageAccuracyTable* accuracyTable() const { return accuracyTable_; }
  StageAccuracyPlot* accuracyPlot() const { return accuracyPlot_; }
  ConfusionMatrixView* confusionView() const { return confusion_; }
  QTabWidget* tabs() const { return tabs_; }
  // The confusion matrix in front, with most of the panel's height when it is stacked.
  void showConfusionMatrix();
  // For menus: resume the current run (enabled for an interrupted one) and reload the list.
  QAction* resumeAction() const { return resumeAct_; }
  QAction* reloadAction() const { return reloadAct_; }

 public Q_SLOTS:
  // Reads the runs again, keeping the selection (after a training ended, or an import).
  void reload();
  // The run this window is training (0: none): shown as such and never offered for resuming.
  void setActiveRun(qint64 runId);

 Q_SIGNALS:
  // A confusion-matrix cell was clicked (or Enter): true stage row, predicted stage column.
  void cellActivated(qint64 runId, int trueStage, int predictedStage);
  // The same click with the ids of the test images behind the cell (ascending), for the
  // image browser's filter.
  void imagesActivated(qint64 runId, int trueStage, int predictedStage,
                       const QList<qint64>& imageIds);
  void resumeRequested(qint64 runId);

 protected:
  // A wide, low dock shows the runs beside their evaluation; a taller one, above it.
  void resizeEvent(QResizeEvent* event) override;

 private:
  void fill();
  void updateEvaluation();
  void updateConfusion();
  void updateDetails();
  void updateActions();
  void onCellActivated(qint64 runId, int trueStage, int predictedStage);
  qint64 currentRunId() const;

  Project* project_ = nullptr;
  qint64 activeRun_ = 0;

  QTableWidget* runs_;
  QSplitter* split_;
  bool showMatrixLarge_ = false;  // showConfusionMatrix(): the matrix keeps most of the height
  QTabWidget* tabs_;
  StageAccuracyTable* accuracyTable_;
  StageAccuracyPlot* accuracyPlot_;
  QComboBox* confusionRun_;
  ConfusionMatrixView* confusion_;
  QLabel* confusionHint_;
  QPlainTextEdit* details_;
  QLabel* message_;
  QAction* resumeAct_;
  QAction* reloadAct_;
};

}  // namespace flystage::ui
