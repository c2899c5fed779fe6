#include <QtTest>

#include <fstream>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/LabelHistory.h"
#include "store/Project.h"
#include "store/Schema.h"
#include "store/Split.h"
#include "store/WriteTransaction.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;
using flystage::test::TempDir;

namespace {

std::string fileBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Inserts a bare image row (no pixels) so label and split logic can be tested alone.
std::int64_t addImage(Project& p, const std::string& hash) {
  SQLite::Statement q(p.db(),
                      "INSERT INTO images(path, sha256, width, height, channels, bit_depth) "
                      "VALUES (?, ?, 320, 128, 3, 8)");
  q.bind(1, "/x/" + hash + ".png");
  q.bind(2, hash);
  q.exec();
  return p.db().getLastInsertRowid();
}

// A schema-3 project file: image #7 labelled 12 (11-12) by import, run #1 (two-step), then
// `more` SQL.
void writeVersion3Project(const std::filesystem::path& file, const std::string& more) {
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  migrate(db, file.filename().c_str(), 3);
  db.exec(
      "INSERT INTO images(id, path, sha256, width, height, channels, bit_depth) VALUES "
      "(7, '/x/a.png', 'abc', 320, 128, 3, 8);"
      "INSERT INTO labels(image_id, stage_range, stage, source) VALUES (7, '11-12', 12, "
      "'import');"
      "INSERT INTO runs(id, method) VALUES (1, 'two-step');" +
      more);
}

}  // namespace

class ProjectTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void createsWalProjectWithSchema() {
    TempDir dir;
    {
      Project p = Project::open(dir / "a.flystage");
      QCOMPARE(p.summary().schemaVersion, kSchemaVersion);
      QCOMPARE(p.db().execAndGet("PRAGMA journal_mode").getString(), std::string("wal"));
      QCOMPARE(p.summary().images, 0);
      QCOMPARE(p.meta("created_with"), std::string("FlyStage"));
    }
    // Reopening keeps the version and does not re-run migrations.
    Project again = Project::open(dir / "a.flystage", OpenMode::Existing);
    QCOMPARE(storedSchemaVersion(again.db()), kSchemaVersion);
  }

  void listsEachGeneOnceInOrder() {
    TempDir dir;
    Project p = Project::open(dir / "g.flystage");
    QVERIFY(p.genes().empty());
    p.db().exec("INSERT INTO imports(source, kind) VALUES ('test', 'folder')");
    const char* genes[] = {"eve", "", "btd", "eve", "Abd-B"};
    int n = 0;
    for (const char* g : genes) {
      SQLite::Statement add(p.db(),
                            "INSERT INTO images(path, sha256, gene, width, height, channels, "
                            "bit_depth, import_id) VALUES (?, ?, ?, 8, 8, 3, 8, 1)");
      add.bind(1, "/data/" + std::to_string(++n) + ".png");
      add.bind(2, std::to_string(n));
      add.bind(3, g);
      add.exec();
    }
    QCOMPARE(p.genes(), (std::vector<std::string>{"Abd-B", "btd", "eve"}));
    QCOMPARE(p.summary().genes, 3);
  }

  void refusesMissingForeignAndNewerFiles() {
    TempDir dir;
    try {
      Project::open(dir / "none.flystage", OpenMode::Existing);
      QFAIL("no exception");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()), (dir / "none.flystage").string() +
                                          ": no such project file (create it with "
                                          "'flystage-cli new' or 'flystage-cli import')");
    }
    QVERIFY(!std::filesystem::exists(dir / "none.flystage"));

    test::writeText(dir / "text.flystage", "this is not a database, just some text here....");
    try {
      Project::open(dir / "text.flystage");
      QFAIL("no exception");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()), (dir / "text.flystage").string() +
                                          ": not a FlyStage project (not an SQLite database); "
                                          "check that it is a .flystage file. The file was not "
                                          "changed.");
    }

    {
      SQLite::Database db((dir / "new.flystage").string(),
                          SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec(
          "CREATE TABLE images(id INTEGER PRIMARY KEY); PRAGMA user_version = 99; "
          "PRAGMA application_id = " +
          std::to_string(kApplicationId));
    }
    const std::string before = fileBytes(dir / "new.flystage");
    try {
      Project::open(dir / "new.flystage");
      QFAIL("no exception");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               (dir / "new.flystage").string() +
                   ": project schema version 99 is newer than this FlyStage understands (" +
                   std::to_string(kSchemaVersion) +
                   "); open it with a newer FlyStage. The file was not changed.");
    }
    QCOMPARE(fileBytes(dir / "new.flystage"), before);
    QVERIFY(!std::filesystem::exists(dir.path() / "new.flystage-wal"));
  }

  void olderProjectsAreMigratedWithTheirData() {
    TempDir dir;
    {
      SQLite::Database db((dir / "v1.flystage").string(),
                          SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      migrate(db, "v1.flystage", 1);  // a project written by the first schema
      db.exec(
          "INSERT INTO images(path, sha256, width, height, channels, bit_depth) VALUES "
          "('/x/a.png', 'abc', 320, 128, 3, 8)");
      QVERIFY(!db.tableExists("run_images"));
    }
    Project p = Project::open(dir / "v1.flystage", OpenMode::Existing);
    QCOMPARE(storedSchemaVersion(p.db()), kSchemaVersion);
    QVERIFY(p.db().tableExists("run_images"));
    QVERIFY(p.db().tableExists("checkpoints"));
    QVERIFY(p.imageIdByHash("abc").has_value());
  }

  // Migration 4 adds columns to tables that hold data: the old rows keep their values and read
  // the new columns as their defaults.
  void aVersion3ProjectGainsTheColumnsOfVersion4() {
    TempDir dir;
    writeVersion3Project(dir / "v3.flystage",
                         "INSERT INTO splits(image_id, part, origin) VALUES (7, 'test', "
                         "'generated');"
                         "INSERT INTO predictions(run_id, image_id, stage, probability, "
                         "probabilities) VALUES (1, 7, 13, 0.5, x'00');");
    Project p = Project::open(dir / "v3.flystage", OpenMode::Existing);
    QCOMPARE(storedSchemaVersion(p.db()), kSchemaVersion);
    SQLite::Statement q(p.db(),
                        "SELECT stage, probability, range_constraint, stage_range IS NULL, "
                        "constrained_stage IS NULL FROM predictions");
    QVERIFY(q.executeStep());
    QCOMPARE(q.getColumn(0).getInt(), 13);
    QCOMPARE(q.getColumn(1).getDouble(), 0.5);
    QCOMPARE(q.getColumn(2).getInt(), 0);
    QCOMPARE(q.getColumn(3).getInt(), 1);
    QCOMPARE(q.getColumn(4).getInt(), 1);
    QCOMPARE(p.db().execAndGet("SELECT range_from_stage FROM labels").getInt(), 0);
    QCOMPARE(p.db().execAndGet("SELECT late || part FROM splits").getString(),
             std::string("0test"));
    QCOMPARE(p.label(7).stage.value(), 12);
  }

  // Issue 18: migration 5 adds who made a label, how a run chose its epoch, each epoch's
  // learning rate and the similar-embryo index. Old rows keep their values; the new columns
  // read as "nobody named" and "rate not recorded".
  void aVersion4ProjectGainsTheTablesOfVersion5() {
    TempDir dir;
    {
      SQLite::Database db((dir / "v4.flystage").string(),
                          SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      migrate(db, "v4.flystage", 4);
      db.exec(
          "INSERT INTO images(id, path, sha256, width, height, channels, bit_depth) VALUES "
          "(7, '/x/a.png', 'abc', 320, 128, 3, 8);"
          "INSERT INTO labels(image_id, stage_range, stage, source) VALUES (7, '11-12', 12, "
          "'user');"
          "INSERT INTO label_history(image_id, action, old_stage, new_stage, old_source, "
          "new_source) VALUES (7, 1, NULL, 12, NULL, 'user');"
          "INSERT INTO runs(id, method) VALUES (1, 'two-step');"
          "INSERT INTO run_epochs(run_id, phase, epoch, train_loss) VALUES (1, 'fine', 1, 0.5);");
      QVERIFY(!db.tableExists("run_selection"));
    }
    Project p = Project::open(dir / "v4.flystage", OpenMode::Existing);
    QCOMPARE(storedSchemaVersion(p.db()), 5);
    for (const char* t : {"run_selection", "similarity_index", "similarity_vectors"})
      QVERIFY2(p.db().tableExists(t), t);
    QCOMPARE(p.db().execAndGet("SELECT labeller || '|' || stage FROM labels").getString(),
             std::string("|12"));
    QCOMPARE(p.db()
                 .execAndGet("SELECT labeller || '|' || old_labeller || '|' || new_stage FROM "
                             "label_history")
                 .getString(),
             std::string("||12"));
    QCOMPARE(p.db().execAndGet("SELECT learning_rate IS NULL FROM run_epochs").getInt(), 1);
    QCOMPARE(p.label(7).stage.value(), 12);
  }

  // A read-only open cannot migrate: an older project is read as the current schema (new
  // tables empty, new columns their defaults), and its bytes stay as they were.
  void anOlderProjectOpenedReadOnlyReadsAsTheCurrentSchema() {
    TempDir dir;
    writeVersion3Project(dir / "v3.flystage",
                         "INSERT INTO run_epochs(run_id, phase, epoch, train_loss) VALUES (1, "
                         "'fine', 1, 0.5);");
    const std::string before = fileBytes(dir / "v3.flystage");
    {
      Project p = Project::open(dir / "v3.flystage", OpenMode::ReadOnly);
      QCOMPARE(storedSchemaVersion(p.db()), 3);
      QCOMPARE(p.db()
                   .execAndGet("SELECT labeller || '|' || range_from_stage || '|' || stage FROM "
                               "labels")
                   .getString(),
               std::string("|0|12"));
      QCOMPARE(p.db().execAndGet("SELECT count(*) FROM run_selection").getInt(), 0);
      QCOMPARE(p.db().execAndGet("SELECT count(*) FROM similarity_vectors").getInt(), 0);
      QCOMPARE(p.db().execAndGet("SELECT learning_rate IS NULL FROM run_epochs").getInt(), 1);
      QCOMPARE(p.label(7).stage.value(), 12);
    }
    QCOMPARE(fileBytes(dir / "v3.flystage"), before);
  }

  // A file that claims version 4 but lacks one of its columns is refused by name, unchanged.
  void aVersion4FileWithoutItsColumnsIsRefused() {
    TempDir dir;
    {
      SQLite::Database db((dir / "v4.flystage").string(),
                          SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      migrate(db, "v4.flystage", 3);
      db.exec("PRAGMA user_version = 4");
    }
    const std::string before = fileBytes(dir / "v4.flystage");
    try {
      Project::open(dir / "v4.flystage", OpenMode::Existing);
      QFAIL("no exception");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()),
               (dir / "v4.flystage").string() +
                   ": not a FlyStage project, or a damaged one: schema version 4 but no column "
                   "'predictions.range_constraint'. The file was not changed.");
    }
    QCOMPARE(fileBytes(dir / "v4.flystage"), before);
  }

  // Issue 16 (1): evaluation constrains a call only to a range a curator gave. A stage typed
  // on an unlabelled image, or one that replaces the range, brings a derived range.
  void aTypedStageMarksItsRangeAsDerived() {
    TempDir dir;
    Project p = Project::open(dir / "d.flystage");
    const std::int64_t a = addImage(p, "a"), b = addImage(p, "b");
    auto derived = [&](std::int64_t id) {
      SQLite::Statement q(p.db(), "SELECT range_from_stage FROM labels WHERE image_id = ?");
      q.bind(1, static_cast<int64_t>(id));
      return q.executeStep() ? q.getColumn(0).getInt() : -1;
    };
    LabelHistory h(p);
    QVERIFY(h.setLabel(a, labelForStage(12, LabelSource::User)));  // unlabelled before
    QCOMPARE(derived(a), 1);
    QVERIFY(h.setLabel(b, labelForRange(*parseStageRange("11-12"), LabelSource::User)));
    QCOMPARE(derived(b), 0);
    QVERIFY(h.setLabel(b, labelForStage(12, LabelSource::User)));  // inside its range
    QCOMPARE(derived(b), 0);
    QVERIFY(h.setLabel(b, labelForStage(5, LabelSource::User)));  // replaces 11-12 by 4-6
    QCOMPARE(derived(b), 1);
    QVERIFY(h.setLabel(a, labelForRange(*parseStageRange("11-12"), LabelSource::User)));
    QCOMPARE(derived(a), 0);
  }

  void rolledBackWritesLeaveNothing() {
    TempDir dir;
    Project p = Project::open(dir / "t.flystage");
    {
      WriteTransaction tx(p.db());
      addImage(p, "aaa");
      // no commit: destroyed, rolled back
    }
    QCOMPARE(p.summary().images, 0);
    {
      WriteTransaction outer(p.db());
      addImage(p, "bbb");
      {
        WriteTransaction inner(p.db());  // a savepoint inside
        addImage(p, "ccc");
      }
      outer.commit();
    }
    QCOMPARE(p.summary().images, 1);
    QVERIFY(p.imageIdByHash("bbb"));
    QVERIFY(!p.imageIdByHash("ccc"));
  }

  void labelsUndoRedoAcrossReopen() {
    TempDir dir;
    std::int64_t a, b;
    {
      Project p = Project::open(dir / "l.flystage");
      a = addImage(p, "a");
      b = addImage(p, "b");
      LabelHistory h(p);
      QVERIFY(h.setLabel(a, labelForRange(*parseStageRange("11-12"), LabelSource::User)));
      QVERIFY(h.setLabel(a, labelForStage(12, LabelSource::User)));  // refine the range
      QVERIFY(h.apply(
          {{a, labelForStage(11, LabelSource::User)}, {b, labelForStage(5, LabelSource::User)}},
          "Set two"));
      QCOMPARE(p.label(a).stage.value(), 11);
      QCOMPARE(p.summary().withStage, 2);
      // Setting the same label again records nothing.
      QVERIFY(!h.setLabel(b, labelForStage(5, LabelSource::User)));
    }
    Project p = Project::open(dir / "l.flystage", OpenMode::Existing);
    LabelHistory h(p);
    QCOMPARE(h.nextUndo()->description, std::string("Set two"));
    QCOMPARE(h.undo()->images, 2);
    QCOMPARE(p.label(a).stage.value(), 12);
    QVERIFY(p.label(b).empty());
    QVERIFY(h.undo());
    QVERIFY(!p.label(a).stage);
    QCOMPARE(p.label(a).range->name(), std::string("11-12"));
    QVERIFY(h.redo());
    QCOMPARE(p.label(a).stage.value(), 12);
    // A new action discards what could be redone ("Set two").
    QVERIFY(h.setLabel(b, labelForStage(7, LabelSource::User)));
    QVERIFY(!h.redo());
    QCOMPARE(p.label(b).stage.value(), 7);
    QVERIFY(h.undo());
    QVERIFY(h.undo());
    QVERIFY(h.undo());
    QVERIFY(!h.undo());
    QVERIFY(p.label(a).empty());
    QVERIFY(p.label(b).empty());
  }

  void invalidLabelsAreRefusedWithoutChange() {
    TempDir dir;
    Project p = Project::open(dir / "v.flystage");
    const auto a = addImage(p, "a");
    LabelHistory h(p);
    Label bad = labelForRange(*parseStageRange("4-6"), LabelSource::User);
    bad.stage = 9;
    try {
      h.setLabel(a, bad);
      QFAIL("no exception");
    } catch (const Error& e) {
      QCOMPARE(std::string(e.what()), std::string("stage 9 is outside the range 4-6"));
    }
    QVERIFY_THROWS_EXCEPTION(Error, h.setLabel(999, labelForStage(5, LabelSource::User)));
    QVERIFY(p.label(a).empty());
    QVERIFY(!h.nextUndo());
  }

  void splitIsStratifiedSeededAndFixed() {
    TempDir dir;
    Project p = Project::open(dir / "s.flystage");
    LabelHistory h(p);
    std::vector<LabelChange> changes;
    for (int stage = 4; stage <= 17; ++stage)
      for (int k = 0; k < 10; ++k)
        changes.push_back({addImage(p, std::to_string(stage) + "_" + std::to_string(k)),
                           labelForStage(stage, LabelSource::Import)});
    h.apply(changes, "labels");
    const auto s = assignSplit(p, SplitOptions{7, 0.2, 0.1});
    QCOMPARE(s.newlyAssigned, 140);
    for (const auto& [stage, c] : s.perStage) {
      QCOMPARE(c[2], 2);  // test: 20% of 10
      QCOMPARE(c[1], 1);  // validation: 10%
      QCOMPARE(c[0], 7);
    }
    const auto test1 = imagesInPart(p, SplitPart::Test);
    QCOMPARE(test1.size(), std::size_t(28));
    // Fixed once made: a second call with another seed moves nothing.
    QCOMPARE(assignSplit(p, SplitOptions{99, 0.5, 0.1}).newlyAssigned, 0);
    QCOMPARE(imagesInPart(p, SplitPart::Test), test1);
    // The same seed in a fresh project gives the same parts.
    resetSplit(p);
    assignSplit(p, SplitOptions{7, 0.2, 0.1});
    QCOMPARE(imagesInPart(p, SplitPart::Test), test1);
    resetSplit(p);
    assignSplit(p, SplitOptions{8, 0.2, 0.1});
    QVERIFY(imagesInPart(p, SplitPart::Test) != test1);
    // Images labelled after the split go to training (late): the test part does not move
    // (issue 16, finding 8; before, they joined the parts short of their share).
    const auto before = imagesInPart(p, SplitPart::Test);
    std::vector<LabelChange> more;
    for (int k = 0; k < 5; ++k)
      more.push_back(
          {addImage(p, "late" + std::to_string(k)), labelForStage(9, LabelSource::User)});
    h.apply(more, "more");
    const auto s2 = assignSplit(p, storedSplitOptions(p));
    QCOMPARE(s2.newlyAssigned, 5);
    QCOMPARE(s2.late, 5);
    QCOMPARE(s2.perStage.at(9), (std::array<int, 3>{12, 1, 2}));
    QCOMPARE(imagesInPart(p, SplitPart::Test), before);
    // A new draw spreads them: round(15 * 0.2) = 3 test images of stage 9, none late.
    resetSplit(p);
    const auto s3 = assignSplit(p, SplitOptions{8, 0.2, 0.1});
    QCOMPARE(s3.late, 0);
    QCOMPARE(s3.perStage.at(9), (std::array<int, 3>{10, 2, 3}));
    QCOMPARE(p.db().execAndGet("SELECT count(*) FROM splits WHERE late = 1").getInt(), 0);
    QVERIFY_THROWS_EXCEPTION(Error, assignSplit(p, SplitOptions{1, 0.6, 0.5}));
  }
};

QTEST_GUILESS_MAIN(ProjectTest)
#include "ProjectTest.moc"
