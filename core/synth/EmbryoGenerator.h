#pragma once

#include <cstdint>
#include <string>

#include <opencv2/core.hpp>

namespace flystage {

// Imaging conditions of one synthetic picture (varied per image by the generator).
struct SynthImaging {
  int width = 400;  // canvas, larger than the 320 x 128 crop so standardization has work
  int height = 200;
  double maxRotationDegrees = 20;
  double scaleJitter = 0.12;  // relative embryo size variation
  bool standardized = false;  // true: draw directly as an axis-aligned 320 x 128 crop
};

// Renders ISH-like Drosophila embryo images whose morphology follows developmental
// stage 1..17 and whose blue stain follows a gene's expression pattern.
class EmbryoGenerator {
 public:
  explicit EmbryoGenerator(SynthImaging imaging = {});

  // Deterministic: the same (stage, geneIndex, seed) gives the same image.
  // stage 1..17; geneIndex selects one of numGenes() expression pattern families.
  cv::Mat render(int stage, int geneIndex, std::uint64_t seed) const;

  static int numGenes();
  static std::string geneName(int geneIndex);

 private:
  SynthImaging imaging_;
};

}  // namespace flystage
