# Turns a file into a C++ byte array (any content, any length) at build time:
#   cmake -DINPUT=file -DOUTPUT=file.cc -DNAME=kSymbol -P embed_file.cmake
# Defines revsearch::server::embedded::NAME (std::string_view).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){24})" "\\1\n    " bytes "${bytes}")
get_filename_component(source_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}"
"// Generated at build time from server/web/${source_name} by embed_file.cmake; do not edit.
#include <string_view>

namespace revsearch::server::embedded {

extern const std::string_view ${NAME};

namespace {
const char kBytes[] = {
    ${bytes}
};
}  // namespace

const std::string_view ${NAME}(kBytes, sizeof kBytes);

}  // namespace revsearch::server::embedded
")
