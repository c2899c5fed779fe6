#pragma once

#include <chrono>
#include <string>

#include "util/Progress.h"

namespace flystage::cli {

// Long work prints progress on stderr: a self-overwriting line on a terminal, and a line
// every few seconds otherwise (logs, CI), so stdout stays clean for results.
class CliProgress {
 public:
  CliProgress();
  ~CliProgress();
  ProgressFn fn();
  void finish();

 private:
  void report(const ProgressEvent& e);
  bool tty_;
  bool open_ = false;
  std::chrono::steady_clock::time_point last_;
  std::string lastPhase_;
};

// The process-wide cancel token: Ctrl-C (SIGINT) sets it, work stops within an item and
// rolls back.
CancelToken& interruptToken();
void installInterruptHandler();

}  // namespace flystage::cli
