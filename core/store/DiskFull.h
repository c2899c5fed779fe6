#pragma once

#include <filesystem>
#include <string>

namespace SQLite {
class Exception;
}

namespace flystage {

// SQLite reports a full disk, or a file size limit reached, as "database or disk is full" or
// "disk I/O error": words that name neither the file nor what became of the change.
bool isDiskFull(const SQLite::Exception& e);

// "FILE: could not write the project: the disk is full or the file too large (SQLite's
// words); " + outcome, where outcome says what was kept and what to do.
std::string diskFullMessage(const std::filesystem::path& project, const SQLite::Exception& e,
                            const std::string& outcome);

}  // namespace flystage
