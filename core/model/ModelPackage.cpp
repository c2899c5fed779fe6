#include "model/ModelPackage.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <stdexcept>
#include <system_error>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "Version.h"
#include "baseline/GaborModel.h"
#include "eval/StageMetrics.h"
#include "model/ModelFile.h"
#include "model/TensorFile.h"
#include "store/ImportedModel.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "train/TrainConfig.h"
#include "util/AtomicFile.h"
#include "util/BoundedJson.h"
#include "util/Error.h"
#include "util/Sha256.h"

namespace flystage {

namespace {

using Json = nlohmann::json;
using Metadata = std::map<std::string, std::string>;

constexpr const char* kStages = "4..17";
constexpr const char* kExportAgain = "export the model again from the project it was trained in";
const char* const kRequiredKeys[] = {
    "kind",   "weights_format_version", "method",     "preset",         "seed",  "spec",
    "stages", "training_summary",       "provenance", "weights_sha256", "sha256"};

std::string utcNow() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// The checksum covers every metadata value (but itself) and the weights.
std::string packageChecksum(Metadata meta, const std::string& weights) {
  meta.erase("sha256");
  return sha256Hex(Json(meta).dump(-1, ' ', false, Json::error_handler_t::replace) + '\n' +
                   weights);
}

// The weights as a project stores them: the tensors sorted by name (as readTensorFile gives
// them), so the same model always has the same bytes and checksum.
std::string canonicalWeights(const TensorFile& file, const std::string& kind,
                             const std::string& formatVersion) {
  TensorFile out;
  out.tensors = file.tensors;
  out.metadata = {{"format", kWeightsFormat}, {"format_version", formatVersion}, {"kind", kind}};
  return writeTensorFile(out);
}

// TensorFile's refusals end with advice for a project; a model file is exported again.
TensorFile readTensors(const std::string& bytes, const std::string& what) {
  try {
    return readTensorFile(bytes, what);
  } catch (const Error& e) {
    std::string message = e.what();
    const std::string projectAdvice = "retrain it or restore the project from a backup";
    const auto at = message.rfind(projectAdvice);
    if (at != std::string::npos && at + projectAdvice.size() == message.size())
      message.replace(at, projectAdvice.size(), kExportAgain);
    throw Error(message);
  }
}

// Loads the model as prediction would (architecture, names, dtypes, shapes, finite values).
void checkLoads(const std::string& kind, const std::string& specJson, const std::string& weights,
                const std::string& what) {
  if (kind == "gabor")
    GaborModel::load(specJson, weights, what);
  else
    loadCheckedModel({specJson, weights, sha256Hex(weights)}, what);
}

// What FlyStage writes nests a few levels; a hostile text nested a million levels deep
// parses, but writing it out again (dump) recurses once per level and overflows the stack.
constexpr int kMaxJsonDepth = 32;

Json parseObject(const std::string& text, const std::string& what, const std::string& key) {
  std::optional<Json> j;
  try {
    j = parseBoundedJson(text, kMaxJsonDepth);
  } catch (const Json::exception&) {
    throw Error(what + ": its '" + key + "' is not JSON; " + kExportAgain);
  }
  if (!j)
    throw Error(what + ": its '" + key + "' nests deeper than " + std::to_string(kMaxJsonDepth) +
                " levels, which FlyStage never writes; " + kExportAgain);
  if (!j->is_object())
    throw Error(what + ": its '" + key + "' is not a JSON object; " + kExportAgain);
  return *j;
}

std::string runTimes(Project& project, std::int64_t runId, std::string& finishedAt) {
  SQLite::Statement q(project.db(), "SELECT started_at, finished_at FROM runs WHERE id = ?");
  q.bind(1, static_cast<int64_t>(runId));
  if (!q.executeStep()) return {};
  finishedAt = q.getColumn(1).isNull() ? "" : q.getColumn(1).getString();
  return q.getColumn(0).getString();
}

Json runMetrics(Project& project, std::int64_t runId) {
  Json metrics = Json::object();
  SQLite::Statement q(project.db(),
                      "SELECT name, value, json FROM metrics WHERE run_id = ? ORDER BY name");
  q.bind(1, static_cast<int64_t>(runId));
  while (q.executeStep()) {
    Json m;
    m["value"] = q.getColumn(1).isNull() ? Json() : Json(q.getColumn(1).getDouble());
    // The text as stored, so an imported run's figures read back byte for byte.
    m["json"] = q.getColumn(2).isNull() ? Json() : Json(q.getColumn(2).getString());
    metrics[q.getColumn(0).getString()] = m;
  }
  return metrics;
}

int runEpochCount(Project& project, std::int64_t runId) {
  SQLite::Statement q(project.db(), "SELECT count(*) FROM run_epochs WHERE run_id = ?");
  q.bind(1, static_cast<int64_t>(runId));
  q.executeStep();
  return q.getColumn(0).getInt();
}

}  // namespace

ModelPackage packageOfRun(Project& project, std::int64_t runId) {
  const std::string where = project.file().string() + ": run #" + std::to_string(runId);
  const auto run = runstore::run(project, runId);
  if (!run) throw Error(project.file().string() + ": there is no run #" + std::to_string(runId));
  if (run->status != "finished")
    throw Error(where + " has not finished (status: " + run->status +
                "); only a finished run's model can be exported");
  std::string what;
  const ModelBlob stored = storedModelBlob(project, runId, "final", what);
  const TensorFile tensors = readTensorFile(stored.weights, what);
  const auto kindIt = tensors.metadata.find("kind");
  const std::string kind = kindIt == tensors.metadata.end() ? "" : kindIt->second;
  checkLoads(kind, stored.specJson, stored.weights, what);

  ModelPackage p;
  p.kind = kind;
  p.method = trainedMethodName(run->method);
  p.preset = run->preset;
  p.seed = run->seed;
  p.specJson = stored.specJson;
  p.weights = canonicalWeights(tensors, kind, std::to_string(kModelFormatVersion));
  p.weightsSha256 = sha256Hex(p.weights);

  Json params = Json::parse(run->paramsJson);
  Json provenance;
  if (params.contains(kImportedFromKey)) {
    // Exported again: the model's origin stays the project it was trained in.
    provenance = params[kImportedFromKey];
    params.erase(kImportedFromKey);
  } else {
    std::string finishedAt;
    const std::string startedAt = runTimes(project, runId, finishedAt);
    const Json versions = Json::parse(run->versionsJson.empty() ? "{}" : run->versionsJson);
    provenance["project"] = project.file().filename().string();
    provenance["run"] = runId;
    provenance["images"] = project.imageIds().size();
    provenance["started_at"] = startedAt;
    provenance["finished_at"] = finishedAt;
    provenance["flystage"] = versions.value("flystage", "");
  }
  provenance["exported_at"] = utcNow();
  provenance["exported_by"] = std::string("FlyStage ") + kVersion;
  Json training;
  training["params"] = params;
  training["versions"] = Json::parse(run->versionsJson.empty() ? "{}" : run->versionsJson);
  training["metrics"] = runMetrics(project, runId);
  training["epochs"] = runEpochCount(project, runId);
  training["duration_s"] = run->durationSeconds;
  const auto replace = Json::error_handler_t::replace;  // a Latin-1 project name stays readable
  p.trainingJson = training.dump(-1, ' ', false, replace);
  p.provenanceJson = provenance.dump(-1, ' ', false, replace);
  return p;
}

std::string writeModelPackage(const ModelPackage& p) {
  const TensorFile weights = readTensorFile(p.weights, "the model's weights");
  const auto version = weights.metadata.find("format_version");
  TensorFile out;
  out.tensors = weights.tensors;
  out.metadata = {{"format", kModelPackageFormat},
                  {"format_version", std::to_string(kModelPackageVersion)},
                  {"kind", p.kind},
                  {"weights_format_version",
                   version == weights.metadata.end() ? std::string() : version->second},
                  {"method", p.method},
                  {"preset", p.preset},
                  {"seed", std::to_string(p.seed)},
                  {"spec", p.specJson},
                  {"stages", kStages},
                  {"training_summary", p.trainingJson},
                  {"provenance", p.provenanceJson},
                  {"weights_sha256", p.weightsSha256}};
  out.metadata["sha256"] = packageChecksum(out.metadata, p.weights);
  return writeTensorFile(out);
}

ModelPackage readModelPackage(const std::string& bytes, const std::string& what) {
  static const std::string sqlite("SQLite format 3\0", 16);
  if (bytes.compare(0, sqlite.size(), sqlite) == 0)
    throw Error(what +
                " is an SQLite database (a FlyStage project?), not a model file; export a "
                "model from a project with 'flystage-cli export-model PROJECT --run ID --out "
                "FILE'");
  if (isLegacyTorchArchive(bytes))
    throw Error(what +
                " is a zip archive (LibTorch's format, which can run code when it is loaded), "
                "not a FlyStage model file; it is not read");
  if (bytes.size() < 9 || bytes[8] != '{')
    throw Error(what + " is not a FlyStage model file (it does not start with a model header)");
  const TensorFile file = readTensors(bytes, what);
  auto meta = [&](const std::string& key) {
    const auto it = file.metadata.find(key);
    return it == file.metadata.end() ? std::string() : it->second;
  };
  if (meta("format") != kModelPackageFormat)
    throw Error(what + " is not a FlyStage model file (its header has no format '" +
                kModelPackageFormat + "'); choose the file that 'export-model' wrote");
  if (meta("format_version") != std::to_string(kModelPackageVersion))
    throw Error(what + " has model format version '" + meta("format_version") +
                "', not the supported " + std::to_string(kModelPackageVersion) +
                "; open it with the FlyStage that exported it (or a newer one)");
  for (const char* key : kRequiredKeys)
    if (!file.metadata.count(key))
      throw Error(what + " lacks '" + key + "' in its header; " + kExportAgain);

  ModelPackage p;
  p.kind = meta("kind");
  if (p.kind != "resnet" && p.kind != "gabor")
    throw Error(what + ": its kind '" + p.kind + "' is not 'resnet' or 'gabor'; " + kExportAgain);
  p.weights = canonicalWeights(file, p.kind, meta("weights_format_version"));
  if (packageChecksum(file.metadata, p.weights) != meta("sha256") ||
      sha256Hex(p.weights) != meta("weights_sha256"))
    throw Error(what + " fails its checksum (the file was changed or damaged after it was " +
                "exported); " + kExportAgain);
  p.weightsSha256 = meta("weights_sha256");

  p.method = meta("method");
  try {
    parseMethod(p.method);
  } catch (const Error& e) {
    throw Error(what + ": its method: " + e.what());
  }
  if ((p.method == "gabor") != (p.kind == "gabor"))
    throw Error(what + ": its method '" + p.method + "' does not go with a " + p.kind + " model; " +
                kExportAgain);
  p.preset = meta("preset");
  const std::string seed = meta("seed");
  try {
    if (seed.empty() || seed.find_first_not_of("0123456789") != std::string::npos)
      throw std::invalid_argument(seed);
    p.seed = std::stoull(seed);
  } catch (const std::exception&) {
    throw Error(what + ": its seed '" + seed.substr(0, 40) + "' is not a whole number; " +
                kExportAgain);
  }
  if (meta("stages") != kStages)
    throw Error(what + " predicts the stages '" + meta("stages") + "', not " + kStages +
                "; it is not a FlyStage stage model");
  p.specJson = meta("spec");
  if (p.kind == "resnet") {
    ModelSpec spec;
    try {
      spec = ModelSpec::fromJson(p.specJson);
    } catch (const Error& e) {
      throw Error(what + ": its " + e.what());
    }
    if (spec.numClasses != kNumFineStages)
      throw Error(what + " predicts " + std::to_string(spec.numClasses) +
                  " classes, not the 14 stages 4..17; it is not a FlyStage stage model");
  }
  p.trainingJson = meta("training_summary");
  p.provenanceJson = meta("provenance");
  const Json training = parseObject(p.trainingJson, what, "training_summary");
  parseObject(p.provenanceJson, what, "provenance");
  try {
    TrainConfig::fromJson(training.at("params").dump());
    for (const auto& [name, m] : training.at("metrics").items()) {
      const auto& value = m.at("value");
      const auto& json = m.at("json");
      if (!(value.is_number() || value.is_null()) || !(json.is_string() || json.is_null()))
        throw Error("metric '" + name + "' is not a number with its JSON text");
      if (json.is_string() && !parseObject(json.get<std::string>(), what, name).is_object())
        throw Error("metric '" + name + "' is not a JSON object");
      if (name == "test") stageMetricsFromJson(json.get<std::string>());
    }
    if (!training.value("versions", Json::object()).is_object() ||
        !training.value("duration_s", Json(0)).is_number())
      throw Error("its versions or duration are not what FlyStage writes");
  } catch (const std::exception& e) {
    throw Error(what + ": its training summary is damaged (" +
                std::string(e.what()).substr(0, 160) + "); " + kExportAgain);
  }
  checkLoads(p.kind, p.specJson, p.weights, what);
  return p;
}

ModelPackage readModelPackageFile(const std::filesystem::path& file) {
  namespace fs = std::filesystem;
  const std::string what = file.string();
  std::error_code ec;
  if (fs::is_directory(file, ec)) throw Error(what + " is a folder, not a model file");
  if (!fs::exists(file, ec)) throw Error(what + ": no such model file");
  const auto size = fs::file_size(file, ec);
  if (ec) throw Error(what + ": cannot be read (" + ec.message() + ")");
  if (size > kMaxModelPackageBytes)
    throw Error(what + " is " + std::to_string(size) +
                " bytes, more than any FlyStage model (1 GiB at most); it is not a model file");
  std::ifstream in(file, std::ios::binary);
  std::string bytes(size, '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size)))
    throw Error(what + ": cannot be read (check its permissions)");
  return readModelPackage(bytes, what);
}

bool isModelPackageFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  unsigned char head[8];
  if (!in || !in.read(reinterpret_cast<char*>(head), 8)) return false;
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | head[i];
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || n > (64ull << 20) || n > size - 8) return false;
  std::string header(n, '\0');
  if (!in.read(header.data(), static_cast<std::streamsize>(n))) return false;
  try {
    // The layout nests three levels; anything deeper is not a model file (and is not parsed).
    const auto j = Json::parse(header, [](int depth, Json::parse_event_t, Json&) {
      if (depth > 3) throw Error("too deep");
      return true;
    });
    return j.is_object() && j.contains("__metadata__") && j["__metadata__"].is_object() &&
           j["__metadata__"].value("format", "") == kModelPackageFormat;
  } catch (const std::exception&) {
    return false;
  }
}

