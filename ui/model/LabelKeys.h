#pragma once

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

#include "data/StageRange.h"
#include "store/LabelHistory.h"

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

// What a labelling key does to the selected images: the label changes and the text of the
// undoable action ("Stage 12 for image #5"), or, when nothing can change, `refused` says why.
// AcceptPrediction labels each image with its predicted stage (`predictedStage`: the call the
// browser shows, range-constrained where predicted so; none without a prediction). Pure: a
// stage outside an image's range is asked about by the caller (LabelMenu, rangeConflicts()). The
// texts keep the main window's translation context ("flystage::ui::MainWindow"), where they were
// made before.
struct LabelKeyAction {
  std::vector<LabelChange> changes;
  QString description;
  QString refused;
};
LabelKeyAction labelKeyAction(const LabelKey& key, const QList<qint64>& imageIds,
                              const std::function<std::optional<int>(qint64)>& predictedStage);

}  // namespace flystage::ui
