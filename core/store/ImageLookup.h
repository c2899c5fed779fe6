#pragma once

#include <cstdint>
#include <string>

namespace flystage {

class Project;

// The image a user names on the command line: its id ("42"), the path it was imported from,
// or a file name that only one image has. Throws flystage::Error saying how to find the id.
std::int64_t resolveImage(Project& project, const std::string& pathOrId);

}  // namespace flystage