ModelPackage exportModel(Project& project, std::int64_t runId, const std::filesystem::path& out) {
  std::error_code ec;
  if (std::filesystem::is_directory(out, ec))
    throw Error(out.string() + " is a folder; name a model file to write");
  if (std::filesystem::exists(out, ec) && !isModelPackageFile(out))
    throw Error(out.string() +
                " exists and is not a FlyStage model file; it was left as it is (choose another "
                "name)");
  ModelPackage p = packageOfRun(project, runId);
  AtomicFile file(out);
  file.write(writeModelPackage(p));
  file.commit();
  return p;
}

std::string describeModelPackage(const ModelPackage& p) {
  const Json prov = Json::parse(p.provenanceJson);
  const Json training = Json::parse(p.trainingJson);
  auto text = [](const Json& j, const char* key) {
    if (!j.contains(key)) return std::string("?");
    const auto& v = j[key];
    return v.is_string() ? v.get<std::string>() : v.dump();
  };
  std::string s;
  s += "method       " + p.method + ", preset " + p.preset + ", seed " + std::to_string(p.seed) +
       "\n";
  s += "trained in   " + text(prov, "project") + ", run #" + text(prov, "run") + " (" +
       text(prov, "images") + " images), finished " + text(prov, "finished_at") + ", FlyStage " +
       text(prov, "flystage") + "\n";
  s += "exported     " + text(prov, "exported_at") + " by " + text(prov, "exported_by") + "\n";
  std::string test = "no test figures";
  if (training.contains("metrics") && training["metrics"].contains("test")) {
    const auto m = stageMetricsFromJson(training["metrics"]["test"]["json"].get<std::string>());
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "mean per-stage %.1f%%, overall %.1f%%, within one stage %.1f%% (%d test "
                  "images, in its training project)",
                  100 * m.meanPerStageAccuracy, 100 * m.overallAccuracy,
                  100 * m.withinOneStageAccuracy, m.nTest);
    test = m.nTest == 0 ? "no test images in its training project" : buf;
  }
  s += "test         " + test + "\n";
  s += "weights      sha256 " + p.weightsSha256 + "\n";
  return s;
}

}  // namespace flystage
