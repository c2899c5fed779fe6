#pragma once

#include <QSizeF>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "interpret/Provenance.h"

class QPainter;

namespace flystage::figure {

// A figure for a paper: drawn once by `paint` in points (1/72 inch, the painter's units in
// every format), exported as PNG, SVG or PDF with the same layout, and the numbers behind it
// as CSV. Text is sized with QFont::setPixelSize so that one unit is one point everywhere.
struct Figure {
  QSizeF size;  // points
  std::function<void(QPainter&)> paint;
  std::string title;
  Provenance provenance;
  std::string csv;  // the numbers drawn, written beside the figure as <name>.csv
};

struct ExportOptions {
  int dpi = 300;    // PNG resolution (SVG and PDF are vector; their images stay native)
  bool csv = true;  // also write <out without extension>.csv
};

// Writes the figure in the format its extension names (.png, .svg, .pdf), with the title
// and the provenance in the file's metadata, and the CSV beside it. Writes to a temporary
// file first and renames it, so a failed export leaves no half-written figure. Returns the
// files written. Throws flystage::Error naming the file and what to do.
std::vector<std::filesystem::path> exportFigure(const Figure& figure,
                                                const std::filesystem::path& out,
                                                const ExportOptions& options = {});

// The formats exportFigure understands, by extension ("png", "svg", "pdf").
bool isFigureFormat(const std::filesystem::path& file);

// Figures need fonts, hence a QGuiApplication. The command-line tool has none: this makes
// one (offscreen platform unless another is chosen) when no Qt application exists yet.
void ensureGuiApplication();

}  // namespace flystage::figure
