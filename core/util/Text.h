#pragma once

#include <optional>
#include <string>

namespace flystage {

std::string trim(const std::string& s);
std::string toLower(std::string s);
// Whole-string integer parse: "12" -> 12; "12a", "", "1.5" -> nullopt.
std::optional<int> parseInt(const std::string& s);

}  // namespace flystage
