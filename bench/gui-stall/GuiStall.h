#pragma once

// How long the desktop application's event loop stalls while it imports and trains: a timer
// asks to tick every 5 ms on the GUI thread, and the gaps between its ticks are measured. Any
// work done on the GUI thread (decoding, standardizing, a long query, drawing too much) shows
// as a gap; work on the worker threads does not. Header-only, so that flystage-gui-stall
// (bench/gui-stall/main.cpp) and the test that bounds it (tests/ui/ResponsivenessTest.cpp)
// measure the same thing.

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QSettings>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "ImportController.h"
#include "ImportReportDialog.h"
#include "MainWindow.h"
#include "TrainingPanel.h"
#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "synth/DemoDataset.h"
#include "train/TrainConfig.h"

namespace flystage::bench {

// Gaps between the ticks of a timer of `intervalMs` on the thread that creates it, each
// filed under the activity going on when it ended.
class EventLoopStallMeter {
 public:
  explicit EventLoopStallMeter(int intervalMs = 5) : intervalMs_(intervalMs) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(intervalMs);
    QObject::connect(&timer_, &QTimer::timeout, [this] {
      const double now = clock_.nsecsElapsed() / 1e6;
      gaps_[activity_].push_back(now - last_);
      if (now - last_ > 4 * intervalMs_) long_.push_back({now, now - last_});
      last_ = now;
    });
  }
  void start() {
    clock_.start();
    last_ = 0;
    timer_.start();
  }
  void stop() { timer_.stop(); }
  void setActivity(const std::string& activity) {
    if (activity != activity_) mark(activity);
    activity_ = activity;
  }
  // A moment worth finding in the timeline (an import ended...), in ms since start().
  void mark(const std::string& event) { events_.push_back({clock_.nsecsElapsed() / 1e6, event}); }
  struct LongGap {
    double endMs = 0, gapMs = 0;
  };
  // Gaps over 4 intervals, when they ended: compared with events(), they say what stalled.
  const std::vector<LongGap>& longGaps() const { return long_; }
  const std::vector<std::pair<double, std::string>>& events() const { return events_; }
  int intervalMs() const { return intervalMs_; }
  // Every gap in ms, by activity.
  const std::map<std::string, std::vector<double>>& gaps() const { return gaps_; }
  std::vector<double> allGaps() const {
    std::vector<double> all;
    for (const auto& [activity, g] : gaps_) all.insert(all.end(), g.begin(), g.end());
    return all;
  }

 private:
  int intervalMs_;
  QTimer timer_;
  QElapsedTimer clock_;
  double last_ = 0;
  std::string activity_ = "idle";
  std::map<std::string, std::vector<double>> gaps_;
  std::vector<LongGap> long_;
  std::vector<std::pair<double, std::string>> events_;
};

struct GapStats {
  std::size_t ticks = 0;
  double maxMs = 0, p99Ms = 0, p50Ms = 0, seconds = 0;
};

inline GapStats gapStats(std::vector<double> gaps) {
  GapStats s;
  if (gaps.empty()) return s;
  std::sort(gaps.begin(), gaps.end());
  const auto at = [&](double q) {
    const auto i = static_cast<std::size_t>(std::ceil(q * static_cast<double>(gaps.size()))) - 1;
    return gaps[std::min(i, gaps.size() - 1)];
  };
  s.ticks = gaps.size();
  s.maxMs = gaps.back();
  s.p99Ms = at(0.99);
  s.p50Ms = at(0.50);
  for (double g : gaps) s.seconds += g / 1000;
  return s;
}

struct GuiStallOptions {
  std::filesystem::path workDir;     // the project and the synthetic images go here
  std::filesystem::path samplesDir;  // the real BDGP samples (their labels.csv is imported)
  int syntheticImages = 300;         // raw (not standardized) synthetic images, imported too
  int epochs = 20;                   // a training run of the tiny preset in the panel
  int intervalMs = 5;
  int timeoutSeconds = 600;
  bool train = true, import = true;  // false: measure the other alone
};

struct GuiStallResult {
  std::map<std::string, GapStats> byActivity;  // "training + import", "training", "import"...
  GapStats all;
  QString trainingStatus;   // "finished", "failed", ...
  QString trainingMessage;  // what the panel said when it ended
  int importedSamples = 0, importedSynthetic = 0;
  bool timedOut = false;
  QString error;
  std::vector<EventLoopStallMeter::LongGap> longGaps;    // over 4 intervals
  std::vector<std::pair<double, std::string>> timeline;  // ms since the start: what happened
};

