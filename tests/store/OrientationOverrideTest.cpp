// store/OrientationOverride: the manual orientation fix of one image, set by core in one
// transaction (the CLI's `orient` ran its own SQL and reported success for an image without
// standardized pixels, writing nothing).

#include <QtTest>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <opencv2/core.hpp>

#include "data/ImageIo.h"
#include "image/Standardizer.h"
#include "store/OrientationOverride.h"
#include "store/Project.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;
using flystage::test::qs;
using flystage::test::TempDir;
using flystage::test::why;

namespace {

// Every image's stored override columns, in id order: what a failed call must not change.
std::vector<std::string> overrides(Project& p) {
  std::vector<std::string> rows;
  SQLite::Statement q(p.db(),
                      "SELECT image_id, override_flip_h, override_flip_v FROM standardized "
                      "ORDER BY image_id");
  while (q.executeStep())
    rows.push_back(q.getColumn(0).getString() + ":" + q.getColumn(1).getString() +
                   q.getColumn(2).getString());
  return rows;
}

OrientationOverride fix(bool h, bool v) {
  OrientationOverride f;
  f.flipHorizontal = h;
  f.flipVertical = v;
  return f;
}

}  // namespace

class OrientationOverrideTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void setReadBackAndPixelsFollow();
  void unknownImageIsNamedAndNothingIsWritten();
  void imageWithoutStandardizedPixelsIsRefused();
  void cliOrientUsesCore();
  void storedOrientationReadsWhatTheImportDecided();
};

void OrientationOverrideTest::setReadBackAndPixelsFollow() {
  TempDir dir;
  Project p = Project::open(flystage::test::makeSamplesProject(dir), OpenMode::Existing);
  const auto ids = p.imageIds();
  QCOMPARE(ids.size(), std::size_t{12});
  const std::int64_t id = ids[3], other = ids[4];
  const cv::Mat plain = p.standardizedImage(id), otherPlain = p.standardizedImage(other);
  QCOMPARE(plain.cols, 320);
  QCOMPARE(plain.rows, 128);
  QVERIFY(!orientationOverride(p, id).flipHorizontal && !orientationOverride(p, id).flipVertical);

  // Each combination reads back, and the stored pixels come out flipped exactly so.
  const struct {
    bool h, v;
    int flipCode;  // cv::flip's: 1 about the vertical axis, 0 horizontal, -1 both
  } cases[] = {{true, false, 1}, {false, true, 0}, {true, true, -1}};
  for (const auto& c : cases) {
    setOrientationOverride(p, id, fix(c.h, c.v));
    const OrientationOverride back = orientationOverride(p, id);
    QCOMPARE(back.flipHorizontal, c.h);
    QCOMPARE(back.flipVertical, c.v);
    cv::Mat expected;
    cv::flip(plain, expected, c.flipCode);
    QVERIFY(test::equalImages(p.standardizedImage(id), expected));
  }
  // No flags resets it; the other images were never touched.
  setOrientationOverride(p, id, fix(false, false));
  QVERIFY(test::equalImages(p.standardizedImage(id), plain));
  QVERIFY(test::equalImages(p.standardizedImage(other), otherPlain));
  for (const std::string& row : overrides(p))
    QVERIFY2(row.substr(row.size() - 2) == "00", row.c_str());
}

void OrientationOverrideTest::unknownImageIsNamedAndNothingIsWritten() {
  TempDir dir;
  Project p = Project::open(flystage::test::makeSamplesProject(dir), OpenMode::Existing);
  setOrientationOverride(p, p.imageIds()[0], fix(true, false));
  const auto before = overrides(p);
  QCOMPARE(test::errorOf([&] { setOrientationOverride(p, 999, fix(true, true)); }),
           p.file().string() + ": there is no image #999");
  QCOMPARE(test::errorOf([&] { orientationOverride(p, 999); }),
           p.file().string() + ": there is no image #999");
  QCOMPARE(overrides(p), before);
}

