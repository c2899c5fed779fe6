#include "synth/NoiseTexture.h"

#include <opencv2/imgproc.hpp>

#include "synth/SynthRandom.h"

namespace flystage::synth {

const NoiseTexture& NoiseTexture::get(Kind kind) {
  static const NoiseTexture white(Kind::kWhite);
  static const NoiseTexture grain(Kind::kGrain);
  static const NoiseTexture mottle(Kind::kMottle);
  static const NoiseTexture blotch(Kind::kBlotch);
  switch (kind) {
    case Kind::kWhite:
      return white;
    case Kind::kGrain:
      return grain;
    case Kind::kMottle:
      return mottle;
    case Kind::kBlotch:
      break;
  }
  return blotch;
}

NoiseTexture::NoiseTexture(Kind kind) : data_(kSize, kSize) {
  SynthRandom rng(mixSeed(0x5EEDF00DULL, static_cast<std::uint64_t>(kind)));
  for (int r = 0; r < kSize; ++r)
    for (int c = 0; c < kSize; ++c) data_(r, c) = static_cast<float>(rng.normal());
  double sigma = 0;
  switch (kind) {
    case Kind::kWhite:
      break;
    case Kind::kGrain:
      sigma = 0.8;
      break;
    case Kind::kMottle:
      sigma = 2.5;
      break;
    case Kind::kBlotch:
      sigma = 8.0;
      break;
  }
  if (sigma > 0) cv::GaussianBlur(data_, data_, cv::Size(), sigma, sigma, cv::BORDER_REFLECT);
  cv::Scalar mean, sd;
  cv::meanStdDev(data_, mean, sd);
  data_ = (data_ - mean[0]) / sd[0];
}

}  // namespace flystage::synth
