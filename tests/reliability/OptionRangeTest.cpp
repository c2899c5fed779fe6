// Issue 14, option ranges: every numeric option of every command is checked before anything
// is written, with one line naming the option, the value and what is allowed; a refused
// command leaves the project byte for byte as it was. Also the split written in one
// transaction, output paths checked before the work (no .part left behind), JSON output of a
// non-UTF-8 path, and stage ranges typed as numbers. Everything runs the real flystage-cli.
#include <QtTest>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <sys/resource.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>

#include "model/Presets.h"
#include "store/Split.h"
#include "support/HostileFiles.h"
#include "support/TestSupport.h"
#include "train/TrainConfig.h"

using namespace flystage;
using flystage::test::CliRun;
using flystage::test::TempDir;
namespace fs = std::filesystem;

using flystage::test::FileSizeLimit;
using flystage::test::qs;
using flystage::test::readBytes;
using flystage::test::why;

namespace {

// The project file and its write-ahead log, if any: what "unchanged" is compared on.
QByteArray projectHash(const fs::path& p) {
  QCryptographicHash h(QCryptographicHash::Sha256);
  h.addData(QByteArray::fromStdString(readBytes(p)));
  const fs::path wal = p.string() + "-wal";
  if (fs::exists(wal)) h.addData(QByteArray::fromStdString(readBytes(wal)));
  return h.result().toHex();
}

// The split as stored: every assignment and the seed and fractions it was drawn with.
QString splitState(const fs::path& project) {
  SQLite::Database db(project.string(), SQLite::OPEN_READONLY);
  QString out;
  SQLite::Statement q(db, "SELECT image_id, part, origin FROM splits ORDER BY image_id");
  while (q.executeStep())
    out += QStringLiteral("%1 %2 %3\n")
               .arg(q.getColumn(0).getInt64())
               .arg(QString::fromStdString(q.getColumn(1).getString()),
                    QString::fromStdString(q.getColumn(2).getString()));
  SQLite::Statement m(db, "SELECT key, value FROM meta WHERE key LIKE 'split%' ORDER BY key");
  while (m.executeStep())
    out += QString::fromStdString(m.getColumn(0).getString() + "=" + m.getColumn(1).getString()) +
           "\n";
  return out;
}

int runCount(const fs::path& project) {
  SQLite::Database db(project.string(), SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT count(*) FROM runs").getInt();
}

// RLIMIT_FSIZE for this process and the programs it starts, with SIGXFSZ ignored (inherited
// across exec), so that a write past it fails with EFBIG as on a full disk.
QString threadsAllowed() {
  return QStringLiteral("0 (all cores) or a whole number 1..%1")
      .arg(4 * std::thread::hardware_concurrency());
}

}  // namespace

class OptionRangeTest : public QObject {
  Q_OBJECT

  TempDir dir_;
  fs::path project_;

  // The command refused with exactly this line, exit 1, and the project not touched.
  void expectRefused(const QStringList& args, const QString& message) {
    const QByteArray before = projectHash(project_);
    const CliRun r = test::runCli(args);
    QVERIFY2(r.code == 1, qPrintable(why(r)));
    QCOMPARE(r.err.trimmed(), "flystage-cli: error: " + message);
    QCOMPARE(r.out, QString());
    QCOMPARE(projectHash(project_), before);
  }

 private Q_SLOTS:
  void initTestCase() {
    project_ = test::makeSyntheticProject(dir_);
    // One run for the commands that need a model (a tiny preset, one epoch: a few seconds).
    const auto r = test::runCli({"train", qs(project_), "--method", "plain", "--preset", "tiny",
                                 "--plain-epochs", "1", "--threads", "1", "--quiet"});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QCOMPARE(r.out.trimmed(), QStringLiteral("1"));
  }

