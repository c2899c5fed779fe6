#include <QtTest>

#include <QFile>
#include <QXmlStreamReader>

#include "interpret/GemProvenance.h"
#include "support/TestSupport.h"

using namespace flystage;
using test::qs;
using test::why;

namespace {

using Settings = std::vector<std::pair<std::string, std::string>>;

// The <desc> of an SVG figure: the provenance as text (Provenance::toText), then its JSON.
QString svgDescription(const std::filesystem::path& svg) {
  QFile f(qs(svg));
  if (!f.open(QIODevice::ReadOnly)) return {};
  QXmlStreamReader xml(&f);
  while (!xml.atEnd())
    if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QStringLiteral("desc"))
      return xml.readElementText();
  return {};
}

// The settings lines of a figure's provenance text, in order: between "Images: N" and the
// "FlyStage <version>, <time>" line.
Settings settingsOf(const QString& description) {
  Settings out;
  bool in = false;
  for (const auto& line : description.split(QLatin1Char('\n'))) {
    if (line.startsWith(QStringLiteral("Images: "))) {
      in = true;
      continue;
    }
    if (!in) continue;
    if (line.startsWith(QStringLiteral("FlyStage "))) break;
    const auto colon = line.indexOf(QStringLiteral(": "));
    if (colon > 0)
      out.emplace_back(line.left(colon).toStdString(), line.mid(colon + 2).toStdString());
  }
  return out;
}

GemResult sampleGems() {
  GemResult gems;
  gems.labelSource = "predictions of run #7 with probability >= 0.50";
  gems.gems.resize(2);
  gems.gems[0].imageIds = {3, 5};
  gems.gems[1].imageIds = {4};
  return gems;
}

}  // namespace

