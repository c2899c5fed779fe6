#include "TrainingForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

#include "DisplayNames.h"
#include "model/Presets.h"
#include "store/RunStore.h"

namespace flystage::ui {

void selectData(QComboBox* box, const QVariant& value) {
  const int i = box->findData(value);
  if (i >= 0) box->setCurrentIndex(i);
}

QString runText(const RunRecord& r) {
  return QCoreApplication::translate("TrainingPanel", "#%1 %2 · %3 · seed %4")
      .arg(r.id)
      .arg(methodTitle(r.method), QString::fromStdString(r.preset))
      .arg(r.seed);
}

namespace {

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

// The widget of one training setting, as TrainSettings describes it.
QWidget* createField(const TrainField& f, QWidget* parent) {
  QWidget* w = nullptr;
  switch (f.kind) {
    case TrainField::Kind::Integer: {
      auto* spin = intSpin(parent, static_cast<int>(f.min), static_cast<int>(f.max));
      spin->setSpecialValueText(f.minimumText);
      w = spin;
      break;
    }
    case TrainField::Kind::Real:
      w = realSpin(parent, f.min, f.max, f.decimals, f.step);
      break;
    case TrainField::Kind::Flag:
      w = new QCheckBox(f.name, parent);
      break;
    case TrainField::Kind::Choice: {
      auto* box = new QComboBox(parent);
      for (const auto& [value, text] : f.choices) box->addItem(text, value);
      w = box;
      break;
    }
    case TrainField::Kind::IntegerList: {
      auto* edit = new QLineEdit(parent);
      edit->setValidator(new QRegularExpressionValidator(
          QRegularExpression(QStringLiteral("^\\s*(\\d+(\\s*,\\s*\\d+)*)?\\s*$")), edit));
      w = edit;
      break;
    }
    case TrainField::Kind::RealList: {
      auto* edit = new QLineEdit(parent);
      edit->setValidator(new QRegularExpressionValidator(
          QRegularExpression(
              QStringLiteral("^\\s*([0-9]*\\.?[0-9]+(\\s*,\\s*[0-9]*\\.?[0-9]+)*)?\\s*$")),
          edit));
      w = edit;
      break;
    }
  }
  w->setObjectName(f.objectName);
  w->setAccessibleName(f.name);
  w->setToolTip(f.tip);
  return w;
}

QVariant fieldValue(const TrainField& f, const QWidget* w) {
  switch (f.kind) {
    case TrainField::Kind::Integer:
      return static_cast<const QSpinBox*>(w)->value();
    case TrainField::Kind::Real:
      return static_cast<const QDoubleSpinBox*>(w)->value();
    case TrainField::Kind::Flag:
      return static_cast<const QCheckBox*>(w)->isChecked();
    case TrainField::Kind::Choice:
      return static_cast<const QComboBox*>(w)->currentData();
    case TrainField::Kind::IntegerList:
    case TrainField::Kind::RealList:
      break;
  }
  return static_cast<const QLineEdit*>(w)->text();
}

void setFieldValue(const TrainField& f, QWidget* w, const QVariant& v) {
  switch (f.kind) {
    case TrainField::Kind::Integer:
      return static_cast<QSpinBox*>(w)->setValue(v.toInt());
    case TrainField::Kind::Real:
      return static_cast<QDoubleSpinBox*>(w)->setValue(v.toDouble());
    case TrainField::Kind::Flag:
      return static_cast<QCheckBox*>(w)->setChecked(v.toBool());
    case TrainField::Kind::Choice:
      return selectData(static_cast<QComboBox*>(w), v);
    case TrainField::Kind::IntegerList:
    case TrainField::Kind::RealList:
      break;
  }
  static_cast<QLineEdit*>(w)->setText(v.toString());
}

}  // namespace

TrainingForm::TrainingForm(const DeviceInfo& deviceInfo, QWidget* parent) : QScrollArea(parent) {
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
  // The ablation of the similarity loss: the same feature-level epochs, cross-entropy only.
  method_->addItem(tr("Two-step without L_S (CE only)"), QStringLiteral("two-step-no-ls"));
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

  // The run's fields from the table (device, precision, threads, seed); the device's hint
  // follows its row.
  fields_ = TrainSettings::fields();
  for (const TrainField& f : fields_) {
    if (f.group != TrainField::Group::Run) continue;
    QWidget* w = createField(f, runBox);
    fieldWidgets_.push_back(w);
    runForm_->addRow(f.label, w);
    if (f.key == QStringLiteral("device")) {
      auto* deviceBox = static_cast<QComboBox*>(w);
      if (!deviceInfo.cudaAvailable) {
        // Listed but not selectable: says that this build or machine has no GPU.
        if (auto* m = qobject_cast<QStandardItemModel*>(deviceBox->model()))
          m->item(2)->setEnabled(false);
        deviceBox->setItemData(2, tr("No CUDA GPU was found by LibTorch"), Qt::ToolTipRole);
      }
      auto* deviceHint = new QLabel(deviceText(deviceInfo), runBox);
      deviceHint->setObjectName(QStringLiteral("deviceHint"));
      deviceHint->setWordWrap(true);
      deviceHint->setForegroundRole(QPalette::PlaceholderText);
      runForm_->addRow(QString(), deviceHint);
    }
  }

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

  // -- optimisation (SGD with a step schedule, per-phase epochs), then the feature level's
  // similarity loss and reference sets
  optimBox_ = new QGroupBox(tr("Optimisation"), content);
  optimForm_ = new QFormLayout(optimBox_);
  featureBox_ = new QGroupBox(tr("Feature level"), content);
  featureForm_ = new QFormLayout(featureBox_);
  for (const TrainField& f : fields_) {
    if (f.group == TrainField::Group::Run) continue;
    QGroupBox* box = f.group == TrainField::Group::Optimisation ? optimBox_ : featureBox_;
    QWidget* w = createField(f, box);
    fieldWidgets_.push_back(w);
    formOf(f)->addRow(f.label, w);
  }
  column->addWidget(optimBox_);
  column->addWidget(featureBox_);

  defaultsButton_ = named(new QToolButton(content), "restoreDefaultsButton", tr("Restore defaults"),
                          tr("Set every hyperparameter back to the preset's documented defaults"));
  defaultsButton_->setText(tr("Restore &Defaults"));
  column->addWidget(defaultsButton_, 0, Qt::AlignLeft);
  column->addStretch(1);

  connect(method_, &QComboBox::currentIndexChanged, this, [this] { updateVisibleFields(); });
  connect(preset_, &QComboBox::currentIndexChanged, this, [this] { applyDefaults(); });
  connect(fromRun_, &QComboBox::currentIndexChanged, this, [this] {
    // The feature level keeps the data-level model's network: its preset.
    const QString preset = fromRun_->currentData(Qt::UserRole + 1).toString();
    if (!preset.isEmpty() && preset != preset_->currentData().toString())
      selectData(preset_, preset);
    updateVisibleFields();
  });
  connect(defaultsButton_, &QToolButton::clicked, this, [this] { applyDefaults(); });

  setObjectName(QStringLiteral("trainingSettingsScroll"));
  setWidget(content);
  setWidgetResizable(true);
  setFrameShape(QFrame::NoFrame);
  setMinimumWidth(content->sizeHint().width() + 24);
  setConfig(TrainConfig{});  // seed 1, automatic device, all cores, float32
  applyDefaults();
}

QFormLayout* TrainingForm::formOf(const TrainField& f) const {
  return f.group == TrainField::Group::Run            ? runForm_
         : f.group == TrainField::Group::Optimisation ? optimForm_
                                                      : featureForm_;
}

void TrainingForm::applyDefaults() {
  // Only the hyperparameters: method, device, seed and the run to start from stay.
  setValues(TrainSettings::withPresetDefaults(values()));
}

TrainSettings::Values TrainingForm::values() const {
  TrainSettings::Values v;
  v.insert(QStringLiteral("method"), method_->currentData());
  v.insert(QStringLiteral("preset"), preset_->currentData());
  v.insert(QStringLiteral("from_run"),
           fromRun_->currentIndex() > 0 ? fromRun_->currentData() : QVariant::fromValue<qint64>(0));
  if (useSplitSeed_->isChecked()) v.insert(QStringLiteral("split_seed"), splitSeed_->value());
  for (std::size_t i = 0; i < fields_.size(); ++i)
    v.insert(fields_[i].key, fieldValue(fields_[i], fieldWidgets_[i]));
  return v;
}

void TrainingForm::setValues(const TrainSettings::Values& v) {
  const QSignalBlocker b1(method_), b2(preset_), b3(fromRun_);
  selectData(method_, v.value(QStringLiteral("method")));
  if (v.value(QStringLiteral("method")).toString() != QStringLiteral("gabor"))
    selectData(preset_, v.value(QStringLiteral("preset")));
  presetHint_->setText(presetDescription(preset_->currentData().toString().toStdString()));
  if (const qint64 run = v.value(QStringLiteral("from_run")).toLongLong())
    selectData(fromRun_, QVariant::fromValue<qint64>(run));
  else
    fromRun_->setCurrentIndex(0);
  useSplitSeed_->setChecked(v.contains(QStringLiteral("split_seed")));
  if (v.contains(QStringLiteral("split_seed")))
    splitSeed_->setValue(v.value(QStringLiteral("split_seed")).toInt());
  for (std::size_t i = 0; i < fields_.size(); ++i)
    setFieldValue(fields_[i], fieldWidgets_[i], v.value(fields_[i].key));
  updateVisibleFields();
}

void TrainingForm::setConfig(const TrainConfig& c) {
  setValues(TrainSettings::values(c));
}

TrainConfig TrainingForm::config() const {
  return TrainSettings::config(values());
}

void TrainingForm::updateVisibleFields() {
  const Method m = parseMethod(method_->currentData().toString().toStdString());
  const bool fromRun = fromRun_->currentIndex() > 0;
  const auto shown = [&](const char* key) {
    return TrainSettings::isShown(QString::fromLatin1(key), m, fromRun);
  };
  runForm_->setRowVisible(preset_, shown("preset"));
  runForm_->setRowVisible(presetHint_, shown("preset"));
  runForm_->setRowVisible(fromRun_, shown("from_run"));
  bool optimisation = false, featureLevel = false;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    const bool on = fields_[i].shown(m, fromRun && hasFeatureLevel(m));
    formOf(fields_[i])->setRowVisible(fieldWidgets_[i], on);
    optimisation |= on && fields_[i].group == TrainField::Group::Optimisation;
    featureLevel |= on && fields_[i].group == TrainField::Group::FeatureLevel;
  }
  optimBox_->setVisible(optimisation);
  featureBox_->setVisible(featureLevel);
}

void TrainingForm::setRuns(const std::vector<RunRecord>& runs) {
  const qint64 fromWas = fromRun_->currentIndex() > 0 ? fromRun_->currentData().toLongLong() : 0;
  const QSignalBlocker blocker(fromRun_);
  fromRun_->clear();
  fromRun_->addItem(tr("None: pretrain first"), QVariant::fromValue<qint64>(0));
  for (const RunRecord& r : runs)
    if (r.status == "finished" && (r.method == "data-level" || r.method == "two-step")) {
      fromRun_->addItem(runText(r), QVariant::fromValue<qint64>(r.id));
      fromRun_->setItemData(fromRun_->count() - 1, QString::fromStdString(r.preset),
                            Qt::UserRole + 1);
    }
  if (fromWas) selectData(fromRun_, QVariant::fromValue<qint64>(fromWas));
  updateVisibleFields();
}

}  // namespace flystage::ui
