#include "store/RunStore.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <fstream>
#include <set>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/Project.h"
#include "store/Schema.h"
#include "store/WriteTransaction.h"
#include "train/EpochSelection.h"
#include "util/Error.h"
#include "util/Sha256.h"

namespace flystage::runstore {

namespace {
RunRecord readRun(SQLite::Statement& q) {
  RunRecord r;
  r.id = q.getColumn(0).getInt64();
  r.method = q.getColumn(1).getString();
  r.preset = q.getColumn(2).getString();
  r.paramsJson = q.getColumn(3).getString();
  r.seed = static_cast<std::uint64_t>(q.getColumn(4).getInt64());
  r.status = q.getColumn(5).getString();
  r.device = q.getColumn(6).getString();
  r.versionsJson = q.getColumn(7).getString();
  r.startedAt = q.getColumn(8).getString();
  r.durationSeconds = q.getColumn(9).isNull() ? 0 : q.getColumn(9).getDouble();
  return r;
}
constexpr const char* kRunColumns =
    "SELECT id, method, preset, params_json, seed, status, device, versions_json, started_at, "
    "duration_s FROM runs";

std::string firstLine(const std::string& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string hostName() {
  char name[HOST_NAME_MAX + 1] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return {};
  return name;
}

// The state and start time (clock ticks after boot) of a process: /proc/PID/stat fields 3
// and 22. Empty when there is no such process.
std::pair<std::string, std::string> processStat(long pid) {
  const std::string stat = firstLine("/proc/" + std::to_string(pid) + "/stat");
  const auto close = stat.rfind(')');  // the name in parentheses may hold anything
  if (close == std::string::npos) return {};
  std::istringstream fields(stat.substr(close + 1));
  std::string state, field;
  fields >> state;
  for (int i = 4; i <= 22 && fields >> field; ++i) {
  }
  return {state, field};
}

std::string pidNamespace() {
  char link[256] = {};
  const auto n = ::readlink("/proc/self/ns/pid", link, sizeof link - 1);
  return n > 0 ? std::string(link, static_cast<std::size_t>(n)) : std::string();
}

// This process, as a run records it: "BOOT-ID PID-NAMESPACE START-TIME".
std::string thisInstance() {
  return firstLine("/proc/sys/kernel/random/boot_id") + " " + pidNamespace() + " " +
         processStat(::getpid()).second;
}

enum class Liveness { Alive, Dead, Unknown };

Liveness liveness(long pid, const std::string& host, const std::string& instance) {
  if (host.empty() || host != hostName()) return Liveness::Unknown;
  std::istringstream parts(instance);
  std::string boot, ns, start;
  if (!(parts >> boot >> ns >> start)) return Liveness::Unknown;
  if (boot != firstLine("/proc/sys/kernel/random/boot_id")) return Liveness::Dead;  // restarted
  if (ns != pidNamespace()) return Liveness::Unknown;  // another container's processes
  const auto [state, started] = processStat(pid);
  if (state.empty() || state == "Z" || state == "X") return Liveness::Dead;
  return started == start ? Liveness::Alive : Liveness::Dead;  // else the id was reused
}

bool hasProcessColumns(Project& p) {
  return storedSchemaVersion(p.db()) >= 3;
}

// The "running" runs whose process is known to be gone, with the instance recorded.
std::vector<std::pair<std::int64_t, std::string>> deadRuns(Project& p) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  if (!hasProcessColumns(p)) return out;
  SQLite::Statement q(p.db(),
                      "SELECT id, process_id, process_host, process_instance FROM runs WHERE "
                      "status = 'running' AND process_id IS NOT NULL");
  while (q.executeStep())
    if (liveness(static_cast<long>(q.getColumn(1).getInt64()), q.getColumn(2).getString(),
                 q.getColumn(3).getString()) == Liveness::Dead)
      out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(3).getString());
  return out;
}

void showInterrupted(Project& p, std::vector<RunRecord>& records) {
  bool anyRunning = false;
  for (const auto& r : records) anyRunning = anyRunning || r.status == "running";
  if (!anyRunning) return;
  std::set<std::int64_t> dead;
  for (const auto& d : deadRuns(p)) dead.insert(d.first);
  for (auto& r : records)
    if (r.status == "running" && dead.count(r.id)) r.status = "interrupted";
}

void recordProcess(Project& p, std::int64_t run) {
  SQLite::Statement q(p.db(),
                      "UPDATE runs SET process_id = ?, process_host = ?, process_instance = ? "
                      "WHERE id = ?");
  q.bind(1, static_cast<int64_t>(::getpid()));
  q.bind(2, hostName());
  q.bind(3, thisInstance());
  q.bind(4, static_cast<int64_t>(run));
  q.exec();
}

}  // namespace

