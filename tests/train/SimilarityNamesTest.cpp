#include <QtTest>

#include <nlohmann/json.hpp>

#include "support/TestSupport.h"
#include "train/SimilarityNames.h"
#include "train/TrainConfig.h"
#include "util/Error.h"

using namespace flystage;

namespace {}  // namespace

// The similarity-loss variant and tau-mode names: spelled once in core, used by the run's
// JSON and the command line (and the GUI's settings).
class SimilarityNamesTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyNameRoundTrips() {
    QCOMPARE(similarityNames(), (std::vector<std::string>{"paper", "code"}));
    QCOMPARE(tauModeNames(), (std::vector<std::string>{"probability", "logit-margin"}));
    for (auto v : {SimilarityVariant::Paper, SimilarityVariant::Code})
      QVERIFY(parseSimilarity(similarityName(v)) == v);
    for (auto m : {TauMode::Probability, TauMode::LogitMargin})
      QVERIFY(parseTauMode(tauModeName(m)) == m);
    QCOMPARE(similarityName(SimilarityVariant::Code), std::string("code"));
    QCOMPARE(tauModeName(TauMode::LogitMargin), std::string("logit-margin"));
    QCOMPARE(referenceFallbackNames(), (std::vector<std::string>{"best-image", "all-images"}));
    for (auto f : {ReferenceFallback::BestImage, ReferenceFallback::AllImages})
      QVERIFY(parseReferenceFallback(referenceFallbackName(f)) == f);
    QCOMPARE(referenceFallbackName(ReferenceFallback::AllImages), std::string("all-images"));
    QCOMPARE(referenceFallbackName(ReferenceFallback::BestImage), std::string("best-image"));
  }

  void aBadNameIsNamedWithTheChoices() {
    QCOMPARE(test::errorText([] { parseSimilarity("Code"); }),
             QStringLiteral("unknown similarity 'Code' (choose paper or code)"));
    QCOMPARE(test::errorText([] { parseTauMode("margin"); }),
             QStringLiteral("unknown tau mode 'margin' (choose probability or logit-margin)"));
    QCOMPARE(test::errorText([] { parseSimilarity(""); }),
             QStringLiteral("unknown similarity '' (choose paper or code)"));
    QCOMPARE(test::errorText([] { parseReferenceFallback("all"); }),
             QStringLiteral("unknown reference fallback 'all' (choose best-image or all-images)"));
  }

  // The run's stored parameters use the same names; an unknown one used to be read silently
  // as "paper" / "probability" (a run would have been described with the wrong loss).
  void storedParametersUseTheNames() {
    TrainConfig c;
    c.similarity = SimilarityVariant::Code;
    c.tauMode = TauMode::LogitMargin;
    auto j = nlohmann::json::parse(c.toJson());
    QCOMPARE(j.at("similarity").get<std::string>(), std::string("code"));
    QCOMPARE(j.at("tau_mode").get<std::string>(), std::string("logit-margin"));
    const auto back = TrainConfig::fromJson(j.dump());
    QVERIFY(back.similarity == SimilarityVariant::Code);
    QVERIFY(back.tauMode == TauMode::LogitMargin);

    j["similarity"] = "cosine";
    QCOMPARE(test::errorText([&] { TrainConfig::fromJson(j.dump()); }),
             QStringLiteral("unknown similarity 'cosine' (choose paper or code)"));
    j["similarity"] = "code";
    j["tau_mode"] = "Probability";
    QCOMPARE(test::errorText([&] { TrainConfig::fromJson(j.dump()); }),
             QStringLiteral("unknown tau mode 'Probability' (choose probability or logit-margin)"));
  }

  // The tau range message names the mode with core's name.
  void tauRangeNamesTheMode() {
    TrainConfig c;
    c.tauMode = TauMode::LogitMargin;
    c.tau = 101;
    const auto problem = c.validate();
    QVERIFY(problem);
    QCOMPARE(problem->allowed, std::string("a number >= 0 and <= 100 (tau mode logit-margin)"));
  }

  // The command line offers exactly core's names, in its help and in its refusal.
  void commandLineChoicesAreCoresNames() {
    const auto help = test::runCli({"train", "--help"});
    QCOMPARE(help.code, 0);
    QVERIFY2(help.out.contains(QStringLiteral("{paper,code}")), qPrintable(help.out));
    QVERIFY2(help.out.contains(QStringLiteral("{probability,logit-margin}")), qPrintable(help.out));
    QVERIFY2(help.out.contains(QStringLiteral(
                 "paper (cosine of features, Eq. 4-6) or code (the authors' logit variant)")),
             qPrintable(help.out));

    test::TempDir dir;
    const auto bad =
        test::runCli({"train", test::qs(dir / "none.flystage"), "--similarity", "cosine"});
    QCOMPARE(bad.code, 105);  // CLI11's validation error
    QVERIFY2(bad.err.startsWith(QStringLiteral("--similarity: cosine not in {paper,code}\n")),
             qPrintable(test::why(bad)));
    const auto badTau =
        test::runCli({"train", test::qs(dir / "none.flystage"), "--tau-mode", "margin"});
    QCOMPARE(badTau.code, 105);
    QVERIFY2(badTau.err.startsWith(
                 QStringLiteral("--tau-mode: margin not in {probability,logit-margin}\n")),
             qPrintable(test::why(badTau)));
    QVERIFY(!std::filesystem::exists(dir / "none.flystage"));
  }
};

QTEST_GUILESS_MAIN(SimilarityNamesTest)
#include "SimilarityNamesTest.moc"
