#include "Preferences.h"

#include <QSettings>

namespace flystage::ui {

namespace {
const QString kDevice = QStringLiteral("preferences/device");
const QString kThreads = QStringLiteral("preferences/threads");
// Shared with the browser, which reads it when a project opens.
const QString kCache = QStringLiteral("browser/thumbnailCacheMiB");
const QString kLanguage = QStringLiteral("preferences/language");
}  // namespace

Preferences Preferences::load() {
  QSettings s;
  Preferences p;
  p.device = s.value(kDevice, p.device).toString();
  if (p.device != QStringLiteral("cpu") && p.device != QStringLiteral("cuda"))
    p.device = QStringLiteral("auto");
  p.threads = qBound(0, s.value(kThreads, p.threads).toInt(), 1024);
  p.thumbnailCacheMiB = qBound(16, s.value(kCache, p.thumbnailCacheMiB).toInt(), 16384);
  p.language = s.value(kLanguage, p.language).toString();
  return p;
}

void Preferences::save() const {
  QSettings s;
  s.setValue(kDevice, device);
  s.setValue(kThreads, threads);
  s.setValue(kCache, thumbnailCacheMiB);
  s.setValue(kLanguage, language);
}

}  // namespace flystage::ui
