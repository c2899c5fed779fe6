#include <QtTest>

#include "data/Stage.h"
#include "data/StageRange.h"

using namespace flystage;

class StageTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void fineIndexIsNumericOrder() {
    // A name sort would put 10 before 4; the class index must follow the stage number.
    for (int s = 4; s <= 17; ++s) QCOMPARE(fineStageIndex(s), s - 4);
    QCOMPARE(fineStageFromIndex(6), 10);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, fineStageIndex(3));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, fineStageFromIndex(14));
  }
  void parseStage() {
    QCOMPARE(flystage::parseStage(" 12 ").value(), 12);
    QVERIFY(!flystage::parseStage("0"));
    QVERIFY(!flystage::parseStage("18"));
    QVERIFY(!flystage::parseStage("12a"));
    QVERIFY(!flystage::parseStage("1.5"));
    QVERIFY(!flystage::parseStage(""));
  }
  void rangesCoverEveryStageOnce() {
    int covered = 0;
    for (int s = 1; s <= 17; ++s) {
      int n = 0;
      for (const auto& r : allStageRanges()) n += r.contains(s) ? 1 : 0;
      QCOMPARE(n, 1);
      ++covered;
    }
    QCOMPARE(covered, 17);
    QCOMPARE(stageRangeOfStage(12).name(), std::string("11-12"));
    QCOMPARE(stageRangeOfStage(17).name(), std::string("13-17"));
    QCOMPARE(stageRangeOfStage(1).index(), 0);
  }
  void parseRange_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("dash") << "4-6"
                          << "4-6";
    QTest::newRow("spaces") << " 9 - 10 "
                            << "9-10";
    QTest::newRow("bdgp 13-16") << "13-16"
                                << "13-17";
    QTest::newRow("bin 1") << "1"
                           << "1-3";
    QTest::newRow("bin 6") << "6"
                           << "13-17";
    QTest::newRow("bin 7") << "7"
                           << "";
    QTest::newRow("not a range") << "5-9"
                                 << "";
    QTest::newRow("words") << "late"
                           << "";
    QTest::newRow("empty") << ""
                           << "";
  }
  void parseRange() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto r = parseStageRange(text.toStdString());
    QCOMPARE(r ? QString::fromStdString(r->name()) : QString(), expected);
  }
};

QTEST_GUILESS_MAIN(StageTest)
#include "StageTest.moc"