void markInterruptedRuns(Project& p) {
  if (p.readOnly()) return;
  try {
    const auto dead = deadRuns(p);
    if (dead.empty()) return;
    // Not worth waiting for another writer: the next open marks them.
    p.db().setBusyTimeout(0);
    try {
      WriteTransaction tx(p.db());
      // Only while it is still the dead process's: a run resumed meanwhile is left alone.
      SQLite::Statement q(p.db(),
                          "UPDATE runs SET status = 'interrupted', finished_at = "
                          "strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND status = "
                          "'running' AND process_instance = ?");
      for (const auto& [id, instance] : dead) {
        q.bind(1, static_cast<int64_t>(id));
        q.bind(2, instance);
        q.exec();
        q.reset();
      }
      tx.commit();
    } catch (const std::exception&) {
    }
    p.db().setBusyTimeout(kProjectBusyTimeoutMs);
  } catch (const std::exception&) {
  }
}

std::int64_t createRun(Project& p, const RunRecord& r) {
  WriteTransaction tx(p.db());
  SQLite::Statement q(p.db(),
                      "INSERT INTO runs(method, preset, params_json, seed, status, device, "
                      "versions_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, r.method);
  q.bind(2, r.preset);
  q.bind(3, r.paramsJson);
  q.bind(4, static_cast<int64_t>(r.seed));
  q.bind(5, r.status.empty() ? std::string("created") : r.status);
  q.bind(6, r.device);
  q.bind(7, r.versionsJson);
  q.exec();
  const auto id = p.db().getLastInsertRowid();
  if (r.status == "running") recordProcess(p, id);
  tx.commit();
  return id;
}

void setStatus(Project& p, std::int64_t run, const std::string& status,
               std::optional<double> duration) {
  WriteTransaction tx(p.db());
  SQLite::Statement q(
      p.db(),
      "UPDATE runs SET status = ?, duration_s = coalesce(?, duration_s), "
      "finished_at = CASE WHEN ? IN ('finished','failed','cancelled','interrupted') THEN "
      "strftime('%Y-%m-%dT%H:%M:%fZ','now') ELSE finished_at END WHERE id = ?");
  q.bind(1, status);
  if (duration)
    q.bind(2, *duration);
  else
    q.bind(2);
  q.bind(3, status);
  q.bind(4, static_cast<int64_t>(run));
  q.exec();
  if (status == "running") recordProcess(p, run);
  tx.commit();
}

std::optional<RunRecord> run(Project& p, std::int64_t id) {
  std::vector<RunRecord> one;
  {
    SQLite::Statement q(p.db(), std::string(kRunColumns) + " WHERE id = ?");
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) return std::nullopt;
    one.push_back(readRun(q));
  }
  showInterrupted(p, one);
  return one.front();
}

std::vector<RunRecord> runs(Project& p) {
  std::vector<RunRecord> out;
  {
    SQLite::Statement q(p.db(), std::string(kRunColumns) + " ORDER BY id");
    while (q.executeStep()) out.push_back(readRun(q));
  }
  showInterrupted(p, out);
  return out;
}

