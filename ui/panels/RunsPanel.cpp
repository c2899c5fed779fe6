#include "RunsPanel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <set>

#include "ConfusionMatrixView.h"
#include "DisplayNames.h"
#include "DurationText.h"
#include "Plural.h"
#include "StageAccuracyPlot.h"
#include "StageAccuracyTable.h"
#include "eval/ConfusionCell.h"
#include "eval/RunComparison.h"
#include "store/Project.h"
#include "store/RunStore.h"

namespace flystage::ui {

namespace {

QTableWidgetItem* item(const QVariant& display, const QVariant& raw = {}) {
  auto* i = new QTableWidgetItem;
  i->setData(Qt::DisplayRole, display);
  if (raw.isValid()) i->setData(Qt::UserRole, raw);
  i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  return i;
}

QString jsonText(const QJsonValue& v) {
  if (v.isArray()) {
    QStringList parts;
    for (const QJsonValue& e : v.toArray()) parts << jsonText(e);
    return parts.join(QStringLiteral(", "));
  }
  if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
  if (v.isDouble()) return QString::number(v.toDouble(), 'g', 12);
  return v.toString();
}

bool resumable(const QString& status, const QString& method) {
  return status != QStringLiteral("finished") && method != QStringLiteral("gabor");
}

// Sorts by the value under Qt::UserRole (the started column: the stored UTC time, which sorts
// as it reads, while the shown local time in the locale's format need not).
class RawSortedItem : public QTableWidgetItem {
 public:
  bool operator<(const QTableWidgetItem& other) const override {
    return data(Qt::UserRole).toString() < other.data(Qt::UserRole).toString();
  }
};

QTableWidgetItem* startedItem(const std::string& utcIso) {
  auto* i = new RawSortedItem;
  i->setData(Qt::DisplayRole, localTimeText(utcIso));
  i->setData(Qt::UserRole, QString::fromStdString(utcIso));
  i->setToolTip(QString::fromStdString(utcIso));  // the stored time, in UTC
  i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  return i;
}

}  // namespace

RunsPanel::RunsPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("runsPanel"));
  setAccessibleName(tr("Runs and evaluation"));

  resumeAct_ = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")),
                           tr("&Resume Run"), this);
  resumeAct_->setObjectName(QStringLiteral("resumeSelectedRunAction"));
  resumeAct_->setToolTip(
      tr("Continue the current run (cancelled, failed or interrupted) from "
         "its last finished epoch"));
  connect(resumeAct_, &QAction::triggered, this, [this] {
    if (const qint64 id = currentRunId()) Q_EMIT resumeRequested(id);
  });
  reloadAct_ =
      new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Re&load Runs"), this);
  reloadAct_->setObjectName(QStringLiteral("reloadRunsAction"));
  reloadAct_->setShortcut(QKeySequence::Refresh);
  reloadAct_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  reloadAct_->setToolTip(tr("Read the project's runs again (%1)")
                             .arg(reloadAct_->shortcut().toString(QKeySequence::NativeText)));
  connect(reloadAct_, &QAction::triggered, this, &RunsPanel::reload);
  addAction(reloadAct_);

  runs_ = new QTableWidget(0, 9, this);
  runs_->setObjectName(QStringLiteral("runsTable"));
  runs_->setAccessibleName(tr("Training runs"));
  runs_->setToolTip(
      tr("The project's training runs. Select several (Ctrl or Shift) to "
         "compare their per-stage accuracy side by side."));
  runs_->setHorizontalHeaderLabels({tr("Run"), tr("Method"), tr("Preset"), tr("Seed"), tr("Status"),
                                    tr("Device"), tr("Duration"), tr("Started"),
                                    tr("Mean/stage (%)")});
  runs_->horizontalHeaderItem(Accuracy)->setToolTip(
      tr("Mean per-stage test accuracy of a finished run"));
  runs_->horizontalHeaderItem(Duration)->setToolTip(tr("Training time, pauses left out"));
  runs_->verticalHeader()->setVisible(false);
  runs_->setSelectionBehavior(QAbstractItemView::SelectRows);
  runs_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  runs_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  runs_->setAlternatingRowColors(true);
  runs_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  runs_->horizontalHeader()->setStretchLastSection(true);
  runs_->horizontalHeader()->setSortIndicator(Id, Qt::DescendingOrder);  // newest first
  runs_->setSortingEnabled(true);
  runs_->addAction(resumeAct_);
  runs_->addAction(reloadAct_);
  runs_->setContextMenuPolicy(Qt::ActionsContextMenu);
  connect(runs_, &QTableWidget::itemSelectionChanged, this, &RunsPanel::updateEvaluation);
  connect(runs_, &QTableWidget::currentCellChanged, this, [this] {
    updateDetails();
    updateActions();
  });

  auto* toolbar = new QHBoxLayout;
  for (QAction* a : {resumeAct_, reloadAct_}) {
    auto* b = new QToolButton(this);
    b->setDefaultAction(a);
    b->setObjectName(a->objectName() + QStringLiteral("Button"));
    b->setAccessibleName(a->text().remove(QLatin1Char('&')));
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addWidget(b);
  }
  message_ = new QLabel(this);
  message_->setObjectName(QStringLiteral("runsMessageLabel"));
  message_->setAccessibleName(tr("Runs status"));
  message_->setWordWrap(true);
  toolbar->addWidget(message_, 1);

  // Per-stage accuracy: the table above its bars.
  accuracyTable_ = new StageAccuracyTable(this);
  accuracyPlot_ = new StageAccuracyPlot(this);
  auto* accuracySplit = new QSplitter(Qt::Vertical, this);
  accuracySplit->setObjectName(QStringLiteral("accuracySplitter"));
  accuracySplit->addWidget(accuracyTable_);
  accuracySplit->addWidget(accuracyPlot_);
  accuracySplit->setStretchFactor(1, 1);

  // The confusion matrix of one of the selected runs.
  auto* confusionPage = new QWidget(this);
  auto* confusionLayout = new QVBoxLayout(confusionPage);
  auto* chooserRow = new QHBoxLayout;
  auto* chooserLabel = new QLabel(tr("R&un:"), confusionPage);
  confusionRun_ = new QComboBox(confusionPage);
  confusionRun_->setObjectName(QStringLiteral("confusionRunCombo"));
  confusionRun_->setAccessibleName(tr("Run of the confusion matrix"));
  confusionRun_->setToolTip(tr("Which of the selected finished runs the matrix shows"));
  chooserLabel->setBuddy(confusionRun_);
  chooserRow->addWidget(chooserLabel);
  chooserRow->addWidget(confusionRun_, 1);
  confusionLayout->addLayout(chooserRow);
  confusion_ = new ConfusionMatrixView(confusionPage);
  // A low dock scrolls the matrix rather than squeezing its stage numbers together.
  auto* confusionScroll = new QScrollArea(confusionPage);
  confusionScroll->setObjectName(QStringLiteral("confusionScroll"));
  confusionScroll->setWidgetResizable(true);
  confusionScroll->setFrameShape(QFrame::NoFrame);
  confusionScroll->setWidget(confusion_);
  confusionLayout->addWidget(confusionScroll, 1);
  confusionHint_ = new QLabel(tr("Click a cell to show its test images."), confusionPage);
  confusionHint_->setObjectName(QStringLiteral("confusionHintLabel"));
  confusionHint_->setAccessibleName(tr("Confusion matrix status"));
  confusionHint_->setWordWrap(true);
  confusionLayout->addWidget(confusionHint_);
  connect(confusionRun_, &QComboBox::currentIndexChanged, this, &RunsPanel::updateConfusion);
  connect(confusion_, &ConfusionMatrixView::cellActivated, this, &RunsPanel::onCellActivated);

  details_ = new QPlainTextEdit(this);
  details_->setObjectName(QStringLiteral("runDetails"));
  details_->setAccessibleName(tr("Run settings"));
  details_->setToolTip(tr("Every setting of the current run, with the versions it ran with"));
  details_->setReadOnly(true);

  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("runsTabs"));
  tabs_->setAccessibleName(tr("Evaluation"));
  tabs_->addTab(accuracySplit, tr("Per-stage &accuracy"));
  tabs_->addTab(confusionPage, tr("Confusion &matrix"));
  tabs_->addTab(details_, tr("&Settings"));

  auto* top = new QWidget(this);
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addLayout(toolbar);
  topLayout->addWidget(runs_);
  // Selected runs evaluated on different test images: said under them (updateEvaluation).
  auto* testSets = new QLabel(top);
  testSets->setObjectName(QStringLiteral("testSetWarningLabel"));
  testSets->setAccessibleName(tr("Test sets of the selected runs"));
  testSets->setWordWrap(true);
  testSets->setTextInteractionFlags(Qt::TextSelectableByMouse);
  testSets->hide();
  topLayout->addWidget(testSets);
  // Side by side until resizeEvent() finds the panel tall enough to stack them: a dock
  // starts low, and stacked they would hold it tall.
  split_ = new QSplitter(Qt::Horizontal, this);
  split_->setObjectName(QStringLiteral("runsSplitter"));
  split_->addWidget(top);
  split_->addWidget(tabs_);
  split_->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split_);
  fill();
}

