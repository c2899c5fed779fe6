#pragma once

#include <opencv2/core.hpp>

namespace flystage::synth {

// Tileable noise fields with zero mean and unit standard deviation, made once per process
// from a fixed seed. Each image reads them through its own random offset, which is far
// cheaper than drawing fresh noise for every pixel of every image.
class NoiseTexture {
 public:
  static constexpr int kSize = 512;  // a power of two: coordinates wrap with a mask

  enum class Kind {
    kWhite,   // independent pixels: sensor noise
    kGrain,   // blurred 0.8 px: yolk granules, cell-sized grain
    kMottle,  // blurred 2.5 px: uneven tissue density, stain speckle
    kBlotch,  // blurred 8 px: uneven staining, illumination
  };

  static const NoiseTexture& get(Kind kind);

  float at(int row, int col) const { return data_(row & (kSize - 1), col & (kSize - 1)); }

 private:
  explicit NoiseTexture(Kind kind);
  cv::Mat1f data_;
};

}  // namespace flystage::synth
