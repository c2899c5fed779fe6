#pragma once

#include <QWidget>

#include <vector>

#include "eval/LabellerAgreement.h"

class QComboBox;
class QLabel;
class QTableWidget;

namespace flystage {
class Project;
}

namespace flystage::ui {

class ConfusionMatrixView;

// Labeller agreement (issue 18): for every two labellers who staged the same images, Cohen's
// kappa weighted by stage distance with its bootstrap interval and the exact agreement; the
// per-stage kappa; the confusion between the pair chosen in the table (rows the first
// labeller, columns the second); and the chosen run's kappa with each labeller on the images
// both labelled, beside theirs. Computed by core (LabellerAgreement) from the label history.
class AgreementPanel : public QWidget {
  Q_OBJECT

 public:
  explicit AgreementPanel(QWidget* parent = nullptr);

  // The project (not owned; nullptr: none). Lists its runs and computes the figures.
  void setProject(Project* project);
  // Computes again (after labelling): at once when shown, else when next shown.
  void refresh();

  const std::vector<Agreement>& agreements() const { return pairs_; }

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void compute();
  void fillRuns();
  void showPair(int row);
  void showRun();

  Project* project_ = nullptr;
  bool stale_ = true;
  std::vector<LabellerVote> votes_;
  std::vector<Agreement> pairs_;
  QLabel* summary_;
  QTableWidget* pairTable_;
  QTableWidget* stageTable_;
  QLabel* confusionCaption_;
  ConfusionMatrixView* confusion_;
  QComboBox* run_;
  QTableWidget* modelTable_;
};

}  // namespace flystage::ui
