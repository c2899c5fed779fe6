#include "TrainingPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <limits>
#include <map>

#include "DurationText.h"
#include "TrainingCurves.h"
#include "TrainingPhase.h"
#include "eval/StageMetrics.h"
#include "model/Presets.h"
#include "store/Project.h"
#include "store/RunStore.h"

namespace flystage::ui {

namespace {

// Every control gets an object name (tests, style sheets), a tooltip and an accessible
// name, so screen readers and the keyboard reach all of them.
template <typename W>
W* named(W* w, const char* objectName, const QString& accessibleName, const QString& tip) {
  w->setObjectName(QString::fromLatin1(objectName));
  w->setAccessibleName(accessibleName);
  w->setToolTip(tip);
  return w;
}

QSpinBox* intSpin(QWidget* parent, int min, int max) {
  auto* s = new QSpinBox(parent);
  s->setRange(min, max);
  return s;
}

QDoubleSpinBox* realSpin(QWidget* parent, double min, double max, int decimals, double step) {
  auto* s = new QDoubleSpinBox(parent);
  s->setRange(min, max);
  s->setDecimals(decimals);
  s->setSingleStep(step);
  return s;
}

void selectData(QComboBox* box, const QVariant& value) {
  const int i = box->findData(value);
  if (i >= 0) box->setCurrentIndex(i);
}

QString runText(const RunRecord& r) {
  return QCoreApplication::translate("TrainingPanel", "#%1 %2 · %3 · seed %4")
      .arg(r.id)
      .arg(QString::fromStdString(r.method), QString::fromStdString(r.preset))
      .arg(r.seed);
}

bool resumable(const RunRecord& r) {
  // "running" and "created" left behind by a process that died count as interrupted.
  return r.method != "gabor" && r.status != "finished";
}

}  // namespace

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent), controller_(new TrainController(this)), deviceInfo_(configureDevice()) {
  setObjectName(QStringLiteral("trainingPanel"));
  setAccessibleName(tr("Training"));
  createActions();

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->setObjectName(QStringLiteral("trainingSplitter"));
  splitter->setChildrenCollapsible(false);
  splitter->addWidget(createSettings());
  splitter->addWidget(createProgress());
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(controller_, &TrainController::started, this, &TrainingPanel::onStarted);
  connect(controller_, &TrainController::runCreated, this, &TrainingPanel::onRunCreated);
  connect(controller_, &TrainController::progress, this, &TrainingPanel::onProgress);
  connect(controller_, &TrainController::epochEnded, this, &TrainingPanel::onEpochEnded);
  connect(controller_, &TrainController::finished, this, &TrainingPanel::onFinished);
  connect(controller_, &TrainController::pausedChanged, this, [this](bool paused) {
    if (pauseAct_->isChecked() != paused) pauseAct_->setChecked(paused);
    if (paused) {
      showMessage(tr("Pausing after the batch under way…"));
      heldPoll_->start();
    } else {
      heldPoll_->stop();
      if (controller_->isRunning()) showMessage(tr("Training run #%1…").arg(controller_->runId()));
    }
    updateState();
  });
  // The trainer holds at its next batch: say "Paused" once it does, not before.
  heldPoll_ = new QTimer(this);
  heldPoll_->setInterval(100);
  connect(heldPoll_, &QTimer::timeout, this, [this] {
    if (!controller_->isPaused()) return heldPoll_->stop();
    if (!controller_->isHeld()) return;
    heldPoll_->stop();
    showMessage(tr("Paused. Press Continue (%1) to go on; paused time does not count.")
                    .arg(pauseAct_->shortcut().toString(QKeySequence::NativeText)));
  });

  applyDefaults();
  updateVisibleFields();
  updateState();
}

TrainingPanel::~TrainingPanel() {
  // Before the widgets go: the worker's outcome is dropped, the run stays resumable.
  controller_->cancelAndWait();
}

