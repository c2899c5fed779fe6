#include "store/ImageLookup.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/Project.h"
#include "util/Error.h"

namespace flystage {

std::int64_t resolveImage(Project& project, const std::string& pathOrId) {
  if (!pathOrId.empty() && std::all_of(pathOrId.begin(), pathOrId.end(),
                                       [](unsigned char c) { return std::isdigit(c); })) {
    const auto id = std::stoll(pathOrId);
    if (project.image(id)) return id;
  }
  const auto whole = [&](const std::string& p) -> std::vector<std::int64_t> {
    SQLite::Statement q(project.db(), "SELECT id FROM images WHERE path = ?");
    q.bind(1, p);
    std::vector<std::int64_t> ids;
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    return ids;
  };
  auto ids = whole(pathOrId);
  std::error_code ec;
  if (ids.empty()) {
    const auto canonical = std::filesystem::weakly_canonical(pathOrId, ec);
    if (!ec) ids = whole(canonical.string());
  }
  if (ids.empty()) {
    // A bare file name: accepted when exactly one image has it.
    const std::string name = std::filesystem::path(pathOrId).filename().string();
    SQLite::Statement q(project.db(), "SELECT id, path FROM images WHERE path LIKE ? ESCAPE '\\'");
    std::string pattern;
    for (char c : name) {
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    q.bind(1, "%" + pattern);
    while (q.executeStep())
      if (std::filesystem::path(q.getColumn(1).getString()).filename() == name)
        ids.push_back(q.getColumn(0).getInt64());
  }
  if (ids.size() == 1) return ids.front();
  if (ids.size() > 1)
    throw Error("'" + pathOrId + "' names " + std::to_string(ids.size()) +
                " images of the project; give the full path or the image id");
  throw Error("'" + pathOrId + "' is not an image of " + project.file().string() +
              ": give an image id or the path it was imported from (flystage-cli predict "
              "--csv lists them)");
}

}  // namespace flystage
