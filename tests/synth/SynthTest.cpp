#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "data/ImageIo.h"
#include "data/Stage.h"
#include "data/StageRange.h"
#include "support/TestSupport.h"
#include "synth/DemoDataset.h"
#include "synth/EmbryoGenerator.h"
#include "util/Error.h"
#include "util/Progress.h"

using namespace flystage;

namespace {

std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

std::vector<std::vector<std::string>> readCsv(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) rows.push_back(splitCsvLine(line));
  return rows;
}

std::string readAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Table I of the paper, the numbers writeDemoDataset must scale.
const int kRangeImages[6] = {4203, 7344, 3665, 3768, 9248, 8680};
const int kStageImages[18] = {0,   0,   0,   0,   251, 274, 224, 236, 260,
                              248, 248, 246, 255, 251, 252, 232, 243, 254};

int expectedPrecise(int stage, double scale, int minPerStage) {
  return std::max(minPerStage, static_cast<int>(std::lround(kStageImages[stage] * scale)));
}

int expectedRange(const StageRange& range, double scale, int minPerStage) {
  int precise = 0;
  for (int s = std::max(4, range.first); s <= range.last; ++s)
    precise += expectedPrecise(s, scale, minPerStage);
  return std::max(precise, static_cast<int>(std::lround(kRangeImages[range.index()] * scale)));
}

// Mean of B - R over the central part of a standardized image: blue stain takes more red
// than blue.
double blueness(const cv::Mat& bgr) {
  const cv::Mat centre = bgr(cv::Rect(60, 30, 200, 68));
  const cv::Scalar mean = cv::mean(centre);
  return mean[0] - mean[2];
}

// Simple features for the difficulty check: a coarse grey image and the energy of its
// edges in four orientations (the landmarks are folds and furrows), on a 32 x 12 grid.
std::vector<double> simpleFeatures(const cv::Mat& bgr) {
  cv::Mat grey;
  cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
  grey.convertTo(grey, CV_32F, 1 / 255.0);
  cv::Mat smooth, gx, gy, magnitude, angle;
  cv::GaussianBlur(grey, smooth, cv::Size(0, 0), 1.5);
  cv::Sobel(smooth, gx, CV_32F, 1, 0);
  cv::Sobel(smooth, gy, CV_32F, 0, 1);
  cv::cartToPolar(gx, gy, magnitude, angle);
  std::vector<double> f;
  auto pool = [&](const cv::Mat& m) {
    cv::Mat small;
    cv::resize(m, small, cv::Size(32, 12), 0, 0, cv::INTER_AREA);
    for (int r = 0; r < small.rows; ++r)
      for (int c = 0; c < small.cols; ++c) f.push_back(small.at<float>(r, c));
  };
  for (int o = 0; o < 4; ++o) {
    cv::Mat channel(magnitude.size(), CV_32F, cv::Scalar(0));
    for (int r = 0; r < magnitude.rows; ++r)
      for (int c = 0; c < magnitude.cols; ++c) {
        const float a = std::fmod(angle.at<float>(r, c), static_cast<float>(CV_PI));
        const int bin = std::min(3, static_cast<int>(a / (CV_PI / 4)));
        if (bin == o) channel.at<float>(r, c) = magnitude.at<float>(r, c);
      }
    pool(channel);
  }
  pool(grey);
  return f;
}

// One-vs-rest ridge regression (dual form: n samples << dimensions), argmax prediction.
class RidgeClassifier {
 public:
  RidgeClassifier(const cv::Mat& x, const std::vector<int>& labels, int classes, double lambda)
      : x_(x) {
    cv::Mat y(x.rows, classes, CV_64F, cv::Scalar(-1.0 / classes));
    for (int i = 0; i < x.rows; ++i) y.at<double>(i, labels[i]) = 1;
    cv::Mat k = x * x.t() + cv::Mat::eye(x.rows, x.rows, CV_64F) * lambda * x.cols;
    cv::Mat alpha;
    cv::solve(k, y, alpha, cv::DECOMP_CHOLESKY);
    w_ = x.t() * alpha;
  }
  int predict(const cv::Mat& row) const {
    const cv::Mat scores = row * w_;
    cv::Point best;
    cv::minMaxLoc(scores, nullptr, nullptr, nullptr, &best);
    return best.x;
  }

 private:
  cv::Mat x_, w_;
};

}  // namespace

class SynthTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void geneCatalogue() {
    QVERIFY(EmbryoGenerator::numGenes() >= 12);
    std::set<std::string> names;
    for (int g = 0; g < EmbryoGenerator::numGenes(); ++g) {
      const std::string name = EmbryoGenerator::geneName(g);
      QVERIFY(!name.empty());
      QVERIFY2(name.find(',') == std::string::npos, name.c_str());
      names.insert(name);
    }
    QCOMPARE(static_cast<int>(names.size()), EmbryoGenerator::numGenes());
    QVERIFY(names.count("no_expression") == 1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, EmbryoGenerator::geneName(-1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             EmbryoGenerator::geneName(EmbryoGenerator::numGenes()));
    const EmbryoGenerator generator;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generator.render(0, 0, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generator.render(18, 0, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             generator.render(5, EmbryoGenerator::numGenes(), 1));
  }

  void deterministic() {
    for (bool standardized : {false, true}) {
      SynthImaging imaging;
      imaging.standardized = standardized;
      const EmbryoGenerator a(imaging), b(imaging);
      const cv::Mat first = a.render(9, 4, 1234);
      a.render(3, 1, 99);  // other work in between changes nothing
      const cv::Mat again = a.render(9, 4, 1234);
      const cv::Mat other = b.render(9, 4, 1234);
      QCOMPARE(cv::norm(first, again, cv::NORM_INF), 0.0);
      QCOMPARE(cv::norm(first, other, cv::NORM_INF), 0.0);
      const cv::Mat reseeded = a.render(9, 4, 1235);
      QVERIFY(cv::norm(first, reseeded, cv::NORM_L1) / first.total() > 3.0);
      const cv::Mat otherStage = a.render(10, 4, 1234);
      QVERIFY(cv::norm(first, otherStage, cv::NORM_L1) / first.total() > 3.0);
    }
  }

  void deterministicAcrossThreads() {
    const EmbryoGenerator generator;
    const cv::Mat here = generator.render(12, 6, 77);
    cv::Mat there;
    std::thread worker([&] { there = generator.render(12, 6, 77); });
    worker.join();
    QCOMPARE(cv::norm(here, there, cv::NORM_INF), 0.0);
  }

  void sizes() {
    SynthImaging imaging;
    const cv::Mat raw = EmbryoGenerator(imaging).render(7, 3, 5);
    QCOMPARE(raw.cols, 400);
    QCOMPARE(raw.rows, 200);
    QCOMPARE(raw.type(), CV_8UC3);
    imaging.width = 640;
    imaging.height = 300;
    const cv::Mat wide = EmbryoGenerator(imaging).render(7, 3, 5);
    QCOMPARE(wide.cols, 640);
    QCOMPARE(wide.rows, 300);
    imaging.standardized = true;
    for (int stage : {1, 6, 10, 17}) {
      const cv::Mat crop = EmbryoGenerator(imaging).render(stage, 3, 5);
      QCOMPARE(crop.cols, 320);
      QCOMPARE(crop.rows, 128);
      QCOMPARE(crop.type(), CV_8UC3);
    }
    imaging.standardized = false;
    imaging.width = 10;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, EmbryoGenerator{imaging});
  }

  void embryoOnLightBackground() {
    SynthImaging imaging;
    imaging.standardized = true;
    const EmbryoGenerator crops(imaging);
    const EmbryoGenerator raw;
    for (int seed = 0; seed < 10; ++seed) {
      const int stage = 1 + seed;
      // Standardized: the embryo fills the crop, only the corners show background.
      const cv::Mat crop = crops.render(stage, 11, seed);
      const double corner = cv::mean(crop(cv::Rect(0, 0, 6, 4)))[1];
      const double centre = cv::mean(crop(cv::Rect(100, 40, 120, 48)))[1];
      QVERIFY2(corner > 235, std::to_string(corner).c_str());
      QVERIFY2(centre < corner - 25, std::to_string(centre).c_str());
      const double edgeMiddle = cv::mean(crop(cv::Rect(150, 2, 20, 4)))[1];
      QVERIFY2(edgeMiddle < corner - 15, "the embryo reaches the crop's top edge");
      // Raw-like: a margin of light background all round.
      const cv::Mat canvas = raw.render(stage, 11, seed);
      const double top = cv::mean(canvas.rowRange(0, 4))[1];
      const double bottom = cv::mean(canvas.rowRange(canvas.rows - 4, canvas.rows))[1];
      QVERIFY2(top > 215 && bottom > 215, std::to_string(std::min(top, bottom)).c_str());
    }
  }