void TrainingPanel::createActions() {
  startAct_ = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")),
                          tr("&Start Training"), this);
  startAct_->setObjectName(QStringLiteral("startTrainingAction"));
  startAct_->setShortcut(QKeySequence(tr("Ctrl+T")));
  startAct_->setToolTip(tr("Start a new training run with these settings (%1)")
                            .arg(startAct_->shortcut().toString(QKeySequence::NativeText)));
  connect(startAct_, &QAction::triggered, this, [this] { startTraining(); });

  pauseAct_ =
      new QAction(QIcon::fromTheme(QStringLiteral("media-playback-pause")), tr("&Pause"), this);
  pauseAct_->setObjectName(QStringLiteral("pauseTrainingAction"));
  pauseAct_->setCheckable(true);
  pauseAct_->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
  pauseAct_->setToolTip(tr("Pause the training before its next batch; press again to "
                           "continue. Paused time does not count in the run's duration (%1)")
                            .arg(pauseAct_->shortcut().toString(QKeySequence::NativeText)));
  connect(pauseAct_, &QAction::toggled, this, &TrainingPanel::setPaused);

  cancelAct_ =
      new QAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("&Cancel Training"), this);
  cancelAct_->setObjectName(QStringLiteral("cancelTrainingAction"));
  cancelAct_->setShortcut(QKeySequence(tr("Ctrl+Shift+X")));
  cancelAct_->setToolTip(tr("Stop the training before its next batch. The run keeps its last "
                            "finished epoch and can be resumed later (%1)")
                             .arg(cancelAct_->shortcut().toString(QKeySequence::NativeText)));
  connect(cancelAct_, &QAction::triggered, this, &TrainingPanel::cancelTraining);

  resumeAct_ =
      new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Resume Run"), this);
  resumeAct_->setObjectName(QStringLiteral("resumeRunAction"));
  resumeAct_->setToolTip(
      tr("Continue the chosen interrupted run from its last finished "
         "epoch; it ends as an uninterrupted run would"));
  connect(resumeAct_, &QAction::triggered, this, [this] {
    if (resumable_->currentIndex() >= 0) resumeRun(resumable_->currentData().toLongLong());
  });
  // Shortcuts work while the panel is shown, even before the lead puts them in a menu.
  addActions({startAct_, pauseAct_, cancelAct_, resumeAct_});
}

