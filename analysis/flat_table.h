// Internal: open-addressing hash tables for the analyser's hot lookups
// (stop words, Korean suffixes and lexicon, the English stem cache).
// std::unordered_map chases a pointer per lookup and std::hash is slow on
// short keys; these keep keys (or views of them) in one array, probe
// linearly and compare a stored hash before the bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace revsearch::analysis {

// FNV-1a over 8-byte words, then a multiply-xorshift mix: fast for the 2-20
// byte words the analyser looks up. Never 0 (0 marks an empty slot).
inline std::uint64_t flat_hash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = 0;
    for (std::size_t k = 0; k < 8; ++k) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i + k])) << (8 * k);
    h = (h ^ w) * 0x100000001b3ull;
  }
  std::uint64_t tail = 0;
  for (std::size_t k = 0; i + k < s.size(); ++k) {
    tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i + k])) << (8 * k);
  }
  h = (h ^ tail) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  return h | 1;
}

// A fixed set of string_views (built once) mapped to small values; the
// viewed bytes must outlive the table.
template <typename Value>
class FlatViewMap {
 public:
  FlatViewMap() = default;
  explicit FlatViewMap(std::size_t expected) { reserve(expected); }

  void reserve(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    size_ = 0;
    for (Slot& s : old) {
      if (s.hash) insert(s.key, s.value);
    }
  }

  // The value for `key`, inserted default-constructed if absent.
  Value& operator[](std::string_view key) {
    if ((size_ + 1) * 2 > slots_.size()) reserve(size_ + 1);
    std::uint64_t h = flat_hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.hash == h && s.key == key) return s.value;
      if (s.hash == 0) {
        s.hash = h;
        s.key = key;
        ++size_;
        return s.value;
      }
    }
  }

  void insert(std::string_view key, const Value& value) { (*this)[key] = value; }

  // The stored value, or nullptr.
  const Value* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    std::uint64_t h = flat_hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && s.key == key) return &s.value;
    }
  }

  bool contains(std::string_view key) const { return find(key) != nullptr; }
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view key;
    Value value{};
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

// A bounded memo of string -> Value (the English stem cache, the Korean
// readings): grows up to `max_entries`, then starts again empty. Owns its
// keys and values.
template <typename Value = std::string>
class FlatMemo {
 public:
  explicit FlatMemo(std::size_t max_entries) : max_entries_(max_entries) {}

  // The remembered value for `key`, or nullptr.
  const Value* find(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && s.key == key) return &s.value;
    }
  }

  const Value& insert(std::string_view key, std::uint64_t h, Value value) {
    if (size_ >= max_entries_) clear();
    if ((size_ + 1) * 2 > slots_.size()) grow();
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.hash == 0) {
        s.hash = h;
        s.key.assign(key.data(), key.size());
        s.value = std::move(value);
        ++size_;
        return s.value;
      }
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string key;
    Value value;
  };
  void clear() {
    slots_.clear();
    size_ = 0;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.clear();
    slots_.resize(old.empty() ? 1024 : old.size() * 2);
    mask_ = slots_.size() - 1;
    for (Slot& s : old) {
      if (s.hash == 0) continue;
      std::size_t i = s.hash & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  std::size_t max_entries_;
};

}  // namespace revsearch::analysis
