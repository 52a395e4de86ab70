# Turns a lexicon text file into a C++ source: one raw string literal per line
# (short literals stay within what -Wpedantic accepts). Run at build time:
#   cmake -DINPUT=file -DOUTPUT=file.cc -DNAME=kSymbol -P embed_lexicon.cmake
file(READ "${INPUT}" content)
string(REPLACE "\r" "" content "${content}")
string(REGEX REPLACE "\n+$" "" content "${content}")
string(REPLACE "\n" ")lex\",\n    R\"lex(" content "${content}")
get_filename_component(source_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}"
"// Generated at build time from sentiment/data/${source_name} by embed_lexicon.cmake; do not edit.
#include <cstddef>

namespace revsearch::sentiment::embedded {

extern const char* const ${NAME}[];
extern const std::size_t ${NAME}Lines;

const char* const ${NAME}[] = {
    R\"lex(${content})lex\",
};
const std::size_t ${NAME}Lines = sizeof(${NAME}) / sizeof(${NAME}[0]);

}  // namespace revsearch::sentiment::embedded
")
