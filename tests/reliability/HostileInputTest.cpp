// Issue 7, hostile inputs: every bad input a user can hand FlyStage gets a test that asserts
// the exact message they see, and that nothing already saved changed. The cases already
// covered elsewhere are not repeated: ImportTest (strict import lists every problem, every
// format and depth), ProjectTest (missing, foreign and newer project files at core level),
// ModelTest (tampered, foreign-architecture and garbage model blobs), LabelsCsvTest (csvField).
// Everything user-facing here goes through the real flystage-cli (cliPath()).
#include <QtTest>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include <fstream>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <opencv2/imgcodecs.hpp>

#include "data/ImageIo.h"
#include "model/ModelFile.h"
#include "model/Presets.h"
#include "model/ResNet.h"
#include "store/LabelHistory.h"
#include "store/Project.h"
#include "store/Schema.h"
#include "support/HostileFiles.h"
#include "support/TestSupport.h"
#include "util/Csv.h"
#include "util/Error.h"
#include "util/Sha256.h"

using namespace flystage;
using flystage::test::CliRun;
using flystage::test::TempDir;
using flystage::test::writeText;
namespace fs = std::filesystem;

using flystage::test::be32;
using flystage::test::chunk;
using flystage::test::crc32;
using flystage::test::FileSizeLimit;
using flystage::test::qs;
using flystage::test::readBytes;
using flystage::test::why;

namespace {

QByteArray fileHash(const fs::path& p) {
  return QCryptographicHash::hash(QByteArray::fromStdString(readBytes(p)),
                                  QCryptographicHash::Sha256)
      .toHex();
}

// Any program, not only flystage-cli (setpriv, prlimit, sh), with what it printed.
CliRun runProgram(const QString& program, const QStringList& args, int timeoutMs = 300000) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    return {-1, {}, QStringLiteral("timeout")};
  }
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

QString cli() {
  return QString::fromStdString(test::cliPath());
}

// stderr's lines, without progress ("import 3/7 ..."), GNU time's lines, and libpng's own
// "libpng error: ..." line (OpenCV's PNG decoder lets libpng print it; FlyStage cannot silence it).
QString errLines(const CliRun& r) {
  QStringList out;
  for (const auto& line : r.err.split('\n', Qt::SkipEmptyParts))
    if (!line.startsWith("import ") && !line.startsWith("maxrss=") && !line.startsWith("libpng ") &&
        !line.startsWith("Command exited"))
      out << line;
  return out.join('\n');
}

// --- PNG files written byte by byte, for headers no encoder would write. ---

// A complete PNG: `rows` are the raw scanlines, each already prefixed with its filter byte.
std::string png(std::uint32_t width, std::uint32_t height, int depth, int colorType,
                const std::string& rows, const std::string& palette = {}) {
  std::string ihdr = be32(width) + be32(height);
  ihdr += static_cast<char>(depth);
  ihdr += static_cast<char>(colorType);
  ihdr += std::string(3, '\0');  // deflate, adaptive filtering, no interlace
  // qCompress: a 4-byte length, then the zlib stream IDAT wants.
  const QByteArray z = qCompress(QByteArray::fromStdString(rows)).mid(4);
  std::string out("\x89PNG\r\n\x1a\n", 8);
  out += chunk("IHDR", ihdr);
  if (!palette.empty()) out += chunk("PLTE", palette);
  out += chunk("IDAT", z.toStdString());
  out += chunk("IEND", "");
  return out;
}

int imageCount(const fs::path& project) {
  Project p = Project::open(project, OpenMode::ReadOnly);
  return p.summary().images;
}

// A project holding one real sample image (imported by the CLI), to show that a refused
// import changes nothing already saved.
fs::path projectWithOneImage(const TempDir& dir) {
  const fs::path data = dir / "first";
  fs::create_directories(data);
  fs::copy_file(test::samplesDir() / "range1-3_0.png", data / "a.png");
  writeText(data / "labels.csv", "path,stage_range\na.png,1-3\n");
  const fs::path project = dir / "p.flystage";
  const auto r = test::runCli({"import", qs(project), "--csv", qs(data / "labels.csv")});
  if (r.code != 0) throw std::runtime_error(why(r).toStdString());
  return project;
}

