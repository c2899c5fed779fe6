#include <QtTest>

#include "data/BdgpDump.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;
using flystage::test::TempDir;
using flystage::test::writeText;

class BdgpDumpTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void keepsLateralViewsAndCountsTheRest() {
    TempDir dir;
    writeText(dir / "insitu_images.csv",
              "id,symbol,annotation_symbol,FBgn,cDNA_clone,path,stage,pov,comment,resolution\n"
              "1,eve,eve,FBgn0000606,LD1,img/eve_1.jpe,2,lateral,,high\n"
              "2,eve,eve,FBgn0000606,LD1,img/eve_2.jpe,2,dorsal,,high\n"
              "3,ftz,ftz,FBgn0001077,LD2,img/ftz_1.jpe,6,Lateral,\"a, comment\",low\n"
              "4,ftz,ftz,FBgn0001077,LD2,img/ftz_2.jpe,3,ventral,,low\n"
              "5,h,h,FBgn0001180,LD3,img/h_1.jpe,9,lateral,,low\n");
    const auto plan = parseBdgpDump(dir / "insitu_images.csv", dir.path() / "root");
    QCOMPARE(plan.skippedNonLateral, 2);
    QCOMPARE(plan.items.size(), std::size_t(2));
    QCOMPARE(plan.items[0].gene, std::string("eve"));
    QCOMPARE(plan.items[0].range->name(), std::string("4-6"));    // bin 2
    QCOMPARE(plan.items[1].range->name(), std::string("13-17"));  // bin 6
    QVERIFY(!plan.items[0].stage);
    QCOMPARE(plan.items[0].path, (dir.path() / "root/img/eve_1.jpe").lexically_normal());
    QCOMPARE(plan.problems.size(), std::size_t(1));
    QCOMPARE(plan.problems[0].text(), (dir / "insitu_images.csv").string() +
                                          ":6: column 'stage': '9' is not a BDGP stage bin 1..6");
  }
  void refusesAnotherFile() {
    TempDir dir;
    writeText(dir / "x.csv", "path,stage_range\na.png,4-6\n");
    try {
      parseBdgpDump(dir / "x.csv");
      QFAIL("no exception");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               (dir / "x.csv").string() +
                   ":1: the header has no 'stage' column; is this BDGP's insitu_images.csv?");
    }
  }
};

QTEST_GUILESS_MAIN(BdgpDumpTest)
#include "BdgpDumpTest.moc"
