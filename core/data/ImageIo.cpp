#include "data/ImageIo.h"

#include <tiffio.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "util/Error.h"
#include "util/Sha256.h"

namespace flystage {

namespace {

std::string readFileBytes(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw Error(path.string() + ": no such image file (check the path and that it is a file)");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(path.string() + ": cannot read the file size (" + ec.message() + ")");
  if (static_cast<long long>(size) > kMaxImageFileBytes)
    throw Error(path.string() + ": file is larger than 512 MiB; crop or downscale it first");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open for reading (check permissions)");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size))
    throw Error(path.string() + ": could not read the whole file");
  return bytes;
}

const char* const kNotAnImage =
    ": cannot decode the image; it is truncated or not a PNG, JPEG, TIFF or BMP file";

// What a header says before any pixel is decoded: enough to refuse a decompression bomb
// (OpenCV 4.6 cannot report a size without decoding, and its own limit is 1 gigapixel: a
// 4 KB JPEG claiming 30000 x 30000 made it allocate 2.7 GB).
struct Header {
  const char* format = "";
  long long width = 0;
  long long height = 0;
  int channels = 4;          // of the matrix OpenCV decodes to (an upper bound)
  int bytesPerSample = 1;    // of that matrix
  long long extraBytes = 0;  // the decoder's own buffers: a TIFF strip, JPEG coefficients
  int imreadFlags = cv::IMREAD_UNCHANGED;
};

long long byteAt(const std::string& b, std::size_t o) {
  return static_cast<unsigned char>(b[o]);
}

// The format OpenCV 4.6 picks for these bytes: it asks its decoders in this order, each by
// the file's first bytes (modules/imgcodecs/src/loadsave.cpp), whatever the file's name.
// Only the four FlyStage reads are decoded; the others are named in the refusal.
const char* openCvFormat(const std::string& b) {
  auto starts = [&](std::size_t at, const char* magic, std::size_t n) {
    return b.size() >= at + n && b.compare(at, n, magic, n) == 0;
  };
  auto pnm = [&](const char* codes) {
    return b.size() >= 3 && b[0] == 'P' && b[1] != '\0' && std::strchr(codes, b[1]) &&
           std::isspace(static_cast<unsigned char>(b[2]));
  };
  if (starts(0, "BM", 2)) return "BMP";
  if (starts(0, "#?RGBE", 6) || starts(0, "#?RADIANCE", 10)) return "Radiance HDR";
  if (starts(0, "\xFF\xD8\xFF", 3)) return "JPEG";
  if (starts(0, "RIFF", 4) && starts(8, "WEBP", 4)) return "WebP";
  if (b.size() >= 32 && ((byteAt(b, 0) == 0x2F && (byteAt(b, 4) >> 5) == 0) ||        // bare VP8L
                         ((byteAt(b, 0) & 1) == 0 && starts(3, "\x9D\x01\x2A", 3))))  // bare VP8
    return "WebP";
  if (starts(0, "\x59\xA6\x6A\x95", 4)) return "Sun raster";
  if (pnm("123456")) return "PBM/PGM/PPM";
  if (pnm("7")) return "PAM";
  if (pnm("Ff")) return "PFM";
  if (starts(0, "II*\0", 4) || starts(0, "MM\0*", 4)) return "TIFF";
  if (starts(0, "II+\0", 4) || starts(0, "MM\0+", 4)) return "BigTIFF";
  if (starts(0, "\x89PNG\r\n\x1a\n", 8)) return "PNG";
  if (starts(128, "DICM", 4)) return "DICOM";
  if (starts(0, "\0\0\0\x0cjP  \r\n\x87\n", 12) || starts(0, "\xFF\x4F\xFF\x51", 4))
    return "JPEG 2000";
  if (starts(0, "\x76\x2F\x31\x01", 4)) return "OpenEXR";
  if (b.compare(0, 4, "NITF") == 0 || starts(140, "DTED", 4)) return "GDAL raster (NITF/DTED)";
  return "";
}

// Signed 32-bit little-endian, as BMP stores its sizes.
long long i32le(const std::string& b, std::size_t o) {
  return static_cast<int32_t>(static_cast<uint32_t>(byteAt(b, o)) |
                              (static_cast<uint32_t>(byteAt(b, o + 1)) << 8) |
                              (static_cast<uint32_t>(byteAt(b, o + 2)) << 16) |
                              (static_cast<uint32_t>(byteAt(b, o + 3)) << 24));
}

Header pngHeader(const std::string& b, const std::string& name) {
  // libpng requires IHDR first: width, height (4 bytes each), bit depth, colour type.
  if (b.size() < 33 || b.compare(12, 4, "IHDR") != 0)
    throw Error(name + ": the PNG header is damaged (no IHDR chunk first); re-export the image");
  auto u32be = [&](std::size_t o) {
    return (byteAt(b, o) << 24) | (byteAt(b, o + 1) << 16) | (byteAt(b, o + 2) << 8) |
           byteAt(b, o + 3);
  };
  Header h;
  h.format = "PNG";
  h.width = u32be(16);
  h.height = u32be(20);
  h.channels = 4;  // palette and transparency are expanded: up to BGRA
  h.bytesPerSample = byteAt(b, 24) == 16 ? 2 : 1;
  h.extraBytes = h.height * static_cast<long long>(sizeof(void*));  // OpenCV's row pointers
  return h;
}

Header bmpHeader(const std::string& b, const std::string& name) {
  // OpenCV reads the OS/2 1.x core header (12 bytes, 16-bit unsigned sizes) and the Windows
  // headers of 36 bytes and more (32-bit signed sizes; a negative height is top-down).
  const long long headerBytes = b.size() >= 18 ? i32le(b, 14) : 0;
  Header h;
  h.format = "BMP";
  if (headerBytes == 12 && b.size() >= 22) {
    h.width = byteAt(b, 18) | (byteAt(b, 19) << 8);
    h.height = byteAt(b, 20) | (byteAt(b, 21) << 8);
    // OpenCV 4.6 decodes these to grey under IMREAD_UNCHANGED (it never marks them colour),
    // silently dropping the stain's colour; IMREAD_COLOR decodes them right.
    h.imreadFlags = cv::IMREAD_COLOR;
  } else if (headerBytes >= 36 && b.size() >= 26) {
    h.width = i32le(b, 18);
    h.height = std::llabs(i32le(b, 22));
  } else {
    throw Error(name + ": the BMP header (" + std::to_string(headerBytes) +
                " bytes) is not one FlyStage reads (12 bytes, or 36 and more); re-export the "
                "image as PNG");
  }
  return h;
}

Header jpegHeader(const std::string& b, const std::string& name) {
  // Walk the marker segments to the first start-of-frame (SOFn, not DHT/JPG/DAC).
  for (std::size_t i = 2; i + 9 < b.size();) {
    if (byteAt(b, i) != 0xFF) break;
    const long long m = byteAt(b, i + 1);
    if (m == 0xFF) {
      ++i;  // fill byte
    } else if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
      i += 2;  // markers without a length
    } else if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
      Header h;
      h.format = "JPEG";
      h.height = (byteAt(b, i + 5) << 8) | byteAt(b, i + 6);
      h.width = (byteAt(b, i + 7) << 8) | byteAt(b, i + 8);
      const long long components = byteAt(b, i + 9);
      if (h.height == 0)
        throw Error(name +
                    ": the JPEG header leaves the height to the end of the data (DNL "
                    "marker), which FlyStage does not read; re-export the image");
      h.channels = components == 1 ? 1 : 3;  // CMYK is converted to BGR
      // Progressive and multi-scan JPEGs keep every DCT coefficient (2 bytes) of the image.
      h.extraBytes = h.width * h.height * components * 2;
      return h;
    } else if (m == 0xDA || m == 0xD9) {
      break;
    } else {
      i += 2 + static_cast<std::size_t>((byteAt(b, i + 2) << 8) | byteAt(b, i + 3));
    }
  }
  throw Error(name + ": the JPEG header is damaged (no image size before the image data); " +
              "re-export the image");
}

