#include <QtTest>

#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <opencv2/imgcodecs.hpp>

#include "support/TestSupport.h"

using flystage::test::TempDir;

namespace {

flystage::test::CliRun cli(const QStringList& args) {
  return flystage::test::runCli(args);
}

QString s(const std::filesystem::path& p) {
  return QString::fromStdString(p.string());
}

QString readAll(const std::filesystem::path& p) {
  QFile f(s(p));
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

}  // namespace

// saliency, gem and report through the real command-line tool on a tiny trained project.
class InterpretCliTest : public QObject {
  Q_OBJECT
  TempDir dir_;
  QString project_;

 private Q_SLOTS:
  void initTestCase() {
    QCOMPARE(cli({"synth", "--out", s(dir_ / "data"), "--scale", "0.002", "--min-per-stage", "3",
                  "--seed", "11", "--standardized"})
                 .code,
             0);
    project_ = s(dir_ / "p.flystage");
    QCOMPARE(cli({"import", project_, "--csv", s(dir_ / "data/labels.csv")}).code, 0);
    const auto t = cli({"train", project_, "--method", "plain", "--preset", "tiny",
                        "--plain-epochs", "2", "--quiet"});
    QCOMPARE(t.code, 0);
    QCOMPARE(t.out.trimmed(), QStringLiteral("1"));
  }

  void saliencyFigureAndRawMap() {
    const auto fig = cli({"saliency", project_, "--run", "1", "--image", "3", "--method",
                          "smoothgrad", "--samples", "4", "--out", s(dir_ / "sal.png")});
    QCOMPARE(fig.code, 0);
    QVERIFY2(fig.out.contains(QStringLiteral("image #3: predicted stage")), qPrintable(fig.out));
    QVERIFY(fig.err.isEmpty());  // no Qt chatter on stderr
    const QImage png(s(dir_ / "sal.png"));
    QVERIFY(!png.isNull());
    const auto prov =
        QJsonDocument::fromJson(png.text(QStringLiteral("Provenance")).toUtf8()).object();
    QCOMPARE(prov[QStringLiteral("figure")].toString(), QStringLiteral("saliency"));
    QCOMPARE(prov[QStringLiteral("settings")].toObject()[QStringLiteral("method")].toString(),
             QStringLiteral("smoothgrad"));
    QCOMPARE(prov[QStringLiteral("settings")].toObject()[QStringLiteral("noise")].toString(),
             QStringLiteral("0.150000"));
    QVERIFY(QFile::exists(s(dir_ / "sal.csv")));

    // Grad-CAM of the last two stages, a raw map of the standardized image's size.
    QCOMPARE(cli({"saliency", project_, "--run", "1", "--image", "3", "--method", "grad-cam-2",
                  "--out", s(dir_ / "cam.tif")})
                 .code,
             0);
    const cv::Mat cam = cv::imread((dir_ / "cam.tif").string(), cv::IMREAD_UNCHANGED);
    QCOMPARE(cam.cols, 320);
    QCOMPARE(cam.rows, 128);
    const auto unknown = cli({"saliency", project_, "--run", "1", "--image", "3", "--method",
                              "gradcam", "--out", s(dir_ / "u.tif")});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral(
                 "not one of vanilla, smoothgrad, integrated-gradients, grad-cam, grad-cam-2")),
             qPrintable(unknown.err));

    QCOMPARE(cli({"saliency", project_, "--run", "1", "--image", "3", "--out", s(dir_ / "raw.tif")})
                 .code,
             0);
    const cv::Mat raw = cv::imread((dir_ / "raw.tif").string(), cv::IMREAD_UNCHANGED);
    QCOMPARE(raw.type(), CV_32F);
    QCOMPARE(raw.cols, 320);  // the standardized image, not the tiny preset's 32 x 80 input
    QCOMPARE(raw.rows, 128);
    double lo = 0, hi = 0;
    cv::minMaxLoc(raw, &lo, &hi);
    QVERIFY(lo >= 0 && hi > 0);

    const auto bad = cli(
        {"saliency", project_, "--run", "1", "--image", "no-such.png", "--out", s(dir_ / "x.png")});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(QStringLiteral("'no-such.png' is not an image of")),
             qPrintable(bad.err));
  }

  void gemInThreeFormats() {
    for (const char* ext : {"png", "svg", "pdf"}) {
      const auto out = dir_ / (std::string("gem.") + ext);
      const auto g = cli({"gem", project_, "--run", "1", "--masked", "--out", s(out)});
      QCOMPARE(g.code, 0);
      QVERIFY(QFile::exists(s(out)));
      QVERIFY(g.out.contains(QStringLiteral("stage 17:")));
    }
    QVERIFY(readAll(dir_ / "gem.svg").contains(QStringLiteral("Masked GEM (genome-wide)")));
    // By label, without a run: one panel per stage asked for.
    const auto byLabel =
        cli({"gem", project_, "--stage", "12", "--stage", "13", "--out", s(dir_ / "label.svg")});
    QCOMPARE(byLabel.code, 0);
    const QString svg = readAll(dir_ / "label.svg");
    QVERIFY(svg.contains(QStringLiteral("Stage 12")));
    QVERIFY(svg.contains(QStringLiteral("precise stage labels")));
    const auto noRun = cli({"gem", project_, "--masked", "--out", s(dir_ / "m.png")});
    QCOMPARE(noRun.code, 1);
    QVERIFY(noRun.err.contains(QStringLiteral("a masked GEM needs a run (--run ID)")));
  }

  void reportIsSelfContained() {
    const auto r = cli({"report", project_, "--out", s(dir_ / "report")});
    QCOMPARE(r.code, 0);
    const QString html = readAll(dir_ / "report" / "index.html");
    for (const char* part :
         {"Per-stage test accuracy (Table II)", "Confusion matrices", "Genomewide expression maps",
          "Masked GEM by prediction", "Saliency", "data:image/png;base64,"})
      QVERIFY2(html.contains(QString::fromLatin1(part)), part);
    QVERIFY(!html.contains(QStringLiteral("src=\"figures/")));  // images are inline
    for (const char* f : {"stage-accuracy.pdf", "confusion-plain.svg", "gem-masked.png",
                          "gem-labels.csv", "saliency-examples.pdf"})
      QVERIFY2(QFile::exists(s(dir_ / "report" / "figures" / f)), f);
  }
};

QTEST_GUILESS_MAIN(InterpretCliTest)
#include "InterpretCliTest.moc"
