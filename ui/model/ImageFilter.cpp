#include "ImageFilter.h"

#include <algorithm>

namespace flystage::ui {

namespace {

QVariant optionalInt(const std::optional<int>& v) {
  return v ? QVariant(*v) : QVariant();
}

std::optional<int> readInt(const QVariantMap& m, const QString& key) {
  const QVariant v = m.value(key);
  bool ok = false;
  const int i = v.toInt(&ok);
  return v.isValid() && ok ? std::optional<int>(i) : std::nullopt;
}

}  // namespace

bool ImageFilter::operator==(const ImageFilter& o) const {
  return text == o.text && range == o.range && stage == o.stage &&
         gene.compare(o.gene, Qt::CaseInsensitive) == 0 && split == o.split &&
         labelled == o.labelled && runId == o.runId && predictedStage == o.predictedStage &&
         modelStage == o.modelStage && trueStage == o.trueStage && correctness == o.correctness &&
         minConfidence == o.minConfidence && maxConfidence == o.maxConfidence &&
         runTestOnly == o.runTestOnly && onlyPredicted == o.onlyPredicted &&
         outsideRange == o.outsideRange && queue == o.queue;
}

QVariantMap ImageFilter::toVariant() const {
  QVariantMap m;
  m[QStringLiteral("text")] = text;
  m[QStringLiteral("range")] = range ? QString::fromStdString(range->name()) : QString();
  m[QStringLiteral("stage")] = optionalInt(stage);
  m[QStringLiteral("gene")] = gene;
  m[QStringLiteral("split")] = static_cast<int>(split);
  m[QStringLiteral("labelled")] = static_cast<int>(labelled);
  m[QStringLiteral("run")] = static_cast<qlonglong>(runId);
  m[QStringLiteral("predicted")] = optionalInt(predictedStage);
  m[QStringLiteral("modelStage")] = modelStage;
  m[QStringLiteral("true")] = optionalInt(trueStage);
  m[QStringLiteral("correctness")] = static_cast<int>(correctness);
  m[QStringLiteral("minConfidence")] = minConfidence;
  m[QStringLiteral("maxConfidence")] = maxConfidence;
  m[QStringLiteral("testOnly")] = runTestOnly;
  m[QStringLiteral("onlyPredicted")] = onlyPredicted;
  m[QStringLiteral("outsideRange")] = outsideRange;
  m[QStringLiteral("queue")] =
      queue ? QString::fromStdString(queueStrategyName(*queue)) : QString();
  return m;
}

ImageFilter ImageFilter::fromVariant(const QVariantMap& m) {
  ImageFilter f;
  f.text = m.value(QStringLiteral("text")).toString();
  f.range = parseStageRange(m.value(QStringLiteral("range")).toString().toStdString());
  f.stage = readInt(m, QStringLiteral("stage"));
  f.gene = m.value(QStringLiteral("gene")).toString();
  f.split = static_cast<SplitChoice>(std::clamp(m.value(QStringLiteral("split")).toInt(), 0, 4));
  f.labelled =
      static_cast<LabelState>(std::clamp(m.value(QStringLiteral("labelled")).toInt(), 0, 4));
  f.runId = m.value(QStringLiteral("run")).toLongLong();
  f.predictedStage = readInt(m, QStringLiteral("predicted"));
  f.modelStage = m.value(QStringLiteral("modelStage")).toBool();
  f.trueStage = readInt(m, QStringLiteral("true"));
  f.correctness =
      static_cast<Correctness>(std::clamp(m.value(QStringLiteral("correctness")).toInt(), 0, 2));
  f.minConfidence = std::clamp(m.value(QStringLiteral("minConfidence"), 0.0).toDouble(), 0.0, 1.0);
  f.maxConfidence = std::clamp(m.value(QStringLiteral("maxConfidence"), 1.0).toDouble(), 0.0, 1.0);
  f.runTestOnly = m.value(QStringLiteral("testOnly")).toBool();
  f.onlyPredicted = m.value(QStringLiteral("onlyPredicted")).toBool();
  f.outsideRange = m.value(QStringLiteral("outsideRange")).toBool();
  f.queue = parseQueueStrategy(m.value(QStringLiteral("queue")).toString().toStdString());
  return f;
}

}  // namespace flystage::ui
