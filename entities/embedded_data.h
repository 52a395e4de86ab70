// The people table generated at build time (tools/make_people_table.cc):
// lines "P key latin hangul role", then "H hangul-form n", "L latin-form n",
// "A alias-key n" (n = person number), each section sorted.
#pragma once

namespace revsearch::entities::embedded {

extern const char* const kPeopleTable;

}  // namespace revsearch::entities::embedded
