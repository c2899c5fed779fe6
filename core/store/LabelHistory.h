#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Label.h"

namespace flystage {

class Project;

struct LabelChange {
  std::int64_t imageId = 0;
  Label label;  // the new label; an empty label removes it
};

// One undoable step: the labels it set, described for an Undo menu ("Set stage 12").
struct LabelAction {
  std::int64_t id = 0;
  std::string description;
  int images = 0;
};

// Every labelling is recorded in the project (label_history), so it can be undone and
// redone, also after the program was closed and reopened. Each action is one transaction.
// Every row records who labelled (`labeller`, "" = unnamed) and labels.labeller holds who set
// the current label, so images labelled by two people give their agreement (LabellerVotes).
class LabelHistory {
 public:
  explicit LabelHistory(Project& project, std::string labeller = {});

  const std::string& labeller() const { return labeller_; }

  // Applies the changes as one action; a new action discards whatever could be redone.
  // Changes that leave a label as it was are dropped, unless a named labeller other than the
  // one who set it confirms it: that is recorded as their vote (the label row keeps its value
  // and its labeller). Returns the action, if any.
  std::optional<LabelAction> apply(const std::vector<LabelChange>& changes,
                                   const std::string& description);
  std::optional<LabelAction> setLabel(std::int64_t imageId, const Label& label,
                                      const std::string& description = {});

  std::optional<LabelAction> undo();  // the latest done action, restored to before it
  std::optional<LabelAction> redo();  // the earliest undone action, applied again
  std::optional<LabelAction> nextUndo();
  std::optional<LabelAction> nextRedo();

 private:
  std::optional<LabelAction> applyInTransaction(const std::vector<LabelChange>& changes,
                                                const std::string& description);
  Project& project_;
  std::string labeller_;
};

}  // namespace flystage