QWidget* TrainingPanel::createSettings() {
  auto* content = new QWidget;
  content->setObjectName(QStringLiteral("trainingSettings"));
  auto* column = new QVBoxLayout(content);

  // -- the run: method, preset, device, seed, where to start from
  auto* runBox = new QGroupBox(tr("Run"), content);
  runForm_ = new QFormLayout(runBox);
  method_ = named(new QComboBox(runBox), "methodCombo", tr("Method"),
                  tr("How the network learns: from scratch on stages (plain), range "
                     "pretraining then stages (data-level), plus the feature level with "
                     "the similarity loss (two-step, the paper's method), or the log-Gabor "
                     "baseline"));
  method_->addItem(tr("Plain (stages from scratch)"), QStringLiteral("plain"));
  method_->addItem(tr("Data-level (ranges, then stages)"), QStringLiteral("data-level"));
  method_->addItem(tr("Two-step (data level, then feature level)"), QStringLiteral("two-step"));
  method_->addItem(tr("Gabor baseline"), QStringLiteral("gabor"));
  selectData(method_, QStringLiteral("two-step"));
  runForm_->addRow(tr("&Method:"), method_);

  preset_ = named(new QComboBox(runBox), "presetCombo", tr("Preset"),
                  tr("Network size and input size, with the preset's documented training "
                     "defaults: paper (GPU), fast and demo (CPU), tiny (tests)"));
  for (const Preset& p : presets())
    preset_->addItem(QString::fromStdString(p.name), QString::fromStdString(p.name));
  selectData(preset_, QStringLiteral("demo"));
  runForm_->addRow(tr("P&reset:"), preset_);
  presetHint_ = new QLabel(runBox);
  presetHint_->setObjectName(QStringLiteral("presetHint"));
  presetHint_->setWordWrap(true);
  presetHint_->setForegroundRole(QPalette::PlaceholderText);
  runForm_->addRow(QString(), presetHint_);

  deviceBox_ = named(new QComboBox(runBox), "deviceCombo", tr("Device"),
                     tr("Where the network trains: CUDA when a GPU is found (automatic), or "
                        "always the CPU"));
  deviceBox_->addItem(tr("Automatic"), QStringLiteral("auto"));
  deviceBox_->addItem(tr("CPU"), QStringLiteral("cpu"));
  deviceBox_->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
  if (!deviceInfo_.cudaAvailable) {
    // Listed but not selectable: says that this build or machine has no GPU.
    if (auto* m = qobject_cast<QStandardItemModel*>(deviceBox_->model()))
      m->item(2)->setEnabled(false);
    deviceBox_->setItemData(2, tr("No CUDA GPU was found by LibTorch"), Qt::ToolTipRole);
  }
  runForm_->addRow(tr("&Device:"), deviceBox_);
  deviceHint_ = new QLabel(QString::fromStdString(deviceInfo_.description()), runBox);
  deviceHint_->setObjectName(QStringLiteral("deviceHint"));
  deviceHint_->setWordWrap(true);
  deviceHint_->setForegroundRole(QPalette::PlaceholderText);
  runForm_->addRow(QString(), deviceHint_);

  precision_ = named(new QComboBox(runBox), "precisionCombo", tr("Precision"),
                     tr("bfloat16 runs the forward pass in bfloat16: about 1.7x faster on a CPU "
                        "with AVX-512 BF16, with the same accuracy; float32 gives the same run "
                        "on every machine"));
  precision_->addItem(tr("float32"), QStringLiteral("float32"));
  precision_->addItem(cpuHasNativeBf16() ? tr("bfloat16 (faster on this CPU)")
                                         : tr("bfloat16 (emulated: slower on this CPU)"),
                      QStringLiteral("bfloat16"));
  runForm_->addRow(tr("Pre&cision:"), precision_);

  threads_ = named(intSpin(runBox, 0, maxThreads()), "threadsSpin", tr("CPU threads"),
                   tr("Threads LibTorch uses on the CPU; 0 uses every core"));
  threads_->setSpecialValueText(tr("All cores"));
  runForm_->addRow(tr("CPU &threads:"), threads_);

  seed_ = named(intSpin(runBox, 0, std::numeric_limits<int>::max()), "seedSpin", tr("Seed"),
                tr("Seeds the weights, the shuffles and the flips: the same seed and settings "
                   "give the same model"));
  seed_->setValue(1);
  runForm_->addRow(tr("S&eed:"), seed_);

  fromRun_ = named(new QComboBox(runBox), "fromRunCombo", tr("Continue from run"),
                   tr("Two-step only: start the feature level from a finished data-level or "
                      "two-step run instead of pretraining again"));
  runForm_->addRow(tr("Continue &from:"), fromRun_);

  auto* splitRow = new QWidget(runBox);
  auto* splitLayout = new QHBoxLayout(splitRow);
  splitLayout->setContentsMargins(0, 0, 0, 0);
  useSplitSeed_ =
      named(new QCheckBox(tr("Fresh split, seed"), splitRow), "splitSeedCheck", tr("Fresh split"),
            tr("Draw a new stratified train/validation/test split for this run "
               "(repeated-split evaluation); the project's own split is unchanged"));
  splitSeed_ = named(intSpin(splitRow, 0, std::numeric_limits<int>::max()), "splitSeedSpin",
                     tr("Split seed"), tr("Seed of this run's own split"));
  splitSeed_->setValue(1);
  splitSeed_->setEnabled(false);
  splitLayout->addWidget(useSplitSeed_);
  splitLayout->addWidget(splitSeed_, 1);
  runForm_->addRow(tr("Split:"), splitRow);
  connect(useSplitSeed_, &QCheckBox::toggled, splitSeed_, &QWidget::setEnabled);
  column->addWidget(runBox);

  // -- optimisation: SGD with a step schedule, per-phase epochs
  optimBox_ = new QGroupBox(tr("Optimisation"), content);
  optimForm_ = new QFormLayout(optimBox_);
  learningRate_ =
      named(realSpin(optimBox_, 1e-6, 10, 6, 1e-3), "learningRateSpin", tr("Learning rate"),
            tr("SGD learning rate of the range, fine and plain "
               "phases"));
  optimForm_->addRow(tr("&Learning rate:"), learningRate_);
  lrSteps_ = named(new QLineEdit(optimBox_), "lrStepsEdit", tr("Learning-rate steps"),
                   tr("Epochs at which the learning rate is multiplied by the factor below, "
                      "e.g. \"20, 30\""));
  lrSteps_->setValidator(new QRegularExpressionValidator(
      QRegularExpression(QStringLiteral("^\\s*(\\d+(\\s*,\\s*\\d+)*)?\\s*$")), lrSteps_));
  optimForm_->addRow(tr("Rate &steps at epochs:"), lrSteps_);
  lrGamma_ = named(realSpin(optimBox_, 0.001, 1, 3, 0.05), "lrGammaSpin",
                   tr("Learning-rate factor"), tr("Factor applied at each step"));
  optimForm_->addRow(tr("Step &factor:"), lrGamma_);
  momentum_ = named(realSpin(optimBox_, 0, 0.999, 3, 0.05), "momentumSpin", tr("Momentum"),
                    tr("SGD momentum"));
  optimForm_->addRow(tr("&Momentum:"), momentum_);
  weightDecay_ = named(realSpin(optimBox_, 0, 1, 6, 1e-4), "weightDecaySpin", tr("Weight decay"),
                       tr("L2 weight decay of SGD"));
  optimForm_->addRow(tr("&Weight decay:"), weightDecay_);
  batchSize_ = named(intSpin(optimBox_, 1, 4096), "batchSizeSpin", tr("Batch size"),
                     tr("Images per SGD step"));
  optimForm_->addRow(tr("&Batch size:"), batchSize_);
  flips_ = named(new QCheckBox(tr("Random flips"), optimBox_), "flipsCheck", tr("Random flips"),
                 tr("Flip training images horizontally and vertically with probability 0.5 "
                    "(not in the feature level)"));
  optimForm_->addRow(QString(), flips_);
  plainEpochs_ = named(intSpin(optimBox_, 1, 10000), "plainEpochsSpin", tr("Plain epochs"),
                       tr("Epochs of plain training"));
  optimForm_->addRow(tr("&Plain epochs:"), plainEpochs_);
  rangeEpochs_ = named(intSpin(optimBox_, 1, 10000), "rangeEpochsSpin", tr("Range epochs"),
                       tr("Epochs of range pretraining (data-level step 1)"));
  optimForm_->addRow(tr("&Range epochs:"), rangeEpochs_);
  fineEpochs_ = named(intSpin(optimBox_, 1, 10000), "fineEpochsSpin", tr("Stage epochs"),
                      tr("Epochs of stage fine-tuning (data-level step 2)"));
  optimForm_->addRow(tr("Stage &epochs:"), fineEpochs_);
  featureEpochs_ =
      named(intSpin(optimBox_, 1, 10000), "featureEpochsSpin", tr("Feature-level epochs"),
            tr("Epochs of the feature level (fine-tuning with the similarity loss)"));
  optimForm_->addRow(tr("Feature-level e&pochs:"), featureEpochs_);
  featureLearningRate_ =
      named(realSpin(optimBox_, 1e-6, 10, 6, 1e-4), "featureLearningRateSpin",
            tr("Feature-level learning rate"), tr("SGD learning rate of the feature level"));
  optimForm_->addRow(tr("Feature-level r&ate:"), featureLearningRate_);
  column->addWidget(optimBox_);

  // -- the feature level's similarity loss and reference sets
  featureBox_ = new QGroupBox(tr("Feature level"), content);
  auto* featureForm = new QFormLayout(featureBox_);
  similarity_ = named(new QComboBox(featureBox_), "similarityCombo", tr("Similarity loss"),
                      tr("The paper's Eq. 4-6 (cosine between features) or the authors' code "
                         "(products of logits)"));
  similarity_->addItem(tr("Paper (cosine of features)"), QStringLiteral("paper"));
  similarity_->addItem(tr("Authors' code (logits)"), QStringLiteral("code"));
  featureForm->addRow(tr("Similarity &loss:"), similarity_);
  tauMode_ = named(new QComboBox(featureBox_), "tauModeCombo", tr("Reference criterion"),
                   tr("Which training images may serve as references: probability above tau, "
                      "or top-1 minus top-2 logit above tau"));
  tauMode_->addItem(tr("Probability"), QStringLiteral("probability"));
  tauMode_->addItem(tr("Logit margin"), QStringLiteral("logit-margin"));
  featureForm->addRow(tr("Reference &criterion:"), tauMode_);
  tau_ = named(realSpin(featureBox_, 0, 100, 3, 0.05), "tauSpin", tr("Tau"),
               tr("Threshold for reference images"));
  featureForm->addRow(tr("&Tau:"), tau_);
  referenceSets_ = named(intSpin(featureBox_, 1, 100000), "referenceSetsSpin", tr("Reference sets"),
                         tr("k: reference sets drawn, one per batch"));
  featureForm->addRow(tr("Reference &sets (k):"), referenceSets_);
  similarityWeight_ = named(realSpin(featureBox_, 0, 100, 3, 0.1), "similarityWeightSpin",
                            tr("Similarity weight"), tr("w in L = L_CE + w · L_S (the paper: 1)"));
  featureForm->addRow(tr("Similarity &weight:"), similarityWeight_);
  column->addWidget(featureBox_);

  defaultsButton_ = named(new QToolButton(content), "restoreDefaultsButton", tr("Restore defaults"),
                          tr("Set every hyperparameter back to the preset's documented defaults"));
  defaultsButton_->setText(tr("Restore &Defaults"));
  column->addWidget(defaultsButton_, 0, Qt::AlignLeft);
  column->addStretch(1);

  connect(method_, &QComboBox::currentIndexChanged, this, [this] {
    updateVisibleFields();
    updateState();
  });
  connect(preset_, &QComboBox::currentIndexChanged, this, [this] { applyDefaults(); });
  connect(fromRun_, &QComboBox::currentIndexChanged, this, [this] {
    // The feature level keeps the data-level model's network: its preset.
    const QString preset = fromRun_->currentData(Qt::UserRole + 1).toString();
    if (!preset.isEmpty() && preset != preset_->currentData().toString())
      selectData(preset_, preset);
    updateVisibleFields();
  });
  connect(defaultsButton_, &QToolButton::clicked, this, &TrainingPanel::applyDefaults);

  auto* scroll = new QScrollArea;
  scroll->setObjectName(QStringLiteral("trainingSettingsScroll"));
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setMinimumWidth(content->sizeHint().width() + 24);
  return scroll;
}

