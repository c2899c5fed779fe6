// A project file is data, never code (issue 14, item 1). Models and checkpoints are stored as
// named tensors (TensorFile, the safetensors layout) read by FlyStage's own bounds-checked
// code; LibTorch archives, which run code when loaded, are never read except by
// `flystage-cli migrate --trust-models`. User-facing cases run the real flystage-cli
// (test::cliPath()).
#include <QtTest>

#include <fstream>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <torch/script.h>

#include "baseline/GaborModel.h"
#include "model/ModelFile.h"
#include "model/Predictor.h"
#include "model/Presets.h"
#include "model/TensorFile.h"
#include "store/ImageList.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "train/Trainer.h"
#include "util/Error.h"
#include "util/Sha256.h"

using namespace flystage;

using flystage::test::qs;
using flystage::test::readBytes;
using flystage::test::why;

namespace {

// A TorchScript module whose __setstate__ overwrites `victim` with 'X' bytes when the archive is
// loaded: what a hostile lab could put in a project's model blob. LibTorch's archive reader
// (torch::jit::load, behind torch::serialize::InputArchive) runs it.
std::string hostileArchive(const std::filesystem::path& victim) {
  torch::jit::Module m("__torch__.Hostile");
  m.register_attribute("path", c10::StringType::get(), victim.string());
  // Kept in an attribute, or TorchScript's dead-code pass drops the write.
  m.register_attribute("mapped", c10::TensorType::get(), torch::zeros({1}));
  m.define(R"JIT(
def __getstate__(self):
    return (self.path, )

def __setstate__(self, state: Tuple[str]):
    self.path = state[0]
    self.mapped = torch.from_file(self.path, True, 8, dtype=0).fill_(88)  # 0: uint8
)JIT");
  std::ostringstream out;
  m.save(out);
  return out.str();
}

// What FlyStage stored before weights format 2: the network in a LibTorch archive.
std::string legacyArchiveOf(ResNet& model) {
  torch::serialize::OutputArchive archive;
  archive.write("format_version", torch::tensor(1));
  model->save(archive);
  std::ostringstream out;
  archive.save_to(out);
  return out.str();
}

void replaceModelBytes(const std::filesystem::path& project, std::int64_t run,
                       const std::string& bytes) {
  SQLite::Database db(project.string(), SQLite::OPEN_READWRITE);
  SQLite::Statement q(db, "UPDATE models SET weights = ?, sha256 = ? WHERE run_id = ?");
  q.bindNoCopy(1, bytes.data(), static_cast<int>(bytes.size()));
  q.bind(2, sha256Hex(bytes));
  q.bind(3, static_cast<int64_t>(run));
  QCOMPARE(q.exec(), 1);
}

ModelBlob blobWith(const TensorFile& file) {
  auto net = makeResNet(preset("tiny").spec, 1);
  ModelBlob blob = saveModel(net);
  blob.weights = writeTensorFile(file);
  blob.sha256 = sha256Hex(blob.weights);
  return blob;
}

std::string header(const std::string& json, const std::string& data = {}) {
  std::string out;
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((json.size() >> (8 * i)) & 0xff));
  return out + json + data;
}

}  // namespace

class ModelTrustTest : public QObject {
  Q_OBJECT

  test::TempDir dir_;
  std::filesystem::path project_;
  std::int64_t run_ = 0;

 private Q_SLOTS:
  void initTestCase() {
    project_ = test::makeSyntheticProject(dir_);
    Project p = Project::open(project_, OpenMode::Existing);
    TrainConfig config = TrainConfig::forPreset(Method::Plain, "tiny");
    config.device = "cpu";
    config.plainEpochs = 1;
    run_ = train(p, config, {});
  }

  void tensorFilesRoundTripEveryStoredType() {
    TensorFile file;
    file.metadata = {{"kind", "test"}};
    file.tensors = {
        {"f32", torch::randn({3, 4})},
        {"f64", torch::randn({2}, torch::kFloat64)},
        {"i64", torch::arange(5)},
        {"u8", torch::arange(7, torch::kUInt8)},
        {"bf16", torch::randn({4}).to(torch::kBFloat16)},
        {"empty", torch::zeros({0, 3})},
        {"scalar", torch::tensor(2.5, torch::kFloat64)},
        // channels-last storage is written in logical (contiguous) order
        {"nhwc", torch::randn({2, 3, 4, 5}).contiguous(torch::MemoryFormat::ChannelsLast)}};
    const auto bytes = writeTensorFile(file);
    QCOMPARE(static_cast<unsigned char>(bytes[8]), static_cast<unsigned char>('{'));
    const auto back = readTensorFile(bytes, "t");
    QCOMPARE(back.tensors.size(), file.tensors.size());
    QCOMPARE(back.metadata.at("kind"), std::string("test"));
    for (const auto& [name, t] : file.tensors) {
      const auto* r = back.find(name);
      QVERIFY2(r, name.c_str());
      QCOMPARE(r->scalar_type(), t.scalar_type());
      QVERIFY2(torch::equal(*r, t), name.c_str());
    }
  }