// True when the JPEG reaches its end-of-image marker (FFD9). Walks the segments (an embedded
// thumbnail's FFD9 is inside its APP segment) and the entropy-coded data, where FF is
// followed by 00 (a stuffed FF) or a restart marker, like libjpeg's next_marker.
bool jpegReachesEnd(const std::string& b) {
  const std::size_t n = b.size();
  for (std::size_t i = 2;;) {
    while (i + 1 < n) {
      const long long c = byteAt(b, i + 1);
      if (byteAt(b, i) == 0xFF && c != 0x00 && c != 0xFF && !(c >= 0xD0 && c <= 0xD7)) break;
      ++i;
    }
    if (i + 1 >= n) return false;
    const long long m = byteAt(b, i + 1);
    if (m == 0xD9) return true;
    if (m == 0x01 || m == 0xD8) {
      i += 2;
      continue;
    }
    if (i + 3 >= n) return false;
    i += 2 + static_cast<std::size_t>((byteAt(b, i + 2) << 8) | byteAt(b, i + 3));
  }
}

// libtiff reads the TIFF header itself (the library OpenCV decodes with), so every type
// libtiff accepts for ImageWidth/ImageLength (BYTE to SLONG8), both byte orders and BigTIFF
// are read as OpenCV will read them, and what libtiff refuses is refused here.
struct TiffMemory {
  const std::string* bytes = nullptr;
  toff_t pos = 0;
  std::string error;
};

