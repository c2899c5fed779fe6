#include "FilterBar.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "DisplayNames.h"
#include "Plural.h"
#include "data/Stage.h"

namespace flystage::ui {

namespace {

template <typename T>
void selectData(QComboBox* box, const T& value) {
  const int i = box->findData(QVariant::fromValue(value));
  box->setCurrentIndex(i < 0 ? 0 : i);
}

std::optional<int> optionalStage(const QComboBox* box) {
  const int v = box->currentData().toInt();
  return v > 0 ? std::optional<int>(v) : std::nullopt;
}

QLabel* caption(const QString& text, QWidget* buddy, QWidget* parent) {
  auto* l = new QLabel(text, parent);
  l->setBuddy(buddy);
  return l;
}

}  // namespace

QComboBox* FilterBar::combo(const QString& objectName, const QString& accessibleName,
                            const QString& toolTip) {
  auto* box = new QComboBox(this);
  box->setObjectName(objectName);
  box->setAccessibleName(accessibleName);
  box->setToolTip(toolTip);
  box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::emitFilter);
  return box;
}

FilterBar::FilterBar(QWidget* parent) : QWidget(parent) {
  updating_ = true;  // no signal until every control exists
  setObjectName(QStringLiteral("filterBar"));
  setAccessibleName(tr("Image filters"));

  text_ = new QLineEdit(this);
  text_->setObjectName(QStringLiteral("imageFilter"));
  text_->setPlaceholderText(tr("Filter by file, gene, stage range or split (Ctrl+F)"));
  text_->setAccessibleName(tr("Filter images"));
  text_->setToolTip(tr("Show only the images whose file, gene, stage or split contains this"));
  text_->setClearButtonEnabled(true);
  connect(text_, &QLineEdit::textChanged, this, &FilterBar::emitFilter);

  sort_ = new QComboBox(this);
  sort_->setObjectName(QStringLiteral("sortOrder"));
  sort_->setAccessibleName(tr("Sort images"));
  sort_->setToolTip(tr("The order of the grid and the table"));
  sort_->addItem(tr("By image number"), static_cast<int>(Sort::Id));
  sort_->addItem(tr("Least confident first"), static_cast<int>(Sort::ConfidenceAscending));
  sort_->addItem(tr("Most confident first"), static_cast<int>(Sort::ConfidenceDescending));
  sort_->addItem(tr("Label-next order"), static_cast<int>(Sort::QueueRank));
  sort_->addItem(tr("By a table column"), static_cast<int>(Sort::Column));
  connect(sort_, &QComboBox::currentIndexChanged, this, [this] {
    if (!updating_) Q_EMIT sortChanged(sort());
  });

  details_ = new QToolButton(this);
  details_->setObjectName(QStringLiteral("filtersButton"));
  details_->setText(tr("Filters"));
  details_->setCheckable(true);
  details_->setToolButtonStyle(Qt::ToolButtonTextOnly);
  details_->setAccessibleName(tr("Show the filters"));
  details_->setToolTip(tr("Show or hide the filters on labels, split and predictions"));

  reset_ = new QToolButton(this);
  reset_->setObjectName(QStringLiteral("resetFilters"));
  reset_->setText(tr("Show All"));
  reset_->setAccessibleName(tr("Reset the filters"));
  reset_->setToolTip(tr("Clear every filter and show all images (the run stays chosen)"));
  connect(reset_, &QToolButton::clicked, this, [this] {
    ImageFilter f;
    f.runId = filter().runId;
    setFilter(f);
    Q_EMIT filterChanged(filter());
  });

  count_ = new QLabel(this);
  count_->setObjectName(QStringLiteral("filterCount"));
  count_->setForegroundRole(QPalette::PlaceholderText);

  viewButtons_ = new QHBoxLayout;
  viewButtons_->setSpacing(0);
  auto* top = new QHBoxLayout;
  top->setContentsMargins(0, 0, 0, 0);
  top->addWidget(text_, 1);
  top->addWidget(details_);
  top->addWidget(reset_);
  top->addLayout(viewButtons_);
  auto* status = new QHBoxLayout;
  status->setContentsMargins(0, 0, 0, 0);
  status->addWidget(count_, 1);
  auto* sortCaption = new QLabel(tr("S&ort"), this);
  sortCaption->setBuddy(sort_);
  status->addWidget(sortCaption);
  status->addWidget(sort_);

  // Label, split and gene conditions.
  range_ = combo(QStringLiteral("filterRange"), tr("Stage range filter"),
                 tr("Only images labelled with this stage range"));
  range_->addItem(tr("Any"), QString());
  for (const auto& r : allStageRanges()) {
    const QString name = QString::fromStdString(r.name());
    range_->addItem(name, name);
  }
  stage_ = combo(QStringLiteral("filterStage"), tr("Stage filter"),
                 tr("Only images labelled with this precise stage"));
  stage_->addItem(tr("Any"), 0);
  for (int s = kMinStage; s <= kMaxStage; ++s) stage_->addItem(QString::number(s), s);
  gene_ = new QComboBox(this);
  gene_->setObjectName(QStringLiteral("filterGene"));
  gene_->setAccessibleName(tr("Gene filter"));
  gene_->setToolTip(tr("Only images of this gene (type a name, or pick one; empty: any)"));
  gene_->setEditable(true);
  gene_->setInsertPolicy(QComboBox::NoInsert);
  gene_->setMinimumContentsLength(10);
  gene_->lineEdit()->setPlaceholderText(tr("Any"));
  gene_->completer()->setCaseSensitivity(Qt::CaseInsensitive);
  gene_->completer()->setFilterMode(Qt::MatchContains);
  connect(gene_, &QComboBox::activated, this, &FilterBar::emitFilter);
  connect(gene_->lineEdit(), &QLineEdit::editingFinished, this, &FilterBar::emitFilter);
  connect(gene_->lineEdit(), &QLineEdit::textChanged, this, [this](const QString& t) {
    if (t.isEmpty()) emitFilter();  // the clear button
  });
  gene_->lineEdit()->setClearButtonEnabled(true);
  split_ = combo(QStringLiteral("filterSplit"), tr("Split filter"),
                 tr("Only images in this part of the split"));
  split_->addItem(tr("Any"), static_cast<int>(ImageFilter::SplitChoice::Any));
  split_->addItem(tr("Training"), static_cast<int>(ImageFilter::SplitChoice::Train));
  split_->addItem(tr("Validation"), static_cast<int>(ImageFilter::SplitChoice::Validation));
  split_->addItem(tr("Test"), static_cast<int>(ImageFilter::SplitChoice::Test));
  split_->addItem(tr("Not in the split"), static_cast<int>(ImageFilter::SplitChoice::None));
  labelled_ = combo(QStringLiteral("filterLabelled"), tr("Label state filter"),
                    tr("Labelled or not: a range only, a precise stage, or no label"));
  labelled_->addItem(tr("Any"), static_cast<int>(ImageFilter::LabelState::Any));
  labelled_->addItem(tr("Unlabelled"), static_cast<int>(ImageFilter::LabelState::Unlabelled));
  labelled_->addItem(tr("Range only"), static_cast<int>(ImageFilter::LabelState::RangeOnly));
  labelled_->addItem(tr("With a stage"), static_cast<int>(ImageFilter::LabelState::WithStage));
  labelled_->addItem(tr("Labelled"), static_cast<int>(ImageFilter::LabelState::Labelled));

  // Prediction conditions: they read the chosen run.
  run_ = combo(QStringLiteral("filterRun"), tr("Run"),
               tr("The training run whose predictions are shown and filtered"));
  run_->addItem(tr("No run"), QVariant::fromValue<qlonglong>(0));
  predicted_ = combo(QStringLiteral("filterPredicted"), tr("Predicted stage filter"),
                     tr("Only images the run predicts as this stage"));
  trueStage_ = combo(QStringLiteral("filterTrueStage"), tr("True stage filter"),
                     tr("Only images of this true stage: the stage the run trained or tested "
                        "against, else the current label"));
  predicted_->addItem(tr("Any"), 0);
  trueStage_->addItem(tr("Any"), 0);
  for (int s = kMinFineStage; s <= kMaxStage; ++s) {
    predicted_->addItem(QString::number(s), s);
    trueStage_->addItem(QString::number(s), s);
  }
  correctness_ = combo(QStringLiteral("filterCorrectness"), tr("Right or wrong filter"),
                       tr("Only predictions that match the true stage, or only those that miss"));
  correctness_->addItem(tr("Any"), static_cast<int>(ImageFilter::Correctness::Any));
  correctness_->addItem(tr("Right"), static_cast<int>(ImageFilter::Correctness::Correct));
  correctness_->addItem(tr("Wrong"), static_cast<int>(ImageFilter::Correctness::Wrong));
  // Chosen by hand, the predicted stage is the call shown again (not a matrix cell's).
  for (QComboBox* box : {predicted_, correctness_}) {
    disconnect(box, &QComboBox::currentIndexChanged, this, &FilterBar::emitFilter);
    connect(box, &QComboBox::currentIndexChanged, this, [this] {
      if (!updating_) modelStage_ = false;
      emitFilter();
    });
  }
  auto spin = [this](const QString& name, const QString& accessible, const QString& tip,
                     int value) {
    auto* s = new QSpinBox(this);
    s->setObjectName(name);
    s->setAccessibleName(accessible);
    s->setToolTip(tip);
    s->setRange(0, 100);
    s->setSuffix(tr(" %"));
    s->setValue(value);
    connect(s, &QSpinBox::valueChanged, this, &FilterBar::emitFilter);
    return s;
  };
  minConfidence_ = spin(QStringLiteral("filterMinConfidence"), tr("Lowest confidence"),
                        tr("Only predictions at least this confident"), 0);
  maxConfidence_ = spin(QStringLiteral("filterMaxConfidence"), tr("Highest confidence"),
                        tr("Only predictions at most this confident"), 100);
  testOnly_ = new QCheckBox(tr("Test i&mages"), this);
  testOnly_->setObjectName(QStringLiteral("filterTestOnly"));
  testOnly_->setAccessibleName(tr("Only the run's test images"));
  testOnly_->setToolTip(
      tr("Only the run's test images: those its figures and confusion matrix "
         "count"));
  connect(testOnly_, &QCheckBox::toggled, this, &FilterBar::emitFilter);
  outsideRange_ = new QCheckBox(tr("Outside the r&ange"), this);
  outsideRange_->setObjectName(QStringLiteral("filterOutsideRange"));
  outsideRange_->setAccessibleName(tr("Only images predicted outside their range"));
  outsideRange_->setToolTip(
      tr("Only images the run's model predicts outside their known stage range (its own "
         "call, before the range constraint; images of 1-3 are left out)"));
  connect(outsideRange_, &QCheckBox::toggled, this, &FilterBar::emitFilter);
  queue_ = combo(QStringLiteral("queueMode"), tr("Label next"),
                 tr("Show what to label next, from the run's predictions, best first (Ctrl+L)"));
  queue_->addItem(tr("Off"), QString());
  queue_->addItem(tr("Least confident"),
                  QString::fromStdString(queueStrategyName(QueueStrategy::LeastConfident)));
  queue_->addItem(tr("Near a stage boundary"),
                  QString::fromStdString(queueStrategyName(QueueStrategy::StageBoundary)));
  queue_->addItem(tr("Disagrees with its range"),
                  QString::fromStdString(queueStrategyName(QueueStrategy::RangeDisagreement)));
  // Needs no run: the labellers' own stages, the farthest apart first.
  queue_->addItem(tr("Labeller conflicts"),
                  QString::fromStdString(queueStrategyName(QueueStrategy::LabellerConflict)));

  detailsBox_ = new QWidget(this);
  detailsBox_->setObjectName(QStringLiteral("filterDetails"));
  // Three (caption, control) pairs a row: narrow enough for the browser pane.
  auto* grid = new QGridLayout(detailsBox_);
  grid->setContentsMargins(0, 2, 0, 2);
  grid->setHorizontalSpacing(6);
  grid->setVerticalSpacing(4);
  const auto place = [&](int row, int pair, const QString& text, QWidget* w, int span = 1) {
    if (!text.isEmpty()) grid->addWidget(caption(text, w, detailsBox_), row, 2 * pair);
    grid->addWidget(w, row, 2 * pair + 1, 1, 2 * span - 1);
  };
  place(0, 0, tr("&Range"), range_);
  place(0, 1, tr("S&tage"), stage_);
  place(0, 2, tr("S&plit"), split_);
  place(1, 0, tr("&Gene"), gene_);
  place(1, 1, tr("La&bel"), labelled_);
  place(2, 0, tr("Ru&n"), run_, 2);
  place(2, 2, tr("Ne&xt"), queue_);
  place(3, 0, tr("Pre&dicted"), predicted_);
  place(3, 1, tr("Tr&ue stage"), trueStage_);
  place(3, 2, tr("&Correct"), correctness_);
  auto* confidence = new QHBoxLayout;
  confidence->addWidget(minConfidence_);
  confidence->addWidget(new QLabel(tr("to"), detailsBox_));
  confidence->addWidget(maxConfidence_);
  confidence->addSpacing(8);
  confidence->addWidget(testOnly_);
  confidence->addWidget(outsideRange_);
  confidence->addStretch();
  grid->addWidget(caption(tr("Conf&idence"), minConfidence_, detailsBox_), 4, 0);
  grid->addLayout(confidence, 4, 1, 1, 5);
  for (int c = 1; c < 6; c += 2) grid->setColumnStretch(c, 1);
  for (QComboBox* box : {range_, stage_, split_, gene_, labelled_, run_, queue_, predicted_,
                         trueStage_, correctness_}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(box == run_ ? 16 : 7);
  }

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  layout->addLayout(top);
  layout->addWidget(detailsBox_);
  layout->addLayout(status);
  connect(details_, &QToolButton::toggled, detailsBox_, &QWidget::setVisible);
  detailsBox_->setVisible(false);
  updating_ = false;
  updateRunControls();
}