  void stainFollowsGeneAndStage() {
    SynthImaging imaging;
    imaging.standardized = true;
    const EmbryoGenerator generator(imaging);
    const int maternal = 0, pairRule = 3, none = 11;
    QCOMPARE(EmbryoGenerator::geneName(maternal), std::string("maternal_ubiquitous"));
    QCOMPARE(EmbryoGenerator::geneName(pairRule), std::string("pair_rule"));
    QCOMPARE(EmbryoGenerator::geneName(none), std::string("no_expression"));
    double maternalBlue = 0, noneBlue = 0, maternalGrey = 0, noneGrey = 0;
    double pairEarly = 0, pairStriped = 0;
    const int n = 20;
    for (int seed = 0; seed < n; ++seed) {
      const cv::Mat stained = generator.render(2, maternal, seed);
      const cv::Mat plain = generator.render(2, none, seed);
      maternalBlue += blueness(stained) / n;
      noneBlue += blueness(plain) / n;
      maternalGrey += cv::mean(stained)[1] / n;
      noneGrey += cv::mean(plain)[1] / n;
      pairEarly += blueness(generator.render(2, pairRule, seed)) / n;
      pairStriped += blueness(generator.render(6, pairRule, seed)) / n;
    }
    // Subtractive blue stain: darker, and red drops more than blue.
    QVERIFY2(maternalBlue > noneBlue + 25, std::to_string(maternalBlue - noneBlue).c_str());
    QVERIFY2(maternalGrey < noneGrey - 40, std::to_string(noneGrey - maternalGrey).c_str());
    // Pair-rule stripes exist at stage 6, not at stage 2.
    QVERIFY2(pairStriped > pairEarly + 8, std::to_string(pairStriped - pairEarly).c_str());
  }

  void demoDatasetFollowsTableOne() {
    test::TempDir dir;
    DemoOptions options;
    options.seed = 11;
    options.scale = 0.005;
    options.minPerStage = 3;
    std::vector<ProgressEvent> events;
    const DemoSummary summary = writeDemoDataset(
        options, dir / "demo", [&](const ProgressEvent& e) { events.push_back(e); });

    // Expected counts, computed here from Table I.
    int expectedImages = 0, expectedWithStage = 0;
    for (const StageRange& range : allStageRanges()) {
      const int n = expectedRange(range, options.scale, options.minPerStage);
      QCOMPARE(summary.perRange.at(range.name()), n);
      expectedImages += n;
    }
    for (int s = 4; s <= 17; ++s) {
      QCOMPARE(summary.perStage.at(s), expectedPrecise(s, options.scale, options.minPerStage));
      expectedWithStage += summary.perStage.at(s);
    }
    QCOMPARE(summary.images, expectedImages);
    QCOMPARE(summary.withStage, expectedWithStage);
    QCOMPARE(expectedImages, 184);  // 36,908 * 0.005, rounded per range
    QCOMPARE(summary.labelsCsv, dir / "demo" / "labels.csv");

    const auto rows = readCsv(summary.labelsCsv);
    QVERIFY(!rows.empty());
    QCOMPARE(rows[0], (std::vector<std::string>{"path", "gene", "stage_range", "stage"}));
    QCOMPARE(static_cast<int>(rows.size()) - 1, summary.images);
    std::map<std::string, int> perRange;
    std::map<int, int> perStage;
    std::set<std::string> paths, genes;
    for (int g = 0; g < EmbryoGenerator::numGenes(); ++g)
      genes.insert(EmbryoGenerator::geneName(g));
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const auto& row = rows[i];
      QCOMPARE(static_cast<int>(row.size()), 4);
      QVERIFY2(paths.insert(row[0]).second, row[0].c_str());
      QVERIFY(row[0].rfind("images/img_", 0) == 0);
      QVERIFY2(genes.count(row[1]) == 1, row[1].c_str());
      const auto range = parseStageRange(row[2]);
      QVERIFY2(range.has_value(), row[2].c_str());
      ++perRange[range->name()];
      if (!row[3].empty()) {
        const auto stage = parseStage(row[3]);
        QVERIFY(stage.has_value());
        QVERIFY(isFineStage(*stage));
        QVERIFY2(range->contains(*stage), (row[2] + " vs " + row[3]).c_str());
        ++perStage[*stage];
      }
      const LoadedImage image = readImage(dir / "demo" / row[0]);
      QCOMPARE(image.bgr.cols, 400);
      QCOMPARE(image.bgr.rows, 200);
    }
    QCOMPARE(perRange, summary.perRange);
    QCOMPARE(perStage, summary.perStage);
    QCOMPARE(perRange.at("1-3"), 21);  // 4203 * 0.005, none with a precise stage
    for (std::size_t i = 1; i < rows.size(); ++i)
      if (rows[i][2] == "1-3") QVERIFY(rows[i][3].empty());