tmsize_t tiffRead(thandle_t h, void* buf, tmsize_t n) {
  auto* m = static_cast<TiffMemory*>(h);
  const toff_t size = m->bytes->size();
  if (m->pos >= size || n <= 0) return 0;
  const auto k = static_cast<tmsize_t>(std::min<toff_t>(static_cast<toff_t>(n), size - m->pos));
  std::memcpy(buf, m->bytes->data() + m->pos, static_cast<std::size_t>(k));
  m->pos += static_cast<toff_t>(k);
  return k;
}
tmsize_t tiffWrite(thandle_t, void*, tmsize_t) {
  return 0;
}
toff_t tiffSeek(thandle_t h, toff_t off, int whence) {
  auto* m = static_cast<TiffMemory*>(h);
  if (whence == SEEK_CUR)
    m->pos += off;
  else if (whence == SEEK_END)
    m->pos = m->bytes->size() + off;
  else
    m->pos = off;
  return m->pos;
}
int tiffClose(thandle_t) {
  return 0;
}
toff_t tiffSize(thandle_t h) {
  return static_cast<TiffMemory*>(h)->bytes->size();
}
int tiffMap(thandle_t, void**, toff_t*) {
  return 0;
}
void tiffUnmap(thandle_t, void*, toff_t) {}
int tiffError(TIFF*, void* user, const char*, const char* fmt, va_list ap) {
  auto* m = static_cast<TiffMemory*>(user);
  if (m->error.empty()) {
    char text[256];
    std::vsnprintf(text, sizeof text, fmt, ap);
    m->error = text;
  }
  return 1;  // handled: libtiff prints nothing
}
int tiffWarning(TIFF*, void*, const char*, const char*, va_list) {
  return 1;
}

Header tiffHeader(const std::string& b, const std::string& name) {
  TiffMemory memory{&b, 0, {}};
  std::unique_ptr<TIFFOpenOptions, void (*)(TIFFOpenOptions*)> options(TIFFOpenOptionsAlloc(),
                                                                       TIFFOpenOptionsFree);
  TIFFOpenOptionsSetErrorHandlerExtR(options.get(), tiffError, &memory);
  TIFFOpenOptionsSetWarningHandlerExtR(options.get(), tiffWarning, &memory);
  // "O": strip and tile offsets are read on demand, not for this header.
  TIFF* tif = TIFFClientOpenExt(name.c_str(), "rO", &memory, tiffRead, tiffWrite, tiffSeek,
                                tiffClose, tiffSize, tiffMap, tiffUnmap, options.get());
  if (!tif)
    throw Error(name + ": cannot read the TIFF header (" +
                (memory.error.empty() ? std::string("damaged file") : memory.error) +
                "); re-export the image");
  std::unique_ptr<TIFF, void (*)(TIFF*)> closer(tif, TIFFClose);
  uint32_t w = 0, h = 0;
  uint16_t samples = 1, bits = 1, photometric = 0;
  if (!TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w) || !TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h))
    throw Error(name + ": the TIFF header has no image size; re-export the image");
  TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLESPERPIXEL, &samples);
  TIFFGetFieldDefaulted(tif, TIFFTAG_BITSPERSAMPLE, &bits);
  TIFFGetField(tif, TIFFTAG_PHOTOMETRIC, &photometric);
  Header hd;
  hd.format = "TIFF";
  hd.width = w;
  hd.height = h;
  hd.channels = samples == 1 && photometric != PHOTOMETRIC_PALETTE ? 1 : 4;
  hd.bytesPerSample = std::max(1, (bits + 7) / 8);
  // OpenCV reads a strip or tile at a time into a buffer of its own, as samples or as RGBA.
  uint32_t tileW = w, tileH = h;
  if (TIFFIsTiled(tif)) {
    TIFFGetField(tif, TIFFTAG_TILEWIDTH, &tileW);
    TIFFGetField(tif, TIFFTAG_TILELENGTH, &tileH);
  } else {
    uint32_t rows = h;
    TIFFGetFieldDefaulted(tif, TIFFTAG_ROWSPERSTRIP, &rows);
    tileH = std::min(rows, h);
  }
  // In floating point: a hostile tile size overflows 64 bits; anything over the limit is refused.
  const double buffer = static_cast<double>(tileW) * tileH *
                        std::max(4.0, static_cast<double>(samples) * hd.bytesPerSample);
  hd.extraBytes = static_cast<long long>(std::min(buffer, 2.0 * kMaxDecodeBytes));
  return hd;
}

