#pragma once

// QCustomPlot for the ui/ files that draw plots. qcustomplot.h uses Qt's keywords (signals,
// foreach), which QT_NO_KEYWORDS (needed for torch's headers) switches off: they are
// defined for this one header and dropped again.
#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef foreach

#include <QString>

namespace flystage::ui {

// Writes `text`, the name of `plot`'s value axis, across in a row of its own above the plot
// (object name `name`): written along the axis of a low plot, it was cut off.
inline QCPTextElement* addAxisCaption(QCustomPlot* plot, const QString& text, const QString& name) {
  auto* caption = new QCPTextElement(plot, text);
  caption->setObjectName(name);
  caption->setFont(plot->yAxis->labelFont());
  caption->setTextColor(plot->yAxis->labelColor());
  caption->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
  caption->setMargins(QMargins(6, 2, 6, 0));
  plot->plotLayout()->insertRow(0);
  plot->plotLayout()->addElement(0, 0, caption);
  plot->plotLayout()->setRowStretchFactor(0, 0.001);
  return caption;
}

}  // namespace flystage::ui
