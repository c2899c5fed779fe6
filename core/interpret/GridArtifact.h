#pragma once

#include <opencv2/core.hpp>

namespace flystage {

// How much of a map is a lattice of period `period` pixels: the share of its spectral power
// (the map minus its mean, 2-D DFT) at the lattice's frequencies (k H / period, l W / period),
// (k, l) != (0, 0), rounded to the nearest frequency bin, out of the power at all non-zero
// frequencies. About (period^2 - 1) / (H W) for white noise; near 1 for a pure lattice.
// `map`: one channel, any depth; its size need not be a multiple of the period. Throws
// flystage::Error for an empty map or a period below 2.
double gridEnergyShare(const cv::Mat& map, int period);

// How rough a map is: the share of its spectral power (non-zero frequencies) at details finer
// than `period` pixels (frequency above 1 / period cycles per pixel along either axis).
// A smoother map of the same content has a smaller share.
double fineDetailShare(const cv::Mat& map, int period);

}  // namespace flystage
