#include "store/Split.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/Project.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"
#include "util/Random.h"

namespace flystage {

SplitOptions storedSplitOptions(Project& project) {
  SplitOptions o;
  const std::string seed = project.meta("split_seed");
  if (!seed.empty()) o.seed = std::stoull(seed);
  const std::string test = project.meta("split_test_fraction");
  if (!test.empty()) o.testFraction = std::stod(test);
  const std::string val = project.meta("split_validation_fraction");
  if (!val.empty()) o.validationFraction = std::stod(val);
  return o;
}

std::optional<RangeProblem> splitOptionsProblem(const SplitOptions& o) {
  const auto fraction = NumberRange::numbers(0, false, 1, true);
  if (!fraction.contains(o.testFraction))
    return RangeProblem{"test_fraction", NumberRange::format(o.testFraction), fraction.text()};
  if (!fraction.contains(o.validationFraction))
    return RangeProblem{"validation_fraction", NumberRange::format(o.validationFraction),
                        fraction.text()};
  if (o.testFraction + o.validationFraction >= 1.0)
    return RangeProblem{
        "test_fraction+validation_fraction",
        NumberRange::format(o.testFraction) + " + " + NumberRange::format(o.validationFraction),
        "below 1 together, so that a training part is left"};
  return std::nullopt;
}

namespace {
void checkFractions(const SplitOptions& options) {
  if (const auto p = splitOptionsProblem(options))
    throw Error("split fractions: " + p->message(p->field));
}
}  // namespace

std::vector<SplitPart> drawStageParts(std::vector<std::int64_t>& ids, int stage,
                                      std::array<int, 3>& counts, const SplitOptions& o) {
  // One stream per stage: adding images of one stage never reshuffles another.
  SeededRng rng(o.seed * 1000003ULL + static_cast<std::uint64_t>(stage));
  rng.shuffle(ids);
  const int total = counts[0] + counts[1] + counts[2] + static_cast<int>(ids.size());
  // Test first, so a stage with few images still gets a test image before validation.
  const int wantTest = static_cast<int>(std::lround(total * o.testFraction));
  const int wantVal = static_cast<int>(std::lround(total * o.validationFraction));
  std::vector<SplitPart> parts;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    SplitPart part = SplitPart::Train;
    if (counts[2] < wantTest)
      part = SplitPart::Test;
    else if (counts[1] < wantVal)
      part = SplitPart::Validation;
    ++counts[static_cast<int>(part)];
    parts.push_back(part);
  }
  return parts;
}

std::map<std::int64_t, SplitPart> drawSplit(const std::vector<std::pair<std::int64_t, int>>& images,
                                            const SplitOptions& options) {
  checkFractions(options);
  std::map<int, std::vector<std::int64_t>> byStage;
  for (const auto& [id, stage] : images) byStage[stage].push_back(id);
  std::map<std::int64_t, SplitPart> out;
  for (auto& [stage, ids] : byStage) {
    std::sort(ids.begin(), ids.end());
    std::array<int, 3> counts{};
    const auto parts = drawStageParts(ids, stage, counts, options);
    for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i]] = parts[i];
  }
  return out;
}

