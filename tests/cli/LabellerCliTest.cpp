#include <QtTest>

#include <SQLiteCpp/SQLiteCpp.h>

#include "eval/LabellerAgreement.h"
#include "store/LabellerVotes.h"
#include "store/Project.h"
#include "support/TestSupport.h"

using namespace flystage;

namespace {

QString labellerOf(const std::filesystem::path& file, std::int64_t image) {
  Project p = Project::open(file, OpenMode::ReadOnly);
  SQLite::Statement q(p.db(), "SELECT labeller FROM labels WHERE image_id = ?");
  q.bind(1, static_cast<int64_t>(image));
  return q.executeStep() ? QString::fromStdString(q.getColumn(0).getString()) : "(no label)";
}

}  // namespace

// Issue 18, finding 5: `label --labeller NAME` (default $FLYSTAGE_LABELLER) records who labelled.
class LabellerCliTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void labelRecordsTheLabeller() {
    test::TempDir dir;
    const auto file = test::makeSamplesProject(dir, true);
    const QString p = test::qs(file);
    std::int64_t a = 0, b = 0;
    {
      Project project = Project::open(file, OpenMode::ReadOnly);
      a = test::imageIdOf(project, "unlabeled_0.png");
      b = test::imageIdOf(project, "unlabeled_1.png");
    }
    const QString ia = QString::number(a), ib = QString::number(b);
    qunsetenv("FLYSTAGE_LABELLER");
    auto r = test::runCli({"label", p, "--image", ia, "--stage", "10", "--labeller", "alice"});
    QVERIFY2(r.code == 0, qPrintable(test::why(r)));
    QCOMPARE(labellerOf(file, a), QStringLiteral("alice"));
    // bob agrees: his vote is an action of its own (before: "nothing to label").
    r = test::runCli({"label", p, "--image", ia, "--stage", "10", "--labeller", "bob"});
    QVERIFY2(r.code == 0, qPrintable(test::why(r)));
    QCOMPARE(r.out, QStringLiteral("label: Label image #%1 as 10 (9-10) (1 image(s))\n").arg(a));
    QCOMPARE(labellerOf(file, a), QStringLiteral("alice"));
    // Unnamed (no option, no environment): the same label changes nothing.
    r = test::runCli({"label", p, "--image", ia, "--stage", "10"});
    QCOMPARE(r.out, QStringLiteral("label: nothing to label\n"));
    // $FLYSTAGE_LABELLER names the labeller when --labeller does not.
    qputenv("FLYSTAGE_LABELLER", "carol");
    r = test::runCli({"label", p, "--image", ib, "--stage", "12"});
    QVERIFY2(r.code == 0, qPrintable(test::why(r)));
    QCOMPARE(labellerOf(file, b), QStringLiteral("carol"));
    r = test::runCli({"label", p, "--image", ib, "--stage", "11", "--labeller", "alice"});
    QVERIFY2(r.code == 0, qPrintable(test::why(r)));
    QCOMPARE(labellerOf(file, b), QStringLiteral("alice"));
    // A name that cannot be: refused before anything is written.
    qputenv("FLYSTAGE_LABELLER", "import");
    r = test::runCli({"label", p, "--image", ib, "--stage", "14"});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(),
             QStringLiteral("flystage-cli: error: $FLYSTAGE_LABELLER import: \"import\" is the "
                            "labeller of imported labels; choose another name"));
    r = test::runCli({"label", p, "--image", ib, "--stage", "14", "--labeller", "a|b"});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(),
             QStringLiteral("flystage-cli: error: --labeller a|b: a labeller name holds no "
                            "control characters and no '|'; choose another name"));
    qunsetenv("FLYSTAGE_LABELLER");
    QCOMPARE(labellerOf(file, b), QStringLiteral("alice"));

    // The votes the command line left, and the agreement `compare` prints from them.
    Project project = Project::open(file, OpenMode::ReadOnly);
    const auto votes = labellerVotes(project);
    QCOMPARE(votes.size(), std::size_t(4));  // a: alice, bob; b: alice 11, carol 12
    const std::string text = agreementText(project, {});
    QVERIFY2(text.find("| alice | bob | 1 | 1.00 [1.00, 1.00] | 100.0 % |") != std::string::npos,
             text.c_str());
    // One image one stage apart: agreement no better than chance for that image.
    QVERIFY2(text.find("| alice | carol | 1 | 0.00 [0.00, 0.00] | 0.0 % |") != std::string::npos,
             text.c_str());
  }
};

QTEST_GUILESS_MAIN(LabellerCliTest)
#include "LabellerCliTest.moc"
