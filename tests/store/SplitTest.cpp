#include <QtTest>

#include <algorithm>
#include <set>

#include <SQLiteCpp/SQLiteCpp.h>

#include "data/LabelsCsv.h"
#include "importer/ImportPlan.h"
#include "importer/Importer.h"
#include "store/Label.h"
#include "store/LabelHistory.h"
#include "store/Project.h"
#include "store/Split.h"
#include "support/TestSupport.h"
#include "train/RunData.h"
#include "train/TrainReadiness.h"

using namespace flystage;
using flystage::test::imageIdOf;

namespace {

int lateOf(Project& p, std::int64_t id) {
  SQLite::Statement q(p.db(), "SELECT late FROM splits WHERE image_id = ?");
  q.bind(1, static_cast<int64_t>(id));
  return q.executeStep() ? q.getColumn(0).getInt() : -1;
}

// A labels CSV of real BDGP samples: "file,range,stage" rows.
std::filesystem::path samplesCsv(const test::TempDir& dir, const std::string& name,
                                 const std::vector<std::string>& rows) {
  std::string csv = "path,stage_range,stage\n";
  for (const auto& r : rows) csv += (test::samplesDir() / r).string() + "\n";
  test::writeText(dir / name, csv);
  return dir / name;
}

std::set<std::int64_t> partOf(const std::vector<RunImage>& images, const std::string& part) {
  std::set<std::int64_t> ids;
  for (const auto& im : images)
    if (im.part == part) ids.insert(im.imageId);
  return ids;
}

}  // namespace

class SplitTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // Issue 16, finding 8. A split with half the images in test: a stage-5 image imported, or a
  // stage typed, after the split was drawn goes to training (late), and the test part stays
  // as it was. Before, it joined the part short of its share: test (round(3 * 0.5) = 2).
  // Drawing the split again spreads the late images and clears the mark.
  void aNewStageLabelGoesToTraining() {
    test::TempDir dir;
    Project p = Project::open(dir / "s.flystage");
    const auto first =
        runImport(p,
                  parseLabelsCsv(samplesCsv(dir, "a.csv",
                                            {"range4-6_0.png,4-6,5", "range4-6_1.png,4-6,5",
                                             "range7-8_0.png,7-8,7", "range7-8_1.png,7-8,8"})),
                  {});
    QVERIFY(first.committed);
    QCOMPARE(first.splitAssigned, 4);
    QCOMPARE(p.db().execAndGet("SELECT count(*) FROM splits WHERE late = 1").getInt(), 0);
    resetSplit(p);
    const SplitOptions half{5, 0.5, 0.1};
    QCOMPARE(assignSplit(p, half).perStage.at(5), (std::array<int, 3>{1, 0, 1}));
    const auto test = imagesInPart(p, SplitPart::Test);
    QCOMPARE(test.size(), std::size_t(3));  // one of stage 5, the stage 7 and the stage 8 image

    // Imported later with a stage: training.
    const auto second =
        runImport(p, parseLabelsCsv(samplesCsv(dir, "b.csv", {"unlabeled_0.png,4-6,5"})), {});
    QVERIFY(second.committed);
    QCOMPARE(second.splitAssigned, 1);
    const auto imported = imageIdOf(p, "unlabeled_0.png");
    QCOMPARE(p.splitPart(imported), std::optional<SplitPart>(SplitPart::Train));
    QCOMPARE(lateOf(p, imported), 1);
    QCOMPARE(imagesInPart(p, SplitPart::Test), test);
    // The other unlabelled samples, without labels.
    QVERIFY(runImport(p, planFolder(test::unlabelledSamples(dir)), {}).committed);

    // Labelled later (it had no label): training, when the next run takes its images.
    const auto typed = imageIdOf(p, "unlabeled_1.png");
    QVERIFY(LabelHistory(p).setLabel(typed, labelForStage(5, LabelSource::User)));
    QVERIFY(!p.splitPart(typed));
    const auto planned = plannedRunImages(p);
    QVERIFY(!p.splitPart(typed));  // planning writes nothing
    const auto snapshot = snapshotRunImages(p);
    QCOMPARE(p.splitPart(typed), std::optional<SplitPart>(SplitPart::Train));
    QCOMPARE(lateOf(p, typed), 1);
    QCOMPARE(imagesInPart(p, SplitPart::Test), test);
    QVERIFY(partOf(snapshot, "train").count(typed));
    QCOMPARE(partOf(snapshot, "test"), std::set<std::int64_t>(test.begin(), test.end()));
    // The plan the GUI checks is the snapshot a run takes.
    QCOMPARE(planned.size(), snapshot.size());
    for (std::size_t i = 0; i < planned.size(); ++i) {
      QCOMPARE(planned[i].imageId, snapshot[i].imageId);
      QCOMPARE(planned[i].part, snapshot[i].part);
      QCOMPARE(planned[i].stage, snapshot[i].stage);
    }
    // The split says how many are in training for being late.
    const auto again = assignSplit(p, half);
    QCOMPARE(again.newlyAssigned, 0);
    QCOMPARE(again.late, 2);
    QCOMPARE(again.perStage.at(5), (std::array<int, 3>{3, 0, 1}));

    // A new draw spreads them again: round(4 * 0.5) = 2 test images of stage 5.
    resetSplit(p);
    const auto redrawn = assignSplit(p, half);
    QCOMPARE(redrawn.late, 0);
    QCOMPARE(redrawn.perStage.at(5), (std::array<int, 3>{2, 0, 2}));
    QCOMPARE(p.db().execAndGet("SELECT count(*) FROM splits WHERE late = 1").getInt(), 0);
  }

  // A project whose first import had ranges only stores the split's options but draws
  // nothing: the first stage labels are drawn into the parts, not marked late.
  void theFirstStageLabelsAreDrawnNotLate() {
    test::TempDir dir;
    const auto file = test::makeSamplesProject(dir, true);
    Project p = Project::open(file, OpenMode::Existing);
    QVERIFY(!p.meta("split_seed").empty());
    LabelHistory h(p);
    std::vector<LabelChange> changes;
    for (const char* f : {"range4-6_0.png", "range4-6_1.png", "unlabeled_0.png", "unlabeled_1.png",
                          "unlabeled_2.png"})
      changes.push_back({imageIdOf(p, f), labelForStage(5, LabelSource::User)});
    QVERIFY(h.apply(changes, "stages"));
    const auto s = assignSplit(p, storedSplitOptions(p));
    QCOMPARE(s.late, 0);
    QCOMPARE(s.perStage.at(5), (std::array<int, 3>{3, 1, 1}));  // 5 images, 20% / 10%
  }

  // Repeated splits (--split-seed) draw over the images the project's split drew: a label
  // added later goes to training and leaves the seed's test part as it was. Before, the
  // whole split was drawn again and the new image reshuffled its stage.
  void repeatedSplitsIgnoreLabelsAddedLater() {
    test::TempDir dir;
    const auto file = test::makeSyntheticProject(dir);
    Project p = Project::open(file, OpenMode::Existing);
    const auto before = snapshotRunImages(p, 1);
    const auto testBefore = partOf(before, "test");
    QVERIFY(testBefore.size() >= 14);
    // An image with the range 9-10 and no stage gets stage 9.
    const auto id =
        p.db()
            .execAndGet(
                "SELECT image_id FROM labels WHERE stage IS NULL AND stage_range = '9-10' "
                "ORDER BY image_id LIMIT 1")
            .getInt64();
    QVERIFY(LabelHistory(p).setLabel(id, labelForStage(9, LabelSource::User)));
    const auto after = snapshotRunImages(p, 1);
    QCOMPARE(partOf(after, "test"), testBefore);
    QVERIFY(partOf(after, "train").count(id));
    QCOMPARE(lateOf(p, id), 1);
    // The draw over every stage-labelled image (what runs did before) moves the test part.
    std::vector<std::pair<std::int64_t, int>> fine;
    SQLite::Statement q(p.db(), "SELECT image_id, stage FROM labels WHERE stage BETWEEN 4 AND 17");
    while (q.executeStep()) fine.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt());
    SplitOptions o = storedSplitOptions(p);
    o.seed = 1;
    std::set<std::int64_t> whole;
    for (const auto& [image, part] : drawSplit(fine, o))
      if (part == SplitPart::Test) whole.insert(image);
    QVERIFY(whole != testBefore);
  }
};

QTEST_GUILESS_MAIN(SplitTest)
#include "SplitTest.moc"
