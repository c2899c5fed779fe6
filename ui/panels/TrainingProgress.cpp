#include "TrainingProgress.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

#include <cmath>

#include "DurationText.h"
#include "TrainingCurves.h"
#include "TrainingForm.h"
#include "TrainingPhase.h"
#include "eval/StageMetrics.h"
#include "store/Project.h"
#include "store/RunStore.h"

namespace flystage::ui {

TrainingProgress::TrainingProgress(QWidget* parent) : QWidget(parent) {
  auto* box = this;
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  phase_ = named(new QLabel(tr("Not training."), box), "trainingPhaseLabel", tr("Phase"),
                 tr("The phase, epoch and batch being trained"));
  layout->addWidget(phase_);
  progress_ = named(new QProgressBar(box), "trainingProgressBar", tr("Training progress"),
                    tr("Share of the run's training done, over all its phases"));
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  progress_->setFormat(QStringLiteral("%p%"));
  layout->addWidget(progress_);
  rate_ = named(new QLabel(box), "trainingRateLabel", tr("Speed and time left"),
                tr("Images per second in this epoch and the estimated time left; paused time "
                   "is not counted"));
  layout->addWidget(rate_);
  rate_->hide();  // shown while it says something: a low dock keeps room for the curves
  message_ = named(new QLabel(box), "trainingMessageLabel", tr("Training status"),
                   tr("What the training is doing, or how it ended"));
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(message_);
  message_->hide();
  curves_ = new TrainingCurves(box);
  layout->addWidget(curves_, 1);
}

void TrainingProgress::reset() {
  curves_->clear();
  progress_->setValue(0);
  phase_->setText(tr("Not training."));
  rate_->clear();
  rate_->hide();
}

void TrainingProgress::showStarting() {
  progress_->setValue(0);
  rate_->clear();
  rate_->hide();
  phase_->setText(tr("Starting…"));
}

void TrainingProgress::showMessage(const QString& text, bool problem) {
  message_->setText(text);
  message_->setVisible(!text.isEmpty());
  QPalette pal = message_->palette();
  pal.setColor(QPalette::WindowText,
               problem ? QColor(0xb0, 0x20, 0x20) : palette().color(QPalette::WindowText));
  message_->setPalette(pal);
}

void TrainingProgress::showProgress(const TrainProgress& p) {
  const QString title = trainingPhaseTitle(p.phase);
  if (p.phase == "load") {
    phase_->setText(tr("%1: %2 of %3").arg(title).arg(p.batch).arg(p.batches));
    return;
  }
  if (p.phase == "references" || p.phase == "gabor" || p.epochs == 0) {
    phase_->setText(tr("Phase %1 of %2: %3…").arg(p.phaseIndex + 1).arg(p.phases).arg(title));
    return;
  }
  phase_->setText(tr("Phase %1 of %2: %3 · epoch %4 of %5 · batch %6 of %7")
                      .arg(p.phaseIndex + 1)
                      .arg(p.phases)
                      .arg(title)
                      .arg(p.epoch)
                      .arg(p.epochs)
                      .arg(p.batch)
                      .arg(p.batches));
  progress_->setValue(static_cast<int>(std::lround(1000 * p.fractionDone)));
  QString rate = tr("%1 images/s").arg(p.imagesPerSecond, 0, 'f', 1);
  if (p.remainingSeconds >= 0) rate += tr(" · about %1 left").arg(durationText(p.remainingSeconds));
  rate += tr(" · %1 elapsed").arg(durationText(p.elapsedSeconds));
  rate_->setText(rate);
  rate_->setVisible(!rate.isEmpty());
  progress_->setAccessibleDescription(rate);
}

QString TrainingProgress::showOutcome(const TrainOutcome& outcome, Project* project) {
  const qint64 run = outcome.runId;
  QString status;
  if (outcome.finished) {
    status = QStringLiteral("finished");
    progress_->setValue(1000);
    phase_->setText(tr("Finished."));
    QString text = tr("Run #%1 finished.").arg(run);
    try {
      const auto record = runstore::run(*project, run);
      const auto json = runstore::metricJson(*project, run, "test");
      if (record && json) {
        const StageMetrics m = stageMetricsFromJson(*json);
        text = tr("Run #%1 finished in %2: mean per-stage accuracy %3 % on %4 test images "
                  "(within one stage: %5 %).")
                   .arg(run)
                   .arg(durationText(record->durationSeconds))
                   .arg(100 * m.meanPerStageAccuracy, 0, 'f', 1)
                   .arg(m.nTest)
                   .arg(100 * m.withinOneStageAccuracy, 0, 'f', 1);
      }
    } catch (const std::exception&) {
      // The run finished; only its summary line could not be read.
    }
    showMessage(text);
  } else if (outcome.cancelled) {
    status = QStringLiteral("cancelled");
    phase_->setText(tr("Cancelled."));
    showMessage(tr("Run #%1 was cancelled. It keeps its last finished epoch: choose it under "
                   "Interrupted runs and Resume to continue.")
                    .arg(run));
  } else {
    status = QStringLiteral("failed");
    phase_->setText(tr("Failed."));
    showMessage(run ? tr("Run #%1 failed: %2").arg(run).arg(outcome.error)
                    : tr("The run could not start: %1").arg(outcome.error),
                true);
  }
  return status;
}

}  // namespace flystage::ui