void addEpoch(Project& p, std::int64_t run, const EpochRecord& e) {
  WriteTransaction tx(p.db());
  SQLite::Statement q(p.db(),
                      "INSERT OR REPLACE INTO run_epochs(run_id, phase, epoch, train_loss, "
                      "train_accuracy, validation_loss, validation_accuracy, learning_rate) VALUES "
                      "(?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(run));
  q.bind(2, e.phase);
  q.bind(3, e.epoch);
  q.bind(4, e.trainLoss);
  q.bind(5, e.trainAccuracy);
  q.bind(6, e.validationLoss);
  q.bind(7, e.validationAccuracy);
  if (e.learningRate)
    q.bind(8, *e.learningRate);
  else
    q.bind(8);
  q.exec();
  tx.commit();
}

std::vector<EpochRecord> epochs(Project& p, std::int64_t run) {
  SQLite::Statement q(p.db(),
                      "SELECT phase, epoch, train_loss, train_accuracy, validation_loss, "
                      "validation_accuracy, learning_rate FROM run_epochs WHERE run_id = ? ORDER "
                      "BY rowid");
  q.bind(1, static_cast<int64_t>(run));
  std::vector<EpochRecord> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getDouble(),
                   q.getColumn(3).getDouble(), q.getColumn(4).getDouble(),
                   q.getColumn(5).getDouble(), std::nullopt});
    if (!q.getColumn(6).isNull()) out.back().learningRate = q.getColumn(6).getDouble();
  }
  return out;
}

void setSelection(Project& p, std::int64_t run, const PhaseSelection& s) {
  WriteTransaction tx(p.db());
  SQLite::Statement q(p.db(),
                      "INSERT OR REPLACE INTO run_selection(run_id, phase, rule, kept_epoch, "
                      "epochs, validation_images, reason) VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(run));
  q.bind(2, s.phase);
  q.bind(3, selectionRuleName(s.rule));
  q.bind(4, s.keptEpoch);
  q.bind(5, s.epochs);
  q.bind(6, s.validationImages);
  q.bind(7, s.reason);
  q.exec();
  tx.commit();
}

std::vector<PhaseSelection> selections(Project& p, std::int64_t run) {
  std::vector<PhaseSelection> out;
  {
    SQLite::Statement q(p.db(),
                        "SELECT phase, rule, kept_epoch, epochs, validation_images, reason FROM "
                        "run_selection WHERE run_id = ? ORDER BY rowid");
    q.bind(1, static_cast<int64_t>(run));
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), parseSelectionRule(q.getColumn(1).getString()),
                     q.getColumn(2).getInt(), q.getColumn(3).getInt(), q.getColumn(4).getInt(),
                     q.getColumn(5).getString()});
  }
  if (!out.empty()) return out;
  // A run that planned its selection (issue 18) has a row for each phase it ended.
  if (metricJson(p, run, "selection")) return out;
  // Before issue 18: the trainer kept the first best validation score of every phase but
  // range pretraining, which trained to its end. A Gabor run has no epochs to choose from.
  const auto all = epochs(p, run);
  std::vector<std::string> phases;
  for (const auto& e : all)
    if (e.phase != "gabor" && std::find(phases.begin(), phases.end(), e.phase) == phases.end())
      phases.push_back(e.phase);
  int validation = 0;
  {
    SQLite::Statement q(p.db(),
                        "SELECT count(*) FROM run_images WHERE run_id = ? AND part = 'validation'");
    q.bind(1, static_cast<int64_t>(run));
    if (q.executeStep()) validation = q.getColumn(0).getInt();
  }
  for (const auto& phase : phases) {
    std::vector<EpochRecord> records;
    for (const auto& e : all)
      if (e.phase == phase) records.push_back(e);
    PhaseSelection s;
    s.phase = phase;
    s.rule = phase == "range" ? SelectionRule::LastEpoch : SelectionRule::FirstBestScore;
    s.keptEpoch = keptEpoch(records, s.rule);
    s.epochs = static_cast<int>(records.size());
    s.validationImages = validation;
    s.reason = phase == "range"
                   ? "range pretraining trains to its end"
                   : "trained before runs recorded their rule: the first best validation score";
    out.push_back(s);
  }
  return out;
}

