#include "StageAccuracyTable.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

#include "DisplayNames.h"
#include "Plural.h"
#include "StageAccuracyPlot.h"
#include "data/Stage.h"

namespace flystage::ui {

namespace {

QTableWidgetItem* valueItem(double value, bool percent, int decimals = 1) {
  auto* item = new QTableWidgetItem;
  item->setData(Qt::UserRole, value);
  if (!std::isfinite(value))
    item->setText(QStringLiteral("–"));
  else
    item->setText(QString::number(percent ? 100 * value : value, 'f', decimals));
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  return item;
}

QTableWidgetItem* textItem(const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  return item;
}

}  // namespace

StageAccuracyTable::StageAccuracyTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName(QStringLiteral("stageAccuracyTable"));
  setAccessibleName(tr("Per-stage accuracy table"));
  setToolTip(
      tr("Test accuracy (%) of every stage and the summary figures of each selected "
         "run, as in the paper's Table II"));
  QStringList headers{tr("Run"), tr("Method"), tr("Seed")};
  for (int s = kMinFineStage; s < kMinFineStage + kNumFineStages; ++s)
    headers << QString::number(s);
  headers << tr("Mean/stage") << tr("Overall") << tr("±1 stage") << tr("MAE (stages)")
          << tr("Errors in range") << tr("Test images");
  setColumnCount(static_cast<int>(headers.size()));
  setHorizontalHeaderLabels(headers);
  const QStringList tips{
      tr("The run's number"), tr("Training method"), tr("Seed of the run"),
      // Stage columns get their tooltip below.
  };
  for (int c = 0; c < 3; ++c) horizontalHeaderItem(c)->setToolTip(tips[c]);
  for (int s = kMinFineStage; s < kMinFineStage + kNumFineStages; ++s)
    horizontalHeaderItem(stageColumn(s))
        ->setToolTip(tr("Test accuracy of stage %1 (%); – when no test image has it").arg(s));
  horizontalHeaderItem(MeanPerStage)
      ->setToolTip(tr("Mean of the per-stage accuracies (Table II's figure), %, with its 95 % "
                      "interval over the test images in brackets"));
  horizontalHeaderItem(Overall)->setToolTip(tr("Share of test images right, %"));
  horizontalHeaderItem(WithinOne)->setToolTip(tr("Share predicted within one stage, %"));
  horizontalHeaderItem(MeanAbsError)->setToolTip(tr("Mean absolute stage error, in stages"));
  horizontalHeaderItem(InsideRange)
      ->setToolTip(tr("Share of the errors that stay inside the true stage range, %"));
  horizontalHeaderItem(NTest)->setToolTip(tr("Number of test images"));
  verticalHeader()->setVisible(false);
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  setSelectionBehavior(QAbstractItemView::SelectItems);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setAlternatingRowColors(true);

  auto* copy = new QAction(tr("&Copy as Markdown"), this);
  copy->setObjectName(QStringLiteral("copyAccuracyTableAction"));
  copy->setShortcut(QKeySequence::Copy);
  copy->setShortcutContext(Qt::WidgetShortcut);
  copy->setToolTip(tr("Copy the table as Markdown, in the layout of the paper's Table II"));
  connect(copy, &QAction::triggered, this, &StageAccuracyTable::copyMarkdown);
  addAction(copy);
  setContextMenuPolicy(Qt::ActionsContextMenu);
}

QSize StageAccuracyTable::sizeHint() const {
  const int rows = std::max(1, rowCount());
  const int height = 2 * frameWidth() + horizontalHeader()->sizeHint().height() +
                     rows * verticalHeader()->defaultSectionSize() +
                     horizontalScrollBar()->sizeHint().height();
  return {QTableWidget::sizeHint().width(), height};
}

void StageAccuracyTable::setRuns(const std::vector<RunSummary>& runs) {
  runs_ = runs;
  // Each run's row, then its range-constrained row (the same test images, each call kept
  // inside its curator's range) where it has one, as `compare` prints them.
  struct Line {
    int run;
    const StageMetrics* metrics;
    bool constrained;
  };
  std::vector<Line> lines;
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    lines.push_back({static_cast<int>(i), &runs_[i].test, false});
    if (runs_[i].testConstrained)
      lines.push_back({static_cast<int>(i), &*runs_[i].testConstrained, true});
  }
  setRowCount(0);
  setRowCount(static_cast<int>(lines.size()));
  for (int row = 0; row < rowCount(); ++row) {
    const Line& line = lines[static_cast<std::size_t>(row)];
    const RunSummary& r = runs_[static_cast<std::size_t>(line.run)];
    auto* id = textItem(tr("#%1").arg(r.runId));
    id->setData(Qt::UserRole, QVariant::fromValue<qint64>(r.runId));
    id->setData(Qt::DecorationRole, StageAccuracyPlot::runColor(line.run));  // the bar colour
    setItem(row, 0, id);
    auto* method =
        textItem(line.constrained ? tr("%1, range-constrained").arg(methodTitle(r.method))
                                  : methodTitle(r.method));
    if (line.constrained)
      method->setToolTip(plural(tr("Each call kept inside the stage range a curator gave (%n of "
                                   "the test images had one)",
                                   nullptr, r.constrainedN),
                                r.constrainedN));
    setItem(row, 1, method);
    setItem(row, 2, textItem(QString::number(r.seed)));
    const StageMetrics& m = *line.metrics;
    for (int i = 0; i < kNumFineStages; ++i) {
      const double v = m.perStageCount[i] > 0 ? m.perStageAccuracy[i] : std::nan("");
      auto* cell = valueItem(v, true);
      cell->setToolTip(
          plural(tr("Stage %1: %n test image(s)", nullptr, m.perStageCount[i]), m.perStageCount[i])
              .arg(fineStageFromIndex(i)));
      setItem(row, kFirstStageColumn + i, cell);
    }
    auto* mean = valueItem(m.meanPerStageAccuracy, true);
    if (!line.constrained && r.meanPerStageInterval) {
      // As `compare` prints it: "42.9 [36.8, 49.0]"; the value stays the sort key.
      mean->setText(QString::fromStdString(percentText(*r.meanPerStageInterval)));
      mean->setToolTip(plural(tr("Mean per-stage accuracy (%) with its 95 % interval: a "
                                 "stratified bootstrap over the %n test image(s)",
                                 nullptr, r.meanPerStageInterval->n),
                              r.meanPerStageInterval->n));
    }
    setItem(row, MeanPerStage, mean);
    setItem(row, Overall, valueItem(m.overallAccuracy, true));
    setItem(row, WithinOne, valueItem(m.withinOneStageAccuracy, true));
    setItem(row, MeanAbsError, valueItem(m.meanAbsoluteStageError, false, 2));
    setItem(row, InsideRange, valueItem(m.errorsInsideTrueRange, true));
    auto* n = valueItem(m.nTest, false, 0);
    setItem(row, NTest, n);
  }
  const int n = static_cast<int>(runs_.size());
  setAccessibleDescription(plural(tr("%n run(s)", nullptr, n), n));
}

void StageAccuracyTable::copyMarkdown() {
  if (runs_.empty()) return;
  QApplication::clipboard()->setText(QString::fromStdString(comparisonTable(runs_)));
}

}  // namespace flystage::ui
