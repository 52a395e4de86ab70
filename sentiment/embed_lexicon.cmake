# Turns a lexicon text file into a C++ source: the whole file as one raw
# string literal (one array, no per-line pointers to relocate). Run at build
# time:
#   cmake -DINPUT=file -DOUTPUT=file.cc -DNAME=kSymbol -P embed_lexicon.cmake
file(READ "${INPUT}" content)
string(REPLACE "\r" "" content "${content}")
get_filename_component(source_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}"
"// Generated at build time from sentiment/data/${source_name} by embed_lexicon.cmake; do not edit.
#include <cstddef>

// Longer than the 65,536 characters ISO C++ promises to support; GCC and
// Clang take it.
#pragma GCC diagnostic ignored \"-Woverlength-strings\"

namespace revsearch::sentiment::embedded {

extern const char ${NAME}[];
extern const std::size_t ${NAME}Size;

const char ${NAME}[] = R\"lex(${content})lex\";
const std::size_t ${NAME}Size = sizeof(${NAME}) - 1;

}  // namespace revsearch::sentiment::embedded
")
