#pragma once

#include <QCoreApplication>
#include <QWidget>

#include "TrainController.h"

class QLabel;
class QProgressBar;

namespace flystage {
class Project;
}

namespace flystage::ui {

class TrainingCurves;

// The training panel's view of a session: the phase, epoch and batch, a progress bar with
// images/s and the time left, a message (what the training does or how it ended) and the
// live curves. Its texts keep the training panel's translation context.
class TrainingProgress : public QWidget {
  Q_DECLARE_TR_FUNCTIONS(flystage::ui::TrainingPanel)

 public:
  explicit TrainingProgress(QWidget* parent = nullptr);

  TrainingCurves* curves() const { return curves_; }
  // "Not training.", no progress, no curves.
  void reset();
  void showStarting();
  void showProgress(const TrainProgress& p);
  // A problem shows in red.
  void showMessage(const QString& text, bool problem = false);
  // How a session ended; a finished run's summary line is read from `project`. Returns the
  // run's status: "finished", "cancelled" or "failed".
  QString showOutcome(const TrainOutcome& outcome, Project* project);

 private:
  QLabel* phase_;
  QProgressBar* progress_;
  QLabel* rate_;
  QLabel* message_;
  TrainingCurves* curves_;
};

}  // namespace flystage::ui
