// The indexing run as a pipeline: the calling thread reads reviews into
// batches; worker threads turn them into documents (one Analyzer each);
// one writer thread applies batches in input order, so the database does not
// depend on the thread count. Queues and in-flight batches are bounded.
#include "revsearch/indexer/indexer.h"

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_set>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bounded_queue.h"
#include "shard_writer.h"
#include "revsearch/cluster/connect.h"
#include "revsearch/errors.h"
#include "revsearch/index_format.h"
#include "revsearch/indexer/document_builder.h"
#include "revsearch/indexer/maintenance.h"
#include "revsearch/indexer/review_documents.h"
#include "revsearch/indexer/shards.h"
#include "revsearch/schema.h"
#include "write_error.h"  // hardening (issue 9)

namespace fs = std::filesystem;

namespace revsearch::indexer {
namespace {

using Clock = std::chrono::steady_clock;

// A batch is cut at whichever comes first; small enough to keep workers
// busy and memory flat, big enough to make queue traffic negligible.
constexpr std::size_t kBatchReviews = 256;
constexpr std::size_t kBatchBytes = 64u << 10;

// "reviews/a.jsonl.gz" -> "reviews/a": the id of a .txt review and the base
// of ids made up for rows without one.
std::string id_base_for(const fs::path& relative) {
  fs::path p = relative;
  if (p.extension() == ".gz") p.replace_extension();
  p.replace_extension();
  return p.generic_string();
}

struct InputFile {
  fs::path path;
  std::string display;
  std::string id_base;
};

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, IndexSummary& summary) {
  std::vector<InputFile> files;
  for (const std::string& arg : paths) {
    fs::path root(arg);
    std::error_code ec;
    auto status = fs::status(root, ec);
    if (ec || !fs::exists(status)) throw UsageError(arg + ": no such file or directory");
    if (!fs::is_directory(status)) {
      files.push_back({root, arg, id_base_for(root.filename())});
      continue;
    }
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file()) continue;
      if (format_of(it->path()) == Format::kUnknown) {
        spdlog::debug("{}: ignored (not .txt, .jsonl, .tsv or .csv)", it->path().string());
        continue;
      }
      found.push_back(it->path());
    }
    if (ec) throw InputError(arg + ": cannot list directory: " + ec.message());
    std::sort(found.begin(), found.end());  // stable order: ids and resumes do not depend on the file system
    for (const fs::path& p : found) {
      files.push_back({p, p.string(), id_base_for(fs::relative(p, root))});
    }
  }
  summary.files = files.size();
  return files;
}

// Metadata marking a file as wholly indexed: key by absolute path, value
// size and modification time, so a changed file is read again.
struct FileMark {
  std::string key;
  std::string signature;
};

FileMark file_mark(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
  std::string key = "revsearch.file:" + absolute.string();
  // Xapian metadata keys are limited in length; long paths are hashed.
  if (key.size() > 200) key = "revsearch.file#" + content_stamp(fnv1a64(absolute.string()), 0);
  auto size = fs::file_size(path, ec);
  auto mtime = fs::last_write_time(path, ec).time_since_epoch().count();
  return {key, std::to_string(size) + ":" + std::to_string(mtime)};
}

// Decompressed size: a gzip file's trailer holds it (mod 4 GiB, enough for
// an estimate); other files are their size.
std::uint64_t estimated_bytes(const fs::path& path) {
  std::error_code ec;
  std::uint64_t size = fs::file_size(path, ec);
  if (ec) return 0;
  if (path.extension() != ".gz" || size < 18) return size;
  std::ifstream in(path, std::ios::binary);
  in.seekg(-4, std::ios::end);
  unsigned char b[4] = {};
  if (!in.read(reinterpret_cast<char*>(b), 4)) return size;
  return std::uint64_t{b[0]} | std::uint64_t{b[1]} << 8 | std::uint64_t{b[2]} << 16 | std::uint64_t{b[3]} << 24;
}