void saveModel(Project& p, std::int64_t run, const StoredModel& m) {
  WriteTransaction tx(p.db());
  SQLite::Statement del(p.db(), "DELETE FROM models WHERE run_id = ? AND role = ?");
  del.bind(1, static_cast<int64_t>(run));
  del.bind(2, m.role);
  del.exec();
  SQLite::Statement q(p.db(),
                      "INSERT INTO models(run_id, role, architecture_json, weights, sha256) "
                      "VALUES (?, ?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(run));
  q.bind(2, m.role);
  q.bind(3, m.specJson);
  q.bindNoCopy(4, m.weights.data(), static_cast<int>(m.weights.size()));
  q.bind(5, m.sha256);
  q.exec();
  tx.commit();
}

std::optional<StoredModel> model(Project& p, std::int64_t run, const std::string& role) {
  SQLite::Statement q(p.db(),
                      "SELECT architecture_json, weights, sha256 FROM models WHERE run_id = ? AND "
                      "role = ?");
  q.bind(1, static_cast<int64_t>(run));
  q.bind(2, role);
  if (!q.executeStep()) return std::nullopt;
  StoredModel m;
  m.role = role;
  m.specJson = q.getColumn(0).getString();
  const auto blob = q.getColumn(1);
  m.weights.assign(static_cast<const char*>(blob.getBlob()), blob.getBytes());
  m.sha256 = q.getColumn(2).getString();
  return m;
}

void setRunImages(Project& p, std::int64_t run, const std::vector<RunImage>& images) {
  WriteTransaction tx(p.db());
  SQLite::Statement del(p.db(), "DELETE FROM run_images WHERE run_id = ?");
  del.bind(1, static_cast<int64_t>(run));
  del.exec();
  SQLite::Statement q(p.db(),
                      "INSERT INTO run_images(run_id, image_id, part, stage, stage_range, "
                      "range_from_stage) VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& im : images) {
    q.bind(1, static_cast<int64_t>(run));
    q.bind(2, static_cast<int64_t>(im.imageId));
    q.bind(3, im.part);
    if (im.stage)
      q.bind(4, *im.stage);
    else
      q.bind(4);
    q.bind(5, im.stageRange);
    q.bind(6, im.rangeFromStage ? 1 : 0);
    q.exec();
    q.reset();
  }
  tx.commit();
}

std::vector<RunImage> runImages(Project& p, std::int64_t run) {
  SQLite::Statement q(p.db(),
                      "SELECT image_id, part, stage, stage_range, range_from_stage FROM run_images "
                      "WHERE run_id = ? ORDER BY image_id, part");
  q.bind(1, static_cast<int64_t>(run));
  std::vector<RunImage> out;
  while (q.executeStep()) {
    RunImage im;
    im.imageId = q.getColumn(0).getInt64();
    im.part = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) im.stage = q.getColumn(2).getInt();
    im.stageRange = q.getColumn(3).isNull() ? "" : q.getColumn(3).getString();
    im.rangeFromStage = q.getColumn(4).getInt() != 0;
    out.push_back(im);
  }
  return out;
}

