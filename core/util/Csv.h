#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace flystage {

// One CSV record and the physical line it starts on (for error messages).
struct CsvRecord {
  long line = 0;
  std::vector<std::string> fields;
};

// What a CSV reader accepts before it gives up with an error naming the file and line, so
// a wrong file (an image, /dev/zero, a 4 GB log with no line break) fails fast in bounded
// memory instead of being read whole.
struct CsvLimits {
  std::size_t maxRecordBytes = 64 * 1024;      // one row, quoted line breaks included
  std::uintmax_t maxFileBytes = 256ull << 20;  // bytes read in all
  std::size_t maxRecords = 1000001;            // rows, the header included
};

// RFC 4180 reader: quoted fields with commas, doubled quotes and line breaks, CRLF or LF,
// a UTF-8 byte-order mark. Written here rather than taken from libcsv because error
// messages must name the line each record starts on, which libcsv's callbacks do not give.
// Streams: holds one record at a time. Throws flystage::Error naming `name` and the line of
// an unterminated quote, a NUL byte (a binary or UTF-16 file), or a limit passed.
class CsvReader {
 public:
  // Reads the file at `path`; throws flystage::Error when it is a folder, cannot be opened
  // or is larger than limits.maxFileBytes.
  explicit CsvReader(const std::string& path, const CsvLimits& limits = {});
  // Reads `in` (which must outlive the reader), naming `name` in errors.
  CsvReader(std::istream& in, std::string name, const CsvLimits& limits = {});
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // The next record (blank lines are skipped); false at the end of the input.
  bool next(CsvRecord& record);
  const std::string& name() const { return name_; }

 private:
  int get();   // the next byte of the input, counted and checked
  int take();  // the next byte, read-ahead first
  int peek();
  std::unique_ptr<std::istream> owned_;
  std::istream* in_ = nullptr;
  std::string name_;
  CsvLimits limits_;
  std::string pending_;  // bytes read ahead (looking for a byte-order mark)
  long line_ = 1;
  long quoteLine_ = 0;
  std::uintmax_t bytes_ = 0;
  std::size_t records_ = 0;
  bool started_ = false;
};

// The whole text parsed at once (small inputs: a prediction shard's body, tests).
std::vector<CsvRecord> parseCsv(const std::string& text, const std::string& name);

// Columns found by name in a header row (trimmed, case-insensitive), so files may order
// them as they like. A name given twice throws flystage::Error naming the line.
class CsvColumns {
 public:
  CsvColumns(const CsvRecord& header, const std::string& name);
  bool has(const std::string& key) const { return index_.count(key) > 0; }
  // The trimmed cell of `key` in a record; empty when the column or the cell is missing.
  std::string cell(const CsvRecord& record, const std::string& key) const;
  // Every named column (lower case) and its index.
  const std::map<std::string, std::size_t>& named() const { return index_; }

 private:
  std::map<std::string, std::size_t> index_;
};

// Reads and parses a whole file (within `limits`); throws flystage::Error when it cannot be
// read. Prefer CsvReader for files that may be large.
std::vector<CsvRecord> readCsvFile(const std::string& path, const CsvLimits& limits = {});

// A cell or column name as it may be quoted in a one-line message: at most `max` bytes
// (then "..."), control characters shown as '?', so a hostile file cannot flood or garble
// the terminal.
std::string csvQuoted(const std::string& text, std::size_t max = 60);

// Quotes a field for writing when needed, and neutralizes spreadsheet formulas: a cell
// starting with = + - @ (or tab/CR) gets a leading apostrophe so no spreadsheet runs it.
std::string csvField(const std::string& value);

}  // namespace flystage