// gemProvenance(): what a GEM figure says it was made from, the same from the command line,
// the GUI and the report.
class GemProvenanceTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path project_;

 private Q_SLOTS:
  void initTestCase() {
    project_ = test::makeSyntheticProject(dir_, 9, 0.002, 3, "g.flystage");
    const auto t = test::runCli({"train", qs(project_), "--method", "plain", "--preset", "tiny",
                                 "--plain-epochs", "1", "--quiet"});
    QVERIFY2(t.code == 0 && t.out.trimmed() == QStringLiteral("1"), qPrintable(why(t)));
  }

  void aGemSaysItsSettings() {
    GemRequest r;
    r.runId = 7;
    const auto p = gemProvenance(r, sampleGems(), "/data/p.flystage", "two-step");
    QCOMPARE(p.figure, std::string("GEM"));
    QCOMPARE(p.project, std::string("/data/p.flystage"));
    QCOMPARE(p.runId, std::int64_t(7));
    QCOMPARE(p.runMethod, std::string("two-step"));
    QCOMPARE(p.labelSource, std::string("predictions of run #7 with probability >= 0.50"));
    QCOMPARE(p.imageIds, (std::vector<std::int64_t>{3, 5, 4}));
    QCOMPARE(p.settings,
             (Settings{{"gene", "all (genome-wide)"},
                       {"minimum confidence", "0.000000"},
                       {"stain", "log10(B / sqrt(R G)), per image / max(99th percentile, 0.15)"}}));
    QVERIFY(!p.flystageVersion.empty());
    QVERIFY(!p.createdAt.empty());
  }

  // A masked GEM also says its saliency method and how its masks weigh pixels; the stain
  // line follows the normalization actually used; merged shards are counted.
  void aMaskedGemSaysItsMaskAndStain() {
    GemRequest r;
    r.gene = "eve";
    r.minConfidence = 0.5;
    r.masked = true;
    r.saliency.method = SaliencyMethod::SmoothGrad;
    r.maskQuantile = 0.9;
    r.normalization.percentile = 0.92;
    r.normalization.floor = 0.2;
    const auto p = gemProvenance(r, sampleGems(), "p.flystage", "", 3);
    QCOMPARE(p.figure, std::string("masked GEM"));
    QCOMPARE(p.runId, std::int64_t(0));  // no run asked: none named
    QCOMPARE(
        p.settings,
        (Settings{{"gene", "eve"},
                  {"minimum confidence", "0.500000"},
                  {"stain", "log10(B / sqrt(R G)), per image / max(92nd percentile, 0.2)"},
                  {"saliency method", "smoothgrad"},
                  {"mask weight", "saliency / its 90th percentile (at most 1), inside the embryo"},
                  {"merged from shards", "3"}}));
    StainNormalization n;
    n.percentile = 0.975;
    QCOMPARE(stainNormalizationText(n),
             std::string("log10(B / sqrt(R G)), per image / max(97.5th percentile, 0.15)"));
    n.percentile = 0.01;
    QCOMPARE(stainNormalizationText(n),
             std::string("log10(B / sqrt(R G)), per image / max(1st percentile, 0.15)"));
    n.percentile = 0.13;
    QCOMPARE(stainNormalizationText(n),
             std::string("log10(B / sqrt(R G)), per image / max(13th percentile, 0.15)"));
  }

  // The command line's figure carries exactly the function's settings.
  void commandLineFigureCarriesTheSameProvenance() {
    const auto out = dir_ / "cli.svg";
    const auto g = test::runCli({"gem", qs(project_), "--run", "1", "--masked", "--method",
                                 "smoothgrad", "--mask-quantile", "0.7", "--min-confidence", "0.25",
                                 "--stage", "9", "--out", qs(out)});
    QVERIFY2(g.code == 0, qPrintable(why(g)));
    GemRequest r;
    r.runId = 1;
    r.masked = true;
    r.saliency.method = SaliencyMethod::SmoothGrad;
    r.maskQuantile = 0.7;
    r.minConfidence = 0.25;
    const auto expected = gemProvenance(r, {}, qs(project_).toStdString(), "plain");
    const QString desc = svgDescription(out);
    QCOMPARE(settingsOf(desc), expected.settings);
    QVERIFY2(
        desc.startsWith(
            QStringLiteral("Figure: masked GEM\nProject: %1\nRun: #1 (plain)\n").arg(qs(project_))),
        qPrintable(desc));
  }

  // The report's GEMs say the settings they were built with (it used to write only
  // "saliency method: vanilla" and "mask quantile: 0.8", and nothing for unmasked GEMs).
  void reportFiguresCarryTheSameProvenance() {
    const auto out = dir_ / "report";
    const auto rep =
        test::runCli({"report", qs(project_), "--out", qs(out), "--min-confidence", "0.4"});
    QVERIFY2(rep.code == 0, qPrintable(why(rep)));
    GemRequest r;
    r.runId = 1;
    r.assignment = StageAssignment::Label;
    const auto labels = gemProvenance(r, {}, qs(project_).toStdString(), "plain");
    QCOMPARE(settingsOf(svgDescription(out / "figures" / "gem-labels.svg")), labels.settings);
    r.assignment = StageAssignment::Prediction;
    r.minConfidence = 0.4;
    r.masked = true;
    const auto masked = gemProvenance(r, {}, qs(project_).toStdString(), "plain");
    QCOMPARE(settingsOf(svgDescription(out / "figures" / "gem-masked.svg")), masked.settings);
    QCOMPARE(masked.settings.size(), std::size_t(5));
    // The overlay's scaling, not the former sigma-3 blur and 80th-percentile threshold.
    QCOMPARE(masked.settings[4],
             (std::pair<std::string, std::string>{
                 "mask weight", "saliency / its 99th percentile (at most 1), inside the embryo"}));
  }

  // GEMs by prediction count each image at its range-constrained call (the default of predict)
  // and say so; predictions stored with --no-range-constraint are said to be unconstrained.
  void aGemByPredictionSaysRangeConstrained() {
    const auto gem = [&](const std::filesystem::path& project, const char* name) {
      const auto out = dir_ / name;
      const auto g =
          test::runCli({"gem", qs(project), "--run", "1", "--stage", "9", "--out", qs(out)});
      return g.code == 0 ? svgDescription(out) : why(g);
    };
    const QString on = gem(project_, "on.svg");
    QVERIFY2(on.contains(QStringLiteral("\nImages assigned by: range-constrained predictions of "
                                        "run #1\n")),
             qPrintable(on));
    const auto off = dir_ / "off.flystage";
    std::filesystem::copy_file(project_, off);
    const auto pr = test::runCli({"predict", qs(off), "--run", "1", "--store",
                                  "--no-range-constraint", "--csv", qs(dir_ / "off.csv")});
    QVERIFY2(pr.code == 0, qPrintable(why(pr)));
    const QString unconstrained = gem(off, "off.svg");
    QVERIFY2(unconstrained.contains(QStringLiteral(
                 "\nImages assigned by: predictions of run #1 (not range-constrained)\n")),
             qPrintable(unconstrained));
  }
};

QTEST_GUILESS_MAIN(GemProvenanceTest)
#include "GemProvenanceTest.moc"