// The database as committed before this run: what a resumed or incremental
// run may skip. Read in the reader thread only.
class Snapshot {
 public:
  // Opened after the writers, each shard on its own connection (a writable
  // xapian-tcpsrv serves readers too).
  Snapshot(const std::vector<cluster::Shard>& shards, double timeout_s) {
    try {
      db_ = cluster::open_shards(shards, cluster::ConnectOptions{timeout_s, false}).db;
      empty_ = db_.get_doccount() == 0;
    } catch (const std::exception&) {
      if (cluster::any_remote(shards)) throw;  // a server that does not answer is no empty database
      return;  // nothing committed yet
    }
    opened_ = true;
  }

  bool file_done(const FileMark& mark) {
    if (!opened_) return false;
    return retry([&] { return db_.get_metadata(mark.key) == mark.signature; });
  }

  // All of the review's passages committed with this content, and no
  // stale passage after them. A review's passages are always committed
  // together (one batch, one shard), so the first passage's stamp and the
  // last passage's presence vouch for the rest.
  bool review_done(const Review& review) {
    if (empty_) return false;
    return retry([&] {
      std::string prefix = content_stamp(content_hash(review), 0);
      prefix.pop_back();  // "hash:" without the count
      std::string stamp = stamp_of(schema::unique_id(review.id, 1));
      if (stamp.compare(0, prefix.size(), prefix) != 0) return false;
      unsigned count = 0;
      const char* end = stamp.data() + stamp.size();
      auto [ptr, ec] = std::from_chars(stamp.data() + prefix.size(), end, count);
      if (ec != std::errc() || ptr != end || count == 0) return false;  // not our stamp: rebuild
      if (count >= 2 && (!db_.term_exists(schema::unique_id(review.id, count)) ||
                         !db_.term_exists(schema::unique_id(review.id, schema::kReviewDocumentPassage)))) {
        return false;  // several passages come with a review document
      }
      return !db_.term_exists(schema::unique_id(review.id, count + 1));
    });
  }

 private:
  std::string stamp_of(const std::string& unique_term) {
    Xapian::PostingIterator p = db_.postlist_begin(unique_term);
    if (p == db_.postlist_end(unique_term)) return {};
    return db_.get_document(*p).get_value(schema::kSlotContentHash);
  }

  template <typename F>
  bool retry(F&& lookup) {
    for (int attempt = 0;; ++attempt) {
      try {
        return lookup();
      } catch (const Xapian::DatabaseModifiedError&) {
        // The writer committed over our revision; the newer one is as good.
        if (attempt >= 3) throw;
        db_.reopen();
      }
    }
  }

  Xapian::Database db_;
  bool opened_ = false;
  bool empty_ = true;  // no passage: no review to look up (a file with none may still be marked done)
};

struct Batch {
  std::uint64_t seq = 0;
  std::vector<Review> reviews;
  std::size_t bytes = 0;
  std::vector<FileMark> marks;  // files whose last review is in this batch or earlier
};

struct DoneBatch {
  std::uint64_t seq = 0;
  std::vector<ReviewDocuments> reviews;
  std::vector<FileMark> marks;
};

// Thrown through the readers to stop reading when the pipeline failed.
struct Aborted {};
// Thrown through the readers when the run was asked to stop (a signal):
// what was read so far is still committed.
struct StopRequested {};

// Counters shared with the progress thread.
struct LiveCounters {
  std::atomic<std::size_t> reviews_read{0}, reviews_unchanged{0}, records_skipped{0}, reviews_other_shards{0};
  std::atomic<std::size_t> reviews_indexed{0}, passages_indexed{0};
  std::atomic<std::uint64_t> bytes_done{0};  // finished files plus position in the current one
};

