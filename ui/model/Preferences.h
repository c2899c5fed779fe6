#pragma once

#include <QString>

namespace flystage::ui {

// The user's preferences, kept with QSettings (per user, across projects). Every part of the
// GUI reads them through here, so the keys live in one place.
struct Preferences {
  QString device = QStringLiteral("auto");  // auto, cpu, cuda: the training panel's default
  int threads = 0;                          // CPU threads for libtorch; 0 = all cores
  int thumbnailCacheMiB = 128;              // decoded thumbnails kept in memory
  QString language;                         // "" = the system's; "en", "de", "zh_CN"

  static Preferences load();
  void save() const;
};

}  // namespace flystage::ui
