#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

#include <algorithm>
#include <map>

#include "eval/PairedComparison.h"
#include "eval/ReportContent.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;
using test::qs;
using test::why;

namespace {

// The provenance JSON of an SVG figure (its <desc> ends with "Provenance: {...}").
QJsonObject svgProvenance(const std::filesystem::path& svg) {
  QFile f(qs(svg));
  if (!f.open(QIODevice::ReadOnly)) return {};
  QXmlStreamReader xml(&f);
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != QStringLiteral("desc"))
      continue;
    const QString text = xml.readElementText();
    const auto at = text.indexOf(QStringLiteral("Provenance: "));
    return at < 0 ? QJsonObject{} : QJsonDocument::fromJson(text.mid(at + 12).toUtf8()).object();
  }
  return {};
}

std::vector<std::int64_t> idsOf(const QJsonObject& provenance) {
  std::vector<std::int64_t> ids;
  for (const auto& v : provenance[QStringLiteral("image_ids")].toArray())
    ids.push_back(v.toInteger());
  return ids;
}

// The rule the report has always followed, written out independently: the run's test images
// called right, most confident first (at most max(1, examples / 2)), then those called wrong.
std::vector<std::int64_t> expectedExamples(Project& p, std::int64_t run, int examples) {
  std::map<std::int64_t, int> truth;
  for (const auto& ri : runstore::runImages(p, run))
    if (ri.part == "test" && ri.stage) truth[ri.imageId] = *ri.stage;
  std::vector<std::pair<double, std::int64_t>> right, wrong;
  for (const auto& pr : runstore::predictions(p, run)) {
    const auto t = truth.find(pr.imageId);
    if (t == truth.end()) continue;
    (pr.stage == t->second ? right : wrong).emplace_back(-pr.probability, pr.imageId);
  }
  std::stable_sort(right.begin(), right.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::stable_sort(wrong.begin(), wrong.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::size_t half = static_cast<std::size_t>(std::max(1, examples / 2));
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < std::min(half, right.size()); ++i) ids.push_back(right[i].second);
  for (std::size_t i = 0; i < std::min(half, wrong.size()); ++i) ids.push_back(wrong[i].second);
  return ids;
}

// `flystage-cli report` of `project` into `out`: its index.html, empty when it failed (why,
// logged).
QString reportIndex(const std::filesystem::path& project, const std::filesystem::path& out) {
  const auto r = test::runCli({"report", qs(project), "--out", qs(out)});
  if (r.code != 0) qWarning("%s", qPrintable(why(r)));
  QFile index(qs(out / "index.html"));
  return r.code == 0 && index.open(QIODevice::ReadOnly) ? QString::fromUtf8(index.readAll())
                                                        : QString();
}

}  // namespace

