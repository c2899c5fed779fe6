#include "AgreementPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "ConfusionMatrixView.h"
#include "DisplayNames.h"
#include "model/StoredPredictions.h"
#include "store/RunStore.h"

namespace flystage::ui {

namespace {

QString kappaText(const Agreement& g) {
  if (std::isnan(g.kappa)) return QStringLiteral("-");
  return QString::fromStdString(intervalText(g.kappa, g.kappaInterval.lo, g.kappaInterval.hi, 2));
}

QString number(double v) {
  return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'f', 2);
}

QTableWidget* table(const QString& name, const QString& accessible, const QStringList& headers) {
  auto* t = new QTableWidget(0, headers.size());
  t->setObjectName(name);
  t->setAccessibleName(accessible);
  t->setHorizontalHeaderLabels(headers);
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSelectionBehavior(QAbstractItemView::SelectRows);
  t->setSelectionMode(QAbstractItemView::SingleSelection);
  t->verticalHeader()->hide();
  t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  return t;
}

void setRow(QTableWidget* t, int row, const QStringList& cells) {
  for (int c = 0; c < cells.size(); ++c) {
    auto* item = new QTableWidgetItem(cells[c]);
    if (c >= 2) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    t->setItem(row, c, item);
  }
}

}  // namespace

AgreementPanel::AgreementPanel(QWidget* parent) : QWidget(parent) {
  summary_ = new QLabel;
  summary_->setObjectName(QStringLiteral("agreementSummary"));
  summary_->setWordWrap(true);

  pairTable_ =
      table(QStringLiteral("agreementPairs"), tr("Agreement of each two labellers"),
            {tr("Labeller A"), tr("Labeller B"), tr("Images"), tr("Kappa [95% CI]"), tr("Exact")});
  pairTable_->setToolTip(
      tr("Cohen's kappa weighted by stage distance (1: always the same stage, 0: no better than "
         "chance) with its 95% bootstrap interval over images, and the share of images given "
         "the same stage"));
  connect(pairTable_, &QTableWidget::currentCellChanged, this, [this](int row) { showPair(row); });

  stageTable_ = table(QStringLiteral("agreementStages"), tr("Kappa per stage"), {tr("Stage")});
  stageTable_->setToolTip(
      tr("Per stage: the kappa of that stage against any other, for each "
         "pair of labellers; - where neither used the stage"));

  confusionCaption_ = new QLabel;
  confusionCaption_->setObjectName(QStringLiteral("agreementConfusionCaption"));
  confusion_ = new ConfusionMatrixView;
  confusion_->setObjectName(QStringLiteral("agreementConfusion"));
  confusion_->setAccessibleName(tr("Confusion between two labellers"));

  run_ = new QComboBox;
  run_->setObjectName(QStringLiteral("agreementRun"));
  run_->setAccessibleName(tr("Run beside the labellers"));
  run_->setToolTip(
      tr("The run whose stored calls are compared with each labeller on the "
         "images both labellers staged"));
  connect(run_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] { showRun(); });
  modelTable_ = table(
      QStringLiteral("agreementModel"), tr("The model beside the labellers"),
      {tr("Labellers"), tr("Images"), tr("Kappa A / B"), tr("Kappa run / A"), tr("Kappa run / B")});

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary_);
  layout->addWidget(pairTable_);
  layout->addWidget(new QLabel(tr("Per stage:")));
  layout->addWidget(stageTable_);
  layout->addWidget(confusionCaption_);
  layout->addWidget(confusion_);
  auto* runRow = new QHBoxLayout;
  runRow->addWidget(new QLabel(tr("Beside the run:")));
  runRow->addWidget(run_, 1);
  layout->addLayout(runRow);
  layout->addWidget(modelTable_);
  compute();
}

void AgreementPanel::setProject(Project* project) {
  project_ = project;
  fillRuns();
  refresh();
}

void AgreementPanel::refresh() {
  stale_ = true;
  if (isVisible()) compute();
}

void AgreementPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (stale_) compute();
}

void AgreementPanel::fillRuns() {
  const QSignalBlocker block(run_);
  run_->clear();
  run_->addItem(tr("None"), qint64(0));
  if (!project_) return;
  try {
    for (const auto& r : runstore::runs(*project_))
      run_->addItem(tr("#%1 %2").arg(r.id).arg(methodTitle(r.method)), qint64(r.id));
    // The run with the most stored calls, as the browser chooses.
    if (const auto best = runWithMostPredictions(*project_))
      run_->setCurrentIndex(std::max(0, run_->findData(qint64(*best))));
  } catch (const std::exception&) {
    // No runs to offer: the labellers' figures stand alone.
  }
}