  // Every numeric option of every command, with nan, inf, negatives, 0, huge values and text.
  void badValuesAreRefusedBeforeAnyWrite_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString P = qs(project_);
    const QStringList train = {"train",          P,   "--method", "plain", "--preset", "tiny",
                               "--plain-epochs", "0", "--quiet"};
    const QString lr = QStringLiteral("must be a number > 0 and <= 1");
    for (const char* v : {"-1", "nan", "inf", "1e999", "0", "2", "abc"})
      QTest::addRow("train --lr %s", v)
          << (train + QStringList{"--lr", v}) << QStringLiteral("--lr %1: ").arg(v) + lr;
    QTest::addRow("train --feature-lr 0")
        << (train + QStringList{"--feature-lr", "0"}) << "--feature-lr 0: " + lr;
    for (const char* v : {"0", "-1", "1.5", "abc", "1025", "99999999999999999999"})
      QTest::addRow("train --batch %s", v)
          << (train + QStringList{"--batch", v})
          << QStringLiteral("--batch %1: must be a whole number 1..1024").arg(v);
    for (const char* v : {"-1", "2000", "abc", "nan"})
      QTest::addRow("train --threads %s", v)
          << (train + QStringList{"--threads", v})
          << QStringLiteral("--threads %1: must be ").arg(v) + threadsAllowed();
    for (const char* v : {"0", "-5", "100001"})
      QTest::addRow("train --reference-sets %s", v)
          << (train + QStringList{"--reference-sets", v})
          << QStringLiteral("--reference-sets %1: must be a whole number 1..100000").arg(v);
    for (const char* v : {"nan", "-1", "inf", "101"})
      QTest::addRow("train --similarity-weight %s", v)
          << (train + QStringList{"--similarity-weight", v})
          << QStringLiteral("--similarity-weight %1: must be a number >= 0 and <= 100").arg(v);
    const QString seed = QStringLiteral("must be a whole number 0..18446744073709551615");
    for (const char* v : {"-1", "abc", "1.5", "18446744073709551616"})
      QTest::addRow("train --seed %s", v)
          << (train + QStringList{"--seed", v}) << QStringLiteral("--seed %1: ").arg(v) + seed;
    QTest::addRow("train --split-seed -3")
        << (train + QStringList{"--split-seed", "-3"}) << "--split-seed -3: " + seed;
    for (const char* v : {"2", "1", "nan", "-0.1"})
      QTest::addRow("train --tau %s", v)
          << (train + QStringList{"--tau", v})
          << QStringLiteral("--tau %1: must be a number >= 0 and < 1 (with --tau-mode probability)")
                 .arg(v);
    QTest::addRow("train --tau-mode logit-margin --tau 101")
        << (train + QStringList{"--tau-mode", "logit-margin", "--tau", "101"})
        << QStringLiteral(
               "--tau 101: must be a number >= 0 and <= 100 (with --tau-mode logit-margin)");
    for (const char* v : {"abc", "20,,30", "0", "20,x"})
      QTest::addRow("train --lr-steps %s", v)
          << (train + QStringList{"--lr-steps", v})
          << QStringLiteral(
                 "--lr-steps %1: must be epochs separated by commas, each a whole number "
                 "1..10000 (e.g. 20,30)")
                 .arg(v);
    const QStringList trainTwoStep = {"train", P, "--preset", "tiny", "--quiet"};
    for (const char* o : {"--plain-epochs", "--range-epochs", "--fine-epochs", "--feature-epochs"})
      for (const char* v : {"-5", "10001", "1e3", "nan"})
        QTest::addRow("train %s %s", o, v)
            << (trainTwoStep + QStringList{o, v})
            << QStringLiteral("%1 %2: must be a whole number 0..10000").arg(o, v);
    for (const char* o : {"--resume", "--from-run"})
      for (const char* v : {"0", "-1", "x"})
        QTest::addRow("train %s %s", o, v)
            << (train + QStringList{o, v})
            << QStringLiteral("%1 %2: must be a whole number >= 1").arg(o, v);

    const QString fraction = QStringLiteral("must be a number >= 0 and < 1");
    for (const char* v : {"nan", "1", "-0.1", "abc", "inf"})
      QTest::addRow("split --test %s", v) << QStringList{"split", P, "--reset", "--test", v}
                                          << QStringLiteral("--test %1: ").arg(v) + fraction;
    QTest::addRow("split --validation inf")
        << QStringList{"split", P, "--validation", "inf"} << "--validation inf: " + fraction;
    QTest::addRow("split --seed -1")
        << QStringList{"split", P, "--reset", "--seed", "-1"} << "--seed -1: " + seed;
    QTest::addRow("split --test 0.5 --validation 0.5")
        << QStringList{"split", P, "--reset", "--test", "0.5", "--validation", "0.5"}
        << QStringLiteral(
               "--test 0.5 + --validation 0.5: must be below 1 together, so that a training "
               "part is left");

