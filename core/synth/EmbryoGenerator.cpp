#include "synth/EmbryoGenerator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <opencv2/imgproc.hpp>

#include "data/Stage.h"
#include "synth/EmbryoGeometry.h"
#include "synth/GenePattern.h"
#include "synth/Morphology.h"
#include "synth/NoiseTexture.h"
#include "synth/SynthRandom.h"

namespace flystage {

namespace {

using synth::EmbryoGeometry;
using synth::NoiseTexture;
using synth::SynthRandom;

constexpr int kStandardWidth = 320;  // the standardized crop of the paper: 128 x 320
constexpr int kStandardHeight = 128;
constexpr double kPi = 3.141592653589793;

struct Scratch {
  cv::Mat1f height, absorb, cover, stain;
  cv::Mat4f premult, placed;
  cv::Mat3f image;
};

// Imaging conditions drawn per picture.
struct Imaging {
  cv::Vec3f body;       // RGB of unstained tissue
  cv::Vec3f stainOd;    // optical density per unit stain, RGB
  float stainGain = 1;  // how strongly this hybridization worked
  float stainBackground = 0;
  float relief = 0.2f;   // strength of the DIC-like relief shading
  cv::Vec3f background;  // RGB
  double blurSigma = 0.5;
  float noiseSigma = 2;
  float vignette = 0;
  int debris = 0;
};

Imaging drawImaging(SynthRandom& rng, bool standardized, bool expressed) {
  Imaging im;
  const float bright = static_cast<float>(rng.uniform(0.9, 1.04));
  if (rng.chance(0.12)) {  // a second imaging setup with a brownish cast
    im.body = cv::Vec3f(200, 196, 176) * bright;
    im.stainOd = cv::Vec3f(0.55f, 0.68f, 0.95f) * static_cast<float>(rng.uniform(0.85, 1.1));
  } else {
    im.body = cv::Vec3f(202, 200, 216) * bright;
    im.stainOd = cv::Vec3f(static_cast<float>(rng.normal(1.0, 0.06)),
                           static_cast<float>(rng.normal(0.93, 0.06)),
                           static_cast<float>(std::max(0.05, rng.normal(0.2, 0.05))));
  }
  for (int c = 0; c < 3; ++c) im.body[c] += static_cast<float>(rng.normal(0, 3));
  im.stainGain = static_cast<float>(rng.uniform(0.55, 1.25));
  im.stainBackground = static_cast<float>(rng.uniform(0, expressed ? 0.1 : 0.05));
  im.relief = static_cast<float>(rng.uniform(0.16, 0.28));
  if (standardized) {
    const float white = static_cast<float>(rng.uniform(250, 255));
    im.background = cv::Vec3f(white, white, white);
    im.blurSigma = rng.uniform(0.3, 0.8);
    im.vignette = static_cast<float>(rng.uniform(0, 0.03));
    im.debris = rng.index(3);
  } else {
    const float grey = static_cast<float>(rng.uniform(232, 246));
    im.background =
        cv::Vec3f(grey, grey, std::min(255.0f, grey + static_cast<float>(rng.uniform(2, 12))));
    im.blurSigma = rng.uniform(0.4, 1.1);
    im.vignette = static_cast<float>(rng.uniform(0, 0.1));
    im.debris = rng.index(5);
  }
  im.noiseSigma = static_cast<float>(rng.uniform(0.5, 2.0));
  return im;
}

// Maps canonical grid pixels to output pixels: scale, rotation about the embryo's centre,
// optional mirror, translation.
cv::Mat placement(SynthRandom& rng, const SynthImaging& imaging, cv::Size out) {
  double sx, sy, angle, dx, dy;
  bool mirror = false;
  if (imaging.standardized) {
    // The standardizer fits the embryo's box to the crop, so little varies here.
    sx = rng.uniform(0.955, 1.0);
    sy = rng.uniform(0.94, 1.0);
    angle = rng.uniform(-1.5, 1.5);
    dx = rng.uniform(-2, 2);
    dy = rng.uniform(-1.5, 1.5);
  } else {
    const double aspect = rng.uniform(2.3, 2.75);
    const double length = 0.66 * out.width * (1 + imaging.scaleJitter * rng.uniform(-1, 1));
    sx = length / (2 * EmbryoGeometry::kHalfLength);
    sy = sx * 2.5 / aspect;
    angle = rng.uniform(-imaging.maxRotationDegrees, imaging.maxRotationDegrees);
    const double orient = rng.uniform();
    if (orient < 0.1) {
      mirror = true;  // seen from the other side: anterior right
    } else if (orient < 0.2) {
      angle += 180;  // anterior right, dorsal down
    }
    const double rad = angle * kPi / 180;
    const double a = EmbryoGeometry::kHalfLength * sx, b = EmbryoGeometry::kHalfHeight * sy;
    double hx = std::abs(a * std::cos(rad)) + std::abs(b * std::sin(rad));
    double hy = std::abs(a * std::sin(rad)) + std::abs(b * std::cos(rad));
    const double fit = std::min({1.0, 0.46 * out.width / hx, 0.45 * out.height / hy});
    sx *= fit;
    sy *= fit;
    hx *= fit;
    hy *= fit;
    dx = rng.uniform(-1, 1) * std::max(0.0, 0.47 * out.width - hx) * 0.7;
    dy = rng.uniform(-1, 1) * std::max(0.0, 0.47 * out.height - hy) * 0.7;
  }
  const double rad = angle * kPi / 180;
  const double c = std::cos(rad), s = std::sin(rad);
  const double mx = mirror ? -sx : sx;
  // Output = R * S * (p - centre_in) + centre_out, with y pointing down in both; a positive
  // angle turns the embryo counter-clockwise on screen.
  const double m00 = c * mx, m01 = s * sy, m10 = -s * mx, m11 = c * sy;
  const double cxIn = EmbryoGeometry::kCenterX - 0.5, cyIn = EmbryoGeometry::kCenterY - 0.5;
  const double cxOut = out.width / 2.0 - 0.5 + dx, cyOut = out.height / 2.0 - 0.5 + dy;
  cv::Mat m = (cv::Mat_<double>(2, 3) << m00, m01, cxOut - m00 * cxIn - m01 * cyIn, m10, m11,
               cyOut - m10 * cxIn - m11 * cyIn);
  return m;
}

}  // namespace

EmbryoGenerator::EmbryoGenerator(SynthImaging imaging) : imaging_(imaging) {
  if (!imaging_.standardized && (imaging_.width < 64 || imaging_.height < 32))
    throw std::invalid_argument("SynthImaging canvas must be at least 64 x 32 pixels");
  if (imaging_.maxRotationDegrees < 0 || imaging_.maxRotationDegrees > 180)
    throw std::invalid_argument("SynthImaging.maxRotationDegrees must be within 0..180");
  if (imaging_.scaleJitter < 0 || imaging_.scaleJitter > 0.5)
    throw std::invalid_argument("SynthImaging.scaleJitter must be within 0..0.5");
}

int EmbryoGenerator::numGenes() {
  return synth::kNumGenePatterns;
}

std::string EmbryoGenerator::geneName(int geneIndex) {
  if (geneIndex < 0 || geneIndex >= numGenes())
    throw std::invalid_argument("gene index " + std::to_string(geneIndex) + " out of 0.." +
                                std::to_string(numGenes() - 1));
  return synth::genePatternName(static_cast<synth::GenePattern>(geneIndex));
}

cv::Mat EmbryoGenerator::render(int stage, int geneIndex, std::uint64_t seed) const {
  if (!isValidStage(stage))
    throw std::invalid_argument("stage " + std::to_string(stage) + " is not in 1..17");
  const auto gene = static_cast<synth::GenePattern>(geneIndex);
  geneName(geneIndex);  // validates the index

  const auto& g = EmbryoGeometry::instance();
  SynthRandom rng(synth::mixSeed(synth::mixSeed(seed, static_cast<std::uint64_t>(stage)),
                                 static_cast<std::uint64_t>(geneIndex)));
  // Uniform inside the stage's interval: neighbouring stages meet at their border.
  const double t = synth::stageStartTime(stage) + rng.uniform();
  const synth::Morphology m = synth::morphologyAt(t, g, rng);
  const bool expressed = gene != synth::GenePattern::kNoExpression;
  const Imaging im = drawImaging(rng, imaging_.standardized, expressed);

  const auto& grainTex = NoiseTexture::get(NoiseTexture::Kind::kGrain);
  const auto& mottleTex = NoiseTexture::get(NoiseTexture::Kind::kMottle);
  const auto& blotchTex = NoiseTexture::get(NoiseTexture::Kind::kBlotch);
  const int gx = rng.index(NoiseTexture::kSize), gy = rng.index(NoiseTexture::kSize);
  const int mx = rng.index(NoiseTexture::kSize), my = rng.index(NoiseTexture::kSize);
  const int sx = rng.index(NoiseTexture::kSize), sy = rng.index(NoiseTexture::kSize);
  const int bx = rng.index(NoiseTexture::kSize), by = rng.index(NoiseTexture::kSize);

  // Pass 1 on the canonical grid: relief, absorbance, cover and stain per pixel.
  constexpr int W = EmbryoGeometry::kWidth, H = EmbryoGeometry::kHeight;
  // Per-thread scratch images: allocating them for every picture costs more than filling.
  thread_local Scratch scratch;
  cv::Mat1f& height = scratch.height;
  cv::Mat1f& absorb = scratch.absorb;
  cv::Mat1f& cover = scratch.cover;
  cv::Mat1f& stain = scratch.stain;
  for (cv::Mat1f* mat : {&height, &absorb, &cover, &stain}) {
    mat->create(H, W);
    mat->setTo(0.0f);
  }
  for (int r = 0; r < H; ++r) {
    const float* xs = g.x[r];
    const float* ys = g.y[r];
    const float* ds = g.depth[r];
    const float* as = g.arc[r];
    float* hr = height[r];
    float* ar = absorb[r];
    float* cr = cover[r];
    float* sr = stain[r];
    for (int c = 0; c < W; ++c) {
      if (ds[c] < -1.5f) continue;
      const auto p = synth::tissueAt(m, g, xs[c], ys[c], ds[c], as[c]);
      const float mottle = mottleTex.at(r + my, c + mx);
      const auto look = synth::lookAt(m, g, p, grainTex.at(r + gy, c + gx), mottle);
      hr[c] = look.height;
      ar[c] = look.absorbance;
      cr[c] = look.cover;
      if (look.cover <= 0 || p.depth < -1) continue;
      float e = expressed ? synth::expressionAt(gene, m, p) : 0.0f;
      e = e * im.stainGain + im.stainBackground;
      // Stain is granular and uneven at the scale of cells and of the whole embryo.
      const float speckle =
          0.85f + 0.12f * mottleTex.at(r + sy, c + sx) + 0.08f * blotchTex.at(r + by, c + bx);
      sr[c] = std::max(0.0f, e * speckle) * synth::smooth01((p.depth + 1) / 5);
    }
  }
  cv::GaussianBlur(stain, stain, cv::Size(0, 0), 1.7);

  // Pass 2: colour. Relief is lit from the top left like DIC optics; stain and tissue
  // absorb subtractively (Beer-Lambert), so blue stain takes more red and green than blue.
  cv::Mat4f& premult = scratch.premult;
  premult.create(H, W);
  premult.setTo(cv::Scalar::all(0));
  for (int r = 1; r < H - 1; ++r) {
    for (int c = 1; c < W - 1; ++c) {
      const float cv_ = cover(r, c);
      if (cv_ <= 0) continue;
      const float slope = height(r - 1, c - 1) - height(r + 1, c + 1);
      const float shade = std::max(0.2f, 1 + im.relief * slope);
      const float s = stain(r, c);
      const float a = absorb(r, c);
      cv::Vec4f& px = premult(r, c);
      for (int ch = 0; ch < 3; ++ch) {
        const float v = im.body[ch] * shade * std::exp(-a - im.stainOd[ch] * s);
        px[2 - ch] = v * cv_;  // BGR
      }
      px[3] = cv_;
    }
  }

  const cv::Size outSize = imaging_.standardized ? cv::Size(kStandardWidth, kStandardHeight)
                                                 : cv::Size(imaging_.width, imaging_.height);
  const cv::Mat affine = placement(rng, imaging_, outSize);
  cv::Mat4f& placed = scratch.placed;
  cv::warpAffine(premult, placed, affine, outSize, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar::all(0));

  // Background, illumination falloff and the embryo over it.
  const double vcx = outSize.width * rng.uniform(0.3, 0.7);
  const double vcy = outSize.height * rng.uniform(0.3, 0.7);
  const double vr2 =
      0.25 * (double(outSize.width) * outSize.width + double(outSize.height) * outSize.height);
  cv::Mat3f& image = scratch.image;
  image.create(outSize);
  for (int r = 0; r < outSize.height; ++r) {
    for (int c = 0; c < outSize.width; ++c) {
      const cv::Vec4f& p = placed(r, c);
      const double d2 = ((c - vcx) * (c - vcx) + (r - vcy) * (r - vcy)) / vr2;
      const float light = 1 - im.vignette * static_cast<float>(d2);
      cv::Vec3f& o = image(r, c);
      for (int ch = 0; ch < 3; ++ch) o[ch] = (p[ch] + im.background[2 - ch] * (1 - p[3])) * light;
    }
  }
  // Debris: small dark specks of dust or precipitate.
  for (int i = 0; i < im.debris; ++i) {
    const cv::Point2f at(static_cast<float>(rng.uniform(0, outSize.width)),
                         static_cast<float>(rng.uniform(0, outSize.height)));
    const double radius = rng.uniform(0.6, 1.8);
    const double shade = rng.uniform(0.35, 0.75);
    const cv::Vec3f& under = image(std::min(outSize.height - 1, static_cast<int>(at.y)),
                                   std::min(outSize.width - 1, static_cast<int>(at.x)));
    const cv::Scalar colour(under[0] * shade * 0.95, under[1] * shade, under[2] * shade);
    constexpr int kShift = 4;  // sub-pixel centres and radii
    cv::circle(image, cv::Point(cvRound(at.x * (1 << kShift)), cvRound(at.y * (1 << kShift))),
               std::max(1, cvRound(radius * (1 << kShift))), colour, cv::FILLED, cv::LINE_AA,
               kShift);
  }
  cv::GaussianBlur(image, image, cv::Size(0, 0), im.blurSigma);

  // Sensor noise, mostly in brightness with a little in colour.
  const auto& white = NoiseTexture::get(NoiseTexture::Kind::kWhite);
  const int nx = rng.index(NoiseTexture::kSize), ny = rng.index(NoiseTexture::kSize);
  const int cx = rng.index(NoiseTexture::kSize), cy = rng.index(NoiseTexture::kSize);
  cv::Mat3b out(outSize);
  for (int r = 0; r < outSize.height; ++r) {
    for (int c = 0; c < outSize.width; ++c) {
      const float lum = im.noiseSigma * white.at(r + ny, c + nx);
      const float chroma = 0.4f * im.noiseSigma * white.at(r + cy, c + cx);
      const cv::Vec3f& v = image(r, c);
      out(r, c) = cv::Vec3b(cv::saturate_cast<uchar>(v[0] + lum + chroma),
                            cv::saturate_cast<uchar>(v[1] + lum),
                            cv::saturate_cast<uchar>(v[2] + lum - chroma));
    }
  }
  return out;
}

}  // namespace flystage
