#include <QtTest>

#include <QCryptographicHash>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>

#include <QCheckBox>
#include <QLineEdit>
#include <QValidator>

#include "Preferences.h"
#include "PreferencesDialog.h"
#include "support/TestSupport.h"

using flystage::ui::Preferences;

// Preferences owns every settings key of the desktop app. The keys are read back here with
// their literal names: users' settings written by earlier versions must still load.
class PreferencesTest : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;

 private Q_SLOTS:
  void initTestCase() {
    // A settings scope of the test's own: the user's settings are never touched.
    flystage::test::useThrowAwaySettings(QStringLiteral("PreferencesTest"), settingsDir_.path());
  }
  void init() { QSettings().clear(); }

  void defaults() {
    const Preferences p = Preferences::load();
    QCOMPARE(p.device, QStringLiteral("auto"));
    QCOMPARE(p.threads, 0);
    QCOMPARE(p.thumbnailCacheMiB, 128);
    QCOMPARE(p.language, QString());
    QVERIFY(Preferences::recentProjects().isEmpty());
    QCOMPARE(Preferences::lastProject(), QString());
    QCOMPARE(Preferences::lastProjectDir(), QDir::homePath());
    QCOMPARE(Preferences::advanceAfterLabelling(), true);
    QCOMPARE(Preferences::layout(Preferences::Layout::Geometry), QByteArray());
    QVERIFY(Preferences::projectView(QStringLiteral("/p/a.flystage")).isEmpty());
    QCOMPARE(Preferences::importChoices().kind, 0);
    QCOMPARE(Preferences::importChoices().source, QString());
  }

  void dialogPreferencesRoundTripUnderTheirKeys() {
    Preferences p;
    p.device = QStringLiteral("cpu");
    p.threads = 3;
    p.thumbnailCacheMiB = 512;
    p.language = QStringLiteral("de");
    p.save();
    QSettings s;
    QCOMPARE(s.value(QStringLiteral("preferences/device")).toString(), QStringLiteral("cpu"));
    QCOMPARE(s.value(QStringLiteral("preferences/threads")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("browser/thumbnailCacheMiB")).toInt(), 512);
    QCOMPARE(s.value(QStringLiteral("preferences/language")).toString(), QStringLiteral("de"));
    QCOMPARE(Preferences::thumbnailCacheKey(), QStringLiteral("browser/thumbnailCacheMiB"));
    const Preferences q = Preferences::load();
    QCOMPARE(q.device, p.device);
    QCOMPARE(q.threads, p.threads);
    QCOMPARE(q.thumbnailCacheMiB, p.thumbnailCacheMiB);
    QCOMPARE(q.language, p.language);
  }

  // Prediction > range constraint: on by default, kept under prediction/rangeConstraint, shown
  // and changed in the Preferences dialog.
  void rangeConstraintIsOnByDefaultAndSwitchable() {
    QCOMPARE(Preferences::load().rangeConstraint, true);
    flystage::ui::PreferencesDialog dialog(Preferences::load());
    auto* box = dialog.findChild<QCheckBox*>(QStringLiteral("preferencesRangeConstraint"));
    QVERIFY(box);
    QVERIFY(box->isChecked());
    box->setChecked(false);
    dialog.preferences().save();
    QCOMPARE(QSettings().value(QStringLiteral("prediction/rangeConstraint")).toBool(), false);
    QCOMPARE(Preferences::load().rangeConstraint, false);
    flystage::ui::PreferencesDialog again(Preferences::load());
    QVERIFY(
        !again.findChild<QCheckBox*>(QStringLiteral("preferencesRangeConstraint"))->isChecked());
  }

  // A hand-edited or damaged settings file loads within the ranges.
  void outOfRangeValuesAreBounded() {
    QSettings s;
    s.setValue(QStringLiteral("preferences/device"), QStringLiteral("tpu"));
    s.setValue(QStringLiteral("preferences/threads"), 5000);
    s.setValue(QStringLiteral("browser/thumbnailCacheMiB"), 1);
    const Preferences p = Preferences::load();
    QCOMPARE(p.device, QStringLiteral("auto"));
    QCOMPARE(p.threads, 1024);
    QCOMPARE(p.thumbnailCacheMiB, 16);
  }

  void projectKeysRoundTrip() {
    const QStringList recent = {QStringLiteral("/p/b.flystage"), QStringLiteral("/p/a.flystage")};
    Preferences::setRecentProjects(recent);
    QCOMPARE(QSettings().value(QStringLiteral("recentProjects")).toStringList(), recent);
    QCOMPARE(Preferences::recentProjects(), recent);
    Preferences::setRecentProjects({});
    QVERIFY(!QSettings().contains(QStringLiteral("recentProjects")));

    Preferences::setLastProject(QStringLiteral("/p/a.flystage"));
    QCOMPARE(QSettings().value(QStringLiteral("lastProject")).toString(),
             QStringLiteral("/p/a.flystage"));
    QCOMPARE(Preferences::lastProject(), QStringLiteral("/p/a.flystage"));
    Preferences::setLastProject(QString());
    QVERIFY(!QSettings().contains(QStringLiteral("lastProject")));

    Preferences::setLastProjectDir(QStringLiteral("/p"));
    QCOMPARE(QSettings().value(QStringLiteral("lastProjectDir")).toString(), QStringLiteral("/p"));
    QCOMPARE(Preferences::lastProjectDir(), QStringLiteral("/p"));

    Preferences::setAdvanceAfterLabelling(false);
    QCOMPARE(QSettings().value(QStringLiteral("labelling/advance")).toBool(), false);
    QCOMPARE(Preferences::advanceAfterLabelling(), false);
  }

  void layoutKeysRoundTrip() {
    using L = Preferences::Layout;
    const std::vector<std::pair<L, QString>> keys = {
        {L::Geometry, QStringLiteral("mainWindow/geometry")},
        {L::DockState, QStringLiteral("mainWindow/state")},
        {L::ProjectSplitter, QStringLiteral("mainWindow/projectSplitter")},
        {L::ImageSplitter, QStringLiteral("mainWindow/imageSplitter")},
        {L::TableHeader, QStringLiteral("browser/tableHeader")}};
    int n = 0;
    for (const auto& [part, key] : keys) {
      const QByteArray state = QByteArray("state ") + QByteArray::number(++n);
      Preferences::setLayout(part, state);
      QCOMPARE(QSettings().value(key).toByteArray(), state);
      QCOMPARE(Preferences::layout(part), state);
    }
  }

  // Each project's view lives in a group named by the SHA-1 of the project's path.
  void projectViewRoundTripsInItsGroup() {
    const QString file = QStringLiteral("/p/a.flystage");
    const QVariantMap view = {{QStringLiteral("sort"), 2},
                              {QStringLiteral("viewMode"), 1},
                              {QStringLiteral("filtersVisible"), true},
                              {QStringLiteral("selectedImage"), qint64(42)}};
    Preferences::setProjectView(file, view);
    const QString group =
        QStringLiteral("projectViews/") +
        QString::fromLatin1(
            QCryptographicHash::hash(file.toUtf8(), QCryptographicHash::Sha1).toHex());
    QSettings s;
    QCOMPARE(s.value(group + QStringLiteral("/project")).toString(), file);
    QCOMPARE(s.value(group + QStringLiteral("/sort")).toInt(), 2);
    QCOMPARE(s.value(group + QStringLiteral("/selectedImage")).toLongLong(), 42);
    const QVariantMap back = Preferences::projectView(file);
    QCOMPARE(back.value(QStringLiteral("viewMode")).toInt(), 1);
    QCOMPARE(back.value(QStringLiteral("filtersVisible")).toBool(), true);
    QCOMPARE(back.value(QStringLiteral("project")).toString(), file);
    QVERIFY(Preferences::projectView(QStringLiteral("/p/other.flystage")).isEmpty());
  }

  void importChoicesRoundTrip() {
    Preferences::setImportChoices({2, QStringLiteral("/data/labels.csv"), QStringLiteral("/data")});
    QSettings s;
    QCOMPARE(s.value(QStringLiteral("import/kind")).toInt(), 2);
    QCOMPARE(s.value(QStringLiteral("import/source")).toString(),
             QStringLiteral("/data/labels.csv"));
    QCOMPARE(s.value(QStringLiteral("import/imagesRoot")).toString(), QStringLiteral("/data"));
    const Preferences::ImportChoices c = Preferences::importChoices();
    QCOMPARE(c.kind, 2);
    QCOMPARE(c.source, QStringLiteral("/data/labels.csv"));
    QCOMPARE(c.imagesRoot, QStringLiteral("/data"));
  }

  // Issue 18, finding 5: the labeller name, default the login name, under labelling/labeller,
  // edited in the dialog; an empty name is kept (unnamed), not replaced by the login.
  void labellerNameIsKept() {
    qputenv("USER", "fly-login");
    QCOMPARE(Preferences::labeller(), QStringLiteral("fly-login"));
    QCOMPARE(Preferences::load().labellerName, QStringLiteral("fly-login"));
    flystage::ui::PreferencesDialog dialog(Preferences::load());
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("preferencesLabeller"));
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("fly-login"));
    // What core refuses cannot be typed: '|' and control characters.
    QString bad = QStringLiteral("a|b");
    int pos = 0;
    QCOMPARE(edit->validator()->validate(bad, pos), QValidator::Invalid);
    QString tab = QStringLiteral("a\tb");
    QCOMPARE(edit->validator()->validate(tab, pos), QValidator::Invalid);
    edit->setText(QStringLiteral("  Marie Curie "));
    dialog.preferences().save();
    QCOMPARE(QSettings().value(QStringLiteral("labelling/labeller")).toString(),
             QStringLiteral("Marie Curie"));
    QCOMPARE(Preferences::labeller(), QStringLiteral("Marie Curie"));
    flystage::ui::PreferencesDialog again(Preferences::load());
    QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("preferencesLabeller"))->text(),
             QStringLiteral("Marie Curie"));
    Preferences::setLabeller(QString());
    QCOMPARE(Preferences::labeller(), QString());
  }
};

QTEST_MAIN(PreferencesTest)  // a QApplication: the dialog is a widget
#include "PreferencesTest.moc"