  // Every bound of the layout is checked before a byte is used.
  void hostileTensorFilesAreRefused_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const std::string f32 = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    auto row = [](const char* name, const std::string& bytes, const char* reason) {
      QTest::newRow(name) << QByteArray(bytes.data(), static_cast<int>(bytes.size()))
                          << QString(reason);
    };
    row("too short", "abc", "shorter than its header");
    const std::string pastTheEnd =
        "header length " + std::to_string(f32.size()) + " exceeds the data";
    row("header past the end", header(f32, std::string(8, '\0')).substr(0, 20), pastTheEnd.c_str());
    row("huge header length", std::string("\xff\xff\xff\xff\xff\xff\xff\x7f{}", 10),
        "header length 9223372036854775807 exceeds the data");
    row("not json", header("{\"a\":", ""), "header is not JSON");
    row("nested too deep", header(std::string(1000, '[') + std::string(1000, ']')),
        "header nests too deep");
    row("array header", header("[]"), "header is not a JSON object");
    row("unknown dtype", header(R"({"a":{"dtype":"PYOBJ","shape":[1],"data_offsets":[0,1]}})", "x"),
        "tensor 'a' has an unknown dtype");
    row("bool dtype", header(R"({"a":{"dtype":"BOOL","shape":[1],"data_offsets":[0,1]}})", "\x07"),
        "tensor 'a' has an unknown dtype");
    row("negative size",
        header(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", std::string(8, '\0')),
        "tensor 'a''s shape is not a non-negative integer");
    row("size over the data",
        header(R"({"a":{"dtype":"U8","shape":[4294967296,4294967296],"data_offsets":[0,0]}})"),
        "tensor 'a' has a size over 2^31");
    row("shape product over the data",
        header(R"({"a":{"dtype":"U8","shape":[65536,65536],"data_offsets":[0,4]}})", "abcd"),
        "tensor 'a' is larger than the data");
    row("range shorter than the shape",
        header(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})", std::string(8, '\0')),
        "tensor 'a''s byte range does not match its shape and the data");
    row("range past the data", header(f32, std::string(4, '\0')),
        "tensor 'a''s byte range does not match its shape and the data");
    row("gap before a tensor",
        header(R"({"a":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}})", "hide"),
        "tensor 'a' leaves a gap or overlaps");
    row("overlap",
        header(R"({"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},)"
               R"("b":{"dtype":"U8","shape":[2],"data_offsets":[1,3]}})",
               "abc"),
        "tensor 'b' leaves a gap or overlaps");
    row("bytes after the last tensor", header(f32, std::string(12, '\0')),
        "bytes after the last tensor");
    row("metadata not text", header(R"({"__metadata__":{"k":1}})"), "metadata 'k' is not a string");
  }
  void hostileTensorFilesAreRefused() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const std::string message =
        test::errorOf([&] { readTensorFile(std::string(bytes.constData(), bytes.size()), "W"); });
    QCOMPARE(QString::fromStdString(message),
             "W is damaged or not FlyStage's weights format (" + reason +
                 "); retrain it or restore the project from a backup");
  }

  // A model whose bytes parse but do not fit its architecture, or hold NaN, is refused.
  void modelsThatDoNotFitTheirNetworkAreRefused() {
    auto net = makeResNet(preset("tiny").spec, 1);
    const auto good = readTensorFile(saveModel(net).weights, "t");

    auto extra = good;
    extra.tensors.emplace_back("payload", torch::zeros({4}));
    QCOMPARE(test::errorOf([&] { loadModel(blobWith(extra), "M"); }),
             std::string("M does not match its architecture (unexpected tensor 'payload')"));

    auto missing = good;
    const std::string dropped = missing.tensors.front().first;
    missing.tensors.erase(missing.tensors.begin());
    QCOMPARE(test::errorOf([&] { loadModel(blobWith(missing), "M"); }),
             "M does not match its architecture (no tensor '" + dropped + "')");

    auto reshaped = good;
    reshaped.tensors.front().second = torch::zeros({1});
    QCOMPARE(test::errorOf([&] { loadModel(blobWith(reshaped), "M"); }),
             "M does not match its architecture (tensor '" + reshaped.tensors.front().first +
                 "' has the wrong type or shape)");

    auto nan = good;
    for (auto& [name, t] : nan.tensors)
      if (name == "head.weight") t = t.clone().fill_(std::nan(""));
    QCOMPARE(test::errorOf([&] { loadModel(blobWith(nan), "M"); }),
             std::string("M holds NaN or infinite weights (tensor 'head.weight'); retrain it"));

    auto oldVersion = good;
    oldVersion.metadata["format_version"] = "1";
    QCOMPARE(test::errorOf([&] { loadModel(blobWith(oldVersion), "M"); }),
             std::string("M has weights format version '1', not the supported 2; open the "
                         "project with the FlyStage that made it"));

    auto gabor = good;
    gabor.metadata["kind"] = "gabor";
    QCOMPARE(test::errorOf([&] { loadModel(blobWith(gabor), "M"); }),
             std::string("M is not a FlyStage network's weights; retrain it"));

    // And the model as saved loads and predicts as its source.
    auto again = loadModel(saveModel(net));
    torch::NoGradGuard g;
    const auto x = torch::rand({2, 3, net->spec.inputHeight, net->spec.inputWidth});
    net->eval();
    QVERIFY(torch::allclose(net->forward(x), again->forward(x), 1e-5, 1e-6));
  }

  void gaborModelsAreCheckedToo() {
    GaborModel m;
    m.height = 32;
    m.width = 80;
    // Shapes are checked against the filter bank's feature size: a 3-feature model is refused.
    m.mean = torch::zeros({3});
    m.std = torch::ones({3});
    m.weight = torch::zeros({14, 3});
    m.bias = torch::zeros({14});
    QCOMPARE(test::errorOf([&] { GaborModel::load(m.specJson(), m.weightsBytes(), "G"); }),
             std::string("G's tensor 'mean' has the wrong type or shape"));
    auto big = m;
    big.width = 100000;  // building the filter bank at this size would take gigabytes
    QCOMPARE(test::errorOf([&] { GaborModel::load(big.specJson(), big.weightsBytes(), "G"); }),
             std::string("G's description is invalid: input size out of range"));
  }

  // The attack of the issue: a project whose model blob is a scripted module (checksum
  // updated) overwrote a file of the user's during `predict`. No load path reads it now.
  void aHostileModelArchiveNeverRuns() {
    test::TempDir work;
    const auto victim = work / "precious.txt";
    test::writeText(victim, "precious data\n");

    // The archive is real: LibTorch's reader, which FlyStage used to load models with, runs
    // it and overwrites the file.
    {
      const auto probe = work / "probe.txt";
      test::writeText(probe, "precious data\n");
      std::istringstream in(hostileArchive(probe));
      torch::serialize::InputArchive archive;
      archive.load_from(in);
      QCOMPARE(readBytes(probe).substr(0, 8), std::string("XXXXXXXX"));
    }

    const auto project = work / "shared.flystage";
    std::filesystem::copy_file(project_, project);
    replaceModelBytes(project, run_, hostileArchive(victim));
    {  // the run's checkpoint too, so that resume meets it
      SQLite::Database db(project.string(), SQLite::OPEN_READWRITE);
      const auto bytes = hostileArchive(victim);
      SQLite::Statement q(db,
                          "INSERT INTO checkpoints(run_id, phase, epoch, state, sha256) VALUES "
                          "(?, 0, 1, ?, ?)");
      q.bind(1, static_cast<int64_t>(run_));
      q.bindNoCopy(2, bytes.data(), static_cast<int>(bytes.size()));
      q.bind(3, sha256Hex(bytes));
      q.exec();
      db.exec("UPDATE runs SET status = 'cancelled' WHERE id = " + std::to_string(run_));
    }
    const QString run = QString::number(run_);
    const QString refusal = "flystage-cli: error: " + qs(project) + ": run #" + run +
                            "'s model is stored in FlyStage's old format (a LibTorch archive, "
                            "which can run code when it is loaded), so it is not read. If you "
                            "trust where this project came from, convert it once with "
                            "'flystage-cli migrate " +
                            qs(project) + " --trust-models'; otherwise train the run again";
    const QList<QStringList> commands = {
        {"predict", qs(project), "--run", run, "--csv", qs(work / "p.csv")},
        {"saliency", qs(project), "--run", run, "--image", "1", "--out", qs(work / "s.png")},
        {"gem", qs(project), "--run", run, "--masked", "--out", qs(work / "g.png")},
        {"train", qs(project), "--resume", run},
    };
    for (const auto& args : commands) {
      const auto r = test::runCli(args);
      QVERIFY2(r.code != 0, qPrintable(args.join(' ') + ": " + why(r)));
      QCOMPARE(readBytes(victim), std::string("precious data\n"));
      if (args.contains("--resume")) {
        QVERIFY2(r.err.contains("run #" + run + "'s checkpoint is stored in FlyStage's old format"),
                 qPrintable(why(r)));
      } else {
        QCOMPARE(r.err.trimmed(), refusal);
      }
    }
    // The core load paths the desktop application uses (train --from-run loads through
    // loadStoredModel too).
    Project p = Project::open(project, OpenMode::ReadOnly);
    QCOMPARE(test::errorOf([&] { loadStoredModel(p, run_, "final"); }),
             refusal.mid(QString("flystage-cli: error: ").size()).toStdString());
    QCOMPARE(test::errorOf([&] { predictStages(p, run_, {1}); }),
             refusal.mid(QString("flystage-cli: error: ").size()).toStdString());
    QCOMPARE(readBytes(victim), std::string("precious data\n"));

    // migrate without --trust-models reads nothing and changes nothing.
    const auto before = readBytes(project);
    const auto r = test::runCli({"migrate", qs(project)});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("1 model(s) and 1 checkpoint(s) are stored in FlyStage's old format, "
                            "which can run code when loaded, so they were not read and nothing "
                            "was changed."),
             qPrintable(why(r)));
    QCOMPARE(readBytes(victim), std::string("precious data\n"));
    QVERIFY(readBytes(project) == before);
  }

  // An older project's real models: refused until the user trusts them, then converted once;
  // the converted model predicts exactly what the original did.
  void legacyModelsMigrateOnlyWhenTrusted() {
    test::TempDir work;
    const auto project = work / "old.flystage";
    std::filesystem::copy_file(project_, project);
    std::vector<StagePrediction> expected;
    {
      Project p = Project::open(project, OpenMode::Existing);
      expected = predictStages(p, run_, p.imageIds());
      auto net = loadStoredModel(p, run_, "final");
      net->setChannelsLast(false);  // as old FlyStage stored them
      const auto legacy = legacyArchiveOf(net);
      QVERIFY(isLegacyTorchArchive(legacy));
      replaceModelBytes(project, run_, legacy);
    }
    const QString run = QString::number(run_);
    auto r = test::runCli({"predict", qs(project), "--run", run, "--csv", qs(work / "p.csv")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("'flystage-cli migrate " + qs(project) + " --trust-models'"),
             qPrintable(why(r)));

    r = test::runCli({"migrate", qs(project), "--trust-models"});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QVERIFY2(r.out.contains("run #" + run + ": final model converted to the data-only format"),
             qPrintable(why(r)));
    QVERIFY2(r.out.contains("1 model(s) converted, 0 old checkpoint(s) dropped"),
             qPrintable(why(r)));

    Project p = Project::open(project, OpenMode::ReadOnly);
    const auto stored = runstore::model(p, run_, "final").value();
    QVERIFY(!isLegacyTorchArchive(stored.weights));
    const auto after = predictStages(p, run_, p.imageIds());
    QCOMPARE(after.size(), expected.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
      QCOMPARE(after[i].stage, expected[i].stage);
      for (std::size_t k = 0; k < after[i].probabilities.size(); ++k)
        QVERIFY(std::abs(after[i].probabilities[k] - expected[i].probabilities[k]) < 1e-5);
    }
    r = test::runCli({"migrate", qs(project)});
    QVERIFY2(r.code == 0, qPrintable(why(r)));
    QVERIFY2(r.out.contains("up to date; no model in the old format"), qPrintable(why(r)));
  }
};

QTEST_GUILESS_MAIN(ModelTrustTest)
#include "ModelTrustTest.moc"