// Which run a report features and which images it shows: pinned on a small trained project
// through the real command-line tool.
class ReportContentTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path project_;

 private Q_SLOTS:
  void initTestCase() {
    const auto synth = test::runCli({"synth", "--out", qs(dir_ / "data"), "--scale", "0.002",
                                     "--min-per-stage", "3", "--seed", "11", "--standardized"});
    QVERIFY2(synth.code == 0, qPrintable(why(synth)));
    project_ = dir_ / "p.flystage";
    const auto import =
        test::runCli({"import", qs(project_), "--csv", qs(dir_ / "data/labels.csv")});
    QVERIFY2(import.code == 0, qPrintable(why(import)));
    // Runs 1 and 2: networks (2 the newest); run 3: a Gabor baseline, never featured.
    for (const char* seed : {"1", "2"}) {
      const auto t = test::runCli({"train", qs(project_), "--method", "plain", "--preset", "tiny",
                                   "--plain-epochs", "2", "--seed", seed, "--quiet"});
      QVERIFY2(t.code == 0, qPrintable(why(t)));
    }
    const auto g = test::runCli({"train", qs(project_), "--method", "gabor", "--quiet"});
    QVERIFY2(g.code == 0, qPrintable(why(g)));
  }

  // The output the move into core must keep: run #2 featured, its surest right then wrong calls.
  void reportFeaturesTheNewestNetworkRunAndItsSurestCalls() {
    const auto out = dir_ / "report";
    const auto r = test::runCli({"report", qs(project_), "--out", qs(out)});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QFile index(qs(out / "index.html"));
    QVERIFY(index.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(index.readAll());
    QVERIFY2(html.contains(QStringLiteral("Model: run #2 (plain)")), qPrintable(html.left(2000)));
    const auto gem = svgProvenance(out / "figures" / "gem-predicted.svg");
    QCOMPARE(gem[QStringLiteral("run")].toObject()[QStringLiteral("id")].toInt(), 2);

    Project p = Project::open(project_, OpenMode::ReadOnly);
    const auto expected = expectedExamples(p, 2, 4);
    QVERIFY(expected.size() >= 2);  // right and wrong calls both exist on this project
    const auto shown = idsOf(svgProvenance(out / "figures" / "saliency-examples.svg"));
    QCOMPARE(shown, expected);

    // Core's choice is the report's: the same run, the same images, with their true stages.
    const ReportContent c = reportContent(p, std::nullopt, 4);
    QVERIFY(c.featured);
    QCOMPARE(c.featured->id, std::int64_t(2));
    std::vector<std::int64_t> coreIds;
    for (const auto& e : c.examples) coreIds.push_back(e.imageId);
    QCOMPARE(coreIds, shown);
    for (const auto& ri : runstore::runImages(p, 2))
      for (const auto& e : c.examples)
        if (ri.imageId == e.imageId) QCOMPARE(e.trueStage, *ri.stage);
    // Every finished run is compared, in id order, the Gabor baseline too.
    QCOMPARE(c.compared.size(), std::size_t(3));
    QCOMPARE(c.compared[2].runId, std::int64_t(3));
    QCOMPARE(c.methods, (std::vector<std::string>{"plain", "gabor"}));
  }

  void aRunThatCannotBeFeaturedIsRefused() {
    Project p = Project::open(project_, OpenMode::ReadOnly);
    QCOMPARE(
        test::errorText([&] { reportContent(p, 3, 4); }),
        QStringLiteral("run #3 is a Gabor baseline: saliency and masked GEMs need a network run"));
    QCOMPARE(test::errorText([&] { reportContent(p, 9, 4); }),
             QStringLiteral("run #9 cannot be featured in the report: it does not exist or has "
                            "not finished"));
    const auto r = test::runCli({"report", qs(project_), "--out", qs(dir_ / "r3"), "--run", "3"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("run #3 is a Gabor baseline")), qPrintable(why(r)));
    // Asked for by id, an older network run is featured.
    QCOMPARE(reportContent(p, 1, 4).featured->id, std::int64_t(1));
  }

  // The newest finished two-step run beats newer network runs; unfinished runs and Gabor
  // baselines are never featured.
  void theFeaturedRunIsTheNewestFinishedTwoStep() {
    const auto rec = [](std::int64_t id, const char* method, const char* status) {
      RunRecord r;
      r.id = id;
      r.method = method;
      r.status = status;
      return r;
    };
    QCOMPARE(pickFeaturedRun({rec(5, "plain", "finished"), rec(4, "two-step", "finished"),
                              rec(3, "two-step", "finished")}),
             std::optional<std::int64_t>(4));
    QCOMPARE(pickFeaturedRun({rec(6, "two-step", "running"), rec(5, "gabor", "finished"),
                              rec(4, "data-level", "finished"), rec(3, "plain", "finished")}),
             std::optional<std::int64_t>(4));
    QCOMPARE(pickFeaturedRun({rec(2, "gabor", "finished"), rec(1, "plain", "failed")}),
             std::optional<std::int64_t>());
    // The CE-only ablation is compared, never featured over two-step, however new it is; alone
    // it is a network run like any other.
    QCOMPARE(pickFeaturedRun({rec(8, "two-step-no-ls", "finished"),
                              rec(7, "data-level", "finished"), rec(6, "two-step", "finished")}),
             std::optional<std::int64_t>(6));
    QCOMPARE(
        pickFeaturedRun({rec(8, "two-step-no-ls", "finished"), rec(7, "data-level", "finished")}),
        std::optional<std::int64_t>(8));
  }

  // Half right, half wrong calls among the test images, most confident first; images of other
  // parts and without a prediction are never shown.
  void examplesAreTheSurestRightThenWrongTestCalls() {
    const auto pred = [](std::int64_t id, int stage, double p) {
      StoredPrediction s;
      s.imageId = id;
      s.stage = stage;
      s.probability = p;
      return s;
    };
    const std::vector<RunImage> images = {{1, "test", 9, ""},
                                          {2, "test", 9, ""},
                                          {3, "test", 10, ""},
                                          {4, "test", 11, ""},
                                          {5, "train", 9, ""},
                                          {6, "test", 12, ""},
                                          {7, "range", std::nullopt, "9-10"}};
    const std::vector<StoredPrediction> preds = {pred(1, 9, 0.6),  pred(2, 9, 0.9),
                                                 pred(3, 9, 0.95), pred(4, 11, 0.7),
                                                 pred(5, 9, 0.99), pred(7, 9, 0.99)};
    const auto ids = [](const std::vector<ReportExample>& e) {
      std::vector<std::pair<std::int64_t, int>> out;
      for (const auto& x : e) out.emplace_back(x.imageId, x.trueStage);
      return out;
    };
    using V = std::vector<std::pair<std::int64_t, int>>;
    QCOMPARE(ids(pickReportExamples(images, preds, 4)), (V{{2, 9}, {4, 11}, {3, 10}}));
    QCOMPARE(ids(pickReportExamples(images, preds, 6)), (V{{2, 9}, {4, 11}, {1, 9}, {3, 10}}));
    QCOMPARE(ids(pickReportExamples(images, preds, 0)), (V{{2, 9}, {3, 10}}));  // at least one
    QCOMPARE(ids(pickReportExamples(images, {}, 4)), V{});
  }

  // Issue 18, finding 4: the report's tables carry the intervals `compare` prints: each run's
  // mean per-stage accuracy with its bootstrap interval over the test images, a method of two
  // runs with its t interval over them, and the paired differences (runs of one seed).
  void reportTablesCarryIntervals() {
    const QString html = reportIndex(project_, dir_ / "report-intervals");
    QVERIFY(!html.isEmpty());
    const QRegularExpression bold(
        QStringLiteral(R"(<td><b>\d+\.\d \[\d+\.\d, \d+\.\d\]</b></td>)"));
    // Three runs, and plain's two runs (gabor has one: its value alone).
    int bolds = 0;
    for (auto it = bold.globalMatch(html); it.hasNext(); it.next()) ++bolds;
    QCOMPARE(bolds, 4);
    Project p = Project::open(project_, OpenMode::ReadOnly);
    const auto runs = loadRunSummaries(p, {1, 2, 3});
    for (const auto& run : runs) {
      QVERIFY(run.meanPerStageInterval);
      QCOMPARE(run.meanPerStageInterval->n, run.test.nTest);
      QVERIFY2(
          html.contains(QString::fromStdString("<td>" + run.method + "</td><td>" + run.preset +
                                               "</td><td>" + std::to_string(run.seed) + "</td>")),
          run.method.c_str());
    }
    const auto plainT =
        tInterval({runs[0].test.meanPerStageAccuracy, runs[1].test.meanPerStageAccuracy});
    QVERIFY2(html.contains(QString::fromStdString("<td><b>" + percentText(plainT) + "</b></td>")),
             qPrintable(html));
    // plain #1 and gabor #3 share seed 1 and the project's test set; plain #2 has no partner.
    const QRegularExpression paired(QStringLiteral(
        R"(<li>plain \x{2212} gabor: [+\x{2212}0-9.]+ \[[+\x{2212}0-9.]+, [+\x{2212}0-9.]+\] points )"
        R"(\(1 seed, paired bootstrap over (\d+) test images\); not paired \(no run of the other )"
        R"(method with the same seed and test set\): #2</li>)"));
    const auto m = paired.match(html);
    QVERIFY2(m.hasMatch(), qPrintable(html));
    QCOMPARE(m.captured(1).toInt(), runs[0].test.nTest);
  }
};

QTEST_GUILESS_MAIN(ReportContentTest)
#include "ReportContentTest.moc"
