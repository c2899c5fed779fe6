#pragma once

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <optional>

#include "data/StageRange.h"

namespace flystage::ui {

// The labelling keys, in one table that builds the Label menu, the help dialog (F1) and
// what docs/user-guide.md ("Labelling keys") documents:
//   stages 4..9        the digit: 4 .. 9
//   stages 10..17      type the number: 1 then 0..7 (or Shift+0 .. Shift+7, one key)
//   ranges 1-3..13-17  Ctrl+1 .. Ctrl+6 (BDGP's bins 1..6)
//   accept prediction  A     remove label  Delete
// Stages 1..3 have no key: they carry no precise-stage class; label them 1-3 (Ctrl+1).
struct LabelKey {
  enum class Kind { Stage, Range, Clear, AcceptPrediction };
  Kind kind = Kind::Stage;
  int stage = 0;                    // Kind::Stage
  std::optional<StageRange> range;  // Kind::Range
  QList<QKeySequence> keys;         // the first one is shown in menus
  QString text;                     // menu text, e.g. "Stage &12"
  QString objectName;               // e.g. "actionLabelStage12"
};

QList<LabelKey> labelKeys();

// Browsing keys, listed in the help with the labelling keys.
QList<QKeySequence> nextImageKeys();      // Space, J
QList<QKeySequence> previousImageKeys();  // Shift+Space, K

// The key table as HTML, for the help dialog.
QString labelKeysHelpHtml();

}  // namespace flystage::ui
