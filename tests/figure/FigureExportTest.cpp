#include <QtTest>

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QXmlStreamReader>

#include <cmath>
#include <fstream>

#include <opencv2/imgproc.hpp>

#include "figure/ChartFigures.h"
#include "figure/GemFigure.h"
#include "figure/SaliencyFigure.h"
#include "interpret/StainIntensity.h"
#include "support/TestSupport.h"
#include "util/Error.h"

using namespace flystage;

namespace {

// Two stages of synthetic GEMs: stage 12 a left-to-right ramp in an ellipse, stage 13 empty.
GemResult sampleGems() {
  ExpressionMapBuilder b(128, 320);
  cv::Mat embryo = cv::Mat::zeros(128, 320, CV_8U);
  cv::ellipse(embryo, {160, 64}, {150, 55}, 0, 0, 360, cv::Scalar(255), cv::FILLED);
  cv::Mat ramp(128, 320, CV_32F);
  for (int x = 0; x < 320; ++x) ramp.col(x).setTo(x / 319.0f);
  b.add(ramp, embryo);
  b.add(ramp, embryo);
  GemResult r;
  r.gems.push_back({b.result(12), {7, 9}});
  r.gems.push_back({ExpressionMapBuilder(128, 320).result(13), {}});
  r.labelSource = "predictions of run #3 with probability >= 0.50";
  return r;
}

Provenance sampleProvenance() {
  Provenance p = makeProvenance("GEM", "/data/lab.flystage");
  p.runId = 3;
  p.runMethod = "two-step";
  p.labelSource = "predictions of run #3 with probability >= 0.50";
  p.imageIds = {7, 9};
  p.settings = {{"minimum confidence", "0.50"}};
  return p;
}

QString run(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(60000) || p.exitCode() != 0) return {};
  return QString::fromUtf8(p.readAllStandardOutput());
}

}  // namespace

class FigureExportTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;

 private Q_SLOTS:
  void pngHasTheDpiThePixelsAndTheProvenance() {
    const auto fig = figure::gemFigure(sampleGems(), {}, sampleProvenance());
    figure::ExportOptions o;
    o.dpi = 144;
    const auto files = figure::exportFigure(fig, dir_ / "gem.png", o);
    QCOMPARE(files.size(), std::size_t(2));  // the PNG and its CSV
    QImage png(QString::fromStdString((dir_ / "gem.png").string()));
    QVERIFY(!png.isNull());
    QCOMPARE(png.width(), static_cast<int>(std::ceil(fig.size.width() * 2)));
    QCOMPARE(png.height(), static_cast<int>(std::ceil(fig.size.height() * 2)));
    QVERIFY(std::abs(png.dotsPerMeterX() * 0.0254 - 144) < 1);
    const auto prov =
        QJsonDocument::fromJson(png.text(QStringLiteral("Provenance")).toUtf8()).object();
    QCOMPARE(prov[QStringLiteral("figure")].toString(), QStringLiteral("GEM"));
    QCOMPARE(prov[QStringLiteral("run")].toObject()[QStringLiteral("id")].toInt(), 3);
    QCOMPARE(prov[QStringLiteral("image_count")].toInt(), 2);
    QCOMPARE(prov[QStringLiteral("image_ids")].toArray().size(), 2);
    QCOMPARE(prov[QStringLiteral("label_source")].toString(),
             QStringLiteral("predictions of run #3 with probability >= 0.50"));
    QVERIFY(!prov[QStringLiteral("flystage_version")].toString().isEmpty());
    QCOMPARE(png.text(QStringLiteral("Title")), QStringLiteral("GEM (genome-wide)"));
    // The ramp is drawn left to right: the right end of the stage-12 panel is brighter.
    // (Panel 12 sits at x 16..176 pt, y 64..128 pt: points * 2 at 144 dpi.)
    const QColor left = png.pixelColor(2 * 40, 2 * 96), right = png.pixelColor(2 * 150, 2 * 96);
    QVERIFY2(right.lightness() > left.lightness() + 60,
             qPrintable(QStringLiteral("%1 vs %2").arg(left.lightness()).arg(right.lightness())));
  }

  void csvHoldsEveryPixelInsideTheOutline() {
    const auto gems = sampleGems();
    const auto fig = figure::gemFigure(gems, {}, sampleProvenance());
    figure::exportFigure(fig, dir_ / "numbers.svg");
    std::ifstream csv(dir_ / "numbers.csv");
    std::string line;
    std::getline(csv, line);
    QCOMPARE(line, std::string("stage,images,row,col,mean_expression,weight,coverage"));
    int rows = 0;
    double sumRamp = 0, sumCsv = 0;
    while (std::getline(csv, line)) {
      ++rows;
      int stage, images, r, c;
      double mean;
      QCOMPARE(std::sscanf(line.c_str(), "%d,%d,%d,%d,%lf", &stage, &images, &r, &c, &mean), 5);
      QCOMPARE(stage, 12);
      QCOMPARE(images, 2);
      sumCsv += mean;
      sumRamp += c / 319.0;
    }
    QCOMPARE(rows, cv::countNonZero(gems.gems[0].map.outline()));
    QVERIFY(std::abs(sumCsv - sumRamp) < 1e-3 * rows);
  }

  void svgParsesAndCarriesLabelsAndProvenance() {
    figure::exportFigure(figure::gemFigure(sampleGems(), {}, sampleProvenance()), dir_ / "gem.svg");
    QFile f(QString::fromStdString((dir_ / "gem.svg").string()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    QStringList texts;
    QString title, desc;
    while (!xml.atEnd()) {
      xml.readNext();
      if (!xml.isStartElement()) continue;
      if (xml.name() == QStringLiteral("text"))
        texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
      else if (xml.name() == QStringLiteral("title"))
        title = xml.readElementText();
      else if (xml.name() == QStringLiteral("desc"))
        desc = xml.readElementText();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(texts.contains(QStringLiteral("Stage 12")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("Stage 13")));
    QVERIFY(texts.contains(QStringLiteral("n = 2")));
    QVERIFY(texts.contains(QStringLiteral("no images")));
    QVERIFY(texts.contains(QStringLiteral("20% EL")));
    QVERIFY(texts.contains(QStringLiteral("mean expression")));
    QCOMPARE(title, QStringLiteral("GEM (genome-wide)"));
    QVERIFY(desc.contains(QStringLiteral("Run: #3 (two-step)")));
    QVERIFY(desc.contains(QStringLiteral("\"image_ids\":[7,9]")));
  }

  void pdfParsesAndCarriesLabelsAndProvenance() {
    figure::exportFigure(figure::gemFigure(sampleGems(), {}, sampleProvenance()), dir_ / "gem.pdf");
    const QString pdf = QString::fromStdString((dir_ / "gem.pdf").string());
    // poppler-utils (installed by scripts/install-deps.sh) reads it as any viewer would.
    const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY2(text.contains(QStringLiteral("Stage 12")), qPrintable(text));
    // pdftotext guesses word spacing from glyph positions: compare without spaces.
    QVERIFY2(QString(text).remove(QLatin1Char(' ')).contains(QStringLiteral("n=2")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("no images")), qPrintable(text));
    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    QVERIFY2(info.contains(QStringLiteral("GEM (genome-wide)")), qPrintable(info));
    QVERIFY(info.contains(QStringLiteral("FlyStage")));
    const QString meta = run(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), pdf});
    QVERIFY2(meta.contains(QStringLiteral("&quot;image_ids&quot;:[7,9]")) ||
                 meta.contains(QStringLiteral("\"image_ids\":[7,9]")),
             qPrintable(meta));
    const QString attachments = run(QStringLiteral("pdfdetach"), {QStringLiteral("-list"), pdf});
    QVERIFY2(attachments.contains(QStringLiteral("data.csv")), qPrintable(attachments));
  }

  void saliencyAndChartFiguresExport() {
    cv::Mat image(128, 320, CV_8UC3, cv::Scalar(230, 225, 220));
    SaliencyMap m;
    m.imageId = 4;
    m.stage = m.predictedStage = 11;
    m.probability = 0.8;
    m.map = cv::Mat::zeros(64, 160, CV_32F);
    m.map(cv::Rect(100, 20, 20, 20)).setTo(2.0f);
    const auto fig = figure::saliencyFigure(image, m, {}, makeProvenance("saliency", "x.flystage"));
    figure::exportFigure(fig, dir_ / "sal.pdf");
    const QString text =
        run(QStringLiteral("pdftotext"),
            {QString::fromStdString((dir_ / "sal.pdf").string()), QStringLiteral("-")});
    QVERIFY2(text.contains(QStringLiteral("Predicted stage 11")), qPrintable(text));
    StageMetrics metrics;
    metrics.nTest = 3;
    metrics.confusion[8][8] = 2;
    metrics.confusion[8][9] = 1;
    const auto conf = figure::confusionFigure(metrics, "Confusion matrix: two-step",
                                              makeProvenance("confusion matrix", "x"));
    figure::exportFigure(conf, dir_ / "conf.svg");
    std::ifstream csv(dir_ / "conf.csv");
    std::string all((std::istreambuf_iterator<char>(csv)), {});
    QVERIFY(all.find("12,12,2\n") != std::string::npos);
    QVERIFY(all.find("12,13,1\n") != std::string::npos);
  }

  void badTargetsAreRefusedWithTheFileNamed() {
    const auto fig = figure::gemFigure(sampleGems(), {}, sampleProvenance());
    try {
      figure::exportFigure(fig, dir_ / "gem.jpg");
      QFAIL("jpg is not a figure format");
    } catch (const Error& e) {
      QVERIFY(std::string(e.what()).find(
                  "gem.jpg: unknown figure format 'jpg'; name the file .png, .svg or .pdf") !=
              std::string::npos);
    }
    try {
      figure::exportFigure(fig, dir_ / "missing" / "gem.png");
      QFAIL("a missing folder must be refused");
    } catch (const Error& e) {
      QVERIFY(std::string(e.what()).find("does not exist; create it first") != std::string::npos);
    }
    QVERIFY(!std::filesystem::exists(dir_ / "gem.jpg"));
  }
};

QTEST_MAIN(FigureExportTest)
#include "FigureExportTest.moc"