void RunsPanel::showConfusionMatrix() {
  tabs_->setCurrentIndex(1);
  showMatrixLarge_ = true;
  if (split_->orientation() == Qt::Vertical) split_->setSizes({height() / 5, height() * 4 / 5});
}

void RunsPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  const Qt::Orientation o = width() > 3 * height() ? Qt::Horizontal : Qt::Vertical;
  if (o == split_->orientation()) return;
  split_->setOrientation(o);
  // Stacked, the evaluation takes the larger share.
  if (o == Qt::Horizontal)
    split_->setSizes({width() / 2, width() / 2});
  else if (showMatrixLarge_)
    split_->setSizes({height() / 5, height() * 4 / 5});
  else
    split_->setSizes({height() / 3, height() * 2 / 3});
}

void RunsPanel::setProject(Project* project) {
  project_ = project;
  activeRun_ = 0;
  runs_->clearSelection();
  fill();
  // Open on the newest finished run, so its evaluation shows at once.
  if (project_) {
    try {
      qint64 newest = 0;
      for (const auto& r : runstore::runs(*project_))
        if (r.status == "finished" && r.id > newest) newest = r.id;
      if (newest) selectRuns({newest});
    } catch (const std::exception&) {
      // fill() has already shown why the runs cannot be read
    }
  }
}

