#include "PreferencesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include "DisplayNames.h"
#include "model/Device.h"

namespace flystage::ui {

PreferencesDialog::PreferencesDialog(const Preferences& current, QWidget* parent)
    : QDialog(parent) {
  setObjectName(QStringLiteral("preferencesDialog"));
  setWindowTitle(tr("Preferences"));
  const DeviceInfo info = configureDevice(current.threads);

  device_ = new QComboBox;
  device_->setObjectName(QStringLiteral("preferencesDevice"));
  device_->setAccessibleName(tr("Default device"));
  device_->addItem(tr("Automatic (GPU when there is one)"), QStringLiteral("auto"));
  device_->addItem(tr("CPU"), QStringLiteral("cpu"));
  device_->addItem(info.cudaAvailable ? tr("CUDA GPU (%n found)", nullptr, info.cudaDevices)
                                      : tr("CUDA GPU (none found)"),
                   QStringLiteral("cuda"));
  device_->setCurrentIndex(std::max(0, device_->findData(current.device)));
  device_->setToolTip(tr("Where training and prediction run unless a run says otherwise"));

  threads_ = new QSpinBox;
  threads_->setObjectName(QStringLiteral("preferencesThreads"));
  threads_->setAccessibleName(tr("CPU threads"));
  threads_->setRange(0, 256);
  threads_->setSpecialValueText(tr("All cores (%1)").arg(QThread::idealThreadCount()));
  threads_->setValue(current.threads);
  threads_->setToolTip(tr("Threads LibTorch uses on the CPU; fewer leave cores for other work"));

  cache_ = new QSpinBox;
  cache_->setObjectName(QStringLiteral("preferencesThumbnailCache"));
  cache_->setAccessibleName(tr("Thumbnail cache size"));
  cache_->setRange(16, 16384);
  cache_->setSingleStep(64);
  cache_->setSuffix(tr(" MiB"));
  cache_->setValue(current.thumbnailCacheMiB);
  cache_->setToolTip(tr("Memory for decoded thumbnails; about 40 KiB each"));

  language_ = new QComboBox;
  language_->setObjectName(QStringLiteral("preferencesLanguage"));
  language_->setAccessibleName(tr("Language"));
  language_->addItem(tr("System language"), QString());
  // Each language in its own name, so a user who cannot read the current one finds theirs.
  language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
  language_->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
  language_->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
  language_->setCurrentIndex(std::max(0, language_->findData(current.language)));
  language_->setToolTip(tr("The language of FlyStage's windows; applies at the next start"));

  rangeConstraint_ = new QCheckBox(tr("Call the most probable stage inside the known range"));
  rangeConstraint_->setObjectName(QStringLiteral("preferencesRangeConstraint"));
  rangeConstraint_->setChecked(current.rangeConstraint);
  rangeConstraint_->setToolTip(
      tr("When an image has a stage range (4-6 to 13-17), Predict calls the most probable stage "
         "inside it; the unconstrained call is kept beside it. Applies to the next prediction"));

  labeller_ = new QLineEdit(current.labellerName);
  labeller_->setObjectName(QStringLiteral("preferencesLabeller"));
  labeller_->setAccessibleName(tr("Labeller name"));
  labeller_->setPlaceholderText(tr("Unnamed"));
  // What core's labellerNameProblem accepts: no control characters, no '|', 100 at most.
  labeller_->setValidator(new QRegularExpressionValidator(
      QRegularExpression(QStringLiteral("[^|\\x00-\\x1f\\x7f]{0,100}")), labeller_));
  labeller_->setToolTip(
      tr("Recorded with every label you set, so images labelled by two people give their "
         "agreement (Cohen's kappa); empty: unnamed, not counted"));

  auto* found = new QLabel(deviceText(info));
  found->setObjectName(QStringLiteral("preferencesDeviceFound"));
  found->setWordWrap(true);
  found->setToolTip(tr("What this machine offers, as LibTorch reports it"));

  auto* form = new QFormLayout;
  form->addRow(tr("Default &device:"), device_);
  form->addRow(tr("Found:"), found);
  form->addRow(tr("CPU &threads:"), threads_);
  form->addRow(tr("&Thumbnail cache:"), cache_);
  form->addRow(tr("&Language:"), language_);
  form->addRow(tr("&Prediction:"), rangeConstraint_);
  form->addRow(tr("Labeller &name:"), labeller_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  auto* note = new QLabel(tr("A new language applies when FlyStage starts again."));
  note->setWordWrap(true);
  layout->addWidget(note);
  layout->addWidget(buttons);
}

Preferences PreferencesDialog::preferences() const {
  Preferences p;
  p.device = device_->currentData().toString();
  p.threads = threads_->value();
  p.thumbnailCacheMiB = cache_->value();
  p.language = language_->currentData().toString();
  p.rangeConstraint = rangeConstraint_->isChecked();
  p.labellerName = labeller_->text().trimmed();
  return p;
}

}  // namespace flystage::ui
