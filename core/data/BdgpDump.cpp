#include "data/BdgpDump.h"

#include "util/Csv.h"
#include "util/Error.h"
#include "util/Text.h"

namespace flystage {

ImportPlan parseBdgpDump(const std::filesystem::path& dump,
                         const std::filesystem::path& imagesRoot) {
  ImportPlan plan;
  plan.source = dump.string();
  plan.kind = "bdgp-dump";
  const std::string name = dump.string();
  // Streamed: the dump is large, and a wrong file must fail fast in bounded memory.
  CsvReader reader(name);
  CsvRecord header;
  if (!reader.next(header))
    throw Error(name + ": the file is empty; expected BDGP's insitu_images.csv");

  const CsvColumns columns(header, name);
  for (const char* required : {"path", "stage", "pov"})
    if (!columns.has(required))
      throw Error(located(name, header.line,
                          std::string("the header has no '") + required +
                              "' column; is this BDGP's insitu_images.csv?"));

  const auto root = std::filesystem::absolute(imagesRoot.empty() ? dump.parent_path() : imagesRoot);
  auto cell = [&](const CsvRecord& r, const char* key) { return columns.cell(r, key); };

  CsvRecord r;
  while (reader.next(r)) {
    const std::string pov = toLower(cell(r, "pov"));
    if (pov != "lateral") {
      ++plan.skippedNonLateral;
      continue;
    }
    const std::string path = cell(r, "path");
    const std::string bin = cell(r, "stage");
    if (path.empty()) {
      plan.addProblem({name, r.line, "column 'path' is empty"});
      continue;
    }
    auto range = parseStageRange(bin);
    if (!range) {
      plan.addProblem(
          {name, r.line, "column 'stage': '" + csvQuoted(bin) + "' is not a BDGP stage bin 1..6"});
      continue;
    }
    ImportItem item;
    item.sourceFile = name;
    item.line = r.line;
    const std::filesystem::path p(path);
    item.path = (p.is_absolute() ? p : root / p).lexically_normal();
    item.range = range;
    item.gene = cell(r, "symbol");
    if (item.gene.empty()) item.gene = cell(r, "annotation_symbol");
    plan.items.push_back(std::move(item));
  }
  return plan;
}

}  // namespace flystage
