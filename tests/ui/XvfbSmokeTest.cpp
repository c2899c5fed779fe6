#include <QtTest>

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>

#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "support/TestSupport.h"

using namespace flystage;

// Starts the real `flystage` binary on a real X server (Xvfb), on a project of the real BDGP
// samples, and checks the picture of its main window is a window, not a blank: the xcb
// platform, the fonts, the icons and the thumbnails all had to work for that.
class XvfbSmokeTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;

 private Q_SLOTS:
  void mainWindowUnderXvfbIsNotBlank() {
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    QVERIFY2(!xvfb.isEmpty(), "xvfb-run is missing: scripts/install-deps.sh installs xvfb");
    const auto file = dir_ / "samples.flystage";
    {
      Project p = Project::open(file);
      QVERIFY(runImport(p, parseLabelsCsv(test::samplesDir() / "labels.csv"), {}).committed);
    }
    const QString shot = QString::fromStdString((dir_ / "shot.png").string());
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));  // the real X11 (xcb) platform
    env.insert(QStringLiteral("XDG_CONFIG_HOME"),
               QString::fromStdString((dir_ / "config").string()));
    app.setProcessEnvironment(env);
    app.start(xvfb, {QStringLiteral("-a"), QStringLiteral("-s"),
                     QStringLiteral("-screen 0 1280x800x24"), QString::fromStdString(FLYSTAGE_GUI),
                     QStringLiteral("--screenshot"), shot, QString::fromStdString(file.string())});
    QVERIFY(app.waitForFinished(120000));
    QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());

    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800 && image.height() >= 500);
    // A blank (or all-black) picture has one or two colours; a window with text, icons and
    // thumbnails has thousands, and light and dark pixels both.
    QSet<QRgb> colours;
    int dark = 0, light = 0;
    for (int y = 0; y < image.height(); y += 2)
      for (int x = 0; x < image.width(); x += 2) {
        const QRgb c = image.pixel(x, y);
        colours.insert(c);
        const int g = qGray(c);
        dark += g < 80;
        light += g > 200;
      }
    QVERIFY2(colours.size() > 500, qPrintable(QString::number(colours.size())));
    QVERIFY(dark > 500);
    QVERIFY(light > 10000);
  }
};

QTEST_GUILESS_MAIN(XvfbSmokeTest)
#include "XvfbSmokeTest.moc"