// The header of a format FlyStage decodes; anything else is refused here, before decoding.
Header readHeader(const std::string& b, const std::string& name) {
  const std::string format = openCvFormat(b);
  if (format == "PNG") return pngHeader(b, name);
  if (format == "JPEG") return jpegHeader(b, name);
  if (format == "TIFF" || format == "BigTIFF") return tiffHeader(b, name);
  if (format == "BMP") return bmpHeader(b, name);
  if (format.empty()) throw Error(name + kNotAnImage);
  throw Error(name + ": the file holds a " + format +
              " image (recognized by its content, whatever its name says); FlyStage reads "
              "PNG, JPEG, TIFF and BMP only: convert it to PNG first");
}

// Bytes per pixel of the standardizer's full-size work (a mask, resizing) beyond the BGR
// image. Measured on a 40-megapixel JPEG: the peak grew 3.1 bytes per pixel, 3 of them the
// decoded image; 2 leaves a margin. bytesNeeded adds the 8-bit copy of wider samples and the
// BGR image (on a 16-bit RGBA TIFF it estimates 17 bytes per pixel; measured: 11.7).
constexpr long long kStandardizeBytesPerPixel = 2;

long long bytesNeeded(const Header& h) {
  const long long pixels = h.width * h.height;
  const long long decoded = pixels * h.channels * h.bytesPerSample;
  const long long eightBit = h.bytesPerSample > 1 ? pixels * h.channels : 0;
  return decoded + h.extraBytes + eightBit + pixels * (3 + kStandardizeBytesPerPixel);
}

// One budget for every thread that decodes at once (the importer's workers, the desktop
// application's loaders): a decode waits until the images being worked on leave it room, so
// N threads cannot each take the maximum. A thread that already holds a share is not made to
// wait for itself.
class DecodeBudget {
 public:
  std::shared_ptr<const void> reserve(long long bytes) {
    std::unique_lock<std::mutex> lock(mutex_);
    const auto self = std::this_thread::get_id();
    freed_.wait(lock,
                [&] { return used_ == 0 || used_ + bytes <= kMaxDecodeBytes || held_[self] > 0; });
    used_ += bytes;
    ++held_[self];
    return std::make_shared<const Share>(*this, bytes, self);
  }

 private:
  struct Share {
    Share(DecodeBudget& owner, long long size, std::thread::id by)
        : budget(owner), bytes(size), thread(by) {}
    ~Share() { budget.release(bytes, thread); }
    DecodeBudget& budget;
    long long bytes;
    std::thread::id thread;
  };

  void release(long long bytes, std::thread::id thread) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      used_ -= bytes;
      if (--held_[thread] == 0) held_.erase(thread);
    }
    freed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable freed_;
  long long used_ = 0;
  std::map<std::thread::id, int> held_;
};

DecodeBudget& decodeBudget() {
  static DecodeBudget budget;
  return budget;
}

std::string mib(long long bytes) {
  return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB";
}

