// Phrases and NEAR groups decided from word positions, as Xapian's
// positional operators decide them (query/phrase_check.h).
#include <catch2/catch.hpp>

#include "revsearch/query/phrase_check.h"

using revsearch::query::positions_match;
using revsearch::query::Proximity;

TEST_CASE("phrase check: a phrase needs its words in order, one after another", "[query]") {
  // "special effects": special at 3 and 9, effects at 4.
  CHECK(positions_match(Proximity::kPhrase, {{3, 9}, {4}}, 2));
  CHECK_FALSE(positions_match(Proximity::kPhrase, {{3, 9}, {5}}, 2));   // a word between
  CHECK_FALSE(positions_match(Proximity::kPhrase, {{4}, {3}}, 2));      // the wrong order
  CHECK(positions_match(Proximity::kPhrase, {{1, 7}, {8}, {9}}, 3));    // found at the second start
  // "very very good": the repeated word takes two positions.
  CHECK(positions_match(Proximity::kPhrase, {{5, 6}, {5, 6}, {7}}, 3));
  CHECK_FALSE(positions_match(Proximity::kPhrase, {{6}, {6}, {7}}, 3));
  // A word that does not occur.
  CHECK_FALSE(positions_match(Proximity::kPhrase, {{1}, {}}, 2));
  CHECK_FALSE(positions_match(Proximity::kPhrase, {}, 2));
}

TEST_CASE("phrase check: NEAR needs its words within the window, in any order, each at its own position",
          "[query]") {
  // bad NEAR/2 movie: window 2 + 2 - 1 = 3 positions.
  CHECK(positions_match(Proximity::kNear, {{10}, {12}}, 3));
  CHECK(positions_match(Proximity::kNear, {{12}, {10}}, 3));  // either order
  CHECK_FALSE(positions_match(Proximity::kNear, {{10}, {13}}, 3));
  CHECK(positions_match(Proximity::kNear, {{1, 40}, {20, 42}}, 3));
  // A word listed twice needs two occurrences in the window.
  CHECK_FALSE(positions_match(Proximity::kNear, {{4}, {4}}, 5));
  CHECK(positions_match(Proximity::kNear, {{4, 7}, {4, 7}}, 5));
  // A joined compound shares its first part's position ("zea" and "ze" at
  // 3): two words cannot both take it.
  CHECK_FALSE(positions_match(Proximity::kNear, {{3}, {3}}, 4));
  CHECK(positions_match(Proximity::kNear, {{3}, {3, 4}}, 4));
  // Needs an exchange: the first word takes 2 only if the second moves to 3.
  CHECK(positions_match(Proximity::kNear, {{2, 3}, {2}, {4}}, 3));
}