void RunsPanel::reload() {
  const auto selected = selectedRunIds();
  const qint64 current = currentRunId();
  fill();
  selectRuns(selected);
  if (current) {
    for (int row = 0; row < runs_->rowCount(); ++row)
      if (runs_->item(row, Id)->data(Qt::UserRole).toLongLong() == current)
        runs_->setCurrentCell(row, Id, QItemSelectionModel::NoUpdate);
  }
}

void RunsPanel::setActiveRun(qint64 runId) {
  if (activeRun_ == runId) return;
  activeRun_ = runId;
  reload();
}

void RunsPanel::fill() {
  const QSignalBlocker blocker(runs_);
  runs_->setSortingEnabled(false);
  runs_->setRowCount(0);
  message_->clear();
  if (project_) {
    try {
      const auto records = runstore::runs(*project_);
      runs_->setRowCount(static_cast<int>(records.size()));
      for (int row = 0; row < runs_->rowCount(); ++row) {
        const RunRecord& r = records[static_cast<std::size_t>(row)];
        const QString status = QString::fromStdString(r.status);
        runs_->setItem(row, Id,
                       item(QVariant::fromValue<qint64>(r.id), QVariant::fromValue<qint64>(r.id)));
        runs_->setItem(row, Method, item(methodTitle(r.method), QString::fromStdString(r.method)));
        runs_->setItem(row, Preset, item(QString::fromStdString(r.preset)));
        runs_->setItem(row, Seed, item(QVariant::fromValue<qulonglong>(r.seed)));
        auto* statusItem = item(statusTitle(status, r.id == activeRun_), status);
        if (status == QStringLiteral("running") && r.id != activeRun_)
          statusItem->setToolTip(
              tr("Marked as running, but not by this window: another "
                 "FlyStage may be training it, or its process ended "
                 "without finishing (then resume it)"));
        runs_->setItem(row, Status, statusItem);
        runs_->setItem(row, Device, item(QString::fromStdString(r.device)));
        auto* duration = item(durationText(r.durationSeconds), r.durationSeconds);
        runs_->setItem(row, Duration, duration);
        runs_->setItem(row, Started, startedItem(r.startedAt));
        QVariant accuracy;
        if (r.status == "finished")
          if (const auto json = runstore::metricJson(*project_, r.id, "test"))
            accuracy = 100 * stageMetricsFromJson(*json).meanPerStageAccuracy;
        auto* acc = item(accuracy.isValid() ? QVariant(QString::number(accuracy.toDouble(), 'f', 1))
                                            : QVariant(QStringLiteral("–")),
                         accuracy);
        acc->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        runs_->setItem(row, Accuracy, acc);
        for (int c = 0; c < runs_->columnCount(); ++c)
          runs_->item(row, c)->setData(Qt::UserRole + 1, status);
      }
      if (records.empty())
        message_->setText(tr("No runs yet: train a model in the Training panel."));
    } catch (const std::exception& e) {
      message_->setText(tr("The runs could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
  } else {
    message_->setText(tr("Open a project to see its runs."));
  }
  runs_->setSortingEnabled(true);
  updateEvaluation();
}

std::vector<qint64> RunsPanel::selectedRunIds() const {
  std::set<int> rows;
  for (const QModelIndex& i : runs_->selectionModel()->selectedRows()) rows.insert(i.row());
  std::vector<qint64> ids;
  for (int row : rows) ids.push_back(runs_->item(row, Id)->data(Qt::UserRole).toLongLong());
  return ids;
}

void RunsPanel::selectRuns(const std::vector<qint64>& ids) {
  const QSignalBlocker blocker(runs_);
  runs_->clearSelection();
  bool first = true;
  for (int row = 0; row < runs_->rowCount(); ++row) {
    const qint64 id = runs_->item(row, Id)->data(Qt::UserRole).toLongLong();
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) continue;
    const auto flags = QItemSelectionModel::Select | QItemSelectionModel::Rows;
    runs_->selectionModel()->select(runs_->model()->index(row, 0), flags);
    if (first) runs_->setCurrentCell(row, Id, QItemSelectionModel::NoUpdate);
    first = false;
  }
  updateEvaluation();
}

qint64 RunsPanel::currentRunId() const {
  const int row = runs_->currentRow();
  if (row < 0 || !runs_->item(row, Id)) return 0;
  return runs_->item(row, Id)->data(Qt::UserRole).toLongLong();
}

void RunsPanel::updateEvaluation() {
  // The finished runs among the selected ones, in the table's order.
  std::vector<std::int64_t> finished;
  for (qint64 id : selectedRunIds())
    for (int row = 0; row < runs_->rowCount(); ++row)
      if (runs_->item(row, Id)->data(Qt::UserRole).toLongLong() == id &&
          runs_->item(row, Status)->data(Qt::UserRole).toString() == QStringLiteral("finished"))
        finished.push_back(id);
  std::sort(finished.begin(), finished.end());  // Table II's rows in the order of the runs
  std::vector<RunSummary> summaries;
  if (project_ && !finished.empty()) {
    try {
      summaries = loadRunSummaries(*project_, finished);
    } catch (const std::exception& e) {
      message_->setText(QString::fromUtf8(e.what()));
    }
  }
  accuracyTable_->setRuns(summaries);
  accuracyPlot_->setRuns(summaries);
  if (auto* testSets = findChild<QLabel*>(QStringLiteral("testSetWarningLabel"))) {
    QStringList sets;
    if (summaries.size() > 1) {
      std::vector<std::int64_t> ids;
      for (const RunSummary& s : summaries) ids.push_back(s.runId);
      try {
        const auto groups = testSetGroups(*project_, ids);
        for (std::size_t g = 0; groups.size() > 1 && g < groups.size(); ++g) {
          QStringList runs;
          for (auto id : groups[g].runs) runs << QStringLiteral("#%1").arg(id);
          sets << tr("%1 on %n test image(s)", nullptr, static_cast<int>(groups[g].images))
                      .arg(runs.join(QStringLiteral(", ")));
        }
      } catch (const std::exception&) {
        sets.clear();  // the comparison shows without the note; loading said what failed
      }
    }
    testSets->setText(sets.isEmpty() ? QString()
                                     : tr("These runs were evaluated on different test sets: %1 "
                                          "(another split seed, a re-split or changed test "
                                          "labels lie between them); their figures are not "
                                          "measured on the same images.")
                                           .arg(sets.join(QStringLiteral("; "))));
    testSets->setVisible(!sets.isEmpty());
  }

  const qint64 was = confusionRun_->currentData().toLongLong();
  {
    const QSignalBlocker blocker(confusionRun_);
    confusionRun_->clear();
    for (const RunSummary& s : summaries)
      confusionRun_->addItem(tr("#%1 %2 (%3, seed %4)")
                                 .arg(s.runId)
                                 .arg(methodTitle(s.method), QString::fromStdString(s.preset))
                                 .arg(s.seed),
                             QVariant::fromValue<qint64>(s.runId));
    // The current run's matrix, else the one shown before, else the first.
    const qint64 current = currentRunId();
    int at = confusionRun_->findData(QVariant::fromValue<qint64>(current));
    if (at < 0) at = confusionRun_->findData(QVariant::fromValue<qint64>(was));
    confusionRun_->setCurrentIndex(at >= 0 ? at : (confusionRun_->count() > 0 ? 0 : -1));
  }
  confusionRun_->setEnabled(confusionRun_->count() > 1);
  updateConfusion();
  updateDetails();
  updateActions();
}

void RunsPanel::updateConfusion() {
  const qint64 id = confusionRun_->currentData().toLongLong();
  for (const RunSummary& s : accuracyTable_->runs())
    if (s.runId == id) {
      confusion_->setConfusion(id, s.test.confusion);
      confusionHint_->setText(tr("Click a cell to show its test images."));
      return;
    }
  confusion_->clear();
  confusionHint_->setText(tr("Select a finished run to see its confusion matrix."));
}

void RunsPanel::updateDetails() {
  const qint64 id = currentRunId();
  if (!project_ || !id) {
    details_->clear();
    return;
  }
  try {
    const auto r = runstore::run(*project_, id);
    if (!r) return details_->clear();
    QStringList lines;
    lines << tr("Run #%1: %2, preset %3, seed %4")
                 .arg(id)
                 .arg(methodTitle(r->method), QString::fromStdString(r->preset))
                 .arg(r->seed);
    lines << tr("Status: %1 · device %2 · started %3 · duration %4")
                 .arg(statusTitle(r->status, id == activeRun_), QString::fromStdString(r->device),
                      localTimeText(r->startedAt), durationText(r->durationSeconds));
    lines << QString() << tr("Settings:");
    const QJsonObject params =
        QJsonDocument::fromJson(QByteArray::fromStdString(r->paramsJson)).object();
    for (auto it = params.begin(); it != params.end(); ++it)
      lines << QStringLiteral("  %1: %2").arg(it.key(), jsonText(it.value()));
    lines << QString() << tr("Versions: %1").arg(QString::fromStdString(r->versionsJson));
    details_->setPlainText(lines.join(QLatin1Char('\n')));
  } catch (const std::exception& e) {
    details_->setPlainText(QString::fromUtf8(e.what()));
  }
}

void RunsPanel::updateActions() {
  const int row = runs_->currentRow();
  bool canResume = false;
  if (project_ && row >= 0 && runs_->item(row, Status)) {
    const qint64 id = currentRunId();
    canResume =
        id != activeRun_ && resumable(runs_->item(row, Status)->data(Qt::UserRole).toString(),
                                      runs_->item(row, Method)->data(Qt::UserRole).toString());
  }
  resumeAct_->setEnabled(canResume);
  reloadAct_->setEnabled(project_ != nullptr);
}

void RunsPanel::onCellActivated(qint64 runId, int trueStage, int predictedStage) {
  Q_EMIT cellActivated(runId, trueStage, predictedStage);
  if (!project_) return;
  try {
    QList<qint64> ids;
    for (std::int64_t id : confusionCellImages(*project_, runId, trueStage, predictedStage))
      ids.push_back(id);
    confusionHint_->setText(plural(tr("Run #%1: %n test image(s) of stage %2 predicted as %3.",
                                      nullptr, static_cast<int>(ids.size())),
                                   static_cast<int>(ids.size()))
                                .arg(runId)
                                .arg(trueStage)
                                .arg(predictedStage));
    Q_EMIT imagesActivated(runId, trueStage, predictedStage, ids);
  } catch (const std::exception& e) {
    confusionHint_->setText(QString::fromUtf8(e.what()));
  }
}

}  // namespace flystage::ui
