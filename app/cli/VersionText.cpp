#include "VersionText.h"

#include <QtGlobal>
#include <opencv2/core/version.hpp>

#include "Version.h"
#include "model/Device.h"

namespace flystage::cli {

std::string versionText() {
  std::string text = std::string("flystage-cli ") + kVersion + "\n";
  text += std::string("Qt ") + qVersion() + " (built with " + QT_VERSION_STR + "), OpenCV " +
          CV_VERSION + "\n";
  text += "Device: " + configureDevice().description();
  return text;
}

}  // namespace flystage::cli
