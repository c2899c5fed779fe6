#pragma once

#include <cstdint>

#include "image/Orientation.h"

namespace flystage {

class Project;

// The manual orientation fix of one image (standardized.override_flip_h/_v), applied after
// the automatic decision when the standardized pixels are read. Setting both false resets
// it. One WriteTransaction; throws flystage::Error naming the project and the image when
// the project has no such image or no standardized pixels for it (nothing is written then).
void setOrientationOverride(Project& project, std::int64_t imageId, const OrientationOverride& fix);

// The fix stored for the image (both false when none was set). Throws like the setter.
OrientationOverride orientationOverride(Project& project, std::int64_t imageId);

}  // namespace flystage
