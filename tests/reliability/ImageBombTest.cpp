// Issue 14, hostile images: files crafted so that decoding them takes far more memory than
// their size suggests, files in a format their name hides, truncated files, and headers with
// unusual but legal fields. Each runs through the real flystage-cli (import or standardize)
// and the test compares the whole message the user sees; the bombs' peak memory is measured
// with GNU time (as HostileInputTest's bomb test does) against the same command on a small
// real image. Every file is written byte by byte here: no encoder writes these headers.
#include <QtTest>

#include <QFile>
#include <QProcess>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <opencv2/imgcodecs.hpp>

#include "data/ImageIo.h"
#include "store/Project.h"
#include "support/HostileFiles.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::CliRun;
using flystage::test::TempDir;
using flystage::test::writeText;
namespace fs = std::filesystem;

using flystage::test::be32;
using flystage::test::chunk;
using flystage::test::crc32;
using flystage::test::qs;
using flystage::test::readBytes;
using flystage::test::why;

namespace {

// stderr's lines, without progress ("import 3/7 ..."), GNU time's and libpng's own lines.
QString errLines(const CliRun& r) {
  QStringList out;
  for (const auto& line : r.err.split('\n', Qt::SkipEmptyParts))
    if (!line.startsWith("import ") && !line.startsWith("maxrss=") && !line.startsWith("libpng ") &&
        !line.startsWith("Command exited"))
      out << line;
  return out.join('\n');
}

bool haveGnuTime() {
  return QFile::exists("/usr/bin/time");
}

// flystage-cli under GNU time where it is installed (peak memory in "maxrss=KiB").
CliRun runMeasured(const QStringList& args) {
  if (!haveGnuTime()) return test::runCli(args);
  QProcess p;
  p.start("/usr/bin/time", QStringList{"-f", "maxrss=%M", qs(test::cliPath())} + args);
  if (!p.waitForFinished(300000)) {
    p.kill();
    p.waitForFinished();
    return {-1, {}, QStringLiteral("timeout")};
  }
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

long peakKiB(const CliRun& r) {
  for (const auto& line : r.err.split('\n'))
    if (line.startsWith("maxrss=")) return line.mid(7).toLong();
  return -1;
}

// Peak memory of the same kind of import of one small real image: what the program takes
// before any image is large (LibTorch, OpenCV, Qt loaded), so bounds hold in any build.
long baselineKiB(const TempDir& dir) {
  const fs::path data = dir / "baseline";
  fs::create_directories(data);
  fs::copy_file(test::samplesDir() / "range4-6_0.png", data / "a.png");
  writeText(data / "labels.csv", "path,stage_range\na.png,4-6\n");
  const CliRun r = runMeasured({"import", qs(dir / "baseline.flystage"), "--csv",
                                qs(data / "labels.csv"), "--threads", "2"});
  if (r.code != 0) throw std::runtime_error(why(r).toStdString());
  return peakKiB(r);
}

// Bits, least significant first (VP8L's order).
class BitWriter {
 public:
  void put(std::uint32_t value, int bits) {
    for (int k = 0; k < bits; ++k) {
      if (used_ % 8 == 0) bytes_ += '\0';
      if ((value >> k) & 1u) bytes_.back() = static_cast<char>(bytes_.back() | (1 << (used_ % 8)));
      ++used_;
    }
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  int used_ = 0;
};

std::string le32(std::uint32_t v) {
  return {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16),
          static_cast<char>(v >> 24)};
}

// A lossless WebP of one grey: each prefix code has a single symbol, so no pixel costs a
// bit and 40 bytes decode to width x height (16383 x 16383: OpenCV took 1.9 GB).
std::string webpBomb(std::uint32_t width, std::uint32_t height) {
  BitWriter w;
  w.put(0x2F, 8);  // VP8L signature
  w.put(width - 1, 14);
  w.put(height - 1, 14);
  w.put(0, 1);                                             // no alpha
  w.put(0, 3);                                             // version 0
  w.put(0, 1);                                             // no transform
  w.put(0, 1);                                             // no colour cache
  w.put(0, 1);                                             // no meta prefix codes
  for (std::uint32_t symbol : {200u, 200u, 200u, 255u}) {  // green, red, blue, alpha
    w.put(1, 1);                                           // simple code
    w.put(0, 1);                                           // one symbol
    w.put(1, 1);                                           // of 8 bits
    w.put(symbol, 8);
  }
  w.put(1, 1);  // distance: simple code, one symbol of 1 bit (0)
  w.put(0, 1);
  w.put(0, 1);
  w.put(0, 1);
  std::string data = w.bytes() + std::string(8, '\0');
  if (data.size() % 2) data += '\0';
  const std::string chunk = "VP8L" + le32(static_cast<std::uint32_t>(data.size())) + data;
  return "RIFF" + le32(static_cast<std::uint32_t>(4 + chunk.size())) + "WEBP" + chunk;
}

// A TIFF or BigTIFF whose strips all point at one PackBits strip of zeros, so that a file of
// about 60 kB decodes to width x height. sizeType is the TIFF type of ImageWidth and
// ImageLength (3 SHORT, 4 LONG, 8 SSHORT, 9 SLONG, 16 LONG8, 17 SLONG8).
struct TiffSpec {
  std::int64_t width = 12000;
  std::int64_t height = 12000;
  int sizeType = 4;
  bool bigEndian = false;
  bool bigTiff = false;
  int samples = 3;
  int bits = 8;
  std::uint32_t rowsPerStrip = 100;
  std::int64_t claimedWidth = 0;  // what ImageWidth says, when not `width` (a negative one)
};

std::string tiff(const TiffSpec& t) {
  const bool be = t.bigEndian;
  auto num = [&](std::uint64_t v, int n) {
    std::string s(static_cast<std::size_t>(n), '\0');
    for (int k = 0; k < n; ++k) s[be ? n - 1 - k : k] = static_cast<char>((v >> (8 * k)) & 0xFF);
    return s;
  };
  const int off = t.bigTiff ? 8 : 4;  // an offset's size, and an entry's value field's
  std::string out = be ? "MM" : "II";
  out += t.bigTiff ? num(43, 2) + num(8, 2) + num(0, 2) + num(0, 8) : num(42, 2) + num(0, 4);
  const std::size_t ifdOffsetAt = t.bigTiff ? 8 : 4;
  // PackBits: 0x81 0x00 repeats a zero 128 times.
  const std::uint64_t stripBytes =
      static_cast<std::uint64_t>(t.width) * t.rowsPerStrip * t.samples * t.bits / 8;
  const std::uint64_t strips =
      (static_cast<std::uint64_t>(t.height) + t.rowsPerStrip - 1) / t.rowsPerStrip;
  const std::uint64_t stripAt = out.size();
  std::string packed;
  for (std::uint64_t k = 0; k < stripBytes / 128; ++k) packed += std::string("\x81\x00", 2);
  out += packed;
  const std::uint64_t offsetsAt = out.size();
  for (std::uint64_t k = 0; k < strips; ++k) out += num(stripAt, off);
  const std::uint64_t countsAt = out.size();
  for (std::uint64_t k = 0; k < strips; ++k) out += num(packed.size(), off);
  if (out.size() % 2) out += '\0';
  struct Entry {
    int tag, type;
    std::uint64_t count, value;
  };
  const int arrayType = t.bigTiff ? 16 : 4;
  std::vector<Entry> entries = {
      {256, t.sizeType, 1, static_cast<std::uint64_t>(t.claimedWidth ? t.claimedWidth : t.width)},
      {257, t.sizeType, 1, static_cast<std::uint64_t>(t.height)},
      {258, 3, 1, static_cast<std::uint64_t>(t.bits)},
      {259, 3, 1, 32773},  // PackBits
      {262, 3, 1, t.samples >= 3 ? 2u : 1u},
      {273, arrayType, strips, offsetsAt},
      {277, 3, 1, static_cast<std::uint64_t>(t.samples)},
      {278, 4, 1, t.rowsPerStrip},
      {279, arrayType, strips, countsAt},
      {284, 3, 1, 1},
  };
  if (t.samples == 4) entries.push_back({338, 3, 1, 2});  // unassociated alpha
  auto typeBytes = [](int type) {
    return type == 3 || type == 8 ? 2 : (type == 16 || type == 17 ? 8 : 4);
  };
  out.replace(ifdOffsetAt, static_cast<std::size_t>(off), num(out.size(), off));
  out += num(entries.size(), t.bigTiff ? 8 : 2);
  for (const auto& e : entries) {
    out += num(static_cast<std::uint64_t>(e.tag), 2) + num(static_cast<std::uint64_t>(e.type), 2) +
           num(e.count, t.bigTiff ? 8 : 4);
    // An array is stored elsewhere (its offset here); a single value is left-justified.
    const std::string v = e.count > 1 ? num(e.value, off) : num(e.value, typeBytes(e.type));
    out += v + std::string(static_cast<std::size_t>(off) - v.size(), '\0');
  }
  out += num(0, off);  // no next IFD
  return out;
}

// --- PNG and BMP written byte by byte. ---

// An 8-bit RGB PNG of the given size whose single IDAT holds `rows` (filter bytes included).
std::string png(std::uint32_t width, std::uint32_t height, const std::string& rows) {
  std::string ihdr = be32(width) + be32(height) + std::string("\x08\x02\0\0\0", 5);
  const QByteArray z = qCompress(QByteArray::fromStdString(rows)).mid(4);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) +
         chunk("IDAT", z.toStdString()) + chunk("IEND", "");
}

// An OS/2 1.x BMP (12-byte BITMAPCOREHEADER, 16-bit sizes) of a BGR image; `claimed`
// replaces the size in the header when given.
std::string os2Bmp(const cv::Mat& bgr, int claimedW = 0, int claimedH = 0) {
  const int stride = (bgr.cols * 3 + 3) & ~3;
  std::string b = "BM";
  auto le = [&](std::uint32_t v, int n) {
    for (int k = 0; k < n; ++k) b += static_cast<char>((v >> (8 * k)) & 0xFF);
  };
  le(static_cast<std::uint32_t>(14 + 12 + stride * bgr.rows), 4);
  le(0, 4);
  le(26, 4);  // pixels start after the two headers
  le(12, 4);  // BITMAPCOREHEADER
  le(static_cast<std::uint32_t>(claimedW ? claimedW : bgr.cols), 2);
  le(static_cast<std::uint32_t>(claimedH ? claimedH : bgr.rows), 2);
  le(1, 2);                                  // planes
  le(24, 2);                                 // bits per pixel
  for (int y = bgr.rows - 1; y >= 0; --y) {  // bottom-up
    std::string row(static_cast<std::size_t>(stride), '\0');
    for (int x = 0; x < bgr.cols; ++x)
      for (int c = 0; c < 3; ++c)
        row[static_cast<std::size_t>(x * 3 + c)] = static_cast<char>(bgr.at<cv::Vec3b>(y, x)[c]);
    b += row;
  }
  return b;
}

std::string encoded(const std::string& ext, const cv::Mat& image) {
  std::vector<uchar> buf;
  if (!cv::imencode(ext, image, buf)) throw std::runtime_error("cannot encode " + ext);
  return std::string(buf.begin(), buf.end());
}

cv::Mat sample() {
  return readImage(test::samplesDir() / "range4-6_0.png").bgr;
}

const QString kOverLimit =
    ": image is 12000 x 12000 pixels, over the limit of 64 megapixels; downscale it first";

}  // namespace

class ImageBombTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // 1. TIFF sizes of every type libtiff accepts (SSHORT and SLONG were not read, nor BigTIFF:
  // a 57 kB TIFF with SLONG sizes decoded to 12000 x 12000 before the pixel limit refused
  // it), in both byte orders; a size libtiff refuses (negative) is refused before decoding.
  void tiffSizesOfEveryTypeAreReadBeforeDecoding() {
    TempDir dir;
    const long base = haveGnuTime() ? baselineKiB(dir) : -1;
    const fs::path data = dir / "tiffs";
    fs::create_directories(data);
    struct Case {
      std::string name;
      TiffSpec spec;
    };
    std::vector<Case> cases;
    for (bool be : {false, true}) {
      const std::string order = be ? "-be" : "-le";
      TiffSpec t;
      t.bigEndian = be;
      for (int type : {3, 4, 8, 9}) {
        t.sizeType = type;
        cases.push_back({"type" + std::to_string(type) + order + ".tif", t});
      }
      t.bigTiff = true;
      for (int type : {4, 16, 17}) {
        t.sizeType = type;
        cases.push_back({"big-type" + std::to_string(type) + order + ".tif", t});
      }
    }
    TiffSpec negative;
    negative.sizeType = 9;
    negative.claimedWidth = -12000;
    cases.push_back({"negative.tif", negative});
    std::string csv = "path,stage_range\n";
    QStringList expected;
    const QString csvPath = qs(data / "labels.csv");
    int line = 2;
    for (const auto& c : cases) {
      const std::string bytes = tiff(c.spec);
      QVERIFY(bytes.size() < 70000);
      writeText(data / c.name, bytes);
      csv += c.name + ",4-6\n";
      const QString at = csvPath + ":" + QString::number(line++) + ": " + qs(data / c.name);
      expected << (c.name == "negative.tif"
                       ? at + ": cannot read the TIFF header (Incorrect value for \"ImageWidth\"); "
                              "re-export the image"
                       : at + kOverLimit);
    }
    writeText(data / "labels.csv", csv);
    expected << "flystage-cli: error: " + QString::number(cases.size()) + " problem(s) in " +
                    csvPath +
                    "; nothing was imported. Fix them, or use --skip-bad to import the good rows";
    const CliRun r =
        runMeasured({"import", qs(dir / "p.flystage"), "--csv", csvPath, "--threads", "2"});
    QCOMPARE(r.code, 1);
    QCOMPARE(errLines(r), expected.join('\n'));
    // Decoded, each took 432 MB (12000 x 12000 x 3) and its strip buffer.
    if (base > 0) QVERIFY2(peakKiB(r) < base + 100 * 1024, qPrintable(why(r)));
  }

  // 2. OpenCV picks its decoder by content: a WebP named .png was decoded, and 40 bytes of
  // WebP decode to 16383 x 16383 (1.9 GB). Every other format OpenCV 4.6 as Debian builds it
  // reads is refused before decoding, by name; the four FlyStage reads still import.
  void otherFormatsAreRefusedByContentWhateverTheirName() {
    TempDir dir;
    const fs::path data = dir / "formats";
    fs::create_directories(data);
    const cv::Mat small = sample()(cv::Rect(0, 0, 32, 16)).clone();
    cv::Mat grey;
    cv::extractChannel(small, grey, 0);
    cv::Mat floats;
    small.convertTo(floats, CV_32F, 1.0 / 255);
    std::vector<std::pair<std::string, std::string>> files = {
        // file name -> format named
        {"bomb.png", "WebP"},        {"lossy.png", "WebP"},
        {"bare-vp8l.png", "WebP"},   {"jp2.png", "JPEG 2000"},
        {"j2k.tif", "JPEG 2000"},    {"pgm.png", "PBM/PGM/PPM"},
        {"ppm.jpg", "PBM/PGM/PPM"},  {"pam.png", "PAM"},
        {"pfm.png", "PFM"},          {"sun.bmp", "Sun raster"},
        {"hdr.png", "Radiance HDR"}, {"exr.png", "OpenEXR"},
        {"dicom.png", "DICOM"},      {"nitf.png", "GDAL raster (NITF/DTED)"},
    };
    const std::string bomb = webpBomb(16383, 16383);
    QCOMPARE(bomb.size(), std::size_t(40));
    writeText(data / "bomb.png", bomb);
    writeText(data / "lossy.png", encoded(".webp", small));
    writeText(data / "bare-vp8l.png", bomb.substr(20) + std::string(12, '\0'));  // no RIFF
    writeText(data / "jp2.png", encoded(".jp2", sample()));  // OpenJPEG needs 64 x 64
    writeText(data / "j2k.tif", std::string("\xFF\x4F\xFF\x51", 4) + std::string(60, '\0'));
    writeText(data / "pgm.png", encoded(".pgm", grey));
    writeText(data / "ppm.jpg", encoded(".ppm", small));
    writeText(data / "pam.png", encoded(".pam", small));
    writeText(data / "pfm.png", encoded(".pfm", floats));
    writeText(data / "sun.bmp", encoded(".sr", small));
    writeText(data / "hdr.png", encoded(".hdr", floats));
    writeText(data / "exr.png",
              std::string("\x76\x2F\x31\x01\x02\0\0\0", 8) + std::string(60, '\0'));
    writeText(data / "dicom.png", std::string(128, '\0') + "DICM" + std::string(60, '\0'));
    writeText(data / "nitf.png", "NITF02.10" + std::string(60, ' '));
    // The four formats FlyStage reads, named wrongly: read by content too.
    writeText(data / "png.jpg", encoded(".png", sample()));
    writeText(data / "bmp.tif", encoded(".bmp", sample()));

    QStringList args = {"standardize", "--out", qs(dir / "out")};
    QStringList expected;
    for (const auto& [name, format] : files) {
      args << qs(data / name);
      expected << qs(data / name) + ": the file holds a " + QString::fromStdString(format) +
                      " image (recognized by its content, whatever its name says); FlyStage "
                      "reads PNG, JPEG, TIFF and BMP only: convert it to PNG first";
    }
    args << qs(data / "png.jpg") << qs(data / "bmp.tif");
    expected << "flystage-cli: error: " + QString::number(files.size()) + " of " +
                    QString::number(files.size() + 2) +
                    " image(s) could not be standardized (listed above); the other 2 were "
                    "written to " +
                    qs(dir / "out");
    const CliRun r = runMeasured(args);
    QCOMPARE(r.code, 1);
    QCOMPARE(errLines(r).split(QLatin1Char(10)), expected);
    QVERIFY(fs::exists(dir / "out" / "png.png"));
    QVERIFY(fs::exists(dir / "out" / "bmp.png"));

    // The bomb alone, imported, in the memory it takes to start.
    if (!haveGnuTime()) return;
    const long base = baselineKiB(dir);
    writeText(data / "labels.csv", "path,stage_range\nbomb.png,4-6\n");
    const CliRun imp = runMeasured(
        {"import", qs(dir / "p.flystage"), "--csv", qs(data / "labels.csv"), "--threads", "2"});
    QCOMPARE(imp.code, 1);
    QVERIFY2(errLines(imp).startsWith(qs(data / "labels.csv") + ":2: " + qs(data / "bomb.png") +
                                      ": the file holds a WebP image"),
             qPrintable(why(imp)));
    QVERIFY2(peakKiB(imp) < base + 100 * 1024, qPrintable(why(imp)));
  }

  // 3. Memory is counted in bytes and shared by the decoding threads: two 8000 x 8000 16-bit
  // RGBA TIFFs (under the pixel limit, 512 MB decoded each) took about 2 GB per thread
  // (3.9 GB with --threads 2); now one waits for the other. An image whose decoding alone
  // needs more than the budget is refused before decoding.
  void wideSamplesAreBudgetedInBytesAcrossThreads() {
    TempDir dir;
    const long base = haveGnuTime() ? baselineKiB(dir) : -1;
    const fs::path data = dir / "wide";
    fs::create_directories(data);
    TiffSpec t;
    t.width = t.height = 8000;
    t.samples = 4;
    t.bits = 16;
    t.rowsPerStrip = 64;
    const std::string wide = tiff(t);
    writeText(data / "a.tif", wide);
    writeText(data / "b.tif", wide + std::string(1, '\0'));  // not a duplicate of a.tif
    t.bits = 64;
    t.rowsPerStrip = 16;
    writeText(data / "c.tif", tiff(t));
    writeText(data / "labels.csv", "path,stage_range\na.tif,4-6\nb.tif,4-6\nc.tif,4-6\n");
    const QString csv = qs(data / "labels.csv");
    const CliRun r =
        runMeasured({"import", qs(dir / "p.flystage"), "--csv", csv, "--threads", "2"});
    QCOMPARE(r.code, 1);
    // Zeros: transparent, so white once composited; decoded, then no embryo.
    const QString blank =
        ": no embryo found: the image has no object darker than its background; check that it "
        "is a bright-field ISH image of an embryo on a light background";
    // Each problem names the CSV line and the image once.
    QCOMPARE(errLines(r).split(QLatin1Char(10)),
             QStringList({csv + ":2: " + qs(data / "a.tif") + blank,
                          csv + ":3: " + qs(data / "b.tif") + blank,
                          csv + ":4: " + qs(data / "c.tif") +
                              ": image is 8000 x 8000 pixels of 64 bits per sample: decoding it "
                              "would take about 2507 MiB, over the limit of 2048 MiB per image; "
                              "downscale it or save it with 8 bits per sample",
                          "flystage-cli: error: 3 problem(s) in " + csv +
                              "; nothing was imported. Fix them, or use --skip-bad to import the "
                              "good rows"}));
    // One image at a time: measured 750 MiB over the baseline (each alone: the same).
    if (base > 0) QVERIFY2(peakKiB(r) < base + 1024 * 1024, qPrintable(why(r)));
  }

  // 4. A truncated JPEG decoded without a word (libjpeg fills the rest with grey). It is
  // refused by name; with --skip-bad it is skipped and counted with the other bad rows,
  // never imported half grey (its complete copy would later import as a second image).
  void truncatedJpegIsRefusedByName() {
    TempDir dir;
    const fs::path data = dir / "jpegs";
    fs::create_directories(data);
    const std::string full = encoded(".jpg", sample());
    writeText(data / "full.jpg", full);
    writeText(data / "cut.jpg", full.substr(0, full.size() / 2));
    writeText(data / "no-eoi.jpg", full.substr(0, full.size() - 2));
    // An APP segment holding an end-of-image marker (as an EXIF thumbnail does) does not end
    // the file; data after the real end (some cameras pad) does not make it truncated.
    const std::string app = std::string("\xFF\xE1\x00\x06\xFF\xD9\x00\x00", 8);
    writeText(data / "thumb-cut.jpg", full.substr(0, 2) + app + full.substr(2, full.size() / 2));
    writeText(data / "padded.jpg",
              full.substr(0, 2) + app + full.substr(2) + std::string(64, '\0'));
    // Progressive (several scans, tables between them) and with restart markers: complete.
    std::vector<uchar> buf;
    const cv::Mat large = readImage(test::samplesDir() / "unlabeled_1.png").bgr;
    QVERIFY(cv::imencode(".jpg", large, buf,
                         {cv::IMWRITE_JPEG_PROGRESSIVE, 1, cv::IMWRITE_JPEG_RST_INTERVAL, 2}));
    const std::string progressive(buf.begin(), buf.end());
    writeText(data / "progressive.jpg", progressive);
    writeText(data / "progressive-cut.jpg", progressive.substr(0, progressive.size() * 3 / 5));
    writeText(data / "labels.csv",
              "path,stage_range\nfull.jpg,4-6\ncut.jpg,4-6\nno-eoi.jpg,4-6\nthumb-cut.jpg,4-6\n"
              "padded.jpg,4-6\nprogressive.jpg,4-6\nprogressive-cut.jpg,4-6\n");
    const QString csv = qs(data / "labels.csv");
    auto cut = [&](int line, const std::string& name) {
      return csv + ":" + QString::number(line) + ": " + qs(data / name) +
             ": the JPEG file is truncated (it ends before its end-of-image marker, so the rest "
             "of the picture is missing); copy or export it again";
    };
    const QStringList problems = {cut(3, "cut.jpg"), cut(4, "no-eoi.jpg"), cut(5, "thumb-cut.jpg"),
                                  cut(8, "progressive-cut.jpg")};
    const fs::path project = dir / "p.flystage";
    const CliRun strict = test::runCli({"import", qs(project), "--csv", csv});
    QCOMPARE(strict.code, 1);
    QCOMPARE(errLines(strict),
             (problems + QStringList{"flystage-cli: error: 4 problem(s) in " + csv +
                                     "; nothing was imported. Fix them, or use --skip-bad to "
                                     "import the good rows"})
                 .join('\n'));
    const CliRun skip = test::runCli({"import", qs(project), "--csv", csv, "--skip-bad"});
    QVERIFY2(skip.code == 0, qPrintable(why(skip)));
    QCOMPARE(errLines(skip), problems.join('\n'));
    QCOMPARE(skip.out.trimmed(), "imported 3 image(s) (0 with a precise stage) into " +
                                     qs(project) + "; 4 bad row(s) skipped");
    Project p = Project::open(project, OpenMode::ReadOnly);
    QCOMPARE(p.summary().images, 3);
    QCOMPARE(p.db().execAndGet("SELECT rejected FROM imports").getInt(), 4);
  }

  // 5. Headers read wrongly: a PNG 0 pixels wide was "over the limit", and an OS/2 BMP's
  // 16-bit sizes were read as 32-bit ("8913229 x 1572865 pixels"). Now: a clear "no pixels",
  // the OS/2 BMP imports at its size, and an OS/2 BMP claiming 65535 x 65535 is refused.
  void zeroSizedPngAndOs2BmpAreReadAsTheyAre() {
    TempDir dir;
    const cv::Mat image = sample();
    writeText(dir / "zero.png", png(0, 100, std::string(100, '\0')));
    writeText(dir / "os2.bmp", os2Bmp(image));
    writeText(dir / "os2-bomb.bmp", os2Bmp(image(cv::Rect(0, 0, 8, 8)), 65535, 65535));
    writeText(dir / "labels.csv",
              "path,stage_range\nzero.png,4-6\nos2.bmp,4-6\nos2-bomb.bmp,4-6\n");
    const QString csv = qs(dir / "labels.csv");
    const fs::path project = dir / "p.flystage";
    const CliRun r = test::runCli({"import", qs(project), "--csv", csv, "--skip-bad"});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QCOMPARE(errLines(r),
             QStringList({csv + ":2: " + qs(dir / "zero.png") +
                              ": image is 0 x 100 pixels: it has no pixels; re-export the image",
                          csv + ":4: " + qs(dir / "os2-bomb.bmp") +
                              ": image is 65535 x 65535 pixels, over the limit of 64 megapixels; "
                              "downscale it first"})
                 .join('\n'));
    Project p = Project::open(project, OpenMode::ReadOnly);
    QCOMPARE(p.summary().images, 1);
    const auto rec = *p.image(p.imageIds().at(0));
    QCOMPARE(std::make_pair(rec.width, rec.height), std::make_pair(image.cols, image.rows));
    // The pixels are the sample's, row for row (BMP stores them bottom-up).
    const LoadedImage back = readImage(dir / "os2.bmp");
    QCOMPARE(cv::norm(back.bgr, image, cv::NORM_INF), 0.0);
  }

  // 6. standardize stopped at the first image without an embryo and did not name it. Now
  // every file is tried, each failure named, the others written, and the exit code says so.
  void standardizeTriesEveryFileAndNamesEachFailure() {
    TempDir dir;
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "b");
    const fs::path good1 = test::samplesDir() / "range4-6_0.png";
    const fs::path good2 = test::samplesDir() / "unlabeled_0.png";
    cv::imwrite((dir / "a" / "blank.png").string(),
                cv::Mat(120, 300, CV_8UC3, cv::Scalar::all(255)));
    const std::string jpeg = encoded(".jpg", sample());
    writeText(dir / "a" / "cut.jpg", jpeg.substr(0, jpeg.size() / 2));
    fs::copy_file(good1, dir / "a" / "same.png");
    writeText(dir / "b" / "same.jpg", jpeg);  // would overwrite out/same.png
    const fs::path out = dir / "out";
    const CliRun r = test::runCli({"standardize", qs(dir / "a" / "blank.png"), qs(good1),
                                   qs(dir / "a" / "cut.jpg"), qs(good2), qs(dir / "a" / "same.png"),
                                   qs(dir / "b" / "same.jpg"), "--out", qs(out)});
    QCOMPARE(r.code, 1);
    QCOMPARE(
        errLines(r),
        QStringList({qs(dir / "a" / "blank.png") +
                         ": no embryo found: the image has no object darker than its background; "
                         "check that it is a bright-field ISH image of an embryo on a light "
                         "background",
                     qs(dir / "a" / "cut.jpg") +
                         ": the JPEG file is truncated (it ends before its end-of-image marker, so "
                         "the rest of the picture is missing); copy or export it again",
                     qs(dir / "b" / "same.jpg") + ": its output " + qs(out / "same.png") +
                         " is already written from " + qs(dir / "a" / "same.png") +
                         "; rename one of the two inputs",
                     "flystage-cli: error: 3 of 6 image(s) could not be standardized (listed "
                     "above); the other 3 were written to " +
                         qs(out)})
            .join('\n'));
    QStringList written;
    for (const auto& line : r.out.split('\n', Qt::SkipEmptyParts).mid(1))
      written << line.section('\t', 0, 0);
    QCOMPARE(written, QStringList({qs(good1), qs(good2), qs(dir / "a" / "same.png")}));
    QStringList files;
    for (const auto& e : fs::directory_iterator(out)) files << qs(e.path().filename());
    files.sort();
    QCOMPARE(files, QStringList({"range4-6_0.png", "same.png", "unlabeled_0.png"}));
    // same.png is the PNG's, not the JPEG's.
    const cv::Mat fromPng = cv::imread((out / "same.png").string());
    QCOMPARE(cv::norm(fromPng, cv::imread((out / "range4-6_0.png").string()), cv::NORM_INF), 0.0);
  }
};

QTEST_GUILESS_MAIN(ImageBombTest)
#include "ImageBombTest.moc"
