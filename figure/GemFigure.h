#pragma once

#include <string>

#include "figure/Figure.h"
#include "interpret/Colormap.h"
#include "interpret/StageGems.h"

namespace flystage::figure {

struct GemFigureOptions {
  Colormap colormap = Colormap::Inferno;
  int columns = 0;      // 0: up to 4 panels a row
  bool masked = false;  // labels the figure "masked GEM"
  std::string gene;     // empty: genome-wide
};

// GEMs of several stages side by side (the paper's Fig. 7): each panel the stage's mean
// expression inside the embryo outline, "n = images" under it; one colour bar shared by all
// panels (scaled to the largest value shown, so panels compare), a 20% egg-length scale bar,
// anterior left and dorsal up. The CSV holds every pixel inside each outline.
Figure gemFigure(const GemResult& gems, const GemFigureOptions& options, Provenance provenance);

}  // namespace flystage::figure
