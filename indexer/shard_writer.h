// Internal: the Xapian side of the pipeline. write_review() applies one
// review to a database; ShardWriter runs it in a thread of its own per
// shard, so with --shards N Xapian's work (the bottleneck) is spread over
// N threads while the commit order stays under the caller's control.
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bounded_queue.h"
#include "revsearch/indexer/review_documents.h"
#include "revsearch/schema.h"

namespace revsearch::indexer::detail {

// Adds a review known to be new (ReviewDocuments::is_new: nothing to
// replace, the cheap path), or replaces its passages by unique id term and
// deletes passages a shrunken review left behind. Returns the number of
// stale passages removed.
inline std::size_t write_review(Xapian::WritableDatabase& db, const ReviewDocuments& review) {
  if (review.is_new) {
    for (const Xapian::Document& doc : review.documents) db.add_document(doc);
    if (review.review_document) db.add_document(*review.review_document);
    return 0;
  }
  // Xapian may commit on its own between any two of these writes (its
  // flush threshold). The first passage carries the review's content
  // stamp, which a resumed run trusts, so it is written last: a stamp in
  // the database vouches for every other passage of the review.
  for (std::size_t i = 1; i < review.documents.size(); ++i) {
    db.replace_document(schema::unique_id(review.review_id, static_cast<unsigned>(i + 1)), review.documents[i]);
  }
  // Issue 18: the review document (passage 0), or none for one passage.
  std::string review_term = schema::unique_id(review.review_id, schema::kReviewDocumentPassage);
  if (review.review_document) {
    db.replace_document(review_term, *review.review_document);
  } else if (db.term_exists(review_term)) {
    db.delete_document(review_term);
  }
  std::size_t stale_removed = 0;
  for (auto n = static_cast<unsigned>(review.documents.size() + 1);; ++n) {
    std::string stale = schema::unique_id(review.review_id, n);
    if (!db.term_exists(stale)) break;
    db.delete_document(stale);
    ++stale_removed;
  }
  if (!review.documents.empty()) db.replace_document(schema::unique_id(review.review_id, 1), review.documents[0]);
  return stale_removed;
}

// Metadata (a file mark, an entity's display name...) written by a commit.
struct FileMarkEntry {
  std::string key;
  std::string value;
};

inline void write_entry(Xapian::WritableDatabase& db, const FileMarkEntry& entry) {
  db.set_metadata(entry.key, entry.value);
}

class ShardWriter {
 public:
  ShardWriter(Xapian::WritableDatabase db, std::function<void(std::exception_ptr)> on_failure)
      : db_(std::move(db)), tasks_(4), on_failure_(std::move(on_failure)) {
    thread_ = std::thread([this] { run(); });
  }
  ~ShardWriter() {
    abort();
    if (thread_.joinable()) thread_.join();
  }
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Metadata is written before the reviews: Xapian may commit on its own
  // among them, and a committed passage's metadata must be there too.
  bool submit(std::vector<ReviewDocuments>&& reviews, std::vector<FileMarkEntry> metadata = {}) {
    return tasks_.push(Task{std::move(reviews), false, std::move(metadata)});
  }

  // Queues a commit (with metadata written just before it); wait_commit()
  // blocks until it is done. False when the writer failed or was aborted.
  bool request_commit(std::vector<FileMarkEntry> metadata = {}) {
    {
      std::lock_guard lock(mutex_);
      ++requested_;
    }
    return tasks_.push(Task{{}, true, std::move(metadata)});
  }
  bool wait_commit() {
    std::unique_lock lock(mutex_);
    done_cv_.wait(lock, [&] { return failed_ || done_ == requested_; });
    return !failed_;
  }

  void abort() {
    {
      std::lock_guard lock(mutex_);
      failed_ = true;
    }
    done_cv_.notify_all();
    tasks_.close();
  }

  std::size_t stale_removed() const { return stale_removed_; }  // after the last wait_commit()

 private:
  struct Task {
    std::vector<ReviewDocuments> reviews;
    bool commit = false;
    std::vector<FileMarkEntry> metadata;
  };

  void run() {
    try {
      while (std::optional<Task> task = tasks_.pop()) {
        for (const FileMarkEntry& entry : task->metadata) write_entry(db_, entry);
        for (const ReviewDocuments& review : task->reviews) stale_removed_ += write_review(db_, review);
        if (!task->commit) continue;
        db_.commit();
        std::lock_guard lock(mutex_);
        ++done_;
        done_cv_.notify_all();
      }
    } catch (...) {
      on_failure_(std::current_exception());
      abort();
    }
  }

  Xapian::WritableDatabase db_;
  BoundedQueue<Task> tasks_;
  std::function<void(std::exception_ptr)> on_failure_;
  std::mutex mutex_;
  std::condition_variable done_cv_;
  std::size_t requested_ = 0, done_ = 0;
  bool failed_ = false;
  std::size_t stale_removed_ = 0;
  std::thread thread_;
};

}  // namespace revsearch::indexer::detail
