#pragma once

class QThread;

namespace flystage {

// Starts a worker thread (training, import, prediction, saliency, GEMs) a few steps below
// normal priority (Linux nice +5), so the GUI thread gets a core whenever it has work: on a
// two-core machine the worker's compute threads would otherwise take both and the window
// would stall. LibTorch's OpenMP threads are made by the worker thread and inherit its nice
// value. Elsewhere QThread's own LowPriority applies.
void startInBackground(QThread* thread);

}  // namespace flystage
