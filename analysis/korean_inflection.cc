// The Korean inflection table: particles and light verbs after nouns, and
// the endings (어미) of predicates, each written once in its long form with
// how it joins. The stemmer (korean_morph.cc) derives the short forms
// (예쁜데 from -은데, 해도 from -어도) and the tense-marked ones (먹었지만)
// from this table. To teach the analyser a new ending, add a line here and a
// (surface form -> stem) row to tests/test_korean_inflection.cc.
#include "korean_inflection.h"

#include <array>

namespace revsearch::analysis {
namespace {

using enum Joins;

constexpr Inflection kTable[] = {
    // --- After nouns: case particles (조사) ---------------------------------
    {"이", kNoun, "subject"}, {"가", kNoun, "subject"}, {"께서", kNoun, "subject (honorific)"},
    {"을", kNoun, "object"}, {"를", kNoun, "object"},
    {"은", kNoun, "topic"}, {"는", kNoun, "topic"},
    {"의", kNoun, "possessive"},
    {"에", kNoun, "locative"}, {"에서", kNoun, "locative"}, {"에는", kNoun, "locative + topic"},
    {"에도", kNoun, "locative + also"}, {"에서는", kNoun, "locative + topic"}, {"에서도", kNoun, "locative + also"},
    {"에게", kNoun, "dative"}, {"께", kNoun, "dative (honorific)"}, {"한테", kNoun, "dative"},
    {"에게서", kNoun, "source"}, {"한테서", kNoun, "source"},
    {"로", kNoun, "instrumental"}, {"으로", kNoun, "instrumental"}, {"으론", kNoun, "instrumental + topic"},
    {"으로는", kNoun, "instrumental + topic"}, {"으로도", kNoun, "instrumental + also"},
    {"로서", kNoun, "as"}, {"으로서", kNoun, "as"},
    {"와", kNoun, "with / and"}, {"과", kNoun, "with / and"}, {"랑", kNoun, "with / and"}, {"이랑", kNoun, "with / and"},
    {"이나", kNoun, "or"},
    {"도", kNoun, "also"}, {"만", kNoun, "only"}, {"까지", kNoun, "until"}, {"부터", kNoun, "from"},
    {"보다", kNoun, "than"}, {"처럼", kNoun, "like"}, {"만큼", kNoun, "as much as"},
    {"마저", kNoun, "even"}, {"조차", kNoun, "even"}, {"야", kNoun, "vocative / emphasis"},
    {"요", kNoun, "polite"},
    // Plural 들 + particle.
    {"들", kNoun, "plural"}, {"들이", kNoun, "plural + subject"}, {"들을", kNoun, "plural + object"},
    {"들은", kNoun, "plural + topic"}, {"들의", kNoun, "plural + possessive"}, {"들도", kNoun, "plural + also"},
    {"들과", kNoun, "plural + with"},
    // --- After nouns: the copula 이다 (이 drops after a vowel: 스토리지만) ----
    {"다", kNoun, "copula"}, {"이다", kNoun, "copula"}, {"임", kNoun, "copula, nominalised"},
    {"인", kNoun, "copula, adnominal"}, {"이고", kNoun, "copula + and"}, {"고", kNoun, "copula + and"},
    {"이라", kNoun, "copula"}, {"라", kNoun, "copula"}, {"이라서", kNoun, "copula + because"},
    {"라서", kNoun, "copula + because"}, {"이라고", kNoun, "quotative"}, {"라고", kNoun, "quotative"},
    {"이라는", kNoun, "quotative adnominal"}, {"이지", kNoun, "copula"}, {"지", kNoun, "copula"},
    {"이야", kNoun, "copula (informal)"}, {"이네", kNoun, "copula (exclamative)"}, {"네", kNoun, "copula (exclamative)"},
    {"니", kNoun, "copula (question)"}, {"냐", kNoun, "copula (question)"},
    {"인데", kNoun, "copula + but/and"}, {"이며", kNoun, "copula + and"}, {"이죠", kNoun, "copula (polite)"},
    {"예요", kNoun, "copula (polite)"}, {"이에요", kNoun, "copula (polite)"}, {"입니다", kNoun, "copula (formal)"},
    {"이지만", kNoun, "copula + although"}, {"지만", kNoun, "copula + although"},
    {"였다", kNoun, "copula, past"}, {"이었다", kNoun, "copula, past"}, {"였는데", kNoun, "copula, past + but"},
    {"이었던", kNoun, "copula, past adnominal"}, {"이었음", kNoun, "copula, past nominalised"},
    {"이었고", kNoun, "copula, past + and"}, {"이어서", kNoun, "copula + because"},
    {"였지만", kNoun, "copula, past + although"}, {"여서", kNoun, "copula + because"},
    {"이라도", kNoun, "copula + even if"}, {"라도", kNoun, "copula + even if"},
    {"이면", kNoun, "copula + if"}, {"면", kNoun, "copula + if"},
    // --- After nouns: light verbs that make a predicate of them --------------
    {"하다", kNoun, "하다"}, {"한다", kNoun, "하다"}, {"했다", kNoun, "하다, past"}, {"해서", kNoun, "하다 + because"},
    {"하고", kNoun, "하다 + and"}, {"하는", kNoun, "하다, adnominal"}, {"하게", kNoun, "하다, adverbial"},
    {"하지", kNoun, "하다"}, {"하면", kNoun, "하다 + if"}, {"하며", kNoun, "하다 + and"}, {"해요", kNoun, "하다 (polite)"},
    {"해도", kNoun, "하다 + even if"}, {"해야", kNoun, "하다 + must"}, {"했고", kNoun, "하다, past + and"},
    {"했던", kNoun, "하다, past adnominal"}, {"했음", kNoun, "하다, past nominalised"}, {"하네", kNoun, "하다"},
    {"하니", kNoun, "하다"}, {"할", kNoun, "하다, prospective"}, {"한", kNoun, "하다, adnominal"},
    {"함", kNoun, "하다, nominalised"}, {"해", kNoun, "하다"}, {"했", kNoun, "하다, past"},
    {"합니다", kNoun, "하다 (formal)"}, {"했어요", kNoun, "하다, past (polite)"}, {"했지만", kNoun, "하다, past + although"},
    {"했는데", kNoun, "하다, past + but"}, {"하는데", kNoun, "하다 + but"}, {"하네요", kNoun, "하다"},
    {"했네요", kNoun, "하다, past"}, {"할만한", kNoun, "하다 + worth"}, {"할수", kNoun, "하다 + can"},
    {"하기", kNoun, "하다, nominalised"}, {"하긴", kNoun, "하다, nominalised + topic"}, {"했어", kNoun, "하다, past"},
    {"하자", kNoun, "하다, propositive"}, {"하지만", kNoun, "하다 + although"},
    {"되다", kNoun, "되다"}, {"된다", kNoun, "되다"}, {"됐다", kNoun, "되다, past"}, {"되는", kNoun, "되다, adnominal"},
    {"되고", kNoun, "되다 + and"}, {"되어", kNoun, "되다"}, {"되서", kNoun, "되다 + because"},
    {"돼서", kNoun, "되다 + because"}, {"된", kNoun, "되다, adnominal"}, {"될", kNoun, "되다, prospective"},
    {"됨", kNoun, "되다, nominalised"}, {"돼", kNoun, "되다"}, {"됐", kNoun, "되다, past"},
    {"스럽다", kNoun, "스럽다"}, {"스러운", kNoun, "스럽다, adnominal"}, {"스런", kNoun, "스럽다, adnominal"},
    {"스러움", kNoun, "스럽다, nominalised"}, {"스럽고", kNoun, "스럽다 + and"}, {"스러워", kNoun, "스럽다"},
    {"적", kNoun, "-적"}, {"적인", kNoun, "-적, adnominal"}, {"적으로", kNoun, "-적, adverbial"},
    {"적이", kNoun, "-적 + subject"}, {"적이다", kNoun, "-적 + copula"},

    // --- Predicate endings (어미) after the stem as written -------------------
    {"다", kStem, "declarative / dictionary form"}, {"는다", kStem, "declarative"},
    {"고", kStem, "connective: and"}, {"지", kStem, "suspective"}, {"게", kStem, "adverbial"},
    {"기", kStem, "nominaliser"}, {"네", kStem, "exclamative"}, {"자", kStem, "propositive"},
    {"나", kStem, "question"}, {"냐", kStem, "question"}, {"니", kStem, "question"}, {"군", kStem, "exclamative"},
    {"던", kStem, "retrospective adnominal"}, {"는", kStem, "adnominal"},
    {"는데", kStem, "connective: but / and"}, {"던데", kStem, "retrospective: but"},
    {"지만", kStem, "concessive: although"}, {"는데도", kStem, "concessive: even though"},
    {"지요", kStem, "polite"}, {"죠", kStem, "polite"}, {"네요", kStem, "exclamative (polite)"},
    {"네여", kStem, "exclamative (polite, chat)"}, {"군요", kStem, "exclamative (polite)"}, {"구나", kStem, "exclamative"},
    {"는구나", kStem, "exclamative"}, {"나요", kStem, "question (polite)"}, {"고요", kStem, "and (polite)"},
    {"구요", kStem, "and (polite, chat)"},
    {"거든", kStem, "reason"}, {"거든요", kStem, "reason (polite)"}, {"잖아", kStem, "as you know"},
    {"잖아요", kStem, "as you know (polite)"},
    {"더라", kStem, "retrospective"}, {"더니", kStem, "retrospective"}, {"더라고", kStem, "retrospective"},
    {"더라구", kStem, "retrospective (chat)"}, {"더라고요", kStem, "retrospective (polite)"},
    {"더라구요", kStem, "retrospective (polite, chat)"},
    {"다고", kStem, "quotative"}, {"다는", kStem, "quotative adnominal"}, {"는다고", kStem, "quotative"},
    {"는다는", kStem, "quotative adnominal"}, {"다가", kStem, "transferentive: while"},
    {"기에", kStem, "reason"}, {"기는", kStem, "nominaliser + topic"}, {"기도", kStem, "nominaliser + also"},
    {"기엔", kStem, "nominaliser + for"}, {"기로", kStem, "nominaliser + decision"},
    {"지도", kStem, "suspective + also"}, {"지는", kStem, "suspective + topic"}, {"지않", kStem, "negation (unspaced)"},
    {"도록", kStem, "purpose: so that"}, {"는지", kStem, "embedded question"}, {"는게", kStem, "adnominal + thing"},
    {"는건", kStem, "adnominal + thing"}, {"는거", kStem, "adnominal + thing"}, {"길래", kStem, "reason"},
    {"게요", kStem, "intention (polite)"}, {"습니다", kStem, "declarative (formal)"},
    {"자마자", kStem, "as soon as"}, {"고서", kStem, "connective: after"},

    // --- Endings that begin with 으/은/을/음 ----------------------------------
    {"은", kEu, "adnominal (past / state)"}, {"을", kEu, "adnominal (prospective)"}, {"음", kEu, "nominaliser"},
    {"으면", kEu, "conditional: if"}, {"으면서", kEu, "simultaneous: while"}, {"으니", kEu, "reason"},
    {"으니까", kEu, "reason: because"}, {"으며", kEu, "connective: and"}, {"으러", kEu, "purpose"},
    {"으려고", kEu, "intention"}, {"으려면", kEu, "intention + if"},
    {"은데", kEu, "connective: but / and"}, {"은지", kEu, "embedded question"}, {"은가", kEu, "question"},
    {"은거", kEu, "adnominal + thing"}, {"은게", kEu, "adnominal + thing"}, {"은건", kEu, "adnominal + thing"},
    {"은걸", kEu, "adnominal + thing"}, {"은데요", kEu, "connective (polite)"},
    {"을까", kEu, "question: shall / would"}, {"을까요", kEu, "question (polite)"}, {"을지", kEu, "embedded question"},
    {"을게", kEu, "promise"}, {"을게요", kEu, "promise (polite)"}, {"을거", kEu, "prospective + thing"},
    {"을걸", kEu, "prospective + thing"}, {"을수록", kEu, "the more"}, {"을때", kEu, "prospective + when"},
    {"을듯", kEu, "prospective + seems"}, {"을만큼", kEu, "prospective + as much as"},
    {"으세요", kEu, "honorific imperative"}, {"으셨", kEu, "honorific, past"}, {"으신", kEu, "honorific adnominal"},

    // --- Endings that begin with 아/어/여 -------------------------------------
    {"어", kAeo, "informal"}, {"아", kAeo, "informal"}, {"여", kAeo, "informal"},
    {"어도", kAeo, "concessive: even if"}, {"아도", kAeo, "concessive: even if"}, {"여도", kAeo, "concessive: even if"},
    {"어서", kAeo, "connective: because / and then"}, {"아서", kAeo, "connective: because / and then"},
    {"여서", kAeo, "connective: because / and then"},
    {"어야", kAeo, "obligation: only if"}, {"아야", kAeo, "obligation: only if"}, {"어야지", kAeo, "obligation"},
    {"어요", kAeo, "polite"}, {"아요", kAeo, "polite"}, {"여요", kAeo, "polite"},
    {"어여", kAeo, "polite (chat)"}, {"아여", kAeo, "polite (chat)"},
    {"어라", kAeo, "imperative / exclamative"}, {"아라", kAeo, "imperative / exclamative"},
    {"어서요", kAeo, "because (polite)"}, {"어도요", kAeo, "even if (polite)"},
    {"어지", kAeo, "become"}, {"어진", kAeo, "become, adnominal"},

    // --- Particles after a nominalised predicate (-음/-ㅁ, -기) ---------------
    {"이", kNominal, "nominalised + subject"}, {"가", kNominal, "nominalised + subject"},
    {"을", kNominal, "nominalised + object"}, {"를", kNominal, "nominalised + object"},
    {"은", kNominal, "nominalised + topic"}, {"는", kNominal, "nominalised + topic"},
    {"과", kNominal, "nominalised + and"}, {"와", kNominal, "nominalised + and"},
    {"도", kNominal, "nominalised + also"}, {"만", kNominal, "nominalised + only"},
    {"에", kNominal, "nominalised + locative"}, {"의", kNominal, "nominalised + possessive"},
    {"으로", kNominal, "nominalised + instrumental"}, {"로", kNominal, "nominalised + instrumental"},
    {"이다", kNominal, "nominalised + copula"}, {"임", kNominal, "nominalised + copula"},
    {"이라", kNominal, "nominalised + copula"}, {"이고", kNominal, "nominalised + copula"},
    {"이네", kNominal, "nominalised + copula"}, {"인데", kNominal, "nominalised + copula"},
    {"이지만", kNominal, "nominalised + copula"}, {"이었다", kNominal, "nominalised + copula, past"},
    {"에는", kNominal, "nominalised + locative"}, {"보다", kNominal, "nominalised + than"},
    {"까지", kNominal, "nominalised + until"}, {"마저", kNominal, "nominalised + even"},
    {"조차", kNominal, "nominalised + even"}, {"처럼", kNominal, "nominalised + like"},
};

// Past 었/았/였, future / conjecture 겠, and their combinations.
constexpr std::array<std::string_view, 8> kTenseInfixes = {"었", "았", "였", "겠", "었겠", "았겠", "었었", "셨"};

}  // namespace

std::span<const Inflection> korean_inflections() { return kTable; }

std::span<const std::string_view> korean_tense_infixes() { return kTenseInfixes; }

}  // namespace revsearch::analysis
