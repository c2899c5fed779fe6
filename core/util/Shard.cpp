#include "util/Shard.h"

#include "util/Error.h"
#include "util/Sha256.h"
#include "util/Text.h"

namespace flystage {

Shard parseShard(const std::string& text) {
  const auto slash = text.find('/');
  const std::string form = "shard '" + text + "': write INDEX/COUNT, e.g. 0/8 for the first of 8";
  if (slash == std::string::npos) throw Error(form);
  const auto index = parseInt(trim(text.substr(0, slash)));
  const auto count = parseInt(trim(text.substr(slash + 1)));
  if (!index || !count) throw Error(form);
  if (*count < 1) throw Error("shard '" + text + "': the count must be at least 1");
  if (*index < 0 || *index >= *count)
    throw Error("shard '" + text + "': the index must lie in 0.." + std::to_string(*count - 1) +
                " (SLURM: --array=0-" + std::to_string(*count - 1) + ")");
  return {*index, *count};
}

std::string shardName(const Shard& shard) {
  return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

std::vector<std::int64_t> shardOf(const std::vector<std::int64_t>& idsInOrder, const Shard& shard) {
  std::vector<std::int64_t> out;
  out.reserve(idsInOrder.size() / static_cast<std::size_t>(shard.count) + 1);
  for (std::size_t i = 0; i < idsInOrder.size(); ++i)
    if (shard.holds(i)) out.push_back(idsInOrder[i]);
  return out;
}

std::size_t shardSize(std::size_t total, const Shard& shard) {
  const auto index = static_cast<std::size_t>(shard.index);
  return total > index ? (total - 1 - index) / static_cast<std::size_t>(shard.count) + 1 : 0;
}

std::string imageListFingerprint(const std::vector<std::int64_t>& idsInOrder) {
  std::string text;
  text.reserve(idsInOrder.size() * 8);
  for (auto id : idsInOrder) text += std::to_string(id) + ",";
  return sha256Hex(text);
}

}  // namespace flystage
