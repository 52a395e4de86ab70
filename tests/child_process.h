// Test helper (hardening, issue 9): runs build/revsearch as a child process
// that the test can kill, limit (RLIMIT_FSIZE) and measure (peak RSS).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "support.h"

namespace revsearch::test {

struct ChildOptions {
  rlim_t max_file_bytes = RLIM_INFINITY;  // RLIMIT_FSIZE of the child
  std::string program;       // default: build/revsearch
  // A session of its own (setsid): for xapian-tcpsrv, which answers SIGTERM
  // by signalling its whole process group. Signals then go to the group.
  bool new_session = false;
  std::vector<std::string> env;  // NAME=VALUE set in the child's environment; NAME alone: unset
};

struct ChildResult {
  int status = -1;          // exit status, or -1 when killed by a signal
  int signal = 0;           // the signal that ended it, if any
  long max_rss_kib = 0;     // peak resident set size
  std::string out, err;
};

class Child {
 public:
  // Starts build/revsearch `args`; stdout and stderr go to files in a temp dir.
  explicit Child(const std::vector<std::string>& args, const ChildOptions& options = {})
      : group_(options.new_session) {
    std::vector<std::string> argv_strings{options.program.empty() ? std::string(REVSEARCH_BINARY) : options.program};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    // The environment, built before the fork: this one with options.env's
    // assignments replacing (or removing) the same names.
    std::vector<std::string> env_strings;
    for (const std::string& a : options.env) {
      if (a.find('=') != std::string::npos) env_strings.push_back(a);
    }
    for (char** e = environ; *e; ++e) {
      std::string_view entry(*e);
      std::string_view name = entry.substr(0, entry.find('='));
      bool replaced = std::any_of(options.env.begin(), options.env.end(), [&](const std::string& a) {
        return a.compare(0, a.find('='), name) == 0;
      });
      if (!replaced) env_strings.emplace_back(entry);
    }
    std::vector<char*> envp;
    for (std::string& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ == 0) {
      // A child never outlives the test that started it, even one that
      // aborted before its destructors ran (a server would keep serving).
      if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(127);
      if (options.new_session && setsid() < 0) _exit(127);

      int in = open("/dev/null", O_RDONLY);
      int out = open((capture_ / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = open((capture_ / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (in < 0 || out < 0 || err < 0) _exit(127);
      dup2(in, 0);
      dup2(out, 1);
      dup2(err, 2);
      if (options.max_file_bytes != RLIM_INFINITY) {
        struct rlimit limit {options.max_file_bytes, options.max_file_bytes};
        if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(127);
      }
      std::vector<char*> argv;
      for (std::string& s : argv_strings) argv.push_back(s.data());
      argv.push_back(nullptr);
      execvpe(argv[0], argv.data(), envp.data());
      _exit(127);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (pid_ > 0 && !waited_) {
      kill_now(SIGKILL);
      wait();
    }
    if (group_ && pid_ > 0) kill(-pid_, SIGKILL);  // what it forked (xapian-tcpsrv's connections)
  }

  pid_t pid() const { return pid_; }
  // What the child has written so far (it may still be running).
  std::string out_so_far() const { return read_file(capture_ / "out"); }
  std::string err_so_far() const { return read_file(capture_ / "err"); }
  void kill_now(int sig = SIGKILL) const { kill(group_ ? -pid_ : pid_, sig); }

  // Non-blocking: has the child exited?
  bool exited() {
    if (waited_) return true;
    int raw = 0;
    struct rusage usage {};
    if (wait4(pid_, &raw, WNOHANG, &usage) != pid_) return false;
    record(raw, usage);
    return true;
  }

  ChildResult wait() {
    if (!waited_) {
      int raw = 0;
      struct rusage usage {};
      while (wait4(pid_, &raw, 0, &usage) < 0 && errno == EINTR) {
      }
      record(raw, usage);
    }
    return result_;
  }

 private:
  void record(int raw, const struct rusage& usage) {
    waited_ = true;
    result_.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result_.signal = WIFSIGNALED(raw) ? WTERMSIG(raw) : 0;
    result_.max_rss_kib = usage.ru_maxrss;
    result_.out = read_file(capture_ / "out");
    result_.err = read_file(capture_ / "err");
  }

  TempDir capture_;
  bool group_ = false;
  pid_t pid_ = -1;
  bool waited_ = false;
  ChildResult result_;
};

// The first `lines` NSMC reviews as a JSONL file at `path` (the 712k-review
// file stays compressed in ../shared/data; tests use slices of it).
inline void write_nsmc_slice(const std::string& path, std::size_t lines) {
  std::string command = "zcat " + shell_quote(shared_data("nsmc/nsmc-reviews.jsonl.gz")) + " | head -n " +
                        std::to_string(lines) + " > " + shell_quote(path);
  if (std::system(command.c_str()) != 0 || !fs::exists(path)) throw std::runtime_error("cannot write " + path);
}

}  // namespace revsearch::test
