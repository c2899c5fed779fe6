#include "ImportDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "Preferences.h"

namespace flystage::ui {

ImportDialog::ImportDialog(const QString& projectFile, QWidget* parent)
    : QDialog(parent), projectFile_(projectFile) {
  setObjectName(QStringLiteral("importDialog"));
  setWindowTitle(tr("Import Images"));

  auto* kindBox = new QGroupBox(tr("Source"), this);
  auto* kindLayout = new QVBoxLayout(kindBox);
  kinds_ = new QButtonGroup(this);
  const struct {
    ImportRequest::Kind kind;
    QString text;
    QString tip;
  } choices[] = {
      {ImportRequest::Kind::LabelsCsv, tr("&Labels CSV"),
       tr("A CSV with the columns path, stage_range, stage, gene and split")},
      {ImportRequest::Kind::Folder, tr("&Folder of images"),
       tr("Every PNG, JPEG, TIFF and BMP image under a folder, without labels")},
      {ImportRequest::Kind::BdgpDump, tr("&BDGP dump (insitu_images.csv)"),
       tr("The Berkeley Drosophila Genome Project's metadata dump; lateral views are kept")},
  };
  for (const auto& c : choices) {
    auto* button = new QRadioButton(c.text, kindBox);
    button->setToolTip(c.tip);
    button->setAccessibleDescription(c.tip);
    kinds_->addButton(button, static_cast<int>(c.kind));
    kindLayout->addWidget(button);
  }
  kindHelp_ = new QLabel(kindBox);
  kindHelp_->setWordWrap(true);
  kindHelp_->setForegroundRole(QPalette::PlaceholderText);
  kindLayout->addWidget(kindHelp_);

  source_ = new QLineEdit(this);
  source_->setObjectName(QStringLiteral("importSource"));
  source_->setClearButtonEnabled(true);
  browseSource_ = new QPushButton(tr("Browse…"), this);
  browseSource_->setAccessibleName(tr("Browse for the source"));
  auto* sourceRow = new QHBoxLayout;
  sourceRow->addWidget(source_, 1);
  sourceRow->addWidget(browseSource_);

  imagesRoot_ = new QLineEdit(this);
  imagesRoot_->setPlaceholderText(tr("The dump's folder"));
  imagesRoot_->setAccessibleName(tr("Images folder of the BDGP dump"));
  imagesRoot_->setToolTip(tr("The folder the dump's image paths are relative to"));
  imagesRoot_->setClearButtonEnabled(true);
  browseImagesRoot_ = new QPushButton(tr("Browse…"), this);
  browseImagesRoot_->setAccessibleName(tr("Browse for the images folder"));
  auto* rootRow = new QHBoxLayout;
  rootRow->addWidget(imagesRoot_, 1);
  rootRow->addWidget(browseImagesRoot_);

  skipBad_ = new QCheckBox(tr("Import the good rows even if some rows are bad"), this);
  skipBad_->setToolTip(
      tr("Off: any bad row or unreadable image makes the import refuse, lists every problem "
         "and imports nothing. On: the good rows are imported and the bad ones listed."));

  auto* form = new QFormLayout;
  auto* sourceLabel = new QLabel(tr("&Path:"), this);
  sourceLabel->setBuddy(source_);
  form->addRow(sourceLabel, sourceRow);
  imagesRootLabel_ = new QLabel(tr("&Images folder:"), this);
  imagesRootLabel_->setBuddy(imagesRoot_);
  form->addRow(imagesRootLabel_, rootRow);

  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Import"));
  connect(buttons_, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  auto* into = new QLabel(
      tr("Into <b>%1</b>").arg(QFileInfo(projectFile_).fileName().toHtmlEscaped()), this);
  layout->addWidget(into);
  layout->addWidget(kindBox);
  layout->addLayout(form);
  layout->addWidget(skipBad_);
  layout->addStretch();
  layout->addWidget(buttons_);

  connect(kinds_, &QButtonGroup::idClicked, this, &ImportDialog::kindChanged);
  connect(browseSource_, &QPushButton::clicked, this, &ImportDialog::browseSource);
  connect(browseImagesRoot_, &QPushButton::clicked, this, &ImportDialog::browseImagesRoot);
  connect(source_, &QLineEdit::textChanged, this, &ImportDialog::validate);

  const Preferences::ImportChoices last = Preferences::importChoices();
  (kinds_->button(last.kind) ? kinds_->button(last.kind) : kinds_->button(0))->setChecked(true);
  source_->setText(last.source);
  imagesRoot_->setText(last.imagesRoot);
  kindChanged();
  resize(560, sizeHint().height());
}

ImportRequest::Kind ImportDialog::kind() const {
  return static_cast<ImportRequest::Kind>(std::max(0, kinds_->checkedId()));
}

ImportRequest ImportDialog::request() const {
  ImportRequest r;
  r.projectFile = projectFile_;
  r.kind = kind();
  r.source = QDir::cleanPath(source_->text().trimmed());
  if (r.kind == ImportRequest::Kind::BdgpDump)
    r.imagesRoot = QDir::cleanPath(imagesRoot_->text().trimmed());
  if (r.imagesRoot == QLatin1String(".")) r.imagesRoot.clear();
  r.skipBad = skipBad_->isChecked();
  return r;
}

void ImportDialog::kindChanged() {
  const bool dump = kind() == ImportRequest::Kind::BdgpDump;
  imagesRootLabel_->setVisible(dump);
  imagesRoot_->setVisible(dump);
  browseImagesRoot_->setVisible(dump);
  switch (kind()) {
    case ImportRequest::Kind::LabelsCsv:
      source_->setPlaceholderText(tr("labels.csv"));
      source_->setAccessibleName(tr("Labels CSV file"));
      kindHelp_->setText(
          tr("Image paths in the CSV are relative to its folder. Each row needs "
             "a stage range or a stage."));
      break;
    case ImportRequest::Kind::Folder:
      source_->setPlaceholderText(tr("A folder of images"));
      source_->setAccessibleName(tr("Folder of images"));
      kindHelp_->setText(tr("Sub-folders are included. The images come in unlabelled."));
      break;
    case ImportRequest::Kind::BdgpDump:
      source_->setPlaceholderText(tr("insitu_images.csv"));
      source_->setAccessibleName(tr("BDGP dump file"));
      kindHelp_->setText(
          tr("Lateral views are imported with their stage range; other views "
             "are counted and left out."));
      break;
  }
  validate();
}

void ImportDialog::browseSource() {
  const QString start = source_->text().isEmpty() ? QFileInfo(projectFile_).absolutePath()
                                                  : QFileInfo(source_->text()).absolutePath();
  QString chosen;
  if (kind() == ImportRequest::Kind::Folder)
    chosen = QFileDialog::getExistingDirectory(this, tr("Folder of Images"), source_->text());
  else
    chosen = QFileDialog::getOpenFileName(
        this, kind() == ImportRequest::Kind::BdgpDump ? tr("BDGP Dump") : tr("Labels CSV"), start,
        tr("CSV files (*.csv);;All files (*)"));
  if (!chosen.isEmpty()) source_->setText(QDir::toNativeSeparators(chosen));
}

void ImportDialog::browseImagesRoot() {
  const QString chosen =
      QFileDialog::getExistingDirectory(this, tr("Images Folder of the Dump"), imagesRoot_->text());
  if (!chosen.isEmpty()) imagesRoot_->setText(QDir::toNativeSeparators(chosen));
}

void ImportDialog::validate() {
  const QFileInfo info(source_->text().trimmed());
  const bool folder = kind() == ImportRequest::Kind::Folder;
  const bool ok = !source_->text().trimmed().isEmpty() && info.exists() && info.isDir() == folder;
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void ImportDialog::accept() {
  Preferences::setImportChoices({static_cast<int>(kind()), source_->text(), imagesRoot_->text()});
  QDialog::accept();
}

}  // namespace flystage::ui
