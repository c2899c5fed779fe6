#include <QtTest>

#include <QProcess>
#include <csignal>
#include <random>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/Project.h"
#include "support/TestSupport.h"
#include "synth/DemoDataset.h"

using namespace flystage;
using flystage::test::TempDir;

namespace {

// Checks the invariants a half-written import would break.
void checkConsistent(const std::filesystem::path& file, int expectedBase, int full) {
  Project p = Project::open(file, OpenMode::Existing);
  QCOMPARE(p.db().execAndGet("PRAGMA integrity_check").getString(), std::string("ok"));
  SQLite::Statement fk(p.db(), "PRAGMA foreign_key_check");
  QVERIFY(!fk.executeStep());
  const int images = p.summary().images;
  // One transaction: either none of the second import is there, or all of it.
  QVERIFY2(images == expectedBase || images == expectedBase + full,
           qPrintable(QString("images after kill: %1").arg(images)));
  QCOMPARE(p.db().execAndGet("SELECT count(*) FROM standardized").getInt(), images);
  QCOMPARE(p.db()
               .execAndGet("SELECT count(*) FROM images i LEFT JOIN standardized s ON "
                           "s.image_id = i.id WHERE s.image_id IS NULL")
               .getInt(),
           0);
  QCOMPARE(p.db().execAndGet("SELECT count(*) FROM imports WHERE imported = 0").getInt(), 0);
}

}  // namespace

class ImportCrashTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void killedImportLeavesTheStoreConsistent() {
    TempDir dir;
    DemoOptions demo;
    demo.seed = 5;
    demo.scale = 0.004;  // about 150 images
    demo.minPerStage = 2;
    const auto data = writeDemoDataset(demo, dir / "data");
    const auto project = dir / "crash.flystage";

    // A committed import first: it must survive every kill below.
    QProcess first;
    first.start(QString::fromStdString(test::cliPath()),
                {"import", QString::fromStdString(project.string()), "--csv",
                 QString::fromStdString((test::samplesDir() / "labels.csv").string())});
    QVERIFY(first.waitForFinished(120000));
    QCOMPARE(first.exitCode(), 0);

    std::mt19937 rng(11);
    int killedMidway = 0;
    for (int round = 0; round < 4; ++round) {
      QProcess child;
      child.setProcessChannelMode(QProcess::MergedChannels);
      child.start(QString::fromStdString(test::cliPath()),
                  {"import", QString::fromStdString(project.string()), "--csv",
                   QString::fromStdString(data.labelsCsv.string()), "--threads", "1"});
      QVERIFY(child.waitForStarted());
      // Kill at a random moment inside the import (the whole import takes seconds).
      QTest::qWait(150 + static_cast<int>(rng() % 1500));
      const bool running = child.state() == QProcess::Running;
      if (running) {
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        ++killedMidway;
      }
      QVERIFY(child.waitForFinished(120000));
      checkConsistent(project, 12, data.images);
      if (!running) break;  // it finished: the data is in, nothing more to kill
    }
    QVERIFY(killedMidway > 0);
    // The committed labels of the first import are all there.
    Project p = Project::open(project, OpenMode::Existing);
    QCOMPARE(p.db()
                 .execAndGet("SELECT count(*) FROM labels l JOIN images i ON i.id = "
                             "l.image_id WHERE i.path LIKE '%bdgp-samples%'")
                 .getInt(),
             12);
  }
};

QTEST_GUILESS_MAIN(ImportCrashTest)
#include "ImportCrashTest.moc"
