#include "store/LabellerVotes.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <optional>
#include <utility>

#include "store/Project.h"

namespace flystage {

std::string labellerNameProblem(const std::string& name) {
  if (name == kImportLabeller)
    return "\"import\" is the labeller of imported labels; choose another name";
  std::size_t characters = 0;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f || c == '|')
      return "a labeller name holds no control characters and no '|'; choose another name";
    if ((c & 0xC0) != 0x80) ++characters;  // UTF-8: continuation bytes are no character
  }
  if (characters > 100) return "a labeller name has at most 100 characters";
  return {};
}

std::vector<LabellerVote> labellerVotes(Project& project) {
  auto& db = project.db();
  // (image, labeller) -> the stage of the latest done row (nullopt: no precise stage).
  std::map<std::pair<std::int64_t, std::string>, std::optional<int>> latest;
  SQLite::Statement rows(db,
                         "SELECT image_id, CASE WHEN labeller = '' AND new_source = 'import' "
                         "THEN 'import' ELSE labeller END, new_stage FROM label_history "
                         "WHERE state = 'done' ORDER BY id");
  while (rows.executeStep()) {
    std::string who = rows.getColumn(1).getString();
    if (who.empty()) continue;
    std::optional<int> stage;
    if (!rows.getColumn(2).isNull()) stage = rows.getColumn(2).getInt();
    latest[{rows.getColumn(0).getInt64(), std::move(who)}] = stage;
  }

  // The imported label of images the importer's history does not speak for: the label before
  // the first history row (whatever its state), or the current one when the image has none.
  SQLite::Statement imported(
      db,
      "SELECT h.image_id, h.old_stage FROM label_history h WHERE h.id = "
      "(SELECT min(id) FROM label_history f WHERE f.image_id = h.image_id) "
      "AND h.old_source = 'import' AND h.old_stage IS NOT NULL "
      "UNION ALL SELECT l.image_id, l.stage FROM labels l WHERE l.source = 'import' AND "
      "l.stage IS NOT NULL AND NOT EXISTS "
      "(SELECT 1 FROM label_history f WHERE f.image_id = l.image_id)");
  while (imported.executeStep())
    latest.emplace(std::make_pair(imported.getColumn(0).getInt64(), std::string(kImportLabeller)),
                   imported.getColumn(1).getInt());

  std::vector<LabellerVote> votes;
  for (const auto& [key, stage] : latest)
    if (stage) votes.push_back({key.first, key.second, *stage});
  return votes;
}

}  // namespace flystage
