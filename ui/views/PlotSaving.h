#pragma once

#include <QString>

class QCustomPlot;

namespace flystage::ui {

// Writes the plot as PNG, PDF or SVG, chosen by the file's suffix; false (with the reason in
// *error) when the file could not be written or the suffix is none of these.
bool savePlot(QCustomPlot* plot, const QString& file, QString* error);

// Gives the plot a context menu with "Save Image…" (PNG, PDF or SVG), the way every plot of
// the application is saved.
void addSavePlotAction(QCustomPlot* plot, const QString& suggestedName);

}  // namespace flystage::ui
