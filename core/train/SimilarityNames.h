#pragma once

#include <string>
#include <vector>

#include "train/TrainConfig.h"

namespace flystage {

// The names of the similarity-loss variants and the reference (tau) modes, as the run's JSON,
// the command line and the GUI write them: the one place they are spelled.
std::string similarityName(SimilarityVariant v);  // "paper", "code"
// Throws flystage::Error "unknown similarity 'X' (choose paper or code)".
SimilarityVariant parseSimilarity(const std::string& text);
const std::vector<std::string>& similarityNames();  // every valid name, in enum order

std::string tauModeName(TauMode m);  // "probability", "logit-margin"
// Throws flystage::Error "unknown tau mode 'X' (choose probability or logit-margin)".
TauMode parseTauMode(const std::string& text);
const std::vector<std::string>& tauModeNames();  // every valid name, in enum order

std::string referenceFallbackName(ReferenceFallback f);  // "best-image", "all-images"
// Throws flystage::Error "unknown reference fallback 'X' (choose best-image or all-images)".
ReferenceFallback parseReferenceFallback(const std::string& text);
const std::vector<std::string>& referenceFallbackNames();  // every valid name, in enum order

}  // namespace flystage
