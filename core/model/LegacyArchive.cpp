#include "model/LegacyArchive.h"

#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "baseline/GaborModel.h"
#include "model/ModelFile.h"
#include "model/TensorFile.h"
#include "store/Project.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"
#include "util/Sha256.h"

namespace flystage {

namespace {

// The one place FlyStage still reads a LibTorch archive (it may execute what it holds).
torch::serialize::InputArchive openArchive(const std::string& bytes) {
  std::istringstream in(bytes);
  torch::serialize::InputArchive archive;
  archive.load_from(in);
  return archive;
}

ModelBlob convertNetwork(const std::string& specJson, const std::string& weights,
                         const std::string& what) {
  ResNet model(ModelSpec::fromJson(specJson));
  std::vector<std::vector<int64_t>> shapes;
  for (const auto& t : model->parameters()) shapes.push_back(t.sizes().vec());
  for (const auto& t : model->buffers()) shapes.push_back(t.sizes().vec());
  auto archive = openArchive(weights);
  model->load(archive);
  // LibTorch's load replaces tensors whatever their shape.
  std::size_t i = 0;
  for (const auto& t : model->parameters())
    if (t.sizes().vec() != shapes[i++]) throw Error(what + ": a weight has the wrong shape");
  for (const auto& t : model->buffers())
    if (t.sizes().vec() != shapes[i++]) throw Error(what + ": a buffer has the wrong shape");
  auto blob = saveModel(model);
  loadModel(blob, what);  // the converted model passes every check of the new format
  return blob;
}

std::string convertGabor(const std::string& specJson, const std::string& weights,
                         const std::string& what) {
  const auto j = nlohmann::json::parse(specJson);
  GaborModel m;
  m.height = j.at("input_height").get<int>();
  m.width = j.at("input_width").get<int>();
  m.l2 = j.at("l2").get<double>();
  auto archive = openArchive(weights);
  archive.read("mean", m.mean);
  archive.read("std", m.std);
  archive.read("weight", m.weight);
  archive.read("bias", m.bias);
  const auto bytes = m.weightsBytes();
  GaborModel::load(specJson, bytes, what);  // the new format's checks
  return bytes;
}

}  // namespace

LegacyMigration migrateLegacyModels(Project& project, bool trustModels) {
  LegacyMigration out;
  auto& db = project.db();
  const std::string file = project.file().string();
  struct Row {
    std::int64_t id, run;
    std::string role, specJson, weights;
  };
  std::vector<Row> models;
  {
    SQLite::Statement q(db,
                        "SELECT id, run_id, role, architecture_json, weights FROM models ORDER BY "
                        "run_id, role");
    while (q.executeStep()) {
      const auto blob = q.getColumn(4);
      std::string weights(static_cast<const char*>(blob.getBlob()), blob.getBytes());
      if (!isLegacyTorchArchive(weights)) continue;
      models.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                        q.getColumn(2).getString(), q.getColumn(3).getString(),
                        std::move(weights)});
    }
  }
  std::vector<std::int64_t> checkpoints;
  {
    SQLite::Statement q(db, "SELECT run_id, state FROM checkpoints ORDER BY run_id");
    while (q.executeStep()) {
      const auto blob = q.getColumn(1);
      if (isLegacyTorchArchive(
              std::string(static_cast<const char*>(blob.getBlob()), blob.getBytes())))
        checkpoints.push_back(q.getColumn(0).getInt64());
    }
  }
  out.models = static_cast<int>(models.size());
  out.checkpoints = static_cast<int>(checkpoints.size());
  if (!trustModels) {
    for (const auto& m : models)
      out.lines.push_back("run #" + std::to_string(m.run) + ": " + m.role +
                          " model in the old format (not read)");
    for (auto run : checkpoints)
      out.lines.push_back("run #" + std::to_string(run) +
                          ": checkpoint in the old format (not read)");
    return out;
  }
  WriteTransaction tx(db);
  for (const auto& m : models) {
    const std::string what = file + ": run #" + std::to_string(m.run) + "'s " + m.role + " model";
    std::string weights;
    try {
      const auto spec = nlohmann::json::parse(m.specJson, nullptr, false);
      const bool gabor = spec.is_object() && spec.value("kind", "") == "gabor";
      weights = gabor ? convertGabor(m.specJson, m.weights, what)
                      : convertNetwork(m.specJson, m.weights, what).weights;
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      throw Error(what + " cannot be converted (" + std::string(e.what()).substr(0, 160) +
                  "); nothing was changed");
    }
    SQLite::Statement u(db, "UPDATE models SET weights = ?, sha256 = ? WHERE id = ?");
    u.bindNoCopy(1, weights.data(), static_cast<int>(weights.size()));
    u.bind(2, sha256Hex(weights));
    u.bind(3, static_cast<int64_t>(m.id));
    u.exec();
    out.lines.push_back("run #" + std::to_string(m.run) + ": " + m.role +
                        " model converted to the data-only format");
  }
  for (auto run : checkpoints) {
    SQLite::Statement d(db, "DELETE FROM checkpoints WHERE run_id = ?");
    d.bind(1, static_cast<int64_t>(run));
    d.exec();
    out.lines.push_back("run #" + std::to_string(run) +
                        ": old-format checkpoint dropped; 'flystage-cli train --resume " +
                        std::to_string(run) + "' starts it again from its first epoch");
  }
  tx.commit();
  return out;
}

}  // namespace flystage
