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

// What the standardizer decided for an image when it was imported, and the fix on top.
struct StoredOrientation {
  bool passthrough = false;  // a standardized crop: never flipped automatically
  bool autoFlipH = false;    // the automatic flips, already in the stored pixels
  bool autoFlipV = false;
  double apConfidence = 0;  // 0..1, StandardizeResult's
  double dvConfidence = 0;
  OrientationOverride fix;  // applied on top when the pixels are read

  // The fix that shows the image as it came: it cancels exactly the automatic flips.
  OrientationOverride asImported() const { return {autoFlipH, autoFlipV}; }
  bool autoFlipped() const { return autoFlipH || autoFlipV; }
};

// One read of the image's standardized row. Throws like the setter.
StoredOrientation storedOrientation(Project& project, std::int64_t imageId);

}  // namespace flystage
