#include <QtTest>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <functional>
#include <memory>
#include <set>

#include <opencv2/imgcodecs.hpp>

#include "data/LabelsCsv.h"
#include "data/Stage.h"
#include "importer/Importer.h"
#include "interpret/GemPartial.h"
#include "interpret/StageGems.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "train/Trainer.h"
#include "util/Error.h"
#include "util/Shard.h"

using namespace flystage;
using test::CliRun;
using test::TempDir;

namespace {

QString s(const std::filesystem::path& p) {
  return QString::fromStdString(p.string());
}

QString readAll(const std::filesystem::path& p) {
  QFile f(s(p));
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Runs flystage-cli once per argument list, all at the same time (as the nodes of an array
// job do), and waits for every one.
std::vector<CliRun> runTogether(const std::vector<QStringList>& argLists) {
  std::vector<std::unique_ptr<QProcess>> processes;
  for (const auto& args : argLists) {
    processes.push_back(std::make_unique<QProcess>());
    processes.back()->start(QString::fromStdString(test::cliPath()), args);
  }
  std::vector<CliRun> runs;
  for (auto& p : processes) {
    if (!p->waitForFinished(300000)) {
      runs.push_back({-1, {}, QStringLiteral("timeout")});
      continue;
    }
    runs.push_back({p->exitCode(), QString::fromUtf8(p->readAllStandardOutput()),
                    QString::fromUtf8(p->readAllStandardError())});
  }
  return runs;
}

std::vector<CliRun> shards(const QStringList& args, int count, const QString& option,
                           const std::function<QString(int)>& file) {
  std::vector<QStringList> lists;
  for (int i = 0; i < count; ++i)
    lists.push_back(args + QStringList{QStringLiteral("--shard"),
                                       QStringLiteral("%1/%2").arg(i).arg(count), option, file(i)});
  return runTogether(lists);
}

void verifyAllPassed(const std::vector<CliRun>& runs) {
  for (const auto& r : runs) QVERIFY2(r.code == 0, qPrintable(r.err));
}

// A copy of the project file (closed projects have no WAL left), so one test's stores do not
// change another's.
std::filesystem::path copyProject(const std::filesystem::path& from,
                                  const std::filesystem::path& to) {
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
  return to;
}

bool samePredictions(const std::vector<StoredPrediction>& a, const std::vector<StoredPrediction>& b,
                     double tolerance) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].imageId != b[i].imageId || a[i].stage != b[i].stage ||
        std::abs(a[i].probability - b[i].probability) > tolerance ||
        a[i].probabilities.size() != b[i].probabilities.size())
      return false;
    for (std::size_t k = 0; k < a[i].probabilities.size(); ++k)
      if (std::abs(a[i].probabilities[k] - b[i].probabilities[k]) > tolerance) return false;
  }
  return true;
}

// The same range-aware calls: constraint asked for, range, constrained stage and probabilities.
bool sameConstrainedCalls(const std::vector<StoredPrediction>& a,
                          const std::vector<StoredPrediction>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].rangeConstraint != b[i].rangeConstraint || a[i].range != b[i].range ||
        a[i].constrainedStage != b[i].constrainedStage ||
        std::abs(a[i].constrainedProbability - b[i].constrainedProbability) > 1e-6 ||
        a[i].constrainedProbabilities.size() != b[i].constrainedProbabilities.size())
      return false;
  return true;
}

// The lines of a GEM's CSV, split into fields.
std::vector<QStringList> csvRows(const std::filesystem::path& file) {
  std::vector<QStringList> rows;
  for (const auto& line : readAll(file).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
    rows.push_back(line.split(QLatin1Char(',')));
  return rows;
}

}  // namespace

// Prediction, GEMs and saliency of a project split into shards that run as separate processes
// (as a SLURM array job's nodes), merged, against a single run.
class ShardTest : public QObject {
  Q_OBJECT
  TempDir dir_;
  std::filesystem::path project_;
  std::int64_t run_ = 0, other_ = 0;
  std::size_t images_ = 0;

  QString run() const { return QString::number(run_); }
  QString predShard(int i) const { return s(dir_ / ("pred-" + std::to_string(i) + ".csv")); }

