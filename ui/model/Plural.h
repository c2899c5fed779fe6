#pragma once

#include <QString>

namespace flystage::ui {

// Counted strings use tr("%n image(s)", nullptr, n), so translators get Qt's plural forms.
// Qt resolves "(s)" only through a loaded translation; with none (English), pick the English
// form here. A translated text has no "(s)", so this leaves it as it is.
inline QString plural(QString text, int n) {
  return text.replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

}  // namespace flystage::ui
