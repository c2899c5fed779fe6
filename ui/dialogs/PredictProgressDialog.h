#pragma once

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace flystage::ui {

class PredictController;

// The window-modal progress dialog of "Predict All Images": one for each run of the
// controller, whose Cancel stops it (nothing is stored), gone as soon as the run ends.
class PredictProgressDialog : public QObject {
  Q_OBJECT

 public:
  PredictProgressDialog(PredictController* controller, QWidget* window);

 private:
  void show(qint64 runId);
  void hide();

  PredictController* controller_;
  QWidget* window_;
  QPointer<QProgressDialog> dialog_;
};

}  // namespace flystage::ui
