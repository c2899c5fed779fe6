#include "TrainSettings.h"

#include <algorithm>
#include <limits>

#include "model/Precision.h"
#include "model/Presets.h"
#include "train/EpochSelection.h"
#include "train/SimilarityNames.h"
#include "util/NumberRange.h"

namespace flystage::ui {

namespace {

using Kind = TrainField::Kind;
using Group = TrainField::Group;

bool always(Method, bool) {
  return true;
}
bool notGabor(Method m, bool) {
  return m != Method::Gabor;
}
// The feature level (two-step and its CE-only ablation).
bool featureLevel(Method m, bool) {
  return hasFeatureLevel(m);
}
// The similarity loss and its reference sets: two-step only.
bool twoStep(Method m, bool) {
  return usesSimilarityLoss(m);
}
// The absolute steps of runs before issue 18: kept with the run, no longer edited in the form
// (the schedule and its milestones are).
bool never(Method, bool) {
  return false;
}
bool plain(Method m, bool) {
  return m == Method::Plain;
}
// Range pretraining and stage fine-tuning: skipped when the feature level continues from a
// finished run's model.
bool dataLevel(Method m, bool fromRun) {
  return m == Method::DataLevel || (hasFeatureLevel(m) && !fromRun);
}

TrainField integer(const char* key, const char* objectName, Group group, double min, double max) {
  TrainField f;
  f.key = QString::fromLatin1(key);
  f.objectName = QString::fromLatin1(objectName);
  f.group = group;
  f.kind = Kind::Integer;
  f.min = min;
  f.max = max;
  return f;
}

TrainField real(const char* key, const char* objectName, Group group, double min, double max,
                int decimals, double step) {
  TrainField f = integer(key, objectName, group, min, max);
  f.kind = Kind::Real;
  f.decimals = decimals;
  f.step = step;
  return f;
}

TrainField other(const char* key, const char* objectName, Group group, Kind kind) {
  TrainField f = integer(key, objectName, group, 0, 0);
  f.kind = kind;
  return f;
}

TrainField& texts(TrainField& f, const QString& label, const QString& name, const QString& tip) {
  f.label = label;
  f.name = name;
  f.tip = tip;
  return f;
}

// What QDoubleSpinBox keeps of a value: rounded to its decimals, within its range.
double asShown(const TrainField& f, double v) {
  return std::clamp(QString::number(v, 'f', f.decimals).toDouble(), f.min, f.max);
}

int clampedInt(std::uint64_t v) {
  return static_cast<int>(
      std::min<std::uint64_t>(v, static_cast<std::uint64_t>(std::numeric_limits<int>::max())));
}

QString stepsText(const std::vector<int>& steps) {
  QStringList parts;
  for (int s : steps) parts << QString::number(s);
  return parts.join(QStringLiteral(", "));
}

QString fractionsText(const std::vector<double>& fractions) {
  QStringList parts;
  for (double f : fractions) {
    // The shortest text that reads back as the same number (1/3 of the paper preset too).
    QString t;
    for (int digits = 1; digits <= 17; ++digits) {
      t = QString::number(f, 'g', digits);
      if (t.toDouble() == f) break;
    }
    parts << t;
  }
  return parts.join(QStringLiteral(", "));
}

std::vector<double> parseFractions(const QString& text) {
  std::vector<double> out;
  for (const QString& s : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
    out.push_back(s.trimmed().toDouble());
  return out;
}

std::vector<int> parseSteps(const QString& text) {
  std::vector<int> steps;
  for (const QString& s : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
    steps.push_back(s.trimmed().toInt());
  return steps;
}

}  // namespace

std::vector<TrainField> TrainSettings::fields() {
  std::vector<TrainField> all;
  const auto add = [&all](TrainField f, auto get, auto set, bool (*shown)(Method, bool)) {
    f.get = get;
    f.set = set;
    f.shown = shown;
    all.push_back(std::move(f));
  };
  using C = TrainConfig;
  using V = QVariant;

  // -- the run (method, preset, the run to continue from and the split are the panel's)
  TrainField device = other("device", "deviceCombo", Group::Run, Kind::Choice);
  texts(device, tr("&Device:"), tr("Device"),
        tr("Where the network trains: CUDA when a GPU is found (automatic), or always "
           "the CPU"));
  device.choices = {{QStringLiteral("auto"), tr("Automatic")},
                    {QStringLiteral("cpu"), tr("CPU")},
                    {QStringLiteral("cuda"), tr("CUDA GPU")}};
  // The baseline runs on the CPU.
  add(
      device, [](const C& c) { return V(QString::fromStdString(c.device)); },
      [](C& c, const V& v) { c.device = v.toString().toStdString(); }, notGabor);

  TrainField precision = other("precision", "precisionCombo", Group::Run, Kind::Choice);
  texts(precision, tr("Pre&cision:"), tr("Precision"),
        tr("bfloat16 runs the forward pass in bfloat16: about 1.7x faster on a CPU with "
           "AVX-512 BF16, with the same accuracy; float32 gives the same run on every "
           "machine"));
  precision.choices = {{QStringLiteral("float32"), tr("float32")},
                       {QStringLiteral("bfloat16"),
                        cpuHasNativeBf16() ? tr("bfloat16 (faster on this CPU)")
                                           : tr("bfloat16 (emulated: slower on this CPU)")}};
  add(
      precision, [](const C& c) { return V(QString::fromStdString(precisionName(c.precision))); },
      [](C& c, const V& v) { c.precision = parsePrecision(v.toString().toStdString()); }, notGabor);

  TrainField threads = integer("threads", "threadsSpin", Group::Run, 0, maxThreads());
  texts(threads, tr("CPU &threads:"), tr("CPU threads"),
        tr("Threads LibTorch uses on the CPU; 0 uses every core"));
  threads.minimumText = tr("All cores");
  add(
      threads, [](const C& c) { return V(c.threads); },
      [](C& c, const V& v) { c.threads = v.toInt(); }, always);

  TrainField seed = integer("seed", "seedSpin", Group::Run, 0, std::numeric_limits<int>::max());
  texts(seed, tr("S&eed:"), tr("Seed"),
        tr("Seeds the weights, the shuffles and the flips: the same seed and settings "
           "give the same model"));
  add(
      seed, [](const C& c) { return V(clampedInt(c.seed)); },
      [](C& c, const V& v) { c.seed = static_cast<std::uint64_t>(v.toInt()); }, always);

  // -- optimisation: SGD with a step schedule, per-phase epochs
  const Group opt = Group::Optimisation;
  TrainField lr = real("learning_rate", "learningRateSpin", opt, 1e-6, 10, 6, 1e-3);
  texts(lr, tr("&Learning rate:"), tr("Learning rate"),
        tr("SGD learning rate of the range, fine and plain phases"));
  add(
      lr, [](const C& c) { return V(c.learningRate); },
      [](C& c, const V& v) { c.learningRate = v.toDouble(); }, notGabor);

  TrainField steps = other("lr_steps", "lrStepsEdit", opt, Kind::IntegerList);
  texts(steps, tr("Rate &steps at epochs:"), tr("Learning-rate steps"),
        tr("Epochs at which the learning rate is multiplied by the factor below, "
           "e.g. \"20, 30\""));
  add(
      steps, [](const C& c) { return V(stepsText(c.lrSteps)); },
      [](C& c, const V& v) { c.lrSteps = parseSteps(v.toString()); }, never);

  TrainField schedule = other("lr_schedule", "lrScheduleCombo", opt, Kind::Choice);
  texts(schedule, tr("Rate sc&hedule:"), tr("Learning-rate schedule"),
        tr("How each phase's rate falls: by the factor below at fractions of the phase's "
           "length (step), smoothly to 0 (cosine), or at fixed epochs of every phase (the "
           "rule of older runs)"));
  schedule.choices = {{QStringLiteral("step"), tr("Step at fractions of each phase")},
                      {QStringLiteral("cosine"), tr("Cosine to 0 over each phase")},
                      {QStringLiteral("absolute"), tr("Fixed epochs (older runs)")}};
  add(
      schedule, [](const C& c) { return V(QString::fromStdString(lrScheduleName(c.lrSchedule))); },
      [](C& c, const V& v) { c.lrSchedule = parseLrSchedule(v.toString().toStdString()); },
      notGabor);

  TrainField milestones = other("lr_milestones", "lrMilestonesEdit", opt, Kind::RealList);
  texts(milestones, tr("Rate dr&ops at:"), tr("Learning-rate milestones"),
        tr("Step schedule: fractions of each phase's epochs at which the rate is multiplied "
           "by the factor below, e.g. \"0.5, 0.75\" (a 16-epoch phase drops at epochs 9 and "
           "13)"));
  add(
      milestones, [](const C& c) { return V(fractionsText(c.lrMilestones)); },
      [](C& c, const V& v) { c.lrMilestones = parseFractions(v.toString()); }, notGabor);

  TrainField gamma = real("lr_gamma", "lrGammaSpin", opt, 0.001, 1, 3, 0.05);
  texts(gamma, tr("Step &factor:"), tr("Learning-rate factor"), tr("Factor applied at each step"));
  add(
      gamma, [](const C& c) { return V(c.lrGamma); },
      [](C& c, const V& v) { c.lrGamma = v.toDouble(); }, notGabor);

  TrainField momentum = real("momentum", "momentumSpin", opt, 0, 0.999, 3, 0.05);
  texts(momentum, tr("&Momentum:"), tr("Momentum"), tr("SGD momentum"));
  add(
      momentum, [](const C& c) { return V(c.momentum); },
      [](C& c, const V& v) { c.momentum = v.toDouble(); }, notGabor);

  TrainField decay = real("weight_decay", "weightDecaySpin", opt, 0, 1, 6, 1e-4);
  texts(decay, tr("&Weight decay:"), tr("Weight decay"), tr("L2 weight decay of SGD"));
  add(
      decay, [](const C& c) { return V(c.weightDecay); },
      [](C& c, const V& v) { c.weightDecay = v.toDouble(); }, notGabor);

  TrainField batch = integer("batch_size", "batchSizeSpin", opt, 1, 4096);
  texts(batch, tr("&Batch size:"), tr("Batch size"), tr("Images per SGD step"));
  add(
      batch, [](const C& c) { return V(c.batchSize); },
      [](C& c, const V& v) { c.batchSize = v.toInt(); }, notGabor);

  TrainField flips = other("flips", "flipsCheck", opt, Kind::Flag);
  texts(flips, QString(), tr("Random flips"),
        tr("Flip training images horizontally and vertically with probability 0.5 "
           "(not in the feature level)"));
  add(
      flips, [](const C& c) { return V(c.flips); }, [](C& c, const V& v) { c.flips = v.toBool(); },
      notGabor);

  TrainField selection = other("selection", "selectionCombo", opt, Kind::Choice);
  texts(selection, tr("Model selectio&n:"), tr("Model selection"),
        tr("Which epoch each phase keeps. Automatic: the lowest validation loss when every "
           "stage has enough validation images, else the last epoch, with the validation "
           "images trained on (one image per stage cannot tell epochs apart)"));
  selection.choices = {
      {QStringLiteral("auto"), tr("Automatic")},
      {QStringLiteral("last-epoch"), tr("Last epoch")},
      {QStringLiteral("best-validation-loss"), tr("Lowest validation loss")},
      {QStringLiteral("best-validation-score"), tr("Best validation accuracy (ties: loss)")},
      {QStringLiteral("first-best-validation-score"), tr("First best validation accuracy")}};
  add(
      selection, [](const C& c) { return V(QString::fromStdString(c.selection)); },
      [](C& c, const V& v) { c.selection = v.toString().toStdString(); }, notGabor);

  TrainField minPerStage =
      integer("selection_min_per_stage", "selectionMinPerStageSpin", opt, 1, 10000);
  texts(minPerStage, tr("Validation images per sta&ge:"),
        tr("Validation images per stage for selection"),
        tr("Automatic selection: the validation images every stage needs before the epochs "
           "are compared"));
  add(
      minPerStage, [](const C& c) { return V(c.selectionMinPerStage); },
      [](C& c, const V& v) { c.selectionMinPerStage = v.toInt(); }, notGabor);

  TrainField plainEpochs = integer("plain_epochs", "plainEpochsSpin", opt, 1, 10000);
  texts(plainEpochs, tr("&Plain epochs:"), tr("Plain epochs"), tr("Epochs of plain training"));
  add(
      plainEpochs, [](const C& c) { return V(c.plainEpochs); },
      [](C& c, const V& v) { c.plainEpochs = v.toInt(); }, plain);

  TrainField rangeEpochs = integer("range_epochs", "rangeEpochsSpin", opt, 1, 10000);
  texts(rangeEpochs, tr("&Range epochs:"), tr("Range epochs"),
        tr("Epochs of range pretraining (data-level step 1)"));
  add(
      rangeEpochs, [](const C& c) { return V(c.rangeEpochs); },
      [](C& c, const V& v) { c.rangeEpochs = v.toInt(); }, dataLevel);

  TrainField fineEpochs = integer("fine_epochs", "fineEpochsSpin", opt, 1, 10000);
  texts(fineEpochs, tr("Stage &epochs:"), tr("Stage epochs"),
        tr("Epochs of stage fine-tuning (data-level step 2)"));
  add(
      fineEpochs, [](const C& c) { return V(c.fineEpochs); },
      [](C& c, const V& v) { c.fineEpochs = v.toInt(); }, dataLevel);

  TrainField featureEpochs = integer("feature_epochs", "featureEpochsSpin", opt, 1, 10000);
  texts(featureEpochs, tr("Feature-level e&pochs:"), tr("Feature-level epochs"),
        tr("Epochs of the feature level (fine-tuning with the similarity loss)"));
  add(
      featureEpochs, [](const C& c) { return V(c.featureEpochs); },
      [](C& c, const V& v) { c.featureEpochs = v.toInt(); }, featureLevel);

  TrainField featureLr =
      real("feature_learning_rate", "featureLearningRateSpin", opt, 1e-6, 10, 6, 1e-4);
  texts(featureLr, tr("Feature-level r&ate:"), tr("Feature-level learning rate"),
        tr("SGD learning rate of the feature level"));
  add(
      featureLr, [](const C& c) { return V(c.featureLearningRate); },
      [](C& c, const V& v) { c.featureLearningRate = v.toDouble(); }, featureLevel);

  // -- the feature level's similarity loss and reference sets
  const Group feat = Group::FeatureLevel;
  TrainField similarity = other("similarity", "similarityCombo", feat, Kind::Choice);
  texts(similarity, tr("Similarity &loss:"), tr("Similarity loss"),
        tr("The paper's Eq. 4-6 (cosine between features) or the authors' code "
           "(products of logits)"));
  similarity.choices = {{QStringLiteral("paper"), tr("Paper (cosine of features)")},
                        {QStringLiteral("code"), tr("Authors' code (logits)")}};
  add(
      similarity,
      [](const C& c) { return V(QString::fromStdString(similarityName(c.similarity))); },
      [](C& c, const V& v) { c.similarity = parseSimilarity(v.toString().toStdString()); },
      twoStep);

  TrainField tauMode = other("tau_mode", "tauModeCombo", feat, Kind::Choice);
  texts(tauMode, tr("Reference &criterion:"), tr("Reference criterion"),
        tr("Which training images may serve as references: probability above tau, "
           "or top-1 minus top-2 logit above tau"));
  tauMode.choices = {{QStringLiteral("probability"), tr("Probability")},
                     {QStringLiteral("logit-margin"), tr("Logit margin")}};
  add(
      tauMode, [](const C& c) { return V(QString::fromStdString(tauModeName(c.tauMode))); },
      [](C& c, const V& v) { c.tauMode = parseTauMode(v.toString().toStdString()); }, twoStep);

  TrainField tau = real("tau", "tauSpin", feat, 0, 100, 3, 0.05);
  texts(tau, tr("&Tau:"), tr("Tau"), tr("Threshold for reference images"));
  add(
      tau, [](const C& c) { return V(c.tau); }, [](C& c, const V& v) { c.tau = v.toDouble(); },
      twoStep);

  TrainField sets = integer("reference_sets", "referenceSetsSpin", feat, 1, 100000);
  texts(sets, tr("Reference &sets (k):"), tr("Reference sets"),
        tr("k: reference sets drawn, one per batch"));
  add(
      sets, [](const C& c) { return V(c.referenceSets); },
      [](C& c, const V& v) { c.referenceSets = v.toInt(); }, twoStep);

  TrainField weight = real("similarity_weight", "similarityWeightSpin", feat, 0, 100, 3, 0.1);
  texts(weight, tr("Similarity &weight:"), tr("Similarity weight"),
        tr("w in L = L_CE + w · L_S (the paper: 1)"));
  add(
      weight, [](const C& c) { return V(c.similarityWeight); },
      [](C& c, const V& v) { c.similarityWeight = v.toDouble(); }, twoStep);

  TrainField fallback = other("reference_fallback", "referenceFallbackCombo", feat, Kind::Choice);
  texts(fallback, tr("Fallbac&k:"), tr("Reference fallback"),
        tr("The references of a stage that no training image passes tau for: every training "
           "image of the stage (the authors' code) or its single most confident image"));
  fallback.choices = {{QStringLiteral("all-images"), tr("All images of the stage")},
                      {QStringLiteral("best-image"), tr("Most confident image")}};
  add(
      fallback,
      [](const C& c) {
        return V(QString::fromStdString(referenceFallbackName(c.referenceFallback)));
      },
      [](C& c, const V& v) {
        c.referenceFallback = parseReferenceFallback(v.toString().toStdString());
      },
      twoStep);

  TrainField temperature =
      real("similarity_temperature", "similarityTemperatureSpin", feat, 0.01, 100, 2, 0.1);
  texts(temperature, tr("Temperat&ure:"), tr("Similarity temperature"),
        tr("Paper variant: softmax(cosine / T); 1 is the paper, smaller values sharpen L_S"));
  add(
      temperature, [](const C& c) { return V(c.similarityTemperature); },
      [](C& c, const V& v) { c.similarityTemperature = v.toDouble(); }, twoStep);
  return all;
}

TrainSettings::Values TrainSettings::values(const TrainConfig& c) {
  Values v;
  v.insert(QStringLiteral("method"), QString::fromStdString(methodName(c.method)));
  v.insert(QStringLiteral("preset"), QString::fromStdString(c.preset));
  v.insert(QStringLiteral("from_run"), QVariant::fromValue<qint64>(c.fromRun.value_or(0)));
  if (c.splitSeed) v.insert(QStringLiteral("split_seed"), clampedInt(*c.splitSeed));
  for (const TrainField& f : fields()) {
    QVariant value = f.get(c);
    if (f.kind == Kind::Real) value = asShown(f, value.toDouble());
    if (f.kind == Kind::Integer)
      value = std::clamp(value.toInt(), static_cast<int>(f.min), static_cast<int>(f.max));
    v.insert(f.key, value);
  }
  return v;
}

TrainConfig TrainSettings::config(const Values& v) {
  const Method m = parseMethod(v.value(QStringLiteral("method")).toString().toStdString());
  TrainConfig c =
      TrainConfig::forPreset(m, v.value(QStringLiteral("preset")).toString().toStdString());
  for (const TrainField& f : fields())
    if (v.contains(f.key)) f.set(c, v.value(f.key));
  const qint64 fromRun = v.value(QStringLiteral("from_run")).toLongLong();
  if (hasFeatureLevel(m) && fromRun > 0) c.fromRun = fromRun;
  if (v.contains(QStringLiteral("split_seed")))
    c.splitSeed = static_cast<std::uint64_t>(v.value(QStringLiteral("split_seed")).toInt());
  return c;
}

TrainSettings::Values TrainSettings::withPresetDefaults(const Values& now) {
  const Method m = parseMethod(now.value(QStringLiteral("method")).toString().toStdString());
  Values v = values(
      TrainConfig::forPreset(m, now.value(QStringLiteral("preset")).toString().toStdString()));
  for (const char* kept : {"seed", "device", "threads", "precision", "from_run"})
    v.insert(QString::fromLatin1(kept), now.value(QString::fromLatin1(kept)));
  v.remove(QStringLiteral("split_seed"));
  if (now.contains(QStringLiteral("split_seed")))
    v.insert(QStringLiteral("split_seed"), now.value(QStringLiteral("split_seed")));
  return v;
}

bool TrainSettings::isShown(const QString& key, Method method, bool fromRun) {
  fromRun = fromRun && hasFeatureLevel(method);
  if (key == QStringLiteral("preset")) return method != Method::Gabor;
  if (key == QStringLiteral("from_run")) return hasFeatureLevel(method);
  if (key == QStringLiteral("split_seed")) return true;
  for (const TrainField& f : fields())
    if (f.key == key) return f.shown(method, fromRun);
  return false;
}

QStringList TrainSettings::shownFields(Method method, bool fromRun) {
  // The form's order: the preset, the run's fields, then the panel's rows after the seed.
  QStringList keys = {QStringLiteral("preset")};
  for (const TrainField& f : fields()) {
    keys << f.key;
    if (f.key == QStringLiteral("seed"))
      keys << QStringLiteral("from_run") << QStringLiteral("split_seed");
  }
  keys.removeIf([&](const QString& key) { return !isShown(key, method, fromRun); });
  return keys;
}

QString TrainSettings::problem(const TrainConfig& config) {
  const auto problem = config.validate();
  if (!problem) return QString();
  const QString key = QString::fromStdString(problem->field);
  QString name = key == QStringLiteral("from_run") ? tr("Continue from run") : key;
  for (const TrainField& f : fields())
    if (f.key == key) name = f.name;
  return QString::fromStdString(problem->message(name.toStdString()));
}

}  // namespace flystage::ui
