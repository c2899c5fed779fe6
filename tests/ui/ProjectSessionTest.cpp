#include <QtTest>

#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <filesystem>

#include <unistd.h>

#include "Preferences.h"
#include "ProjectSession.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::qs;
using flystage::test::TempDir;
using flystage::ui::ProjectSession;
namespace fs = std::filesystem;

// The open project, the recent projects and the last project, without a window (they were
// kept inside MainWindow before). Real project files made by the test support.
class ProjectSessionTest : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;

 private Q_SLOTS:
  void initTestCase() {
    // A settings scope of the test's own: the user's settings are never touched.
    test::useThrowAwaySettings(QStringLiteral("ProjectSessionTest"), settingsDir_.path());
  }
  void init() { QSettings().clear(); }

  void openMakesItRecentAndLast() {
    TempDir dir;
    const fs::path file = test::makeSamplesProject(dir);
    const QString absolute = qs(fs::absolute(file));
    ProjectSession s;
    QSignalSpy closing(&s, &ProjectSession::aboutToClose);
    QVERIFY(!s.isOpen());
    QVERIFY2(s.open(qs(file)), qPrintable(s.error()));
    QVERIFY(s.isOpen());
    QVERIFY(!s.readOnly());
    QCOMPARE(s.file(), absolute);
    QCOMPARE(s.project()->summary().images, 12);
    QCOMPARE(s.error(), QString());
    QCOMPARE(closing.count(), 1);
    QCOMPARE(ProjectSession::recentProjects(), QStringList{absolute});
    QCOMPARE(ProjectSession::lastProjectToReopen(), absolute);
    QCOMPARE(ProjectSession::lastProjectDir(), qs(fs::absolute(dir.path())));
  }

  // Newest first, each once, at most kMaxRecentProjects; Clear Menu empties it.
  void recentListOrderDedupAndLimit() {
    ProjectSession s;
    QSignalSpy changed(&s, &ProjectSession::recentProjectsChanged);
    for (int i = 0; i < 10; ++i) s.addRecentProject(QStringLiteral("/p/%1.flystage").arg(i));
    s.addRecentProject(QStringLiteral("/p/3.flystage"));  // again: to the top, listed once
    QStringList expected;
    for (int i : {3, 9, 8, 7, 6, 5, 4, 2}) expected << QStringLiteral("/p/%1.flystage").arg(i);
    QCOMPARE(ProjectSession::recentProjects(), expected);
    QCOMPARE(ProjectSession::kMaxRecentProjects, 8);
    QCOMPARE(changed.count(), 11);
    s.clearRecentProjects();
    QVERIFY(ProjectSession::recentProjects().isEmpty());
    QCOMPARE(changed.count(), 12);
  }

  // A project moved away since: it stays in the recent list (the window shows it disabled,
  // with its path), is not reopened at start, and opening it says why, keeping the open one.
  void missingProjectKeepsTheOpenOneAndSaysWhy() {
    TempDir dir;
    const fs::path file = test::makeSamplesProject(dir);
    const fs::path other = dir / "other.flystage";
    fs::copy_file(file, other);
    ProjectSession s;
    QVERIFY(s.open(qs(other)));
    QVERIFY(s.open(qs(file)));
    fs::remove(other);
    QSignalSpy closing(&s, &ProjectSession::aboutToClose);
    QVERIFY(!s.open(qs(other)));
    QCOMPARE(s.error(), qs(fs::absolute(other)) +
                            QStringLiteral(": no such project file (create it with 'flystage-cli "
                                           "new' or 'flystage-cli import')"));
    QCOMPARE(closing.count(), 0);
    QCOMPARE(s.file(), qs(fs::absolute(file)));  // still open
    QCOMPARE(ProjectSession::recentProjects(),
             (QStringList{qs(fs::absolute(file)), qs(fs::absolute(other))}));

    s.close();
    flystage::ui::Preferences::setLastProject(qs(fs::absolute(other)));
    QCOMPARE(ProjectSession::lastProjectToReopen(), QString());  // gone: start on the welcome page
  }

  void closeClearsTheStateButNotTheLastProject() {
    TempDir dir;
    const fs::path file = test::makeSamplesProject(dir);
    ProjectSession s;
    QVERIFY(s.open(qs(file)));
    QSignalSpy closing(&s, &ProjectSession::aboutToClose);
    s.close();
    QCOMPARE(closing.count(), 1);
    QVERIFY(!s.isOpen());
    QVERIFY(!s.project());
    QVERIFY(!s.readOnly());
    QCOMPARE(s.file(), QString());
    // Quitting with a project open reopens it; File > Close forgets it on purpose.
    QCOMPARE(ProjectSession::lastProjectToReopen(), qs(fs::absolute(file)));
    s.forgetLastProject();
    QCOMPARE(ProjectSession::lastProjectToReopen(), QString());
    QVERIFY(!QSettings().contains(QStringLiteral("lastProject")));
    QCOMPARE(ProjectSession::recentProjects(), QStringList{qs(fs::absolute(file))});
  }

  void readOnlyOpenWritesNothing() {
    TempDir dir;
    const fs::path file = test::makeSamplesProject(dir);
    const std::string before = test::readBytes(file);
    {
      ProjectSession s;
      QVERIFY(s.open(qs(file), OpenMode::ReadOnly));
      QVERIFY(s.readOnly());
      QCOMPARE(s.project()->summary().images, 12);
    }
    QVERIFY(test::readBytes(file) == before);
  }

  // A project the user may not write (a 0444 file in a 0555 folder): the question gets core's
  // reason; declined, nothing opens and there is no error to show; accepted, it opens
  // read-only. Root writes anyway, so as root this runs again as nobody (setpriv).
  void unwritableProjectAsksBeforeOpeningReadOnly() {
    std::optional<QString> asNobody;  // as root: how this test went when run as nobody
    TempDir dir;
    const auto file = test::unwritableProject(dir, &asNobody);
    if (asNobody) {
      QVERIFY2(asNobody->isEmpty(), qPrintable(*asNobody));
      return;
    }
    ProjectSession s;
    const std::string before = test::readBytes(file);
    QString askedWhy;
    const auto decline = [&](const QString&, const QString& why) {
      askedWhy = why;
      return false;
    };
    QVERIFY(!s.open(qs(file), OpenMode::Existing, decline));
    QVERIFY(!s.isOpen());
    QCOMPARE(s.error(), QString());
    QVERIFY2(askedWhy.contains(QStringLiteral("cannot write the project")), qPrintable(askedWhy));
    QVERIFY(ProjectSession::recentProjects().isEmpty());
    QVERIFY(!s.open(qs(file)));  // nobody to ask: not opened
    QVERIFY(!s.isOpen());
    QVERIFY(
        s.open(qs(file), OpenMode::Existing, [](const QString&, const QString&) { return true; }));
    QVERIFY(s.readOnly());
    QCOMPARE(s.project()->summary().images, 12);
    s.close();
    QVERIFY(test::readBytes(file) == before);
  }
};

QTEST_GUILESS_MAIN(ProjectSessionTest)
#include "ProjectSessionTest.moc"
