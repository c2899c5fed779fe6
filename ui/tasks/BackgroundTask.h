#pragma once

#include <QObject>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

#include "util/Progress.h"

namespace flystage::ui {

class BackgroundTask;

// What a running work function sees: its cancel token and a progress callback. Both are
// safe to use from the worker thread; progress() posts the value to the task's thread.
class TaskContext {
 public:
  // For core functions that take `const CancelToken*` and throw Cancelled when it is set.
  const CancelToken* cancelToken() const;
  bool cancelled() const;
  // Throws flystage::Cancelled when cancel() was called: the run then delivers cancelled().
  void throwIfCancelled() const;
  // Queued to the task's thread and emitted there as progress(value), in the order sent;
  // dropped once the run is stale.
  void progress(const QVariant& value) const;
  void progress(const ProgressEvent& event) const;  // as QVariant::fromValue(event)

 private:
  friend class BackgroundTask;
  struct Run;
  explicit TaskContext(std::shared_ptr<Run> run) : run_(std::move(run)) {}
  std::shared_ptr<Run> run_;
};

// The one way the desktop app runs work off the GUI thread (import, training, prediction,
// saliency, GEMs, originals, thumbnails). start() runs a function on a worker thread a few
// steps below the caller's priority (Linux: nice +5, and the threads it starts inherit it,
// LibTorch's OpenMP threads included), so the GUI keeps a core on a two-core machine. What
// the run reports comes back on this object's thread as signals:
//   progress(value)  - each TaskContext::progress, in order;
//   then exactly one of finished(result), failed(message) (the work threw; its what()) or
//   cancelled() (the work threw flystage::Cancelled, e.g. after cancel()).
// One run is current: start() again, discard() or cancelAndWait() make the previous run
// stale: it is asked to cancel and nothing it still reports is ever delivered. The work
// must therefore not touch GUI objects; it reports through its context and its result.
// The destructor cancels and waits for every run still going (the work's own connection to
// the project is closed, an import rolled back) before the object goes.
class BackgroundTask : public QObject {
  Q_OBJECT

 public:
  using Work = std::function<QVariant(TaskContext&)>;

  explicit BackgroundTask(QObject* parent = nullptr);
  ~BackgroundTask() override;

  // Starts a run and returns at once. A run still going becomes stale (see above).
  void start(Work work);
  // True from start() until the current run's outcome has been delivered.
  bool isRunning() const { return current_ != nullptr; }
  // Asks the current run to stop; it delivers cancelled() when its work gives up.
  void cancel();
  // The current run becomes stale at once, without waiting: nothing more is delivered.
  void discard();
  // discard(), then blocks until every run of this task has ended (closing a project).
  void cancelAndWait();
  // Blocks until every run of this task has ended; their outcomes are still delivered by
  // the event loop (tests, shutdown).
  void wait();

 Q_SIGNALS:
  void progress(const QVariant& value);
  void finished(const QVariant& result);
  void failed(const QString& message);
  void cancelled();

 private:
  friend class TaskContext;
  struct Runs;
  void deliverProgress(const TaskContext::Run* run, const QVariant& value);
  void deliverOutcome(const TaskContext::Run* run, int kind, const QVariant& result,
                      const QString& message);

  std::shared_ptr<Runs> runs_;  // shared with the workers: counts the runs still going
  std::shared_ptr<TaskContext::Run> current_;
};

}  // namespace flystage::ui
