#include "store/BusyWait.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "store/Project.h"

namespace flystage {

namespace {

// SQLite calls this while the lock is taken; non-zero means "try again".
int waitUnlessCancelled(void* token, int /*attempts*/) {
  const auto* cancel = static_cast<const CancelToken*>(token);
  if (cancel && cancel->cancelled()) return 0;
  sqlite3_sleep(20);
  return 1;
}

}  // namespace

BusyWait::BusyWait(Project& project, const CancelToken* cancel)
    : project_(project), cancel_(cancel) {
  sqlite3_busy_handler(project_.db().getHandle(), &waitUnlessCancelled,
                       const_cast<CancelToken*>(cancel_));
}

BusyWait::~BusyWait() {
  sqlite3_busy_timeout(project_.db().getHandle(), kProjectBusyTimeoutMs);
}

}  // namespace flystage