class Pipeline {
 public:
  Pipeline(std::vector<Xapian::WritableDatabase> shards, const IndexOptions& options, std::size_t workers,
           std::shared_ptr<const entities::Catalog> catalog)
      : shards_(std::move(shards)), options_(options), work_(workers * 2), done_(workers * 2),
        credits_(workers * 4 + 2), catalog_(std::move(catalog)), metadata_written_(shards_.size()) {
    workers_left_ = workers;
    // A shard with no documents has nothing to replace: its reviews are
    // added (Xapian's cheaper path) the first time this run sees them.
    for (Xapian::WritableDatabase& db : shards_) fresh_.push_back(db.get_doccount() == 0);
    if (shards_.size() > 1) {
      for (Xapian::WritableDatabase& db : shards_) {
        shard_writers_.push_back(std::make_unique<detail::ShardWriter>(
            std::move(db), [this](std::exception_ptr e) { record_failure(std::move(e)); }));
      }
    }
    for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { guard([this] { work(); }); });
    threads_.emplace_back([this] { guard([this] { write(); }); });
  }

  ~Pipeline() {
    abort_and_join();
    shard_writers_.clear();  // joins their threads before the members they use go
  }

  // Reader side (calling thread).
  void add(Review&& review) {
    current_.bytes += review.text.size() + review.title.size();
    current_.reviews.push_back(std::move(review));
    if (current_.reviews.size() >= kBatchReviews || current_.bytes >= kBatchBytes) flush();
  }
  void mark_file_done(FileMark mark) { current_.marks.push_back(std::move(mark)); }

  // Sends the last batch, waits for the writer's final commit; rethrows a
  // worker's or the writer's error.
  void finish() {
    flush();
    work_.close();
    join();
    rethrow();
  }

  void rethrow() {
    std::lock_guard lock(failure_mutex_);
    if (failure_) std::rethrow_exception(failure_);
  }

  LiveCounters live;
  std::size_t duplicates = 0, boilerplate = 0;  // writer's, read after finish()
  std::size_t stale_removed() const {
    std::size_t total = stale_removed_;
    for (const auto& writer : shard_writers_) total += writer->stale_removed();
    return total;
  }

 private:
  void flush() {
    if (current_.reviews.empty() && current_.marks.empty()) return;
    if (!credits_.acquire()) throw Aborted{};
    current_.seq = next_seq_++;
    if (!work_.push(std::move(current_))) throw Aborted{};
    current_ = Batch{};
  }

  void work() {
    yield_to_writer();
    ReviewAnalysis analysis;
    analysis.catalog = catalog_.get();
    analysis.positions = options_.positions;
    while (std::optional<Batch> batch = work_.pop()) {
      DoneBatch out{batch->seq, {}, std::move(batch->marks)};
      out.reviews.reserve(batch->reviews.size());
      for (const Review& review : batch->reviews) out.reviews.push_back(documents_for(review, analysis));
      free_written();
      if (!done_.push(std::move(out))) return;
    }
    if (--workers_left_ == 0) done_.close();
  }

  // Every passage goes through the one writer thread, so the analysis
  // threads run at a lower priority: when the cores are all busy, the
  // writer keeps its own and the analysis shares what is left. (Linux sets
  // the priority per thread; raising the nice value needs no privilege.)
  static void yield_to_writer() {
    constexpr int kAnalysisNice = 5;
    auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    int current = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0) ::setpriority(PRIO_PROCESS, tid, std::min(current + kAnalysisNice, 19));
  }

  void write() {
    std::map<std::uint64_t, DoneBatch> waiting;  // bounded by credits_
    std::uint64_t next = 0;
    while (std::optional<DoneBatch> batch = done_.pop()) {
      waiting.emplace(batch->seq, std::move(*batch));
      for (auto it = waiting.begin(); it != waiting.end() && it->first == next; it = waiting.begin()) {
        apply(it->second);
        hand_back(std::move(it->second.reviews));
        waiting.erase(it);
        ++next;
        credits_.release();
      }
    }
    commit();
  }

  // Freeing a written batch's documents took a few percent of the writer's
  // time, the pipeline's bottleneck; the analysis threads free them instead.
  void hand_back(std::vector<ReviewDocuments>&& written) {
    std::lock_guard lock(written_mutex_);
    written_.push_back(std::move(written));
  }
  void free_written() {
    std::vector<std::vector<ReviewDocuments>> written;  // freed after the lock is released
    std::lock_guard lock(written_mutex_);
    written.swap(written_);
  }

  void apply(DoneBatch& batch) {
    std::vector<std::vector<ReviewDocuments>> by_shard(shard_writers_.size());
    std::vector<std::vector<detail::FileMarkEntry>> metadata_by_shard(shard_writers_.size());
    for (ReviewDocuments& review : batch.reviews) {
      std::size_t shard = shard_writers_.empty() ? 0 : shard_of(review.review_id, shard_writers_.size());
      write_metadata(review, shard, metadata_by_shard);
      review.is_new = fresh_[shard] && reviews_seen_.insert(fnv1a64(review.review_id)).second;
      pending_ += review.documents.size();
      duplicates += review.duplicates;
      boilerplate += review.boilerplate;
      live.passages_indexed += review.documents.size();
      ++live.reviews_indexed;
      if (shard_writers_.empty()) {
        stale_removed_ += detail::write_review(shards_[0], review);
      } else {
        by_shard[shard].push_back(std::move(review));
      }
    }
    for (std::size_t k = 0; k < by_shard.size(); ++k) {
      if (by_shard[k].empty() && metadata_by_shard[k].empty()) continue;
      if (!shard_writers_[k]->submit(std::move(by_shard[k]), std::move(metadata_by_shard[k]))) throw Aborted{};
    }
    for (FileMark& mark : batch.marks) marks_.push_back(std::move(mark));
    if (pending_ >= options_.commit_every) commit();
  }

  // The metadata a review's passages refer to (display names, source
  // paths), once per key and run, written before the passages: whenever
  // Xapian commits, on its own or at commit(), a committed passage's
  // metadata is committed with it. Readers look a key up in shard 0 first
  // (the copy every run writes there), then in the other shards, so the
  // review's own shard gets a copy too: shards commit independently.
  void write_metadata(ReviewDocuments& review, std::size_t shard,
                      std::vector<std::vector<detail::FileMarkEntry>>& by_shard) {
    for (auto& [key, value] : review.metadata) {
      bool first_in_shard = metadata_written_[shard].insert(key).second;
      if (shard_writers_.empty()) {
        if (first_in_shard) detail::write_entry(shards_[0], {key, value});
        continue;
      }
      if (shard != 0 && first_in_shard) by_shard[shard].push_back({key, value});
      bool first_in_shard0 = shard == 0 ? first_in_shard : metadata_written_[0].insert(key).second;
      if (first_in_shard0) by_shard[0].push_back({key, value});
    }
  }

  // The file marks: written last, alone, after every shard committed, so a
  // file marked done has all its passages committed in every shard.
  // (Everything else a committed state needs is written before it.)
  void commit() {
    std::vector<detail::FileMarkEntry> marks;
    for (const FileMark& mark : marks_) marks.push_back({mark.key, mark.signature});
    if (shard_writers_.empty()) {
      for (const auto& entry : marks) detail::write_entry(shards_[0], entry);
      shards_[0].commit();
    } else {
      for (const auto& writer : shard_writers_) {
        if (!writer->request_commit()) throw Aborted{};
      }
      for (const auto& writer : shard_writers_) {
        if (!writer->wait_commit()) throw Aborted{};
      }
      if (!marks.empty()) {
        if (!shard_writers_[0]->request_commit(std::move(marks)) || !shard_writers_[0]->wait_commit()) throw Aborted{};
      }
    }
    marks_.clear();
    pending_ = 0;
  }

  template <typename F>
  void guard(F&& body) {
    try {
      body();
    } catch (const Aborted&) {
      stop_all();  // the failure that caused it is already recorded
    } catch (...) {
      record_failure(std::current_exception());
    }
  }

  void record_failure(std::exception_ptr e) {
    {
      std::lock_guard lock(failure_mutex_);
      if (!failure_) failure_ = std::move(e);
    }
    stop_all();
  }

  void stop_all() {
    work_.close();
    done_.close();
    credits_.close();
    for (const auto& writer : shard_writers_) writer->abort();
  }

  void abort_and_join() {
    stop_all();
    join();
  }

  void join() {
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  std::vector<Xapian::WritableDatabase> shards_;  // written here when there is one
  std::vector<std::unique_ptr<detail::ShardWriter>> shard_writers_;  // one thread per shard when several
  const IndexOptions& options_;
  detail::BoundedQueue<Batch> work_;
  detail::BoundedQueue<DoneBatch> done_;
  detail::Credits credits_;
  std::shared_ptr<const entities::Catalog> catalog_;
  std::vector<std::thread> threads_;
  std::atomic<std::size_t> workers_left_{0};
  std::mutex failure_mutex_;
  std::exception_ptr failure_;
  Batch current_;
  std::uint64_t next_seq_ = 0;
  std::vector<FileMark> marks_;
  std::vector<bool> fresh_;                          // per shard: empty when the run began
  std::unordered_set<std::uint64_t> reviews_seen_;   // id hashes added to a fresh shard in this run
  std::vector<std::unordered_set<std::string>> metadata_written_;  // per shard: keys written in this run
  std::size_t pending_ = 0;
  std::size_t stale_removed_ = 0;
  std::mutex written_mutex_;
  std::vector<std::vector<ReviewDocuments>> written_;  // applied, to be freed by a worker
};

