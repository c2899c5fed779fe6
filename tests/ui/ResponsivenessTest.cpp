#include <QtTest>

#include "../../bench/gui-stall/GuiStall.h"
#include "support/TestSupport.h"

using namespace flystage;

// The desktop application stays responsive while it imports and trains: the real main window
// imports the BDGP samples and raw synthetic images and trains a tiny run in its panel, and
// the GUI thread's event loop never stalls for long (flystage-gui-stall measures the same with
// more images). The bound is loose (250 ms; the goal is 50 ms, see docs/performance.md) so
// that a loaded CI machine passes while work moved onto the GUI thread (standardizing or
// decoding there, a query per row) fails.
class ResponsivenessTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // The meter sees work done on the GUI thread: a 300 ms block shows as a gap that long.
  void theMeterSeesWorkOnTheGuiThread() {
    bench::EventLoopStallMeter meter(5);
    meter.start();
    QTimer::singleShot(100, this, [] {
      QElapsedTimer t;
      t.start();
      while (t.elapsed() < 300) {
      }
    });
    QEventLoop loop;  // not QTest::qWait: it sleeps 10 ms between event batches
    QTimer::singleShot(600, &loop, &QEventLoop::quit);
    loop.exec();
    meter.stop();
    const auto s = bench::gapStats(meter.allGaps());
    QVERIFY2(s.maxMs >= 300 && s.maxMs < 450, qPrintable(QString::number(s.maxMs)));
    QVERIFY2(s.p50Ms < 8, qPrintable(QString::number(s.p50Ms)));
    QVERIFY2(s.ticks > 40, qPrintable(QString::number(s.ticks)));
  }

  void importAndTrainingKeepTheEventLoopResponsive() {
    test::TempDir dir;
    bench::GuiStallOptions o;
    o.workDir = dir.path();
    o.samplesDir = test::samplesDir();
    o.syntheticImages = 150;
    o.epochs = 8;
    o.timeoutSeconds = 240;
    const auto r = bench::measureGuiStalls(o);
    for (const auto& [activity, s] : r.byActivity)
      qInfo("%-18s %6zu ticks in %5.1f s: p50 %5.1f ms, p99 %6.1f ms, max %6.1f ms",
            activity.c_str(), s.ticks, s.seconds, s.p50Ms, s.p99Ms, s.maxMs);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(!r.timedOut);
    QCOMPARE(r.trainingStatus, QStringLiteral("finished"));
    QCOMPARE(r.importedSamples, 12);
    QVERIFY2(r.importedSynthetic >= 100, qPrintable(QString::number(r.importedSynthetic)));
    // The meter ran through both: ticks while training alongside an import.
    QVERIFY(r.byActivity.count("training + import"));
    QVERIFY(r.all.ticks > 200);
    // On failure: when the longest gaps ended, and what happened when (ms since the start).
    QString when =
        QStringLiteral("the event loop stalled %1 ms; gaps:").arg(r.all.maxMs, 0, 'f', 1);
    for (const auto& g : r.longGaps)
      when += QStringLiteral(" %1@%2").arg(g.gapMs, 0, 'f', 0).arg(g.endMs, 0, 'f', 0);
    when += QStringLiteral("; timeline:");
    for (const auto& [ms, event] : r.timeline)
      when += QStringLiteral(" %1 %2;").arg(ms, 0, 'f', 0).arg(QString::fromStdString(event));
    QVERIFY2(r.all.maxMs < 250, qPrintable(when));
  }
};

QTEST_MAIN(ResponsivenessTest)
#include "ResponsivenessTest.moc"
