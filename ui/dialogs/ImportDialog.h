#pragma once

#include <QDialog>

#include "ImportTask.h"

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace flystage::ui {

// Asks what to import: a labels CSV, a folder of images or BDGP's insitu_images.csv,
// its location, and whether bad rows may be left out. Remembers the last choice.
class ImportDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ImportDialog(const QString& projectFile, QWidget* parent = nullptr);

  ImportRequest request() const;

  void accept() override;

 private:
  ImportRequest::Kind kind() const;
  void kindChanged();
  void browseSource();
  void browseImagesRoot();
  void validate();

  QString projectFile_;
  QButtonGroup* kinds_;
  QLabel* kindHelp_;
  QLineEdit* source_;
  QPushButton* browseSource_;
  QLabel* imagesRootLabel_;
  QLineEdit* imagesRoot_;
  QPushButton* browseImagesRoot_;
  QCheckBox* skipBad_;
  QDialogButtonBox* buttons_;
};

}  // namespace flystage::ui
