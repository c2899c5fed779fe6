#include "interpret/Provenance.h"

#include <chrono>
#include <ctime>

#include <nlohmann/json.hpp>

#include "Version.h"

namespace flystage {

Provenance makeProvenance(std::string figure, std::string project) {
  Provenance p;
  p.figure = std::move(figure);
  p.project = std::move(project);
  p.flystageVersion = kVersion;
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  p.createdAt = buf;
  return p;
}

std::string Provenance::toJson() const {
  nlohmann::ordered_json j;
  j["figure"] = figure;
  j["project"] = project;
  if (runId) j["run"] = {{"id", runId}, {"method", runMethod}};
  if (!labelSource.empty()) j["label_source"] = labelSource;
  j["image_count"] = imageIds.size();
  j["image_ids"] = imageIds;
  for (const auto& [k, v] : settings) j["settings"][k] = v;
  j["flystage_version"] = flystageVersion;
  j["created_at"] = createdAt;
  return j.dump();
}

std::string Provenance::toText() const {
  std::string t = "Figure: " + figure + "\nProject: " + project + "\n";
  if (runId) t += "Run: #" + std::to_string(runId) + " (" + runMethod + ")\n";
  if (!labelSource.empty()) t += "Images assigned by: " + labelSource + "\n";
  t += "Images: " + std::to_string(imageIds.size()) + "\n";
  for (const auto& [k, v] : settings) t += k + ": " + v + "\n";
  t += "FlyStage " + flystageVersion + ", " + createdAt + "\n";
  return t;
}

}  // namespace flystage