void AgreementPanel::compute() {
  stale_ = false;
  votes_.clear();
  pairs_.clear();
  QString error;
  if (project_) {
    try {
      votes_ = labellerVotes(*project_);
      pairs_ = allPairs(votes_);
    } catch (const std::exception& e) {
      error = QString::fromUtf8(e.what());
    }
  }
  if (!error.isEmpty())
    summary_->setText(tr("The agreement could not be computed: %1").arg(error));
  else if (pairs_.empty())
    summary_->setText(
        tr("No two labellers have staged the same image yet. Set your name in "
           "Preferences (Labeller name); images another labeller staged are in "
           "Label next > Labeller conflicts when you disagree."));
  else
    summary_->setText(
        tr("%n pair(s) of labellers share images.", nullptr, static_cast<int>(pairs_.size())));

  pairTable_->setRowCount(static_cast<int>(pairs_.size()));
  for (int i = 0; i < static_cast<int>(pairs_.size()); ++i) {
    const Agreement& g = pairs_[static_cast<std::size_t>(i)];
    setRow(pairTable_, i,
           {QString::fromStdString(g.a), QString::fromStdString(g.b), QString::number(g.images),
            kappaText(g),
            std::isnan(g.exact) ? QStringLiteral("-")
                                : QStringLiteral("%1%").arg(100 * g.exact, 0, 'f', 1)});
  }

  stageTable_->clear();
  stageTable_->setColumnCount(1 + static_cast<int>(pairs_.size()));
  QStringList headers{tr("Stage")};
  for (const auto& g : pairs_)
    headers << QStringLiteral("%1 / %2").arg(QString::fromStdString(g.a),
                                             QString::fromStdString(g.b));
  stageTable_->setHorizontalHeaderLabels(headers);
  stageTable_->setRowCount(pairs_.empty() ? 0 : kNumFineStages);
  for (int s = 0; s < (pairs_.empty() ? 0 : kNumFineStages); ++s) {
    QStringList cells{QString::number(fineStageFromIndex(s))};
    for (const auto& g : pairs_) cells << number(g.perStageKappa[static_cast<std::size_t>(s)]);
    setRow(stageTable_, s, cells);
    stageTable_->item(s, 0)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  }

  if (!pairs_.empty()) pairTable_->setCurrentCell(0, 0);
  showPair(pairs_.empty() ? -1 : 0);
  showRun();
}

void AgreementPanel::showPair(int row) {
  if (row < 0 || row >= static_cast<int>(pairs_.size())) {
    confusion_->clear();
    confusionCaption_->setText(tr("Confusion between two labellers: none yet."));
    return;
  }
  const Agreement& g = pairs_[static_cast<std::size_t>(row)];
  confusion_->setConfusion(0, g.confusion);
  confusionCaption_->setText(tr("Confusion: %1 in rows, %2 in columns")
                                 .arg(QString::fromStdString(g.a), QString::fromStdString(g.b)));
}

void AgreementPanel::showRun() {
  modelTable_->setRowCount(0);
  const qint64 run = run_->currentData().toLongLong();
  if (!project_ || run == 0 || pairs_.empty()) return;
  std::vector<StoredPrediction> predictions;
  try {
    predictions = runstore::predictions(*project_, run);
  } catch (const std::exception& e) {
    summary_->setText(
        tr("Run #%1's calls could not be read: %2").arg(run).arg(QString::fromUtf8(e.what())));
    return;
  }
  const std::string name = "run #" + std::to_string(run);
  modelTable_->setRowCount(static_cast<int>(pairs_.size()));
  for (int i = 0; i < static_cast<int>(pairs_.size()); ++i) {
    const Agreement& g = pairs_[static_cast<std::size_t>(i)];
    const Agreement humans = labellerAgreementOn(predictions, votes_, g.a, g.b);
    setRow(modelTable_, i,
           {QStringLiteral("%1 / %2").arg(QString::fromStdString(g.a), QString::fromStdString(g.b)),
            QString::number(humans.images), kappaText(humans),
            kappaText(modelAgreement(predictions, votes_, g.a, g.b, name)),
            kappaText(modelAgreement(predictions, votes_, g.b, g.a, name))});
  }
}

}  // namespace flystage::ui
