#include <QtTest>

#include <SQLiteCpp/SQLiteCpp.h>

#include "baseline/GaborBaseline.h"
#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "store/Label.h"
#include "store/LabelHistory.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "train/ReferenceSet.h"
#include "train/TrainReadiness.h"
#include "train/Trainer.h"
#include "util/Error.h"

using namespace flystage;
using flystage::test::errorOf;
using flystage::test::imageIdOf;

namespace {

TrainConfig tiny(Method m) {
  TrainConfig c = TrainConfig::forPreset(m, "tiny");
  c.device = "cpu";
  c.threads = 1;
  c.plainEpochs = c.rangeEpochs = c.fineEpochs = c.featureEpochs = 1;
  c.referenceSets = 2;
  return c;
}

const Method kMethods[] = {Method::Plain, Method::DataLevel, Method::TwoStep, Method::Gabor};

// Trains `config` on `project` with callbacks that record whether a run was created or any
// epoch or batch ran; returns the error's message.
std::string refusal(Project& project, const TrainConfig& config, bool* anythingRan) {
  TrainCallbacks cb;
  cb.runCreated = [anythingRan](std::int64_t) { *anythingRan = true; };
  cb.progress = [anythingRan](const TrainProgress&) { *anythingRan = true; };
  cb.epochEnd = [anythingRan](const EpochRecord&) { *anythingRan = true; };
  return errorOf([&] { train(project, config, cb); });
}

RunImage image(std::int64_t id, const std::string& part, std::optional<int> stage,
               const std::string& range, bool fromStage = false) {
  RunImage im;
  im.imageId = id;
  im.part = part;
  im.stage = stage;
  im.stageRange = range;
  im.rangeFromStage = fromStage;
  return im;
}

// A run's images: `perStage` training images of each of `stages`, with curator ranges,
// and one range-only image.
std::vector<RunImage> snapshotOf(const std::vector<int>& stages, int perStage = 2) {
  std::vector<RunImage> s;
  std::int64_t id = 1;
  for (int stage : stages)
    for (int k = 0; k < perStage; ++k, ++id) {
      s.push_back(image(id, "train", stage, "4-6"));
      s.push_back(image(id, "range", std::nullopt, "4-6"));
    }
  s.push_back(image(id, "range", std::nullopt, "1-3"));
  return s;
}

std::vector<int> allStages() {
  std::vector<int> v;
  for (int s = 4; s <= 17; ++s) v.push_back(s);
  return v;
}

}  // namespace

class TrainReadinessTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // The case: the real BDGP samples carry stage ranges only. Every method is refused
  // before a run exists or an epoch runs (before, a run was created and data-level trained
  // its range phase before failing, leaving a Resume that could not succeed).
  void trainingWithoutStageLabelsIsRefusedBeforeAnyEpoch() {
    test::TempDir dir;
    const auto file = test::makeSamplesProject(dir);
    Project p = Project::open(file, OpenMode::Existing);
    const std::string expected =
        "no image has a precise stage 4-17 to train on (12 have only a stage range): import a "
        "labels CSV with a 'stage' column (flystage-cli import " +
        file.string() + " --csv FILE) or label images with a stage (flystage-cli label " +
        file.string() + " --image ID --stage N)";
    for (Method m : kMethods) {
      bool ran = false;
      QCOMPARE(refusal(p, tiny(m), &ran), expected);
      QVERIFY2(!ran, methodName(m).c_str());
      QVERIFY(runstore::runs(p).empty());
    }
    // The Gabor baseline refuses by the same rule when called directly.
    QCOMPARE(errorOf([&] { trainGabor(p, tiny(Method::Gabor), {}); }), expected);
    QVERIFY(runstore::runs(p).empty());
    QCOMPARE(p.db().execAndGet("SELECT count(*) FROM run_images").getInt(), 0);
  }

  // Two images of stage 12 and nothing else: a classifier of one class is refused, for every
  // method.
  void fewerThanTwoStagesIsRefused() {
    test::TempDir dir;
    const auto file = test::makeSamplesProject(dir);
    Project p = Project::open(file, OpenMode::Existing);
    LabelHistory h(p);
    for (const char* f : {"range11-12_0.png", "range11-12_1.png"})
      QVERIFY(h.setLabel(imageIdOf(p, f), labelForStage(12, LabelSource::User)));
    for (Method m : kMethods) {
      bool ran = false;
      QCOMPARE(refusal(p, tiny(m), &ran),
               "the training part has one stage only (stage 12, 2 image(s)); a classifier needs "
               "at least two: import a labels CSV with a 'stage' column (flystage-cli import " +
                   file.string() + " --csv FILE) or label images of other stages");
      QVERIFY(!ran);
    }
    QVERIFY(runstore::runs(p).empty());
  }

  // Stage labels whose ranges were all derived from the stages (a stage-only CSV): plain
  // trains, data-level and two-step have nothing to pretrain on and are refused.
  void rangePretrainingWithoutCuratorRangesIsRefused() {
    test::TempDir dir;
    std::string csv = "path,stage\n";
    const std::pair<const char*, int> rows[] = {
        {"range4-6_0.png", 5}, {"range4-6_1.png", 6}, {"range7-8_0.png", 7}, {"range7-8_1.png", 8}};
    for (const auto& [f, stage] : rows)
      csv += (test::samplesDir() / f).string() + "," + std::to_string(stage) + "\n";
    test::writeText(dir / "stages.csv", csv);
    const auto file = dir / "stages.flystage";
    Project p = Project::open(file);
    QVERIFY(runImport(p, parseLabelsCsv(dir / "stages.csv"), {}).committed);
    // A stage-only row's range is derived from its stage (schema 4's range_from_stage).
    p.db().exec("UPDATE labels SET range_from_stage = 1");

    QVERIFY(!trainingDataProblem(p, tiny(Method::Plain)));
    QVERIFY(!trainingDataProblem(p, tiny(Method::Gabor)));
    bool ran = false;
    QCOMPARE(refusal(p, tiny(Method::DataLevel), &ran),
             "data-level pretrains on stage ranges, but no image outside the test part has a "
             "range a curator gave (a range derived from a stage label adds nothing): import the "
             "stage ranges, a labels CSV with a 'stage_range' column (flystage-cli import " +
                 file.string() + " --csv FILE), or train with --method plain");
    QVERIFY(!ran);
    QVERIFY(runstore::runs(p).empty());
    // With a curator's range on one image outside the test part, data-level may train.
    p.db().exec("UPDATE labels SET range_from_stage = 0 WHERE image_id = 1");
    QVERIFY(!trainingDataProblem(p, tiny(Method::DataLevel)));
  }

  // Two-step names the stages without a training image: exactly those ReferenceSet finds no
  // reference candidate for, which the feature level would fail on after two phases.
  void twoStepNamesTheMissingStages() {
    std::vector<int> stages;
    for (int s = 5; s <= 15; ++s) stages.push_back(s);
    const auto snapshot = snapshotOf(stages);
    const auto p = trainingDataProblem(snapshot, tiny(Method::TwoStep));
    QVERIFY(p);
    QCOMPARE(int(p->kind), int(TrainingDataProblem::Kind::MissingStages));
    QCOMPARE(p->missing, (std::vector<int>{4, 16, 17}));
    QCOMPARE(p->message("p.flystage"),
             std::string("two-step needs a training image of every stage 4-17 (its feature level "
                         "takes a reference image of each); none of stage 4, 16, 17: import a "
                         "labels CSV with a 'stage' column (flystage-cli import p.flystage --csv "
                         "FILE) or label images of those stages, or train with --method "
                         "data-level"));
    // ReferenceSet's rule: a class without a training sample has no candidate, every other
    // one has (its most confident sample at worst).
    std::vector<int> labels;
    std::vector<float> scores;
    for (const auto& im : snapshot)
      if (im.part == "train") {
        labels.push_back(*im.stage - 4);
        for (int c = 0; c < 14; ++c) scores.push_back(c == 0 ? 0.9f : 0.1f / 13);
      }
    const auto candidates = referenceCandidates(scores, 14, labels, TauMode::Probability, 0.8);
    std::vector<int> noCandidate;
    for (int c = 0; c < 14; ++c)
      if (candidates.perClass[c].empty()) noCandidate.push_back(c + 4);
    QCOMPARE(noCandidate, p->missing);
    // Continuing from a data-level run still needs the references; the other methods do not.
    auto from = tiny(Method::TwoStep);
    from.fromRun = 1;
    QVERIFY(trainingDataProblem(snapshot, from));
    for (Method m : {Method::Plain, Method::DataLevel, Method::Gabor})
      QVERIFY(!trainingDataProblem(snapshot, tiny(m)));
  }

  void everyStageWithRangesCanTrainEveryMethod() {
    const auto snapshot = snapshotOf(allStages(), 1);
    for (Method m : kMethods) QVERIFY(!trainingDataProblem(snapshot, tiny(m)));
    // Without ranges a curator gave: only the pretraining methods are refused; two-step from a
    // data-level run does not pretrain.
    auto derived = snapshot;
    for (auto& im : derived) im.rangeFromStage = true;
    QCOMPARE(int(trainingDataProblem(derived, tiny(Method::DataLevel))->kind),
             int(TrainingDataProblem::Kind::NoRanges));
    QCOMPARE(int(trainingDataProblem(derived, tiny(Method::TwoStep))->kind),
             int(TrainingDataProblem::Kind::NoRanges));
    auto from = tiny(Method::TwoStep);
    from.fromRun = 3;
    QVERIFY(!trainingDataProblem(derived, from));
    QVERIFY(!trainingDataProblem(derived, tiny(Method::Plain)));
  }

  // Stage labels that all landed in validation and test: nothing to train on, said so.
  void stagesOutsideTheTrainingPartAreRefused() {
    const std::vector<RunImage> s = {image(1, "test", 5, "4-6"), image(2, "validation", 7, "7-8"),
                                     image(2, "range", std::nullopt, "7-8")};
    const auto p = trainingDataProblem(s, tiny(Method::Plain));
    QVERIFY(p);
    QCOMPARE(p->message("p.flystage"),
             std::string("none of the 2 image(s) with a precise stage is in the training part "
                         "(all are in validation or test): label more images with a stage "
                         "(flystage-cli label p.flystage --image ID --stage N) or draw the split "
                         "again (flystage-cli split p.flystage --reset)"));
    // An empty project: no range-only count.
    QCOMPARE(trainingDataProblem(std::vector<RunImage>{}, tiny(Method::Plain))->message("p"),
             std::string("no image has a precise stage 4-17 to train on: import a labels CSV "
                         "with a 'stage' column (flystage-cli import p --csv FILE) or label "
                         "images with a stage (flystage-cli label p --image ID --stage N)"));
  }
};

QTEST_GUILESS_MAIN(TrainReadinessTest)
#include "TrainReadinessTest.moc"
