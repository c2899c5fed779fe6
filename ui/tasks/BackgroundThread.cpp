#include "BackgroundThread.h"

#include <QThread>

#include <algorithm>
#include <cerrno>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace flystage {

void startInBackground(QThread* thread) {
#ifdef Q_OS_LINUX
  // Linux keeps a nice value per thread; QThread's priorities do not change it under the
  // default scheduler. Runs in the new thread, before its work.
  QObject::connect(
      thread, &QThread::started, thread,
      [] {
        const auto tid = static_cast<id_t>(syscall(SYS_gettid));
        errno = 0;
        const int now = getpriority(PRIO_PROCESS, tid);
        if (errno == 0) setpriority(PRIO_PROCESS, tid, std::min(19, now + 5));
      },
      Qt::DirectConnection);
  thread->start();
#else
  thread->start(QThread::LowPriority);
#endif
}

}  // namespace flystage
