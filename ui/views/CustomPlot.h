#pragma once

// QCustomPlot for the ui/ files that draw plots. qcustomplot.h uses Qt's keywords (signals,
// foreach), which QT_NO_KEYWORDS (needed for torch's headers) switches off: they are
// defined for this one header and dropped again.
#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef foreach
