#include "DisplayNames.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include "Plural.h"
#include "interpret/SaliencySanity.h"
#include "model/Device.h"
#include "model/Presets.h"
#include "store/ImportedModel.h"
#include "store/LabelActions.h"

namespace flystage::ui {

// The contexts are named literally in each translate() call, so lupdate files them; the
// statuses and the label texts keep the contexts they had, and with them their translations.
QString methodTitle(const QString& method) {
  const std::string name = method.toStdString();
  if (isImportedMethod(name))
    return QCoreApplication::translate("DisplayNames", "%1 (imported)")
        .arg(methodTitle(trainedMethodName(name)));
  if (method == QStringLiteral("plain"))
    return QCoreApplication::translate("DisplayNames", "plain");
  if (method == QStringLiteral("data-level"))
    return QCoreApplication::translate("DisplayNames", "data-level");
  if (method == QStringLiteral("two-step"))
    return QCoreApplication::translate("DisplayNames", "two-step");
  if (method == QStringLiteral("two-step-no-ls"))  // the ablation of two-step's L_S
    return QCoreApplication::translate("DisplayNames", "two-step without L_S (CE only)");
  if (method == QStringLiteral("gabor"))
    return QCoreApplication::translate("DisplayNames", "gabor");
  return method;
}

QString methodTitle(const std::string& method) {
  return methodTitle(QString::fromStdString(method));
}

QString statusTitle(const QString& status, bool active) {
  if (status == QStringLiteral("finished"))
    return QCoreApplication::translate("RunsPanel", "finished");
  if (status == QStringLiteral("cancelled"))
    return QCoreApplication::translate("RunsPanel", "cancelled");
  if (status == QStringLiteral("failed")) return QCoreApplication::translate("RunsPanel", "failed");
  if (status == QStringLiteral("interrupted"))  // its process died (store/RunStore.h)
    return QCoreApplication::translate("RunsPanel", "interrupted");
  if (status == QStringLiteral("running") || status == QStringLiteral("created"))
    return active ? QCoreApplication::translate("RunsPanel", "training here")
                  : QCoreApplication::translate("RunsPanel", "running elsewhere or interrupted");
  return status;
}

QString statusTitle(const std::string& status, bool active) {
  return statusTitle(QString::fromStdString(status), active);
}

QString presetDescription(const std::string& name) {
  if (name == "paper")
    return QCoreApplication::translate(
        "DisplayNames",
        "ResNet-18 (CIFAR stem), 128x320, 20,480-d feature; the paper's model (GPU)");
  if (name == "fast")
    return QCoreApplication::translate(
        "DisplayNames", "stride-2 stem, widths 24-192, 1 block per stage, 128x320 (CPU)");
  if (name == "demo")
    return QCoreApplication::translate(
        "DisplayNames", "the fast preset at 64x160, widths 16-128 (the 10-minute CPU demo)");
  if (name == "tiny")
    return QCoreApplication::translate("DisplayNames", "a very small network at 32x80 for tests");
  try {
    return QString::fromStdString(preset(name).description);
  } catch (const std::exception&) {
    return {};
  }
}

QString saliencyMethodDisplayName(const QString& method) {
  if (method == QStringLiteral("vanilla"))
    return QCoreApplication::translate("DisplayNames", "Vanilla gradient");
  if (method == QStringLiteral("smoothgrad"))
    return QCoreApplication::translate("DisplayNames", "SmoothGrad");
  if (method == QStringLiteral("integrated-gradients"))
    return QCoreApplication::translate("DisplayNames", "Integrated gradients");
  if (method == QStringLiteral("grad-cam"))
    return QCoreApplication::translate("DisplayNames", "Grad-CAM");
  if (method == QStringLiteral("grad-cam-2"))
    return QCoreApplication::translate("DisplayNames", "Grad-CAM (last two stages)");
  return method;
}

QString saliencyMethodDisplayName(const std::string& method) {
  return saliencyMethodDisplayName(QString::fromStdString(method));
}

SaliencyMethodItem saliencyMethodItem(Project* project, qint64 runId, const QString& method) {
  SaliencyMethodItem item{saliencyMethodDisplayName(method), {}};
  if (!project || runId == 0) return item;
  try {
    if (const auto r =
            storedSaliencySanity(*project, runId, parseSaliencyMethod(method.toStdString()))) {
      item.toolTip = QString::fromStdString(r->verdict());
      if (!r->passed())
        item.text = QCoreApplication::translate("DisplayNames", "%1 - fails its sanity check")
                        .arg(item.text);
    }
  } catch (const std::exception& e) {
    item.toolTip = QString::fromUtf8(e.what());  // a damaged record: the method itself still works
  }
  return item;
}

QString localTimeText(const std::string& utcIso) {
  const QString text = QString::fromStdString(utcIso);
  QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
  if (!at.isValid()) return text;
  return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QString labelActionText(const std::vector<LabelActionChange>& changes) {
  if (changes.empty()) return {};
  const Label& first = changes.front().after;
  bool same = true, allPredicted = true;
  for (const LabelActionChange& c : changes) {
    same = same && c.after == first;
    allPredicted = allPredicted && c.after.stage && c.after.source == LabelSource::Model;
  }
  // The words of the label keys (LabelKeys.cpp), so both read alike.
  QString what;
  if (same && first.empty())
    what = QCoreApplication::translate("flystage::ui::MainWindow", "No label");
  else if (same && first.stage && first.source == LabelSource::Model)
    what = QCoreApplication::translate("flystage::ui::MainWindow", "Predicted stage %1")
               .arg(*first.stage);
  else if (same && first.stage)
    what = QCoreApplication::translate("flystage::ui::MainWindow", "Stage %1").arg(*first.stage);
  else if (same && first.range)
    what = QCoreApplication::translate("flystage::ui::MainWindow", "Range %1")
               .arg(QString::fromStdString(first.range->name()));
  else if (allPredicted)
    what = QCoreApplication::translate("flystage::ui::MainWindow", "Predicted stages");
  else
    what = QCoreApplication::translate("DisplayNames", "Labels");
  const int n = static_cast<int>(changes.size());
  if (n > 1)
    return plural(QCoreApplication::translate("flystage::ui::MainWindow", "%1 for %n image(s)",
                                              nullptr, n),
                  n)
        .arg(what);
  QString text = QCoreApplication::translate("flystage::ui::MainWindow", "%1 for image #%2")
                     .arg(what)
                     .arg(changes.front().imageId);
  // A stage that replaced the curator's range says which range it was.
  const Label& before = changes.front().before;
  if (before.range && first.stage && !before.range->contains(*first.stage))
    text = QCoreApplication::translate("DisplayNames", "%1 (was range %2)")
               .arg(text, QString::fromStdString(before.range->name()));
  return text;
}

QString deviceText(const DeviceInfo& info) {
  const QString cpu = plural(
      QCoreApplication::translate("DisplayNames", "CPU (%n thread(s))", nullptr, info.cpuThreads),
      info.cpuThreads);
  const QString gpu =
      info.cudaAvailable ? plural(QCoreApplication::translate("DisplayNames", "CUDA with %n GPU(s)",
                                                              nullptr, info.cudaDevices),
                                  info.cudaDevices)
                         : QCoreApplication::translate("DisplayNames", "no CUDA GPU");
  return QCoreApplication::translate("DisplayNames", "%1, %2; LibTorch %3")
      .arg(cpu, gpu, QString::fromStdString(info.torchVersion));
}

}  // namespace flystage::ui
