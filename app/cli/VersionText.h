#pragma once

#include <string>

namespace flystage::cli {

// What `flystage-cli --version` prints, as the desktop application's About box does: the
// program and its version (first line, which help2man reads), the libraries it runs on and
// the device found. Probes the device (configureDevice), so call it only when asked.
std::string versionText();

}  // namespace flystage::cli
