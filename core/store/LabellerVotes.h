#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace flystage {

class Project;

// The labeller of imported labels in agreement figures.
inline constexpr const char* kImportLabeller = "import";

// Why `name` cannot name a labeller ("" when it can): "import" is the imports' labeller, and
// control characters or '|' would break the agreement tables. "" (unnamed) is allowed.
std::string labellerNameProblem(const std::string& name);

// One labeller's precise stage for one image.
struct LabellerVote {
  std::int64_t imageId = 0;
  std::string labeller;
  int stage = 0;  // 1..17

  bool operator==(const LabellerVote& o) const {
    return imageId == o.imageId && labeller == o.labeller && stage == o.stage;
  }
};

// Per (image, labeller): the stage of that labeller's latest `done` label_history row, when it
// holds a precise stage (a later range or removal withdraws the vote; undone and discarded rows
// never count). Derived from the history alone, no second copy. Imported labels count as
// labeller "import": rows the importer wrote (source import, no labeller), else the label
// before the image's first history row when it was imported, else the current label when it
// is imported. Unnamed labellers ("") are not counted. Ordered by image, then labeller.
std::vector<LabellerVote> labellerVotes(Project& project);

}  // namespace flystage
