#include <QtTest>

#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "data/ImageIo.h"
#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;
using flystage::test::TempDir;
using flystage::test::writeText;

namespace {

cv::Mat sample(const std::string& name) {
  return readImage(test::samplesDir() / name).bgr;
}

int count(Project& p, const char* table) {
  return p.db().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
}

}  // namespace

class ImportTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void importsTheRealSamples() {
    TempDir dir;
    Project p = Project::open(dir / "real.flystage");
    const auto plan = parseLabelsCsv(test::samplesDir() / "labels.csv");
    const auto r = runImport(p, plan, {});
    QVERIFY(r.committed);
    QCOMPARE(r.imported, 12);
    QVERIFY(r.problems.empty());
    QVERIFY(r.duplicates.empty());
    const auto s = p.summary();
    QCOMPARE(s.images, 12);
    QCOMPARE(s.withStage, 0);
    for (const auto& [range, n] : s.perRange) QCOMPARE(n, 2);
    QCOMPARE(s.perRange.size(), std::size_t(6));
    QCOMPARE(count(p, "standardized"), 12);
    for (auto id : p.imageIds()) {
      const auto img = p.standardizedImage(id);
      QCOMPARE(img.rows, 128);
      QCOMPARE(img.cols, 320);
      const auto rec = p.image(id).value();
      QVERIFY(rec.width >= 317 && rec.width <= 340);
      QCOMPARE(rec.bitDepth, 8);
      QCOMPARE(rec.channels, 3);
      QCOMPARE(rec.sha256.size(), std::size_t(64));
    }
    // Importing the same CSV again imports nothing new and reports 12 duplicates.
    const auto again = runImport(p, plan, {});
    QVERIFY(again.committed);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.duplicates.size(), std::size_t(12));
    QVERIFY(again.duplicates[0].find("not imported again") != std::string::npos);
    QCOMPARE(p.summary().images, 12);
  }

  void importsTheLargeUnlabelledSamplesFromAFolder() {
    TempDir dir;
    std::filesystem::create_directories(dir / "in");
    for (int i = 0; i < 4; ++i)
      std::filesystem::copy_file(test::samplesDir() / ("unlabeled_" + std::to_string(i) + ".png"),
                                 dir / ("in/unlabeled_" + std::to_string(i) + ".png"));
    writeText(dir / "in/notes.txt", "not an image; skipped by extension");
    Project p = Project::open(dir / "f.flystage");
    const auto r = runImport(p, planFolder(dir / "in"), {});
    QVERIFY(r.committed);
    QCOMPARE(r.imported, 4);
    QCOMPARE(p.summary().unlabelled, 4);
    for (auto id : p.imageIds()) {
      QCOMPARE(p.standardizedImage(id).size(), cv::Size(320, 128));
      QVERIFY(p.image(id)->width > 900);
    }
  }

  void everyFormatAndDepth() {
    TempDir dir;
    const cv::Mat bgr = sample("range9-10_0.png");
    cv::Mat gray, bgra, bgr16;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    bgr.convertTo(bgr16, CV_16U, 257.0);
    cv::Mat gray16;
    gray.convertTo(gray16, CV_16U, 257.0);
    QVERIFY(cv::imwrite((dir / "rgb16.png").string(), bgr16));
    QVERIFY(cv::imwrite((dir / "gray16.tif").string(), gray16));
    QVERIFY(cv::imwrite((dir / "gray.png").string(), gray));
    QVERIFY(cv::imwrite((dir / "rgba.png").string(), bgra));
    QVERIFY(cv::imwrite((dir / "rgb.jpg").string(), bgr));
    QVERIFY(cv::imwrite((dir / "rgb.bmp").string(), bgr));
    QVERIFY(cv::imwrite((dir / "rgb.tiff").string(), bgr));
    writeText(dir / "labels.csv",
              "path,stage_range\nrgb16.png,9-10\ngray16.tif,9-10\ngray.png,9-10\nrgba.png,9-10\n"
              "rgb.jpg,9-10\nrgb.bmp,9-10\nrgb.tiff,9-10\n");
    Project p = Project::open(dir / "fmt.flystage");
    const auto r = runImport(p, parseLabelsCsv(dir / "labels.csv"), {});
    for (const auto& pr : r.problems) qWarning() << pr.text().c_str();
    QVERIFY(r.committed);
    QCOMPARE(r.imported, 7);
    SQLite::Statement q(p.db(), "SELECT path, channels, bit_depth FROM images ORDER BY id");
    std::map<std::string, std::pair<int, int>> seen;
    while (q.executeStep())
      seen[std::filesystem::path(q.getColumn(0).getString()).filename().string()] = {
          q.getColumn(1).getInt(), q.getColumn(2).getInt()};
    QCOMPARE(seen["rgb16.png"], std::make_pair(3, 16));
    QCOMPARE(seen["gray16.tif"], std::make_pair(1, 16));
    QCOMPARE(seen["gray.png"], std::make_pair(1, 8));
    QCOMPARE(seen["rgba.png"], std::make_pair(4, 8));
    QCOMPARE(seen["rgb.bmp"], std::make_pair(3, 8));
    // 16-bit decodes to the same 8-bit pixels as the original.
    const auto back = readImage(dir / "rgb16.png");
    QCOMPARE(cv::norm(back.bgr, bgr, cv::NORM_INF), 0.0);
    const auto alpha = readImage(dir / "rgba.png");
    QCOMPARE(cv::norm(alpha.bgr, bgr, cv::NORM_INF), 0.0);
  }

  void strictImportRefusesWholeAndListsEveryProblem() {
    TempDir dir;
    std::filesystem::copy_file(test::samplesDir() / "range4-6_0.png", dir / "good.png");
    writeText(dir / "empty.png", "");
    {
      // Truncated: the first 300 bytes of a real PNG.
      std::ifstream in(test::samplesDir() / "range4-6_1.png", std::ios::binary);
      std::string head(300, '\0');
      in.read(head.data(), 300);
      writeText(dir / "truncated.png", head);
    }
    writeText(dir / "text.png", "hello, I am not a picture at all");
    {
      // A decompression bomb: a PNG header that claims 100000 x 100000 pixels.
      // 29 bytes of signature and IHDR fields, then 4 of (unchecked) CRC. AddressSanitizer
      // caught the earlier version reading 33 bytes from the 29-byte literal.
      std::string bomb =
          std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x02\0\0\0",
                      29) +
          std::string(4, '\0');
      writeText(dir / "bomb.png", bomb + std::string(64, '\0'));
    }
    writeText(dir / "labels.csv",
              "path,stage_range,stage\n"
              "good.png,4-6,\n"
              "missing.png,4-6,\n"
              "empty.png,4-6,\n"
              "truncated.png,4-6,\n"
              "text.png,4-6,\n"
              "bomb.png,4-6,\n"
              "good.png,7-8,5\n");
    Project p = Project::open(dir / "s.flystage");
    const auto plan = parseLabelsCsv(dir / "labels.csv");
    const auto r = runImport(p, plan, {});
    QVERIFY(!r.committed);
    QCOMPARE(r.imported, 1);  // counted, then rolled back
    QCOMPARE(p.summary().images, 0);
    QCOMPARE(count(p, "imports"), 0);
    QCOMPARE(count(p, "labels"), 0);
    const std::string csv = (dir / "labels.csv").string();
    std::vector<std::string> texts;
    for (const auto& pr : r.problems) texts.push_back(pr.text());
    QCOMPARE(texts.size(), std::size_t(6));
    QCOMPARE(texts[0], csv + ":8: stage 5 is outside its stage_range 7-8; correct one of the two");
    QCOMPARE(texts[1], csv + ":3: " + (dir / "missing.png").string() +
                           ": no such image file (check the path and that it is a file)");
    QCOMPARE(texts[2], csv + ":4: " + (dir / "empty.png").string() +
                           ": file is empty (0 bytes); re-export the image");
    QVERIFY(texts[3].find("truncated.png: cannot decode") != std::string::npos);
    QVERIFY(texts[4].find("text.png: cannot decode") != std::string::npos);
    QCOMPARE(texts[5], csv + ":7: " + (dir / "bomb.png").string() +
                           ": image is 100000 x 100000 pixels, over the limit of 64 megapixels; "
                           "downscale it first");

    // --skip-bad: the good row lands, the rest is reported.
    ImportOptions skip;
    skip.skipBad = true;
    const auto r2 = runImport(p, plan, skip);
    QVERIFY(r2.committed);
    QCOMPARE(r2.imported, 1);
    QCOMPARE(r2.problems.size(), std::size_t(6));
    QCOMPARE(p.summary().images, 1);
    QCOMPARE(p.db().execAndGet("SELECT rejected FROM imports").getInt(), 6);
  }

  void duplicatesInsideOneImportAreImportedOnce() {
    TempDir dir;
    std::filesystem::copy_file(test::samplesDir() / "range7-8_0.png", dir / "a.png");
    std::filesystem::copy_file(test::samplesDir() / "range7-8_0.png", dir / "b.png");
    writeText(dir / "l.csv", "path,stage\na.png,7\nb.png,7\n");
    Project p = Project::open(dir / "d.flystage");
    const auto r = runImport(p, parseLabelsCsv(dir / "l.csv"), {});
    QVERIFY(r.committed);
    QCOMPARE(r.imported, 1);
    QCOMPARE(r.duplicates.size(), std::size_t(1));
    QVERIFY(r.duplicates[0].find("b.png: same content as") != std::string::npos);
    QCOMPARE(p.label(p.imageIds()[0]).stage.value(), 7);
  }

  // Issue 14: one image under two names with two labels used to keep the first label
  // unseen; now it is a problem naming both, and a strict import refuses.
  void sameContentWithAnotherLabelIsAProblem() {
    TempDir dir;
    std::filesystem::copy_file(test::samplesDir() / "range7-8_0.png", dir / "a.png");
    std::filesystem::copy_file(test::samplesDir() / "range7-8_0.png", dir / "b.png");
    writeText(dir / "l.csv", "path,stage\na.png,7\nb.png,8\n");
    Project p = Project::open(dir / "d.flystage");
    const auto plan = parseLabelsCsv(dir / "l.csv");
    const auto r = runImport(p, plan, {});
    QVERIFY(!r.committed);
    QCOMPARE(r.problems.size(), std::size_t(1));
    QCOMPARE(r.problems[0].text(), (dir / "l.csv").string() + ":3: " + (dir / "b.png").string() +
                                       ": same content as " + (dir / "a.png").string() +
                                       " (line 2), but labelled 8 (7-8) here and 7 (7-8) there; "
                                       "give both the same label or keep one");
    QCOMPARE(p.summary().images, 0);
    ImportOptions skip;
    skip.skipBad = true;
    const auto r2 = runImport(p, plan, skip);
    QVERIFY(r2.committed);
    QCOMPARE(r2.imported, 1);
    QCOMPARE(r2.problemCount(), std::size_t(1));
    QCOMPARE(p.label(p.imageIds()[0]).stage.value(), 7);
  }

  void cancelLeavesTheProjectAsItWas() {
    TempDir dir;
    Project p = Project::open(dir / "c.flystage");
    runImport(p, parseLabelsCsv(test::samplesDir() / "labels.csv"), {});
    std::filesystem::create_directories(dir / "more");
    for (int i = 0; i < 4; ++i)
      std::filesystem::copy_file(test::samplesDir() / ("unlabeled_" + std::to_string(i) + ".png"),
                                 dir / ("more/u" + std::to_string(i) + ".png"));
    CancelToken cancel;
    int seen = 0;
    auto progress = [&](const ProgressEvent& e) {
      seen = static_cast<int>(e.done);
      cancel.cancel();
    };
    ImportOptions oneThread;
    oneThread.threads = 1;
    // The first chunk is written, then the cancel is noticed before the commit.
    QVERIFY_THROWS_EXCEPTION(Cancelled, {
      auto plan = planFolder(dir / "more");
      // Make the plan longer than one chunk, so the cancel is seen between chunks.
      const auto one = plan.items;
      for (int k = 0; k < 20; ++k) plan.items.insert(plan.items.end(), one.begin(), one.end());
      runImport(p, plan, oneThread, progress, &cancel);
    });
    QVERIFY(seen > 0);
    QCOMPARE(p.summary().images, 12);
    QCOMPARE(count(p, "imports"), 1);
    QCOMPARE(p.db().execAndGet("PRAGMA integrity_check").getString(), std::string("ok"));
  }

  void stageLabelledImagesJoinTheSplit() {
    TempDir dir;
    std::string csv = "path,stage,split\n";
    for (int i = 0; i < 12; ++i) {
      const std::string name = "s" + std::to_string(i) + ".png";
      // Distinct content per file: the duplicate check is by content.
      cv::Mat img = sample("range11-12_0.png");
      img.at<cv::Vec3b>(0, i) = cv::Vec3b(0, 0, 0);
      cv::imwrite((dir / name).string(), img);
      csv += name + "," + (i < 6 ? "11" : "12") + (i == 0 ? ",test\n" : ",\n");
    }
    writeText(dir / "l.csv", csv);
    Project p = Project::open(dir / "sp.flystage");
    const auto r = runImport(p, parseLabelsCsv(dir / "l.csv"), {});
    QVERIFY(r.committed);
    QCOMPARE(r.withStage, 12);
    QCOMPARE(r.splitAssigned, 11);  // one came with its part
    auto s = p.summary();
    QCOMPARE(s.perSplit["test"] + s.perSplit["validation"] + s.perSplit["train"], 12);
    QCOMPARE(p.db().execAndGet("SELECT count(*) FROM splits WHERE origin = 'import'").getInt(), 1);
    // Stratified: each stage gets round(6 * 0.2) = 1 test image.
    QCOMPARE(s.perSplit["test"], 2);
  }
};

QTEST_GUILESS_MAIN(ImportTest)
#include "ImportTest.moc"