QWidget* TrainingPanel::createProgress() {
  auto* box = new QWidget;
  auto* layout = new QVBoxLayout(box);

  auto* buttons = new QHBoxLayout;
  auto button = [box](QAction* action, const char* name) {
    auto* b = new QToolButton(box);
    b->setObjectName(QString::fromLatin1(name));
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAccessibleName(action->text().remove(QLatin1Char('&')));
    return b;
  };
  startButton_ = button(startAct_, "startTrainingButton");
  pauseButton_ = button(pauseAct_, "pauseTrainingButton");
  cancelButton_ = button(cancelAct_, "cancelTrainingButton");
  buttons->addWidget(startButton_);
  buttons->addWidget(pauseButton_);
  buttons->addWidget(cancelButton_);
  buttons->addStretch(1);
  layout->addLayout(buttons);

  auto* resumeRow = new QHBoxLayout;
  auto* resumeLabel = new QLabel(tr("&Interrupted runs:"), box);
  resumable_ = named(new QComboBox(box), "resumableRunsCombo", tr("Interrupted runs"),
                     tr("Runs that were cancelled, failed, or stopped with their process; "
                        "resuming one repeats exactly what an uninterrupted run does"));
  resumable_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  resumeLabel->setBuddy(resumable_);
  resumeButton_ = button(resumeAct_, "resumeRunButton");
  resumeRow->addWidget(resumeLabel);
  resumeRow->addWidget(resumable_, 1);
  resumeRow->addWidget(resumeButton_);
  layout->addLayout(resumeRow);
  connect(resumable_, &QComboBox::currentIndexChanged, this, &TrainingPanel::updateState);

  phase_ = named(new QLabel(tr("Not training."), box), "trainingPhaseLabel", tr("Phase"),
                 tr("The phase, epoch and batch being trained"));
  layout->addWidget(phase_);
  progress_ = named(new QProgressBar(box), "trainingProgressBar", tr("Training progress"),
                    tr("Share of the run's training done, over all its phases"));
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  progress_->setFormat(QStringLiteral("%p%"));
  layout->addWidget(progress_);
  rate_ = named(new QLabel(box), "trainingRateLabel", tr("Speed and time left"),
                tr("Images per second in this epoch and the estimated time left; paused time "
                   "is not counted"));
  layout->addWidget(rate_);
  message_ = named(new QLabel(box), "trainingMessageLabel", tr("Training status"),
                   tr("What the training is doing, or how it ended"));
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(message_);
  curves_ = new TrainingCurves(box);
  layout->addWidget(curves_, 1);
  return box;
}