void FilterBar::addViewActions(const QList<QAction*>& actions) {
  for (QAction* a : actions) {
    auto* b = new QToolButton(this);
    b->setDefaultAction(a);
    b->setObjectName(a->objectName() + QStringLiteral("Button"));
    b->setAccessibleName(a->text().remove(QLatin1Char('&')));
    b->setAutoRaise(true);
    viewButtons_->addWidget(b);
  }
}

void FilterBar::setDetailsVisible(bool visible) {
  details_->setChecked(visible);
}

bool FilterBar::detailsVisible() const {
  return details_->isChecked();
}

void FilterBar::setRuns(const std::vector<RunRecord>& runs) {
  const qlonglong current = run_->currentData().toLongLong();
  updating_ = true;
  run_->clear();
  run_->addItem(tr("No run"), QVariant::fromValue<qlonglong>(0));
  for (const RunRecord& r : runs)
    run_->addItem(
        tr("Run %1 · %2 (%3)").arg(r.id).arg(methodTitle(r.method), statusTitle(r.status)),
        QVariant::fromValue<qlonglong>(r.id));
  selectData(run_, current);
  updating_ = false;
  updateRunControls();
}

void FilterBar::setGenes(const QStringList& genes) {
  const QString current = gene_->currentText();
  updating_ = true;
  gene_->clear();
  gene_->addItem(QString());
  gene_->addItems(genes);
  gene_->setCurrentText(current);
  updating_ = false;
}