bool stop_requested(const IndexOptions& options) {
  return options.stop_requested && options.stop_requested->load(std::memory_order_relaxed) != 0;
}

// Reads one file's records into the pipeline, skipping committed reviews.
class ReadingSink : public RecordSink {
 public:
  ReadingSink(Pipeline& pipeline, Snapshot& snapshot, const IndexOptions& options, IndexSummary& summary)
      : pipeline_(pipeline), snapshot_(snapshot), options_(options), summary_(summary) {}

  void start_file(std::uint64_t bytes_before) { bytes_before_ = bytes_before; }

  void review(Review&& review) override {
    if (stop_requested(options_)) throw StopRequested{};
    ++pipeline_.live.reviews_read;
    if (review.id.size() > kMaxReviewIdBytes) {
      skip(Skip{review.source.substr(0, review.source.rfind(':')), 0, "id too long",
                "review id longer than " + std::to_string(kMaxReviewIdBytes) + " bytes"});
      return;
    }
    if (options_.of_shards && shard_of(review.id, options_.of_shards) != options_.only_shard) {
      ++pipeline_.live.reviews_other_shards;  // another machine indexes it
      return;
    }
    if (!options_.replace && snapshot_.review_done(review)) {
      ++pipeline_.live.reviews_unchanged;
      return;
    }
    pipeline_.add(std::move(review));
  }

