#include "synth/Morphology.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

namespace flystage::synth {

namespace {

constexpr float kTwoPi = 6.2831853f;
constexpr float kA = static_cast<float>(EmbryoGeometry::kHalfLength);
constexpr float kB = static_cast<float>(EmbryoGeometry::kHalfHeight);

// Segment boundaries of the trunk: 3 gnathal + 3 thoracic + 9 abdominal segments.
constexpr float kSegments = 15.0f;

double piecewise(double t, std::initializer_list<std::pair<double, double>> knots) {
  auto prev = *knots.begin();
  if (t <= prev.first) return prev.second;
  for (const auto& k : knots) {
    if (t <= k.first) {
      const double f = (t - prev.first) / (k.first - prev.first);
      return prev.second + f * (k.second - prev.second);
    }
    prev = k;
  }
  return prev.second;
}

float clamp01(float v) {
  return v < 0 ? 0 : (v > 1 ? 1 : v);
}

// Signed distance of v to the nearest integer, in (-0.5, 0.5].
float fracDist(float v) {
  return v - std::floor(v + 0.5f);
}

float segmentDistance(float px, float py, double x0, double y0, double x1, double y1) {
  const float dx = static_cast<float>(x1 - x0), dy = static_cast<float>(y1 - y0);
  const float len2 = dx * dx + dy * dy;
  float f = len2 > 0
                ? ((px - static_cast<float>(x0)) * dx + (py - static_cast<float>(y0)) * dy) / len2
                : 0;
  f = clamp01(f);
  return length2d(px - static_cast<float>(x0) - f * dx, py - static_cast<float>(y0) - f * dy);
}

// Late-frame x of the head end of the segmented trunk: moves back as the head involutes.
float lateHeadX(const Morphology& m) {
  return static_cast<float>(-0.52 + 0.05 * m.headSkeleton);
}
constexpr float kLateTailX = 0.93f;

}  // namespace

double morphologicalTime(double t) {
  // Range borders in t: 1-3 | 4-6 | 7-8 | 9-10 | 11-12 | 13-17.
  static constexpr double kBorders[] = {0, 3, 6, 8, 10, 12, 17};
  constexpr double kPace = 0.7;  // 1 + kPace: relative speed at a border, 1 - kPace: mid-range
  constexpr double kTwoPiD = 6.283185307179586;
  for (int i = 0; i + 1 < 7; ++i) {
    const double a = kBorders[i], b = kBorders[i + 1];
    if (t < b || i + 2 == 7) {
      const double u = std::clamp((t - a) / (b - a), 0.0, 1.0);
      return a + (b - a) * (u + kPace * std::sin(kTwoPiD * u) / kTwoPiD);
    }
  }
  return t;
}

Morphology morphologyAt(double stageTime, const EmbryoGeometry& g, SynthRandom& rng) {
  const double t = morphologicalTime(stageTime);
  Morphology m;
  m.t = t;
  // Each group of landmarks runs on its own slightly shifted clock: embryos of one stage
  // differ a little in how far each process has gone.
  const double tb = t + 0.12 * rng.normal();  // blastoderm
  const double tg = t + 0.15 * rng.normal();  // gastrulation, germband
  const double ts = t + 0.15 * rng.normal();  // segmentation, retraction, closure
  const double tl = t + 0.17 * rng.normal();  // late organs

  // Stage 2: the cytoplasm withdraws from the poles; the blastoderm refills them by stage 4,
  // the pole cells fill the posterior space first (stage 3).
  const double polar = ramp(tb, 0.8, 1.5) * (1 - ramp(tb, 2.4, 3.5));
  m.anteriorGap = polar * rng.uniform(6, 11);
  m.anteriorGapArc = 0;
  m.anteriorGapWidth = 0.045;
  m.posteriorGap = polar * rng.uniform(6, 11) * (1 - ramp(tb, 1.9, 2.7));
  // Head involution: the head pulls back from the anterior vitelline membrane.
  const double headBack = ramp(tl, 12.6, 16.6);
  if (headBack > 0) {
    m.anteriorGap = headBack * rng.uniform(9, 15);
    m.anteriorGapArc = 0.985;
    m.anteriorGapWidth = 0.075;
  }

  m.grain = 1.0 - 0.3 * ramp(tl, 12, 17);
  m.cortex = 3.5 * ramp(tb, 2.5, 3.5) + 8.0 * ramp(tb, 3.9, 5.0) + rng.uniform(-0.6, 0.6);
  m.cortexVisible = ramp(tb, 2.4, 3.3) * (1 - ramp(tg, 6.0, 7.2));
  m.striation = ramp(tb, 3.8, 4.7) * (1 - ramp(tg, 5.8, 7.0));

  m.ventralFurrow = ramp(tg, 5.1, 5.7) * (1 - ramp(tg, 6.6, 7.6));
  m.cephalicFurrow = ramp(tg, 5.2, 6.0) * (1 - ramp(tg, 9.8, 11.2));
  const double cephalicDorsalX = -0.30 + 0.03 * rng.normal();
  const double cephalicVentralX = cephalicDorsalX - 0.09 + 0.02 * rng.normal();
  m.cephalicX0 = cephalicDorsalX * kA;
  m.cephalicY0 = EmbryoGeometry::dorsalY(cephalicDorsalX) * kB;
  m.cephalicX1 = cephalicVentralX * kA;
  m.cephalicY1 = EmbryoGeometry::ventralY(cephalicVentralX) * kB;
  m.dorsalFolds = ramp(tg, 6.2, 6.9) * (1 - ramp(tg, 8.3, 9.3));

  // Germband extension (stages 7-10) and retraction (stage 12), as a fraction of the
  // farthest reach of the tip along the dorsal side.
  m.extension = piecewise(tg, {{6.0, 0.0},
                               {6.6, 0.08},
                               {7.0, 0.20},
                               {7.5, 0.45},
                               {8.0, 0.70},
                               {9.0, 0.90},
                               {10.0, 1.0},
                               {11.0, 0.96},
                               {11.4, 0.80},
                               {12.0, 0.10},
                               {12.3, 0.0}});
  m.headArc = g.arcAtX(-0.42, false);
  const double maxArc = g.arcAtX(std::clamp(-0.12 + 0.05 * rng.normal(), -0.25, 0.0), true);
  m.tipArc = g.posteriorArc + m.extension * (maxArc - g.posteriorArc);
  m.bandWidth = std::clamp(24.0 + 2.0 * rng.normal(), 19.0, 29.0);
  m.bandLengthPx = (m.tipArc - m.headArc) * g.perimeter;
  m.germband = ramp(tg, 6.1, 6.9) * (1 - ramp(ts, 12.2, 12.9));
  m.tipCurl = ramp(tg, 6.6, 7.6) * (1 - ramp(ts, 11.2, 12.4));
  m.stomodeum = ramp(tg, 8.2, 9.6);

  m.poleCells = ramp(tb, 1.8, 2.5) * (1 - ramp(tg, 8.5, 10.0));
  m.poleCellArc = m.tipArc;
  m.poleCellDepth = 3 + 9 * ramp(tg, 6.8, 8.5);

  m.segments = ramp(ts, 10.1, 11.3);
  m.segmentsOnBand = 1 - ramp(ts, 11.9, 12.5);
  m.dorsalEdge = ramp(ts, 11.9, 12.6) * (1 - ramp(ts, 14.7, 15.3));
  m.dorsalEdgeY = -0.05 + 1.05 * std::clamp((ts - 12.2) / 2.8, 0.0, 1.0);
  m.headSkeleton = ramp(tl, 13.3, 15.3);

  m.vnc = ramp(tl, 11.8, 13.2);
  m.vncEnd = 0.88 - 0.28 * ramp(tl, 14.5, 16.0) - 0.30 * ramp(tl, 16.0, 17.0);
  m.gut = ramp(tl, 12.4, 13.8);
  m.gutConstriction = ramp(tl, 14.4, 15.8);
  m.gutConvolution = ramp(tl, 15.4, 16.8);
  m.trachea = ramp(tl, 14.8, 16.0);
  m.tracheaAir = ramp(tl, 16.1, 16.9);
  m.cuticle = ramp(tl, 15.5, 16.9);

  // Stomodeum: from the mouth on the anterior-ventral outline inward, deepening into the
  // pharynx; head involution carries the mouth forward and in.
  const double mouthX = -0.74 - 0.06 * m.headSkeleton;
  m.stomodeumX0 = mouthX * kA;
  m.stomodeumY0 = EmbryoGeometry::ventralY(mouthX) * kB + 3 * m.headSkeleton;
  const double len = 6 + 16 * m.stomodeum + 10 * m.headSkeleton;
  m.stomodeumX1 = m.stomodeumX0 + len * 0.55;
  m.stomodeumY1 = m.stomodeumY0 + len * 0.83;
  return m;
}

float dorsalEdgeAt(const Morphology& m, float x) {
  // The leading edge bulges dorsally in the middle of the embryo.
  return static_cast<float>(m.dorsalEdgeY) + 0.06f * (1 - 4 * (x - 0.2f) * (x - 0.2f));
}

TissuePoint tissueAt(const Morphology& m, const EmbryoGeometry& g, float x, float y, float depth,
                     float arc) {
  TissuePoint p;
  p.x = x;
  p.y = y;
  p.rawDepth = depth;
  p.arc = arc;
  const float perimeter = static_cast<float>(g.perimeter);
  float gap = 0;
  if (m.anteriorGap > 0)
    gap += static_cast<float>(m.anteriorGap) *
           bump(static_cast<float>(EmbryoGeometry::arcDelta(arc, m.anteriorGapArc)),
                static_cast<float>(m.anteriorGapWidth));
  if (m.posteriorGap > 0)
    gap += static_cast<float>(m.posteriorGap) *
           bump(static_cast<float>(EmbryoGeometry::arcDelta(arc, g.posteriorArc)), 0.05f);
  p.depth = depth - gap;

  // Germband: a band of bandWidth px under the outline from headArc to tipArc, with a
  // rounded tip, fading into the head.
  const float half = static_cast<float>(m.bandWidth) / 2;
  const float along = (arc - static_cast<float>(m.headArc)) * perimeter;
  const float len = static_cast<float>(m.bandLengthPx);
  const float v = p.depth - half;
  float sd;
  if (along > len - half) {
    const float u = along - (len - half);
    p.tipDist = length2d(u, v);
    sd = p.tipDist - half;
  } else if (along < 0) {
    sd = std::abs(v) - half - 0.5f * along;
  } else {
    sd = std::abs(v) - half;
  }
  p.bandEdge = sd;
  p.band = smooth01(0.5f - sd / 2);
  p.bandAp = clamp01(along / len);
  p.bandDepth = clamp01(p.depth / static_cast<float>(m.bandWidth));

  const float frameEarly = 1 - ramp(m.t, 5.9, 6.9);
  const float frameLate = ramp(m.t, 11.9, 12.5);
  const float frameBand = std::max(0.0f, 1 - frameEarly - frameLate);
  const float headX = lateHeadX(m);
  p.segEarly = (x + 0.55f) / 1.5f + 0.03f * y;
  p.segBand = p.bandAp;
  p.segLate = (x - headX) / (kLateTailX - headX) + 0.02f * y + 0.025f * y * y;
  p.epidermis = frameLate > 0 ? smooth01((dorsalEdgeAt(m, x) - y) * kB / 2 + 0.5f) : 0.0f;
  p.wEarly = frameEarly;
  p.wBand = frameBand * p.band;
  p.wLate = frameLate * p.epidermis;

  {
    const float u = static_cast<float>(EmbryoGeometry::arcDelta(arc, m.poleCellArc)) * perimeter;
    const float w = depth - static_cast<float>(m.poleCellDepth);
    p.poleCell = smooth01(1.2f - length2d(u, w) / 11.0f);
  }
  if (m.t > 11) {
    if (arc < g.posteriorArc && x > -0.65f) {
      const float vncEnd = static_cast<float>(m.vncEnd);
      p.vncMember = ramp(x, -0.62, -0.52) * (1 - ramp(x, vncEnd - 0.04, vncEnd + 0.04)) *
                    smooth01((15 - p.depth) / 2) * smooth01((p.depth - 1.5f) / 1.5f);
    }
    const float gx = (x - 0.05f) / 0.5f, gy = (y - 0.12f) / 0.40f;
    p.gutMember = smooth01((1 - std::sqrt(gx * gx + gy * gy)) * 12);
  }
  if (m.t > 9) {
    const float bx = (x - (-0.62f + 0.10f * static_cast<float>(m.headSkeleton))) / 0.15f;
    const float by = (y - 0.2f) / 0.35f;
    // Two overlapping lobes rather than one disc.
    const float upper = length2d(bx + 0.1f, (by - 0.35f) * 1.3f);
    const float lower = length2d(bx - 0.2f, (by + 0.3f) * 1.2f);
    p.brain = smooth01((1 - std::min(upper, lower)) * 4);
  }
  if (m.stomodeum > 0)
    p.stomodeumDist =
        segmentDistance(x * kA, y * kB, m.stomodeumX0, m.stomodeumY0, m.stomodeumX1, m.stomodeumY1);
  if (m.t > 13.5 && x > -0.55f && x < 0.88f) {
    const float trunkY = 0.36f + 0.12f * (1 - x * x) + 0.025f * std::sin(40 * x);
    float d = std::abs(y - trunkY) * kB;
    if (y < trunkY && y > trunkY - 0.18f) {
      const float segLen = (kLateTailX - headX) * kA / kSegments;
      d = std::min(d, std::abs(fracDist(p.segLate * kSegments)) * segLen);
    }
    p.tracheaDist = d;
  }
  return p;
}

TissueLook lookAt(const Morphology& m, const EmbryoGeometry& g, const TissuePoint& p, float grain,
                  float mottle) {
  float h = 0.7f * smooth01(p.rawDepth / 5) + 0.7f * smooth01(p.depth / 5);
  float a = 0;
  float notch = 0;
  float grainAmp = 0.22f * static_cast<float>(m.grain);
  const float x = p.x, y = p.y;

  if (p.depth < 0 && p.rawDepth > 0) {  // clear space between membrane and embryo
    const float clear = smooth01(-p.depth / 2);
    a -= 0.22f * clear;
    grainAmp *= 1 - 0.9f * clear;
  }
  if (m.cortexVisible > 0) {
    const float vis = static_cast<float>(m.cortexVisible);
    const float cortex = static_cast<float>(m.cortex);
    const float inLayer = smooth01((cortex - p.depth) / 1.5f) * smooth01(p.depth / 1.5f);
    a -= 0.12f * vis * inLayer;
    grainAmp *= 1 - 0.7f * vis * inLayer;
    h -= 0.8f * vis * bump(p.depth - cortex, 2.0f);
    if (m.striation > 0)
      h += 0.25f * static_cast<float>(m.striation) * inLayer *
           std::cos(kTwoPi * p.arc * static_cast<float>(g.perimeter) / 3.2f);
  }
  if (m.poleCells > 0 && p.poleCell > 0) {
    // A cluster of round cells: bumps on a hexagonal-ish lattice in outline coordinates.
    const float s = static_cast<float>(m.poleCells) * p.poleCell;
    const float u = static_cast<float>(EmbryoGeometry::arcDelta(p.arc, m.poleCellArc)) *
                    static_cast<float>(g.perimeter);
    const float w = p.rawDepth;
    const float cells = std::cos(kTwoPi * u / 5.0f) * std::cos(kTwoPi * (w + 0.5f * u) / 5.0f);
    h += s * (1.2f * cells + 0.3f * mottle);
    a += s * (0.10f + 0.06f * cells);
  }
  if (m.ventralFurrow > 0 && y < 0) {
    const float env = ramp(x, -0.6, -0.5) * (1 - ramp(x, 0.65, 0.8));
    h -= 0.6f * static_cast<float>(m.ventralFurrow) * env * bump(p.depth - 9, 2.2f);
  }
  if (m.cephalicFurrow > 0) {
    const float d =
        segmentDistance(x * kA, y * kB, m.cephalicX0, m.cephalicY0, m.cephalicX1, m.cephalicY1);
    const float cf = static_cast<float>(m.cephalicFurrow);
    const float surface = 1 - ramp(p.depth, 4, 20);
    h -= 0.9f * cf * bump(d, 2.2f) * (0.2f + 0.8f * surface);
    a += 0.05f * cf * bump(d, 2.2f);
    notch = std::max(notch, 6 * cf * bump(d, 4.5f));
  }
  if (m.dorsalFolds > 0 && y > 0) {
    const float df = static_cast<float>(m.dorsalFolds);
    const float deep = 1 - ramp(p.depth, 8, 26);
    for (float xf : {-0.06f, 0.16f}) {
      const float d = (x - xf - 0.05f * (1 - y)) * kA;
      h -= 0.7f * df * deep * bump(d, 1.8f);
      notch = std::max(notch, 3 * df * bump(d, 3.5f));
    }
  }
  if (m.germband > 0 && p.depth > 3) {
    const float gb = static_cast<float>(m.germband);
    h -= 1.0f * gb * bump(p.bandEdge, 2.0f);
    a += 0.06f * gb * p.band;
    grainAmp *= 1 - 0.35f * gb * p.band;  // packed cells: finer than the yolk
  }
  if (m.tipCurl > 0 && p.tipDist < 100)
    h -= 0.6f * static_cast<float>(m.tipCurl) *
         bump(p.tipDist - 0.42f * static_cast<float>(m.bandWidth) / 2, 1.6f);
  if (m.stomodeum > 0) {
    const float st = static_cast<float>(m.stomodeum);
    h -= 0.8f * st * bump(p.stomodeumDist, 2.0f);
    const float mouth = length2d(x * kA - static_cast<float>(m.stomodeumX0),
                                 y * kB - static_cast<float>(m.stomodeumY0));
    notch = std::max(notch, 3 * st * bump(mouth, 4.0f));
  }
  if (m.segments > 0) {
    const float sg = static_cast<float>(m.segments);
    if (p.wBand > 0 && p.depth > 1.5f) {
      const float ph = p.segBand * kSegments;
      if (ph > 0.5f && ph < kSegments - 0.5f) {
        const float d = fracDist(ph) * static_cast<float>(m.bandLengthPx) / kSegments;
        h -= 0.55f * sg * p.wBand * bump(d, 1.6f);
      }
    }
    if (p.wLate > 0) {
      const float ph = p.segLate * kSegments;
      if (ph > 0.5f && ph < kSegments - 0.5f) {
        const float d = fracDist(ph) * (kLateTailX - lateHeadX(m)) * kA / kSegments;
        h -= 0.4f * sg * p.wLate * bump(d, 1.6f) * (1 - 0.8f * ramp(p.depth, 6, 30));
        if (y < 0) notch = std::max(notch, 1.6f * sg * p.wLate * bump(d, 2.5f));
      }
    }
  }
  if (m.dorsalEdge > 0) {
    const float env = ramp(x, -0.5, -0.4) * (1 - ramp(x, 0.78, 0.88));
    const float de = static_cast<float>(m.dorsalEdge) * env;
    const float dy = (y - dorsalEdgeAt(m, x)) * kB;
    h -= 0.7f * de * bump(dy, 1.8f);
    const float above = smooth01(dy / 3);  // amnioserosa: thin, smooth, lighter
    a -= 0.05f * de * above;
    grainAmp *= 1 - 0.5f * de * above;
  }
  if (m.headSkeleton > 0) {
    const float d = segmentDistance(x * kA, y * kB, -0.74 * kA, 0.22 * kB, -0.5 * kA, -0.1 * kB);
    h -= 0.55f * static_cast<float>(m.headSkeleton) * bump(d, 1.6f);
  }
  if (m.vnc > 0 && p.vncMember > 0) {
    const float vn = static_cast<float>(m.vnc);
    a += 0.05f * vn * p.vncMember *
         (1 + 0.4f * std::cos(kTwoPi * p.segLate * kSegments));  // ganglia
    h -= 0.55f * vn * bump(p.depth - 15, 1.8f) * smooth01(p.vncMember * 4 + 0.5f);
  }
  if (m.gut > 0 && p.gutMember > 0) {
    const float gm = p.gutMember;
    a += 0.06f * static_cast<float>(m.gut) * gm;
    h -= 0.5f * static_cast<float>(m.gut) * bump(gm - 0.5f, 0.45f);
    if (m.gutConstriction > 0)
      for (float xc : {-0.2f, 0.08f, 0.32f})
        h -= 0.6f * static_cast<float>(m.gutConstriction) * gm * bump((x - xc) * kA, 1.8f);
    if (m.gutConvolution > 0) {
      const float q =
          std::sin(9 * x + 2.5f * std::sin(7 * y)) + 0.6f * std::sin(11 * y - 3 * x + 1);
      h -= 0.45f * static_cast<float>(m.gutConvolution) * gm * bump(q, 0.22f);
    }
  }
  if (m.trachea > 0 && p.tracheaDist < 4) {
    h -= 0.25f * static_cast<float>(m.trachea) * bump(p.tracheaDist, 1.3f);
    a += (0.06f * static_cast<float>(m.trachea) + 0.4f * static_cast<float>(m.tracheaAir)) *
         bump(p.tracheaDist, 1.2f);
  }
  if (m.cuticle > 0) a -= 0.05f * static_cast<float>(m.cuticle) * (1 - ramp(p.depth, 1, 3));

  h += grainAmp * grain;
  a += 0.035f * mottle;
  TissueLook look;
  look.height = h;
  look.absorbance = a;
  look.cover = clamp01(p.rawDepth - notch + 0.5f);
  return look;
}

}  // namespace flystage::synth
