#include <QtTest>

#include <sstream>

#include "data/LabelsCsv.h"
#include "support/TestSupport.h"
#include "util/Csv.h"
#include "util/Error.h"

using namespace flystage;
using flystage::test::TempDir;
using flystage::test::writeText;

class LabelsCsvTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void realSamplesCsv() {
    const auto plan = parseLabelsCsv(test::samplesDir() / "labels.csv");
    QVERIFY(plan.problems.empty());
    QCOMPARE(plan.items.size(), std::size_t(12));
    int perRange[6] = {};
    for (const auto& item : plan.items) {
      QVERIFY(item.path.is_absolute());
      QVERIFY(std::filesystem::exists(item.path));
      QVERIFY(item.range);
      QVERIFY(!item.stage);
      ++perRange[item.range->index()];
      // The file names carry the range: rangeX-Y_i.png.
      QVERIFY(item.path.filename().string().rfind("range" + item.range->name() + "_", 0) == 0);
    }
    for (int n : perRange) QCOMPARE(n, 2);
  }

  void columnsInAnyOrderAndCase() {
    TempDir dir;
    writeText(dir / "l.csv", "Stage,GENE,Path,Split\n12,eve,a.png,test\n5,,sub/b.png,train\n");
    const auto plan = parseLabelsCsv(dir / "l.csv");
    QVERIFY(plan.problems.empty());
    QCOMPARE(plan.items.size(), std::size_t(2));
    QCOMPARE(plan.items[0].stage.value(), 12);
    QCOMPARE(plan.items[0].range->name(), std::string("11-12"));  // the stage implies it
    QCOMPARE(plan.items[0].gene, std::string("eve"));
    QCOMPARE(plan.items[0].path, (dir.path() / "a.png").lexically_normal());
    QCOMPARE(plan.items[1].path, (dir.path() / "sub/b.png").lexically_normal());
    QVERIFY(plan.items[0].split == SplitPart::Test);
    QCOMPARE(plan.items[0].line, 2L);
    QCOMPARE(plan.items[1].line, 3L);
  }

  void everyBadRowIsReportedWithItsLine() {
    TempDir dir;
    writeText(dir / "bad.csv",
              "path,stage_range,stage,split\n"
              "ok.png,4-6,5,\n"          // line 2: fine
              "a.png,4-6,9,\n"           // 3: stage outside range
              "b.png,,,\n"               // 4: neither
              "c.png,5-9,,\n"            // 5: not a range
              "d.png,,x,\n"              // 6: not a stage
              ",4-6,,\n"                 // 7: no path
              "e.png,7-8,,test\n"        // 8: split without a stage
              "f.png,,18,\n"             // 9: stage out of 1..17
              "g.png,9-10,10,holdout\n"  // 10: bad split
              "\"h,1.png\",13-16,14,\n"  // 11: fine (quoted comma, BDGP's 13-16)
    );
    const auto plan = parseLabelsCsv(dir / "bad.csv");
    QCOMPARE(plan.items.size(), std::size_t(2));
    QCOMPARE(plan.items[1].path.filename().string(), std::string("h,1.png"));
    QCOMPARE(plan.items[1].range->name(), std::string("13-17"));
    std::vector<long> lines;
    for (const auto& p : plan.problems) lines.push_back(p.line);
    QCOMPARE(lines, (std::vector<long>{3, 4, 5, 6, 7, 8, 9, 10}));
    const std::string file = (dir / "bad.csv").string();
    QCOMPARE(plan.problems[0].text(),
             file + ":3: stage 9 is outside its stage_range 4-6; correct one of the two");
    QCOMPARE(plan.problems[1].text(),
             file + ":4: row has neither 'stage_range' nor 'stage'; give at least a range");
    QVERIFY(plan.problems[2].text().find("'5-9' is not a stage range") != std::string::npos);
    QVERIFY(plan.problems[5].text().find("no precise 'stage'") != std::string::npos);
  }

  void headerProblemsThrow() {
    TempDir dir;
    writeText(dir / "nopath.csv", "file,stage\na.png,5\n");
    try {
      parseLabelsCsv(dir / "nopath.csv");
      QFAIL("no exception");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               (dir / "nopath.csv").string() +
                   ":1: the header has no 'path' column (expected columns: path, stage_range, "
                   "stage, gene, split); rename column 'file' to 'path' if it holds the image "
                   "files");
    }
    writeText(dir / "empty.csv", "");
    QVERIFY_THROWS_EXCEPTION(Error, parseLabelsCsv(dir / "empty.csv"));
    QVERIFY_THROWS_EXCEPTION(Error, parseLabelsCsv(dir / "missing.csv"));
    writeText(dir / "quote.csv", "path,stage\n\"a.png,5\n");
    try {
      parseLabelsCsv(dir / "quote.csv");
      QFAIL("no exception");
    } catch (const Error& e) {
      QVERIFY(std::string(e.what()).find("quote.csv:2: a quoted field is never closed") !=
              std::string::npos);
    }
  }

  void csvReaderHandlesBomCrlfAndMultilineFields() {
    const auto recs = parseCsv(
        "\xEF\xBB\xBFpath,gene\r\n\"a\nb.png\",x\r\n\r\nc.png,\"say \"\"hi\"\"\"\r\n", "t");
    QCOMPARE(recs.size(), std::size_t(3));
    QCOMPARE(recs[0].fields[0], std::string("path"));
    QCOMPARE(recs[1].fields[0], std::string("a\nb.png"));
    QCOMPARE(recs[1].line, 2L);
    QCOMPARE(recs[2].line, 5L);  // after the two-line record and a blank line
    QCOMPARE(recs[2].fields[1], std::string("say \"hi\""));
  }

  // Issue 14: the near-miss suggestion of an unknown column counts a swap as one edit.
  void editDistanceOfColumnNames() {
    QCOMPARE(editDistance("stgae", "stage"), std::size_t(1));
    QCOMPARE(editDistance("stage", "stage"), std::size_t(0));
    QCOMPARE(editDistance("stage range", "stage_range"), std::size_t(1));
    QCOMPARE(editDistance("", "gene"), std::size_t(4));
    QCOMPARE(editDistance("spilt", "split"), std::size_t(1));
    QCOMPARE(editDistance("notes", "stage"), std::size_t(5));
  }

  // Issue 14: every limit of the streaming reader stops it with the file and line.
  void csvReaderLimits() {
    CsvLimits small;
    small.maxRecordBytes = 16;
    small.maxFileBytes = 64;
    small.maxRecords = 3;  // a header and two rows
    auto readAll = [&](const std::string& text) {
      std::istringstream in(text);
      CsvReader reader(in, "t.csv", small);
      CsvRecord r;
      std::size_t n = 0;
      while (reader.next(r)) ++n;
      return n;
    };
    auto message = [&](const std::string& text) -> QString {
      try {
        readAll(text);
      } catch (const Error& e) {
        return QString::fromStdString(e.what());
      }
      return "no error";
    };
    QCOMPARE(readAll("path\na.png\nb.png\n"), std::size_t(3));
    QCOMPARE(message("path\na.png\nb.png\nc.png\n"),
             QString("t.csv:4: more than 2 rows; split the file into smaller ones"));
    QCOMPARE(message("path\n0123456789abcdefXYZ\n"),
             QString("t.csv:2: a row longer than 16 bytes starts here; is this a CSV file?"));
    QCOMPARE(message("path\n\"a,\nb,\nc,\nd,\ne,\nf\"\n"),
             QString("t.csv:2: a quoted field runs on for over 16 bytes; is a closing '\"' "
                     "missing?"));
    QCOMPARE(message(std::string("path\na\0b\n", 9)),
             QString("t.csv:2: the file holds a NUL byte, so it is not a UTF-8 text CSV (an "
                     "image, a spreadsheet or a UTF-16 export?); save it as CSV (UTF-8)"));
    QCOMPARE(message("p\n" + std::string(70, '\n')),
             QString("t.csv:64: the file goes on past the limit of 64 bytes for a CSV; is it the "
                     "right file? Split a real one into smaller files"));
    // A byte-order mark is not part of the first column's name; a lone 0xEF byte is text.
    std::istringstream bom("\xEF\xBB\xBFpath\n");
    CsvReader reader(bom, "b.csv");
    CsvRecord r;
    QVERIFY(reader.next(r));
    QCOMPARE(r.fields, std::vector<std::string>{"path"});
    QCOMPARE(parseCsv("\xEFp\n", "e.csv")[0].fields[0], std::string("\xEFp"));
  }

  void csvFieldEscapesFormulas() {
    QCOMPARE(csvField("=HYPERLINK(\"x\")"), std::string("\"'=HYPERLINK(\"\"x\"\")\""));
    QCOMPARE(csvField("+1"), std::string("'+1"));
    QCOMPARE(csvField("@SUM"), std::string("'@SUM"));
    QCOMPARE(csvField("plain"), std::string("plain"));
    QCOMPARE(csvField("a,b"), std::string("\"a,b\""));
  }
};

QTEST_GUILESS_MAIN(LabelsCsvTest)
#include "LabelsCsvTest.moc"