void saveCheckpoint(Project& p, std::int64_t run, int phase, int epoch, const std::string& state) {
  WriteTransaction tx(p.db());
  SQLite::Statement q(p.db(),
                      "INSERT OR REPLACE INTO checkpoints(run_id, phase, epoch, state, sha256) "
                      "VALUES (?, ?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(run));
  q.bind(2, phase);
  q.bind(3, epoch);
  q.bindNoCopy(4, state.data(), static_cast<int>(state.size()));
  q.bind(5, sha256Hex(state));
  q.exec();
  tx.commit();
}

std::optional<Checkpoint> checkpoint(Project& p, std::int64_t run) {
  SQLite::Statement q(p.db(),
                      "SELECT phase, epoch, state, sha256 FROM checkpoints WHERE run_id = ?");
  q.bind(1, static_cast<int64_t>(run));
  if (!q.executeStep()) return std::nullopt;
  Checkpoint c;
  c.phase = q.getColumn(0).getInt();
  c.epoch = q.getColumn(1).getInt();
  const auto blob = q.getColumn(2);
  c.state.assign(static_cast<const char*>(blob.getBlob()), blob.getBytes());
  if (sha256Hex(c.state) != q.getColumn(3).getString())
    throw Error("the checkpoint of run #" + std::to_string(run) +
                " fails its checksum; start the run again");
  return c;
}

void dropCheckpoint(Project& p, std::int64_t run) {
  WriteTransaction tx(p.db());
  SQLite::Statement q(p.db(), "DELETE FROM checkpoints WHERE run_id = ?");
  q.bind(1, static_cast<int64_t>(run));
  q.exec();
  tx.commit();
}

void savePredictions(Project& p, std::int64_t run, const std::vector<StoredPrediction>& preds) {
  WriteTransaction tx(p.db());
  SQLite::Statement q(p.db(),
                      "INSERT OR REPLACE INTO predictions(run_id, image_id, stage, probability, "
                      "probabilities, range_constraint, stage_range, constrained_stage, "
                      "constrained_probability, constrained_probabilities) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& pr : preds) {
    q.bind(1, static_cast<int64_t>(run));
    q.bind(2, static_cast<int64_t>(pr.imageId));
    q.bind(3, pr.stage);
    q.bind(4, pr.probability);
    q.bind(5, pr.probabilities.data(), static_cast<int>(pr.probabilities.size() * sizeof(float)));
    q.bind(6, pr.rangeConstraint ? 1 : 0);
    if (pr.range)
      q.bind(7, pr.range->name());
    else
      q.bind(7);
    if (pr.constrainedStage) {
      q.bind(8, *pr.constrainedStage);
      q.bind(9, pr.constrainedProbability);
      q.bind(10, pr.constrainedProbabilities.data(),
             static_cast<int>(pr.constrainedProbabilities.size() * sizeof(float)));
    } else {
      q.bind(8);
      q.bind(9);
      q.bind(10);
    }
    q.exec();
    q.reset();
  }
  tx.commit();
}

std::vector<StoredPrediction> predictions(Project& p, std::int64_t run) {
  SQLite::Statement q(p.db(),
                      "SELECT image_id, stage, probability, probabilities, range_constraint, "
                      "stage_range, constrained_stage, constrained_probability, "
                      "constrained_probabilities FROM predictions WHERE run_id = ? ORDER BY "
                      "image_id");
  q.bind(1, static_cast<int64_t>(run));
  const auto floats = [](const SQLite::Column& blob) {
    const auto* f = static_cast<const float*>(blob.getBlob());
    return std::vector<float>(f, f + blob.getBytes() / sizeof(float));
  };
  std::vector<StoredPrediction> out;
  while (q.executeStep()) {
    StoredPrediction pr;
    pr.imageId = q.getColumn(0).getInt64();
    pr.stage = q.getColumn(1).getInt();
    pr.probability = q.getColumn(2).getDouble();
    pr.probabilities = floats(q.getColumn(3));
    pr.rangeConstraint = q.getColumn(4).getInt() != 0;
    if (!q.getColumn(5).isNull()) pr.range = parseStageRange(q.getColumn(5).getString());
    if (!q.getColumn(6).isNull()) {
      pr.constrainedStage = q.getColumn(6).getInt();
      pr.constrainedProbability = q.getColumn(7).getDouble();
      pr.constrainedProbabilities = floats(q.getColumn(8));
    }
    out.push_back(std::move(pr));
  }
  return out;
}

void setMetric(Project& p, std::int64_t run, const std::string& name, double value,
               const std::string& json) {
  WriteTransaction tx(p.db());
  SQLite::Statement q(
      p.db(), "INSERT OR REPLACE INTO metrics(run_id, name, value, json) VALUES (?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(run));
  q.bind(2, name);
  q.bind(3, value);
  if (json.empty())
    q.bind(4);
  else
    q.bind(4, json);
  q.exec();
  tx.commit();
}

std::optional<std::string> metricJson(Project& p, std::int64_t run, const std::string& name) {
  SQLite::Statement q(p.db(), "SELECT json FROM metrics WHERE run_id = ? AND name = ?");
  q.bind(1, static_cast<int64_t>(run));
  q.bind(2, name);
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getString();
}

}  // namespace flystage::runstore
