#include "importer/ImportPlan.h"

#include <algorithm>

#include "data/ImageIo.h"
#include "util/Error.h"

namespace flystage {

std::string ImportProblem::text() const {
  return located(file, line, message);
}

void addProblem(std::vector<ImportProblem>& listed, std::size_t& unlisted, ImportProblem problem) {
  if (listed.size() < kMaxListedProblems)
    listed.push_back(std::move(problem));
  else
    ++unlisted;
}

ImportPlan planFolder(const std::filesystem::path& folder) {
  ImportPlan plan;
  plan.source = folder.string();
  plan.kind = "folder";
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw Error(folder.string() + ": not a folder (give a folder that holds the images)");
  std::vector<std::filesystem::path> files;
  for (std::filesystem::recursive_directory_iterator
           it(folder, std::filesystem::directory_options::skip_permission_denied, ec),
       end;
       it != end; it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec) && hasImageExtension(it->path()))
      files.push_back(std::filesystem::absolute(it->path()));
  }
  if (ec) plan.addProblem({folder.string(), 0, "cannot list the folder: " + ec.message()});
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    ImportItem item;
    item.path = f;
    plan.items.push_back(std::move(item));
  }
  return plan;
}

}  // namespace flystage
