#include <QtTest>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "BackgroundThread.h"

using namespace flystage;

namespace {
int niceOfThisThread() {
  return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}
}  // namespace

// Worker threads run below the GUI thread's priority, and so do the threads they start
// (LibTorch's OpenMP threads are started that way).
class BackgroundThreadTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void workersAndTheirThreadsRunFiveNiceStepsBelowTheGuiThread() {
    const int gui = niceOfThisThread();
    std::atomic<int> worker{-100}, child{-100};
    QThread* t = QThread::create([&] {
      worker = niceOfThisThread();
      std::thread([&] { child = niceOfThisThread(); }).join();
    });
    startInBackground(t);
    QVERIFY(t->wait(5000));
    delete t;
    QCOMPARE(worker.load(), std::min(19, gui + 5));
    QCOMPARE(child.load(), std::min(19, gui + 5));
    QCOMPARE(niceOfThisThread(), gui);  // the GUI thread keeps its own
  }
};

QTEST_MAIN(BackgroundThreadTest)
#include "BackgroundThreadTest.moc"
