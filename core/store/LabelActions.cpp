#include "store/LabelActions.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "store/Project.h"

namespace flystage {

namespace {

std::vector<LabelAction> actions(SQLite::Database& db, const char* state, const char* order,
                                 std::size_t limit) {
  SQLite::Statement q(db, std::string("SELECT action, min(description), count(*) FROM "
                                      "label_history WHERE state = ? GROUP BY action ORDER BY "
                                      "action ") +
                              order + (limit > 0 ? " LIMIT ?" : ""));
  q.bind(1, state);
  if (limit > 0) q.bind(2, static_cast<int64_t>(limit));
  std::vector<LabelAction> out;
  while (q.executeStep())
    out.push_back(LabelAction{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                              q.getColumn(2).getInt()});
  return out;
}

}  // namespace

Label labelFromColumns(const SQLite::Statement& row, int first) {
  Label label;
  if (!row.getColumn(first).isNull())
    label.range = parseStageRange(row.getColumn(first).getString());
  if (!row.getColumn(first + 1).isNull()) label.stage = row.getColumn(first + 1).getInt();
  if (!row.getColumn(first + 2).isNull())
    label.source =
        parseLabelSource(row.getColumn(first + 2).getString()).value_or(LabelSource::User);
  return label;
}

LabelActions labelActions(Project& project, std::size_t maxDone) {
  LabelActions a;
  // Newest first with the limit, then turned around: the list ends with the next undo.
  a.done = actions(project.db(), "done", "DESC", maxDone);
  std::reverse(a.done.begin(), a.done.end());
  a.undone = actions(project.db(), "undone", "ASC", 0);
  return a;
}

std::vector<std::int64_t> labelActionImages(Project& project, std::int64_t actionId) {
  SQLite::Statement q(project.db(),
                      "SELECT DISTINCT image_id FROM label_history WHERE action = ? ORDER BY "
                      "image_id");
  q.bind(1, static_cast<int64_t>(actionId));
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

std::vector<LabelActionChange> labelActionChanges(Project& project, std::int64_t actionId) {
  SQLite::Statement q(project.db(),
                      "SELECT image_id, old_range, old_stage, old_source, new_range, new_stage, "
                      "new_source FROM label_history WHERE action = ? ORDER BY image_id, id");
  q.bind(1, static_cast<int64_t>(actionId));
  std::vector<LabelActionChange> changes;
  while (q.executeStep()) {
    const std::int64_t image = q.getColumn(0).getInt64();
    if (changes.empty() || changes.back().imageId != image)
      changes.push_back({image, labelFromColumns(q, 1), {}});
    changes.back().after = labelFromColumns(q, 4);  // an image changed twice ends at its last
  }
  return changes;
}

}  // namespace flystage
