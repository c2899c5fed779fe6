// Masked GEMs weigh each embryo pixel by the saliency overlay's own weight (core's
// saliencyWeight, the map scaled to its 99th percentile): a soft mask, the same pixels the
// image view shows, instead of a sigma-3 blur thresholded at the 80th percentile. Each masked
// GEM says what share of the embryo its masks kept (ExpressionMap::keptFraction), through the
// partial files of sharded builds, in the figure, its CSV and on the command line.
#include <QtTest>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <opencv2/imgproc.hpp>

#include "figure/GemFigure.h"
#include "interpret/Colormap.h"
#include "interpret/ExpressionMap.h"
#include "interpret/GemPartial.h"
#include "interpret/GemProvenance.h"
#include "interpret/Saliency.h"
#include "interpret/StageGems.h"
#include "store/ImageList.h"
#include "store/Project.h"
#include "support/TestSupport.h"
#include "train/Trainer.h"
#include "util/Error.h"
#include "util/Sha256.h"

using namespace flystage;
using test::qs;
using test::why;

namespace {

// Two hand-made images: A's embryo is the left half of the frame (20480 pixels) with weight
// 0.5 on its upper half (and 1 outside the embryo, which must not count): A keeps 25 %. B's
// embryo is the whole frame (40960 pixels) at weight 1. Pooled: (5120 + 40960) / 61440 = 0.75
// (the mean of the per-image shares would be 0.625).
ExpressionMapBuilder handMadeMasks() {
  ExpressionMapBuilder b(128, 320);
  const cv::Mat expression(128, 320, CV_32F, cv::Scalar(0.4));
  cv::Mat embryoA = cv::Mat::zeros(128, 320, CV_8U);
  embryoA(cv::Rect(0, 0, 160, 128)).setTo(255);
  cv::Mat weightA(128, 320, CV_32F, cv::Scalar(1.0));
  weightA(cv::Rect(0, 0, 160, 128)).setTo(0.0f);
  weightA(cv::Rect(0, 0, 160, 64)).setTo(0.5f);
  b.add(expression, embryoA, weightA);
  b.add(expression, cv::Mat(128, 320, CV_8U, cv::Scalar(255)),
        cv::Mat(128, 320, CV_32F, cv::Scalar(1.0)));
  return b;
}

std::string lastField(const std::string& line) {
  return line.substr(line.rfind(',') + 1);
}

}  // namespace

class MaskedGemTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path file_;
  std::unique_ptr<Project> project_;
  std::int64_t run_ = 0;

  GemRequest maskedByLabel(std::vector<int> stages) const {
    GemRequest r;
    r.runId = run_;
    r.assignment = StageAssignment::Label;
    r.stages = std::move(stages);
    r.masked = true;
    return r;
  }

 private Q_SLOTS:
  void initTestCase() {
    file_ = test::makeSyntheticProject(dir_, 9, 0.002, 3, "m.flystage");
    project_ = std::make_unique<Project>(Project::open(file_));
    TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
    c.plainEpochs = 1;
    c.device = "cpu";
    run_ = train(*project_, c, {});
    QVERIFY(run_ > 0);
  }

  void keptFractionOfHandMadeMasks() {
    const ExpressionMap masked = handMadeMasks().result(9);
    QCOMPARE(masked.keptFraction, 0.75);
    ExpressionMapBuilder one(128, 320);
    cv::Mat embryo = cv::Mat::zeros(128, 320, CV_8U);
    embryo(cv::Rect(0, 0, 160, 128)).setTo(255);
    cv::Mat half = cv::Mat::zeros(128, 320, CV_32F);
    half(cv::Rect(0, 0, 160, 64)).setTo(0.5f);  // 0.5 over half the embryo
    one.add(cv::Mat(128, 320, CV_32F, cv::Scalar(0.2)), embryo, half);
    QCOMPARE(one.result().keptFraction, 0.25);
    ExpressionMapBuilder plain(128, 320);
    plain.add(cv::Mat(128, 320, CV_32F, cv::Scalar(0.2)), embryo);
    QCOMPARE(plain.result().keptFraction, 1.0);
    QCOMPARE(ExpressionMapBuilder(128, 320).result().keptFraction, 0.0);
  }

  // On a real map of a trained model: the masked GEM of one image weighs its pixels exactly by
  // the overlay's weight inside the embryo, and the overlay blends at opacity * that weight.
  void maskedGemWeightIsTheOverlayWeight() {
    std::int64_t id = 0;
    int stage = 0;
    for (const auto& row : listImages(*project_))
      if (row.label.stage && *row.label.stage == 10) {
        id = row.id;
        stage = 10;
        break;
      }
    QVERIFY(id > 0);
    GemRequest r = maskedByLabel({stage});
    r.imageIds = {id};
    const GemResult gems = buildStageGems(*project_, r);
    QCOMPARE(gems.gems.size(), std::size_t(1));
    QCOMPARE(gems.gems[0].map.images, 1);
    const auto maps = computeSaliency(*project_, run_, {id}, r.saliency, stage);
    QCOMPARE(maps.size(), std::size_t(1));
    const cv::Mat image = project_->standardizedImage(id);
    const cv::Mat embryo = standardizedEmbryoMask(image);
    const cv::Mat weight = saliencyWeight(maps[0].map, image.size());
    QCOMPARE(weight.size(), cv::Size(320, 128));
    // A real map: weights spread between 0 and 1, not a binary mask.
    int between = 0, full = 0;
    for (int y = 0; y < 128; ++y)
      for (int x = 0; x < 320; ++x) {
        const float w = weight.at<float>(y, x);
        if (!embryo.at<std::uint8_t>(y, x)) continue;
        between += w > 0.05f && w < 0.95f;
        full += w >= 1.0f;
      }
    QVERIFY2(between > cv::countNonZero(embryo) / 10, qPrintable(QString::number(between)));
    QVERIFY(full > 0);
    double kept = 0;
    for (int y = 0; y < 128; ++y)
      for (int x = 0; x < 320; ++x) {
        const float expected = embryo.at<std::uint8_t>(y, x) ? weight.at<float>(y, x) : 0.0f;
        QVERIFY2(gems.gems[0].map.weight.at<float>(y, x) == expected,
                 qPrintable(QStringLiteral("%1,%2: %3 vs %4")
                                .arg(y)
                                .arg(x)
                                .arg(gems.gems[0].map.weight.at<float>(y, x))
                                .arg(expected)));
        kept += expected;
      }
    QVERIFY(std::abs(gems.gems[0].map.keptFraction - kept / cv::countNonZero(embryo)) < 1e-12);
    // The overlay of the same map: colour(w) at alpha 0.6 * w, pixel for pixel.
    const cv::Mat out = saliencyOverlay(image, maps[0].map, Colormap::Jet, kSaliencyQuantile, 0.6);
    cv::Mat levels;
    weight.convertTo(levels, CV_8U, 255.0);
    cv::Mat colour;
    cv::applyColorMap(levels, colour, cv::COLORMAP_JET);
    for (int y = 0; y < 128; ++y)
      for (int x = 0; x < 320; ++x) {
        const double a = 0.6 * weight.at<float>(y, x);
        cv::Vec3b e;
        for (int k = 0; k < 3; ++k)
          e[k] = cv::saturate_cast<uchar>(a * colour.at<cv::Vec3b>(y, x)[k] +
                                          (1 - a) * image.at<cv::Vec3b>(y, x)[k]);
        QVERIFY2(out.at<cv::Vec3b>(y, x) == e, qPrintable(QStringLiteral("%1,%2").arg(y).arg(x)));
      }
  }

  // Sharded builds: the kept fraction of the merged partial files is the single run's.
  void keptFractionSurvivesPartialsAndTheirMerge() {
    const GemRequest r = maskedByLabel({9, 12});
    const GemResult single = buildStageGems(*project_, r);
    std::vector<std::filesystem::path> files;
    for (int i = 0; i < 2; ++i) {
      files.push_back(dir_ / ("kept-" + std::to_string(i) + ".gemp"));
      saveGemPartial(buildGemPartial(*project_, r, {i, 2}), files.back());
    }
    const GemResult merged = mergeGemPartials(files).sums.result();
    // What each shard's masks kept, from its own images' weights and embryos.
    const GemPartial parts[] = {buildGemPartial(*project_, r, {0, 2}),
                                buildGemPartial(*project_, r, {1, 2})};
    QCOMPARE(merged.gems.size(), std::size_t(2));
    for (std::size_t s = 0; s < 2; ++s) {
      double weights = 0, embryo = 0;
      for (const auto& part : parts) {
        const auto sums = part.sums.stages[s].builder.sums();
        weights += cv::sum(sums.weights)[0];
        embryo += cv::sum(sums.covered)[0];
      }
      const double k = single.gems[s].map.keptFraction;
      QVERIFY2(k > 0.01 && k < 0.9, qPrintable(QString::number(k)));
      // Pooled over both shards: not the mean of the two shards' fractions.
      QVERIFY(std::abs(merged.gems[s].map.keptFraction - weights / embryo) < 1e-14);
      // The single run explains its images in other batches: equal to float precision.
      QVERIFY2(std::abs(merged.gems[s].map.keptFraction - k) < 1e-6,
               qPrintable(QStringLiteral("%1 vs %2").arg(merged.gems[s].map.keptFraction).arg(k)));
      QCOMPARE(merged.gems[s].imageIds, single.gems[s].imageIds);
      // A shard's file gives back its own fraction exactly.
      QCOMPARE(loadGemPartial(files[0]).sums.result().gems[s].map.keptFraction,
               parts[0].sums.result().gems[s].map.keptFraction);
    }
  }

  // A version-1 partial (binary 80th-percentile masks) is refused, not merged with soft ones.
  void anOldPartialIsRefused() {
    const auto file = dir_ / "old.gemp";
    saveGemPartial(buildGemPartial(*project_, maskedByLabel({9}), {}), file);
    std::string bytes = test::readBytes(file);
    const std::string magic = "FLYSTAGE-GEM-PARTIAL\n";
    QCOMPARE(bytes.substr(0, magic.size()), magic);
    QCOMPARE(static_cast<int>(bytes[magic.size()]), 2);  // this version
    bytes[magic.size()] = 1;
    bytes = bytes.substr(0, bytes.size() - 64);
    bytes += sha256Hex(bytes);
    test::writeText(file, bytes);
    QCOMPARE(test::errorOf([&] { loadGemPartial(file); }),
             file.string() +
                 ": GEM partial version 1, made by an older FlyStage whose masked GEMs kept the "
                 "80th-percentile pixels (its mask_quantile meant that); this FlyStage reads "
                 "version 2: rerun every shard with this version");
  }

  void figureAndCsvSayTheKeptFraction() {
    QCOMPARE(figure::keptFractionText(0.25), std::string("25 %"));
    QCOMPARE(figure::keptFractionText(0.004), std::string("< 1 %"));
    QCOMPARE(figure::keptFractionText(0.996), std::string("> 99 %"));
    QCOMPARE(figure::keptFractionText(1.0), std::string("100 %"));
    QCOMPARE(figure::keptFractionText(0.0), std::string("0 %"));
    GemResult gems;
    gems.labelSource = "precise stage labels";
    gems.gems.push_back({handMadeMasks().result(9), {1, 2}});
    figure::GemFigureOptions o;
    o.masked = true;
    const auto fig = figure::gemFigure(gems, o, Provenance{});
    std::istringstream csv(fig.csv);
    std::string line;
    std::getline(csv, line);
    QCOMPARE(line,
             std::string("stage,images,row,col,mean_expression,weight,coverage,kept_fraction"));
    int rows = 0;
    while (std::getline(csv, line)) {
      ++rows;
      QCOMPARE(lastField(line), std::string("0.750000"));
    }
    QVERIFY(rows > 1000);
    figure::exportFigure(fig, dir_ / "kept.svg");
    const std::string svg = test::readBytes(dir_ / "kept.svg");
    QVERIFY2(svg.find("masks keep 75 % of the embryo") != std::string::npos, svg.c_str());
    // A plain GEM's CSV keeps its columns.
    const auto plain = figure::gemFigure(gems, {}, Provenance{});
    QCOMPARE(plain.csv.substr(0, plain.csv.find('\n')),
             std::string("stage,images,row,col,mean_expression,weight,coverage"));
  }

  // The command line prints each stage's kept fraction and writes it in the figure and CSV.
  void commandLinePrintsAndWritesTheKeptFraction() {
    const auto out = dir_ / "cli.svg";
    const auto g = test::runCli({"gem", qs(file_), "--run", QString::number(run_), "--by", "label",
                                 "--masked", "--stage", "9", "--stage", "12", "--out", qs(out)});
    QVERIFY2(g.code == 0, qPrintable(why(g)));
    const GemResult core = buildStageGems(*project_, maskedByLabel({9, 12}));
    const std::string svg = test::readBytes(out);
    std::ifstream csv(dir_ / "cli.csv");
    std::string header, line;
    std::getline(csv, header);
    QCOMPARE(header,
             std::string("stage,images,row,col,mean_expression,weight,coverage,kept_fraction"));
    std::map<int, std::string> csvKept;
    while (std::getline(csv, line)) csvKept[std::stoi(line)] = lastField(line);
    for (const auto& gem : core.gems) {
      const auto& m = gem.map;
      QVERIFY(m.images > 0);
      const QString printed = QString::asprintf(
          "stage %2d: %d image(s), masks keep %s of the embryo (%.4f)\n", m.stage, m.images,
          figure::keptFractionText(m.keptFraction).c_str(), m.keptFraction);
      QVERIFY2(g.out.contains(printed), qPrintable(g.out + "\nwanted: " + printed));
      char exact[32];
      std::snprintf(exact, sizeof exact, "%.6f", m.keptFraction);
      QCOMPARE(csvKept[m.stage], std::string(exact));
      const std::string drawn =
          "masks keep " + figure::keptFractionText(m.keptFraction) + " of the embryo";
      QVERIFY2(svg.find(drawn) != std::string::npos, drawn.c_str());
    }
    // The mask quantile is the overlay's scaling quantile: 0 would weigh nothing.
    const auto zero = test::runCli({"gem", qs(file_), "--run", QString::number(run_), "--masked",
                                    "--mask-quantile", "0", "--out", qs(dir_ / "z.svg")});
    QVERIFY(zero.code != 0);
    QVERIFY2(zero.err.contains(QStringLiteral("--mask-quantile 0: must be a number > 0 and <= 1")),
             qPrintable(why(zero)));
  }
};

QTEST_MAIN(MaskedGemTest)  // figures draw with QPainter
#include "MaskedGemTest.moc"