void FilterBar::setCounts(int shown, int total) {
  count_->setText(shown == total
                      ? plural(tr("%n image(s)", nullptr, total), total)
                      : plural(tr("%1 of %n image(s)", nullptr, total), total).arg(shown));
}

void FilterBar::setFilter(const ImageFilter& f) {
  updating_ = true;
  if (text_->text() != f.text) text_->setText(f.text);
  selectData(range_, f.range ? QString::fromStdString(f.range->name()) : QString());
  selectData(stage_, f.stage.value_or(0));
  gene_->setCurrentText(f.gene);
  selectData(split_, static_cast<int>(f.split));
  selectData(labelled_, static_cast<int>(f.labelled));
  if (run_->findData(QVariant::fromValue<qlonglong>(f.runId)) < 0 && f.runId != 0)
    run_->addItem(tr("Run %1").arg(f.runId), QVariant::fromValue<qlonglong>(f.runId));
  selectData(run_, static_cast<qlonglong>(f.runId));
  selectData(predicted_, f.predictedStage.value_or(0));
  modelStage_ = f.modelStage;
  selectData(trueStage_, f.trueStage.value_or(0));
  selectData(correctness_, static_cast<int>(f.correctness));
  minConfidence_->setValue(qRound(f.minConfidence * 100));
  maxConfidence_->setValue(qRound(f.maxConfidence * 100));
  testOnly_->setChecked(f.runTestOnly);
  outsideRange_->setChecked(f.outsideRange);
  selectData(queue_, f.queue ? QString::fromStdString(queueStrategyName(*f.queue)) : QString());
  // A filter set from outside that reaches into the details opens them, so it is seen.
  ImageFilter basic;
  basic.text = f.text;
  basic.runId = f.runId;
  if (f != basic) details_->setChecked(true);
  updating_ = false;
  updateRunControls();
}