    const QString out = qs(dir_ / "never.csv");
    for (const char* v : {"0", "-1", "abc"})
      QTest::addRow("predict --run %s", v)
          << QStringList{"predict", P, "--run", v, "--csv", out}
          << QStringLiteral("--run %1: must be a whole number >= 1").arg(v);
    QTest::addRow("predict --threads 2000")
        << QStringList{"predict", P, "--run", "1", "--csv", out, "--threads", "2000"}
        << "--threads 2000: must be " + threadsAllowed();
    QTest::addRow("merge-predictions --run 0")
        << QStringList{"merge-predictions", P, "--run", "0", out}
        << QStringLiteral("--run 0: must be a whole number >= 1");

    const QString png = qs(dir_ / "never.png");
    const QStringList sal = {"saliency", P, "--run", "1", "--image", "1", "--out", png};
    QTest::addRow("saliency --run 0")
        << QStringList{"saliency", P, "--run", "0", "--image", "1", "--out", png}
        << QStringLiteral("--run 0: must be a whole number >= 1");
    for (const char* v : {"3", "18", "-1"})
      QTest::addRow("saliency --stage %s", v)
          << (sal + QStringList{"--stage", v})
          << QStringLiteral("--stage %1: must be 0 (the predicted stage) or a whole number 4..17")
                 .arg(v);
    for (const char* v : {"-1", "1001"})
      QTest::addRow("saliency --samples %s", v)
          << (sal + QStringList{"--samples", v})
          << QStringLiteral(
                 "--samples %1: must be 0 (the method's default) or a whole number 1..1000")
                 .arg(v);
    for (const char* v : {"nan", "1.5", "-0.1"})
      QTest::addRow("saliency --opacity %s", v)
          << (sal + QStringList{"--opacity", v})
          << QStringLiteral("--opacity %1: must be a number >= 0 and <= 1").arg(v);
    for (const char* v : {"10", "9999", "0"})
      QTest::addRow("saliency --dpi %s", v)
          << (sal + QStringList{"--dpi", v})
          << QStringLiteral("--dpi %1: must be a whole number 30..2400").arg(v);
    QTest::addRow("saliency --seed -1")
        << (sal + QStringList{"--seed", "-1"}) << "--seed -1: " + seed;
    QTest::addRow("saliency --threads -2")
        << (sal + QStringList{"--threads", "-2"}) << "--threads -2: must be " + threadsAllowed();

    const QStringList gem = {"gem", P, "--out", png};
    for (const char* v : {"15", "50", "-1"})
      QTest::addRow("gem --columns %s", v)
          << (gem + QStringList{"--columns", v})
          << QStringLiteral("--columns %1: must be 0 (up to 4 a row) or a whole number 1..14")
                 .arg(v);
    QTest::addRow("gem --dpi 29") << (gem + QStringList{"--dpi", "29"})
                                  << QStringLiteral("--dpi 29: must be a whole number 30..2400");
    QTest::addRow("gem --min-confidence nan")
        << (gem + QStringList{"--min-confidence", "nan"})
        << QStringLiteral("--min-confidence nan: must be a number >= 0 and <= 1");
    QTest::addRow("gem --mask-quantile 2")
        << (gem + QStringList{"--mask-quantile", "2"})
        << QStringLiteral("--mask-quantile 2: must be a number > 0 and <= 1");
    for (const char* v : {"5x", "3", "18"})
      QTest::addRow("gem --stage %s", v)
          << (gem + QStringList{"--stage", v})
          << QStringLiteral("--stage %1: must be a whole number 4..17 or 'all'").arg(v);
    QTest::addRow("gem --run 0") << (gem + QStringList{"--run", "0"})
                                 << QStringLiteral("--run 0: must be a whole number >= 1");
    QTest::addRow("gem --threads 99999") << (gem + QStringList{"--threads", "99999"})
                                         << "--threads 99999: must be " + threadsAllowed();
    QTest::addRow("gem-merge --columns 0.5")
        << QStringList{"gem-merge", out, "--out", png, "--columns", "0.5"}
        << QStringLiteral("--columns 0.5: must be 0 (up to 4 a row) or a whole number 1..14");

