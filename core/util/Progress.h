#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace flystage {

// Long work in core reports through this one small interface; the GUI adapts it
// to signals in a worker thread, the CLI to a line on stderr.
struct ProgressEvent {
  std::string phase;  // e.g. "import", "standardize", "synth"
  std::size_t done = 0;
  std::size_t total = 0;  // 0 when unknown
  std::string detail;     // current file or a short status
};

// Cooperative cancellation: long loops poll cancelled() at least once per item.
class CancelToken {
 public:
  void cancel() { flag_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return flag_.load(std::memory_order_relaxed); }
  void reset() { flag_.store(false, std::memory_order_relaxed); }

 private:
  std::atomic<bool> flag_{false};
};

using ProgressFn = std::function<void(const ProgressEvent&)>;

// Thrown by long work that noticed a cancel request; the caller rolls back.
struct Cancelled {
  std::string phase;
};

}  // namespace flystage
