#pragma once

#include <map>
#include <string>
#include <vector>

namespace flystage {

// One CSV record and the physical line it starts on (for error messages).
struct CsvRecord {
  long line = 0;
  std::vector<std::string> fields;
};

// RFC 4180 reader: quoted fields with commas, doubled quotes and line breaks, CRLF or LF,
// a UTF-8 byte-order mark. Written here rather than taken from libcsv because error
// messages must name the line each record starts on, which libcsv's callbacks do not give.
// Throws flystage::Error naming `name` and the line of an unterminated quote.
std::vector<CsvRecord> parseCsv(const std::string& text, const std::string& name);

// Columns found by name in a header row (trimmed, case-insensitive), so files may order
// them as they like. A name given twice throws flystage::Error naming the line.
class CsvColumns {
 public:
  CsvColumns(const CsvRecord& header, const std::string& name);
  bool has(const std::string& key) const { return index_.count(key) > 0; }
  // The trimmed cell of `key` in a record; empty when the column or the cell is missing.
  std::string cell(const CsvRecord& record, const std::string& key) const;

 private:
  std::map<std::string, std::size_t> index_;
};

// Reads and parses a file; throws flystage::Error when it cannot be read.
std::vector<CsvRecord> readCsvFile(const std::string& path);

// Quotes a field for writing when needed, and neutralizes spreadsheet formulas: a cell
// starting with = + - @ (or tab/CR) gets a leading apostrophe so no spreadsheet runs it.
std::string csvField(const std::string& value);

}  // namespace flystage
