#include "PredictProgressDialog.h"

#include <QCoreApplication>
#include <QProgressDialog>
#include <QWidget>

#include "PredictController.h"

namespace flystage::ui {

PredictProgressDialog::PredictProgressDialog(PredictController* controller, QWidget* window)
    : QObject(controller), controller_(controller), window_(window) {
  connect(controller, &PredictController::started, this, &PredictProgressDialog::show);
  connect(controller, &PredictController::progress, this, [this](int done, int total) {
    if (!dialog_) return;
    dialog_->setMaximum(total);
    dialog_->setValue(done);
  });
  // Hidden now, not at the next event loop pass: a window-modal dialog still shown would
  // swallow the keys of whoever reacts to the controller's outcome.
  connect(controller, &PredictController::stopped, this, &PredictProgressDialog::hide);
}

void PredictProgressDialog::show(qint64 runId) {
  hide();
  // The strings keep the context they are translated in (translations/*.ts): they were
  // PredictController's before the dialog moved out of it.
  dialog_ = new QProgressDialog(
      QCoreApplication::translate("flystage::ui::PredictController",
                                  "Predicting every image with run #%1…")
          .arg(runId),
      QCoreApplication::translate("flystage::ui::PredictController", "Cancel"), 0, 0, window_);
  dialog_->setObjectName(QStringLiteral("predictProgress"));
  dialog_->setWindowTitle(
      QCoreApplication::translate("flystage::ui::PredictController", "Predict All Images"));
  dialog_->setMinimumDuration(300);
  dialog_->setWindowModality(Qt::WindowModal);
  connect(dialog_, &QProgressDialog::canceled, controller_, &PredictController::cancel);
}

void PredictProgressDialog::hide() {
  if (!dialog_) return;
  dialog_->disconnect(controller_);
  dialog_->hide();
  dialog_->deleteLater();
  dialog_ = nullptr;
}

}  // namespace flystage::ui
