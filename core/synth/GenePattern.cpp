#include "synth/GenePattern.h"

#include <cmath>

namespace flystage::synth {

namespace {

constexpr float kB = static_cast<float>(EmbryoGeometry::kHalfHeight);
constexpr float kSegments = 15.0f;

// n stripes evenly spaced from first to last on segment coordinate s (half-width hw).
float stripeSet(float s, int n, float first, float last, float hw) {
  const float period = (last - first) / static_cast<float>(n - 1);
  float k = std::round((s - first) / period);
  if (k < 0) k = 0;
  if (k > static_cast<float>(n - 1)) k = static_cast<float>(n - 1);
  return bump(s - (first + k * period), hw);
}

// The same stripes on whichever frames (blastoderm, germband, retracted body) the trunk
// occupies at this time, so stripes travel with the germband.
float framedStripes(const TissuePoint& p, int n, float first, float last, float hw) {
  float v = 0;
  if (p.wEarly > 0) v += p.wEarly * stripeSet(p.segEarly, n, first, last, hw);
  if (p.wBand > 0) v += p.wBand * stripeSet(p.segBand, n, first, last, hw);
  if (p.wLate > 0) v += p.wLate * stripeSet(p.segLate, n, first, last, hw);
  return v;
}

float spot(float x, float y, float cx, float cy, float rx, float ry) {
  const float dx = (x - cx) / rx, dy = (y - cy) / ry;
  return smooth01((1 - std::sqrt(dx * dx + dy * dy)) * 4);
}

// Between x0 and x1 with soft ends.
float span(float x, float x0, float x1) {
  return ramp(x, x0 - 0.05, x0 + 0.05) * (1 - ramp(x, x1 - 0.05, x1 + 0.05));
}

// Neural tissue: the ventral (outer) part of the germband, then the ventral nerve cord.
float neural(const TissuePoint& p) {
  return p.wBand * smooth01((0.6f - p.bandDepth) * 6) + p.vncMember;
}

float tipRing(const Morphology& m, const TissuePoint& p) {
  return bump(p.tipDist - 0.21f * static_cast<float>(m.bandWidth), 3.5f);
}

}  // namespace

std::string genePatternName(GenePattern gene) {
  switch (gene) {
    case GenePattern::kMaternalUbiquitous:
      return "maternal_ubiquitous";
    case GenePattern::kAnteriorGradient:
      return "anterior_gradient";
    case GenePattern::kPolePlasm:
      return "pole_plasm";
    case GenePattern::kPairRule:
      return "pair_rule";
    case GenePattern::kSegmentPolarity:
      return "segment_polarity";
    case GenePattern::kMesoderm:
      return "mesoderm";
    case GenePattern::kNervousSystem:
      return "nervous_system";
    case GenePattern::kEndoderm:
      return "endoderm_midgut";
    case GenePattern::kHeadBrain:
      return "head_brain";
    case GenePattern::kTracheal:
      return "tracheal";
    case GenePattern::kDorsalEctoderm:
      return "dorsal_ectoderm";
    case GenePattern::kNoExpression:
      return "no_expression";
    case GenePattern::kGapCentral:
      return "gap_central";
    case GenePattern::kTerminalHindgut:
      return "terminal_hindgut";
    case GenePattern::kAmnioserosa:
      return "amnioserosa";
    case GenePattern::kCount:
      break;
  }
  return "unknown";
}

float expressionAt(GenePattern gene, const Morphology& m, const TissuePoint& p) {
  const double t = m.t;
  const float x = p.x, y = p.y;
  switch (gene) {
    case GenePattern::kMaternalUbiquitous:
      return 0.08f + 0.92f * (1 - ramp(t, 3.3, 6.3)) * (0.8f + 0.2f * smooth01(1 - p.depth / 20));

    case GenePattern::kAnteriorGradient: {
      float e = 0;
      if (t < 5.3) {
        const float u = (x + 1) / 0.6f;
        e += (1 - ramp(t, 4.3, 5.3)) / (1 + u * u * u);
      }
      if (t > 4.3 && t < 8.7)
        e += ramp(t, 4.3, 5.3) * (1 - ramp(t, 7.5, 8.7)) *
             (smooth01((-0.02f - x) * 5 + 0.5f) + bump(x - 0.72f, 0.07f));
      if (t > 8.5) e += 0.6f * ramp(t, 8.5, 9.8) * (1 - ramp(t, 13.5, 15.5)) * neural(p);
      return e;
    }

    case GenePattern::kPolePlasm: {
      float e = 0;
      if (t < 3)
        e += (1 - ramp(t, 2.0, 3.0)) * smooth01((x - 0.86f) * 12) * smooth01((8 - p.rawDepth) / 3);
      e += ramp(t, 1.8, 2.5) * (1 - ramp(t, 11.5, 12.5)) * p.poleCell;
      if (t > 11.5) e += ramp(t, 11.5, 12.8) * spot(x, y, 0.42f, 0.18f, 0.05f, 0.1f);
      return e;
    }

    case GenePattern::kPairRule: {
      float e = 0;
      if (t > 4.0 && t < 9.2) {
        const float hw = 0.045f - 0.013f * ramp(t, 4.3, 5.0);
        e += ramp(t, 4.0, 4.8) * (1 - ramp(t, 8.0, 9.2)) * framedStripes(p, 7, 0.1f, 0.78f, hw);
      }
      if (t > 9.5 && t < 15.5)
        e += 0.55f * ramp(t, 9.5, 10.5) * (1 - ramp(t, 14.0, 15.5)) * neural(p) *
             framedStripes(p, 14, 0.05f, 0.95f, 0.012f);
      return e;
    }

    case GenePattern::kSegmentPolarity:
      if (t < 7.6) return 0;
      return ramp(t, 7.6, 8.8) * (1 - 0.3f * ramp(t, 14, 17)) *
             framedStripes(p, 14, 0.05f, 0.95f, 0.018f) * (1 - 0.5f * smooth01(y * 1.5f));

    case GenePattern::kMesoderm: {
      float e = 0;
      if (t > 4.2 && t < 7.0 && y < 0)
        e += ramp(t, 4.2, 5.0) * (1 - ramp(t, 6.0, 7.0)) * smooth01((26 - p.depth) / 3) *
             span(x, -0.55f, 0.85f);
      if (t > 6.0 && t < 13.5) {
        float inner = p.wBand * smooth01((p.bandDepth - 0.4f) * 6);
        const float seg = 0.5f + 0.5f * std::cos(6.2831853f * p.segBand * kSegments);
        inner *= 1 - 0.5f * ramp(t, 9.5, 10.5) * seg;
        e += ramp(t, 6.0, 7.0) * (1 - ramp(t, 12.0, 13.5)) * inner;
      }
      if (t > 12 && t < 16.5) {
        const float seg = 0.5f + 0.5f * std::cos(6.2831853f * p.segLate * kSegments);
        const float muscles =
            p.wLate * seg * smooth01((p.depth - 4) / 3) * smooth01((20 - p.depth) / 3);
        e += 0.5f * ramp(t, 12, 13) * (1 - ramp(t, 15, 16.5)) *
             (muscles + 0.8f * bump(p.gutMember - 0.5f, 0.45f));
      }
      return e;
    }

    case GenePattern::kNervousSystem: {
      float e = 0;
      if (t > 8.8 && t < 13) {
        const float early = ramp(t, 8.8, 10.0) * (1 - ramp(t, 12.2, 13.0));
        e += 0.8f * early * p.wBand * smooth01((0.6f - p.bandDepth) * 6);
        e += 0.6f * early * smooth01((-0.5f - x) * 10) * smooth01((22 - p.depth) / 3);
      }
      e += ramp(t, 11.8, 12.8) * p.vncMember;
      e += ramp(t, 11.5, 12.5) * p.brain;
      return e;
    }

    case GenePattern::kEndoderm: {
      float e = 0;
      if (t > 4.3 && t < 7.5)
        e += ramp(t, 4.3, 5.0) * (1 - ramp(t, 6.5, 7.5)) *
             (smooth01((x - 0.74f) * 10) * smooth01((16 - p.rawDepth) / 3) +
              0.7f * smooth01((-0.8f - x) * 10) * smooth01((0.1f - y) * 10));
      if (t > 6.5 && t < 13) {
        const float tip = smooth01(1.2f - p.tipDist / (0.6f * static_cast<float>(m.bandWidth)));
        e += ramp(t, 6.5, 7.3) * (1 - ramp(t, 12.0, 13.0)) *
             (tip + spot(x, y, -0.6f, -0.3f, 0.12f, 0.3f));
      }
      if (t > 12) {  // the midgut, cut into chambers by its constrictions
        float lobes = 1;
        for (float xc : {-0.2f, 0.08f, 0.32f})
          lobes -= 0.7f * static_cast<float>(m.gutConstriction) * bump(x - xc, 0.05f);
        e += ramp(t, 12.0, 13.2) * p.gutMember * std::max(0.0f, lobes);
      }
      return e;
    }

    case GenePattern::kHeadBrain: {
      float e = 0;
      if (t > 3.8 && t < 8.5)
        e += ramp(t, 3.8, 4.6) * (1 - ramp(t, 7.5, 8.5)) * span(x, -0.88f, -0.58f);
      if (t > 7.5 && t < 13)
        e += ramp(t, 7.5, 8.5) * (1 - ramp(t, 12, 13)) * smooth01((-0.5f - x) * 10) *
             smooth01((22 - p.depth) / 3);
      e += ramp(t, 11.5, 12.5) * p.brain;
      return e;
    }

    case GenePattern::kTracheal: {
      float e = 0;
      if (t > 9.8 && t < 13.2 && p.wBand > 0) {
        const float ph = p.segBand * kSegments - 0.5f;
        const float k = std::round(ph);
        if (k >= 3 && k <= 12) {
          const float along = (ph - k) * static_cast<float>(m.bandLengthPx) / kSegments;
          const float across = p.depth - 0.5f * static_cast<float>(m.bandWidth);
          e += ramp(t, 9.8, 10.6) * (1 - ramp(t, 12.2, 13.2)) * p.wBand *
               smooth01(1.3f - length2d(along, across) / 5.5f);
        }
      }
      if (t > 12.2 && t < 15 && p.wLate > 0) {
        const float ph = p.segLate * kSegments - 0.5f;
        const float k = std::round(ph);
        if (k >= 3 && k <= 12) {
          const float along = (ph - k) * 1.45f * 160.0f / kSegments;
          const float across = (y - 0.1f) * kB;
          e += ramp(t, 12.2, 13.0) * (1 - ramp(t, 14, 15)) * p.wLate *
               smooth01(1.3f - length2d(along, across) / 5.5f);
        }
      }
      if (t > 13.8) e += ramp(t, 13.8, 15) * smooth01(1.5f - p.tracheaDist / 2);
      return e;
    }

    case GenePattern::kDorsalEctoderm: {
      float e = 0;
      if (t > 3.6 && t < 7.8 && y > 0)
        e += ramp(t, 3.6, 4.4) * (1 - ramp(t, 6.8, 7.8)) * smooth01((30 - p.depth) / 3) *
             span(x, -0.65f, 0.9f);
      if (t > 7.0 && t < 13 && p.depth > 3)
        e += ramp(t, 7.0, 8.0) * (1 - ramp(t, 12.0, 13.0)) * bump(p.bandEdge - 1.5f, 6.0f);
      if (t > 12.0 && t < 16)
        e += ramp(t, 12.0, 12.8) * (1 - ramp(t, 15.0, 16.0)) * span(x, -0.45f, 0.83f) *
             bump((y - dorsalEdgeAt(m, x)) * kB + 3, 6.0f);
      if (t > 13)  // visceral mesoderm patches on the midgut
        e += 0.7f * ramp(t, 13, 14) * p.gutMember *
             (spot(x, y, 0.08f, 0.3f, 0.07f, 0.16f) + spot(x, y, -0.2f, 0.25f, 0.06f, 0.14f));
      return e;
    }

    case GenePattern::kNoExpression:
      return 0;

    case GenePattern::kGapCentral: {
      float e = 0;
      if (t > 3.5 && t < 8.0) {
        const float early = smooth01((x + 0.12f) * 14) * smooth01((0.24f - x) * 14);
        const float band = smooth01((p.segBand - 0.3f) * 14) * smooth01((0.55f - p.segBand) * 14);
        e += ramp(t, 3.5, 4.3) * (1 - ramp(t, 7.0, 8.0)) * (p.wEarly * early + p.wBand * band);
      }
      if (t > 9.5 && t < 15)
        e += 0.6f * ramp(t, 9.5, 10.5) * (1 - ramp(t, 14, 15)) * neural(p) *
             framedStripes(p, 14, 0.05f, 0.95f, 0.012f);
      if (t > 12) e += ramp(t, 12.0, 13.0) * spot(x, y, 0.45f, 0.28f, 0.18f, 0.07f);
      return e;
    }

    case GenePattern::kTerminalHindgut: {
      float e = 0;
      if (t > 3.4 && t < 7.5)
        e += ramp(t, 3.4, 4.2) * (1 - ramp(t, 6.5, 7.5)) *
             (smooth01((x - 0.72f) * 10) + 0.6f * smooth01((-0.84f - x) * 10));
      if (t > 6.8 && t < 13) e += ramp(t, 6.8, 7.6) * (1 - ramp(t, 12.0, 13.0)) * tipRing(m, p);
      if (t > 8.5) e += ramp(t, 8.5, 9.5) * bump(p.stomodeumDist, 5.0f);
      if (t > 12) {  // hindgut: a thick tube curving up from the posterior end
        const float r = length2d((x - 0.66f) / 0.2f, (y - 0.1f) / 0.3f);
        e += ramp(t, 12.0, 13.0) * bump(r - 1, 0.45f) * smooth01((x - 0.55f) * 8);
      }
      return e;
    }

    case GenePattern::kAmnioserosa: {
      float e = 0;
      if (t > 3.4 && t < 7.5 && y > 0) {
        const float width = 40 - 12 * ramp(t, 4.5, 5.5);
        e += ramp(t, 3.4, 4.2) * (1 - ramp(t, 6.5, 7.5)) * smooth01((width - p.depth) / 3) *
             span(x, -0.7f, 0.9f);
      }
      if (t > 6.8 && t < 12.6 && y > 0.2f)
        e += ramp(t, 6.8, 7.8) * (1 - ramp(t, 12.0, 12.6)) * (1 - p.band) *
             smooth01((30 - p.depth) / 4) * ramp(x, -0.45, -0.35);
      if (t > 12.0 && t < 15.4)
        e += ramp(t, 12.0, 12.6) * (1 - ramp(t, 14.8, 15.4)) *
             smooth01(((y - dorsalEdgeAt(m, x)) * kB - 1) / 2) * span(x, -0.42f, 0.83f);
      return e;
    }

    case GenePattern::kCount:
      break;
  }
  return 0;
}

}  // namespace flystage::synth
