#pragma once

#include <QDialog>

#include "Preferences.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace flystage::ui {

// Edits Preferences: default device (with what this machine has), CPU threads, thumbnail
// cache size, language (applied at the next start; the dialog says so) and whether a
// prediction is constrained to the image's known stage range; the labeller name recorded
// with every label.
class PreferencesDialog : public QDialog {
  Q_OBJECT

 public:
  explicit PreferencesDialog(const Preferences& current, QWidget* parent = nullptr);
  Preferences preferences() const;

 private:
  QComboBox* device_;
  QSpinBox* threads_;
  QSpinBox* cache_;
  QComboBox* language_;
  QCheckBox* rangeConstraint_;
  QLineEdit* labeller_;
};

}  // namespace flystage::ui
