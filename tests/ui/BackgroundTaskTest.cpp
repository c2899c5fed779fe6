#include <QtTest>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "BackgroundTask.h"

using namespace flystage;
using flystage::ui::BackgroundTask;
using flystage::ui::TaskContext;

namespace {

int niceOfThisThread() {
  return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}

// Blocks the worker until the test lets it go (or gives up after 10 s).
struct Gate {
  std::atomic<bool> open{false};
  void wait() const {
    for (int i = 0; i < 1000 && !open.load(); ++i) QThread::msleep(10);
  }
};

}  // namespace

// The one mechanism the desktop app runs background work with: results and progress on
// the GUI thread, stale runs dropped, cancel, errors, priority below the GUI, safe delete.
class BackgroundTaskTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void resultArrivesOnTheTaskThreadNotTheWorker() {
    BackgroundTask task;
    std::atomic<QThread*> worker{nullptr};
    QThread* deliveredOn = nullptr;
    QVariant delivered;
    connect(&task, &BackgroundTask::finished, this, [&](const QVariant& result) {
      deliveredOn = QThread::currentThread();
      delivered = result;
    });
    task.start([&](TaskContext&) {
      worker = QThread::currentThread();
      return QVariant(42);
    });
    QVERIFY(task.isRunning());
    QTRY_VERIFY(deliveredOn != nullptr);
    QCOMPARE(delivered.toInt(), 42);
    QCOMPARE(deliveredOn, QThread::currentThread());
    QVERIFY(worker.load() != QThread::currentThread());
    QVERIFY(!task.isRunning());
  }

  void progressArrivesInOrderOnTheTaskThread() {
    BackgroundTask task;
    QList<int> values;
    bool allOnGui = true;
    connect(&task, &BackgroundTask::progress, this, [&](const QVariant& v) {
      allOnGui = allOnGui && QThread::currentThread() == this->thread();
      values << v.toInt();
    });
    QSignalSpy finished(&task, &BackgroundTask::finished);
    task.start([](TaskContext& context) {
      for (int i = 1; i <= 200; ++i) context.progress(QVariant(i));
      return QVariant();
    });
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(values.size(), 200);
    for (int i = 0; i < 200; ++i) QCOMPARE(values.at(i), i + 1);
    QVERIFY(allOnGui);
  }

  void coreProgressEventsTravelAsVariants() {
    BackgroundTask task;
    QSignalSpy progress(&task, &BackgroundTask::progress);
    QSignalSpy finished(&task, &BackgroundTask::finished);
    task.start([](TaskContext& context) {
      context.progress(ProgressEvent{"import", 3, 16, "a.png"});
      return QVariant();
    });
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(progress.count(), 1);
    const auto e = progress.at(0).at(0).value<ProgressEvent>();
    QCOMPARE(e.done, std::size_t{3});
    QCOMPARE(e.total, std::size_t{16});
    QCOMPARE(QString::fromStdString(e.detail), QStringLiteral("a.png"));
  }

  void aSecondStartMakesTheFirstResultStale() {
    BackgroundTask task;
    QSignalSpy finished(&task, &BackgroundTask::finished);
    QSignalSpy progress(&task, &BackgroundTask::progress);
    QSignalSpy cancelled(&task, &BackgroundTask::cancelled);
    Gate gate;
    std::atomic<bool> firstDone{false}, firstSawCancel{false};
    task.start([&](TaskContext& context) {
      gate.wait();
      firstSawCancel = context.cancelled();
      context.progress(QVariant(QStringLiteral("first")));
      firstDone = true;
      return QVariant(QStringLiteral("first"));
    });
    task.start([](TaskContext& context) {
      context.progress(QVariant(QStringLiteral("second")));
      return QVariant(QStringLiteral("second"));
    });
    QTRY_COMPARE(finished.count(), 1);
    gate.open = true;  // the first run ends after the second one
    QTRY_VERIFY(firstDone.load());
    task.wait();
    QTest::qWait(100);  // anything the first run posted has been processed
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("second"));
    QCOMPARE(progress.count(), 1);
    QCOMPARE(progress.at(0).at(0).toString(), QStringLiteral("second"));
    QCOMPARE(cancelled.count(), 0);
    QVERIFY(firstSawCancel.load());  // the stale run was asked to stop
  }

  void cancelDeliversCancelledAndNoResult() {
    BackgroundTask task;
    QSignalSpy finished(&task, &BackgroundTask::finished);
    QSignalSpy failed(&task, &BackgroundTask::failed);
    QSignalSpy cancelled(&task, &BackgroundTask::cancelled);
    std::atomic<bool> started{false};
    task.start([&](TaskContext& context) {
      started = true;
      for (int i = 0; i < 1000; ++i) {
        context.throwIfCancelled();
        QThread::msleep(10);
      }
      return QVariant(QStringLiteral("not cancelled"));
    });
    QTRY_VERIFY(started.load());
    task.cancel();
    QTRY_COMPARE(cancelled.count(), 1);
    QTest::qWait(50);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!task.isRunning());
  }

  void anExceptionBecomesTheErrorMessage() {
    BackgroundTask task;
    QSignalSpy finished(&task, &BackgroundTask::finished);
    QSignalSpy failed(&task, &BackgroundTask::failed);
    task.start([](TaskContext&) -> QVariant {
      throw std::runtime_error("project.flystage: database disk image is malformed");
    });
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(),
             QStringLiteral("project.flystage: database disk image is malformed"));
    QCOMPARE(finished.count(), 0);
  }

  // LibTorch's OpenMP threads are started by the worker: they must inherit its priority.
  void theWorkAndItsThreadsRunFiveNiceStepsBelowTheCaller() {
    const int gui = niceOfThisThread();
    BackgroundTask task;
    QSignalSpy finished(&task, &BackgroundTask::finished);
    std::atomic<int> worker{-100}, child{-100};
    for (int i = 0; i < 2; ++i) {  // the second run may reuse the first one's thread
      task.start([&](TaskContext&) {
        worker = niceOfThisThread();
        std::thread([&] { child = niceOfThisThread(); }).join();
        return QVariant();
      });
      QTRY_COMPARE(finished.count(), i + 1);
      QCOMPARE(worker.load(), std::min(19, gui + 5));
      QCOMPARE(child.load(), std::min(19, gui + 5));
    }
    QCOMPARE(niceOfThisThread(), gui);  // the GUI thread keeps its own
  }

  void destroyingTheTaskWhileItRunsWaitsAndDeliversNothing() {
    std::atomic<bool> started{false}, ended{false};
    int delivered = 0;
    {
      auto* task = new BackgroundTask;
      connect(task, &BackgroundTask::finished, this, [&] { ++delivered; });
      connect(task, &BackgroundTask::cancelled, this, [&] { ++delivered; });
      connect(task, &BackgroundTask::progress, this, [&] { ++delivered; });
      task->start([&](TaskContext& context) {
        started = true;
        for (int i = 0; i < 500 && !context.cancelled(); ++i) {
          context.progress(QVariant(i));
          QThread::msleep(5);
        }
        QThread::msleep(50);  // still going after the cancel
        ended = true;
        return QVariant(1);
      });
      QTRY_VERIFY(started.load());
      delivered = 0;  // only what arrives after the delete counts
      delete task;
      QVERIFY(ended.load());  // the destructor waited for the work
    }
    QTest::qWait(100);
    QCOMPARE(delivered, 0);
  }

  // One way to run background work: no thread, pool or worker object of its own anywhere in
  // the desktop code (import, training, prediction, saliency, GEMs, originals and
  // thumbnails all use BackgroundTask).
  void theDesktopCodeHasNoOtherWayToStartThreads() {
    const QDir root(QStringLiteral(FLYSTAGE_SOURCE_DIR));
    const QStringList others = {QStringLiteral("QThread::create"), QStringLiteral("QThreadPool"),
                                QStringLiteral("moveToThread"),    QStringLiteral("QtConcurrent"),
                                QStringLiteral("std::thread"),     QStringLiteral("std::async"),
                                QStringLiteral("->start(QThread")};
    QStringList found;
    int files = 0;
    for (const QString& folder : {QStringLiteral("ui"), QStringLiteral("app/gui")}) {
      QDirIterator it(root.filePath(folder), {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                      QDir::Files, QDirIterator::Subdirectories);
      while (it.hasNext()) {
        const QString file = it.next();
        if (file.endsWith(QStringLiteral("/ui/tasks/BackgroundTask.cpp"))) continue;
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        ++files;
        const QString text = QString::fromUtf8(f.readAll());
        for (const QString& other : others)
          if (text.contains(other))
            found << root.relativeFilePath(file) + QStringLiteral(": ") + other;
      }
    }
    QVERIFY2(files > 50, "the desktop sources were not found");
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("\n"))));
  }
};

QTEST_MAIN(BackgroundTaskTest)
#include "BackgroundTaskTest.moc"
