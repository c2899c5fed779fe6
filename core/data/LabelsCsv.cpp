#include "data/LabelsCsv.h"

#include "data/Stage.h"
#include "util/Csv.h"
#include "util/Error.h"
#include "util/Text.h"

namespace flystage {

namespace {

const char* kColumns[] = {"path", "stage_range", "stage", "gene", "split"};

}  // namespace

ImportPlan parseLabelsCsv(const std::filesystem::path& csv) {
  ImportPlan plan;
  plan.source = csv.string();
  plan.kind = "labels-csv";
  const std::string name = csv.string();
  const auto records = readCsvFile(name);
  if (records.empty())
    throw Error(name + ": the file is empty; it needs a header row with at least a 'path' column");

  const auto& header = records.front();
  const CsvColumns columns(header, name);
  if (!columns.has("path")) {
    std::string known;
    for (const char* c : kColumns) known += std::string(known.empty() ? "" : ", ") + c;
    throw Error(located(name, header.line,
                        "the header has no 'path' column (expected columns: " + known + ")"));
  }

  const auto base = std::filesystem::absolute(csv).parent_path();
  auto cell = [&](const CsvRecord& r, const char* key) { return columns.cell(r, key); };

  for (std::size_t k = 1; k < records.size(); ++k) {
    const auto& r = records[k];
    auto problem = [&](const std::string& message) {
      plan.problems.push_back({name, r.line, message});
    };
    if (r.fields.size() > header.fields.size()) {
      problem("row has " + std::to_string(r.fields.size()) + " fields but the header has " +
              std::to_string(header.fields.size()) + " (quote fields that contain commas)");
      continue;
    }
    ImportItem item;
    item.sourceFile = name;
    item.line = r.line;
    const std::string path = cell(r, "path");
    if (path.empty()) {
      problem("column 'path' is empty; give the image file name");
      continue;
    }
    const std::filesystem::path p(path);
    item.path = (p.is_absolute() ? p : base / p).lexically_normal();

    bool ok = true;
    const std::string rangeText = cell(r, "stage_range");
    if (!rangeText.empty()) {
      item.range = parseStageRange(rangeText);
      if (!item.range) {
        problem("column 'stage_range': '" + rangeText +
                "' is not a stage range (use 1-3, 4-6, 7-8, 9-10, 11-12, 13-17 or a bin 1..6)");
        ok = false;
      }
    }
    const std::string stageText = cell(r, "stage");
    if (!stageText.empty()) {
      item.stage = parseStage(stageText);
      if (!item.stage) {
        problem("column 'stage': '" + stageText + "' is not a stage (use a whole number 1..17)");
        ok = false;
      }
    }
    if (ok && item.stage && item.range && !item.range->contains(*item.stage)) {
      problem("stage " + std::to_string(*item.stage) + " is outside its stage_range " +
              item.range->name() + "; correct one of the two");
      ok = false;
    }
    if (ok && item.stage && !item.range) item.range = stageRangeOfStage(*item.stage);
    if (ok && !item.stage && !item.range) {
      problem("row has neither 'stage_range' nor 'stage'; give at least a range");
      ok = false;
    }
    item.gene = cell(r, "gene");
    const std::string splitText = cell(r, "split");
    if (!splitText.empty()) {
      item.split = parseSplitPart(splitText);
      if (!item.split) {
        problem("column 'split': '" + splitText + "' is not train, validation or test");
        ok = false;
      } else if (!item.stage) {
        problem(
            "column 'split' is set but the row has no precise 'stage'; the split holds "
            "stage-labelled images only");
        ok = false;
      }
    }
    if (ok) plan.items.push_back(std::move(item));
  }
  return plan;
}

}  // namespace flystage
