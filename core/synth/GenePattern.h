#pragma once

#include <string>

#include "synth/Morphology.h"

namespace flystage::synth {

// Families of expression patterns modelled on well-known Drosophila genes. Each pattern is
// defined on tissue coordinates (the germband, segments, organs), so it moves with the
// morphology, and many genes are expressed only at some stages.
enum class GenePattern {
  kMaternalUbiquitous,  // Hsp83-like: everywhere early, fades at gastrulation
  kAnteriorGradient,    // bcd/hb-like: anterior gradient, then anterior domain, later CNS
  kPolePlasm,           // nos/osk-like: posterior pole plasm, pole cells, gonads
  kPairRule,            // eve-like: 7 stripes (stages 5-8), later CNS spots
  kSegmentPolarity,     // en-like: 14 stripes from stage 9 on
  kMesoderm,            // twi-like: ventral domain, then the inner germband layer
  kNervousSystem,       // elav-like: neuroectoderm, ventral nerve cord, brain
  kEndoderm,            // srp/GATAe-like: midgut primordia at both ends, later the midgut
  kHeadBrain,           // otd-like: head stripe, procephalon, brain
  kTracheal,            // trh-like: 10 tracheal pits (stage 11), then the tracheal tree
  kDorsalEctoderm,      // dpp-like: dorsal domain, the germband's dorsal edge, leading edge
  kNoExpression,        // no stain
  kGapCentral,          // Kr-like: central band, CNS subset, Malpighian tubules
  kTerminalHindgut,     // tll/fkh-like: pole caps, proctodeum, hindgut and foregut
  kAmnioserosa,         // zen/ush-like: dorsal domain, then the amnioserosa until closure
  kCount
};

constexpr int kNumGenePatterns = static_cast<int>(GenePattern::kCount);

std::string genePatternName(GenePattern gene);

// Expression level 0..~1 of a gene at a point of the embryo at its developmental time.
float expressionAt(GenePattern gene, const Morphology& m, const TissuePoint& p);

}  // namespace flystage::synth