void OrientationOverrideTest::imageWithoutStandardizedPixelsIsRefused() {
  TempDir dir;
  Project p = Project::open(flystage::test::makeSamplesProject(dir), OpenMode::Existing);
  const std::int64_t id = p.imageIds()[5];
  p.db().exec("DELETE FROM standardized WHERE image_id = " + std::to_string(id));
  const auto before = overrides(p);
  QCOMPARE(before.size(), std::size_t{11});
  QCOMPARE(test::errorOf([&] { setOrientationOverride(p, id, fix(true, true)); }),
           p.file().string() + ": image #" + std::to_string(id) + " has no standardized pixels");
  QCOMPARE(overrides(p), before);
}

void OrientationOverrideTest::cliOrientUsesCore() {
  TempDir dir;
  const auto file = flystage::test::makeSamplesProject(dir);
  std::int64_t id = 0, bare = 0;
  {
    Project p = Project::open(file, OpenMode::Existing);
    id = p.imageIds()[2];
    bare = p.imageIds()[7];
    p.db().exec("DELETE FROM standardized WHERE image_id = " + std::to_string(bare));
  }
  QVERIFY(std::filesystem::exists(flystage::test::cliPath()));
  auto ok = flystage::test::runCli(
      {"orient", qs(file), "--image", QString::number(id), "--flip-h", "--flip-v"});
  QVERIFY2(ok.code == 0, qPrintable(why(ok)));
  QCOMPARE(ok.out.trimmed(), QString("image #%1: manual orientation flip_h=1 flip_v=1").arg(id));
  {
    Project p = Project::open(file, OpenMode::Existing);
    QVERIFY(orientationOverride(p, id).flipHorizontal && orientationOverride(p, id).flipVertical);
  }
  // The finding: this printed "manual orientation flip_h=1" and exited 0, storing nothing.
  auto refused =
      flystage::test::runCli({"orient", qs(file), "--image", QString::number(bare), "--flip-h"});
  QCOMPARE(refused.code, 1);
  QVERIFY2(refused.out.isEmpty(), qPrintable(why(refused)));
  auto unknown = flystage::test::runCli({"orient", qs(file), "--image", "999"});
  QCOMPARE(unknown.code, 1);
  Project p = Project::open(file, OpenMode::Existing);
  QCOMPARE(refused.err.trimmed(), "flystage-cli: error: " + qs(p.file()) + ": image #" +
                                      QString::number(bare) + " has no standardized pixels");
  QCOMPARE(unknown.err.trimmed(),
           "flystage-cli: error: " + qs(p.file()) + ": there is no image #999");
}

// Issue 16, finding 7: the image view shows the automatic decision and its confidences as
// the import stored them. All 16 real samples: the stored row is what the standardizer
// decides for the file (unlabeled_0 not flipped any more), and the fix reads back beside it.
void OrientationOverrideTest::storedOrientationReadsWhatTheImportDecided() {
  TempDir dir;
  Project p = Project::open(flystage::test::makeSamplesProject(dir, true), OpenMode::Existing);
  const Standardizer standardizer;
  int checked = 0;
  for (std::int64_t id : p.imageIds()) {
    const std::string path = p.image(id)->path;
    const StandardizeResult r = standardizer.run(readImage(path).bgr);
    const StoredOrientation s = storedOrientation(p, id);
    QVERIFY2(s.passthrough == r.passthrough && s.autoFlipH == r.flippedHorizontal &&
                 s.autoFlipV == r.flippedVertical,
             path.c_str());
    QCOMPARE(s.apConfidence, r.apConfidence);
    QCOMPARE(s.dvConfidence, r.dvConfidence);
    QVERIFY(!s.fix.flipHorizontal && !s.fix.flipVertical);
    if (path.find("unlabeled_0.png") != std::string::npos)
      QVERIFY2(!s.autoFlipped() && s.dvConfidence == 0, path.c_str());
    ++checked;
  }
  QCOMPARE(checked, 16);
  const std::int64_t id = p.imageIds()[5];
  setOrientationOverride(p, id, fix(false, true));
  QVERIFY(!storedOrientation(p, id).fix.flipHorizontal &&
          storedOrientation(p, id).fix.flipVertical);
  QCOMPARE(test::errorOf([&] { storedOrientation(p, 999); }),
           p.file().string() + ": there is no image #999");
}

QTEST_GUILESS_MAIN(OrientationOverrideTest)
#include "OrientationOverrideTest.moc"
