#pragma once

#include <QTableWidget>

#include <vector>

#include "eval/RunComparison.h"

namespace flystage::ui {

// The paper's Table II for the selected runs: one row per run, the test accuracy of every
// stage 4..17, then the mean per-stage accuracy, overall accuracy, within-one-stage
// accuracy, mean absolute stage error, the share of errors inside the true range and the
// number of test images. Cells hold the value itself in Qt::UserRole (NaN: no test image
// of that stage); "Copy" puts core's Markdown table (as `flystage-cli compare` prints) on
// the clipboard.
class StageAccuracyTable : public QTableWidget {
  Q_OBJECT

 public:
  // Columns after the run, method and seed columns and the 14 stages.
  enum SummaryColumn { MeanPerStage = 17, Overall, WithinOne, MeanAbsError, InsideRange, NTest };
  static constexpr int kFirstStageColumn = 3;

  explicit StageAccuracyTable(QWidget* parent = nullptr);

  void setRuns(const std::vector<RunSummary>& runs);
  const std::vector<RunSummary>& runs() const { return runs_; }
  static int stageColumn(int stage) { return kFirstStageColumn + stage - 4; }
  // As tall as its rows (at least one): the bars below take the rest of a low dock.
  QSize sizeHint() const override;

 public Q_SLOTS:
  void copyMarkdown();

 private:
  std::vector<RunSummary> runs_;
};

}  // namespace flystage::ui
