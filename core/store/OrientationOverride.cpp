#include "store/OrientationOverride.h"

#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/Project.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"

namespace flystage {

namespace {

// The project has the image, but no standardized row for it: name which of the two is
// missing, so "no such image" is not reported for an image the user can see.
[[noreturn]] void throwMissing(Project& project, std::int64_t imageId) {
  const std::string head = project.file().string() + ": ";
  if (!project.image(imageId)) throw Error(head + "there is no image #" + std::to_string(imageId));
  throw Error(head + "image #" + std::to_string(imageId) + " has no standardized pixels");
}

}  // namespace

void setOrientationOverride(Project& project, std::int64_t imageId,
                            const OrientationOverride& fix) {
  WriteTransaction tx(project.db());
  SQLite::Statement q(project.db(),
                      "UPDATE standardized SET override_flip_h = ?, override_flip_v = ? WHERE "
                      "image_id = ?");
  q.bind(1, fix.flipHorizontal ? 1 : 0);
  q.bind(2, fix.flipVertical ? 1 : 0);
  q.bind(3, static_cast<int64_t>(imageId));
  if (q.exec() == 0) throwMissing(project, imageId);  // rolled back: nothing was written
  tx.commit();
}

StoredOrientation storedOrientation(Project& project, std::int64_t imageId) {
  SQLite::Statement q(project.db(),
                      "SELECT passthrough, auto_flip_h, auto_flip_v, ap_confidence, dv_confidence, "
                      "override_flip_h, override_flip_v FROM standardized WHERE image_id = ?");
  q.bind(1, static_cast<int64_t>(imageId));
  if (!q.executeStep()) throwMissing(project, imageId);
  StoredOrientation o;
  o.passthrough = q.getColumn(0).getInt() != 0;
  o.autoFlipH = q.getColumn(1).getInt() != 0;
  o.autoFlipV = q.getColumn(2).getInt() != 0;
  o.apConfidence = q.getColumn(3).getDouble();
  o.dvConfidence = q.getColumn(4).getDouble();
  o.fix.flipHorizontal = q.getColumn(5).getInt() != 0;
  o.fix.flipVertical = q.getColumn(6).getInt() != 0;
  return o;
}

// The fix alone is part of the stored decision: one query reads both.
OrientationOverride orientationOverride(Project& project, std::int64_t imageId) {
  return storedOrientation(project, imageId).fix;
}

}  // namespace flystage
