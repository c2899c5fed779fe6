#include "interpret/GemProvenance.h"

#include <cmath>
#include <cstdio>

namespace flystage {

namespace {

std::string shortNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// 99 -> "99th", 1 -> "1st", 97.5 -> "97.5th".
std::string ordinal(double v) {
  const std::string n = shortNumber(v);
  const long i = std::lround(v);
  if (std::abs(v - static_cast<double>(i)) > 1e-9) return n + "th";  // 100 * 0.92 is 92.000...01
  if (i % 100 >= 11 && i % 100 <= 13) return n + "th";
  switch (i % 10) {
    case 1:
      return n + "st";
    case 2:
      return n + "nd";
    case 3:
      return n + "rd";
    default:
      return n + "th";
  }
}

}  // namespace

std::string stainNormalizationText(const StainNormalization& n) {
  return "log10(B / sqrt(R G)), per image / max(" + ordinal(100 * n.percentile) + " percentile, " +
         shortNumber(n.floor) + ")";
}

Provenance gemProvenance(const GemRequest& request, const GemResult& gems,
                         const std::string& project, const std::string& runMethod,
                         std::size_t mergedShards) {
  auto prov = makeProvenance(request.masked ? "masked GEM" : "GEM", project);
  if (request.runId) {
    prov.runId = *request.runId;
    prov.runMethod = runMethod;
  }
  prov.labelSource = gems.labelSource;
  for (const auto& g : gems.gems)
    prov.imageIds.insert(prov.imageIds.end(), g.imageIds.begin(), g.imageIds.end());
  // std::to_string: the digits the command line has always written ("0.800000").
  prov.settings = {{"gene", request.gene.empty() ? "all (genome-wide)" : request.gene},
                   {"minimum confidence", std::to_string(request.minConfidence)},
                   {"stain", stainNormalizationText(request.normalization)}};
  if (request.masked) {
    prov.settings.emplace_back("saliency method", saliencyMethodName(request.saliency.method));
    prov.settings.emplace_back("mask weight", "saliency / its " +
                                                  ordinal(100 * request.maskQuantile) +
                                                  " percentile (at most 1), inside the embryo");
  }
  if (mergedShards > 1)
    prov.settings.emplace_back("merged from shards", std::to_string(mergedShards));
  return prov;
}

}  // namespace flystage
