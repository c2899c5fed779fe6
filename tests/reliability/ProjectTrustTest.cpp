// Issue 14, trust: a project file is data, never code, and nothing is lost or silently
// changed on bad input. Only a FlyStage project is opened (its application id, or an older
// project's tables); anything else is refused byte for byte unchanged with no file left
// beside it; a project is created only where no file exists; a read-only command of
// another user leaves no files that stop the owner's writes; a killed training run is
// found and marked interrupted. Everything user-facing goes through the real flystage-cli.
#include <QtTest>

#include <QCryptographicHash>
#include <QProcess>
#include <QStandardPaths>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/Project.h"
#include "store/RunStore.h"
#include "store/Schema.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;
using flystage::test::CliRun;
using flystage::test::TempDir;
namespace fs = std::filesystem;

using flystage::test::qs;
using flystage::test::readBytes;
using flystage::test::why;

namespace {

QByteArray fileHash(const fs::path& p) {
  return QCryptographicHash::hash(QByteArray::fromStdString(readBytes(p)),
                                  QCryptographicHash::Sha256)
      .toHex();
}

// Every name in a folder (hidden ones too): nothing may appear beside a refused file.
std::set<std::string> listing(const fs::path& folder) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(folder)) out.insert(e.path().filename().string());
  return out;
}

CliRun runProgram(const QString& program, const QStringList& args, int timeoutMs = 300000) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    return {-1, {}, QStringLiteral("timeout")};
  }
  // A crash (the old SIGSEGV on user_version -1) must not pass as some exit code.
  if (p.exitStatus() == QProcess::CrashExit) return {128 + p.exitCode(), {}, "crashed"};
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

QString cli() {
  return QString::fromStdString(test::cliPath());
}

CliRun runCli(const QStringList& args) {
  return runProgram(cli(), args);
}

// The CLI as another user (setpriv; the caller checks that it runs as root).
CliRun runAs(uid_t uid, const QStringList& args) {
  return runProgram("setpriv",
                    QStringList{QStringLiteral("--reuid=%1").arg(uid),
                                QStringLiteral("--regid=%1").arg(uid), "--clear-groups", cli()} +
                        args);
}

// Another program's database: its own table, its own user_version, optionally WAL mode or
// its own application id.
void makeForeignDb(const fs::path& file, int userVersion, bool wal = false, int appId = 0) {
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  if (wal) db.exec("PRAGMA journal_mode = WAL");
  db.exec(
      "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) "
      "VALUES ('keep me')");
  db.exec("PRAGMA user_version = " + std::to_string(userVersion));
  if (appId != 0) db.exec("PRAGMA application_id = " + std::to_string(appId));
}

// A real project holding the 12 labelled BDGP samples.
fs::path sampleProject(const TempDir& dir, const std::string& name = "p.flystage") {
  const fs::path file = dir / name;
  const auto r = runCli({"import", qs(file), "--csv", qs(test::samplesDir() / "labels.csv")});
  if (r.code != 0) throw std::runtime_error(why(r).toStdString());
  return file;
}