  // The 3 prediction shards of run_, made once by 3 processes at the same time.
  void makePredictionShards(const std::filesystem::path& project) {
    if (std::filesystem::exists(predShard(2).toStdString())) return;
    const auto parts =
        shards({QStringLiteral("predict"), s(project), QStringLiteral("--run"), run()}, 3,
               QStringLiteral("--out"), [&](int i) { return predShard(i); });
    verifyAllPassed(parts);
    QVERIFY(parts[1].out.contains(QStringLiteral("of shard 1/3")));
  }

 private Q_SLOTS:
  void initTestCase() {
    project_ = test::makeSyntheticProject(dir_, 5, 0.002, 3, "s.flystage");
    Project p = Project::open(project_, OpenMode::Existing);
    TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
    c.plainEpochs = 2;
    c.device = "cpu";
    run_ = train(p, c, {});
    c.plainEpochs = 1;
    c.seed = 2;
    other_ = train(p, c, {});  // another model, for the shards that must not mix
    images_ = p.imageIds().size();
    QVERIFY(images_ > 40);
  }

  void shardsPartitionTheImages() {
    QCOMPARE(parseShard("2/8"), (Shard{2, 8}));
    QCOMPARE(parseShard(" 0 / 1 "), (Shard{0, 1}));
    for (const char* bad : {"3", "3/3", "-1/3", "1/0", "a/3", "1/3/4", ""}) {
      try {
        parseShard(bad);
        QFAIL(bad);
      } catch (const Error& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("shard '")), e.what());
      }
    }
    std::vector<std::int64_t> ids;
    for (std::int64_t id = 3; id < 3 + 101; ++id) ids.push_back(id * 2);
    for (int n : {1, 3, 7, 200}) {
      std::vector<int> times(ids.size());
      for (int i = 0; i < n; ++i) {
        const auto part = shardOf(ids, {i, n});
        QCOMPARE(part.size(), shardSize(ids.size(), {i, n}));
        QVERIFY(std::is_sorted(part.begin(), part.end()));
        for (auto id : part) ++times[static_cast<std::size_t>(id / 2 - 3)];
      }
      QVERIFY2(std::all_of(times.begin(), times.end(), [](int t) { return t == 1; }),
               "every image in exactly one shard");
    }
    // Interleaved: shard sizes differ by one at most.
    QCOMPARE(shardOf(ids, {0, 3}).size(), std::size_t(34));
    QCOMPARE(shardOf(ids, {2, 3}).size(), std::size_t(33));
    QCOMPARE(shardOf(ids, {1, 3}).front(), std::int64_t(8));
  }

  void predictionShardsMergeToASingleRun() {
    const auto single = copyProject(project_, dir_ / "single.flystage");
    const auto one =
        test::runCli({QStringLiteral("predict"), s(single), QStringLiteral("--run"), run(),
                      QStringLiteral("--csv"), s(dir_ / "single.csv"), QStringLiteral("--store")});
    QVERIFY2(one.code == 0, qPrintable(one.err));

    const auto merged = copyProject(project_, dir_ / "merged.flystage");
    makePredictionShards(merged);
    QVERIFY(
        readAll(dir_ / "pred-0.csv")
            .startsWith(QStringLiteral("#flystage-predictions v2 run=%1 model_sha256=").arg(run_)));
    QVERIFY(readAll(dir_ / "pred-0.csv").section('\n', 0, 0).endsWith(" range_constraint=1"));
    const auto m =
        test::runCli({QStringLiteral("merge-predictions"), s(merged), QStringLiteral("--run"),
                      run(), predShard(2), predShard(0), predShard(1)});
    QVERIFY2(m.code == 0, qPrintable(m.err));
    QVERIFY2(m.out.contains(QStringLiteral("stored %1 prediction(s)").arg(images_)),
             qPrintable(m.out));

    Project a = Project::open(single, OpenMode::ReadOnly);
    Project b = Project::open(merged, OpenMode::ReadOnly);
    const auto expected = runstore::predictions(a, run_);
    const auto got = runstore::predictions(b, run_);
    QCOMPARE(expected.size(), images_);
    QVERIFY2(samePredictions(expected, got, 1e-6), "merged shards == one predict --store run");
    QVERIFY(sameConstrainedCalls(expected, got));
  }

  // Range-aware prediction travels in the shards (v2); a v1 shard (made before it) is merged
  // with the calls constrained by the project's ranges, as predict makes them now; shards made
  // with and without --no-range-constraint are not mixed.
  void shardsKeepTheRangeConstraint() {
    const auto single = dir_ / "single.flystage";  // predict --store, range-constrained
    const auto v1 = copyProject(project_, dir_ / "v1.flystage");
    makePredictionShards(v1);
    QStringList v1Files;
    for (int i = 0; i < 3; ++i) {
      QStringList lines = readAll(predShard(i).toStdString()).split(QLatin1Char('\n'));
      lines[0]
          .replace(QStringLiteral(" v2 "), QStringLiteral(" v1 "))
          .remove(QStringLiteral(" range_constraint=1"));
      for (int l = 1; l < lines.size(); ++l)
        if (!lines[l].isEmpty()) lines[l] = lines[l].section(QLatin1Char(','), 0, -3);
      const auto name = "v1-" + std::to_string(i) + ".csv";
      test::writeText(dir_ / name, lines.join(QLatin1Char('\n')).toStdString());
      v1Files << s(dir_ / name);
    }
    QVERIFY(readAll(dir_ / "v1-0.csv").contains(QStringLiteral(",p_stage_17\n")));
    const auto m = test::runCli(
        QStringList{QStringLiteral("merge-predictions"), s(v1), QStringLiteral("--run"), run()} +
        v1Files);
    QVERIFY2(m.code == 0, qPrintable(m.err));
    {
      Project a = Project::open(single, OpenMode::ReadOnly);
      Project b = Project::open(v1, OpenMode::ReadOnly);
      const auto expected = runstore::predictions(a, run_);
      const auto got = runstore::predictions(b, run_);
      QVERIFY(samePredictions(expected, got, 1e-6));
      QVERIFY(sameConstrainedCalls(expected, got));
      QVERIFY(std::any_of(got.begin(), got.end(),
                          [](const StoredPrediction& p) { return p.constrainedStage; }));
    }

    const auto off = copyProject(project_, dir_ / "off.flystage");
    const auto unconstrained =
        test::runCli({QStringLiteral("predict"), s(off), QStringLiteral("--run"), run(),
                      QStringLiteral("--no-range-constraint"), QStringLiteral("--shard"),
                      QStringLiteral("1/3"), QStringLiteral("--out"), s(dir_ / "off-1.csv")});
    QVERIFY2(unconstrained.code == 0, qPrintable(unconstrained.err));
    QVERIFY(readAll(dir_ / "off-1.csv").section('\n', 0, 0).endsWith(" range_constraint=0"));
    const auto mixed =
        test::runCli({QStringLiteral("merge-predictions"), s(off), QStringLiteral("--run"), run(),
                      predShard(0), s(dir_ / "off-1.csv"), predShard(2)});
    QCOMPARE(mixed.code, 1);
    QCOMPARE(mixed.err.trimmed(),
             QStringLiteral(
                 "flystage-cli: error: %1:1: made without the range constraint, but %2 with it: "
                 "predict every shard with the same options")
                 .arg(s(dir_ / "off-1.csv"), predShard(0)));
  }

  void refusedMergesStoreNothing() {
    const auto file = copyProject(project_, dir_ / "refused.flystage");
    makePredictionShards(file);
    const auto other =
        test::runCli({QStringLiteral("predict"), s(file), QStringLiteral("--run"),
                      QString::number(other_), QStringLiteral("--shard"), QStringLiteral("2/3"),
                      QStringLiteral("--out"), s(dir_ / "other-2.csv")});
    QVERIFY2(other.code == 0, qPrintable(other.err));
    std::vector<StoredPrediction> before;
    {
      Project p = Project::open(file, OpenMode::ReadOnly);
      before = runstore::predictions(p, run_);  // the test part's, from training
      QVERIFY(!before.empty() && before.size() < images_);
    }
    const auto refuse = [&](const std::filesystem::path& project, const QStringList& files,
                            const QString& why) {
      const auto r = test::runCli(QStringList{QStringLiteral("merge-predictions"), s(project),
                                              QStringLiteral("--run"), run()} +
                                  files);
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains(why), qPrintable(r.err));
      Project p = Project::open(project, OpenMode::ReadOnly);
      QVERIFY2(samePredictions(runstore::predictions(p, run_), before, 0), "nothing stored");
    };
    refuse(file, {predShard(0), predShard(2)}, QStringLiteral("shard(s) 1/3 missing"));
    refuse(file, {predShard(0), predShard(1), predShard(1), predShard(2)},
           QStringLiteral("shard 1/3 is given twice"));
    refuse(file, {predShard(0), predShard(1), s(dir_ / "other-2.csv")},
           s(dir_ / "other-2.csv") +
               QStringLiteral(":1: predictions of run #%1, not of run #%2").arg(other_).arg(run_));

    // Damaged files: named by file and line.
    const QStringList lines = readAll(predShard(1).toStdString()).split(QLatin1Char('\n'));
    const auto variant = [&](const std::string& name,
                             const std::function<void(QStringList&)>& edit) {
      QStringList changed = lines;
      edit(changed);
      test::writeText(dir_ / name, changed.join(QLatin1Char('\n')).toStdString());
      return s(dir_ / name);
    };
    refuse(file,
           {predShard(0),
            variant("bad-1.csv",
                    [](QStringList& l) {
                      QStringList fields = l[4].split(QLatin1Char(','));
                      fields[4] = QStringLiteral("abc");
                      l[4] = fields.join(QLatin1Char(','));
                    }),
            predShard(2)},
           s(dir_ / "bad-1.csv") + QStringLiteral(":5: probability must be a number in 0..1"));
    refuse(
        file,
        {predShard(0), variant("short-1.csv", [](QStringList& l) { l.removeAt(4); }), predShard(2)},
        QStringLiteral("the file is incomplete"));
    refuse(file,
           {predShard(0),
            variant("model-1.csv",
                    [](QStringList& l) {
                      l[0].replace(QRegularExpression(QStringLiteral("model_sha256=[0-9a-f]+")),
                                   QStringLiteral("model_sha256=00"));
                    }),
            predShard(2)},
           QStringLiteral("made with another model"));
    refuse(file,
           {predShard(0),
            variant("half-1.csv",
                    [](QStringList& l) {
                      l[0].replace(QStringLiteral("shard=1/3"), QStringLiteral("shard=1/2"));
                    }),
            predShard(2)},
           QStringLiteral("is one of 3 shards"));
    // Images imported after the shards were made: the shards miss them.
    const auto grown = copyProject(project_, dir_ / "grown.flystage");
    {
      Project p = Project::open(grown, OpenMode::Existing);
      QVERIFY(runImport(p, parseLabelsCsv(test::samplesDir() / "labels.csv"), {}).committed);
    }
    refuse(grown, {predShard(0), predShard(1), predShard(2)},
           QStringLiteral("images were imported since; rerun every shard"));

    // A shard process only reads the project: --store is refused with --out.
    const auto store =
        test::runCli({QStringLiteral("predict"), s(file), QStringLiteral("--run"), run(),
                      QStringLiteral("--store"), QStringLiteral("--out"), s(dir_ / "x.csv")});
    QCOMPARE(store.code, 1);
    QVERIFY(store.err.contains(QStringLiteral("merge-predictions")));
    const auto badShard = test::runCli({QStringLiteral("predict"), s(file), QStringLiteral("--run"),
                                        run(), QStringLiteral("--shard"), QStringLiteral("3/3"),
                                        QStringLiteral("--out"), s(dir_ / "x.csv")});
    QCOMPARE(badShard.code, 1);
    QVERIFY2(badShard.err.contains(QStringLiteral("the index must lie in 0..2")),
             qPrintable(badShard.err));
  }

  void gemShardsMergeToASingleRun() {
    // By label: every stage has images (a two-epoch tiny model calls nearly all one stage).
    const QStringList gem{QStringLiteral("gem"), s(project_), QStringLiteral("--by"),
                          QStringLiteral("label")};
    verifyAllPassed(shards(gem, 3, QStringLiteral("--partial"), [&](int i) {
      return s(dir_ / ("gem-" + std::to_string(i) + ".gemp"));
    }));
    const auto merged =
        test::runCli({QStringLiteral("gem-merge"), s(dir_ / "gem-1.gemp"), s(dir_ / "gem-0.gemp"),
                      s(dir_ / "gem-2.gemp"), QStringLiteral("--out"), s(dir_ / "merged.svg")});
    QVERIFY2(merged.code == 0, qPrintable(merged.err));
    const auto single =
        test::runCli(gem + QStringList{QStringLiteral("--out"), s(dir_ / "single.svg")});
    QVERIFY2(single.code == 0, qPrintable(single.err));
    QCOMPARE(merged.out.section(QStringLiteral("stage "), 1),
             single.out.section(QStringLiteral("stage "), 1));  // images per stage

    // The numbers of the figures: the same pixels, the same values.
    const auto a = csvRows(dir_ / "single.csv");
    const auto b = csvRows(dir_ / "merged.csv");
    QVERIFY(a.size() > 1000);
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      QCOMPARE(a[i].size(), qsizetype(7));
      QCOMPARE(b[i].mid(0, 4), a[i].mid(0, 4));  // stage, images, row, col
      if (i == 0) continue;
      for (int k = 4; k < 7; ++k)
        QVERIFY2(
            std::abs(a[i][k].toDouble() - b[i][k].toDouble()) <= 2e-6 * (1 + a[i][k].toDouble()),
            qPrintable(a[i].join(QLatin1Char(',')) + QStringLiteral(" vs ") +
                       b[i].join(QLatin1Char(','))));
    }

    // The merged sums are the single run's sums (up to the order of additions).
    std::vector<std::filesystem::path> files;
    for (int i = 0; i < 3; ++i) files.push_back(dir_ / ("gem-" + std::to_string(i) + ".gemp"));
    const GemPartial whole = mergeGemPartials(files);
    Project p = Project::open(project_, OpenMode::ReadOnly);
    GemRequest r;
    r.assignment = StageAssignment::Label;
    const StageGemSums direct = accumulateStageGems(p, r);
    QCOMPARE(whole.sums.imagesConsidered, direct.imagesConsidered);
    QCOMPARE(whole.sums.stages.size(), direct.stages.size());
    int nonEmpty = 0;
    for (std::size_t i = 0; i < direct.stages.size(); ++i) {
      const auto& x = direct.stages[i];
      const auto& y = whole.sums.stages[i];
      QCOMPARE(y.stage, x.stage);
      QCOMPARE(y.imageIds, x.imageIds);
      const auto sx = x.builder.sums();
      const auto sy = y.builder.sums();
      QCOMPARE(sy.images, sx.images);
      nonEmpty += sx.images > 0;
      QCOMPARE(cv::norm(sx.covered, sy.covered, cv::NORM_INF), 0.0);
      QCOMPARE(cv::norm(sx.weights, sy.weights, cv::NORM_INF), 0.0);
      QVERIFY(cv::norm(sx.weightedExpression, sy.weightedExpression, cv::NORM_INF) < 1e-9);
    }
    QCOMPARE(nonEmpty, kNumFineStages);

    // Refused: a missing shard, a shard twice, a partial cut short, another request.
    const auto refused = [&](const std::vector<std::filesystem::path>& partials,
                             const QString& why) {
      try {
        mergeGemPartials(partials);
        QFAIL("merged");
      } catch (const Error& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(why), e.what());
      }
    };
    const auto part = [&](int i) { return dir_ / ("gem-" + std::to_string(i) + ".gemp"); };
    refused({part(0), part(2)}, QStringLiteral("shard(s) 1/3 missing"));
    refused({part(0), part(1), part(2), part(2)}, QStringLiteral("shard 2/3 is given twice"));
    QFile in(s(part(1)));
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QFile cut(s(dir_ / "cut-1.gemp"));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() / 2));
    cut.close();
    refused({part(0), dir_ / "cut-1.gemp", part(2)}, QStringLiteral("damaged or cut short"));
    const auto other = test::runCli(
        gem + QStringList{QStringLiteral("--stage"), QStringLiteral("4"), QStringLiteral("--stage"),
                          QStringLiteral("5"), QStringLiteral("--shard"), QStringLiteral("1/3"),
                          QStringLiteral("--partial"), s(dir_ / "other-1.gemp")});
    QVERIFY2(other.code == 0, qPrintable(other.err));
    const auto mixed =
        test::runCli({QStringLiteral("gem-merge"), s(part(0)), s(dir_ / "other-1.gemp"), s(part(2)),
                      QStringLiteral("--out"), s(dir_ / "no.svg")});
    QCOMPARE(mixed.code, 1);
    QVERIFY2(
        mixed.err.contains(s(dir_ / "other-1.gemp") + QStringLiteral(": a GEM of another request")),
        qPrintable(mixed.err));
    QVERIFY(!QFile::exists(s(dir_ / "no.svg")));
  }

  void gemByPredictionShardsMergeToASingleRun() {
    verifyAllPassed(shards({QStringLiteral("gem"), s(project_), QStringLiteral("--run"), run()}, 2,
                           QStringLiteral("--partial"), [&](int i) {
                             return s(dir_ / ("pred-gem-" + std::to_string(i) + ".gemp"));
                           }));
    const GemPartial whole = mergeGemPartials({dir_ / "pred-gem-1.gemp", dir_ / "pred-gem-0.gemp"});
    QCOMPARE(whole.shards, (std::vector<int>{0, 1}));
    QCOMPARE(whole.request.runId.value_or(0), run_);
    QCOMPARE(whole.request.assignment, StageAssignment::Prediction);
    Project p = Project::open(project_, OpenMode::ReadOnly);
    GemRequest r;
    r.runId = run_;
    const StageGemSums direct = accumulateStageGems(p, r);
    QCOMPARE(whole.sums.labelSource, direct.labelSource);
    std::size_t counted = 0;
    for (std::size_t i = 0; i < direct.stages.size(); ++i) {
      const auto sx = direct.stages[i].builder.sums();
      const auto sy = whole.sums.stages[i].builder.sums();
      QCOMPARE(whole.sums.stages[i].imageIds, direct.stages[i].imageIds);
      counted += direct.stages[i].imageIds.size();
      QCOMPARE(cv::norm(sx.covered, sy.covered, cv::NORM_INF), 0.0);
      QVERIFY(cv::norm(sx.weightedExpression, sy.weightedExpression, cv::NORM_INF) < 1e-9);
    }
    QCOMPARE(counted, images_);  // every image has a predicted stage
  }

  void saliencyShardsWriteEveryImageOnce() {
    const auto folder = dir_ / "saliency";
    verifyAllPassed(shards({QStringLiteral("saliency"), s(project_), QStringLiteral("--run"), run(),
                            QStringLiteral("--images"), QStringLiteral("all")},
                           3, QStringLiteral("--out"), [&](int) { return s(folder); }));
    Project p = Project::open(project_, OpenMode::ReadOnly);
    const auto ids = p.imageIds();
    std::size_t maps = 0;
    for (const auto& e : std::filesystem::directory_iterator(folder))
      maps += e.path().extension() == ".tif";
    QCOMPARE(maps, ids.size());
    std::set<std::int64_t> listed;
    for (int i = 0; i < 3; ++i) {
      const auto rows = csvRows(folder / ("saliency-shard-" + std::to_string(i) + "-of-3.csv"));
      QCOMPARE(rows.size(), shardSize(ids.size(), {i, 3}) + 1);
      for (std::size_t r = 1; r < rows.size(); ++r)
        QVERIFY(listed.insert(rows[r][0].toLongLong()).second);  // no image twice
    }
    QCOMPARE(listed.size(), ids.size());

    // A map of a shard is the map of that image alone.
    const auto id = ids[ids.size() / 2];
    const auto one = test::runCli({QStringLiteral("saliency"), s(project_), QStringLiteral("--run"),
                                   run(), QStringLiteral("--image"), QString::number(id),
                                   QStringLiteral("--out"), s(dir_ / "one.tif")});
    QVERIFY2(one.code == 0, qPrintable(one.err));
    const cv::Mat alone = cv::imread((dir_ / "one.tif").string(), cv::IMREAD_UNCHANGED);
    const cv::Mat sharded =
        cv::imread((folder / (std::to_string(id) + ".tif")).string(), cv::IMREAD_UNCHANGED);
    QCOMPARE(sharded.type(), CV_32F);
    QCOMPARE(sharded.size(), alone.size());
    double top = 0;
    cv::minMaxLoc(alone, nullptr, &top);
    QVERIFY(top > 0);
    QVERIFY(cv::norm(alone, sharded, cv::NORM_INF) <= 1e-4 * top);
  }
};

QTEST_GUILESS_MAIN(ShardTest)
#include "ShardTest.moc"
