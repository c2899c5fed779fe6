// flystage-gui-stall: the longest event-loop stall of the real main window while it imports
// the BDGP samples and a few hundred raw synthetic images and trains a tiny run (GuiStall.h).
//
//   QT_QPA_PLATFORM=offscreen flystage-gui-stall [--synthetic 300] [--epochs 20]
//       [--samples DIR] [--work DIR] [--json FILE] [--no-training | --no-import]
#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

#include "GuiStall.h"

namespace {

QJsonObject toJson(const flystage::bench::GapStats& s) {
  return {{QStringLiteral("ticks"), static_cast<qint64>(s.ticks)},
          {QStringLiteral("seconds"), s.seconds},
          {QStringLiteral("max_ms"), s.maxMs},
          {QStringLiteral("p99_ms"), s.p99Ms},
          {QStringLiteral("p50_ms"), s.p50Ms}};
}

void print(const char* what, const flystage::bench::GapStats& s) {
  std::printf("%-20s %8zu %9.1f %9.1f %9.1f %9.1f\n", what, s.ticks, s.seconds, s.p50Ms, s.p99Ms,
              s.maxMs);
}

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Measures the gaps between the ticks of a 5 ms timer on the GUI thread of the real main "
      "window while it imports and trains."));
  parser.addHelpOption();
  const QCommandLineOption synthetic(QStringLiteral("synthetic"),
                                     QStringLiteral("Raw synthetic images to import (about)."),
                                     QStringLiteral("n"), QStringLiteral("300"));
  const QCommandLineOption epochs(QStringLiteral("epochs"),
                                  QStringLiteral("Epochs of the tiny training run."),
                                  QStringLiteral("n"), QStringLiteral("20"));
  const QCommandLineOption samples(QStringLiteral("samples"),
                                   QStringLiteral("The BDGP samples folder (with labels.csv)."),
                                   QStringLiteral("dir"), QStringLiteral(FLYSTAGE_SAMPLES_DIR));
  const QCommandLineOption work(QStringLiteral("work"),
                                QStringLiteral("Working folder (default: a temporary one)."),
                                QStringLiteral("dir"));
  const QCommandLineOption json(QStringLiteral("json"),
                                QStringLiteral("Also write the figures as JSON to this file."),
                                QStringLiteral("file"));
  const QCommandLineOption noTraining(QStringLiteral("no-training"),
                                      QStringLiteral("Only import (measure the import alone)."));
  const QCommandLineOption noImport(QStringLiteral("no-import"),
                                    QStringLiteral("Only train (measure the training alone)."));
  parser.addOptions({synthetic, epochs, samples, work, json, noTraining, noImport});
  parser.process(app);

  QTemporaryDir temp;
  flystage::bench::GuiStallOptions o;
  o.workDir = (parser.isSet(work) ? parser.value(work) : temp.path()).toStdString();
  o.samplesDir = parser.value(samples).toStdString();
  o.syntheticImages = parser.value(synthetic).toInt();
  o.epochs = parser.value(epochs).toInt();
  o.train = !parser.isSet(noTraining);
  o.import = !parser.isSet(noImport);
  const auto r = flystage::bench::measureGuiStalls(o);
  if (!r.error.isEmpty()) {
    std::fprintf(stderr, "flystage-gui-stall: %s\n", qPrintable(r.error));
    return 1;
  }
  std::printf("imported %d sample(s) and %d synthetic image(s); training %s%s\n", r.importedSamples,
              r.importedSynthetic, qPrintable(r.trainingStatus), r.timedOut ? " (timed out)" : "");
  if (r.trainingStatus != QStringLiteral("finished") && !r.trainingMessage.isEmpty())
    std::printf("training panel: %s\n", qPrintable(r.trainingMessage));
  std::printf("%-20s %8s %9s %9s %9s %9s\n", "activity", "ticks", "seconds", "p50 ms", "p99 ms",
              "max ms");
  for (const auto& [activity, stats] : r.byActivity) print(activity.c_str(), stats);
  print("all", r.all);
  std::printf("\ntimeline (ms): ");
  for (const auto& [ms, event] : r.timeline) std::printf("%.0f %s; ", ms, event.c_str());
  std::printf("\nlongest gaps (ms, ended at ms):");
  auto gaps = r.longGaps;
  std::sort(gaps.begin(), gaps.end(), [](auto& a, auto& b) { return a.gapMs > b.gapMs; });
  for (std::size_t i = 0; i < std::min<std::size_t>(8, gaps.size()); ++i)
    std::printf(" %.1f@%.0f", gaps[i].gapMs, gaps[i].endMs);
  std::printf("\n");
  if (parser.isSet(json)) {
    QJsonObject activities;
    for (const auto& [activity, stats] : r.byActivity)
      activities.insert(QString::fromStdString(activity), toJson(stats));
    const QJsonObject out{{QStringLiteral("interval_ms"), o.intervalMs},
                          {QStringLiteral("synthetic_images"), r.importedSynthetic},
                          {QStringLiteral("samples_imported"), r.importedSamples},
                          {QStringLiteral("training"), r.trainingStatus},
                          {QStringLiteral("all"), toJson(r.all)},
                          {QStringLiteral("by_activity"), activities}};
    QFile f(parser.value(json));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(out).toJson()) < 0) {
      std::fprintf(stderr, "flystage-gui-stall: cannot write %s\n", qPrintable(parser.value(json)));
      return 1;
    }
  }
  const bool trained = !o.train || r.trainingStatus == QStringLiteral("finished");
  return r.timedOut || !trained ? 2 : 0;
}
