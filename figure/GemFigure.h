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
// expression inside the embryo outline, "n = images" under it (masked: and "masks keep 23 %
// of the embryo", ExpressionMap::keptFraction); one colour bar shared by all panels (scaled
// to the largest value shown, so panels compare), a 20% egg-length scale bar, anterior left
// and dorsal up. The CSV holds every pixel inside each outline:
// stage,images,row,col,mean_expression,weight,coverage (masked: then kept_fraction, the
// stage's, on each of its rows).
Figure gemFigure(const GemResult& gems, const GemFigureOptions& options, Provenance provenance);

// A kept fraction as the figure and the command line write it: "23 %" (whole percent), "< 1 %"
// and "> 99 %" for what would round to 0 or 100 without being it.
std::string keptFractionText(double fraction);

}  // namespace flystage::figure
