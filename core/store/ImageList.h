#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Label.h"
#include "store/SplitPart.h"

namespace flystage {

class Project;

// One image as a list shows it: what the image table needs, without pixels.
struct ImageRow {
  std::int64_t id = 0;
  std::string path;
  std::string gene;
  Label label;  // empty when unlabelled
  std::optional<SplitPart> split;
};

// Every image of the project, ordered by id, in one query: a per-image image()/label()/
// splitPart() would cost three queries per row, too slow for a full BDGP import.
std::vector<ImageRow> listImages(Project& project);

}  // namespace flystage
