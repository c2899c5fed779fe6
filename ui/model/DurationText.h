#pragma once

#include <QCoreApplication>
#include <QString>

#include <cmath>

namespace flystage::ui {

// A duration as people say it: "45 s", "3 min 20 s", "2 h 05 min" (training times, the
// time left, a run's duration).
inline QString durationText(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0)
    return QCoreApplication::translate("DurationText", "unknown");
  const long long s = std::llround(seconds);
  if (s < 60) return QCoreApplication::translate("DurationText", "%1 s").arg(s);
  if (s < 3600)
    return QCoreApplication::translate("DurationText", "%1 min %2 s")
        .arg(s / 60)
        .arg(s % 60, 2, 10, QLatin1Char('0'));
  return QCoreApplication::translate("DurationText", "%1 h %2 min")
      .arg(s / 3600)
      .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

}  // namespace flystage::ui
