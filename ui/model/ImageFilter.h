#pragma once

#include <QString>
#include <QVariantMap>

#include <cstdint>
#include <optional>

#include "data/StageRange.h"
#include "eval/LabelQueue.h"
#include "store/SplitPart.h"

namespace flystage::ui {

// What the image browser shows: conditions on the label, the split and the chosen run's
// predictions, all of which must hold. The default shows every image.
struct ImageFilter {
  enum class LabelState { Any, Unlabelled, RangeOnly, WithStage, Labelled };
  enum class Correctness { Any, Correct, Wrong };
  enum class SplitChoice { Any, Train, Validation, Test, None };

  QString text;  // contained in the file name, gene, range or split (case-insensitive)
  std::optional<StageRange> range;  // the label's range
  std::optional<int> stage;         // the label's precise stage
  QString gene;                     // exact gene name (case-insensitive); empty: any
  SplitChoice split = SplitChoice::Any;
  LabelState labelled = LabelState::Any;

  // The run whose predictions the conditions below read (0: none; they are then ignored).
  std::int64_t runId = 0;
  std::optional<int> predictedStage;
  // predictedStage and correctness read the model's own stage (before the range constraint)
  // instead of the call the browser shows: a cell of the unconstrained confusion matrix.
  bool modelStage = false;
  std::optional<int> trueStage;  // the run's truth: its snapshot stage, else the label's stage
  Correctness correctness = Correctness::Any;
  double minConfidence = 0;  // 0..1, of the predicted stage
  double maxConfidence = 1;
  bool runTestOnly = false;    // only the run's test images (those of its confusion matrix)
  bool onlyPredicted = false;  // only images the run has a prediction for
  bool outsideRange = false;   // only images the run's model predicts outside their known range
  std::optional<QueueStrategy> queue;  // show the label-next queue of the run, in its order

  bool usesRun() const {
    return predictedStage || trueStage || correctness != Correctness::Any || minConfidence > 0 ||
           maxConfidence < 1 || runTestOnly || onlyPredicted || outsideRange || queue;
  }
  bool operator==(const ImageFilter& o) const;
  bool operator!=(const ImageFilter& o) const { return !(*this == o); }

  // For the saved view of a project (Preferences::projectView): it reopens with its filters.
  QVariantMap toVariant() const;
  static ImageFilter fromVariant(const QVariantMap& map);
};

}  // namespace flystage::ui
