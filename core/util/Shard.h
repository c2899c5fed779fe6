#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace flystage {

// One of `count` parts of a project's images, for work spread over many processes or nodes
// (a SLURM array job: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT). Shard i holds
// the images whose position in the id-ordered list satisfies position % count == i.
// Interleaved rather than contiguous ranges: images arrive in import order (one gene, one
// stage range, one batch of a dump after another), so contiguous ranges would give one shard
// all the stage-labelled or all the expensive images; interleaving spreads every import over
// every shard. Either way the parts are disjoint and together hold every image exactly once.
struct Shard {
  int index = 0;  // 0 .. count-1
  int count = 1;  // 1: everything
  bool whole() const { return count == 1; }
  bool holds(std::size_t position) const {
    return position % static_cast<std::size_t>(count) == static_cast<std::size_t>(index);
  }
  bool operator==(const Shard& o) const { return index == o.index && count == o.count; }
  bool operator!=(const Shard& o) const { return !(*this == o); }
};

// "2/8" -> {2, 8}. Throws flystage::Error naming the text and the expected form for anything
// else (a missing part, a count below 1, an index outside 0..count-1).
Shard parseShard(const std::string& text);
std::string shardName(const Shard& shard);  // "2/8"

// The ids of `idsInOrder` (the project's image ids, ascending) that belong to `shard`.
std::vector<std::int64_t> shardOf(const std::vector<std::int64_t>& idsInOrder, const Shard& shard);

// How many of `total` images shard `shard` holds.
std::size_t shardSize(std::size_t total, const Shard& shard);

// A fingerprint of the set of image ids the shards were cut from (SHA-256 of the ids): shards
// made before and after an import cut different lists, and a merge refuses to mix them.
std::string imageListFingerprint(const std::vector<std::int64_t>& idsInOrder);

}  // namespace flystage
