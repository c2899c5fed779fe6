#include "ProjectDialogs.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "DisplayNames.h"
#include "ImportController.h"
#include "LabelKeys.h"
#include "Plural.h"
#include "Version.h"
#include "model/Device.h"

#include <opencv2/core/version.hpp>

namespace flystage::ui {

namespace {
const auto kProjectSuffix = QStringLiteral("flystage");
}  // namespace

QString ProjectDialogs::newProjectFile(QWidget* parent, const QString& folder) {
  QFileDialog dialog(parent, tr("New Project"), folder, tr("FlyStage projects (*.flystage)"));
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setDefaultSuffix(kProjectSuffix);
  // An existing file is never overwritten: it may hold months of labels.
  dialog.setOption(QFileDialog::DontConfirmOverwrite);
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return QString();
  const QString file = dialog.selectedFiles().constFirst();
  if (QFileInfo::exists(file)) {
    QMessageBox::warning(parent, tr("Project Exists"),
                         tr("%1 already exists. Open it with Open Project, or choose another "
                            "name.")
                             .arg(QDir::toNativeSeparators(file)));
    return QString();
  }
  return file;
}

QString ProjectDialogs::projectToOpen(QWidget* parent, const QString& folder) {
  return QFileDialog::getOpenFileName(
      parent, tr("Open Project"), folder,
      tr("FlyStage projects (*.flystage)") + QStringLiteral(";;") + tr("All files (*)"));
}

bool ProjectDialogs::openReadOnly(QWidget* parent, const QString& file, const QString& why) {
  QMessageBox box(QMessageBox::Question, tr("Open Read-Only?"),
                  tr("FlyStage may not write %1.").arg(QFileInfo(file).fileName()),
                  QMessageBox::Cancel, parent);
  box.setObjectName(QStringLiteral("openReadOnlyQuestion"));
  box.setInformativeText(
      tr("You can open it read-only to browse the images, labels, runs and predictions, "
         "show saliency and export figures. Labelling, import, training and Predict All need "
         "a copy you can write."));
  box.setDetailedText(why);
  QPushButton* readOnly = box.addButton(tr("Open &Read-Only"), QMessageBox::AcceptRole);
  readOnly->setObjectName(QStringLiteral("openReadOnlyButton"));
  box.setDefaultButton(readOnly);
  box.exec();
  return box.clickedButton() == readOnly;
}

void ProjectDialogs::cannotOpen(QWidget* parent, const QString& file, const QString& why) {
  QMessageBox::warning(
      parent, tr("Cannot Open Project"),
      tr("%1 could not be opened.").arg(QFileInfo(file).fileName()) + QStringLiteral("\n\n") + why);
}

void ProjectDialogs::importRunning(QWidget* parent) {
  QMessageBox::information(parent, tr("Import Running"),
                           tr("Wait for the import to finish, or cancel it, before opening "
                              "another project."));
}

bool ProjectDialogs::cancelImportToQuit(QWidget* parent) {
  return QMessageBox::question(
             parent, tr("Import Running"),
             tr("An import is running. Cancel it and quit? The project stays as it was before "
                "the import."),
             QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

QString ProjectDialogs::importOutcomeText(const ImportOutcome& outcome) {
  const int problems = static_cast<int>(outcome.report.problemCount());
  if (outcome.cancelled) return tr("Import cancelled; the project is unchanged.");
  if (!outcome.error.isEmpty()) return tr("Import failed: %1").arg(outcome.error);
  if (!outcome.report.committed)
    return plural(tr("Import refused: %n problem(s); nothing was imported.", nullptr, problems),
                  problems);
  return plural(tr("Imported %n image(s).", nullptr, outcome.report.imported),
                outcome.report.imported);
}

void ProjectDialogs::about(QWidget* parent, int threads) {
  QMessageBox box(parent);
  box.setWindowTitle(tr("About FlyStage"));
  box.setIconPixmap(parent->windowIcon().pixmap(80, 80));
  box.setText(tr("<h3>FlyStage %1</h3>").arg(QString::fromLatin1(kVersion)));
  box.setInformativeText(
      tr("<p>Stages <i>Drosophila</i> embryos in in-situ hybridization images: import, "
         "label, train and predict developmental stages.</p>"
         "<p>Built with Qt %1, running on Qt %2; OpenCV %3.</p><p>%4</p>")
          .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
               QStringLiteral(CV_VERSION), deviceText(configureDevice(threads))));
  box.exec();
}

QDialog* ProjectDialogs::labellingKeys(QWidget* parent) {
  auto* dialog = new QDialog(parent);
  dialog->setObjectName(QStringLiteral("labellingHelp"));
  dialog->setWindowTitle(tr("Labelling Keys"));
  dialog->setAccessibleName(tr("Labelling keys"));
  auto* text = new QTextBrowser(dialog);
  text->setObjectName(QStringLiteral("labellingHelpText"));
  text->setAccessibleName(tr("Labelling keys"));
  text->setHtml(labelKeysHelpHtml());
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
  QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(text);
  layout->addWidget(buttons);
  dialog->resize(520, 620);
  return dialog;
}

}  // namespace flystage::ui
