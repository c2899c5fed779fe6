#include "store/ImageList.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/Project.h"

namespace flystage {

std::vector<ImageRow> listImages(Project& project) {
  SQLite::Statement q(project.db(),
                      "SELECT i.id, i.path, i.gene, l.stage_range, l.stage, l.source, s.part "
                      "FROM images i LEFT JOIN labels l ON l.image_id = i.id "
                      "LEFT JOIN splits s ON s.image_id = i.id ORDER BY i.id");
  std::vector<ImageRow> rows;
  while (q.executeStep()) {
    ImageRow r;
    r.id = q.getColumn(0).getInt64();
    r.path = q.getColumn(1).getString();
    r.gene = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) r.label.range = parseStageRange(q.getColumn(3).getString());
    if (!q.getColumn(4).isNull()) r.label.stage = q.getColumn(4).getInt();
    if (!q.getColumn(5).isNull())
      r.label.source = parseLabelSource(q.getColumn(5).getString()).value_or(LabelSource::User);
    if (!q.getColumn(6).isNull()) r.split = parseSplitPart(q.getColumn(6).getString());
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace flystage
