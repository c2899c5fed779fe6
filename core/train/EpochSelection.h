#pragma once

// Which epoch a phase keeps, and why (issue 18). No torch: the rules work on the stored
// epoch records, so an old run's kept epoch can be recomputed from its history.
#include <string>
#include <vector>

#include "store/RunStore.h"

namespace flystage {

// FirstBestScore: the best validation score, first of ties (every run before issue 18).
// BestScore: the best score, ties (one validation image is a big step) broken by the lower
// validation loss, then the later epoch. BestLoss: the lowest validation loss, ties the later
// epoch. LastEpoch: the fixed schedule's last epoch (no selection).
enum class SelectionRule { FirstBestScore, BestScore, BestLoss, LastEpoch };

// "first-best-validation-score", "best-validation-score", "best-validation-loss",
// "last-epoch" (the names table run_selection allows).
std::string selectionRuleName(SelectionRule r);
// Throws flystage::Error naming the choices.
SelectionRule parseSelectionRule(const std::string& text);
const std::vector<std::string>& selectionRuleNames();  // in enum order
// "auto" or a rule name (TrainConfig::selection); throws flystage::Error naming the choices.
void checkSelection(const std::string& text);

// How a phase chose its kept epoch: one row of run_selection.
struct PhaseSelection {
  std::string phase;
  SelectionRule rule = SelectionRule::LastEpoch;
  int keptEpoch = 0;  // 1-based
  int epochs = 0;
  int validationImages = 0;
  std::string reason;
};

// The rule of a new run's selecting phases, decided once from its images.
struct SelectionPlan {
  SelectionRule rule = SelectionRule::LastEpoch;
  bool foldValidation = false;  // the validation images are trained on (see fold...)
  int validationImages = 0;     // what the rule looks at (0 after folding)
  std::string reason;
};

// requested "auto": BestLoss when every stage 4..17 that has training images has at least
// minPerStage validation images; else LastEpoch, the validation images folded into
// training, and a reason naming the stage with the fewest ("stage 9 has 1 validation image
// (fewer than 5): ..."). A rule by name is honoured as asked; a validation rule without any
// validation image is an Error naming the option.
SelectionPlan planSelection(const std::vector<RunImage>& snapshot, int minPerStage,
                            const std::string& requested);
// The snapshot with every 'validation' image moved to 'train'.
std::vector<RunImage> foldValidationIntoTraining(std::vector<RunImage> snapshot);

// The epoch (1-based, as recorded) the rule keeps among one phase's records (in epoch
// order); a score rule without any finite score keeps the last epoch; 0 when empty.
int keptEpoch(const std::vector<EpochRecord>& phaseEpochs, SelectionRule rule);

}  // namespace flystage