// The real MainWindow on a project of standardized synthetic images (ready to train): the
// training panel starts a tiny plain run and, at the same time, the real BDGP samples are
// imported through the window; when that import is done the raw synthetic images are
// imported (standardized on the import's thread) while the training goes on. The meter runs
// from the first start to the last end.
inline GuiStallResult measureGuiStalls(const GuiStallOptions& o) {
  GuiStallResult result;
  namespace fs = std::filesystem;
  fs::create_directories(o.workDir);
  // The window remembers recent projects and layouts: keep them out of the user's settings.
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                     QString::fromStdString((o.workDir / "settings").string()));

  // A project to train on: standardized synthetic images with labels and a split.
  const auto file = o.workDir / "stall.flystage";
  fs::remove(file);
  {
    DemoOptions trainable;
    trainable.seed = 5;
    trainable.scale = 0.002;
    trainable.minPerStage = 3;
    trainable.standardized = true;
    const auto data = writeDemoDataset(trainable, o.workDir / "trainable");
    Project p = Project::open(file);
    if (!runImport(p, parseLabelsCsv(data.labelsCsv), {}).committed) {
      result.error = QStringLiteral("the trainable set could not be imported");
      return result;
    }
  }
  // Raw synthetic images for the second import: about syntheticImages of them.
  DemoOptions raw;
  raw.seed = 9;
  raw.scale = std::max(1, o.syntheticImages - 14) / 40382.0;
  raw.minPerStage = 1;
  raw.standardized = false;
  const auto rawData = writeDemoDataset(raw, o.workDir / "raw");

  ui::MainWindow w;
  if (!w.openProject(QString::fromStdString(file.string()), OpenMode::Existing, false)) {
    result.error = QStringLiteral("the project could not be opened");
    return result;
  }
  w.resize(1400, 900);
  w.show();
  QApplication::processEvents();

  EventLoopStallMeter meter(o.intervalMs);
  bool training = false, importing = false, trainingDone = false, importsDone = false;
  int importsFinished = 0;
  const auto updateActivity = [&] {
    meter.setActivity(training && importing ? "training + import"
                      : training            ? "training"
                      : importing           ? "import"
                                            : "idle");
  };
  QEventLoop loop;
  const auto maybeQuit = [&] {
    if (trainingDone && importsDone) loop.quit();
  };

  ui::TrainingPanel* panel = w.trainingPanel();
  TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
  c.plainEpochs = o.epochs;
  c.device = "cpu";
  panel->setConfig(c);
  QObject::connect(panel, &ui::TrainingPanel::runEnded, &loop, [&](qint64, const QString& status) {
    result.trainingStatus = status;
    meter.mark("training " + status.toStdString());
    if (auto* message = panel->findChild<QLabel*>(QStringLiteral("trainingMessageLabel")))
      result.trainingMessage = message->text();
    training = false;
    trainingDone = true;
    updateActivity();
    maybeQuit();
  });

  ui::ImportRequest samples;
  samples.kind = ui::ImportRequest::Kind::LabelsCsv;
  samples.source = QString::fromStdString((o.samplesDir / "labels.csv").string());
  ui::ImportRequest synthetic;
  synthetic.kind = ui::ImportRequest::Kind::LabelsCsv;
  synthetic.source = QString::fromStdString(rawData.labelsCsv.string());
  QObject::connect(
      w.importController(), &ui::ImportController::importFinished, &loop,
      [&](const ui::ImportOutcome& outcome) {
        const int imported = outcome.ok() ? outcome.report.imported : -1;
        meter.mark(importsFinished == 0 ? "samples imported" : "synthetic images imported");
        if (auto* dialog = w.importController()->reportDialog()) dialog->close();
        if (++importsFinished == 1) {
          result.importedSamples = imported;
          // Queued: the controller finishes its own bookkeeping first.
          QTimer::singleShot(0, &loop, [&] {
            meter.mark("synthetic import started");
            w.startImport(synthetic);
          });
        } else {
          result.importedSynthetic = imported;
          importing = false;
          importsDone = true;
          updateActivity();
          maybeQuit();
        }
      });

  QTimer::singleShot(o.timeoutSeconds * 1000, &loop, [&] {
    result.timedOut = true;
    loop.quit();
  });
  meter.start();
  training = o.train && panel->startTraining();
  if (!training) {
    result.trainingStatus = o.train ? QStringLiteral("did not start") : QStringLiteral("skipped");
    trainingDone = true;
  }
  importing = o.import && w.startImport(samples);
  if (!importing) {
    if (o.import) result.error = QStringLiteral("the import did not start");
    importsDone = true;
  }
  updateActivity();
  if (!(trainingDone && importsDone)) loop.exec();
  meter.stop();
  if (result.timedOut) {
    panel->cancelAndWait();
    w.importController()->cancelAndWait();
  }
  for (const auto& [activity, gaps] : meter.gaps()) result.byActivity[activity] = gapStats(gaps);
  result.longGaps = meter.longGaps();
  result.timeline = meter.events();
  result.all = gapStats(meter.allGaps());
  return result;
}

}  // namespace flystage::bench