ImageFilter FilterBar::filter() const {
  ImageFilter f;
  f.text = text_->text();
  f.range = parseStageRange(range_->currentData().toString().toStdString());
  f.stage = optionalStage(stage_);
  f.gene = gene_->currentText().trimmed();
  f.split = static_cast<ImageFilter::SplitChoice>(split_->currentData().toInt());
  f.labelled = static_cast<ImageFilter::LabelState>(labelled_->currentData().toInt());
  f.runId = run_->currentData().toLongLong();
  f.predictedStage = optionalStage(predicted_);
  f.trueStage = optionalStage(trueStage_);
  f.correctness = static_cast<ImageFilter::Correctness>(correctness_->currentData().toInt());
  f.modelStage =
      modelStage_ && (f.predictedStage || f.correctness != ImageFilter::Correctness::Any);
  f.minConfidence = minConfidence_->value() / 100.0;
  f.maxConfidence = maxConfidence_->value() / 100.0;
  f.runTestOnly = testOnly_->isChecked();
  f.outsideRange = outsideRange_->isChecked();
  f.queue = parseQueueStrategy(queue_->currentData().toString().toStdString());
  return f;
}

void FilterBar::setSort(Sort sort) {
  updating_ = true;
  selectData(sort_, static_cast<int>(sort));
  updating_ = false;
}

FilterBar::Sort FilterBar::sort() const {
  return static_cast<Sort>(sort_->currentData().toInt());
}

void FilterBar::updateRunControls() {
  const bool run = run_->currentData().toLongLong() != 0;
  for (QWidget* w :
       std::initializer_list<QWidget*>{predicted_, trueStage_, correctness_, minConfidence_,
                                       maxConfidence_, testOnly_, outsideRange_, queue_})
    w->setEnabled(run);
}

void FilterBar::emitFilter() {
  if (updating_) return;
  updateRunControls();
  Q_EMIT filterChanged(filter());
}

}  // namespace flystage::ui
