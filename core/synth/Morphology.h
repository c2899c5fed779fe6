#pragma once

#include <cmath>

#include "synth/EmbryoGeometry.h"
#include "synth/SynthRandom.h"

namespace flystage::synth {

// Developmental time t runs continuously through embryogenesis; stage s (1..17) is the
// interval [s - 1, s). Every feature below switches on, moves or fades with t, so two
// embryos near a stage border look alike whatever their labels, while the features that
// tell ranges apart (cellularization, germband extension, retraction, closure) are large.
inline double stageStartTime(int stage) {
  return stage - 1.0;
}

// Morphological time: developmental time re-paced so that, inside each stage range, change
// is fast near the range's borders and slow in its middle. The coarse ranges were drawn at
// the big transitions of embryogenesis, so neighbouring stages inside a range look more
// alike than two stages on either side of a range border. Equal to t at range borders.
double morphologicalTime(double t);

// What an embryo looks like at one developmental time (with its own small variation):
// positions and strengths of the landmarks used by the relief and the gene patterns.
struct Morphology {
  double t = 0;

  // Clear space between vitelline membrane and embryo (px): the poles at stage 2, the
  // anterior end during head involution.
  double anteriorGap = 0;
  double anteriorGapArc = 0;
  double anteriorGapWidth = 0.05;  // outline units
  double posteriorGap = 0;

  // Blastoderm.
  double grain = 1;          // yolk granularity
  double cortex = 0;         // px thickness of the peripheral cell layer
  double cortexVisible = 0;  // 0..1
  double striation = 0;      // radial membranes of cellularization
  double poleCells = 0;      // visibility of the pole-cell cluster
  double poleCellArc = 0;    // its position on the outline
  double poleCellDepth = 4;  // px below the surface

  // Gastrulation.
  double ventralFurrow = 0;
  double cephalicFurrow = 0;
  // Where the furrow meets the dorsal and the ventral outline (px from the centre, y up).
  double cephalicX0 = 0, cephalicY0 = 0, cephalicX1 = 0, cephalicY1 = 0;
  double dorsalFolds = 0;

  // Germband (the ventral and lateral ectoderm with the mesoderm under it).
  double germband = 0;    // visibility of its inner edge
  double extension = 0;   // 0 unextended .. 1 maximal (stage 10)
  double headArc = 0;     // outline coordinate where it starts behind the head (ventral)
  double tipArc = 0.5;    // where its posterior tip lies (posterior pole .. dorsal side)
  double bandWidth = 24;  // px
  double tipCurl = 0;     // proctodeum / posterior midgut pocket at the tip
  double stomodeum = 0;   // invagination depth, 0..1

  // Segmentation, retraction, dorsal closure, head involution.
  double segments = 0;
  double segmentsOnBand = 1;  // 1: grooves follow the germband, 0: the retracted body
  double dorsalEdge = 0;      // visibility of the epidermis's leading edge
  double dorsalEdgeY = 0;     // its normalized height
  double headSkeleton = 0;

  // Late organs.
  double vnc = 0;
  double vncEnd = 0.88;  // normalized x of the ventral nerve cord's posterior end
  double gut = 0;
  double gutConstriction = 0;
  double gutConvolution = 0;
  double trachea = 0;
  double tracheaAir = 0;
  double cuticle = 0;

  // Positions shared with the gene patterns, filled from the geometry.
  double bandLengthPx = 1;
  double stomodeumX0 = 0, stomodeumY0 = 0, stomodeumX1 = 0, stomodeumY1 = 0;  // px
};

// The look of an embryo at developmental time stageTime (re-paced with
// morphologicalTime); draws its own variation (timing of each landmark group, positions)
// from rng. Morphology::t is the morphological time.
Morphology morphologyAt(double stageTime, const EmbryoGeometry& geometry, SynthRandom& rng);

// Normalized height of the epidermis's dorsal (leading) edge at x during dorsal closure.
float dorsalEdgeAt(const Morphology& m, float x);

// Tissue coordinates of one pixel, shared by the relief and the expression patterns.
struct TissuePoint {
  float x = 0, y = 0;  // normalized embryo coordinates
  float rawDepth = 0;  // px below the vitelline membrane (the outline)
  float depth = 0;     // px below the embryo's own surface (minus polar/head gaps)
  float arc = 0;
  float band = 0;         // germband membership 0..1
  float bandAp = 0;       // 0 head end .. 1 tip, along the germband
  float bandDepth = 0;    // 0 surface .. 1 inner edge of the germband
  float bandEdge = 1e3f;  // px to the germband's inner boundary
  float tipDist = 1e3f;   // px to the centre of the germband tip
  // Segment coordinate on the three frames the trunk passes through (blastoderm,
  // germband, retracted body) with the weight of each at this time and place.
  float segEarly = 0, segBand = 0, segLate = 0;
  float wEarly = 0, wBand = 0, wLate = 0;
  float epidermis = 0;         // late: below the dorsal edge (closed part)
  float poleCell = 0;          // pole-cell cluster membership 0..1
  float vncMember = 0;         // late ventral nerve cord
  float gutMember = 0;         // midgut 0..1
  float brain = 0;             // brain lobes
  float stomodeumDist = 1e3f;  // px to the stomodeum / pharynx
  float tracheaDist = 1e3f;    // px to the dorsal trunk or a branch
};

TissuePoint tissueAt(const Morphology& m, const EmbryoGeometry& g, float x, float y, float depth,
                     float arc);

// Appearance of the tissue at one point: relief height (shaded like DIC optics), extra
// absorbance, and how much of the point the embryo covers (outline notches).
struct TissueLook {
  float height = 0;
  float absorbance = 0;
  float cover = 1;
};

// grain and mottle: unit-variance noise samples at this pixel.
TissueLook lookAt(const Morphology& m, const EmbryoGeometry& g, const TissuePoint& p, float grain,
                  float mottle);

// Smooth helpers shared with the expression patterns.
inline float smooth01(float v) {
  v = v < 0 ? 0 : (v > 1 ? 1 : v);
  return v * v * (3 - 2 * v);
}
inline float ramp(double v, double a, double b) {
  return smooth01(static_cast<float>((v - a) / (b - a)));
}
// Euclidean length; std::hypot guards against overflow at a cost not needed here.
inline float length2d(float a, float b) {
  return std::sqrt(a * a + b * b);
}
// A soft bump of half-width w: 1 at 0, 0 at |d| >= w.
inline float bump(float d, float w) {
  const float u = d / w;
  if (u <= -1 || u >= 1) return 0;
  const float s = 1 - u * u;
  return s * s;
}

}  // namespace flystage::synth