void TrainingPanel::applyDefaults() {
  const Method m = parseMethod(method_->currentData().toString().toStdString());
  TrainConfig c = TrainConfig::forPreset(m, preset_->currentData().toString().toStdString());
  const Preset& p = preset(c.preset);
  presetHint_->setText(QString::fromStdString(p.description));
  // Only the hyperparameters: method, device, seed and the run to start from stay.
  c.seed = static_cast<std::uint64_t>(seed_->value());
  c.device = deviceBox_->currentData().toString().toStdString();
  c.threads = threads_->value();
  c.precision = parsePrecision(precision_->currentData().toString().toStdString());
  if (fromRun_->currentIndex() > 0) c.fromRun = fromRun_->currentData().toLongLong();
  if (useSplitSeed_->isChecked()) c.splitSeed = static_cast<std::uint64_t>(splitSeed_->value());
  setConfig(c);
}

void TrainingPanel::setConfig(const TrainConfig& c) {
  const QSignalBlocker b1(method_), b2(preset_), b3(fromRun_);
  selectData(method_, QString::fromStdString(methodName(c.method)));
  if (c.method != Method::Gabor) selectData(preset_, QString::fromStdString(c.preset));
  presetHint_->setText(
      QString::fromStdString(preset(preset_->currentData().toString().toStdString()).description));
  selectData(deviceBox_, QString::fromStdString(c.device));
  selectData(precision_, QString::fromStdString(precisionName(c.precision)));
  threads_->setValue(c.threads);
  seed_->setValue(static_cast<int>(std::min<std::uint64_t>(
      c.seed, static_cast<std::uint64_t>(std::numeric_limits<int>::max()))));
  if (c.fromRun)
    selectData(fromRun_, QVariant::fromValue<qint64>(*c.fromRun));
  else
    fromRun_->setCurrentIndex(0);
  useSplitSeed_->setChecked(c.splitSeed.has_value());
  if (c.splitSeed) splitSeed_->setValue(static_cast<int>(*c.splitSeed));

  learningRate_->setValue(c.learningRate);
  QStringList steps;
  for (int s : c.lrSteps) steps << QString::number(s);
  lrSteps_->setText(steps.join(QStringLiteral(", ")));
  lrGamma_->setValue(c.lrGamma);
  momentum_->setValue(c.momentum);
  weightDecay_->setValue(c.weightDecay);
  batchSize_->setValue(c.batchSize);
  flips_->setChecked(c.flips);
  plainEpochs_->setValue(c.plainEpochs);
  rangeEpochs_->setValue(c.rangeEpochs);
  fineEpochs_->setValue(c.fineEpochs);
  featureEpochs_->setValue(c.featureEpochs);
  featureLearningRate_->setValue(c.featureLearningRate);
  selectData(similarity_, c.similarity == SimilarityVariant::Code ? QStringLiteral("code")
                                                                  : QStringLiteral("paper"));
  selectData(tauMode_, c.tauMode == TauMode::LogitMargin ? QStringLiteral("logit-margin")
                                                         : QStringLiteral("probability"));
  tau_->setValue(c.tau);
  referenceSets_->setValue(c.referenceSets);
  similarityWeight_->setValue(c.similarityWeight);
  updateVisibleFields();
}

