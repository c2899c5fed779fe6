#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <utility>
#include <vector>

#include "train/TrainConfig.h"

namespace flystage::ui {

// One setting of a training run as the training panel shows it: which TrainConfig field it
// edits, the widget that shows it (kind, range, texts) and for which methods it is shown.
struct TrainField {
  enum class Kind { Integer, Real, Flag, Choice, IntegerList, RealList };
  enum class Group { Run, Optimisation, FeatureLevel };

  QString key;         // the field's JSON key in TrainConfig ("learning_rate")
  QString objectName;  // of its widget ("learningRateSpin"): tests and style sheets find it
  Group group = Group::Run;
  Kind kind = Kind::Integer;
  QString label;  // the form's label with its mnemonic; "" for a check box (text = name)
  QString name;   // accessible name; also names the field in a refused value's message
  QString tip;
  double min = 0, max = 0;  // Integer, Real
  int decimals = 0;         // Real
  double step = 1;          // Real
  QString minimumText;      // Integer: shown for the minimum ("All cores"); "" for the number
  QList<std::pair<QString, QString>> choices;  // Choice: (value, text), in the combo's order

  // The value as the widget holds it: int, double (rounded to `decimals` and kept in the
  // range, as the spin box does), bool, the choice's value, or "20, 30" / "0.5, 0.75" for a
  // list.
  QVariant (*get)(const TrainConfig&) = nullptr;
  void (*set)(TrainConfig&, const QVariant&) = nullptr;
  // Shown for `method`; fromRun: a two-step run continues from a finished run's model.
  bool (*shown)(Method method, bool fromRun) = nullptr;
};

// The training settings without widgets: the table the training panel builds its form from,
// and the mapping between a TrainConfig and the values the form's widgets hold. Besides the
// fields, the values hold "method", "preset", "from_run" (a run id, 0: none) and
// "split_seed" (absent: the project's split), whose widgets the panel builds itself.
class TrainSettings {
  // The texts keep the context of the training panel, where they were written first.
  Q_DECLARE_TR_FUNCTIONS(flystage::ui::TrainingPanel)

 public:
  using Values = QVariantMap;

  // Every field in the form's order, group by group. The texts are translated now, in the
  // context "TrainingPanel" (where the panel had them).
  static std::vector<TrainField> fields();

  static Values values(const TrainConfig& config);
  // The preset's defaults (TrainConfig::forPreset) with every value of `values` applied.
  static TrainConfig config(const Values& values);
  // The preset's documented defaults for the chosen method and preset; what is not a
  // hyperparameter (method, preset, device, threads, precision, seed, the run to continue
  // from, the split seed) stays as in `values` (Restore Defaults, a change of preset).
  static Values withPresetDefaults(const Values& values);

  // Whether the form shows the field `key` (a field's key, "preset", "from_run" or
  // "split_seed") for `method`; fromRun: a run to continue from is chosen.
  static bool isShown(const QString& key, Method method, bool fromRun);
  // The keys shown for `method`, in the form's order.
  static QStringList shownFields(Method method, bool fromRun);

  // The first value outside its range (TrainConfig::validate, the same ranges as the command
  // line), named by the field's accessible name ("Learning rate 2: must be ..."); "" when
  // every value is allowed.
  static QString problem(const TrainConfig& config);
};

}  // namespace flystage::ui
