// Internal: a blocking queue with a fixed capacity, so a fast producer
// waits instead of filling memory. close() wakes everyone up for shutdown.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace revsearch::indexer::detail {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  // Blocks while full. Returns false (dropping `item`) once closed.
  bool push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  // Blocks while empty. nullopt once closed and drained.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
};

// Counts work items in flight between a producer and the final consumer:
// with a reordering consumer, queue capacities alone do not bound memory.
class Credits {
 public:
  explicit Credits(std::size_t count) : available_(count) {}

  // Blocks until a credit is free; false once closed.
  bool acquire() {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] { return closed_ || available_ > 0; });
    if (closed_) return false;
    --available_;
    return true;
  }

  void release() {
    std::lock_guard lock(mutex_);
    ++available_;
    freed_.notify_one();
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    freed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  std::size_t available_;
  bool closed_ = false;
};

}  // namespace revsearch::indexer::detail
