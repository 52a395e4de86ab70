// Internal: ICU error checking and RAII for UText.
#pragma once

#include <unicode/utext.h>
#include <unicode/utypes.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace revsearch::analysis::icu_util {

inline void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU ") + what + " failed: " + u_errorName(status));
  }
}

// A UText over UTF-8 bytes; ICU reports boundaries as byte offsets.
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    ut_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    check(status, "utext_openUTF8");
  }
  ~Utf8Text() { utext_close(ut_); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
  UText* get() const { return ut_; }

 private:
  UText* ut_ = nullptr;
};

}  // namespace revsearch::analysis::icu_util
