#include "CliProgress.h"

#include <unistd.h>
#include <csignal>
#include <cstdio>

namespace flystage::cli {

CliProgress::CliProgress() : tty_(isatty(fileno(stderr)) != 0) {}
CliProgress::~CliProgress() {
  finish();
}

ProgressFn CliProgress::fn() {
  return [this](const ProgressEvent& e) { report(e); };
}

void CliProgress::report(const ProgressEvent& e) {
  const auto now = std::chrono::steady_clock::now();
  const bool last = e.total > 0 && e.done == e.total;
  const bool newPhase = e.phase != lastPhase_;
  const auto every = tty_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(2000);
  if (!last && !newPhase && now - last_ < every) return;
  last_ = now;
  lastPhase_ = e.phase;
  char line[256];
  if (e.total > 0)
    std::snprintf(line, sizeof line, "%s %zu/%zu (%.0f%%) %s", e.phase.c_str(), e.done, e.total,
                  100.0 * static_cast<double>(e.done) / static_cast<double>(e.total),
                  e.detail.c_str());
  else
    std::snprintf(line, sizeof line, "%s %zu %s", e.phase.c_str(), e.done, e.detail.c_str());
  if (tty_) {
    std::fprintf(stderr, "\r\033[K%s", line);
    open_ = true;
    if (last) finish();
  } else {
    std::fprintf(stderr, "%s\n", line);
  }
  std::fflush(stderr);
}

void CliProgress::finish() {
  if (open_) std::fprintf(stderr, "\n");
  open_ = false;
}

CancelToken& interruptToken() {
  static CancelToken token;
  return token;
}

namespace {
extern "C" void onInterrupt(int) {
  interruptToken().cancel();
}
}  // namespace

void installInterruptHandler() {
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
}

}  // namespace flystage::cli
