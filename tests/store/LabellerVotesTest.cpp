#include <QtTest>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <string>

#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "store/LabelHistory.h"
#include "store/LabellerVotes.h"
#include "store/Project.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::TempDir;

namespace {

std::string labellerOf(Project& p, std::int64_t image) {
  SQLite::Statement q(p.db(), "SELECT labeller FROM labels WHERE image_id = ?");
  q.bind(1, static_cast<int64_t>(image));
  return q.executeStep() ? q.getColumn(0).getString() : "(no label)";
}

QString votesText(Project& p) {
  QStringList out;
  for (const auto& v : labellerVotes(p))
    out << QStringLiteral("%1:%2=%3")
               .arg(v.imageId)
               .arg(QString::fromStdString(v.labeller))
               .arg(v.stage);
  return out.join(QLatin1Char(' '));
}

int historyRows(Project& p) {
  return p.db().execAndGet("SELECT count(*) FROM label_history").getInt();
}

}  // namespace

// Issue 18, finding 5: who made a label, and a second labeller who agrees leaves a trace.
class LabellerVotesTest : public QObject {
  Q_OBJECT

  std::unique_ptr<TempDir> dir_;
  std::filesystem::path file_;
  std::int64_t image_ = 0;

 private Q_SLOTS:
  void init() {
    dir_ = std::make_unique<TempDir>();  // a fresh project for every test
    file_ = test::makeSamplesProject(*dir_, true);
    Project p = Project::open(file_, OpenMode::Existing);
    image_ = test::imageIdOf(p, "unlabeled_0.png");
  }

  void secondLabellerWhoAgreesIsRecorded() {
    Project p = Project::open(file_, OpenMode::Existing);
    const Label ten = labelForStage(10, LabelSource::User);
    QVERIFY(LabelHistory(p, "alice").setLabel(image_, ten));
    QCOMPARE(labellerOf(p, image_), std::string("alice"));
    // bob says the same: recorded as his vote (before: dropped as "no change").
    const auto vote = LabelHistory(p, "bob").setLabel(image_, ten);
    QVERIFY(vote);
    QCOMPARE(vote->images, 1);
    QCOMPARE(historyRows(p), 2);
    // The label row keeps its value and who set it.
    QCOMPARE(p.label(image_), ten);
    QCOMPARE(labellerOf(p, image_), std::string("alice"));
    QCOMPARE(votesText(p), QStringLiteral("%1:alice=10 %1:bob=10").arg(image_));
    // alice again, and an unnamed labeller, change nothing: no row.
    QVERIFY(!LabelHistory(p, "alice").setLabel(image_, ten));
    QVERIFY(!LabelHistory(p).setLabel(image_, ten));
    QCOMPARE(historyRows(p), 2);
    // carol disagrees: the label is hers now; undo gives it back to alice, with alice's stage.
    QVERIFY(LabelHistory(p, "carol").setLabel(image_, labelForStage(9, LabelSource::User)));
    QCOMPARE(labellerOf(p, image_), std::string("carol"));
    QCOMPARE(votesText(p), QStringLiteral("%1:alice=10 %1:bob=10 %1:carol=9").arg(image_));
    QVERIFY(LabelHistory(p).undo());
    QCOMPARE(p.label(image_), ten);
    QCOMPARE(labellerOf(p, image_), std::string("alice"));
    // A labeller's latest label counts: alice's range alone withdraws her stage.
    QVERIFY(LabelHistory(p, "alice")
                .setLabel(image_, labelForRange(*parseStageRange("9-10"), LabelSource::User)));
    QCOMPARE(votesText(p), QStringLiteral("%1:bob=10").arg(image_));
    // A name that would break the tables, or the imports' own, is refused by name.
    QCOMPARE(test::errorText([&] { LabelHistory(p, "import").setLabel(image_, ten); }),
             QStringLiteral("labeller \"import\": \"import\" is the labeller of imported labels; "
                            "choose another name"));
    QCOMPARE(test::errorText([&] { LabelHistory(p, "a|b").setLabel(image_, ten); }),
             QStringLiteral("labeller \"a|b\": a labeller name holds no control characters and "
                            "no '|'; choose another name"));
  }

  void undoRemovesTheVote() {
    Project p = Project::open(file_, OpenMode::Existing);
    const Label twelve = labelForStage(12, LabelSource::User);
    QVERIFY(LabelHistory(p, "alice").setLabel(image_, twelve));
    QVERIFY(LabelHistory(p, "bob").setLabel(image_, twelve));
    QCOMPARE(votesText(p), QStringLiteral("%1:alice=12 %1:bob=12").arg(image_));
    // Undoing bob's vote writes nothing (the label was alice's) and withdraws the vote.
    QVERIFY(LabelHistory(p).undo());
    QCOMPARE(votesText(p), QStringLiteral("%1:alice=12").arg(image_));
    QCOMPARE(p.label(image_), twelve);
    QCOMPARE(labellerOf(p, image_), std::string("alice"));
    // Redo brings it back, still without taking the label from alice.
    QVERIFY(LabelHistory(p).redo());
    QCOMPARE(votesText(p), QStringLiteral("%1:alice=12 %1:bob=12").arg(image_));
    QCOMPARE(labellerOf(p, image_), std::string("alice"));
    // Undo both, then a new action: the undone ones are discarded and never count again.
    QVERIFY(LabelHistory(p).undo());
    QVERIFY(LabelHistory(p).undo());
    QVERIFY(p.label(image_).empty());
    QCOMPARE(votesText(p), QString());
    QVERIFY(LabelHistory(p, "carol").setLabel(image_, labelForStage(11, LabelSource::User)));
    QCOMPARE(votesText(p), QStringLiteral("%1:carol=11").arg(image_));
    QVERIFY(!LabelHistory(p).redo());
  }

  void importCountsAsALabeller() {
    // Two samples imported with precise stages (a CSV with a stage column, as BDGP's own).
    TempDir dir;
    namespace fs = std::filesystem;
    fs::copy_file(test::samplesDir() / "range9-10_0.png", dir / "a.png");
    fs::copy_file(test::samplesDir() / "range11-12_0.png", dir / "b.png");
    test::writeText(dir / "labels.csv",
                    "path,gene,stage_range,stage\na.png,,9-10,10\nb.png,,11-12,12\n");
    const auto file = dir / "p.flystage";
    Project p = Project::open(file);
    QVERIFY(runImport(p, parseLabelsCsv(dir / "labels.csv"), {}).committed);
    const std::int64_t a = test::imageIdOf(p, "a.png"), b = test::imageIdOf(p, "b.png");
    QCOMPARE(votesText(p), QStringLiteral("%1:import=10 %2:import=12").arg(a).arg(b));
    // alice relabels a: the imported stage still counts, from the history's first row.
    QVERIFY(LabelHistory(p, "alice").setLabel(a, labelForStage(9, LabelSource::User)));
    // bob confirms b: it was imported (source import), so his label is a change, and a vote.
    QVERIFY(LabelHistory(p, "bob").setLabel(b, labelForStage(12, LabelSource::User)));
    QCOMPARE(votesText(p),
             QStringLiteral("%1:alice=9 %1:import=10 %2:bob=12 %2:import=12").arg(a).arg(b));
    // Undone, the imported label is the only vote again.
    QVERIFY(LabelHistory(p).undo());
    QVERIFY(LabelHistory(p).undo());
    QCOMPARE(votesText(p), QStringLiteral("%1:import=10 %2:import=12").arg(a).arg(b));
  }
};

QTEST_GUILESS_MAIN(LabellerVotesTest)
#include "LabellerVotesTest.moc"
