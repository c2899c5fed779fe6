#pragma once

#include <QCoreApplication>
#include <QScrollArea>

#include <vector>

#include "TrainSettings.h"
#include "model/Device.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace flystage {
struct RunRecord;
}

namespace flystage::ui {

// Every control gets an object name (tests, style sheets), a tooltip and an accessible
// name, so screen readers and the keyboard reach all of them.
template <typename W>
W* named(W* w, const char* objectName, const QString& accessibleName, const QString& tip) {
  w->setObjectName(QString::fromLatin1(objectName));
  w->setAccessibleName(accessibleName);
  w->setToolTip(tip);
  return w;
}

void selectData(QComboBox* box, const QVariant& value);
// A run in the training panel's lists: "#3 two-step · demo · seed 1".
QString runText(const RunRecord& r);

// The training panel's settings: the method and preset of the paper's Algorithm 1 with their
// documented defaults (TrainConfig::forPreset), the run to continue from, the split, and the
// fields of TrainSettings, built from its table and shown as the method needs them. Its
// texts keep the training panel's translation context.
class TrainingForm : public QScrollArea {
  Q_DECLARE_TR_FUNCTIONS(flystage::ui::TrainingPanel)

 public:
  explicit TrainingForm(const DeviceInfo& deviceInfo, QWidget* parent = nullptr);

  // The settings as the controls show them; setConfig() shows a run's settings.
  TrainConfig config() const;
  void setConfig(const TrainConfig& config);
  // The finished data-level and two-step runs the feature level may continue from.
  void setRuns(const std::vector<RunRecord>& runs);
  QComboBox* methodBox() const { return method_; }

 private:
  // The preset's documented defaults for every hyperparameter (Restore Defaults, a preset
  // chosen).
  void applyDefaults();
  TrainSettings::Values values() const;
  void setValues(const TrainSettings::Values& values);
  void updateVisibleFields();
  QFormLayout* formOf(const TrainField& field) const;

  QComboBox* method_;
  QComboBox* preset_;
  QLabel* presetHint_;
  QComboBox* fromRun_;
  QCheckBox* useSplitSeed_;
  QSpinBox* splitSeed_;
  QFormLayout* runForm_;
  QGroupBox* optimBox_;
  QFormLayout* optimForm_;
  QGroupBox* featureBox_;
  QFormLayout* featureForm_;
  QToolButton* defaultsButton_;
  // The settings of TrainSettings::fields() and their widgets, in the same order.
  std::vector<TrainField> fields_;
  std::vector<QWidget*> fieldWidgets_;
};

}  // namespace flystage::ui
