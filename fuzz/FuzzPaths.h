#pragma once

// The four code paths that read untrusted user files, shared by the libFuzzer targets of
// fuzz/ and by tests/fuzz/FuzzRegressionTest.cpp (which replays the seed corpora and every
// input that once crashed). Each function takes the raw bytes, writes them where the product
// would read them, runs the path and returns a short description of what it got. Expected
// failures are exceptions (flystage::Error); anything else is a bug.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "data/BdgpDump.h"
#include "data/ImageIo.h"
#include "data/LabelsCsv.h"
#include "image/Standardizer.h"
#include "importer/ImportPlan.h"
#include "store/Project.h"
#include "util/Error.h"

namespace flystage::fuzz {

inline void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error(file.string() + ": cannot write the fuzz input");
}

inline std::string describe(const ImportPlan& plan) {
  std::string s = plan.kind + ": " + std::to_string(plan.items.size()) + " items, " +
                  std::to_string(plan.problems.size()) + " problems";
  // Touch every field, as the importer and the GUI's problem list do.
  for (const auto& p : plan.problems) s += p.text().empty() ? "" : "";
  for (const auto& item : plan.items) {
    if (item.range) s += item.range->name().empty() ? "?" : "";
    s += item.path.empty() ? "?" : "";
  }
  return s;
}

// 1. The labels CSV (`dir`/labels.csv).
inline std::string runLabelsCsv(const std::string& bytes, const std::filesystem::path& dir) {
  const auto csv = dir / "labels.csv";
  writeBytes(csv, bytes);
  return describe(parseLabelsCsv(csv));
}

// 2. BDGP's insitu_images.csv dump (`dir`/insitu_images.csv).
inline std::string runBdgpDump(const std::string& bytes, const std::filesystem::path& dir) {
  const auto dump = dir / "insitu_images.csv";
  writeBytes(dump, bytes);
  return describe(parseBdgpDump(dump));
}

// 3. Decoding an image file (`name` in messages) and standardizing it, as the importer does.
inline std::string runImage(const std::string& bytes, const std::string& name) {
  const LoadedImage img = decodeImage(bytes, name);
  StandardizeResult r;
  try {
    r = Standardizer().run(img.bgr);
  } catch (const Error& e) {
    // The standardizer does not know the file: the importer reports its message with the
    // image's path (or CSV line), so does this.
    throw Error(name + ": " + e.what());
  }
  const std::string png = encodePng(r.image);
  return std::to_string(img.info.width) + "x" + std::to_string(img.info.height) + " -> " +
         std::to_string(r.image.cols) + "x" + std::to_string(r.image.rows) + ", " +
         std::to_string(png.size()) + " PNG bytes";
}

// What the CLI's `info` and the GUI read of an opened project, and a few images of it.
inline std::string readProject(Project& project) {
  const ProjectSummary s = project.summary();
  std::string out =
      "schema " + std::to_string(s.schemaVersion) + ", " + std::to_string(s.images) + " images";
  out += project.meta("name").empty() ? "" : "";
  int n = 0;
  for (const std::int64_t id : project.imageIds()) {
    if (++n > 4) break;
    if (auto rec = project.image(id)) out += rec->path.empty() ? "" : "";
    out += project.label(id).range ? "" : "";
    (void)project.splitPart(id);
    try {
      out += project.standardizedImage(id).empty() ? "" : "";
    } catch (const Error&) {
      // No or bad stored pixels: a flystage::Error the GUI shows; keep reading the others.
    }
  }
  return out;
}

inline void removeSidecars(const std::filesystem::path& file) {
  std::error_code ec;
  for (const char* suffix : {"-wal", "-shm", "-journal"})
    std::filesystem::remove(file.string() + suffix, ec);
}

// 4. A project file opened read-only (never written), then a copy opened for writing, which
// migrates an older schema. Both results are returned, the first failure thrown.
inline std::string runProject(const std::string& bytes, const std::filesystem::path& dir) {
  const auto file = dir / "fuzz.flystage";
  const auto copy = dir / "fuzz-copy.flystage";
  removeSidecars(file);
  removeSidecars(copy);
  writeBytes(file, bytes);
  writeBytes(copy, bytes);
  std::string out;
  {
    Project p = Project::open(file, OpenMode::ReadOnly);
    out = "read-only: " + readProject(p);
  }
  {
    Project p = Project::open(copy, OpenMode::Existing);
    out += "; existing: " + readProject(p);
  }
  removeSidecars(file);
  removeSidecars(copy);
  return out;
}

}  // namespace flystage::fuzz
