#include "data/ImageIo.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
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

// Reads width and height from the PNG, BMP, JPEG or TIFF header without decoding, so a
// decompression bomb is refused before it allocates (OpenCV's own limit is 1 gigapixel: a
// 4 KB JPEG claiming 30000 x 30000 made it allocate 2.7 GB). Unknown layouts: false.
bool headerSize(const std::string& b, long long& w, long long& h) {
  auto u32be = [&](std::size_t o) {
    return (static_cast<long long>(static_cast<unsigned char>(b[o])) << 24) |
           (static_cast<unsigned char>(b[o + 1]) << 16) |
           (static_cast<unsigned char>(b[o + 2]) << 8) | static_cast<unsigned char>(b[o + 3]);
  };
  auto i32le = [&](std::size_t o) {
    return static_cast<long long>(
        static_cast<int32_t>(static_cast<uint32_t>(static_cast<unsigned char>(b[o])) |
                             (static_cast<uint32_t>(static_cast<unsigned char>(b[o + 1])) << 8) |
                             (static_cast<uint32_t>(static_cast<unsigned char>(b[o + 2])) << 16) |
                             (static_cast<uint32_t>(static_cast<unsigned char>(b[o + 3])) << 24)));
  };
  if (b.size() >= 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
    w = u32be(16);
    h = u32be(20);
    return true;
  }
  if (b.size() >= 26 && b[0] == 'B' && b[1] == 'M') {
    w = std::llabs(i32le(18));
    h = std::llabs(i32le(22));
    return true;
  }
  auto byte = [&](std::size_t o) {
    return static_cast<long long>(static_cast<unsigned char>(b[o]));
  };
  if (b.size() >= 4 && byte(0) == 0xFF && byte(1) == 0xD8) {
    // JPEG: walk the marker segments to the first start-of-frame (SOFn, not DHT/JPG/DAC).
    for (std::size_t i = 2; i + 9 < b.size();) {
      if (byte(i) != 0xFF) return false;
      const long long m = byte(i + 1);
      if (m == 0xFF) {
        ++i;  // fill byte
      } else if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
        i += 2;  // markers without a length
      } else if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
        h = (byte(i + 5) << 8) | byte(i + 6);
        w = (byte(i + 7) << 8) | byte(i + 8);
        return h > 0;  // 0: the height comes later (DNL); left to the decoder
      } else if (m == 0xDA || m == 0xD9) {
        return false;
      } else {
        i += 2 + static_cast<std::size_t>((byte(i + 2) << 8) | byte(i + 3));
      }
    }
    return false;
  }
  if (b.size() >= 8 && (b.compare(0, 4, std::string("II*\0", 4)) == 0 ||
                        b.compare(0, 4, std::string("MM\0*", 4)) == 0)) {
    // TIFF: ImageWidth (256) and ImageLength (257) in the first IFD, SHORT or LONG.
    const bool le = b[0] == 'I';
    auto u = [&](std::size_t o, int n) {
      long long v = 0;
      for (int k = 0; k < n; ++k) v = (v << 8) | byte(o + (le ? n - 1 - k : k));
      return v;
    };
    const auto ifd = static_cast<std::size_t>(u(4, 4));
    if (ifd < 8 || ifd + 2 > b.size()) return false;
    const long long entries = u(ifd, 2);
    w = h = 0;
    for (long long e = 0; e < entries; ++e) {
      const std::size_t o = ifd + 2 + 12 * static_cast<std::size_t>(e);
      if (o + 12 > b.size()) break;
      const long long tag = u(o, 2), type = u(o + 2, 2);
      const long long v = type == 3 ? u(o + 8, 2) : (type == 4 ? u(o + 8, 4) : 0);
      if (tag == 256) w = v;
      if (tag == 257) h = v;
    }
    return w > 0 && h > 0;
  }
  return false;
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
  cv::Mat img = decoded;
  if (img.depth() == CV_16U) {
    img.convertTo(img, CV_8U, 1.0 / 257.0);
  } else if (img.depth() == CV_32F || img.depth() == CV_64F) {
    img.convertTo(img, CV_8U, 255.0);
  } else if (img.depth() != CV_8U) {
    img.convertTo(img, CV_8U);
  }
  cv::Mat out;
  switch (img.channels()) {
    case 1:
      cv::cvtColor(img, out, cv::COLOR_GRAY2BGR);
      break;
    case 3:
      out = img.clone();
      break;
    case 4: {
      // Composite over white: ISH backgrounds are light, so transparent means background.
      std::vector<cv::Mat> ch;
      cv::split(img, ch);
      cv::Mat alpha;
      ch[3].convertTo(alpha, CV_32F, 1.0 / 255.0);
      std::vector<cv::Mat> outCh(3);
      for (int c = 0; c < 3; ++c) {
        cv::Mat v;
        ch[c].convertTo(v, CV_32F);
        v = v.mul(alpha) + 255.0 * (1.0 - alpha);
        v.convertTo(outCh[c], CV_8U);
      }
      cv::merge(outCh, out);
      break;
    }
    default:
      throw Error("image has " + std::to_string(img.channels()) +
                  " channels; only gray, RGB and RGBA are supported");
  }
  return out;
}

LoadedImage decodeImage(const std::string& bytes, const std::string& name) {
  if (bytes.empty()) throw Error(name + ": file is empty (0 bytes); re-export the image");
  long long w = 0, h = 0;
  if (headerSize(bytes, w, h) && (w <= 0 || h <= 0 || w > kMaxImagePixels / h))
    throw Error(name + ": image is " + std::to_string(w) + " x " + std::to_string(h) +
                " pixels, over the limit of 64 megapixels; downscale it first");
  cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
  cv::Mat decoded;
  try {
    decoded = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
  } catch (const cv::Exception& e) {
    throw Error(name + ": cannot decode the image (" + std::string(e.what()).substr(0, 120) +
                "); check that it is a complete PNG, JPEG, TIFF or BMP file");
  }
  if (decoded.empty())
    throw Error(name +
                ": cannot decode the image; it is truncated or not a PNG, JPEG, TIFF or BMP file");
  if (static_cast<long long>(decoded.cols) * decoded.rows > kMaxImagePixels)
    throw Error(name + ": image is over the limit of 64 megapixels; downscale it first");
  LoadedImage out;
  out.info.width = decoded.cols;
  out.info.height = decoded.rows;
  out.info.channels = decoded.channels();
  out.info.bitDepth = decoded.depth() == CV_16U ? 16 : (decoded.depth() == CV_8U ? 8 : 32);
  try {
    out.bgr = toBgr8(decoded);
  } catch (const Error& e) {
    throw Error(name + ": " + e.what());
  }
  out.sha256 = sha256Hex(bytes);
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
