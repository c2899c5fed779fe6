#include <QtTest>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <string>

#include "store/ImageList.h"
#include "store/LabelConflict.h"
#include "store/LabelHistory.h"
#include "store/Project.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::TempDir;

namespace {

std::int64_t idOf(Project& p, const std::string& file) {
  for (const auto& r : listImages(p))
    if (std::filesystem::path(r.path).filename() == file) return r.id;
  throw std::runtime_error("no image " + file);
}

StageRange range(const char* name) {
  return *parseStageRange(name);
}

}  // namespace

// Issue 16, finding 2: typing a stage (or accepting a predicted one) outside an image's range
// replaced the curator's range silently. These are the cases that must be asked about.
class LabelConflictTest : public QObject {
  Q_OBJECT

  TempDir dir_;
  std::filesystem::path file_;

 private Q_SLOTS:
  void initTestCase() { file_ = test::makeSamplesProject(dir_, true); }

  void aStageOutsideTheRangeIsOneConflictNamingBoth() {
    Project p = Project::open(file_, OpenMode::ReadOnly);
    const std::int64_t id = idOf(p, "range9-10_0.png");
    const auto c = rangeConflicts(p, {LabelChange{id, labelForStage(5, LabelSource::User)}});
    QCOMPARE(c.size(), std::size_t(1));
    QCOMPARE(c[0].imageId, id);
    QCOMPARE(c[0].current, labelForRange(range("9-10"), LabelSource::Import));
    QCOMPARE(c[0].proposed, labelForStage(5, LabelSource::User));
    QCOMPARE(QString::fromStdString(c[0].text()),
             QStringLiteral("image #%1: range 9-10 (import) -> stage 5 (4-6)").arg(id));
    QCOMPARE(QString::fromStdString(replacedRanges(c)), QStringLiteral("9-10"));
  }

  void whatIsNotAConflict() {
    Project p = Project::open(file_, OpenMode::ReadOnly);
    const std::int64_t id = idOf(p, "range9-10_0.png");
    // A stage inside the range refines it.
    QVERIFY(rangeConflicts(p, {{id, labelForStage(10, LabelSource::Model)}}).empty());
    // A range and a removal say what they do to the range (and stay undoable).
    QVERIFY(rangeConflicts(p, {{id, labelForRange(range("11-12"), LabelSource::User)}}).empty());
    QVERIFY(rangeConflicts(p, {{id, Label{}}}).empty());
    // An unlabelled image, and an image the project does not hold (LabelHistory refuses it).
    QVERIFY(rangeConflicts(p, {{idOf(p, "unlabeled_0.png"), labelForStage(5, LabelSource::User)}})
                .empty());
    QVERIFY(rangeConflicts(p, {{9999, labelForStage(5, LabelSource::User)}}).empty());
    // 1-3 holds stages 1..3; any stage of 4..17 is outside it.
    QVERIFY(!isRangeConflict(labelForRange(range("1-3"), LabelSource::Import),
                             labelForStage(2, LabelSource::User)));
    QVERIFY(isRangeConflict(labelForRange(range("1-3"), LabelSource::Import),
                            labelForStage(4, LabelSource::User)));
    QVERIFY(isRangeConflict(labelForRange(range("13-17"), LabelSource::Import),
                            labelForStage(12, LabelSource::Model)));
    QVERIFY(!isRangeConflict(labelForRange(range("13-17"), LabelSource::Import),
                             labelForStage(17, LabelSource::Model)));
  }

  void aSelectionListsItsConflictsInOrder() {
    Project p = Project::open(file_, OpenMode::ReadOnly);
    const std::int64_t a = idOf(p, "range11-12_0.png"), b = idOf(p, "range4-6_0.png"),
                       c = idOf(p, "range9-10_1.png"), u = idOf(p, "unlabeled_1.png");
    std::vector<LabelChange> changes;
    for (std::int64_t id : {a, b, c, u})
      changes.push_back({id, labelForStage(9, LabelSource::User)});
    const auto conflicts = rangeConflicts(p, changes);
    QCOMPARE(conflicts.size(), std::size_t(2));  // c is 9-10 (inside), u unlabelled
    QCOMPARE(conflicts[0].imageId, a);
    QCOMPARE(conflicts[1].imageId, b);
    QCOMPARE(QString::fromStdString(replacedRanges(conflicts)), QStringLiteral("4-6, 11-12"));
  }

  // With the replacement confirmed, the history keeps the old range (undo restores it) and
  // its description says what the range was.
  void aConfirmedReplacementKeepsTheOldRange() {
    TempDir dir;
    const auto file = dir / "p.flystage";
    std::filesystem::copy_file(file_, file);
    Project p = Project::open(file);
    const std::int64_t id = idOf(p, "range9-10_0.png");
    LabelHistory history(p);
    const auto action = history.setLabel(id, labelForStage(5, LabelSource::User));
    QVERIFY(action);
    QCOMPARE(QString::fromStdString(action->description),
             QStringLiteral("Label image #%1 as 5 (4-6) (was range 9-10)").arg(id));
    SQLite::Statement q(p.db(),
                        "SELECT old_range, old_stage, old_source, new_range, new_stage FROM "
                        "label_history WHERE action = ?");
    q.bind(1, static_cast<int64_t>(action->id));
    QVERIFY(q.executeStep());
    QCOMPARE(q.getColumn(0).getString(), std::string("9-10"));
    QVERIFY(q.getColumn(1).isNull());
    QCOMPARE(q.getColumn(2).getString(), std::string("import"));
    QCOMPARE(q.getColumn(3).getString(), std::string("4-6"));
    QCOMPARE(q.getColumn(4).getInt(), 5);
    // A stage labelled image: the conflict names its stage, range and source.
    const auto again = rangeConflicts(p, {{id, labelForStage(12, LabelSource::Model)}});
    QCOMPARE(again.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(again[0].text()),
             QStringLiteral("image #%1: stage 5 (4-6, user) -> stage 12 (11-12)").arg(id));
    // Inside the range, the description stays as it was.
    QCOMPARE(QString::fromStdString(
                 history.setLabel(id, labelForStage(6, LabelSource::User))->description),
             QStringLiteral("Label image #%1 as 6 (4-6)").arg(id));
    history.undo();
    history.undo();
    QCOMPARE(p.label(id), labelForRange(range("9-10"), LabelSource::Import));
  }
};

QTEST_GUILESS_MAIN(LabelConflictTest)
#include "LabelConflictTest.moc"