// Replaces width and height in the first IFD of a little- or big-endian TIFF.
void patchTiffSize(std::string& b, std::uint32_t size) {
  const bool le = b[0] == 'I';
  auto get = [&](std::size_t o, int n) {
    std::uint32_t v = 0;
    for (int k = 0; k < n; ++k)
      v = (v << 8) | static_cast<unsigned char>(b[o + (le ? n - 1 - k : k)]);
    return v;
  };
  auto put = [&](std::size_t o, int n, std::uint32_t v) {
    for (int k = 0; k < n; ++k)
      b[o + (le ? k : n - 1 - k)] = static_cast<char>((v >> (8 * k)) & 0xFF);
  };
  const std::size_t ifd = get(4, 4);
  const std::uint32_t entries = get(ifd, 2);
  for (std::uint32_t e = 0; e < entries; ++e) {
    const std::size_t o = ifd + 2 + 12 * e;
    const std::uint32_t tag = get(o, 2), type = get(o + 2, 2);
    if (tag == 256 || tag == 257) put(o + 8, type == 3 ? 2 : 4, size);
  }
}

// Replaces width and height in a JPEG's first start-of-frame header.
void patchJpegSize(std::string& b, std::uint16_t size) {
  for (std::size_t i = 2; i + 9 < b.size();) {
    const auto m = static_cast<unsigned char>(b[i + 1]);
    if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
      for (std::size_t o : {i + 5, i + 7}) {
        b[o] = static_cast<char>(size >> 8);
        b[o + 1] = static_cast<char>(size & 0xFF);
      }
      return;
    }
    i += 2 + ((static_cast<unsigned char>(b[i + 2]) << 8) | static_cast<unsigned char>(b[i + 3]));
  }
}

// Peak resident memory of a command, in KiB, via GNU time; -1 when it is not installed.
long peakKiB(const QString& stderrText) {
  for (const auto& line : stderrText.split('\n'))
    if (line.startsWith("maxrss=")) return line.mid(7).toLong();
  return -1;
}

}  // namespace

class HostileInputTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // 1. Decompression bombs: tiny files whose headers claim gigapixels are refused by the real
  // import before anything is decoded: quickly, in little memory, naming the file.
  void decompressionBombsAreRefusedBeforeDecoding() {
    TempDir dir;
    const fs::path project = projectWithOneImage(dir);
    const QByteArray before = fileHash(project);
    const fs::path data = dir / "bombs";
    fs::create_directories(data);
    // PNG: a valid file (correct CRCs) whose IHDR says 60000 x 60000, with one tiny IDAT.
    writeText(data / "bomb.png", png(60000, 60000, 8, 2, std::string(1 + 3 * 16, '\0')));
    QCOMPARE(readBytes(data / "bomb.png").size() < std::size_t(200), true);
    // JPEG and TIFF: small real files with their size fields set to 30000 x 30000 (0.9
    // gigapixels: under OpenCV's own limit of 1 gigapixel, so OpenCV would allocate 2.7 GB).
    const cv::Mat small =
        readImage(test::samplesDir() / "range4-6_0.png").bgr(cv::Rect(0, 0, 16, 16));
    std::vector<uchar> buf;
    QVERIFY(cv::imencode(".jpg", small, buf));
    std::string jpeg(buf.begin(), buf.end());
    patchJpegSize(jpeg, 30000);
    writeText(data / "bomb.jpg", jpeg);
    QVERIFY(cv::imencode(".tif", small, buf));
    std::string tiff(buf.begin(), buf.end());
    patchTiffSize(tiff, 30000);
    writeText(data / "bomb.tif", tiff);
    writeText(data / "labels.csv", "path,stage_range\nbomb.png,4-6\nbomb.jpg,4-6\nbomb.tif,4-6\n");

    const QString csv = qs(data / "labels.csv");
    QElapsedTimer clock;
    clock.start();
    // GNU time reports the peak memory where it is installed.
    const QStringList args = {"import", qs(project), "--csv", csv};
    const CliRun r = QFile::exists("/usr/bin/time")
                         ? runProgram("/usr/bin/time", QStringList{"-f", "maxrss=%M", cli()} + args)
                         : test::runCli(args);
    const qint64 ms = clock.elapsed();
    QCOMPARE(r.code, 1);
    const QString tail =
        ": image is 30000 x 30000 pixels, over the limit of 64 megapixels; "
        "downscale it first";
    QCOMPARE(
        errLines(r),
        QStringList({
                        csv + ":2: " + qs(data / "bomb.png") +
                            ": image is 60000 x 60000 pixels, over the limit of 64 megapixels; "
                            "downscale it first",
                        csv + ":3: " + qs(data / "bomb.jpg") + tail,
                        csv + ":4: " + qs(data / "bomb.tif") + tail,
                        "flystage-cli: error: 3 problem(s) in " + csv +
                            "; nothing was imported. Fix them, or use --skip-bad to import the "
                            "good rows",
                    })
            .join('\n'));
    QVERIFY2(ms < 20000, qPrintable(QString::number(ms)));
    const long kib = peakKiB(r.err);
    if (kib >= 0) QVERIFY2(kib < 1024 * 1024, qPrintable(QString::number(kib)));  // < 1 GiB
    QCOMPARE(fileHash(project), before);
    QCOMPARE(imageCount(project), 1);
  }

  // 2. An empty file and a truncated PNG (the first 100 bytes of a real sample).
  void emptyAndTruncatedImagesAreRefusedByName() {
    TempDir dir;
    const fs::path project = projectWithOneImage(dir);
    const QByteArray before = fileHash(project);
    writeText(dir / "empty.png", "");
    writeText(dir / "truncated.png",
              readBytes(test::samplesDir() / "range4-6_1.png").substr(0, 100));
    writeText(dir / "labels.csv", "path,stage_range\nempty.png,4-6\ntruncated.png,4-6\n");
    const QString csv = qs(dir / "labels.csv");
    const auto r = test::runCli({"import", qs(project), "--csv", csv});
    QCOMPARE(r.code, 1);
    QCOMPARE(
        errLines(r),
        QStringList(
            {
                csv + ":2: " + qs(dir / "empty.png") +
                    ": file is empty (0 bytes); re-export the image",
                csv + ":3: " + qs(dir / "truncated.png") +
                    ": cannot decode the image; it is truncated or not a PNG, JPEG, TIFF or "
                    "BMP file",
                "flystage-cli: error: 2 problem(s) in " + csv +
                    "; nothing was imported. Fix them, or use --skip-bad to import the good rows",
            })
            .join('\n'));
    QCOMPARE(fileHash(project), before);
  }

  // 3. Bit depths encoders rarely write: 1-bit grey, 2-bit palette, 16-bit grey + alpha. They
  // import, keep what the file was in the store, and decode to the right colours.
  void oddBitDepthsImport() {
    TempDir dir;
    // Each image is a dark embryo-like ellipse on a light background, so it standardizes.
    const std::uint32_t w = 160, h = 64;
    auto inside = [&](std::uint32_t x, std::uint32_t y) {
      const double dx = (x - 80.0) / 60.0, dy = (y - 32.0) / 22.0;
      return dx * dx + dy * dy < 1.0;
    };
    std::string mono, pal, ga16;
    for (std::uint32_t y = 0; y < h; ++y) {
      mono += '\0';
      for (std::uint32_t x = 0; x < w; x += 8) {
        unsigned char byte = 0;
        for (std::uint32_t k = 0; k < 8; ++k)
          if (!inside(x + k, y)) byte |= static_cast<unsigned char>(0x80 >> k);  // 1 = white
        mono += static_cast<char>(byte);
      }
      pal += '\0';
      for (std::uint32_t x = 0; x < w; x += 4) {
        unsigned char byte = 0;
        for (std::uint32_t k = 0; k < 4; ++k) {
          // Index 0 background, 1 embryo; the first row shows all four entries.
          const unsigned idx = y == 0 && x == 0 ? k : (inside(x + k, y) ? 1 : 0);
          byte |= static_cast<unsigned char>(idx << (6 - 2 * k));
        }
        pal += static_cast<char>(byte);
      }
      ga16 += '\0';
      for (std::uint32_t x = 0; x < w; ++x) {
        const std::uint16_t grey = inside(x, y) ? 0x3000 : 0xE0E0;
        const std::uint16_t alpha = x == w - 1 ? 0 : 0xFFFF;  // last column transparent
        for (std::uint16_t v : {grey, alpha}) {
          ga16 += static_cast<char>(v >> 8);
          ga16 += static_cast<char>(v & 0xFF);
        }
      }
    }
    const std::string palette("\xF0\xF0\xF0\x40\x30\x20\xFF\x00\x00\x00\x00\xFF", 12);
    writeText(dir / "mono1.png", png(w, h, 1, 0, mono));
    writeText(dir / "palette2.png", png(w, h, 2, 3, pal, palette));
    writeText(dir / "greyalpha16.png", png(w, h, 16, 4, ga16));
    writeText(dir / "labels.csv",
              "path,stage_range,stage\nmono1.png,4-6,5\npalette2.png,9-10,\ngreyalpha16.png,"
              "13-17,15\n");
    const fs::path project = dir / "p.flystage";
    const auto r = test::runCli({"import", qs(project), "--csv", qs(dir / "labels.csv")});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QCOMPARE(r.out.trimmed(), "imported 3 image(s) (2 with a precise stage) into " + qs(project) +
                                  "; 2 added to the split");
    {
      Project p = Project::open(project, OpenMode::ReadOnly);
      std::map<std::string, std::pair<int, int>> seen;  // file -> channels, bit depth
      for (auto id : p.imageIds()) {
        const auto rec = *p.image(id);
        QCOMPARE(std::make_pair(rec.width, rec.height), std::make_pair(160, 64));
        seen[fs::path(rec.path).filename().string()] = {rec.channels, rec.bitDepth};
        QCOMPARE(p.standardizedImage(id).size(), cv::Size(320, 128));
      }
      // What OpenCV's PNG reader gives: low depths widened to 8 bits, a palette expanded to
      // colour, grey + alpha to four channels.
      QCOMPARE(seen["mono1.png"], std::make_pair(1, 8));
      QCOMPARE(seen["palette2.png"], std::make_pair(3, 8));
      QCOMPARE(seen["greyalpha16.png"], std::make_pair(4, 16));
    }
    const cv::Mat m = readImage(dir / "mono1.png").bgr;
    QCOMPARE(m.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    QCOMPARE(m.at<cv::Vec3b>(32, 80), cv::Vec3b(0, 0, 0));
    const cv::Mat pl = readImage(dir / "palette2.png").bgr;  // BGR of palette entries 0..3
    QCOMPARE(pl.at<cv::Vec3b>(0, 0), cv::Vec3b(0xF0, 0xF0, 0xF0));
    QCOMPARE(pl.at<cv::Vec3b>(0, 1), cv::Vec3b(0x20, 0x30, 0x40));
    QCOMPARE(pl.at<cv::Vec3b>(0, 2), cv::Vec3b(0, 0, 255));
    QCOMPARE(pl.at<cv::Vec3b>(0, 3), cv::Vec3b(255, 0, 0));
    QCOMPARE(pl.at<cv::Vec3b>(32, 80), cv::Vec3b(0x20, 0x30, 0x40));
    const cv::Mat ga = readImage(dir / "greyalpha16.png").bgr;
    QCOMPARE(ga.at<cv::Vec3b>(5, 0), cv::Vec3b(224, 224, 224));    // opaque 0xE0E0
    QCOMPARE(ga.at<cv::Vec3b>(5, 159), cv::Vec3b(255, 255, 255));  // transparent: white
  }

  // 4. A symlinked image, folder and file names with spaces and non-ASCII letters, and a
  // project file in such a folder: import, label and reopen work, and the stored path is
  // the one the user named.
  void spacesNonAsciiAndSymlinksInPaths() {
    TempDir dir;
    const fs::path data = dir / "Embryonen ä";
    const fs::path projDir = dir / "Projekt ü 1";
    fs::create_directories(data);
    fs::create_directories(projDir);
    fs::copy_file(test::samplesDir() / "range7-8_0.png", data / "图像 1.png");
    fs::create_symlink(test::samplesDir() / "range7-8_1.png", data / "link ö.png");
    writeText(data / "labels.csv",
              "path,stage_range,gene\n图像 1.png,7-8,Krüppel\nlink ö.png,7-8,eve\n");
    const fs::path project = projDir / "Ämbryo 1.flystage";
    const auto imp = test::runCli({"import", qs(project), "--csv", qs(data / "labels.csv")});
    QVERIFY2(imp.code == 0, qPrintable(why(imp)));
    QCOMPARE(imp.out.trimmed(), "imported 2 image(s) (0 with a precise stage) into " + qs(project));
    const auto lab = test::runCli({"label", qs(project), "--image", "1", "--stage", "8"});
    QVERIFY2(lab.code == 0, qPrintable(why(lab)));
    const auto info = test::runCli({"info", qs(project)});
    QVERIFY2(info.code == 0, qPrintable(why(info)));
    QCOMPARE(info.out.split('\n')[0], "project        " + qs(project));
    Project p = Project::open(project, OpenMode::Existing);
    QCOMPARE(p.image(1)->path, (data / "图像 1.png").string());
    QCOMPARE(p.image(1)->gene, std::string("Krüppel"));
    QCOMPARE(p.image(2)->path, (data / "link ö.png").string());  // the link, as named
    QCOMPARE(p.image(2)->sha256, readImage(test::samplesDir() / "range7-8_1.png").sha256);
    QCOMPARE(p.label(1).stage.value(), 8);
    QCOMPARE(p.summary().withStage, 1);
  }

  // 5. Formula injection: image files named like spreadsheet formulas (legal on Linux), with
  // formula-like genes. The predictions CSV writes every path as an absolute path, quoted
  // where needed: no cell starts with = + - @, and each reads back as the exact path. (No
  // CSV the product writes holds the gene: GEM and figure CSVs hold numbers only.)
  void formulaLikeNamesAreWrittenSafelyToCsv() {
    TempDir dir;
    const fs::path project = test::makeSyntheticProject(dir);
    const fs::path data = dir / "hostile";
    fs::create_directories(data);
    const std::vector<std::string> names = {"=1+2.png", "@SUM(A1,B1).png", "+cmd.png", "-2+3.png"};
    const std::vector<std::string> samples = {"range4-6_0.png", "range4-6_1.png", "range9-10_0.png",
                                              "range9-10_1.png"};
    for (std::size_t i = 0; i < names.size(); ++i)
      fs::copy_file(test::samplesDir() / samples[i], data / names[i]);
    // Written by hand, as a user would: the name with a comma quoted, no apostrophes.
    const std::string csv =
        "path,stage_range,stage,gene\n"
        "=1+2.png,4-6,5,\"=HYPERLINK(\"\"http://x\"\")\"\n"
        "\"@SUM(A1,B1).png\",4-6,5,@gene\n"
        "+cmd.png,4-6,6,+1\n"
        "-2+3.png,4-6,6,-1\n";
    writeText(data / "labels.csv", csv);
    const int before = imageCount(project);
    const auto imp = test::runCli({"import", qs(project), "--csv", qs(data / "labels.csv")});
    QVERIFY2(imp.code == 0, qPrintable(why(imp)));
    {
      Project p = Project::open(project, OpenMode::ReadOnly);
      QCOMPARE(p.summary().images, before + 4);
      QCOMPARE(p.image(before + 1)->gene, std::string("=HYPERLINK(\"http://x\")"));
    }
    const auto train = test::runCli({"train", qs(project), "--method", "gabor", "--quiet"});
    QVERIFY2(train.code == 0, qPrintable(why(train)));
    const QString run = train.out.trimmed();
    const auto pred =
        test::runCli({"predict", qs(project), "--run", run, "--csv", qs(dir / "pred.csv")});
    QVERIFY2(pred.code == 0, qPrintable(why(pred)));
    const std::string text = readBytes(dir / "pred.csv");
    const auto records = parseCsv(text, "pred.csv");
    QCOMPARE(records.size(), std::size_t(before + 4 + 1));
    for (const auto& rec : records)
      for (const auto& cell : rec.fields)
        QVERIFY2(cell.empty() || std::string("=+-@").find(cell[0]) == std::string::npos,
                 cell.c_str());
    for (const auto& name : names) {
      const std::string path = (data / name).string();
      const std::string written = name[0] == '@' ? "\"" + path + "\"" : path;  // the comma
      QVERIFY2(text.find("\n" + written + ",") != std::string::npos, written.c_str());
      bool found = false;
      for (const auto& rec : records) found = found || rec.fields.at(0) == path;
      QVERIFY2(found, path.c_str());
    }
  }

  // 6. A project from a newer FlyStage, at the command line: refused, byte for byte unchanged.
  void newerProjectIsRefusedByTheCli() {
    TempDir dir;
    const fs::path project = dir / "new.flystage";
    {
      SQLite::Database db(project.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      // FlyStage's application id: a newer FlyStage's project (ProjectTrustTest has others').
      db.exec(
          "CREATE TABLE images(id INTEGER PRIMARY KEY); PRAGMA user_version = 99; "
          "PRAGMA application_id = " +
          std::to_string(kApplicationId));
    }
    const QByteArray before = fileHash(project);
    const QString expected = "flystage-cli: error: " + qs(project) +
                             ": project schema version 99 is newer than this FlyStage "
                             "understands (" +
                             QString::number(kSchemaVersion) +
                             "); open it with a newer FlyStage. The file was not changed.";
    const auto info = test::runCli({"info", qs(project)});
    QCOMPARE(info.code, 1);
    QCOMPARE(info.err.trimmed(), expected);
    const auto label = test::runCli({"label", qs(project), "--image", "1", "--stage", "5"});
    QCOMPARE(label.code, 1);
    QCOMPARE(label.err.trimmed(), expected);
    QCOMPARE(fileHash(project), before);
    QVERIFY(!fs::exists(dir / "new.flystage-wal"));
  }

  // 7. A project the user may not write (0444 file in a 0555 folder). Root writes anyway, so
  // as root the CLI runs as nobody (setpriv). Labelling is refused clearly; info still works.
  void readOnlyProjectRefusesWritesButShowsInfo() {
    QStringList prefix;
    if (geteuid() == 0) {
      if (QStandardPaths::findExecutable("setpriv").isEmpty())
        QSKIP("running as root and setpriv (util-linux) is not installed");
      prefix = {"--reuid=65534", "--regid=65534", "--clear-groups", cli()};
    }
    TempDir dir;
    const fs::path source = projectWithOneImage(dir);
    fs::permissions(dir.path(), fs::perms::others_exec | fs::perms::group_exec,
                    fs::perm_options::add);
    auto run = [&](const QStringList& args) {
      return prefix.isEmpty() ? test::runCli(args) : runProgram("setpriv", prefix + args);
    };
    const auto r_x = fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                     fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec;
    // A read-only file in a read-only folder (named so that it needs escaping in a URI), then
    // a read-only file in a folder anyone may write.
    for (const auto& [name, folderPerms] : {std::make_pair(std::string("locked #1 ?"), r_x),
                                            std::make_pair(std::string("open"), fs::perms::all)}) {
      const fs::path folder = dir / name;
      fs::create_directories(folder);
      const fs::path project = folder / "p.flystage";
      fs::copy_file(source, project);
      fs::permissions(project,
                      fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
      fs::permissions(folder, folderPerms);
      const QByteArray before = fileHash(project);
      const auto label = run({"label", qs(project), "--image", "1", "--stage", "2"});
      QCOMPARE(label.code, 1);
      QCOMPARE(label.err.trimmed(),
               "flystage-cli: error: " + qs(project) +
                   ": cannot write the project: you may not write the file or its folder "
                   "(SQLite needs both); check their permissions or copy the project somewhere "
                   "you can write. Nothing was changed.");
      const auto info = run({"info", qs(project)});
      QVERIFY2(info.code == 0, qPrintable(why(info)));
      QVERIFY2(info.out.contains("images         1 (0 unlabelled, 0 with a precise stage"),
               qPrintable(info.out));
      QCOMPARE(fileHash(project), before);
      fs::permissions(folder, fs::perms::owner_all);
    }
  }

  // 8. A full disk (the file size limit, RLIMIT_FSIZE, with SIGXFSZ ignored so writes fail
  // with EFBIG as on a full disk): the import fails with a clear message, the project opens,
  // passes SQLite's integrity check and holds what it held.
  void fullDiskLeavesTheProjectAsItWas() {
    if (QStandardPaths::findExecutable("prlimit").isEmpty())
      QSKIP("prlimit (util-linux) is not installed");
    TempDir dir;
    const fs::path project = test::makeSyntheticProject(dir, 21, 0.003, 3);
    const int images = imageCount(project);
    const QByteArray before = fileHash(project);
    const auto synth = test::runCli({"synth", "--out", qs(dir / "more"), "--scale", "0.003",
                                     "--min-per-stage", "3", "--seed", "9", "--standardized"});
    QVERIFY2(synth.code == 0, qPrintable(why(synth)));
    // 200 kB: far less than the batch's pixels, so its write-ahead log cannot hold them.
    const auto r =
        runProgram("sh", {"-c", "trap '' XFSZ; exec prlimit --fsize=200000 \"$0\" \"$@\"", cli(),
                          "import", qs(project), "--csv", qs(dir / "more/labels.csv")});
    QCOMPARE(r.code, 1);
    QCOMPARE(errLines(r),
             "flystage-cli: error: " + qs(project) +
                 ": could not write the project: the disk is full or the file too large (disk "
                 "I/O error); nothing of this import was saved");
    {
      Project p = Project::open(project, OpenMode::Existing);
      QCOMPARE(p.db().execAndGet("PRAGMA integrity_check").getString(), std::string("ok"));
      QCOMPARE(p.summary().images, images);
    }
    QCOMPARE(fileHash(project), before);
    // With room again, the same import succeeds.
    const auto again = test::runCli({"import", qs(project), "--csv", qs(dir / "more/labels.csv")});
    QVERIFY2(again.code == 0, qPrintable(why(again)));
    QVERIFY(imageCount(project) > images);

    // Training: the run is created (a few kB), its first checkpoint (a model's weights, far
    // over 100 kB) does not fit. The run stops as failed and resumes once there is room.
    const QStringList train = {"train",          qs(project), "--method",      "data-level",
                               "--preset",       "tiny",      "--threads",     "1",
                               "--range-epochs", "2",         "--fine-epochs", "1"};
    const auto full = runProgram(
        "sh", QStringList{"-c", "trap '' XFSZ; exec prlimit --fsize=100000 \"$0\" \"$@\"", cli()} +
                  train);
    QCOMPARE(full.code, 1);
    QCOMPARE(full.err.trimmed().split('\n').last(),
             "flystage-cli: error: " + qs(project) +
                 ": could not write the project: the disk is full or the file too large (disk "
                 "I/O error); run #1 stopped; what it saved before is kept. Free some space, then "
                 "resume it: it continues from its last checkpoint");
    {
      SQLite::Database db(project.string(), SQLite::OPEN_READONLY);
      QCOMPARE(db.execAndGet("PRAGMA integrity_check").getString(), std::string("ok"));
      QCOMPARE(db.execAndGet("SELECT status FROM runs WHERE id = 1").getString(),
               std::string("failed"));
    }
    const auto resumed = test::runCli({"train", qs(project), "--resume", "1", "--threads", "1"});
    QVERIFY2(resumed.code == 0, qPrintable(why(resumed)));
    SQLite::Database db(project.string(), SQLite::OPEN_READONLY);
    QCOMPARE(db.execAndGet("SELECT status FROM runs WHERE id = 1").getString(),
             std::string("finished"));
  }

  // 8b. A full disk while labelling: the file size limit is set in this process once the
  // project is open (SQLite's shared-memory file is 32 kB, a label's log entry 4 kB pages).
  // The label is refused with the file named; the label saved before it stays.
  void fullDiskWhileLabellingKeepsTheLabelBefore() {
    TempDir dir;
    const fs::path project = projectWithOneImage(dir);
    Project p = Project::open(project);
    LabelHistory history(p);
    QVERIFY(history.setLabel(1, labelForStage(2, LabelSource::User)));
    {
      FileSizeLimit limit(4096);
      try {
        history.setLabel(1, labelForStage(3, LabelSource::User));
        QFAIL("the label was saved past the file size limit");
      } catch (const Error& e) {
        QCOMPARE(QString::fromUtf8(e.what()),
                 qs(project) +
                     ": could not write the project: the disk is full or the file too large "
                     "(disk I/O error); the label was not saved; the labels saved before are "
                     "kept");
      }
    }
    QCOMPARE(p.label(1), labelForStage(2, LabelSource::User));
    QCOMPARE(Project::open(project, OpenMode::ReadOnly).label(1),
             labelForStage(2, LabelSource::User));
    QCOMPARE(p.db().execAndGet("PRAGMA integrity_check").getString(), std::string("ok"));
    QVERIFY(history.setLabel(1, labelForStage(3, LabelSource::User)));  // room again
  }

  // 9. Two programs labelling one project at once share it through WAL and the busy timeout;
  // a writer kept waiting longer than the timeout is told who holds the project and what to do.
  void twoInstancesShareOneProject() {
    TempDir dir;
    const fs::path project = test::makeSyntheticProject(dir, 21, 0.003, 5);
    QVERIFY(imageCount(project) >= 60);
    const QString loop =
        "for i in $(seq \"$1\" \"$2\"); do \"$0\" label \"$3\" --image $i --stage \"$4\" "
        "--force || exit 1; done";
    QProcess a, b;
    a.start("sh", {"-c", loop, cli(), "1", "30", qs(project), "5"});
    b.start("sh", {"-c", loop, cli(), "31", "60", qs(project), "9"});
    QVERIFY(a.waitForFinished(300000));
    QVERIFY(b.waitForFinished(300000));
    QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
    QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
    {
      Project p = Project::open(project, OpenMode::ReadOnly);
      for (std::int64_t id = 1; id <= 60; ++id)
        QCOMPARE(p.label(id).stage.value_or(0), id <= 30 ? 5 : 9);
    }

    // Another program holds the write lock for longer than the busy timeout (5 s).
    SQLite::Database holder(project.string(), SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");
    QElapsedTimer clock;
    clock.start();
    const auto blocked = test::runCli({"label", qs(project), "--image", "1", "--stage", "6"});
    QVERIFY(clock.elapsed() >= 4500);
    QCOMPARE(blocked.code, 1);
    QCOMPARE(blocked.err.trimmed(),
             "flystage-cli: error: " + qs(project) +
                 ": another program is writing this project and kept it locked for over 5 "
                 "seconds; try again when it has finished. Nothing was changed.");
    holder.exec("ROLLBACK");
    const auto after = test::runCli({"label", qs(project), "--image", "1", "--stage", "6"});
    QVERIFY2(after.code == 0, qPrintable(why(after)));
  }

  // 10. Model data. ModelTest covers a tampered checksum, another architecture's weights,
  // unparseable spec JSON and truncated weights. Not covered: a spec whose numbers are
  // damaged (the checksum covers only the weights: widths of a million would make building
  // the network allocate terabytes) and foreign bytes stored with a matching checksum.
  void damagedModelSpecAndForeignWeightsAreRefused() {
    auto net = makeResNet(preset("tiny").spec, 1);
    const auto blob = saveModel(net);
    auto huge = blob;
    const std::string widths = "\"widths\":[8,16,32,64]";
    const auto at = huge.specJson.find(widths);
    QVERIFY(at != std::string::npos);
    huge.specJson.replace(at, widths.size(), "\"widths\":[8,16,32,6400000]");
    try {
      loadModel(huge);
      QFAIL("no exception");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               std::string("model architecture description is invalid: values out of range"));
    }
    // A LibTorch archive (zip) is FlyStage's old format, which can run code: never read
    // (ModelTrustTest has the hostile archive itself).
    auto foreign = blob;
    foreign.weights = "PK\x03\x04 this is a zip file, but not a torch archive";
    foreign.sha256 = sha256Hex(foreign.weights);
    try {
      loadModel(foreign);
      QFAIL("no exception");
    } catch (const Error& e) {
      QVERIFY2(
          std::string(e.what()).rfind("the model is stored in FlyStage's old format (", 0) == 0,
          e.what());
    }
  }
};

QTEST_GUILESS_MAIN(HostileInputTest)
#include "HostileInputTest.moc"
