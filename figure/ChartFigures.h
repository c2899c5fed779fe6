#pragma once

#include <string>
#include <vector>

#include "eval/RunComparison.h"
#include "figure/Figure.h"
#include "interpret/SaliencySanity.h"

namespace flystage::figure {

// Per-stage test accuracy (the paper's Table II as a plot): one group of bars per stage 4..17,
// one bar per method (the mean over its runs, with the standard deviation as an error bar
// where a method has several runs). The CSV holds every bar.
Figure stageAccuracyFigure(const std::vector<RunSummary>& runs, Provenance provenance);

// A confusion matrix as a heat map: true stage down, predicted stage across, the count in
// each cell, the diagonal and its neighbours (errors of one stage) outlined. Rows are
// coloured by the share of the true stage's images, so rare stages read as well as common
// ones. The CSV holds the counts.
Figure confusionFigure(const StageMetrics& metrics, const std::string& title,
                       Provenance provenance);

// Deletion curves of saliency checks (flystage-cli saliency-check): the mean probability of the
// called stage against the share of the embryo removed, one line per method, most salient
// pixels first, and the random order dashed (grey). The CSV holds every point.
Figure deletionCurvesFigure(const std::vector<SaliencySanity>& results, Provenance provenance);

}  // namespace flystage::figure
