#include "store/LabelHistory.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/DiskFull.h"
#include "store/LabelActions.h"
#include "store/LabelConflict.h"
#include "store/LabellerVotes.h"
#include "store/Project.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"

namespace flystage {

namespace {

void bindLabel(SQLite::Statement& q, int first, const Label& l) {
  if (l.range)
    q.bind(first, l.range->name());
  else
    q.bind(first);
  if (l.stage)
    q.bind(first + 1, *l.stage);
  else
    q.bind(first + 1);
  if (l.empty())
    q.bind(first + 2);
  else
    q.bind(first + 2, labelSourceName(l.source));
}

void writeLabel(SQLite::Database& db, std::int64_t imageId, const Label& l,
                const std::string& labeller) {
  if (l.empty()) {
    SQLite::Statement del(db, "DELETE FROM labels WHERE image_id = ?");
    del.bind(1, static_cast<int64_t>(imageId));
    del.exec();
    return;
  }
  // A stage that brings its own range (an unlabelled image, or one whose range it replaces)
  // marks that range as derived from the stage: evaluation never constrains a call to it. A
  // stage inside the stored range keeps the stored mark; a range set alone is a person's.
  SQLite::Statement q(
      db,
      "INSERT INTO labels(image_id, stage_range, stage, source, updated_at, "
      "range_from_stage, labeller) VALUES (?, ?, ?, ?, "
      "strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?3 IS NOT NULL, ?) "
      "ON CONFLICT(image_id) DO UPDATE SET stage_range = excluded.stage_range, "
      "stage = excluded.stage, source = excluded.source, "
      "updated_at = excluded.updated_at, labeller = excluded.labeller, "
      "range_from_stage = CASE "
      "WHEN excluded.stage IS NULL THEN 0 "
      "WHEN labels.stage_range IS excluded.stage_range THEN labels.range_from_stage "
      "ELSE 1 END");
  q.bind(1, static_cast<int64_t>(imageId));
  bindLabel(q, 2, l);
  q.bind(5, labeller);
  q.exec();
}

// Who set an image's current label ("" when unnamed or unlabelled).
std::string currentLabeller(SQLite::Database& db, std::int64_t imageId) {
  SQLite::Statement q(db, "SELECT labeller FROM labels WHERE image_id = ?");
  q.bind(1, static_cast<int64_t>(imageId));
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::optional<LabelAction> describe(SQLite::Database& db, const char* where, const char* order) {
  SQLite::Statement q(db, std::string("SELECT action, min(description), count(*) FROM "
                                      "label_history WHERE state = '") +
                              where + "' GROUP BY action ORDER BY action " + order + " LIMIT 1");
  if (!q.executeStep()) return std::nullopt;
  return LabelAction{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                     q.getColumn(2).getInt()};
}

}  // namespace

LabelHistory::LabelHistory(Project& project, std::string labeller)
    : project_(project), labeller_(std::move(labeller)) {}

std::optional<LabelAction> LabelHistory::applyInTransaction(const std::vector<LabelChange>& changes,
                                                            const std::string& description) {
  auto& db = project_.db();
  if (const std::string problem = labellerNameProblem(labeller_); !problem.empty())
    throw Error("labeller \"" + labeller_ + "\": " + problem);
  for (const auto& c : changes) validateLabel(c.label);
  WriteTransaction tx(db);
  const std::int64_t action =
      db.execAndGet("SELECT coalesce(max(action), 0) + 1 FROM label_history").getInt64();
  int recorded = 0;
  for (const auto& c : changes) {
    if (!project_.image(c.imageId))
      throw Error("image #" + std::to_string(c.imageId) + " is not in the project");
    const Label old = project_.label(c.imageId);
    const std::string oldLabeller = currentLabeller(db, c.imageId);
    // The same label from another (named) labeller is their vote: kept in the history for
    // agreement, while the label row keeps its value and who set it.
    const bool vote = old == c.label;
    if (vote && (c.label.empty() || labeller_.empty() || labeller_ == oldLabeller)) continue;
    SQLite::Statement h(db,
                        "INSERT INTO label_history(action, image_id, old_range, old_stage, "
                        "old_source, new_range, new_stage, new_source, description, "
                        "labeller, old_labeller) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    h.bind(1, static_cast<int64_t>(action));
    h.bind(2, static_cast<int64_t>(c.imageId));
    bindLabel(h, 3, old);
    bindLabel(h, 6, c.label);
    h.bind(9, description);
    h.bind(10, labeller_);
    h.bind(11, oldLabeller);
    h.exec();
    if (!vote) writeLabel(db, c.imageId, c.label, labeller_);
    ++recorded;
  }
  if (recorded == 0) return std::nullopt;  // nothing changed: leave the redo list alone
  db.exec("UPDATE label_history SET state = 'discarded' WHERE state = 'undone'");
  tx.commit();
  return LabelAction{action, description, recorded};
}

std::optional<LabelAction> LabelHistory::apply(const std::vector<LabelChange>& changes,
                                               const std::string& description) {
  try {
    return applyInTransaction(changes, description);
  } catch (const SQLite::Exception& e) {
    if (!isDiskFull(e)) throw;
    throw Error(diskFullMessage(project_.file(), e,
                                "the label was not saved; the labels saved before are kept"));
  }
}

std::optional<LabelAction> LabelHistory::setLabel(std::int64_t imageId, const Label& label,
                                                  const std::string& description) {
  if (!description.empty()) return apply({LabelChange{imageId, label}}, description);
  // A stage outside the image's range replaces the range (asked for, `label --force`): the
  // description keeps what it was, as the history row does.
  const Label old = project_.label(imageId);
  std::string text = "Label image #" + std::to_string(imageId) + " as " + label.text();
  if (isRangeConflict(old, label)) text += " (was range " + old.range->name() + ")";
  return apply({LabelChange{imageId, label}}, text);
}

std::optional<LabelAction> LabelHistory::nextUndo() {
  return describe(project_.db(), "done", "DESC");
}

std::optional<LabelAction> LabelHistory::nextRedo() {
  return describe(project_.db(), "undone", "ASC");
}

namespace {

// Writes one side of an action's rows (old labels to undo, new labels to redo) and marks it.
// Undo walks the rows backwards, so an action that touched one image twice ends at its start.
// A vote (old and new label equal) wrote nothing, so it replays nothing: its state alone
// says whether the vote counts. Undo restores who set the label before (old_labeller).
void replay(SQLite::Database& db, const LabelAction& action, bool undo) {
  WriteTransaction tx(db);
  SQLite::Statement q(db, undo ? "SELECT image_id, old_range, old_stage, old_source, "
                                 "new_range, new_stage, new_source, old_labeller FROM "
                                 "label_history WHERE action = ? ORDER BY id DESC"
                               : "SELECT image_id, new_range, new_stage, new_source, "
                                 "old_range, old_stage, old_source, labeller FROM "
                                 "label_history WHERE action = ? ORDER BY id ASC");
  q.bind(1, static_cast<int64_t>(action.id));
  while (q.executeStep()) {
    const Label label = labelFromColumns(q, 1);
    if (label == labelFromColumns(q, 4)) continue;
    writeLabel(db, q.getColumn(0).getInt64(), label, q.getColumn(7).getString());
  }
  SQLite::Statement mark(db, "UPDATE label_history SET state = ? WHERE action = ?");
  mark.bind(1, undo ? "undone" : "done");
  mark.bind(2, static_cast<int64_t>(action.id));
  mark.exec();
  tx.commit();
}

}  // namespace

std::optional<LabelAction> LabelHistory::undo() {
  auto action = nextUndo();
  if (action) replay(project_.db(), *action, true);
  return action;
}

std::optional<LabelAction> LabelHistory::redo() {
  auto action = nextRedo();
  if (action) replay(project_.db(), *action, false);
  return action;
}

}  // namespace flystage
