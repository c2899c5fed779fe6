// Issue 18 finding 6 through the real flystage-cli: `similar --run ID --image X --k N` lists
// the k embryos nearest by the run's learned feature, with the project's stages and genes
// and the run's stored call; a Gabor run and bad options are refused with one clear line.
#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "support/TinyRuns.h"
#include "train/Trainer.h"

using namespace flystage;
using test::qs;
using test::runCli;
using test::why;

class SimilarCliTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path file_;
  std::int64_t run_ = 0, gabor_ = 0;

 private Q_SLOTS:
  void initTestCase() {
    file_ = test::makeSyntheticProject(dir_, 13, 0.002, 3, "c.flystage");
    Project p = Project::open(file_);
    const auto runs = test::trainTinyNetworkAndGabor(p);
    run_ = runs.network;
    gabor_ = runs.gabor;
  }

  void similarListsNeighboursWithStagesAndGenes() {
    const QString run = QString::number(run_);
    // The run's calls stored: the table shows them.
    const auto predict =
        runCli({"predict", qs(file_), "--run", run, "--store", "--csv", qs(dir_ / "p.csv")});
    QVERIFY2(predict.code == 0, qPrintable(why(predict)));
    Project p = Project::open(file_, OpenMode::ReadOnly);
    const auto query = p.imageIds()[7];
    const auto r = runCli({"similar", qs(file_), "--run", run, "--image", QString::number(query),
                           "--k", "6", "--json", qs(dir_ / "s.json")});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QVERIFY2(r.err.contains(QStringLiteral("indexed %1 image(s) of run #%2 (feature 640 -> ")
                                .arg(p.imageIds().size())
                                .arg(run_)),
             qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("6 most similar to image #%1").arg(query)));
    QVERIFY(r.out.contains(QStringLiteral("rank    image  similarity  stage label")));
    QFile f(qs(dir_ / "s.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto j = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(j["image_id"].toInteger(), query);
    QCOMPARE(j["run"].toInteger(), run_);
    const auto rows = j["similar"].toArray();
    QCOMPARE(rows.size(), 6);
    std::map<std::int64_t, int> calls;
    for (const auto& s : runstore::predictions(p, run_)) calls[s.imageId] = s.call();
    double last = 2;
    const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    for (int i = 0; i < rows.size(); ++i) {
      const auto row = rows[i].toObject();
      const auto id = row["image_id"].toInteger();
      QVERIFY(id != query);
      QCOMPARE(row["rank"].toInt(), i + 1);
      const double sim = row["similarity"].toDouble();
      QVERIFY(sim <= last && sim >= -1 && sim <= 1);
      last = sim;
      const auto label = p.label(id);
      QCOMPARE(row["label"].toString().toStdString(), label.text());
      QCOMPARE(row["stage"].isNull(), !label.stage);
      if (label.stage) QCOMPARE(row["stage"].toInt(), *label.stage);
      QCOMPARE(row["range"].toString().toStdString(), label.range ? label.range->name() : "");
      QCOMPARE(row["gene"].toString().toStdString(), p.image(id)->gene);
      QCOMPARE(row["call"].toInt(), calls.at(id));
      // The table row says the same.
      const QStringList cells = lines[i + 2].simplified().split(' ');
      QCOMPARE(cells[0], QString::number(i + 1));
      QCOMPARE(cells[1].toLongLong(), id);
      QCOMPARE(cells[2], QString::number(sim, 'f', 4));
    }
    // Again: the stored index answers, nothing rebuilt; --rebuild builds it again.
    const auto again =
        runCli({"similar", qs(file_), "--run", run, "--image", QString::number(query), "--k", "6"});
    QCOMPARE(again.code, 0);
    QVERIFY(!again.err.contains("indexed"));
    QCOMPARE(again.out.split('\n')[2], r.out.split('\n')[2]);
    const auto rebuilt = runCli({"similar", qs(file_), "--run", run, "--image",
                                 QString::number(query), "--k", "2", "--rebuild"});
    QVERIFY(rebuilt.err.contains("indexed"));
  }

  void refusesGaborRunsAndBadOptions() {
    const auto gabor =
        runCli({"similar", qs(file_), "--run", QString::number(gabor_), "--image", "1"});
    QCOMPARE(gabor.code, 1);
    QCOMPARE(gabor.err.trimmed(),
             QStringLiteral("flystage-cli: error: run #%1 is a Gabor baseline: it has no learned "
                            "feature; choose a network run")
                 .arg(gabor_));
    const auto k =
        runCli({"similar", qs(file_), "--run", QString::number(run_), "--image", "1", "--k", "0"});
    QCOMPARE(k.err.trimmed(),
             QStringLiteral("flystage-cli: error: --k 0: must be a whole number 1..10000"));
    const auto image =
        runCli({"similar", qs(file_), "--run", QString::number(run_), "--image", "nope.png"});
    QCOMPARE(image.code, 1);
    QVERIFY2(image.err.startsWith(QStringLiteral("flystage-cli: error: --image: 'nope.png' is "
                                                 "not an image of ")),
             qPrintable(image.err));
    const auto missing = runCli({"similar", qs(file_), "--run", "99", "--image", "1"});
    QCOMPARE(missing.err.trimmed(), "flystage-cli: error: " + qs(file_) + ": there is no run #99");
  }
};

QTEST_GUILESS_MAIN(SimilarCliTest)
#include "SimilarCliTest.moc"
