// A fixed set of worker threads, each owning its state (a Searcher...):
// connection threads hand a job to the pool and wait for it, so a slow or
// stalled client holds a connection thread, never a search worker.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace revsearch::server {

template <typename State>
class WorkerPool {
 public:
  // One thread per state.
  explicit WorkerPool(std::vector<std::unique_ptr<State>> states) : states_(std::move(states)) {
    for (std::size_t i = 0; i < states_.size(); ++i) threads_.emplace_back([this, i] { loop(*states_[i]); });
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs `job(state)` on a free worker and returns its result (or rethrows
  // its exception) in the calling thread.
  template <typename Job>
  auto run(Job job) -> decltype(job(std::declval<State&>())) {
    using Result = decltype(job(std::declval<State&>()));
    auto task = std::make_shared<std::packaged_task<Result(State&)>>(std::move(job));
    std::future<Result> result = task->get_future();
    {
      std::lock_guard lock(mutex_);
      jobs_.emplace_back([task](State& state) { (*task)(state); });
    }
    ready_.notify_one();
    return result.get();
  }

 private:
  void loop(State& state) {
    for (;;) {
      std::function<void(State&)> job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job(state);
    }
  }

  std::vector<std::unique_ptr<State>> states_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void(State&)>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace revsearch::server
