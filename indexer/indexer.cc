// The indexing run (single writer; reviews are written in input order).
#include "revsearch/indexer/indexer.h"

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/errors.h"
#include "revsearch/indexer/document_builder.h"
#include "revsearch/indexer/passages.h"
#include "revsearch/schema.h"

namespace fs = std::filesystem;

namespace revsearch::indexer {
namespace {

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

class IndexingSink : public RecordSink {
 public:
  IndexingSink(Xapian::WritableDatabase& db, const IndexOptions& options, IndexSummary& summary)
      : db_(db), options_(options), summary_(summary), splitter_(analyzer_) {}

  void review(Review&& review) override {
    ++summary_.reviews_read;
    if (review.id.size() > kMaxReviewIdBytes) {
      skip(Skip{review.source.substr(0, review.source.rfind(':')), 0, "id too long",
                "review id longer than " + std::to_string(kMaxReviewIdBytes) + " bytes"});
      return;
    }
    SplitReview split = splitter_.split(review);
    std::vector<analysis::Token> title_tokens = analyzer_.analyze(review.title);
    entities::ReviewContext entity_context(review.title);  // issue 5: names carry across passages
    for (const Passage& passage : split.passages) {
      Xapian::Document doc = build_document(review, passage, analyzer_, title_tokens);
      for (auto& [term, name] :
           add_entities(doc, recognizer_.find_mentions(passage.text, entity_context), entity_context)) {
        if (entity_names_.insert(term).second) {
          db_.set_metadata(std::string(schema::kEntityNameMetadata) + term, name);
        }
      }
      db_.replace_document(schema::unique_id(review.id, passage.number), doc);
      summary_.boilerplate_passages += passage.boilerplate;
      ++pending_;
    }
    // A review that shrank since it was last indexed leaves passages behind.
    for (auto n = static_cast<unsigned>(split.passages.size() + 1);; ++n) {
      std::string stale = schema::unique_id(review.id, n);
      if (!db_.term_exists(stale)) break;
      db_.delete_document(stale);
      ++summary_.stale_passages_removed;
    }
    summary_.passages_indexed += split.passages.size();
    summary_.duplicates_collapsed += split.duplicates;
    ++summary_.reviews_indexed;
    if (pending_ >= options_.commit_every) commit();
    report_progress();
  }

  void skip(Skip&& skip) override {
    ++summary_.records_skipped;
    ++summary_.skip_reasons[skip.reason];
    if (skip.line > 0) {
      spdlog::warn("{}:{}: skipped: {}: {}", skip.file, skip.line, skip.reason, skip.detail);
    } else {
      spdlog::warn("{}: skipped: {}: {}", skip.file, skip.reason, skip.detail);
    }
  }

  void commit() {
    db_.commit();
    pending_ = 0;
  }

 private:
  void report_progress() {
    auto now = std::chrono::steady_clock::now();
    if (now - last_report_ < std::chrono::seconds(5)) return;
    last_report_ = now;
    spdlog::info("{} reviews, {} passages indexed", summary_.reviews_indexed, summary_.passages_indexed);
  }

  Xapian::WritableDatabase& db_;
  const IndexOptions& options_;
  IndexSummary& summary_;
  analysis::Analyzer analyzer_;
  PassageSplitter splitter_;
  entities::Recognizer recognizer_;           // issue 5
  std::set<std::string> entity_names_;        // entity terms whose display name is stored
  std::size_t pending_ = 0;
  std::chrono::steady_clock::time_point last_report_ = std::chrono::steady_clock::now();
};

Xapian::WritableDatabase open_writable(const std::string& db_path) {
  std::error_code ec;
  fs::path parent = fs::path(db_path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  try {
    return Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError& e) {
    throw DatabaseError(db_path + ": database is locked by another indexing run (" + e.get_msg() + ")");
  } catch (const Xapian::Error& e) {
    throw DatabaseError(db_path + ": cannot open database for writing: " + e.get_description());
  }
}

}  // namespace

IndexSummary index_paths(const std::string& db_path, const std::vector<std::string>& paths,
                         const IndexOptions& options) {
  auto started = std::chrono::steady_clock::now();
  IndexSummary summary;
  validate_field_map(options.reader.field_map);
  std::vector<InputFile> files = collect_inputs(paths, summary);
  Xapian::WritableDatabase db = open_writable(db_path);
  IndexingSink sink(db, options, summary);
  try {
    for (const InputFile& file : files) {
      spdlog::debug("reading {}", file.display);
      try {
        summary.bytes_read += read_file(file.path, file.display, file.id_base, options.reader, sink);
      } catch (const InputError& e) {
        sink.skip(Skip{file.display, 0, "unreadable file", e.what()});
      }
    }
    sink.commit();
  } catch (const Xapian::Error& e) {
    throw DatabaseError(db_path + ": " + e.get_description());
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace revsearch::indexer
