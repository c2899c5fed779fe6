#pragma once

#include <cstddef>
#include <string>

#include "interpret/Provenance.h"
#include "interpret/StageGems.h"

namespace flystage {

// The provenance of a GEM figure, from the request the GEMs were built with and what they
// hold: the figure ("GEM" or "masked GEM"), the project file, the run (id and `runMethod`),
// how images were assigned, every image behind a panel, and the settings, in this order:
//   gene, minimum confidence, stain (the normalization used); masked GEMs also saliency
//   method and mask weight ("saliency / its 99th percentile (at most 1), inside the embryo"
//   for the default mask quantile); "merged from shards" when `mergedShards` > 1.
// The command line, the GUI and the report all call this, so a figure says the same whoever
// drew it.
Provenance gemProvenance(const GemRequest& request, const GemResult& gems,
                         const std::string& project, const std::string& runMethod,
                         std::size_t mergedShards = 1);

// The stain measure and its normalization, for humans:
// "log10(B / sqrt(R G)), per image / max(99th percentile, 0.15)" for the defaults.
std::string stainNormalizationText(const StainNormalization& normalization);

}  // namespace flystage
