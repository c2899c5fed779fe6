#pragma once

// A model file (model/ModelPackage.h) added to a project as a run of its own: "imported", with
// its training project's figures and provenance, ready to predict this project's images.
#include <cstdint>
#include <optional>
#include <string>

namespace flystage {

class Project;
struct ModelPackage;
struct RunRecord;

// An imported run's method is the method it was trained with and this suffix ("plain
// (imported)"): it is listed and compared apart from the runs trained here, and never offered
// as the data-level run of a two-step run (its training images are not this project's).
inline constexpr const char* kImportedSuffix = " (imported)";
// The key of an imported run's settings (params_json) that holds the model's provenance, the
// file it came from and when it was imported.
inline constexpr const char* kImportedFromKey = "imported_from";

std::string importedMethodName(const std::string& trainedMethod);
bool isImportedMethod(const std::string& runMethod);
// "plain" for "plain (imported)", and any other method as it is.
std::string trainedMethodName(const std::string& runMethod);

struct ImportedRun {
  std::int64_t runId = 0;
  bool added = false;  // false: the project already held this model (same weights checksum)
};

// Adds the package as a finished run (one transaction: the run, its model, its training
// project's metrics), or returns the run that already holds the same model. `modelFile`
// is recorded with the provenance. The package is one readModelPackage checked.
ImportedRun importModel(Project& project, const ModelPackage& package,
                        const std::string& modelFile);

// "imported from FILE: trained in PROJECT run #N (M images), finished DATE with FlyStage V;
// weights sha256 HEX" for an imported run; nullopt for a run trained here (or unreadable
// provenance).
std::optional<std::string> importedRunProvenance(const RunRecord& run);

}  // namespace flystage
