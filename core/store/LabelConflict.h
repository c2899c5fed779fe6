#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/Label.h"
#include "store/LabelHistory.h"

namespace flystage {

class Project;

// A change that would replace an image's known stage range without saying so: the image has
// a range (a curator's, from an import, or one set before) and the new label carries a
// precise stage outside it, so its range would follow the stage. Setting a range (a range
// key, `label --range`) and removing a label (Delete, `label --clear`) name what they do to
// the range: they are not conflicts. Both stay undoable either way.
struct RangeConflict {
  std::int64_t imageId = 0;
  Label current;
  Label proposed;

  // "image #11: range 9-10 (import) -> stage 5 (4-6)"
  std::string text() const;
};

// Whether labelling an image labelled `current` with `proposed` is a conflict (see above).
bool isRangeConflict(const Label& current, const Label& proposed);

// The conflicts among `changes`, in their order, against the project's current labels. An
// image without a label, or not in the project (LabelHistory refuses it), has none.
std::vector<RangeConflict> rangeConflicts(Project& project,
                                          const std::vector<LabelChange>& changes);

// The ranges the conflicts replace, distinct, in developmental order: "9-10", "9-10, 11-12".
std::string replacedRanges(const std::vector<RangeConflict>& conflicts);

}  // namespace flystage