    QTest::addRow("evaluate --run 0") << QStringList{"evaluate", P, "--run", "0"}
                                      << QStringLiteral("--run 0: must be a whole number >= 1");
    QTest::addRow("compare --runs 1,2x")
        << QStringList{"compare", P, "--runs", "1,2x"}
        << QStringLiteral("--runs 1,2x: must be run ids separated by commas, e.g. 1,2,3");

    const QString report = qs(dir_ / "never-report");
    QTest::addRow("report --min-confidence 1.5")
        << QStringList{"report", P, "--out", report, "--min-confidence", "1.5"}
        << QStringLiteral("--min-confidence 1.5: must be a number >= 0 and <= 1");
    QTest::addRow("report --dpi 0") << QStringList{"report", P, "--out", report, "--dpi", "0"}
                                    << QStringLiteral("--dpi 0: must be a whole number 30..600");
    QTest::addRow("report --dpi 2400")
        << QStringList{"report", P, "--out", report, "--dpi", "2400"}
        << QStringLiteral("--dpi 2400: must be a whole number 30..600");
    QTest::addRow("saliency --dpi 2400 (figure size)")
        << (sal + QStringList{"--dpi", "2400"})
        << QStringLiteral(
               "--dpi 2400: the PNG would be 19467 x 6200 pixels (121 megapixels), over the "
               "limit of 64 megapixels; lower --dpi, or write .svg or .pdf");
    QTest::addRow("report --run -1") << QStringList{"report", P, "--out", report, "--run", "-1"}
                                     << QStringLiteral("--run -1: must be a whole number >= 1");

    const QString demo = qs(dir_ / "never-demo");
    for (const char* v : {"nan", "0", "2"})
      QTest::addRow("demo --scale %s", v)
          << QStringList{"demo", "--out", demo, "--scale", v}
          << QStringLiteral("--scale %1: must be a number >= 0.0001 and <= 1").arg(v);
    QTest::addRow("demo --min-per-stage 0")
        << QStringList{"demo", "--out", demo, "--min-per-stage", "0"}
        << QStringLiteral("--min-per-stage 0: must be a whole number 1..100000");
    QTest::addRow("demo --seed -1")
        << QStringList{"demo", "--out", demo, "--seed", "-1"} << "--seed -1: " + seed;
    QTest::addRow("demo --seeds 1,-1")
        << QStringList{"demo", "--out", demo, "--seeds", "1,-1"} << "--seeds -1: " + seed;

    for (const char* v : {"0", "-1", "x"})
      QTest::addRow("label --image %s", v)
          << QStringList{"label", P, "--image", v, "--stage", "5"}
          << QStringLiteral("--image %1: must be a whole number >= 1").arg(v);
    for (const char* v : {"0", "18", "abc", "5.5"})
      QTest::addRow("label --stage %s", v)
          << QStringList{"label", P, "--image", "1", "--stage", v}
          << QStringLiteral("--stage %1: must be a whole number 1..17").arg(v);
  }

