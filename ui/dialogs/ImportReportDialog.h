#pragma once

#include <QDialog>

#include "ImportTask.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace flystage::ui {

// The outcome of an import: how many images came in, and every duplicate and problem with
// its file and line. A refused import (bad rows, so nothing imported) lists all problems at
// once and offers to import the good rows only.
class ImportReportDialog : public QDialog {
  Q_OBJECT

 public:
  ImportReportDialog(const ImportOutcome& outcome, QWidget* parent = nullptr);

  QString summaryText() const;
  QString detailsText() const;
  // nullptr unless the import was refused and has good rows to import.
  QPushButton* importGoodRowsButton() const { return goodRows_; }

 Q_SIGNALS:
  void importGoodRowsRequested();

 private:
  QLabel* summary_;
  QPlainTextEdit* details_;
  QPushButton* goodRows_ = nullptr;
};

}  // namespace flystage::ui