// toBgr8 on a matrix the caller gives up: wide samples are freed as soon as their 8-bit copy
// exists, and a BGR matrix is returned as it is, so at most two copies live at once.
cv::Mat toBgr8Owned(cv::Mat img) {
  if (img.depth() != CV_8U) {
    cv::Mat eight;
    if (img.depth() == CV_16U)
      img.convertTo(eight, CV_8U, 1.0 / 257.0);
    else if (img.depth() == CV_32F || img.depth() == CV_64F)
      img.convertTo(eight, CV_8U, 255.0);
    else
      img.convertTo(eight, CV_8U);
    img = eight;
  }
  switch (img.channels()) {
    case 1: {
      cv::Mat out;
      cv::cvtColor(img, out, cv::COLOR_GRAY2BGR);
      return out;
    }
    case 3:
      return img;
    case 4: {
      // Composite over white: ISH backgrounds are light, so transparent means background.
      // Row by row in integers (rounded as the float formula c*a + 255*(1-a) is), so no
      // full-size float planes are made.
      cv::Mat out(img.rows, img.cols, CV_8UC3);
      for (int y = 0; y < img.rows; ++y) {
        const uchar* s = img.ptr<uchar>(y);
        uchar* d = out.ptr<uchar>(y);
        for (int x = 0; x < img.cols; ++x, s += 4, d += 3) {
          const unsigned a = s[3];
          for (int c = 0; c < 3; ++c)
            d[c] = static_cast<uchar>((s[c] * a + 255 * (255 - a) + 127) / 255);
        }
      }
      return out;
    }
    default:
      throw Error("image has " + std::to_string(img.channels()) +
                  " channels; only gray, RGB and RGBA are supported");
  }
}

}  // namespace

bool hasImageExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::vector<std::string> known = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"};
  return std::find(known.begin(), known.end(), ext) != known.end();
}

cv::Mat toBgr8(const cv::Mat& decoded) {
  cv::Mat out = toBgr8Owned(decoded);
  return out.data == decoded.data ? out.clone() : out;
}

LoadedImage decodeImage(const std::string& bytes, const std::string& name) {
  if (bytes.empty()) throw Error(name + ": file is empty (0 bytes); re-export the image");
  const Header h = readHeader(bytes, name);
  const std::string size = std::to_string(h.width) + " x " + std::to_string(h.height);
  if (h.width <= 0 || h.height <= 0)
    throw Error(name + ": image is " + size + " pixels: it has no pixels; re-export the image");
  if (h.width > kMaxImagePixels / h.height)
    throw Error(name + ": image is " + size +
                " pixels, over the limit of 64 megapixels; downscale it first");
  const long long need = bytesNeeded(h) + static_cast<long long>(bytes.size());  // + the file
  if (need > kMaxDecodeBytes)
    throw Error(name + ": image is " + size + " pixels of " + std::to_string(8 * h.bytesPerSample) +
                " bits per sample: decoding it would take about " + mib(need) +
                ", over the limit of " + mib(kMaxDecodeBytes) +
                " per image; downscale it or save it with 8 bits per sample");
  if (std::strcmp(h.format, "JPEG") == 0 && !jpegReachesEnd(bytes))
    throw Error(name +
                ": the JPEG file is truncated (it ends before its end-of-image marker, so the "
                "rest of the picture is missing); copy or export it again");
  // Held until the caller is done with the pixels (LoadedImage::memoryReservation).
  std::shared_ptr<const void> reservation = decodeBudget().reserve(need);
  cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
  cv::Mat decoded;
  try {
    decoded = cv::imdecode(raw, h.imreadFlags);
  } catch (const cv::Exception& e) {
    throw Error(name + ": cannot decode the image (" + std::string(e.what()).substr(0, 120) +
                "); check that it is a complete PNG, JPEG, TIFF or BMP file");
  }
  if (decoded.empty()) throw Error(name + kNotAnImage);
  if (static_cast<long long>(decoded.cols) * decoded.rows > kMaxImagePixels)
    throw Error(name + ": image is over the limit of 64 megapixels; downscale it first");
  LoadedImage out;
  out.info.width = decoded.cols;
  out.info.height = decoded.rows;
  out.info.channels = decoded.channels();
  out.info.bitDepth = decoded.depth() == CV_16U ? 16 : (decoded.depth() == CV_8U ? 8 : 32);
  try {
    out.bgr = toBgr8Owned(std::move(decoded));
  } catch (const Error& e) {
    throw Error(name + ": " + e.what());
  }
  out.sha256 = sha256Hex(bytes);
  out.memoryReservation = std::move(reservation);
  return out;
}

LoadedImage readImage(const std::filesystem::path& path) {
  return decodeImage(readFileBytes(path), path.string());
}

std::string encodePng(const cv::Mat& image) {
  std::vector<uchar> buf;
  if (!cv::imencode(".png", image, buf, {cv::IMWRITE_PNG_COMPRESSION, 3}))
    throw Error("cannot encode image as PNG");
  return std::string(buf.begin(), buf.end());
}

}  // namespace flystage
