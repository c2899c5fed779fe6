#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/RunStore.h"
#include "util/Shard.h"

namespace flystage {

class Project;

// The predictions of one shard of a project's images, made by a process that only reads the
// project (a node of a SLURM array job; SQLite on a shared file system takes no concurrent
// writers), to be stored by one merge afterwards (docs/cluster.md).
//
// The file is a CSV after one line of its own:
//   #flystage-predictions v2 run=3 model_sha256=<hex> shard=0/8 images=1200 image_list=<hex>
//     range_constraint=1   (all on the one line)
//   image_id,sha256,path,predicted_stage,probability,p_stage_4,...,p_stage_17,stage_range,
//     constrained_stage
// predicted_stage is the model's own call; stage_range the range that constrained the call
// (empty: none), constrained_stage the call inside it (empty: not constrained). A v1 shard
// (without them) is merged with the calls constrained by the project's ranges.
// `images` and `image_list` (imageListFingerprint) describe the project's image list the
// shards were cut from; each row's sha256 is its image file's, so a merge into another
// project, or after images changed, is refused. Probabilities are written with 9 significant
// digits: a float comes back bit for bit.
struct PredictionShardHeader {
  std::int64_t runId = 0;
  std::string modelSha256;  // of the run's final model
  Shard shard;
  std::size_t projectImages = 0;
  std::string imageList;
  bool rangeConstraint = true;  // predict without --no-range-constraint
  int version = 2;              // of a shard read (1: before range-aware prediction)
};

// The header of a shard of `runId` made now: throws flystage::Error when the run has no
// final model.
PredictionShardHeader predictionShardHeader(Project& project, std::int64_t runId,
                                            const Shard& shard, bool rangeConstraint = true);

// Writes the shard's predictions (FILE.part, then renamed: a killed job leaves no file that
// looks complete).
void writePredictionShard(Project& project, const PredictionShardHeader& header,
                          const std::vector<StoredPrediction>& predictions,
                          const std::filesystem::path& file);

// Reads the shard files of run `runId` and stores their predictions in one transaction, after
// checking everything: same run and the run's current model, one shard count, every shard
// exactly once, every row an image of this project (same sha256) in its shard, and so every
// image of the project exactly once. On any problem nothing is stored and flystage::Error
// names the file (and line). Returns the number of predictions stored.
std::size_t mergePredictionShards(Project& project, std::int64_t runId,
                                  const std::vector<std::filesystem::path>& files);

}  // namespace flystage
