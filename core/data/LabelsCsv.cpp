#include "data/LabelsCsv.h"

#include <algorithm>
#include <unordered_map>

#include "data/Stage.h"
#include "util/Csv.h"
#include "util/Error.h"
#include "util/Text.h"

namespace flystage {

namespace {

const char* const kColumns[] = {"path", "stage_range", "stage", "gene", "split"};

// Names people give these columns, suggested when they are not near misses by spelling.
const std::pair<const char*, const char*> kAliases[] = {
    {"file", "path"},       {"filename", "path"},         {"file_name", "path"},
    {"image", "path"},      {"image_path", "path"},       {"range", "stage_range"},
    {"bin", "stage_range"}, {"stage_bin", "stage_range"}, {"symbol", "gene"},
    {"part", "split"},
};

std::string knownColumns() {
  std::string known;
  for (const char* c : kColumns) known += std::string(known.empty() ? "" : ", ") + c;
  return known;
}

bool isKnown(const std::string& key) {
  return std::any_of(std::begin(kColumns), std::end(kColumns),
                     [&](const char* c) { return key == c; });
}

// The known column `key` most likely means, or "" when none is close enough.
std::string suggestion(const std::string& key) {
  for (const auto& [alias, column] : kAliases)
    if (key == alias) return column;
  std::string best;
  std::size_t bestDistance = 3;  // at most two edits, and fewer than the name's length
  for (const char* c : kColumns) {
    const std::size_t d = editDistance(key, c);
    if (d < bestDistance && d < key.size()) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

std::string labelText(const ImportItem& item) {
  std::string s = item.stage
                      ? "stage " + std::to_string(*item.stage) + " (" + item.range->name() + ")"
                      : "stage_range " + item.range->name();
  if (!item.gene.empty()) s += ", gene " + csvQuoted(item.gene);
  if (item.split) s += ", split " + splitPartName(*item.split);
  return s;
}

bool sameRow(const ImportItem& a, const ImportItem& b) {
  return a.range == b.range && a.stage == b.stage && a.gene == b.gene && a.split == b.split;
}

// The header's columns, checked: 'path' must be there and every other column known (or
// ignored by the user), else nothing is read: a typo must not drop a column unseen.
CsvColumns checkedColumns(const CsvRecord& header, const std::string& name,
                          const LabelsCsvOptions& options) {
  const CsvColumns columns(header, name);
  if (columns.has("pov") && columns.has("path"))
    throw Error(located(name, header.line,
                        "this looks like BDGP's insitu_images.csv (it has a 'pov' column); "
                        "import it as a BDGP dump (--bdgp-dump), not as a labels CSV"));
  std::vector<std::string> ignored;
  for (const auto& c : options.ignoredColumns) ignored.push_back(toLower(trim(c)));
  std::string unknown;
  std::size_t unknownCount = 0;
  std::string pathHint;
  for (const auto& [key, index] : columns.named()) {
    (void)index;
    if (isKnown(key) || std::find(ignored.begin(), ignored.end(), key) != ignored.end()) continue;
    const std::string near = suggestion(key);
    if (near == "path" && pathHint.empty()) pathHint = key;
    unknown += std::string(unknown.empty() ? "'" : ", '") + csvQuoted(key) + "'" +
               (near.empty() ? "" : " (did you mean '" + near + "'?)");
    ++unknownCount;
  }
  if (!columns.has("path"))
    throw Error(located(name, header.line,
                        "the header has no 'path' column (expected columns: " + knownColumns() +
                            ")" +
                            (pathHint.empty() ? ""
                                              : "; rename column '" + csvQuoted(pathHint) +
                                                    "' to 'path' if it holds the image files")));
  if (unknownCount > 0)
    throw Error(located(name, header.line,
                        std::string(unknownCount == 1 ? "unknown column " : "unknown columns ") +
                            unknown + "; the known columns are " + knownColumns() +
                            ". Rename or remove " + (unknownCount == 1 ? "it" : "them") +
                            " (or leave " + (unknownCount == 1 ? "it" : "them") +
                            " out with --ignore-column); nothing was imported"));
  return columns;
}

}  // namespace

std::size_t editDistance(const std::string& a, const std::string& b) {
  // Three rows of the dynamic programme suffice for adjacent transpositions.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

ImportPlan parseLabelsCsv(const std::filesystem::path& csv, const LabelsCsvOptions& options) {
  ImportPlan plan;
  plan.source = csv.string();
  plan.kind = "labels-csv";
  const std::string name = csv.string();
  CsvReader reader(name);
  CsvRecord header;
  if (!reader.next(header))
    throw Error(name + ": the file is empty; it needs a header row with at least a 'path' column");
  const CsvColumns columns = checkedColumns(header, name, options);

  const auto base = std::filesystem::absolute(csv).parent_path();
  auto cell = [&](const CsvRecord& r, const char* key) { return columns.cell(r, key); };

  // Each image's first good row: a later row for the same file must agree with it.
  struct First {
    std::size_t item;  // index in plan.items
    long line;
    bool dropped;  // another row gave it another label
  };
  std::unordered_map<std::string, First> firstRow;

  CsvRecord r;
  while (reader.next(r)) {
    auto problem = [&](const std::string& message) { plan.addProblem({name, r.line, message}); };
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
        problem("column 'stage_range': '" + csvQuoted(rangeText) +
                "' is not a stage range (use 1-3, 4-6, 7-8, 9-10, 11-12, 13-17 or a bin 1..6)");
        ok = false;
      }
    }
    const std::string stageText = cell(r, "stage");
    if (!stageText.empty()) {
      item.stage = parseStage(stageText);
      if (!item.stage) {
        problem("column 'stage': '" + csvQuoted(stageText) +
                "' is not a stage (use a whole number 1..17)");
        ok = false;
      }
    }
    if (ok && item.stage && item.range && !item.range->contains(*item.stage)) {
      problem("stage " + std::to_string(*item.stage) + " is outside its stage_range " +
              item.range->name() + "; correct one of the two");
      ok = false;
    }
    if (ok && item.stage && !item.range) {
      // Not a curator's range: it must never constrain this image's own test call.
      item.range = stageRangeOfStage(*item.stage);
      item.rangeFromStage = true;
    }
    if (ok && !item.stage && !item.range) {
      problem("row has neither 'stage_range' nor 'stage'; give at least a range");
      ok = false;
    }
    item.gene = cell(r, "gene");
    const std::string splitText = cell(r, "split");
    if (!splitText.empty()) {
      item.split = parseSplitPart(splitText);
      if (!item.split) {
        problem("column 'split': '" + csvQuoted(splitText) + "' is not train, validation or test");
        ok = false;
      } else if (!item.stage) {
        problem(
            "column 'split' is set but the row has no precise 'stage'; the split holds "
            "stage-labelled images only");
        ok = false;
      }
    }
    if (!ok) continue;
    const auto [it, fresh] =
        firstRow.try_emplace(item.path.string(), First{plan.items.size(), r.line, false});
    if (!fresh && !sameRow(plan.items[it->second.item], item)) {
      // Which row is right cannot be known: neither is imported.
      const ImportItem& first = plan.items[it->second.item];
      problem(csvQuoted(path, 200) + " is also on line " + std::to_string(it->second.line) +
              " with another label (line " + std::to_string(it->second.line) + ": " +
              labelText(first) + "; line " + std::to_string(r.line) + ": " + labelText(item) +
              "); keep one row per image");
      it->second.dropped = true;
      continue;
    }
    plan.items.push_back(std::move(item));
  }
  // Every row of a conflicting image goes, identical repeats of its first row included.
  std::vector<ImportItem> kept;
  kept.reserve(plan.items.size());
  for (auto& item : plan.items)
    if (!firstRow.at(item.path.string()).dropped) kept.push_back(std::move(item));
  plan.items = std::move(kept);
  return plan;
}

}  // namespace flystage
