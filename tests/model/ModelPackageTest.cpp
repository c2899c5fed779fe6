// Models travel (issue 16, finding 3): a run exported from one project as one data-only file
// predicts the same probabilities on another project's copy of the same images; a damaged,
// foreign or hostile file is refused by name and leaves the project as it was; export never
// overwrites a file that is not a model file. Projects hold the real BDGP samples.
#include <QtTest>

#include <cstring>
#include <fstream>
#include <map>

#include "Version.h"
#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "model/ModelPackage.h"
#include "model/Predictor.h"
#include "model/TensorFile.h"
#include "store/ImportedModel.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "train/Trainer.h"
#include "util/Error.h"
#include "util/Sha256.h"

using namespace flystage;
using flystage::test::errorOf;
using flystage::test::qs;
using flystage::test::readBytes;
using flystage::test::why;

namespace {

const char* const kExportAgain = "export the model again from the project it was trained in";

// The 12 labelled samples with a precise stage inside each curated range (none for 1-3), as
// a curator refining the ranges would give them, and the 4 unlabelled ones.
std::filesystem::path makeStagedProject(const test::TempDir& dir,
                                        const std::filesystem::path& unlabelled) {
  const auto csv = dir / "staged.csv";
  const auto s = test::samplesDir();
  std::string text = "path,gene,stage_range,stage\n";
  const std::pair<const char*, const char*> rows[] = {
      {"range1-3_0.png", "1-3,"},       {"range1-3_1.png", "1-3,"},
      {"range4-6_0.png", "4-6,5"},      {"range4-6_1.png", "4-6,6"},
      {"range7-8_0.png", "7-8,7"},      {"range7-8_1.png", "7-8,8"},
      {"range9-10_0.png", "9-10,9"},    {"range9-10_1.png", "9-10,10"},
      {"range11-12_0.png", "11-12,11"}, {"range11-12_1.png", "11-12,12"},
      {"range13-17_0.png", "13-17,14"}, {"range13-17_1.png", "13-17,16"}};
  for (const auto& [name, label] : rows) text += (s / name).string() + ",," + label + "\n";
  test::writeText(csv, text);
  const auto file = dir / "a.flystage";
  Project p = Project::open(file);
  auto r = runImport(p, parseLabelsCsv(csv), {});
  if (!r.committed || r.withStage != 10) throw std::runtime_error("staged import failed");
  r = runImport(p, planFolder(unlabelled), {});
  if (!r.committed || r.imported != 4) throw std::runtime_error("unlabelled import failed");
  return file;
}

TrainConfig tiny(Method m) {
  TrainConfig c = TrainConfig::forPreset(m, "tiny");
  c.seed = 3;
  c.device = "cpu";
  c.plainEpochs = 2;
  return c;
}

// Every image's 14 probabilities and call, by the image's content (sha256).
std::map<std::string, StagePrediction> predictionsByContent(Project& p, std::int64_t run) {
  std::map<std::string, StagePrediction> out;
  for (const auto& pr : predictStages(p, run, p.imageIds())) out[p.image(pr.imageId)->sha256] = pr;
  return out;
}

void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
}

}  // namespace

class ModelPackageTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path unlabelled_;  // the 4 unlabelled samples
  std::filesystem::path a_;           // trained here: a plain and a gabor run
  std::int64_t plain_ = 0, gabor_ = 0;

  // A fresh copy of the samples (ranges only, imported another way) to import into.
  std::filesystem::path freshB(const std::string& name) {
    const auto file = dir_ / (name + ".flystage");
    Project p = Project::open(file);
    auto r = runImport(p, planFolder(unlabelled_), {});
    if (!r.committed) throw std::runtime_error("import failed");
    r = runImport(p, parseLabelsCsv(test::samplesDir() / "labels.csv"), {});
    if (!r.committed) throw std::runtime_error("import failed");
    return file;
  }

 private Q_SLOTS:
  void initTestCase() {
    unlabelled_ = test::unlabelledSamples(dir_);
    a_ = makeStagedProject(dir_, unlabelled_);
    Project p = Project::open(a_, OpenMode::Existing);
    plain_ = train(p, tiny(Method::Plain), {});
    gabor_ = train(p, tiny(Method::Gabor), {});
    QCOMPARE(runstore::run(p, plain_)->status, std::string("finished"));
    QCOMPARE(runstore::run(p, gabor_)->status, std::string("finished"));
  }

  // The issue's "done when": the same probabilities, to the bit, for every image.
  void exportedModelPredictsTheSameOnAnotherProject() {
    const auto b = freshB("b");
    for (const std::int64_t run : {plain_, gabor_}) {
      const auto file = dir_ / ("run" + std::to_string(run) + ".flystage-model");
      {
        Project a = Project::open(a_, OpenMode::ReadOnly);
        exportModel(a, run, file);
      }
      Project pb = Project::open(b, OpenMode::Existing);
      const auto imported = importModel(pb, readModelPackageFile(file), "m.flystage-model");
      QVERIFY(imported.added);
      Project pa = Project::open(a_, OpenMode::ReadOnly);
      const auto there = predictionsByContent(pa, run);
      const auto here = predictionsByContent(pb, imported.runId);
      QCOMPARE(here.size(), std::size_t(16));
      QCOMPARE(there.size(), std::size_t(16));
      for (const auto& [sha, p] : here) {
        QVERIFY(there.count(sha));
        const auto& q = there.at(sha);
        QCOMPARE(p.stage, q.stage);
        QVERIFY2(std::memcmp(p.probabilities.data(), q.probabilities.data(),
                             sizeof p.probabilities) == 0,
                 qPrintable(QString::fromStdString(sha)));
      }
    }
  }

  void importRecordsProvenanceOnceAndKeepsTheFigures() {
    const auto b = freshB("c");
    const auto file = dir_ / "plain.flystage-model";
    {
      Project a = Project::open(a_, OpenMode::ReadOnly);
      exportModel(a, plain_, file);
    }
    const ModelPackage package = readModelPackageFile(file);
    QCOMPARE(package.method, std::string("plain"));
    QCOMPARE(package.preset, std::string("tiny"));
    QCOMPARE(package.seed, std::uint64_t(3));
    Project pb = Project::open(b, OpenMode::Existing);
    const auto first = importModel(pb, package, "plain.flystage-model");
    const auto run = runstore::run(pb, first.runId).value();
    QCOMPARE(run.method, std::string("plain (imported)"));
    QCOMPARE(run.status, std::string("finished"));
    QCOMPARE(run.preset, std::string("tiny"));
    QCOMPARE(run.seed, std::uint64_t(3));
    const auto provenance = importedRunProvenance(run).value();
    const std::string head = "imported from plain.flystage-model: trained in a.flystage run #" +
                             std::to_string(plain_) + " (16 images), finished ";
    QVERIFY2(provenance.rfind(head, 0) == 0, provenance.c_str());
    QVERIFY2(provenance.find(std::string(" with FlyStage ") + kVersion + "; imported ") !=
                 std::string::npos,
             provenance.c_str());
    QVERIFY2(provenance.find("; weights sha256 " + package.weightsSha256) != std::string::npos,
             provenance.c_str());
    // The stored model is the file's, checksum and all; the test figures are the training
    // project's, as they were stored there.
    const auto model = runstore::model(pb, first.runId, "final").value();
    QCOMPARE(model.sha256, package.weightsSha256);
    QCOMPARE(sha256Hex(model.weights), package.weightsSha256);
    Project pa = Project::open(a_, OpenMode::ReadOnly);
    QCOMPARE(runstore::metricJson(pb, first.runId, "test").value(),
             runstore::metricJson(pa, plain_, "test").value());
    QVERIFY(!importedRunProvenance(runstore::run(pa, plain_).value()));
    // Importing it again adds nothing.
    const auto runsBefore = runstore::runs(pb).size();
    const auto again = importModel(pb, readModelPackageFile(file), "copy.flystage-model");
    QCOMPARE(again.runId, first.runId);
    QVERIFY(!again.added);
    QCOMPARE(runstore::runs(pb).size(), runsBefore);
    // Exported again from the importing project, the origin stays the training project.
    const auto twice = dir_ / "twice.flystage-model";
    exportModel(pb, first.runId, twice);
    const auto re = readModelPackageFile(twice);
    QCOMPARE(re.weightsSha256, package.weightsSha256);
    QCOMPARE(re.method, std::string("plain"));
    QVERIFY(re.provenanceJson.find("\"project\":\"a.flystage\"") != std::string::npos);
  }

  // Each hostile file is refused with its own message naming the file, by core and by the
  // CLI, and the project's bytes stay as they were.
  void hostileModelFilesAreRefusedAndTheProjectIsUnchanged() {
    const auto b = freshB("d");
    const auto good = dir_ / "good.flystage-model";
    {
      Project a = Project::open(a_, OpenMode::ReadOnly);
      exportModel(a, plain_, good);
    }
    const std::string bytes = readBytes(good);
    std::uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i)
      headerLength = (headerLength << 8) | static_cast<unsigned char>(bytes[i]);

    struct Case {
      std::string name, bytes, message;
    };
    std::vector<Case> cases;
    auto f = [&](const std::string& name) { return (dir_ / name).string(); };
    cases.push_back({"truncated.flystage-model", bytes.substr(0, 100),
                     f("truncated.flystage-model") +
                         " is damaged or not FlyStage's weights format (header length " +
                         std::to_string(headerLength) + " exceeds the data); " + kExportAgain});
    std::string flipped = bytes;
    flipped.back() = static_cast<char>(flipped.back() ^ 0x01);  // in the last weight
    cases.push_back({"flipped.flystage-model", flipped,
                     f("flipped.flystage-model") +
                         " fails its checksum (the file was changed or damaged after it was "
                         "exported); " +
                         kExportAgain});
    std::string huge(8, '\0');
    huge[5] = 1;  // 2^40 bytes of header
    huge += "{}";
    cases.push_back({"huge.flystage-model", huge,
                     f("huge.flystage-model") +
                         " is damaged or not FlyStage's weights format (header length "
                         "1099511627776 exceeds the data); " +
                         kExportAgain});
    cases.push_back({"image.flystage-model", readBytes(test::samplesDir() / "range4-6_0.png"),
                     f("image.flystage-model") +
                         " is not a FlyStage model file (it does not start with a model "
                         "header)"});
    cases.push_back({"project.flystage-model", readBytes(a_),
                     f("project.flystage-model") +
                         " is an SQLite database (a FlyStage project?), not a model file; "
                         "export a model from a project with 'flystage-cli export-model "
                         "PROJECT --run ID --out FILE'"});
    {
      Project a = Project::open(a_, OpenMode::ReadOnly);
      cases.push_back({"weights.flystage-model", runstore::model(a, plain_, "final")->weights,
                       f("weights.flystage-model") +
                           " is not a FlyStage model file (its header has no format "
                           "'flystage-model'); choose the file that 'export-model' wrote"});
    }
    cases.push_back({"zip.flystage-model", std::string("PK\x03\x04", 4) + std::string(60, 'x'),
                     f("zip.flystage-model") +
                         " is a zip archive (LibTorch's format, which can run code when it is "
                         "loaded), not a FlyStage model file; it is not read"});
    {
      TensorFile noSpec = readTensorFile(bytes, "good");
      noSpec.metadata.erase("spec");
      cases.push_back(
          {"nospec.flystage-model", writeTensorFile(noSpec),
           f("nospec.flystage-model") + " lacks 'spec' in its header; " + kExportAgain});
    }
    {
      // Crafted with valid checksums (a checksum is no signature): the architecture check
      // still refuses a tensor of the wrong shape.
      ModelPackage p = readModelPackage(bytes, "good");
      TensorFile w = readTensorFile(p.weights, "weights");
      const std::string name = w.tensors.front().first;
      w.tensors.front().second = torch::zeros({3});
      p.weights = writeTensorFile(w);
      p.weightsSha256 = sha256Hex(p.weights);
      cases.push_back({"shape.flystage-model", writeModelPackage(p),
                       f("shape.flystage-model") + " does not match its architecture (tensor '" +
                           name + "' has the wrong type or shape)"});
    }
    {
      ModelPackage p = readModelPackage(bytes, "good");
      p.method = "magic";
      cases.push_back(
          {"method.flystage-model", writeModelPackage(p),
           f("method.flystage-model") + ": its method: " + errorOf([] { parseMethod("magic"); })});
    }

    {
      // Valid checksums and a provenance nested a million levels deep: it parsed, and writing
      // it into the run's settings on import overflowed the stack (a crash, not a refusal).
      ModelPackage p = readModelPackage(bytes, "good");
      p.provenanceJson =
          "{\"project\":" + std::string(1000000, '[') + std::string(1000000, ']') + "}";
      cases.push_back({"deep.flystage-model", writeModelPackage(p),
                       f("deep.flystage-model") +
                           ": its 'provenance' nests deeper than 32 levels, which FlyStage "
                           "never writes; " +
                           kExportAgain});
    }

    const std::string before = readBytes(b);
    for (const auto& c : cases) {
      writeBytes(dir_ / c.name, c.bytes);
      QCOMPARE(errorOf([&] { readModelPackageFile(dir_ / c.name); }), c.message);
      const auto r = test::runCli({"import-model", qs(b), qs(dir_ / c.name)});
      QCOMPARE(r.code, 1);
      QCOMPARE(r.err.trimmed(), "flystage-cli: error: " + QString::fromStdString(c.message));
      QCOMPARE(readBytes(b), before);
    }
    // predict --model imports the file first: refused the same way, nothing predicted.
    for (const auto& c : cases) {
      const auto predict = test::runCli(
          {"predict", qs(b), "--model", qs(dir_ / c.name), "--csv", qs(dir_ / "p.csv")});
      QCOMPARE(predict.err.trimmed(), "flystage-cli: error: " + QString::fromStdString(c.message));
      QCOMPARE(predict.code, 1);
      QVERIFY(!std::filesystem::exists(dir_ / "p.csv"));
      QCOMPARE(readBytes(b), before);
    }
    Project pb = Project::open(b, OpenMode::ReadOnly);
    QVERIFY(runstore::runs(pb).empty());
    QCOMPARE(errorOf([&] { readModelPackageFile(dir_ / "none.flystage-model"); }),
             f("none.flystage-model") + ": no such model file");
  }

  // Export writes a model file or replaces one; anything else is left as it is.
  void exportNeverOverwritesAFileThatIsNotAModel() {
    Project a = Project::open(a_, OpenMode::ReadOnly);
    const auto notes = dir_ / "notes.flystage-model";
    test::writeText(notes, "my notes\n");
    QCOMPARE(errorOf([&] { exportModel(a, plain_, notes); }),
             notes.string() +
                 " exists and is not a FlyStage model file; it was left as it is (choose "
                 "another name)");
    QCOMPARE(readBytes(notes), std::string("my notes\n"));
    const std::string project = readBytes(a_);
    const auto r =
        test::runCli({"export-model", qs(a_), "--run", QString::number(plain_), "--out", qs(a_)});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(), "flystage-cli: error: " + qs(a_) +
                                  " exists and is not a FlyStage model file; it was left as it "
                                  "is (choose another name)");
    QCOMPARE(readBytes(a_), project);
    // A model file is replaced, all at once, with no temporary file left.
    const auto model = dir_ / "replace.flystage-model";
    exportModel(a, gabor_, model);
    QCOMPARE(readModelPackageFile(model).method, std::string("gabor"));
    const auto again = test::runCli(
        {"export-model", qs(a_), "--run", QString::number(plain_), "--out", qs(model)});
    QVERIFY2(again.code == 0, qPrintable(why(again)));
    QCOMPARE(readModelPackageFile(model).method, std::string("plain"));
    QVERIFY(!std::filesystem::exists(dir_ / "replace.flystage-model.part"));
    // Only a finished run has a model to export.
    QCOMPARE(errorOf([&] { exportModel(a, 99, dir_ / "x.flystage-model"); }),
             a_.string() + ": there is no run #99");
    QVERIFY(!std::filesystem::exists(dir_ / "x.flystage-model"));
  }
};

QTEST_GUILESS_MAIN(ModelPackageTest)
#include "ModelPackageTest.moc"
