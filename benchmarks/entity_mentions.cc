// Prints the entity mentions the recogniser finds, one line each, for
// labelling and eyeballing: `entity_mentions [--title T] < text` (one review,
// blank-line-free paragraphs = passages) or `--lines` (one review per line).
#include <iostream>
#include <string>

#include "revsearch/entities/recognizer.h"

int main(int argc, char** argv) {
  using namespace revsearch::entities;
  std::string title;
  bool per_line = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--title" && i + 1 < argc) title = argv[++i];
    else if (a == "--lines") per_line = true;
  }
  Recognizer recognizer;
  ReviewContext context(title);
  std::string line;
  std::size_t n = 0;
  while (std::getline(std::cin, line)) {
    ++n;
    if (per_line) context = ReviewContext(title);
    for (const Mention& m : recognizer.find_mentions(line, context)) {
      std::cout << n << "\t" << kind_name(m.kind) << "\t" << m.key << "\t" << line.substr(m.begin, m.end - m.begin)
                << "\t" << m.begin << "\t" << m.end << (m.given_name_only ? "\tgiven" : "\t")
                << (m.actor_key.empty() ? "" : "\tplayed by " + m.actor_key) << "\n";
    }
  }
}
