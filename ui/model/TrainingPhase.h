#pragma once

#include <QCoreApplication>
#include <QString>

#include <string>

namespace flystage::ui {

// The user-facing name of a training phase as core reports it (TrainProgress::phase,
// EpochRecord::phase): the steps of the paper's Algorithm 1 in words.
inline QString trainingPhaseTitle(const std::string& phase) {
  if (phase == "load") return QCoreApplication::translate("TrainingPhase", "Loading images");
  if (phase == "range") return QCoreApplication::translate("TrainingPhase", "Range pretraining");
  if (phase == "fine") return QCoreApplication::translate("TrainingPhase", "Stage fine-tuning");
  if (phase == "feature") return QCoreApplication::translate("TrainingPhase", "Feature level");
  if (phase == "references")
    return QCoreApplication::translate("TrainingPhase", "Choosing reference images");
  if (phase == "plain") return QCoreApplication::translate("TrainingPhase", "Plain training");
  if (phase == "gabor") return QCoreApplication::translate("TrainingPhase", "Gabor baseline");
  return QString::fromStdString(phase);
}

}  // namespace flystage::ui
