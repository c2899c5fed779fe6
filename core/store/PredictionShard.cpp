#include "store/PredictionShard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "data/Stage.h"
#include "model/StoredPredictions.h"
#include "store/Project.h"
#include "util/AtomicFile.h"
#include "util/Csv.h"
#include "util/Error.h"
#include "util/Text.h"

namespace flystage {

namespace {

constexpr char kTag[] = "#flystage-predictions";
// v2 adds range_constraint= to the header and the stage_range and constrained_stage columns;
// v1 shards (no range-aware prediction) are still merged, constrained by the project's ranges.
constexpr char kVersion[] = "v2";
constexpr char kVersion1[] = "v1";

std::string headerLine(const PredictionShardHeader& h) {
  return std::string(kTag) + " " + kVersion + " run=" + std::to_string(h.runId) +
         " model_sha256=" + h.modelSha256 + " shard=" + shardName(h.shard) +
         " images=" + std::to_string(h.projectImages) + " image_list=" + h.imageList +
         " range_constraint=" + (h.rangeConstraint ? "1" : "0");
}

PredictionShardHeader parseHeaderLine(const std::string& line, const std::string& name) {
  std::istringstream in(line);
  std::string tag, version;
  in >> tag >> version;
  if (tag != kTag)
    throw Error(located(
        name, 1, "not a predictions shard (made by flystage-cli predict --shard ... --out)"));
  if (version != kVersion && version != kVersion1)
    throw Error(located(name, 1,
                        "predictions shard format " + version + "; this FlyStage reads " +
                            kVersion1 + " and " + kVersion +
                            " (make the shards and the merge with one version)"));
  std::map<std::string, std::string> fields;
  for (std::string token; in >> token;) {
    const auto eq = token.find('=');
    if (eq == std::string::npos) throw Error(located(name, 1, "damaged header: '" + token + "'"));
    fields[token.substr(0, eq)] = token.substr(eq + 1);
  }
  for (const char* key : {"run", "model_sha256", "shard", "images", "image_list"})
    if (!fields.count(key)) throw Error(located(name, 1, std::string("header lacks ") + key));
  PredictionShardHeader h;
  h.version = version == kVersion1 ? 1 : 2;
  if (h.version == 2) {
    if (fields["range_constraint"] != "0" && fields["range_constraint"] != "1")
      throw Error(located(name, 1, "header lacks range_constraint=0 or 1"));
    h.rangeConstraint = fields["range_constraint"] == "1";
  }
  char* end = nullptr;
  h.runId = std::strtoll(fields["run"].c_str(), &end, 10);
  if (*end || h.runId <= 0) throw Error(located(name, 1, "damaged header: run=" + fields["run"]));
  h.projectImages = std::strtoull(fields["images"].c_str(), &end, 10);
  if (*end) throw Error(located(name, 1, "damaged header: images=" + fields["images"]));
  h.modelSha256 = fields["model_sha256"];
  h.imageList = fields["image_list"];
  try {
    h.shard = parseShard(fields["shard"]);
  } catch (const Error& e) {
    throw Error(located(name, 1, e.what()));
  }
  return h;
}

bool parseNumber(const std::string& text, double& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return *end == '\0' && std::isfinite(value);
}

struct ProjectImage {
  std::int64_t id = 0;
  std::string sha256;
};

}  // namespace

PredictionShardHeader predictionShardHeader(Project& project, std::int64_t runId,
                                            const Shard& shard, bool rangeConstraint) {
  const auto model = runstore::model(project, runId, "final");
  if (!model)
    throw Error("run #" + std::to_string(runId) + " has no trained model; finish it first");
  const auto ids = project.imageIds();
  PredictionShardHeader h;
  h.runId = runId;
  h.modelSha256 = model->sha256;
  h.shard = shard;
  h.projectImages = ids.size();
  h.imageList = imageListFingerprint(ids);
  h.rangeConstraint = rangeConstraint;
  return h;
}

void writePredictionShard(Project& project, const PredictionShardHeader& header,
                          const std::vector<StoredPrediction>& predictions,
                          const std::filesystem::path& file) {
  AtomicFile part(file);  // FILE.part until complete: a killed job leaves no shard
  {
    std::ofstream out(part.tmp(), std::ios::binary);
    if (!out) throw Error(file.string() + ": cannot write (check the folder and permissions)");
    out << headerLine(header) << "\n";
    out << "image_id,sha256,path,predicted_stage,probability";
    for (int s = kMinFineStage; s <= kMaxStage; ++s) out << ",p_stage_" << s;
    out << ",stage_range,constrained_stage\n";
    SQLite::Statement q(project.db(), "SELECT sha256, path FROM images WHERE id = ?");
    char num[32];
    for (const auto& p : predictions) {
      q.bind(1, static_cast<int64_t>(p.imageId));
      if (!q.executeStep())
        throw Error(project.file().string() + ": image #" + std::to_string(p.imageId) + " is gone");
      out << p.imageId << "," << q.getColumn(0).getString() << ","
          << csvField(q.getColumn(1).getString()) << "," << p.stage;
      q.reset();
      std::snprintf(num, sizeof num, ",%.9g", p.probability);
      out << num;
      for (float v : p.probabilities) {
        std::snprintf(num, sizeof num, ",%.9g", static_cast<double>(v));
        out << num;
      }
      // The constrained probabilities follow from these two and the probabilities above.
      out << "," << (p.range ? p.range->name() : "") << ",";
      if (p.constrainedStage) out << *p.constrainedStage;
      out << "\n";
    }
    if (!out.flush()) throw Error(file.string() + ": write failed (disk full?)");
  }
  part.commit();
}

std::size_t mergePredictionShards(Project& project, std::int64_t runId,
                                  const std::vector<std::filesystem::path>& files) {
  if (files.empty()) throw Error("no predictions shards to merge");
  // What the shards must match: the run's model and the project's images now.
  const PredictionShardHeader now = predictionShardHeader(project, runId, {}, true);
  std::vector<ProjectImage> images;
  images.reserve(now.projectImages);
  {
    SQLite::Statement q(project.db(), "SELECT id, sha256 FROM images ORDER BY id");
    while (q.executeStep())
      images.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
  }

  std::map<std::int64_t, StageRange> projectRanges;  // for v1 shards, read once if needed
  bool projectRangesRead = false;
  bool firstConstrained = true;
  std::vector<StoredPrediction> all;
  all.reserve(images.size());
  std::vector<int> from(images.size(), -1);  // the file that gave each image's prediction
  std::map<int, std::string> seen;           // shard index -> file
  int count = 0;
  std::string first;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const std::string name = files[f].string();
    std::ifstream in(files[f], std::ios::binary);
    if (!in) throw Error(name + ": cannot be read (check the path)");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto eol = text.find('\n');
    const auto h = parseHeaderLine(text.substr(0, eol), name);
    if (h.runId != runId)
      throw Error(located(name, 1,
                          "predictions of run #" + std::to_string(h.runId) + ", not of run #" +
                              std::to_string(runId) + ": merge only the shards of one run"));
    if (h.modelSha256 != now.modelSha256)
      throw Error(located(name, 1,
                          "made with another model than run #" + std::to_string(runId) +
                              "'s (checksum differs): rerun this shard"));
    if (h.imageList != now.imageList || h.projectImages != images.size())
      throw Error(located(
          name, 1,
          "made when the project held other images (" + std::to_string(h.projectImages) + ", now " +
              std::to_string(images.size()) + "): images were imported since; rerun every shard"));
    if (first.empty()) {
      first = name;
      count = h.shard.count;
    } else if (h.shard.count != count) {
      throw Error(located(name, 1,
                          "shard " + shardName(h.shard) + ", but " + first + " is one of " +
                              std::to_string(count) + " shards"));
    }
    const bool constrained = h.version == 1 || h.rangeConstraint;
    if (f == 0)
      firstConstrained = constrained;
    else if (constrained != firstConstrained)
      throw Error(located(name, 1,
                          std::string("made ") + (constrained ? "with" : "without") +
                              " the range constraint, but " + files[0].string() + " " +
                              (constrained ? "without" : "with") +
                              " it: predict every shard with the same options"));
    if (const auto [it, fresh] = seen.emplace(h.shard.index, name); !fresh)
      throw Error(name + ": shard " + shardName(h.shard) + " is given twice (also " + it->second +
                  ")");

    const auto records =
        parseCsv(eol == std::string::npos ? std::string() : text.substr(eol + 1), name);
    if (records.empty()) throw Error(located(name, 2, "the column header is missing"));
    const CsvColumns cols(records.front(), name);
    for (const char* key : {"image_id", "sha256", "predicted_stage", "probability"})
      if (!cols.has(key))
        throw Error(located(name, records.front().line + 1, std::string("no column ") + key));
    if (h.version == 2)
      for (const char* key : {"stage_range", "constrained_stage"})
        if (!cols.has(key))
          throw Error(located(name, records.front().line + 1, std::string("no column ") + key));
    if (h.version == 1 && !projectRangesRead) {
      projectRanges = knownRanges(project, project.imageIds());
      projectRangesRead = true;
    }
    std::size_t rows = 0;
    for (std::size_t r = 1; r < records.size(); ++r) {
      const auto& rec = records[r];
      const long line = rec.line + 1;  // the header line comes first
      if (rec.fields.size() == 1 && trim(rec.fields[0]).empty()) continue;
      char* end = nullptr;
      const std::string idText = cols.cell(rec, "image_id");
      const std::int64_t id = std::strtoll(idText.c_str(), &end, 10);
      if (idText.empty() || *end) throw Error(located(name, line, "image_id '" + idText + "'"));
      const auto at =
          std::lower_bound(images.begin(), images.end(), id,
                           [](const ProjectImage& i, std::int64_t v) { return i.id < v; });
      if (at == images.end() || at->id != id)
        throw Error(
            located(name, line, "image #" + idText + " is not in " + project.file().string()));
      const auto position = static_cast<std::size_t>(at - images.begin());
      if (cols.cell(rec, "sha256") != at->sha256)
        throw Error(located(name, line,
                            "image #" + idText + " has another sha256 in " +
                                project.file().string() + " (a shard of another project?)"));
      if (!h.shard.holds(position))
        throw Error(
            located(name, line, "image #" + idText + " is not in shard " + shardName(h.shard)));
      if (from[position] >= 0)
        throw Error(located(
            name, line,
            "image #" + idText + " given twice (also in " + files[from[position]].string() + ")"));
      StoredPrediction p;
      p.imageId = id;
      const auto stage = parseInt(cols.cell(rec, "predicted_stage"));
      if (!stage || *stage < kMinFineStage || *stage > kMaxStage)
        throw Error(located(name, line, "predicted_stage must be 4..17"));
      p.stage = *stage;
      if (!parseNumber(cols.cell(rec, "probability"), p.probability) || p.probability < 0 ||
          p.probability > 1)
        throw Error(located(name, line, "probability must be a number in 0..1"));
      for (int s = kMinFineStage; s <= kMaxStage; ++s) {
        const std::string key = "p_stage_" + std::to_string(s);
        double v = 0;
        if (!parseNumber(cols.cell(rec, key), v) || v < 0 || v > 1)
          throw Error(located(name, line, key + " must be a number in 0..1"));
        p.probabilities.push_back(static_cast<float>(v));
      }
      if (h.version == 1) {  // made before range-aware prediction: as predict does it now
        const auto known = projectRanges.find(id);
        constrainPrediction(
            p, known == projectRanges.end() ? std::nullopt : std::optional(known->second));
      } else if (h.rangeConstraint) {
        const std::string rangeText = cols.cell(rec, "stage_range");
        const auto range = parseStageRange(rangeText);
        if (!rangeText.empty() && !range)
          throw Error(located(name, line, "stage_range '" + rangeText + "' is not a stage range"));
        constrainPrediction(p, range);
        const std::string stageText = cols.cell(rec, "constrained_stage");
        if (stageText != (p.constrainedStage ? std::to_string(*p.constrainedStage) : ""))
          throw Error(located(name, line,
                              "constrained_stage '" + stageText +
                                  "' does not follow from the probabilities and stage_range "
                                  "(a damaged shard); rerun this shard"));
      }
      from[position] = static_cast<int>(f);
      all.push_back(std::move(p));
      ++rows;
    }
    const std::size_t expected = shardSize(images.size(), h.shard);
    if (rows != expected)
      throw Error(name + ": " + std::to_string(rows) + " prediction(s), but shard " +
                  shardName(h.shard) + " holds " + std::to_string(expected) +
                  " image(s): the file is incomplete; rerun this shard");
  }
  std::string missing;
  for (int i = 0; i < count; ++i)
    if (!seen.count(i)) missing += (missing.empty() ? "" : ", ") + shardName({i, count});
  if (!missing.empty())
    throw Error("predictions shard(s) " + missing + " missing (" + std::to_string(seen.size()) +
                " of " + std::to_string(count) + " given): nothing stored; merge all of them");
  runstore::savePredictions(project, runId, all);  // one transaction
  return all.size();
}

}  // namespace flystage