  void skip(Skip&& skip) override {
    ++pipeline_.live.records_skipped;
    ++summary_.skip_reasons[skip.reason];
    if (skip.line > 0) {
      spdlog::warn("{}:{}: skipped: {}: {}", skip.file, skip.line, skip.reason, skip.detail);
    } else {
      spdlog::warn("{}: skipped: {}: {}", skip.file, skip.reason, skip.detail);
    }
  }

  void position(std::uint64_t bytes_read) override { pipeline_.live.bytes_done = bytes_before_ + bytes_read; }

 private:
  Pipeline& pipeline_;
  Snapshot& snapshot_;
  const IndexOptions& options_;
  IndexSummary& summary_;
  std::uint64_t bytes_before_ = 0;
};

// Calls the progress callback every `interval` until stopped.
class ProgressTicker {
 public:
  ProgressTicker(const ProgressCallback& callback, double interval_s, std::function<IndexProgress()> sample)
      : callback_(callback), sample_(std::move(sample)) {
    if (!callback_) return;
    auto interval = std::chrono::duration<double>(interval_s);
    thread_ = std::thread([this, interval] {
      std::unique_lock lock(mutex_);
      while (!cv_.wait_for(lock, interval, [this] { return stop_; })) callback_(sample_());
    });
  }
  ~ProgressTicker() { stop(); }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  const ProgressCallback& callback_;
  std::function<IndexProgress()> sample_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// A run killed while Xapian was creating the database leaves empty table
// files and no version file (iamglass); Xapian then refuses to open or
// create it, so every re-run failed (found by the crash test). Nothing was
// ever committed there: the empty files go and creation starts again.
// Non-empty tables without a version file are damage, and stay for the
// open to report.
void remove_interrupted_creation(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec) || fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec)) return;
  std::vector<fs::path> leftovers;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& file = entry.path();
    if (file.extension() == ".glass") {
      if (!entry.is_regular_file(ec) || entry.file_size(ec) != 0) return;
      leftovers.push_back(file);
    } else if (file.filename() == "v.tmp") {
      leftovers.push_back(file);
    }
  }
  if (leftovers.empty()) return;
  spdlog::warn("{}: removing an unfinished database creation (a killed run; nothing was committed)", dir.string());
  for (const fs::path& file : leftovers) fs::remove(file, ec);
}

