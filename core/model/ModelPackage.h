#pragma once

// A trained model as one file that travels between projects (and labs): a .flystage-model.
//
// The file is one TensorFile (safetensors layout, model/TensorFile.h): the model's tensors by
// name, data only (it never runs code), and in "__metadata__" everything needed to use and
// judge it (strings, as the layout wants):
//   format "flystage-model", format_version "1", kind ("resnet" or "gabor"),
//   weights_format_version, method, preset, seed, spec (the architecture JSON: ModelSpec with
//   its input size and normalization, or the Gabor description), stages ("4..17"),
//   training_summary (JSON: the run's settings, library versions, metrics with the test
//   figures, epochs, duration), provenance (JSON: source project, run, FlyStage version,
//   dates), weights_sha256 (of the weights as a project stores them) and sha256 (of all of
//   the above and the weights: any changed byte is refused).
// Reading checks every bound, the checksum, the description and the weights against their
// architecture before anything is used or written.
#include <cstdint>
#include <filesystem>
#include <string>

namespace flystage {

class Project;

inline constexpr const char* kModelPackageFormat = "flystage-model";
inline constexpr int kModelPackageVersion = 1;
inline constexpr const char* kModelPackageExtension = ".flystage-model";
// More than any FlyStage network (the largest preset's weights are about 45 MB) and below
// SQLite's 1 GB limit on one stored value.
inline constexpr std::uint64_t kMaxModelPackageBytes = 1ull << 30;

struct ModelPackage {
  std::string kind;    // "resnet" or "gabor"
  std::string method;  // as trained: plain, data-level, two-step, gabor
  std::string preset;
  std::uint64_t seed = 0;
  std::string specJson;  // the architecture, as a project stores it
  std::string weights;   // TensorFile bytes as a project stores them (tensors sorted by name)
  std::string weightsSha256;
  std::string trainingJson;    // {"params", "versions", "metrics", "epochs", "duration_s"}
  std::string provenanceJson;  // {"project", "run", "images", "started_at", "finished_at",
                               //  "flystage", "exported_at", "exported_by"}
};

// The finished run's final model with its summary and provenance (the model is checked as
// a prediction would check it). Throws flystage::Error naming the project and the run.
ModelPackage packageOfRun(Project& project, std::int64_t runId);

// The file's bytes (checksums computed here).
std::string writeModelPackage(const ModelPackage& package);

// Checks everything the header comment lists; flystage::Error names `what` (the file) and
// what is wrong. Never runs code; allocates no more than the bytes given.
ModelPackage readModelPackage(const std::string& bytes, const std::string& what);
// The same for a file (its size is checked before it is read).
ModelPackage readModelPackageFile(const std::filesystem::path& file);

// Whether `file` starts like a model file (its header names the format): export overwrites
// such a file, and no other.
bool isModelPackageFile(const std::filesystem::path& file);

// Writes the run's model to `out` all at once (util/AtomicFile). An existing `out` that is
// not a model file (a project, an image, anything else) is refused untouched.
ModelPackage exportModel(Project& project, std::int64_t runId, const std::filesystem::path& out);

// One line per fact, for `model-info` and `info`: method, preset, source, dates, checksum.
std::string describeModelPackage(const ModelPackage& package);

}  // namespace flystage
