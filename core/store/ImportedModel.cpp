#include "store/ImportedModel.h"

#include <cmath>
#include <limits>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "model/ModelPackage.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "store/WriteTransaction.h"
#include "train/TrainConfig.h"
#include "util/Error.h"

namespace flystage {

namespace {

using Json = nlohmann::json;

std::string text(const Json& j, const char* key) {
  if (!j.contains(key)) return "?";
  const auto& v = j[key];
  return v.is_string() ? v.get<std::string>() : v.dump();
}

}  // namespace

std::string importedMethodName(const std::string& trainedMethod) {
  return trainedMethod + kImportedSuffix;
}

bool isImportedMethod(const std::string& runMethod) {
  const std::string suffix = kImportedSuffix;
  return runMethod.size() > suffix.size() &&
         runMethod.compare(runMethod.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string trainedMethodName(const std::string& runMethod) {
  return isImportedMethod(runMethod)
             ? runMethod.substr(0, runMethod.size() - std::string(kImportedSuffix).size())
             : runMethod;
}

ImportedRun importModel(Project& project, const ModelPackage& package,
                        const std::string& modelFile) {
  WriteTransaction tx(project.db());
  {
    SQLite::Statement same(project.db(),
                           "SELECT run_id FROM models WHERE role = 'final' AND sha256 = ? ORDER "
                           "BY run_id LIMIT 1");
    same.bind(1, package.weightsSha256);
    if (same.executeStep()) return {same.getColumn(0).getInt64(), false};
  }
  const Json training = Json::parse(package.trainingJson);
  // Settings as this FlyStage writes them (readModelPackage checked that they read back).
  Json params = Json::parse(TrainConfig::fromJson(training.at("params").dump()).toJson());
  Json from = Json::parse(package.provenanceJson);
  from["model_file"] = modelFile;
  from["weights_sha256"] = package.weightsSha256;
  {
    SQLite::Statement now(project.db(), "SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')");
    now.executeStep();
    from["imported_at"] = now.getColumn(0).getString();
  }
  params[kImportedFromKey] = from;
  const Json versions = training.value("versions", Json::object());

  RunRecord r;
  r.method = importedMethodName(package.method);
  r.preset = package.preset;
  r.seed = package.seed;
  r.status = "finished";
  r.device = versions.contains("device") && versions["device"].is_string()
                 ? versions["device"].get<std::string>()
                 : "";
  const auto replace = Json::error_handler_t::replace;
  r.paramsJson = params.dump(-1, ' ', false, replace);
  r.versionsJson = versions.dump(-1, ' ', false, replace);
  const std::int64_t id = runstore::createRun(project, r);
  const Json duration = training.value("duration_s", Json());
  runstore::setStatus(project, id, "finished", duration.is_number() ? duration.get<double>() : 0.0);
  runstore::saveModel(project, id,
                      {"final", package.specJson, package.weights, package.weightsSha256});
  // Its figures are its training project's: they are listed as they were measured there.
  const Json metrics = training.value("metrics", Json::object());
  for (const auto& [name, m] : metrics.items()) {
    const Json value = m.value("value", Json());
    const Json json = m.value("json", Json());
    runstore::setMetric(
        project, id, name,
        value.is_number() ? value.get<double>() : std::numeric_limits<double>::quiet_NaN(),
        json.is_string() ? json.get<std::string>() : std::string());
  }
  tx.commit();
  return {id, true};
}

std::optional<std::string> importedRunProvenance(const RunRecord& run) {
  try {
    const Json params = Json::parse(run.paramsJson);
    if (!params.contains(kImportedFromKey)) return std::nullopt;
    const Json& p = params[kImportedFromKey];
    return "imported from " + text(p, "model_file") + ": trained in " + text(p, "project") +
           " run #" + text(p, "run") + " (" + text(p, "images") + " images), finished " +
           text(p, "finished_at") + " with FlyStage " + text(p, "flystage") + "; imported " +
           text(p, "imported_at") + "; weights sha256 " + text(p, "weights_sha256");
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace flystage
