#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "store/LabelHistory.h"

namespace SQLite {
class Statement;
}

namespace flystage {

class Project;

// The project's labelling actions as an undo list sees them, so a list built at open time
// (the GUI's undo stack) continues where the history stands, also after a restart.
struct LabelActions {
  std::vector<LabelAction> done;    // oldest first: the last one is what undo() undoes next
  std::vector<LabelAction> undone;  // in redo order: the first one is what redo() redoes next
};

// maxDone > 0 keeps only the latest maxDone done actions (the older ones stay undoable from
// the command line). Discarded actions are never listed.
LabelActions labelActions(Project& project, std::size_t maxDone = 0);

// A label stored as three columns (range, stage, source) from column `first` of a row of
// `labels` or `label_history`.
Label labelFromColumns(const SQLite::Statement& row, int first);

// The images one action labelled, ascending.
std::vector<std::int64_t> labelActionImages(Project& project, std::int64_t actionId);

// What one action did to one image: its label before the action and after it.
struct LabelActionChange {
  std::int64_t imageId = 0;
  Label before;
  Label after;
};

// The changes of one action, one per image (before its first change, after its last),
// ascending by image: what an undo list composes its text from, in the user's language,
// instead of the description stored with the action.
std::vector<LabelActionChange> labelActionChanges(Project& project, std::int64_t actionId);

}  // namespace flystage
