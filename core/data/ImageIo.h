#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <opencv2/core.hpp>

namespace flystage {

// What was in the file before it was normalized, for the store and for error messages.
struct ImageInfo {
  int width = 0;
  int height = 0;
  int channels = 0;  // 1 gray, 3 RGB, 4 RGBA
  int bitDepth = 0;  // 8 or 16
};

struct LoadedImage {
  cv::Mat bgr;  // always CV_8UC3, BGR order (OpenCV's), alpha composited over white
  ImageInfo info;
  std::string sha256;  // hex digest of the file's bytes: the duplicate key
  // This image's share of the process-wide decoding memory budget, returned when the last
  // copy of this LoadedImage is destroyed: keep it alive while the pixels are worked on.
  std::shared_ptr<const void> memoryReservation;
};

// Largest image accepted; larger files are refused before decoding (decompression bombs).
constexpr long long kMaxImagePixels = 64LL * 1024 * 1024;
constexpr long long kMaxImageFileBytes = 512LL * 1024 * 1024;
// Memory one image may need from decoding to its standardized copy (decoded samples, the
// decoder's buffers, the 8-bit and BGR copies, the standardizer's work), estimated from the
// header; larger images are refused before decoding. Every thread decoding at once shares
// this same budget: a decode waits until the images being worked on leave it room.
constexpr long long kMaxDecodeBytes = 2048LL * 1024 * 1024;

// Reads PNG, JPEG, TIFF or BMP (8 or 16 bit; gray, RGB or RGBA) and normalizes it to
// 8-bit BGR. The format is recognized by the file's content, as OpenCV does, not by its
// name; other formats OpenCV could decode (WebP, JPEG 2000, PNM, ...) are refused before
// decoding, as is a file whose header does not say its size, a truncated JPEG, and an image
// over the pixel or memory limits. Throws flystage::Error naming the file and what to do.
LoadedImage readImage(const std::filesystem::path& path);

// Same, from bytes already in memory (`name` is used in messages).
LoadedImage decodeImage(const std::string& bytes, const std::string& name);

// Normalizes any decoded OpenCV matrix (8U/16U, 1/3/4 channels) to 8-bit BGR.
cv::Mat toBgr8(const cv::Mat& decoded);

// Lossless PNG encoding of an 8-bit image, used to keep standardized pixels in the store.
std::string encodePng(const cv::Mat& image);

bool hasImageExtension(const std::filesystem::path& path);

}  // namespace flystage
