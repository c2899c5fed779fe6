#pragma once

#include "util/Progress.h"

namespace flystage {

class Project;

// While alive, the project's writes wait for another connection's write to end for as long
// as it lasts, instead of giving up after kProjectBusyTimeoutMs, until `cancel` is set.
// For background work that must outlast another long write: a training run's next
// checkpoint while the desktop application imports 10,000 images in one transaction, or
// while another program labels. A cancel ends the wait (the write then fails as busy).
class BusyWait {
 public:
  BusyWait(Project& project, const CancelToken* cancel);
  ~BusyWait();  // back to the timeout
  BusyWait(const BusyWait&) = delete;
  BusyWait& operator=(const BusyWait&) = delete;

 private:
  Project& project_;
  const CancelToken* cancel_;
};

}  // namespace flystage
