#include "store/LabelConflict.h"

#include <algorithm>

#include "store/Project.h"

namespace flystage {

namespace {

// "range 9-10", "stage 12 (11-12)"
std::string describe(const Label& l) {
  if (l.stage) return "stage " + std::to_string(*l.stage) + " (" + l.range->name() + ")";
  if (l.range) return "range " + l.range->name();
  return "no label";
}

}  // namespace

std::string RangeConflict::text() const {
  // The current label says where it came from: a curator's import, a person, a model.
  const std::string source = labelSourceName(current.source);
  const std::string now = current.stage ? "stage " + std::to_string(*current.stage) + " (" +
                                              current.range->name() + ", " + source + ")"
                                        : "range " + current.range->name() + " (" + source + ")";
  return "image #" + std::to_string(imageId) + ": " + now + " -> " + describe(proposed);
}

bool isRangeConflict(const Label& current, const Label& proposed) {
  return current.range && proposed.stage && !current.range->contains(*proposed.stage);
}

std::vector<RangeConflict> rangeConflicts(Project& project,
                                          const std::vector<LabelChange>& changes) {
  std::vector<RangeConflict> out;
  for (const LabelChange& c : changes) {
    if (!c.label.stage) continue;  // no stage: nothing to read
    const Label current = project.label(c.imageId);
    if (isRangeConflict(current, c.label)) out.push_back({c.imageId, current, c.label});
  }
  return out;
}

std::string replacedRanges(const std::vector<RangeConflict>& conflicts) {
  std::vector<StageRange> ranges;
  for (const RangeConflict& c : conflicts)
    if (std::find(ranges.begin(), ranges.end(), *c.current.range) == ranges.end())
      ranges.push_back(*c.current.range);
  std::sort(ranges.begin(), ranges.end(),
            [](const StageRange& a, const StageRange& b) { return a.first < b.first; });
  std::string out;
  for (const StageRange& r : ranges) out += (out.empty() ? "" : ", ") + r.name();
  return out;
}

}  // namespace flystage
