#include "model/CpuMemoryPool.h"

#include <list>
#include <mutex>
#include <unordered_map>
#include <vector>

#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

namespace flystage {

namespace {

constexpr std::size_t kMinPooled = 256 * 1024;  // below: malloc's own bins serve well

// LibTorch's CPU allocator, installed at the first scope. Without a scope (limit 0) every
// block goes straight back to the system, as with LibTorch's own allocator.
class PoolAllocator final : public c10::Allocator {
 public:
  c10::DataPtr allocate(std::size_t n) const override {
    void* p = nullptr;
    if (n >= kMinPooled) {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = free_.find(n);
      if (it != free_.end() && !it->second.empty()) {
        const auto entry = it->second.back();  // the most recently freed of this size
        it->second.pop_back();
        p = entry->first;
        order_.erase(entry);
        held_ -= n;
        ++reused_;
      } else if (limit_ > 0) {
        ++fresh_;
      }
    }
    if (!p) p = c10::alloc_cpu(n);
    if (p && n >= kMinPooled) {
      std::lock_guard<std::mutex> lock(mutex_);
      live_.emplace(p, n);
    }
    return {p, p, &release, c10::Device(c10::DeviceType::CPU)};
  }
  c10::DeleterFnPtr raw_deleter() const override { return &release; }

  void give(void* p) {
    if (!p) return;
    std::vector<void*> evicted;
    bool keep = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = live_.find(p);
      if (it != live_.end()) {
        const std::size_t n = it->second;
        live_.erase(it);
        if (n <= limit_) {
          // Room is made by dropping the blocks freed longest ago: the pool follows the
          // sizes the current work uses.
          while (held_ + n > limit_ && !order_.empty()) evicted.push_back(dropOldest());
          order_.emplace_back(p, n);
          free_[n].push_back(std::prev(order_.end()));
          held_ += n;
          keep = true;
        }
      }
    }
    for (void* e : evicted) c10::free_cpu(e);
    if (!keep) c10::free_cpu(p);
  }

  // A scope begins (limit > 0 for the first) or ends (the last one empties the pool).
  void enter(std::size_t limit) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (scopes_++ == 0) limit_ = limit;
  }
  void leave() {
    std::vector<void*> evicted;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (--scopes_ > 0) return;
      limit_ = 0;
      while (!order_.empty()) evicted.push_back(dropOldest());
    }
    for (void* e : evicted) c10::free_cpu(e);
  }

  CpuMemoryPoolStats stats() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return {held_, reused_, fresh_};
  }

  static void release(void* p);

 private:
  using Order = std::list<std::pair<void*, std::size_t>>;  // free blocks, oldest first

  // Under the lock: takes the oldest free block out of the pool and returns it.
  void* dropOldest() {
    const auto [p, n] = order_.front();
    auto& same = free_[n];
    for (auto i = same.begin(); i != same.end(); ++i)
      if (*i == order_.begin()) {
        same.erase(i);
        break;
      }
    order_.pop_front();
    held_ -= n;
    return p;
  }

  mutable std::mutex mutex_;
  mutable Order order_;
  mutable std::unordered_map<std::size_t, std::vector<Order::iterator>> free_;  // by size
  mutable std::unordered_map<void*, std::size_t> live_;  // pooled-size blocks in use
  mutable std::size_t held_ = 0;
  mutable std::uint64_t reused_ = 0, fresh_ = 0;
  std::size_t limit_ = 0;
  int scopes_ = 0;
};

// Never destroyed: tensors may be freed during static destruction, after any destructor of ours.
PoolAllocator* thePool = nullptr;
std::once_flag installed;

void PoolAllocator::release(void* p) {
  thePool->give(p);
}

}  // namespace

CpuMemoryPoolScope::CpuMemoryPoolScope(std::size_t limitBytes) {
  std::call_once(installed, [] {
    thePool = new PoolAllocator();
    // Tensors allocated before keep their own deleter; priority 1 outranks the default.
    c10::SetCPUAllocator(thePool, 1);
  });
  thePool->enter(limitBytes);
}

CpuMemoryPoolScope::~CpuMemoryPoolScope() {
  thePool->leave();
}

CpuMemoryPoolStats cpuMemoryPoolStats() {
  return thePool ? thePool->stats() : CpuMemoryPoolStats{};
}

}  // namespace flystage
