#include "BackgroundTask.h"

#include <QMetaObject>
#include <QRunnable>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <mutex>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace flystage::ui {

namespace {

enum Outcome { kFinished, kFailed, kCancelled };

// The threads every task runs on. Threads are reused (thumbnails start many short runs)
// and expire when idle; the bound is far above what the app runs at once (training,
// import, prediction, saliency, GEMs, an original and a few thumbnail decoders), so a run
// never waits for a thread.
QThreadPool& workerPool() {
  static QThreadPool* pool = [] {
    auto* p = new QThreadPool;  // leaked: the workers may outlive static destruction order
    p->setMaxThreadCount(64);
    return p;
  }();
  return *pool;
}

#ifdef Q_OS_LINUX
id_t thisThreadId() {
  return static_cast<id_t>(syscall(SYS_gettid));
}
#endif

// The caller's priority, read on the thread that starts the run.
int callerNice() {
#ifdef Q_OS_LINUX
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, thisThreadId());
  return errno == 0 ? nice : 0;
#else
  return 0;
#endif
}

// Puts the worker thread five nice steps below its caller. Linux keeps a nice value per
// thread and QThread's priorities do not change it under the default scheduler; threads
// the work starts (LibTorch's OpenMP threads) inherit it. Set to the target, not raised by
// five: pool threads are reused.
void runBelow(int nice) {
#ifdef Q_OS_LINUX
  const int target = std::min(19, nice + 5);
  errno = 0;
  const int now = getpriority(PRIO_PROCESS, thisThreadId());
  if (errno == 0 && now != target) setpriority(PRIO_PROCESS, thisThreadId(), target);
#else
  (void)nice;
  QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

}  // namespace

struct TaskContext::Run {
  BackgroundTask* task = nullptr;
  BackgroundTask::Work work;
  CancelToken cancel;
  std::atomic<bool> stale{false};
  int nice = 0;
};

struct BackgroundTask::Runs {
  std::mutex mutex;
  std::condition_variable ended;
  int going = 0;
};

const CancelToken* TaskContext::cancelToken() const {
  return &run_->cancel;
}

bool TaskContext::cancelled() const {
  return run_->cancel.cancelled();
}

void TaskContext::throwIfCancelled() const {
  if (cancelled()) throw Cancelled{"task"};
}

void TaskContext::progress(const QVariant& value) const {
  if (run_->stale.load()) return;
  BackgroundTask* task = run_->task;
  // The task waits for its runs before it goes, so it is alive here; Qt drops the call if
  // the task is deleted before its event loop delivers it.
  QMetaObject::invokeMethod(
      task, [task, run = run_, value] { task->deliverProgress(run.get(), value); },
      Qt::QueuedConnection);
}

void TaskContext::progress(const ProgressEvent& event) const {
  progress(QVariant::fromValue(event));
}

BackgroundTask::BackgroundTask(QObject* parent)
    : QObject(parent), runs_(std::make_shared<Runs>()) {}

BackgroundTask::~BackgroundTask() {
  cancelAndWait();
}

void BackgroundTask::start(Work work) {
  discard();
  auto run = std::make_shared<TaskContext::Run>();
  run->task = this;
  run->work = std::move(work);
  run->nice = callerNice();
  current_ = run;
  {
    std::lock_guard lock(runs_->mutex);
    ++runs_->going;
  }
  std::shared_ptr<Runs> runs = runs_;
  workerPool().start([run, runs] {
    runBelow(run->nice);
    TaskContext context(run);
    int kind = kFinished;
    QVariant result;
    QString message;
    try {
      result = run->work(context);
    } catch (const Cancelled&) {
      kind = kCancelled;
    } catch (const std::exception& e) {
      kind = kFailed;
      message = QString::fromUtf8(e.what());
    } catch (...) {
      kind = kFailed;
      message = BackgroundTask::tr("An unexpected error stopped the work.");
    }
    run->work = nullptr;  // what it holds goes on this thread, not the GUI's
    if (!run->stale.load()) {
      BackgroundTask* task = run->task;
      QMetaObject::invokeMethod(
          task,
          [task, run, kind, result, message] {
            task->deliverOutcome(run.get(), kind, result, message);
          },
          Qt::QueuedConnection);
    }
    // Last: once `going` is 0 the task may be deleted.
    std::lock_guard lock(runs->mutex);
    if (--runs->going == 0) runs->ended.notify_all();
  });
}

void BackgroundTask::cancel() {
  if (current_) current_->cancel.cancel();
}

void BackgroundTask::discard() {
  if (!current_) return;
  current_->stale = true;
  current_->cancel.cancel();
  current_.reset();
}

void BackgroundTask::cancelAndWait() {
  discard();
  wait();
}

void BackgroundTask::wait() {
  std::unique_lock lock(runs_->mutex);
  runs_->ended.wait(lock, [this] { return runs_->going == 0; });
}

void BackgroundTask::deliverProgress(const TaskContext::Run* run, const QVariant& value) {
  if (run != current_.get()) return;  // stale
  Q_EMIT progress(value);
}

void BackgroundTask::deliverOutcome(const TaskContext::Run* run, int kind, const QVariant& result,
                                    const QString& message) {
  if (run != current_.get()) return;  // stale
  current_.reset();
  switch (kind) {
    case kFinished:
      Q_EMIT finished(result);
      break;
    case kFailed:
      Q_EMIT failed(message);
      break;
    default:
      Q_EMIT cancelled();
  }
}

}  // namespace flystage::ui