  void badValuesAreRefusedBeforeAnyWrite() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const int runs = runCount(project_);
    expectRefused(args, message);
    QCOMPARE(runCount(project_), runs);
    // Nothing written beside the project either.
    for (const char* name : {"never.csv", "never.png", "never-report", "never-demo"})
      QVERIFY2(!fs::exists(dir_ / name), name);
  }

  // The finding: --lr inf used to start a run that failed at its end (NOT NULL constraint,
  // NaN predictions) and could not be resumed; -1 and nan silently trained at the preset's rate.
  void badLearningRateStartsNoRun() {
    const int runs = runCount(project_);
    for (const char* v : {"inf", "-1", "nan"})
      expectRefused({"train", qs(project_), "--method", "plain", "--preset", "tiny",
                     "--plain-epochs", "1", "--quiet", "--lr", v},
                    QStringLiteral("--lr %1: must be a number > 0 and <= 1").arg(v));
    QCOMPARE(runCount(project_), runs);
  }

  // The same rules in core, where the training panel reads them: every preset's defaults pass,
  // and a tau is judged by its mode.
  void coreRulesMatchTheCommandLine() {
    for (const auto& p : presets())
      for (Method m : {Method::Plain, Method::DataLevel, Method::TwoStep, Method::Gabor})
        QVERIFY2(!TrainConfig::forPreset(m, p.name).validate(), p.name.c_str());
    TrainConfig c = TrainConfig::forPreset(Method::TwoStep, "tiny");
    c.tau = 2;
    auto problem = c.validate();
    QVERIFY(problem);
    QCOMPARE(QString::fromStdString(problem->message("Tau")),
             QStringLiteral("Tau 2: must be a number >= 0 and < 1 (tau mode probability)"));
    c.tauMode = TauMode::LogitMargin;
    QVERIFY(!c.validate());
    c.learningRate = std::numeric_limits<double>::quiet_NaN();
    problem = c.validate();
    QVERIFY(problem);
    QCOMPARE(QString::fromStdString(problem->field), QStringLiteral("learning_rate"));
    QCOMPARE(QString::fromStdString(problem->value), QStringLiteral("nan"));
    c = TrainConfig::forPreset(Method::Plain, "tiny");
    c.lrSteps = {20, 0};
    QCOMPARE(QString::fromStdString(c.validate()->field), QStringLiteral("lr_steps"));
    SplitOptions o;
    o.testFraction = 0.9;
    o.validationFraction = 0.9;
    QCOMPARE(QString::fromStdString(splitOptionsProblem(o)->field),
             QStringLiteral("test_fraction+validation_fraction"));
  }

  // The finding: the refused reset had already emptied the split and deleted its seed.
  void refusedSplitResetKeepsTheSplit() {
    const QString before = splitState(project_);
    QVERIFY(before.contains(QStringLiteral("split_seed=1")));
    QVERIFY(before.count('\n') > 50);
    expectRefused({"split", qs(project_), "--reset", "--test", "0.9", "--validation", "0.9"},
                  QStringLiteral("--test 0.9 + --validation 0.9: must be below 1 together, so "
                                 "that a training part is left"));
    QCOMPARE(splitState(project_), before);
    // A good reset still draws a new split, in one go, with its new seed.
    TempDir other;
    const auto copy = other / "copy.flystage";
    fs::copy_file(project_, copy);
    const auto r = test::runCli({"split", qs(copy), "--reset", "--seed", "5"});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QVERIFY(r.out.trimmed().endsWith(QStringLiteral("image(s) newly assigned (seed 5)")));
    QVERIFY(splitState(copy).contains(QStringLiteral("split_seed=5")));
    QVERIFY(splitState(copy) != before);
  }

  // The finding: --csv naming a folder failed only after predicting, leaving FOLDER.part.
  void predictChecksItsOutputFirstAndLeavesNoPart() {
    TempDir out;
    const auto folder = out / "predictions";
    fs::create_directory(folder);
    expectRefused({"predict", qs(project_), "--run", "1", "--csv", qs(folder)},
                  "--csv " + qs(folder) + ": is a folder; name a file to write");
    expectRefused({"predict", qs(project_), "--run", "1", "--csv", qs(out / "none/p.csv")},
                  "--csv " + qs(out / "none/p.csv") + ": the folder " + qs(out / "none") +
                      " does not exist; create it first");
    QVERIFY(!fs::exists(folder.string() + ".part"));
    // A write that fails half-way (the file size limit stands in for a full disk): the
    // temporary file is removed too. The tiny preset's raw saliency map as CSV is 2561 rows
    // (44 kB); 36 kB leaves room for SQLite's 32 kB shared-memory file of the read-only open.
    const auto csv = out / "map.csv";
    CliRun r;
    {
      const FileSizeLimit limit(36000);
      r = test::runCli({"saliency", qs(project_), "--run", "1", "--image", "1", "--out", qs(csv)});
    }
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(), "flystage-cli: error: " + qs(csv) + ": write failed (disk full?)");
    QVERIFY(!fs::exists(csv));
    QCOMPARE(std::distance(fs::directory_iterator(out.path()), fs::directory_iterator()), 1);
    // evaluate --json: the same checks.
    expectRefused({"evaluate", qs(project_), "--run", "1", "--json", qs(folder)},
                  "--json " + qs(folder) + ": is a folder; name a file to write");
  }

  // The finding: info --json on a project in a folder whose name is not UTF-8 printed a JSON
  // library exception. The invalid byte becomes U+FFFD; the text output keeps the bytes.
  void infoJsonOfANonUtf8Path() {
    TempDir root;
    const fs::path folder = root.path() / std::string("Daten \xff");
    fs::create_directory(folder);
    const auto copy = folder / "p.flystage";
    fs::copy_file(project_, copy);
    // Through sh: QProcess would re-encode a QString argument, losing the raw byte.
    QProcess p;
    p.start(QStringLiteral("sh"), {"-c", R"(exec "$0" info --json "$1$(printf '\377')/p.flystage")",
                                   QString::fromStdString(test::cliPath()), qs(root / "Daten ")});
    QVERIFY(p.waitForFinished(60000));
    const CliRun r{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QJsonParseError error;
    const auto j = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(j["project"].toString(), QString::fromStdString(root.path().string()) +
                                          QStringLiteral("/Daten \uFFFD/p.flystage"));
    const auto original = test::runCli({"info", "--json", qs(project_)});
    QCOMPARE(j["images"].toInt(),
             QJsonDocument::fromJson(original.out.toUtf8()).object()["images"].toInt());
    QVERIFY(j["images"].toInt() > 0);
  }

  // The finding: --range 3 labelled the image 7-8 (BDGP's bin 3) without saying so.
  void labelRangeByItsStages() {
    TempDir other;
    const auto copy = other / "l.flystage";
    fs::copy_file(project_, copy);
    const auto before = projectHash(copy);
    for (const char* v : {"3", "1", "6"}) {
      const auto r = test::runCli({"label", qs(copy), "--image", "1", "--range", v});
      QCOMPARE(r.code, 1);
      QCOMPARE(r.err.trimmed(),
               QStringLiteral("flystage-cli: error: --range %1: must be one of 1-3, 4-6, 7-8, "
                              "9-10, 11-12, 13-17, named by its stages (a single number is "
                              "ambiguous: a stage, or a BDGP bin?)")
                   .arg(v));
    }
    const auto bad = test::runCli({"label", qs(copy), "--image", "1", "--range", "3-5"});
    QCOMPARE(bad.err.trimmed(),
             QStringLiteral("flystage-cli: error: --range 3-5: must be one of 1-3, 4-6, 7-8, "
                            "9-10, 11-12, 13-17, named by its stages"));
    QCOMPARE(projectHash(copy), before);
    const auto good = test::runCli({"label", qs(copy), "--image", "1", "--range", "7-8"});
    QVERIFY2(good.code == 0, qPrintable(why(good)));
    QCOMPARE(good.out.trimmed(), QStringLiteral("label: Label image #1 as 7-8 (1 image(s))"));
    const auto bdgp = test::runCli({"label", qs(copy), "--image", "2", "--range", "13-16"});
    QCOMPARE(bdgp.out.trimmed(), QStringLiteral("label: Label image #2 as 13-17 (1 image(s))"));
  }

  // The finding: gem --columns 50 --dpi 2400 allocated 6.9 GB. Columns stop at 14 (the
  // stages 4..17) and the PNG at 64 megapixels, refused before any work.
  void gemFigureSizeIsBoundedBeforeTheWork() {
    const auto png = dir_ / "big.png";
    QElapsedTimer t;
    t.start();
    expectRefused({"gem", qs(project_), "--out", qs(png), "--dpi", "2400"},
                  QStringLiteral("--dpi 2400: the PNG would be 26134 x 16467 pixels (430 "
                                 "megapixels), over the limit of 64 megapixels; lower --dpi "
                                 "or --columns, or write .svg or .pdf"));
    expectRefused({"gem", qs(project_), "--out", qs(png), "--columns", "14", "--dpi", "2400"},
                  QStringLiteral("--columns 14 --dpi 2400: the PNG would be 84134 x 5867 "
                                 "pixels (494 megapixels), over the limit of 64 megapixels; "
                                 "lower --dpi or --columns, or write .svg or .pdf"));
    QVERIFY2(t.elapsed() < 20000, "refused before the work");
    QVERIFY(!fs::exists(png));
    // Fewer panels make a smaller figure: two stages at 1200 dpi fit.
    const auto r = test::runCli(
        {"gem", qs(project_), "--out", qs(png), "--stage", "5", "--stage", "6", "--dpi", "1200"});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QVERIFY(fs::exists(png));
  }
};

QTEST_GUILESS_MAIN(OptionRangeTest)
#include "OptionRangeTest.moc"
