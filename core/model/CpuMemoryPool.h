#pragma once

#include <cstddef>
#include <cstdint>

namespace flystage {

// LibTorch allocates every activation afresh for each batch, and glibc returns large freed
// blocks to the kernel and maps them again for the next batch, which then pays a page fault
// for every 4 KiB it touches: up to a third of a prediction's time (docs/performance.md).
// While a scope is alive, LibTorch's CPU tensors of 256 KiB and more are freed into a pool
// that hands them, by exact size, to the next batch (same shapes, same sizes); it holds at
// most `limitBytes`, dropping the blocks freed longest ago. When the last scope ends, the
// pool gives everything back, so memory is held only while batches repeat. Scopes may nest
// and live on several threads (the first one's limit applies).
class CpuMemoryPoolScope {
 public:
  explicit CpuMemoryPoolScope(std::size_t limitBytes = std::size_t{256} << 20);
  ~CpuMemoryPoolScope();
  CpuMemoryPoolScope(const CpuMemoryPoolScope&) = delete;
  CpuMemoryPoolScope& operator=(const CpuMemoryPoolScope&) = delete;
};

struct CpuMemoryPoolStats {
  std::size_t heldBytes = 0;  // freed blocks kept for reuse
  std::uint64_t reused = 0;   // allocations served from the pool
  std::uint64_t fresh = 0;    // pooled-size allocations that went to the system
};
CpuMemoryPoolStats cpuMemoryPoolStats();

}  // namespace flystage