TrainConfig TrainingPanel::config() const {
  const Method m = parseMethod(method_->currentData().toString().toStdString());
  TrainConfig c = TrainConfig::forPreset(m, preset_->currentData().toString().toStdString());
  c.seed = static_cast<std::uint64_t>(seed_->value());
  c.device = deviceBox_->currentData().toString().toStdString();
  c.threads = threads_->value();
  c.precision = parsePrecision(precision_->currentData().toString().toStdString());
  c.learningRate = learningRate_->value();
  c.lrSteps.clear();
  for (const QString& s : lrSteps_->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
    c.lrSteps.push_back(s.trimmed().toInt());
  c.lrGamma = lrGamma_->value();
  c.momentum = momentum_->value();
  c.weightDecay = weightDecay_->value();
  c.batchSize = batchSize_->value();
  c.flips = flips_->isChecked();
  c.plainEpochs = plainEpochs_->value();
  c.rangeEpochs = rangeEpochs_->value();
  c.fineEpochs = fineEpochs_->value();
  c.featureEpochs = featureEpochs_->value();
  c.featureLearningRate = featureLearningRate_->value();
  c.similarity = similarity_->currentData().toString() == QStringLiteral("code")
                     ? SimilarityVariant::Code
                     : SimilarityVariant::Paper;
  c.tauMode = tauMode_->currentData().toString() == QStringLiteral("logit-margin")
                  ? TauMode::LogitMargin
                  : TauMode::Probability;
  c.tau = tau_->value();
  c.referenceSets = referenceSets_->value();
  c.similarityWeight = similarityWeight_->value();
  if (m == Method::TwoStep && fromRun_->currentIndex() > 0)
    c.fromRun = fromRun_->currentData().toLongLong();
  if (useSplitSeed_->isChecked()) c.splitSeed = static_cast<std::uint64_t>(splitSeed_->value());
  return c;
}

void TrainingPanel::updateVisibleFields() {
  const QString m = method_->currentData().toString();
  const bool gabor = m == QStringLiteral("gabor");
  const bool twoStep = m == QStringLiteral("two-step");
  const bool fromRun = twoStep && fromRun_->currentIndex() > 0;
  runForm_->setRowVisible(preset_, !gabor);
  runForm_->setRowVisible(presetHint_, !gabor);
  runForm_->setRowVisible(deviceBox_, !gabor);  // the baseline runs on the CPU
  runForm_->setRowVisible(precision_, !gabor);
  runForm_->setRowVisible(fromRun_, twoStep);
  optimBox_->setVisible(!gabor);
  optimForm_->setRowVisible(plainEpochs_, m == QStringLiteral("plain"));
  const bool dataLevel = (m == QStringLiteral("data-level") || twoStep) && !fromRun;
  optimForm_->setRowVisible(rangeEpochs_, dataLevel);
  optimForm_->setRowVisible(fineEpochs_, dataLevel);
  optimForm_->setRowVisible(featureEpochs_, twoStep);
  optimForm_->setRowVisible(featureLearningRate_, twoStep);
  featureBox_->setVisible(twoStep);
}

void TrainingPanel::setProject(Project* project) {
  if (controller_->isRunning()) {
    const qint64 run = controller_->runId();
    controller_->cancelAndWait();
    Q_EMIT runEnded(run, QStringLiteral("cancelled"));
    Q_EMIT trainingActiveChanged(false);
  }
  project_ = project;
  shownRun_ = 0;
  curves_->clear();
  progress_->setValue(0);
  phase_->setText(tr("Not training."));
  rate_->clear();
  showMessage(!project ? tr("Open a project to train a model.")
              : project->readOnly()
                  ? tr("The project is open read-only: training needs a copy you can write.")
                  : QString());
  fillFromRuns();
  updateState();
}

void TrainingPanel::reloadRuns() {
  fillFromRuns();
  updateState();
}

void TrainingPanel::fillFromRuns() {
  const qint64 fromWas = fromRun_->currentIndex() > 0 ? fromRun_->currentData().toLongLong() : 0;
  const qint64 resumeWas = resumable_->currentData().toLongLong();
  const QSignalBlocker b1(fromRun_), b2(resumable_);
  fromRun_->clear();
  resumable_->clear();
  fromRun_->addItem(tr("None: pretrain first"), QVariant::fromValue<qint64>(0));
  if (project_) {
    try {
      for (const RunRecord& r : runstore::runs(*project_)) {
        if (r.status == "finished" && (r.method == "data-level" || r.method == "two-step")) {
          fromRun_->addItem(runText(r), QVariant::fromValue<qint64>(r.id));
          fromRun_->setItemData(fromRun_->count() - 1, QString::fromStdString(r.preset),
                                Qt::UserRole + 1);
        }
        if (resumable(r) && r.id != controller_->runId())
          resumable_->addItem(tr("%1 · %2").arg(runText(r), QString::fromStdString(r.status)),
                              QVariant::fromValue<qint64>(r.id));
      }
    } catch (const std::exception& e) {
      showMessage(tr("The runs could not be read: %1").arg(QString::fromUtf8(e.what())), true);
    }
  }
  if (fromWas) selectData(fromRun_, QVariant::fromValue<qint64>(fromWas));
  if (resumeWas) selectData(resumable_, QVariant::fromValue<qint64>(resumeWas));
  updateVisibleFields();
}

void TrainingPanel::updateState() {
  const bool running = controller_->isRunning();
  const bool cancelling = controller_->isCancelling();
  const bool writable = project_ && !project_->readOnly();
  startAct_->setEnabled(writable && !running);
  pauseAct_->setEnabled(running && sessionPausable_ && !cancelling);
  cancelAct_->setEnabled(running && !cancelling);
  resumeAct_->setEnabled(writable && !running && resumable_->count() > 0);
  resumable_->setEnabled(!running && resumable_->count() > 0);
  const bool paused = pauseAct_->isChecked();
  pauseAct_->setText(paused ? tr("&Continue") : tr("&Pause"));
  pauseButton_->setAccessibleName(paused ? tr("Continue") : tr("Pause"));
  if (auto* settings = findChild<QWidget*>(QStringLiteral("trainingSettings")))
    settings->setEnabled(!running);  // the running run's settings are fixed
}

void TrainingPanel::showMessage(const QString& text, bool problem) {
  message_->setText(text);
  QPalette pal = message_->palette();
  pal.setColor(QPalette::WindowText,
               problem ? QColor(0xb0, 0x20, 0x20) : palette().color(QPalette::WindowText));
  message_->setPalette(pal);
}

bool TrainingPanel::refusedReadOnly() {
  if (!project_->readOnly()) return false;
  showMessage(tr("The project is open read-only: training needs a copy you can write."), true);
  return true;
}

bool TrainingPanel::startTraining() {
  if (!project_) {
    showMessage(tr("Open a project first."), true);
    return false;
  }
  if (controller_->isRunning() || refusedReadOnly()) return false;
  const TrainConfig c = config();
  // The same ranges as the command line (TrainConfig::validate), named by the field's label.
  if (const auto problem = c.validate()) {
    const std::map<std::string, QWidget*> fields = {{"threads", threads_},
                                                    {"learning_rate", learningRate_},
                                                    {"lr_steps", lrSteps_},
                                                    {"lr_gamma", lrGamma_},
                                                    {"momentum", momentum_},
                                                    {"weight_decay", weightDecay_},
                                                    {"batch_size", batchSize_},
                                                    {"plain_epochs", plainEpochs_},
                                                    {"range_epochs", rangeEpochs_},
                                                    {"fine_epochs", fineEpochs_},
                                                    {"feature_epochs", featureEpochs_},
                                                    {"feature_learning_rate", featureLearningRate_},
                                                    {"tau", tau_},
                                                    {"reference_sets", referenceSets_},
                                                    {"similarity_weight", similarityWeight_},
                                                    {"from_run", fromRun_}};
    const auto it = fields.find(problem->field);
    const std::string name =
        it != fields.end() ? it->second->accessibleName().toStdString() : problem->field;
    showMessage(QString::fromStdString(problem->message(name)), true);
    return false;
  }
  sessionPausable_ = c.method != Method::Gabor;
  shownRun_ = 0;
  curves_->clear();
  return controller_->start(QString::fromStdString(project_->file().string()), c);
}

bool TrainingPanel::resumeRun(qint64 runId) {
  if (!project_ || controller_->isRunning() || refusedReadOnly()) return false;
  std::optional<RunRecord> record;
  try {
    record = runstore::run(*project_, runId);
  } catch (const std::exception& e) {
    showMessage(QString::fromUtf8(e.what()), true);
    return false;
  }
  if (!record) {
    showMessage(tr("There is no run #%1.").arg(runId), true);
    return false;
  }
  if (!resumable(*record)) {
    showMessage(record->status == "finished"
                    ? tr("Run #%1 has already finished.").arg(runId)
                    : tr("Run #%1 cannot be resumed (a Gabor run has no epochs); train it "
                         "again.")
                          .arg(runId),
                true);
    return false;
  }
  if (record->status == "running") {
    const auto answer = QMessageBox::question(
        this, tr("Resume Run"),
        tr("Run #%1 is marked as running. Resume it only if no other FlyStage window or "
           "command is training it (its process was closed or crashed). Resume it here?")
            .arg(runId));
    if (answer != QMessageBox::Yes) return false;
  }
  try {
    setConfig(TrainConfig::fromJson(record->paramsJson));
    curves_->setEpochs(runstore::epochs(*project_, runId));
  } catch (const std::exception& e) {
    showMessage(QString::fromUtf8(e.what()), true);
    return false;
  }
  sessionPausable_ = true;
  shownRun_ = runId;
  return controller_->resume(QString::fromStdString(project_->file().string()), runId);
}

void TrainingPanel::setPaused(bool paused) {
  controller_->setPaused(paused);
  if (!controller_->isRunning() && pauseAct_->isChecked()) pauseAct_->setChecked(false);
  updateState();
}

void TrainingPanel::cancelTraining() {
  if (!controller_->isRunning()) return;
  controller_->cancel();
  showMessage(tr("Cancelling before the next batch…"));
  updateState();
}

void TrainingPanel::cancelAndWait() {
  if (!controller_->isRunning()) return;
  const qint64 run = controller_->runId();
  controller_->cancelAndWait();
  showMessage(tr("Training cancelled."));
  fillFromRuns();
  updateState();
  Q_EMIT runEnded(run, QStringLiteral("cancelled"));
  Q_EMIT trainingActiveChanged(false);
}

void TrainingPanel::onStarted(bool resumed) {
  progress_->setValue(0);
  rate_->clear();
  phase_->setText(tr("Starting…"));
  showMessage(resumed ? tr("Resuming run #%1…").arg(shownRun_) : tr("Starting a new run…"));
  updateState();
  Q_EMIT trainingActiveChanged(true);
}

void TrainingPanel::onRunCreated(qint64 runId) {
  shownRun_ = runId;
  showMessage(tr("Training run #%1…").arg(runId));
  fillFromRuns();  // the running run is not offered for resuming
  updateState();
  Q_EMIT runStarted(runId);
}

void TrainingPanel::onProgress(const TrainProgress& p) {
  const QString title = trainingPhaseTitle(p.phase);
  if (p.phase == "load") {
    phase_->setText(tr("%1: %2 of %3").arg(title).arg(p.batch).arg(p.batches));
    return;
  }
  if (p.phase == "references" || p.phase == "gabor" || p.epochs == 0) {
    phase_->setText(tr("Phase %1 of %2: %3…").arg(p.phaseIndex + 1).arg(p.phases).arg(title));
    return;
  }
  phase_->setText(tr("Phase %1 of %2: %3 · epoch %4 of %5 · batch %6 of %7")
                      .arg(p.phaseIndex + 1)
                      .arg(p.phases)
                      .arg(title)
                      .arg(p.epoch)
                      .arg(p.epochs)
                      .arg(p.batch)
                      .arg(p.batches));
  progress_->setValue(static_cast<int>(std::lround(1000 * p.fractionDone)));
  QString rate = tr("%1 images/s").arg(p.imagesPerSecond, 0, 'f', 1);
  if (p.remainingSeconds >= 0) rate += tr(" · about %1 left").arg(durationText(p.remainingSeconds));
  rate += tr(" · %1 elapsed").arg(durationText(p.elapsedSeconds));
  rate_->setText(rate);
  progress_->setAccessibleDescription(rate);
}

void TrainingPanel::onEpochEnded(qint64 runId, const EpochRecord& e) {
  if (runId == shownRun_ || shownRun_ == 0) curves_->addEpoch(e);
}

void TrainingPanel::onFinished(const TrainOutcome& outcome) {
  const qint64 run = outcome.runId;
  QString status;
  if (outcome.finished) {
    status = QStringLiteral("finished");
    progress_->setValue(1000);
    phase_->setText(tr("Finished."));
    QString text = tr("Run #%1 finished.").arg(run);
    try {
      const auto record = runstore::run(*project_, run);
      const auto json = runstore::metricJson(*project_, run, "test");
      if (record && json) {
        const StageMetrics m = stageMetricsFromJson(*json);
        text = tr("Run #%1 finished in %2: mean per-stage accuracy %3 % on %4 test images "
                  "(within one stage: %5 %).")
                   .arg(run)
                   .arg(durationText(record->durationSeconds))
                   .arg(100 * m.meanPerStageAccuracy, 0, 'f', 1)
                   .arg(m.nTest)
                   .arg(100 * m.withinOneStageAccuracy, 0, 'f', 1);
      }
    } catch (const std::exception&) {
      // The run finished; only its summary line could not be read.
    }
    showMessage(text);
  } else if (outcome.cancelled) {
    status = QStringLiteral("cancelled");
    phase_->setText(tr("Cancelled."));
    showMessage(tr("Run #%1 was cancelled. It keeps its last finished epoch: choose it under "
                   "Interrupted runs and Resume to continue.")
                    .arg(run));
  } else {
    status = QStringLiteral("failed");
    phase_->setText(tr("Failed."));
    showMessage(run ? tr("Run #%1 failed: %2").arg(run).arg(outcome.error)
                    : tr("The run could not start: %1").arg(outcome.error),
                true);
  }
  if (pauseAct_->isChecked()) {
    const QSignalBlocker blocker(pauseAct_);
    pauseAct_->setChecked(false);
  }
  fillFromRuns();
  if (run) selectData(resumable_, QVariant::fromValue<qint64>(run));
  updateState();
  Q_EMIT runEnded(run, status);
  Q_EMIT trainingActiveChanged(false);
}

}  // namespace flystage::ui
