#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "util/Progress.h"

namespace flystage {

// Cooperative pause for long work: one thread (the GUI) sets it, the worker waits at its
// next safe point (training: before a batch) until it is lifted or the work is cancelled.
class PauseToken {
 public:
  void pause() {
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = true;
  }
  void resume() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      paused_ = false;
    }
    wake_.notify_all();
  }
  bool paused() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return paused_;
  }
  // True while the worker is actually waiting here: the work is held, not just asked to
  // pause (the GUI says "Paused" only then).
  bool holding() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return waiters_ > 0;
  }

  // Blocks while paused, unless `cancel` is set; returns the seconds spent waiting (work
  // that reports a rate or a duration leaves them out). A CancelToken cannot wake the
  // wait, so it is polled every 50 ms: a cancel while paused takes effect at once.
  double waitWhilePaused(const CancelToken* cancel) const {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!paused_) return 0;
    const auto start = std::chrono::steady_clock::now();
    ++waiters_;
    while (paused_ && !(cancel && cancel->cancelled()))
      wake_.wait_for(lock, std::chrono::milliseconds(50));
    --waiters_;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable wake_;
  bool paused_ = false;
  mutable int waiters_ = 0;
};

}  // namespace flystage