    // One progress event per image, in order, in phase "synth".
    QCOMPARE(static_cast<int>(events.size()), summary.images);
    for (std::size_t i = 0; i < events.size(); ++i) {
      QCOMPARE(events[i].phase, std::string("synth"));
      QCOMPARE(events[i].done, i + 1);
      QCOMPARE(events[i].total, static_cast<std::size_t>(summary.images));
    }

    // The same seed writes the same data set; another seed a different one.
    writeDemoDataset(options, dir / "again");
    QCOMPARE(readAll(dir / "again" / "labels.csv"), readAll(summary.labelsCsv));
    for (std::size_t i = 1; i < rows.size(); i += 37)
      QCOMPARE(readImage(dir / "again" / rows[i][0]).sha256,
               readImage(dir / "demo" / rows[i][0]).sha256);
    // Shuffled: file order says nothing about stage; genes vary.
    std::set<std::string> usedGenes;
    int rangeChanges = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      usedGenes.insert(rows[i][1]);
      if (i > 1 && rows[i][2] != rows[i - 1][2]) ++rangeChanges;
    }
    QVERIFY(static_cast<int>(usedGenes.size()) >= EmbryoGenerator::numGenes() - 2);
    QVERIFY(rangeChanges > summary.images / 2);
  }

  void demoDatasetStandardized() {
    test::TempDir dir;
    DemoOptions options;
    options.scale = 0.001;
    options.minPerStage = 1;
    options.standardized = true;
    const DemoSummary summary = writeDemoDataset(options, dir.path());
    QCOMPARE(summary.withStage, 14);
    QCOMPARE(summary.perStage.size(), std::size_t{14});
    const auto rows = readCsv(summary.labelsCsv);
    QCOMPARE(static_cast<int>(rows.size()) - 1, summary.images);
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const LoadedImage image = readImage(dir / rows[i][0]);
      QCOMPARE(image.bgr.cols, 320);
      QCOMPARE(image.bgr.rows, 128);
    }
  }

  void cancellation() {
    test::TempDir dir;
    DemoOptions options;
    options.scale = 0.01;
    CancelToken token;
    token.cancel();
    try {
      writeDemoDataset(options, dir / "early", {}, &token);
      QFAIL("expected Cancelled");
    } catch (const Cancelled& c) {
      QCOMPARE(c.phase, std::string("synth"));
    }
    token.reset();
    int seen = 0;
    try {
      writeDemoDataset(
          options, dir / "midway",
          [&](const ProgressEvent&) {
            if (++seen == 5) token.cancel();
          },
          &token);
      QFAIL("expected Cancelled");
    } catch (const Cancelled& c) {
      QCOMPARE(c.phase, std::string("synth"));
    }
    QVERIFY(seen >= 5);
    QVERIFY(seen < 100);  // stopped soon after the request, far from the ~370 images
    QVERIFY(!std::filesystem::exists(dir / "midway" / "labels.csv"));

    // A progress callback that throws stops the workers and the exception comes through.
    QVERIFY_THROWS_EXCEPTION(
        std::runtime_error, writeDemoDataset(options, dir / "throwing", [](const ProgressEvent& e) {
          if (e.done == 3) throw std::runtime_error("stop");
        }));
    QVERIFY(!std::filesystem::exists(dir / "throwing" / "labels.csv"));
  }

  void unwritableOutputNamesThePath() {
    test::TempDir dir;
    test::writeText(dir / "occupied", "a file, not a folder");
    try {
      writeDemoDataset(DemoOptions{}, dir / "occupied");
      QFAIL("expected flystage::Error");
    } catch (const Error& e) {
      const std::string message = e.what();
      QVERIFY2(message.find((dir / "occupied").string()) != std::string::npos, e.what());
      QVERIFY2(message.find("choose a folder") != std::string::npos, e.what());
    }
    DemoOptions bad;
    bad.scale = 0;
    QVERIFY_THROWS_EXCEPTION(Error, writeDemoDataset(bad, dir / "x"));
  }

  // The data must have the difficulty structure of the real task: stage ranges easy,
  // precise stages harder, and most precise-stage errors on a neighbouring stage. A
  // generator whose morphology did not follow the stage fails these bounds (see
  // docs/demo-data.md for the measurements).
  void difficultyStructure() {
    SynthImaging imaging;
    imaging.standardized = true;
    const EmbryoGenerator generator(imaging);
    const int train = 36, test = 18;
    std::vector<std::vector<double>> trainFeatures, testFeatures;
    std::vector<int> trainStage, testStage;
    for (int stage = 1; stage <= 17; ++stage)
      for (int i = 0; i < train + test; ++i) {
        const int gene = (stage * 31 + i * 7) % EmbryoGenerator::numGenes();
        auto f = simpleFeatures(generator.render(stage, gene, 5000 + i));
        (i < train ? trainFeatures : testFeatures).push_back(std::move(f));
        (i < train ? trainStage : testStage).push_back(stage);
      }
    // Standardize with training statistics.
    const int dims = static_cast<int>(trainFeatures[0].size());
    cv::Mat xTrain(static_cast<int>(trainFeatures.size()), dims, CV_64F);
    cv::Mat xTest(static_cast<int>(testFeatures.size()), dims, CV_64F);
    for (int d = 0; d < dims; ++d) {
      double mean = 0, var = 0;
      for (const auto& f : trainFeatures) mean += f[d] / trainFeatures.size();
      for (const auto& f : trainFeatures)
        var += (f[d] - mean) * (f[d] - mean) / trainFeatures.size();
      const double sd = std::sqrt(var) + 1e-9;
      for (int i = 0; i < xTrain.rows; ++i)
        xTrain.at<double>(i, d) = (trainFeatures[i][d] - mean) / sd;
      for (int i = 0; i < xTest.rows; ++i)
        xTest.at<double>(i, d) = (testFeatures[i][d] - mean) / sd;
    }

    std::vector<int> rangeLabels;
    for (int s : trainStage) rangeLabels.push_back(stageRangeOfStage(s).index());
    const RidgeClassifier ranges(xTrain, rangeLabels, kNumStageRanges, 1.0);
    std::vector<int> fineRows, fineLabels;
    for (int i = 0; i < xTrain.rows; ++i)
      if (isFineStage(trainStage[i])) {
        fineRows.push_back(i);
        fineLabels.push_back(fineStageIndex(trainStage[i]));
      }
    cv::Mat xFine(static_cast<int>(fineRows.size()), dims, CV_64F);
    for (int i = 0; i < xFine.rows; ++i) xTrain.row(fineRows[i]).copyTo(xFine.row(i));
    const RidgeClassifier stages(xFine, fineLabels, kNumFineStages, 1.0);

    int rangeRight = 0, fineTotal = 0, fineRight = 0, errors = 0, neighbours = 0, inRange = 0;
    for (int i = 0; i < xTest.rows; ++i) {
      const int truth = testStage[i];
      if (ranges.predict(xTest.row(i)) == stageRangeOfStage(truth).index()) ++rangeRight;
      if (!isFineStage(truth)) continue;
      ++fineTotal;
      const int predicted = fineStageFromIndex(stages.predict(xTest.row(i)));
      if (predicted == truth) {
        ++fineRight;
        continue;
      }
      ++errors;
      if (std::abs(predicted - truth) == 1) ++neighbours;
      if (stageRangeOfStage(predicted) == stageRangeOfStage(truth)) ++inRange;
    }
    const double rangeAccuracy = double(rangeRight) / xTest.rows;
    const double stageAccuracy = double(fineRight) / fineTotal;
    const double withinOne = double(fineRight + neighbours) / fineTotal;
    const double neighbourShare = double(neighbours) / std::max(1, errors);
    const double inRangeShare = double(inRange) / std::max(1, errors);
    qInfo(
        "range accuracy %.3f, stage accuracy %.3f, within one stage %.3f; errors: %.3f on a "
        "neighbour, %.3f inside the right range",
        rangeAccuracy, stageAccuracy, withinOne, neighbourShare, inRangeShare);
    // Measured over four seed sets: range accuracy 0.86-0.90, stage accuracy 0.60-0.66,
    // within one stage 0.91-0.94, errors on a neighbour 0.77-0.84, inside the range
    // 0.59-0.72. With the morphology frozen at one stage (stain patterns still following
    // the stage) the same check gives 0.50-0.53, 0.19-0.21, 0.43-0.51, 0.29-0.38, 0.39-0.43.
    QVERIFY2(rangeAccuracy >= 0.78, "ranges must be easy to tell apart");
    QVERIFY2(stageAccuracy >= 0.45, "precise stages must be learnable (chance is 0.07)");
    QVERIFY2(stageAccuracy <= rangeAccuracy - 0.15, "precise stages must be harder than ranges");
    QVERIFY2(withinOne >= 0.85, "most predictions within one stage");
    QVERIFY2(neighbourShare >= 0.65, "most errors on a neighbouring stage");
    QVERIFY2(inRangeShare >= 0.50, "many errors inside the right range");
  }
};

QTEST_GUILESS_MAIN(SynthTest)
#include "SynthTest.moc"
