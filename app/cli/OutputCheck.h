#pragma once

// Output files are checked before the work that fills them (and written through
// util/AtomicFile, so no temporary file outlives a failure).

#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include "figure/Figure.h"
#include "util/Error.h"

namespace flystage::cli {

// The file `option` names can be written: it is not a folder, its folder exists, and we may
// write there. Throws flystage::Error naming the option and the path.
inline void checkOutputFile(const std::string& option, const std::filesystem::path& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::string head = option + " " + file.string() + ": ";
  if (fs::is_directory(file, ec)) throw Error(head + "is a folder; name a file to write");
  const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  if (!fs::is_directory(dir, ec))
    throw Error(head + "the folder " + dir.string() + " does not exist; create it first");
  if (::access(dir.c_str(), W_OK) != 0)
    throw Error(head + "you may not write in the folder " + dir.string() +
                "; choose another place or check its permissions");
  if (fs::exists(file, ec) && ::access(file.c_str(), W_OK) != 0)
    throw Error(head + "you may not overwrite this file; check its permissions");
}

// A folder `option` names (created when missing): not an existing file.
inline void checkOutputFolder(const std::string& option, const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_directory(dir, ec))
    throw Error(option + " " + dir.string() + ": is a file, not a folder; name a folder");
}

// A PNG is drawn into an ARGB image of (points * dpi / 72)^2 pixels before it is saved. The
// limit is the one imported images have (64 megapixels, 256 MB as ARGB): `gem --columns 50
// --dpi 2400` asked for 1.7 gigapixels (6.9 GB). SVG and PDF are vectors: no limit.
constexpr double kMaxFigureMegapixels = 64;

// `options` are the ones that made the size (echoed), `lower` the ones to lower.
inline void checkFigurePixels(const figure::Figure& f, const std::filesystem::path& out, int dpi,
                              const std::string& options, const std::string& lower) {
  std::string ext = out.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".png") return;
  const double w = std::ceil(f.size.width() * dpi / 72.0);
  const double h = std::ceil(f.size.height() * dpi / 72.0);
  const double mp = w * h / 1e6;
  if (mp <= kMaxFigureMegapixels) return;
  char text[160];
  std::snprintf(text, sizeof text,
                ": the PNG would be %.0f x %.0f pixels (%.0f megapixels), over the limit of "
                "%.0f megapixels; ",
                w, h, mp, kMaxFigureMegapixels);
  throw Error(options + text + "lower " + lower + ", or write .svg or .pdf");
}

}  // namespace flystage::cli