namespace {

// The options the split is (or will be) drawn with: the stored ones once a split was made;
// else the given ones as they will be stored (the fractions as text, so the first draw and
// every later one use the same values).
SplitOptions optionsInUse(Project& project, const SplitOptions& given) {
  if (!project.meta("split_seed").empty()) return storedSplitOptions(project);
  SplitOptions o = given;
  o.testFraction = std::stod(std::to_string(given.testFraction));
  o.validationFraction = std::stod(std::to_string(given.validationFraction));
  return o;
}

// A split has been drawn when its options are stored (resetSplit removes them) and an image
// got its part on time (not late): generated or imported. A project whose imports had no
// stage yet has stored options but no part, so its first stage labels are still drawn.
bool splitDrawn(Project& project) {
  if (project.meta("split_seed").empty()) return false;
  return project.db().execAndGet("SELECT EXISTS(SELECT 1 FROM splits WHERE late = 0)").getInt() !=
         0;
}

// The split's options in meta (in the caller's transaction), as text.
void writeSplitOptions(Project& project, const SplitOptions& options) {
  for (auto [key, value] :
       {std::pair<const char*, std::string>{"split_seed", std::to_string(options.seed)},
        {"split_test_fraction", std::to_string(options.testFraction)},
        {"split_validation_fraction", std::to_string(options.validationFraction)}}) {
    SQLite::Statement q(project.db(), "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
  }
}

}  // namespace

void storeSplitOptions(Project& project, const SplitOptions& options) {
  checkFractions(options);
  WriteTransaction tx(project.db());
  if (splitDrawn(project))
    throw Error(project.file().string() +
                ": the split is already drawn; 'flystage-cli split --reset' before drawing it "
                "with other options");
  writeSplitOptions(project, options);
  tx.commit();
}

std::map<std::int64_t, PendingPart> pendingSplit(Project& project, const SplitOptions& options,
                                                 SplitSummary* summaryOut) {
  checkFractions(options);
  const SplitOptions o = optionsInUse(project, options);
  const bool drawn = splitDrawn(project);
  SplitSummary summary;
  std::map<int, std::vector<std::int64_t>> unassigned;
  SQLite::Statement q(project.db(),
                      "SELECT l.stage, s.part, l.image_id, s.late FROM labels l LEFT JOIN splits s "
                      "ON s.image_id = l.image_id WHERE l.stage IS NOT NULL ORDER BY l.image_id");
  while (q.executeStep()) {
    const int stage = q.getColumn(0).getInt();
    auto& counts = summary.perStage[stage];
    if (q.getColumn(1).isNull()) {
      unassigned[stage].push_back(q.getColumn(2).getInt64());
    } else {
      const auto part = parseSplitPart(q.getColumn(1).getString()).value_or(SplitPart::Train);
      ++counts[static_cast<int>(part)];
      if (q.getColumn(3).getInt() != 0) ++summary.late;
    }
  }
  std::map<std::int64_t, PendingPart> out;
  for (auto& [stage, ids] : unassigned) {
    auto& counts = summary.perStage[stage];
    // Labelled after the split was drawn: training, so the test part does not move.
    const auto parts = drawn ? std::vector<SplitPart>(ids.size(), SplitPart::Train)
                             : drawStageParts(ids, stage, counts, o);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (drawn) ++counts[static_cast<int>(SplitPart::Train)];
      out[ids[i]] = PendingPart{parts[i], drawn};
    }
  }
  summary.newlyAssigned = static_cast<int>(out.size());
  if (drawn) summary.late += summary.newlyAssigned;
  if (summaryOut) *summaryOut = std::move(summary);
  return out;
}

SplitSummary assignSplit(Project& project, const SplitOptions& options) {
  checkFractions(options);
  auto& db = project.db();
  WriteTransaction tx(db);
  SplitSummary summary;
  const auto pending = pendingSplit(project, options, &summary);
  if (project.meta("split_seed").empty()) writeSplitOptions(project, options);
  SQLite::Statement insert(
      db, "INSERT INTO splits(image_id, part, origin, late) VALUES (?, ?, 'generated', ?)");
  for (const auto& [id, p] : pending) {
    insert.bind(1, static_cast<int64_t>(id));
    insert.bind(2, splitPartName(p.part));
    insert.bind(3, p.late ? 1 : 0);
    insert.exec();
    insert.reset();
  }
  tx.commit();
  return summary;
}

void resetSplit(Project& project) {
  auto& db = project.db();
  WriteTransaction tx(db);
  db.exec("DELETE FROM splits WHERE origin = 'generated'");
  db.exec(
      "DELETE FROM meta WHERE key IN ('split_seed', 'split_test_fraction', "
      "'split_validation_fraction')");
  tx.commit();
}

std::vector<std::int64_t> imagesInPart(Project& project, SplitPart part) {
  std::vector<std::int64_t> ids;
  SQLite::Statement q(project.db(),
                      "SELECT s.image_id FROM splits s JOIN labels l ON l.image_id = s.image_id "
                      "WHERE s.part = ? AND l.stage IS NOT NULL ORDER BY s.image_id");
  q.bind(1, splitPartName(part));
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

}  // namespace flystage
