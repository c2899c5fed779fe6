#include "util/Csv.h"

#include <fstream>
#include <sstream>

#include "util/Error.h"
#include "util/Text.h"

namespace flystage {

std::vector<CsvRecord> parseCsv(const std::string& input, const std::string& name) {
  std::vector<CsvRecord> records;
  std::size_t i = 0;
  if (input.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  long line = 1;
  CsvRecord current{line, {}};
  std::string field;
  bool inQuotes = false;
  bool fieldStarted = false;
  long quoteLine = 0;

  auto endField = [&] {
    current.fields.push_back(field);
    field.clear();
    fieldStarted = false;
  };
  auto endRecord = [&] {
    endField();
    // Blank lines are not records.
    if (!(current.fields.size() == 1 && current.fields[0].empty()))
      records.push_back(std::move(current));
    current = CsvRecord{line, {}};
  };

  for (; i < input.size(); ++i) {
    const char c = input[i];
    if (inQuotes) {
      if (c == '"') {
        if (i + 1 < input.size() && input[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          inQuotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    switch (c) {
      case '"':
        if (!fieldStarted && field.empty()) {
          inQuotes = true;
          quoteLine = line;
        } else {
          field.push_back(c);  // a stray quote inside an unquoted field is kept as text
        }
        fieldStarted = true;
        break;
      case ',':
        endField();
        break;
      case '\r':
        break;  // CRLF: the \n ends the record
      case '\n':
        ++line;
        endRecord();
        break;
      default:
        field.push_back(c);
        fieldStarted = true;
    }
  }
  if (inQuotes)
    throw Error(located(name, quoteLine,
                        "a quoted field is never closed; add the missing '\"' and try again"));
  if (!field.empty() || fieldStarted || !current.fields.empty()) endRecord();
  return records;
}

CsvColumns::CsvColumns(const CsvRecord& header, const std::string& name) {
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string key = toLower(trim(header.fields[i]));
    if (key.empty()) continue;
    if (index_.count(key))
      throw Error(located(name, header.line, "column '" + key + "' appears twice in the header"));
    index_[key] = i;
  }
}

std::string CsvColumns::cell(const CsvRecord& record, const std::string& key) const {
  auto it = index_.find(key);
  if (it == index_.end() || it->second >= record.fields.size()) return {};
  return trim(record.fields[it->second]);
}

std::vector<CsvRecord> readCsvFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open the file (check the path and permissions)");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parseCsv(buffer.str(), path);
}

std::string csvField(const std::string& value) {
  std::string v = value;
  if (!v.empty() &&
      (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace flystage