int pragma(const fs::path& file, const char* name) {
  SQLite::Database db("file:" + file.string() + "?immutable=1",
                      SQLite::OPEN_READONLY | SQLite::OPEN_URI);
  return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

// Sets the stored schema version of a closed project (as a damaged or hostile file would).
void setUserVersion(const fs::path& file, int version) {
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace

class ProjectTrustTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // A: every command, reading or writing, refuses anything but a FlyStage project without
  // changing a byte or leaving a -wal/-shm/-journal (or any other) file beside it.
  void foreignAndEmptyFilesAreRefusedUntouched() {
    TempDir dir;
    const fs::path folder = dir / "files";
    fs::create_directories(folder);
    struct Case {
      fs::path file;
      QString message;
    };
    const QString unchanged = QStringLiteral(" The file was not changed.");
    const QString foreignTables =
        ": not a FlyStage project: an SQLite database of another program (it has none of "
        "FlyStage's tables)." +
        unchanged;
    std::vector<Case> cases;
    makeForeignDb(folder / "other.db", 7);
    cases.push_back({folder / "other.db", foreignTables});
    makeForeignDb(folder / "zero.db", 0);
    cases.push_back({folder / "zero.db", foreignTables});
    makeForeignDb(folder / "wal.db", 1, /*wal=*/true);
    cases.push_back({folder / "wal.db", foreignTables});
    makeForeignDb(folder / "app.db", 2, false, 0x12345678);
    cases.push_back({folder / "app.db",
                     ": not a FlyStage project: another program's SQLite "
                     "database (application id 0x12345678)." +
                         unchanged});
    test::writeText(folder / "empty.flystage", "");
    cases.push_back({folder / "empty.flystage",
                     ": an empty file, not a FlyStage project." + unchanged +
                         " A project is only created where no file exists: remove the empty "
                         "file, then use 'flystage-cli new' or 'flystage-cli import'."});
    std::mt19937 random(14);
    std::string noise(4096, '\0');
    for (char& c : noise) c = static_cast<char>(random());
    test::writeText(folder / "noise.flystage", noise);
    cases.push_back({folder / "noise.flystage",
                     ": not a FlyStage project (not an SQLite database); check that it is a "
                     ".flystage file." +
                         unchanged});

    const auto before = listing(folder);
    QCOMPARE(before.size(), cases.size());
    const QString csv = qs(test::samplesDir() / "labels.csv");
    for (const auto& c : cases) {
      const QByteArray hash = fileHash(c.file);
      const QString f = qs(c.file);
      for (const QStringList& args :
           {QStringList{"label", f, "--image", "1", "--stage", "5"}, QStringList{"undo", f},
            QStringList{"import", f, "--csv", csv}, QStringList{"split", f},
            QStringList{"train", f, "--preset", "tiny", "--method", "plain"},
            QStringList{"info", f}, QStringList{"runs", f}}) {
        const auto r = runCli(args);
        const QString what = args.join(' ') + "\n" + why(r);
        QVERIFY2(r.code == 1, qPrintable(what));
        QCOMPARE(r.err.trimmed(), "flystage-cli: error: " + f + c.message);
        QVERIFY2(fileHash(c.file) == hash, qPrintable(what));
        QVERIFY2(listing(folder) == before, qPrintable(what));
      }
    }
    // The other program's data are all there.
    SQLite::Database db((folder / "other.db").string(), SQLite::OPEN_READONLY);
    QCOMPARE(db.execAndGet("SELECT text FROM notes").getString(), std::string("keep me"));
    QCOMPARE(db.execAndGet("PRAGMA user_version").getInt(), 7);
  }

  // A: a project is made only where nothing is: `new`, `import` into a new path, and
  // OpenMode::Create; never over an existing (even empty) file.
  void projectsAreCreatedOnlyWhereNothingIs() {
    TempDir dir;
    const fs::path file = dir / "n.flystage";
    const auto made = runCli({"new", qs(file)});
    QVERIFY2(made.code == 0, qPrintable(why(made)));
    QCOMPARE(made.out.trimmed(), "created " + qs(file));
    QCOMPARE(pragma(file, "application_id"), kApplicationId);
    QCOMPARE(pragma(file, "user_version"), kSchemaVersion);
    QCOMPARE(listing(dir.path()), (std::set<std::string>{"n.flystage"}));  // nothing hidden
    {
      Project p = Project::open(file, OpenMode::ReadOnly);
      QCOMPARE(p.meta("created_with"), std::string("FlyStage"));
    }
    const std::string header = readBytes(file).substr(0, 20);
    QCOMPARE(int(header[18]), 2);  // WAL, in the file's header (read and write version)
    QCOMPARE(int(header[19]), 2);

    const QByteArray hash = fileHash(file);
    const auto again = runCli({"new", qs(file)});
    QCOMPARE(again.code, 1);
    QCOMPARE(again.err.trimmed(), "flystage-cli: error: " + qs(file) +
                                      ": already exists; a new project is only made where no "
                                      "file is (open this one, or choose another name). The "
                                      "file was not changed.");
    QCOMPARE(fileHash(file), hash);

    test::writeText(dir / "empty.flystage", "");
    QVERIFY_THROWS_EXCEPTION(Error, Project::open(dir / "empty.flystage", OpenMode::Create));
    QVERIFY_THROWS_EXCEPTION(Error, Project::open(dir / "empty.flystage"));  // OpenOrCreate
    QCOMPARE(fs::file_size(dir / "empty.flystage"), std::uintmax_t{0});

    const fs::path imported = sampleProject(dir, "i.flystage");
    QCOMPARE(pragma(imported, "application_id"), kApplicationId);
    QCOMPARE(Project::open(imported, OpenMode::ReadOnly).summary().images, 12);
    QCOMPARE(listing(dir.path()),
             (std::set<std::string>{"n.flystage", "empty.flystage", "i.flystage"}));

    // An import that fails into a new project: the importer's way to undo the creation.
    QVERIFY(!Project::removeIfEmpty(imported));  // holds images: kept
    QVERIFY(Project::removeIfEmpty(file));
    QVERIFY(!fs::exists(file));
  }

  // A: a project older than the application id (schema 1 or 2, id 0) is recognised by its
  // tables: read-only it stays as it is, opened for writing it is migrated and gets the id.
  // A file with a version but not that version's tables is refused untouched.
  void olderProjectsAreRecognisedByTheirTables() {
    TempDir dir;
    const fs::path file = dir / "v2.flystage";
    {
      SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      migrate(db, "v2.flystage", 2);  // what FlyStage before schema 3 wrote
      db.exec("PRAGMA journal_mode = WAL");
      db.exec(
          "INSERT INTO images(path, sha256, width, height, channels, bit_depth) VALUES "
          "('/x/a.png', 'abc', 320, 128, 3, 8)");
    }
    QCOMPARE(pragma(file, "application_id"), 0);
    const QByteArray hash = fileHash(file);
    const auto info = runCli({"info", qs(file)});
    QVERIFY2(info.code == 0, qPrintable(why(info)));
    QVERIFY2(info.out.contains("schema version 2"), qPrintable(info.out));
    QCOMPARE(fileHash(file), hash);
    QCOMPARE(listing(dir.path()), (std::set<std::string>{"v2.flystage"}));
    {
      Project p = Project::open(file, OpenMode::Existing);
      QCOMPARE(p.db().execAndGet("PRAGMA application_id").getInt(), kApplicationId);
      QCOMPARE(storedSchemaVersion(p.db()), kSchemaVersion);
      QVERIFY(p.imageIdByHash("abc").has_value());
    }

    const fs::path partial = dir / "partial.flystage";
    {
      SQLite::Database db(partial.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      migrate(db, "partial.flystage", 1);
      db.exec("PRAGMA user_version = 2");  // claims 2 without its tables
    }
    const QByteArray partialHash = fileHash(partial);
    const auto label = runCli({"label", qs(partial), "--image", "1", "--stage", "5"});
    QCOMPARE(label.code, 1);
    QCOMPARE(label.err.trimmed(), "flystage-cli: error: " + qs(partial) +
                                      ": not a FlyStage project, or a damaged one: schema "
                                      "version 2 but no table 'run_images'. The file was not "
                                      "changed.");
    QCOMPARE(fileHash(partial), partialHash);
  }

  // B: a stored schema version FlyStage never wrote (it crashed the CLI at -1) is refused
  // naming the file and the version, untouched, for reading and writing.
  void schemaVersionsOutsideTheKnownRangeAreRefused() {
    TempDir dir;
    const fs::path source = sampleProject(dir, "source.flystage");
    for (const int version : {-1, 0, 99}) {
      const fs::path file = dir / ("v" + std::to_string(version) + ".flystage");
      fs::copy_file(source, file);
      setUserVersion(file, version);
      QVERIFY(fs::file_size(file) > 0);
      const QByteArray hash = fileHash(file);
      const QString expected =
          version > kSchemaVersion
              ? "flystage-cli: error: " + qs(file) +
                    ": project schema version 99 is newer "
                    "than this FlyStage understands (" +
                    QString::number(kSchemaVersion) +
                    "); open it with a newer FlyStage. The file was not changed."
              : "flystage-cli: error: " + qs(file) + ": project schema version " +
                    QString::number(version) + " is not one FlyStage writes (1 to " +
                    QString::number(kSchemaVersion) +
                    "): the file is damaged or not a FlyStage project. The file was not "
                    "changed.";
      for (const QStringList& args :
           {QStringList{"label", qs(file), "--image", "1", "--stage", "5"},
            QStringList{"undo", qs(file)}, QStringList{"info", qs(file)}}) {
        const auto r = runCli(args);
        QVERIFY2(r.code == 1, qPrintable(args.join(' ') + "\n" + why(r)));
        QCOMPARE(r.err.trimmed(), expected);
        QCOMPARE(fileHash(file), hash);
        QVERIFY(!fs::exists(file.string() + "-wal"));
        QVERIFY(!fs::exists(file.string() + "-shm"));
      }
    }
  }

  // C: in a shared folder, another user's read-only commands leave no -wal/-shm files (they
  // were theirs, and the owner could then not write: SQLite's bare "attempt to write a
  // readonly database"); when such files are there anyway, the owner is told whose they are
  // and what to do.
  void anotherUsersReadsLeaveNothingThatBlocksTheOwner() {
    if (geteuid() != 0)
      QSKIP("needs root to act as two users (setpriv): the suite runs as root in CI");
    if (QStandardPaths::findExecutable("setpriv").isEmpty())
      QSKIP("setpriv (util-linux) is not installed");
    const uid_t owner = 4242;    // no name needed
    const uid_t reader = 65534;  // nobody: its name is in the message
    TempDir dir;
    const fs::path source = sampleProject(dir, "source.flystage");
    fs::permissions(dir.path(), fs::perms::others_exec | fs::perms::group_exec,
                    fs::perm_options::add);
    for (const auto& [name, sticky] :
         {std::make_pair("sticky", true), std::make_pair("open", false)}) {
      const fs::path folder = dir / name;
      fs::create_directories(folder);
      fs::permissions(folder, sticky ? fs::perms::all | fs::perms::sticky_bit : fs::perms::all);
      const fs::path file = folder / "p.flystage";
      fs::copy_file(source, file);
      QCOMPARE(::chown(file.c_str(), owner, owner), 0);

      for (const QStringList& args :
           {QStringList{"info", qs(file)}, QStringList{"runs", qs(file)}}) {
        const auto r = runAs(reader, args);
        QVERIFY2(r.code == 0, qPrintable(args.join(' ') + "\n" + why(r)));
      }
      QCOMPARE(listing(folder), (std::set<std::string>{"p.flystage"}));
      const auto label = runAs(owner, {"label", qs(file), "--image", "1", "--stage", "2"});
      QVERIFY2(label.code == 0, qPrintable(why(label)));
      QCOMPARE(listing(folder), (std::set<std::string>{"p.flystage"}));
      QCOMPARE(Project::open(file, OpenMode::ReadOnly).label(1).stage, std::optional<int>(2));

      // The files an older FlyStage's read (or another program) left, owned by the reader.
      test::writeText(folder / "p.flystage-shm", std::string(32768, '\0'));
      test::writeText(folder / "p.flystage-wal", "");
      for (const char* side : {"p.flystage-shm", "p.flystage-wal"}) {
        QCOMPARE(::chown((folder / side).c_str(), reader, reader), 0);
        fs::permissions(folder / side, fs::perms::owner_read | fs::perms::owner_write |
                                           fs::perms::group_read | fs::perms::others_read);
      }
      const QByteArray hash = fileHash(file);
      const auto blocked = runAs(owner, {"label", qs(file), "--image", "1", "--stage", "3"});
      QCOMPARE(blocked.code, 1);
      const QString shm = qs(folder / "p.flystage-shm");
      QCOMPARE(blocked.err.trimmed(),
               "flystage-cli: error: " + qs(file) + ": cannot write the project: " + shm +
                   " belongs to user 'nobody' and you may not write it (SQLite's shared-memory "
                   "index, left by their program reading or using the project). When no one "
                   "has the project open, user 'nobody' (or whoever may delete files in its "
                   "folder) can delete " +
                   shm + ": SQLite makes it again. Nothing was changed.");
      QCOMPARE(fileHash(file), hash);
    }
  }

  // D: a training run killed with SIGKILL is shown "interrupted" (its process is gone),
  // stored so by the next open for writing, and resumes to the end. A run of another host,
  // and one of a live process, stay "running"; a reused process id does not keep it alive.
  void killedRunIsInterruptedAndResumes() {
    TempDir dir;
    const fs::path file = test::makeSyntheticProject(dir, 21, 0.002, 3);
    QProcess train;
    train.start(cli(),
                {"train", qs(file), "--method", "data-level", "--preset", "tiny", "--threads", "1",
                 "--range-epochs", "2", "--fine-epochs", "40", "--seed", "1"});
    QVERIFY(train.waitForStarted());
    std::int64_t run = 0;
    QDeadlineTimer deadline(120000);
    while (run == 0 && !deadline.hasExpired() && train.state() == QProcess::Running) {
      QThread::msleep(100);
      try {
        Project p = Project::open(file, OpenMode::ReadOnly);
        for (const auto& r : runstore::runs(p))
          if (r.status == "running") run = r.id;
      } catch (const Error&) {
      }
    }
    QVERIFY2(run != 0, "the run never appeared while training");
    QThread::msleep(300);
    ::kill(static_cast<pid_t>(train.processId()), SIGKILL);
    QVERIFY(train.waitForFinished(10000));

    const auto runs = runCli({"runs", qs(file)});
    QVERIFY2(runs.code == 0, qPrintable(why(runs)));
    QString shown;
    for (const auto& line : runs.out.split('\n'))
      if (line.section('\t', 0, 0) == QString::number(run)) shown = line.section('\t', 4, 4);
    QCOMPARE(shown, QStringLiteral("interrupted"));
    {
      Project p = Project::open(file, OpenMode::Existing);  // stores it
      SQLite::Statement q(p.db(), "SELECT status FROM runs WHERE id = ?");
      q.bind(1, static_cast<int64_t>(run));
      QVERIFY(q.executeStep());
      QCOMPARE(q.getColumn(0).getString(), std::string("interrupted"));

      // Another host's run, and this (live) process's, are left alone; a run whose process
      // id now belongs to another process (this one, started later) is interrupted.
      RunRecord other;
      other.method = "plain";
      other.status = "running";
      const auto mine = runstore::createRun(p, other);
      const auto elsewhere = runstore::createRun(p, other);
      const auto reused = runstore::createRun(p, other);
      p.db().exec("UPDATE runs SET process_host = 'another-host' WHERE id = " +
                  std::to_string(elsewhere));
      p.db().exec(
          "UPDATE runs SET process_instance = substr(process_instance, 1, "
          "length(process_instance) - 1) || 'x' WHERE id = " +
          std::to_string(reused));
      QCOMPARE(runstore::run(p, mine)->status, std::string("running"));
      QCOMPARE(runstore::run(p, elsewhere)->status, std::string("running"));
      QCOMPARE(runstore::run(p, reused)->status, std::string("interrupted"));
      p.db().exec("DELETE FROM runs WHERE id IN (" + std::to_string(mine) + "," +
                  std::to_string(elsewhere) + "," + std::to_string(reused) + ")");
    }

    const auto resumed = runCli({"train", qs(file), "--resume", QString::number(run), "--quiet"});
    QVERIFY2(resumed.code == 0, qPrintable(why(resumed)));
    Project p = Project::open(file, OpenMode::ReadOnly);
    QCOMPARE(runstore::run(p, run)->status, std::string("finished"));
  }

  // E: damaged standardized pixels: the message names the image and gives advice that works
  // (importing it again is skipped as a duplicate, which the test confirms).
  void damagedPixelsGiveAdviceThatWorks() {
    TempDir dir;
    const fs::path file = sampleProject(dir);
    std::string path;
    {
      Project p = Project::open(file, OpenMode::Existing);
      path = p.image(1)->path;
      p.db().exec("UPDATE standardized SET png = x'89504E470D0A1A0A0000' WHERE image_id = 1");
    }
    {
      Project p = Project::open(file, OpenMode::ReadOnly);
      try {
        p.standardizedImage(1);
        QFAIL("no exception");
      } catch (const Error& e) {
        QCOMPARE(std::string(e.what()),
                 file.string() + ": image #1 (" + path +
                     ") has damaged standardized pixels: the project file is damaged there. "
                     "Restore it from a backup copy; importing the image again would be "
                     "skipped as a duplicate.");
      }
    }
    const auto again = runCli({"import", qs(file), "--csv", qs(test::samplesDir() / "labels.csv")});
    QVERIFY2(again.code == 0, qPrintable(why(again)));
    QVERIFY2(again.out.contains("imported 0 image(s)"), qPrintable(again.out));
    QVERIFY2(again.out.contains("12 duplicate(s) not imported"), qPrintable(again.out));
  }
};

QTEST_GUILESS_MAIN(ProjectTrustTest)
#include "ProjectTrustTest.moc"
