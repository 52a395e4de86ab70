// A read-mostly table from a 64-bit feature hash to a weight, in one flat
// array with linear probing: a lookup reads one cache line, where
// std::unordered_map chased a bucket pointer and then a node. Scoring looks
// up every word and word pair of every passage, so this is on the indexer's
// hot path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace revsearch::sentiment {

class WeightTable {
 public:
  // Adds a weight unless the hash is already there (the first one stays,
  // as with std::unordered_map::emplace).
  void emplace(std::uint64_t hash, double weight) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    Slot& slot = slots_[index_of(hash)];
    if (slot.used) return;
    slot = Slot{hash, weight, true};
    ++count_;
  }

  // The weight of a hash, or nullptr.
  const double* find(std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const Slot& slot = slots_[index_of(hash)];
    return slot.used ? &slot.weight : nullptr;
  }

  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    double weight = 0;
    bool used = false;
  };

  // The slot holding the hash, or the empty slot where it would go. The
  // hashes are FNV-1a, mixed well enough to use their low bits directly.
  std::size_t index_of(std::uint64_t hash) const {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      if (!slots_[i].used || slots_[i].hash == hash) return i;
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    for (const Slot& slot : old) {
      if (slot.used) slots_[index_of(slot.hash)] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::size_t count_ = 0;
};

}  // namespace revsearch::sentiment
