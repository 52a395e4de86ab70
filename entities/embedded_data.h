// The name lists embedded at build time (see embedded_data.cc.in).
#pragma once

namespace revsearch::entities::embedded {

extern const char* const kCastTsv;
extern const char* const kCuratedTsv;

}  // namespace revsearch::entities::embedded
