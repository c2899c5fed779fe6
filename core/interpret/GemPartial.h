#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "interpret/StageGems.h"
#include "util/Progress.h"
#include "util/Shard.h"

namespace flystage {

class Project;

// What one shard of a GEM request contributes, for GEMs over more images than one machine
// should handle: a SLURM array job builds one partial per shard (each reading the project,
// none writing it), and one process merges them into the GEM a single run gives
// (docs/cluster.md).
struct GemPartial {
  GemRequest request;       // as made (imageIds is not kept: only its fingerprint in the key)
  std::string requestKey;   // gemRequestKey(): partials merge only when their keys agree
  Shard shard;              // whole (0/1) once merged
  std::vector<int> shards;  // the shard indices summed in (one entry before a merge)
  std::string imageList;    // imageListFingerprint of the project's ids when it was made
  std::size_t projectImages = 0;
  std::string project;      // the project file (for the figure's provenance)
  std::string runMethod;    // of request.runId, when there is one
  std::string modelSha256;  // of that run's final model
  StageGemSums sums;
};

// The parameters of a request that change its GEMs, as canonical JSON: stages, run and model
// checksum, assignment, minimum confidence, gene, image subset (a checksum), masking and
// saliency settings, stain normalization.
std::string gemRequestKey(const GemRequest& request, const std::string& modelSha256);

// The sums of the images of `shard` (accumulateStageGems), with what a merge needs to check.
GemPartial buildGemPartial(Project& project, const GemRequest& request, const Shard& shard,
                           const ProgressFn& progress = {}, const CancelToken* cancel = nullptr);

// A versioned binary file: a magic line, a JSON header (everything above but the sums), the
// sums as little-endian doubles, and the SHA-256 of all that (a file cut short on a network
// file system is refused). Written to FILE.part and renamed, so a killed job leaves no
// partial that looks complete.
void saveGemPartial(const GemPartial& partial, const std::filesystem::path& file);
// The sums hold each stage's kept fraction too (ExpressionMap::keptFraction is the sum of the
// weights over the sum of the embryo pixels), so merged shards give the single run's.
// Throws flystage::Error naming the file for anything but a whole partial of this version
// (version 1, of binary masks, is refused with a line saying to rerun the shards).
GemPartial loadGemPartial(const std::filesystem::path& file);

// Sums partial files (read one at a time: memory stays one partial's) into a whole GEM.
// Refuses, naming the files, partials of different requests or image lists, different shard
// counts, a shard given twice and a missing shard.
GemPartial mergeGemPartials(const std::vector<std::filesystem::path>& files);

}  // namespace flystage
