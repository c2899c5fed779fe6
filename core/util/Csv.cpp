#include "util/Csv.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/Error.h"
#include "util/Text.h"

namespace flystage {

namespace {

std::string mebibytes(std::uintmax_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

// A limit as people write it: "64 KiB", "256 MiB" (small test limits in bytes).
std::string limitText(std::uintmax_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

CsvReader::CsvReader(const std::string& path, const CsvLimits& limits)
    : name_(path), limits_(limits) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(path + ": is a folder, not a CSV file; give the CSV file itself");
  // A regular file's size is known up front: refuse a huge one before reading a byte.
  // Devices and pipes (/dev/zero) have none; the limits below stop them while reading.
  if (std::filesystem::is_regular_file(path, ec)) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limits_.maxFileBytes)
      throw Error(path + ": the file is " + mebibytes(size) + ", over the limit of " +
                  limitText(limits_.maxFileBytes) +
                  " for a CSV; is it the right file? Split a real one into smaller files");
  }
  owned_ = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*owned_) throw Error(path + ": cannot open the file (check the path and permissions)");
  in_ = owned_.get();
}

CsvReader::CsvReader(std::istream& in, std::string name, const CsvLimits& limits)
    : in_(&in), name_(std::move(name)), limits_(limits) {}

CsvReader::~CsvReader() = default;

int CsvReader::get() {
  const int c = in_->rdbuf()->sbumpc();
  if (c == std::char_traits<char>::eof()) return c;
  if (++bytes_ > limits_.maxFileBytes)
    throw Error(located(name_, line_,
                        "the file goes on past the limit of " + limitText(limits_.maxFileBytes) +
                            " for a CSV; is it the right file? Split a real one into smaller "
                            "files"));
  if (c == 0)
    throw Error(located(name_, line_,
                        "the file holds a NUL byte, so it is not a UTF-8 text CSV (an image, a "
                        "spreadsheet or a UTF-16 export?); save it as CSV (UTF-8)"));
  return c;
}

int CsvReader::take() {
  if (pending_.empty()) return get();
  const int c = static_cast<unsigned char>(pending_.front());
  pending_.erase(0, 1);
  return c;
}

int CsvReader::peek() {
  return pending_.empty() ? in_->rdbuf()->sgetc() : static_cast<unsigned char>(pending_.front());
}

bool CsvReader::next(CsvRecord& record) {
  constexpr int kEof = std::char_traits<char>::eof();
  if (!started_) {
    started_ = true;
    // A UTF-8 byte-order mark before the header is not part of its first name.
    for (int k = 0; k < 3; ++k) {
      const int c = get();
      if (c == kEof) break;
      pending_.push_back(static_cast<char>(c));
    }
    if (pending_ == "\xEF\xBB\xBF") pending_.clear();
  }
  for (;;) {
    record.line = line_;
    record.fields.clear();
    std::string field;
    bool inQuotes = false;
    bool fieldStarted = false;
    std::size_t recordBytes = 0;
    auto endField = [&] {
      record.fields.push_back(std::move(field));
      field.clear();
      fieldStarted = false;
    };
    bool ended = false;  // a line break ended the record (not the end of the input)
    for (;;) {
      const int c = take();
      if (c == kEof) break;
      if (++recordBytes > limits_.maxRecordBytes)
        throw Error(located(name_, record.line,
                            inQuotes ? "a quoted field runs on for over " +
                                           limitText(limits_.maxRecordBytes) +
                                           "; is a closing '\"' missing?"
                                     : "a row longer than " + limitText(limits_.maxRecordBytes) +
                                           " starts here; is this a CSV file?"));
      const char ch = static_cast<char>(c);
      if (inQuotes) {
        if (ch == '"') {
          if (peek() == '"') {
            take();
            ++recordBytes;
            field.push_back('"');
          } else {
            inQuotes = false;
          }
        } else {
          if (ch == '\n') ++line_;
          field.push_back(ch);
        }
        continue;
      }
      if (ch == '"') {
        if (!fieldStarted && field.empty()) {
          inQuotes = true;
          quoteLine_ = line_;
        } else {
          field.push_back(ch);  // a stray quote inside an unquoted field is kept as text
        }
        fieldStarted = true;
      } else if (ch == ',') {
        endField();
      } else if (ch == '\r') {
        // CRLF: the \n ends the record
      } else if (ch == '\n') {
        ++line_;
        ended = true;
        break;
      } else {
        field.push_back(ch);
        fieldStarted = true;
      }
    }
    if (inQuotes)
      throw Error(located(name_, quoteLine_,
                          "a quoted field is never closed; add the missing '\"' and try again"));
    if (!ended && field.empty() && !fieldStarted && record.fields.empty()) return false;
    endField();
    // Blank lines are not records.
    if (record.fields.size() == 1 && record.fields[0].empty()) {
      if (!ended) return false;
      continue;
    }
    if (++records_ > limits_.maxRecords)
      throw Error(located(name_, record.line,
                          "more than " + std::to_string(limits_.maxRecords - 1) +
                              " rows; split the file into smaller ones"));
    return true;
  }
}

std::vector<CsvRecord> parseCsv(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  CsvLimits unlimited;  // the text is in memory already
  unlimited.maxRecordBytes = text.size() + 1;
  unlimited.maxFileBytes = text.size() + 1;
  unlimited.maxRecords = text.size() + 2;
  CsvReader reader(in, name, unlimited);
  std::vector<CsvRecord> records;
  CsvRecord r;
  while (reader.next(r)) records.push_back(std::move(r));
  return records;
}

CsvColumns::CsvColumns(const CsvRecord& header, const std::string& name) {
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string key = toLower(trim(header.fields[i]));
    if (key.empty()) continue;
    if (index_.count(key))
      throw Error(located(name, header.line,
                          "column '" + csvQuoted(key) + "' appears twice in the header"));
    index_[key] = i;
  }
}

std::string CsvColumns::cell(const CsvRecord& record, const std::string& key) const {
  auto it = index_.find(key);
  if (it == index_.end() || it->second >= record.fields.size()) return {};
  return trim(record.fields[it->second]);
}

std::vector<CsvRecord> readCsvFile(const std::string& path, const CsvLimits& limits) {
  CsvReader reader(path, limits);
  std::vector<CsvRecord> records;
  CsvRecord r;
  while (reader.next(r)) records.push_back(std::move(r));
  return records;
}

std::string csvQuoted(const std::string& text, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < max; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    out.push_back(c < 0x20 || c == 0x7F ? '?' : static_cast<char>(c));
  }
  if (text.size() > max) out += "...";
  return out;
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