// A shard server keeps a killed client's write lock until it notices the
// connection is gone; a remote shard's lock is waited for, up to the timeout.
Xapian::WritableDatabase open_writable_waiting(const cluster::Shard& shard, double timeout_s) {
  auto give_up = Clock::now() + std::chrono::duration<double>(shard.remote() ? std::min(timeout_s, 30.0) : 0.0);
  for (;;) {
    try {
      return cluster::open_writable_shard(shard, timeout_s, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
      if (Clock::now() >= give_up) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
}

std::vector<Xapian::WritableDatabase> open_writable(const std::vector<cluster::Shard>& shards, double timeout_s) {
  std::vector<Xapian::WritableDatabase> dbs;
  for (const cluster::Shard& shard : shards) {
    if (!shard.remote()) {
      std::error_code ec;
      fs::path parent = fs::path(shard.path).parent_path();
      if (!parent.empty()) fs::create_directories(parent, ec);
      remove_interrupted_creation(shard.path);
    }
    try {
      dbs.push_back(open_writable_waiting(shard, timeout_s));
    } catch (const Xapian::DatabaseLockError& e) {
      throw DatabaseError(shard.name + ": database is locked by another indexing run (" + e.get_msg() + ")");
    } catch (const Xapian::NetworkError& e) {
      throw DatabaseError(cluster::shard_failure(shard, e) + " (is `xapian-tcpsrv --writable` serving it?)");
    } catch (const Xapian::Error& e) {
      throw detail::database_write_error(shard.name, e, "cannot open database for writing: ");  // hardening (issue 9)
    }
  }
  return dbs;
}

// What every passage of the run needs before it can be read (the index
// format, whether words have positions, a new catalogue), committed before
// the first passage: Xapian may commit on its own at any moment of the run
// (its flush threshold), and passages without the format beside them would
// look like an older revsearch's.
void commit_run_metadata(Xapian::WritableDatabase& db, bool positions, std::vector<detail::FileMarkEntry> entries) {
  bool changed = !entries.empty();
  for (auto [key, value] : {std::pair{schema::kFormatKey, schema::kFormat},
                            std::pair{schema::kPositionsKey, std::string_view(positions ? "1" : "0")}}) {
    if (db.get_metadata(std::string(key)) == value) continue;
    entries.push_back({std::string(key), std::string(value)});
    changed = true;
  }
  if (!changed) return;
  for (const detail::FileMarkEntry& entry : entries) detail::write_entry(db, entry);
  db.commit();
}

}  // namespace

IndexSummary index_paths(const std::string& db_path, const std::vector<std::string>& paths,
                         const IndexOptions& options, const ProgressCallback& progress,
                         double progress_interval_s) {
  auto started = Clock::now();
  IndexSummary summary;
  validate_field_map(options.reader.field_map);
  std::vector<InputFile> files = collect_inputs(paths, summary);
  std::vector<cluster::Shard> layout = prepare_layout(db_path, options.shards);
  if (options.of_shards && layout.size() != 1) {
    throw UsageError("--shard " + std::to_string(options.only_shard) + "/" + std::to_string(options.of_shards) +
                     " indexes one shard into one database; '" + db_path + "' has " + std::to_string(layout.size()));
  }
  for (const cluster::Shard& shard : layout) {
    if (!shard.remote() && is_search_only(shard.path)) {
      throw DatabaseError("database '" + db_path + "' is a search-only copy (compact --search-only keeps no term " +
                          "lists, which updates need): index into the database it was made from");
    }
  }
  std::vector<Xapian::WritableDatabase> shards = open_writable(layout, options.timeout_s);
  IndexOptions run_options = options;
  // Shards served by xapian-tcpsrv match phrases with Xapian's positional
  // operators (their server cannot check phrases against stored text), so
  // a new one gets positions without being asked.
  run_options.positions = options.positions || options.of_shards > 0 || cluster::any_remote(layout);
  // A write that ends the process inside Xapian still gets a message.
  detail::TerminateReporter terminate_reporter(db_path);
  {
    // Never add passages of this format to an older database. The format
    // is in shard 0's metadata, which a combined database reads.
    Xapian::Database all(shards[0]);
    for (std::size_t k = 1; k < shards.size(); ++k) all.add_database(shards[k]);
    require_current_format(all, db_path);
    // Positions are chosen when a database is created: one written without
    // them never gets a few positional passages that phrases would trust.
    std::string stored = shards[0].get_metadata(std::string(schema::kPositionsKey));
    if (all.get_doccount() > 0) {
      // No choice recorded: written when every passage had positions.
      bool has_positions = stored.empty() || stored == "1";
      if (options.positions && !has_positions) {
        throw UsageError("database '" + db_path + "' was indexed without --positions: index into a new " +
                         "directory to keep positions");
      }
      run_options.positions = has_positions;
    }
  }
  // The film catalogue: the one given, stored with the first commit, or the
  // one the database already has.
  std::shared_ptr<const entities::Catalog> catalog;
  std::vector<detail::FileMarkEntry> catalog_entries;
  {
    std::string stored = shards[0].get_metadata(std::string(schema::kCatalogMetadata));
    if (!options.catalog_dir.empty()) {
      std::vector<entities::CatalogProblem> problems;
      auto loaded = std::make_shared<entities::Catalog>(entities::Catalog::load(options.catalog_dir, problems));
      for (const entities::CatalogProblem& p : problems) {
        spdlog::warn("{}:{}: {}; line skipped", p.file, p.line, p.reason);
      }
      summary.catalog_films = loaded->size();
      summary.catalog_lines_skipped = problems.size();
      std::string catalog_text = loaded->encode();
      if (!stored.empty() && stored != catalog_text && !options.replace) {
        spdlog::warn("the catalogue differs from the one stored in '{}': reviews indexed before keep their old "
                     "film links (use --replace to link them again)", db_path);
      }
      if (catalog_text != stored) {
        // The whole catalogue, and one entry per film (an empty value
        // removes a film the new catalogue no longer has).
        std::string prefix(schema::kFilmMetadata);
        for (auto key = shards[0].metadata_keys_begin(prefix); key != shards[0].metadata_keys_end(prefix); ++key) {
          if (!loaded->film(std::string_view(*key).substr(prefix.size()))) catalog_entries.push_back({*key, ""});
        }
        for (const auto& [id, film] : loaded->films()) {
          catalog_entries.push_back({prefix + id, entities::Catalog::encode_film(film)});
        }
        catalog_entries.push_back({std::string(schema::kCatalogMetadata), std::move(catalog_text)});
      }
      catalog = std::move(loaded);
    } else if (!stored.empty()) {
      catalog = std::make_shared<entities::Catalog>(entities::Catalog::decode(stored));
    }
  }
  std::size_t workers = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  summary.threads = workers;
  summary.shards = shards.size();
  for (const cluster::Shard& shard : layout) summary.remote_shards += shard.remote();

  try {
    commit_run_metadata(shards[0], run_options.positions, std::move(catalog_entries));
    Snapshot snapshot(layout, options.timeout_s);
    std::vector<std::pair<const InputFile*, FileMark>> todo;
    std::uint64_t bytes_total = 0;
    for (const InputFile& file : files) {
      FileMark mark = file_mark(file.path);
      if (!options.replace && snapshot.file_done(mark)) {
        ++summary.files_unchanged;
        spdlog::debug("{}: unchanged since it was indexed; skipped", file.display);
        continue;
      }
      bytes_total += estimated_bytes(file.path);
      todo.emplace_back(&file, std::move(mark));
    }

    Pipeline pipeline(std::move(shards), run_options, workers, catalog);
    auto sample = [&pipeline, &bytes_total, started] {
      IndexProgress p;
      p.reviews_read = pipeline.live.reviews_read;
      p.reviews_indexed = pipeline.live.reviews_indexed;
      p.reviews_unchanged = pipeline.live.reviews_unchanged;
      p.records_skipped = pipeline.live.records_skipped;
      p.passages_indexed = pipeline.live.passages_indexed;
      p.bytes_read = pipeline.live.bytes_done;
      p.bytes_total = std::max(bytes_total, p.bytes_read);
      p.seconds = std::chrono::duration<double>(Clock::now() - started).count();
      return p;
    };
    ProgressTicker ticker(progress, progress_interval_s, sample);
    ReadingSink sink(pipeline, snapshot, options, summary);
    try {
      for (auto& [file, mark] : todo) {
        if (stop_requested(options)) {
          summary.stopped_by = options.stop_requested->load();
          break;
        }
        spdlog::debug("reading {}", file->display);
        std::uint64_t before = summary.bytes_read;
        sink.start_file(before);
        try {
          summary.bytes_read += read_file(file->path, file->display, file->id_base, options.reader, sink);
          pipeline.mark_file_done(std::move(mark));
        } catch (const InputError& e) {
          sink.skip(Skip{file->display, 0, "unreadable file", e.what()});
        } catch (const StopRequested&) {
          // The file is not marked done: the next run reads it again,
          // skipping the reviews committed by then.
          summary.stopped_by = options.stop_requested->load();
          summary.bytes_read = pipeline.live.bytes_done;
          break;
        }
        pipeline.live.bytes_done = summary.bytes_read;
      }
      pipeline.finish();
    } catch (const Aborted&) {
      pipeline.rethrow();
      throw;
    }
    ticker.stop();
    summary.reviews_read = pipeline.live.reviews_read;
    summary.reviews_indexed = pipeline.live.reviews_indexed;
    summary.reviews_unchanged = pipeline.live.reviews_unchanged;
    summary.reviews_other_shards = pipeline.live.reviews_other_shards;
    summary.records_skipped = pipeline.live.records_skipped;
    summary.passages_indexed = pipeline.live.passages_indexed;
    summary.duplicates_collapsed = pipeline.duplicates;
    summary.boilerplate_passages = pipeline.boilerplate;
    summary.stale_passages_removed = pipeline.stale_removed();
    summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (progress) {
      IndexProgress last = sample();
      last.final = true;
      progress(last);
    }
  } catch (const Xapian::Error& e) {
    // A remote shard that stopped answering is named; the run can be
    // repeated once it is back (committed reviews are skipped).
    if (const cluster::Shard* shard = cluster::failed_shard(e, layout, std::min(options.timeout_s, 5.0))) {
      throw DatabaseError("database '" + db_path + "': " + cluster::shard_failure(*shard, e) +
                          "; run the same command again when it is back: committed reviews are skipped");
    }
    throw detail::database_write_error(db_path, e);  // hardening (issue 9): names "no space"
  }
  return summary;
}

}  // namespace revsearch::indexer
