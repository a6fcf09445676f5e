// Tests for near-duplicate suggestions: the string measures (sync/similarity.hpp), the nickname
// table (sync/nicknames.hpp), the pair score with its reasons and the blocked, greedy Suggest
// (sync/suggest.hpp).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sync/nicknames.hpp"
#include "sync/normalize.hpp"
#include "sync/similarity.hpp"
#include "sync/suggest.hpp"

namespace crewsync::sync {

// Found by argument-dependent lookup, so failures print suggestions readably.
void PrintTo(const Suggestion& s, std::ostream* os) {
    *os << "{person " << s.person_id << ", " << Name(s.remote_kind) << " " << s.remote_id
        << ", score " << s.score << ", reasons:";
    for (const std::string& r : s.reasons) *os << " \"" << r << "\"";
    *os << "}";
}

namespace {

using testing::Contains;
using testing::ElementsAre;
using testing::IsEmpty;
using testing::Not;

// ---------------------------------------------------------------------------------------------
// Jaro-Winkler

TEST(JaroWinkler, MatchesPublishedValues) {
    EXPECT_NEAR(JaroWinkler("MARTHA", "MARHTA"), 0.961, 0.001);
    EXPECT_NEAR(JaroWinkler("DIXON", "DICKSONX"), 0.813, 0.001);
    EXPECT_NEAR(JaroWinkler("DWAYNE", "DUANE"), 0.840, 0.001);
    EXPECT_NEAR(JaroWinkler("JONES", "JOHNSON"), 0.832, 0.001);
}

TEST(JaroWinkler, EqualAndEmptyStrings) {
    EXPECT_EQ(JaroWinkler("smith", "smith"), 1.0);
    EXPECT_EQ(JaroWinkler("", ""), 1.0);
    EXPECT_EQ(JaroWinkler("", "smith"), 0.0);
    EXPECT_EQ(JaroWinkler("smith", ""), 0.0);
    EXPECT_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

TEST(JaroWinkler, IsSymmetricAndBetweenZeroAndOne) {
    const std::string_view words[] = {"martha", "marhta", "dixon", "dicksonx", "a", "ab", "ba",
                                      "jose", "josé", "müller", "muller", ""};
    for (std::string_view a : words) {
        for (std::string_view b : words) {
            SCOPED_TRACE(std::string(a) + " / " + std::string(b));
            const double ab = JaroWinkler(a, b);
            EXPECT_DOUBLE_EQ(ab, JaroWinkler(b, a));
            EXPECT_GE(ab, 0.0);
            EXPECT_LE(ab, 1.0);
        }
    }
}

TEST(JaroWinkler, ComparesCodePointsNotBytes) {
    // "josé" is four code points (five bytes): three match "jose", all in the shared prefix.
    // Jaro = (3/4 + 3/4 + 1) / 3; on bytes it would be (3/5 + 3/4 + 1) / 3.
    const double jaro = (0.75 + 0.75 + 1.0) / 3.0;
    EXPECT_NEAR(JaroWinkler("josé", "jose"), jaro + 0.3 * (1 - jaro), 1e-9);
    // "ü" and "u" are one code point each: one mismatch among six.
    const double jaro_muller = (5.0 / 6 + 5.0 / 6 + 1.0) / 3.0;
    EXPECT_NEAR(JaroWinkler("müller", "muller"), jaro_muller + 0.1 * (1 - jaro_muller), 1e-9);
    // Two different two-byte letters share a lead byte but no code point.
    EXPECT_EQ(JaroWinkler("é", "è"), 0.0);
}

TEST(JaroWinkler, InvalidUtf8DoesNotCrash) {
    EXPECT_EQ(JaroWinkler("\xFF\xFE", "\xFF\xFE"), 1.0);
    const double score = JaroWinkler("\xFF" "abc", "abc\xC3");
    EXPECT_GT(score, 0.0);
    EXPECT_LT(score, 1.0);
}

// ---------------------------------------------------------------------------------------------
// Edit distance

constexpr std::size_t kNoLimit = std::numeric_limits<std::size_t>::max();

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
    EXPECT_EQ(EditDistance("kitten", "sitting", 10), 3u);
    EXPECT_EQ(EditDistance("smith", "smyth", 10), 1u);
    EXPECT_EQ(EditDistance("smith", "smit", 10), 1u);
    EXPECT_EQ(EditDistance("smith", "smiith", 10), 1u);
    EXPECT_EQ(EditDistance("john", "jhon", 10), 2u);  // Levenshtein: a swap is two edits
    EXPECT_EQ(EditDistance("", "abc", 10), 3u);
    EXPECT_EQ(EditDistance("abc", "", 10), 3u);
    EXPECT_EQ(EditDistance("same", "same", 0), 0u);
    EXPECT_EQ(EditDistance("", "", 0), 0u);
}

TEST(EditDistance, StopsAtTheLimit) {
    EXPECT_EQ(EditDistance("kitten", "sitting", 3), 3u);
    EXPECT_EQ(EditDistance("kitten", "sitting", 2), 3u);  // limit + 1: "more than 2"
    EXPECT_EQ(EditDistance("kitten", "sitting", 0), 1u);
    EXPECT_EQ(EditDistance("a", "abcdefgh", 2), 3u);    // the length difference alone
    EXPECT_EQ(EditDistance("abcdefgh", "hgfedcba", 1), 2u);
    EXPECT_EQ(EditDistance("abc", "xyz", kNoLimit), 3u);  // no overflow at the largest limit
}

TEST(EditDistance, CountsCodePointsNotBytes) {
    EXPECT_EQ(EditDistance("josé", "jose", 10), 1u);
    EXPECT_EQ(EditDistance("müller", "muller", 10), 1u);
    EXPECT_EQ(EditDistance("é", "è", 10), 1u);
    EXPECT_EQ(EditDistance("\xFF" "abc", "abc", 10), 1u);  // an invalid byte is one character
}

// The plain full-table Levenshtein distance, to check the banded, early-stopping one against.
std::size_t ReferenceDistance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                                d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        }
    }
    return d[a.size()][b.size()];
}

TEST(EditDistance, AgreesWithTheFullTableForEveryLimit) {
    std::uint64_t state = 12345;
    const auto next = [&state](std::uint64_t below) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % below;
    };
    const auto word = [&] {
        std::string w(next(9), 'a');
        for (char& c : w) c = static_cast<char>('a' + next(3));
        return w;
    };
    for (int round = 0; round < 2000; ++round) {
        const std::string a = word();
        const std::string b = word();
        const std::size_t expected = ReferenceDistance(a, b);
        for (std::size_t limit = 0; limit <= 9; ++limit) {
            SCOPED_TRACE(a + " / " + b + " limit " + std::to_string(limit));
            ASSERT_EQ(EditDistance(a, b, limit), std::min(expected, limit + 1));
        }
        ASSERT_EQ(EditDistance(a, b, kNoLimit), expected);
    }
}

// ---------------------------------------------------------------------------------------------
// Nicknames

TEST(Nicknames, KnowsCommonEnglishAndHispanicNicknames) {
    const std::pair<std::string_view, std::string_view> pairs[] = {
        {"bob", "robert"},       {"bobby", "robert"},   {"rob", "robert"},
        {"bill", "william"},     {"will", "william"},   {"liam", "william"},
        {"liz", "elizabeth"},    {"beth", "elizabeth"}, {"betty", "elizabeth"},
        {"maggie", "margaret"},  {"peggy", "margaret"}, {"jim", "james"},
        {"jimmy", "james"},      {"rick", "richard"},   {"dick", "richard"},
        {"kate", "katherine"},   {"kathy", "katherine"}, {"cathy", "catherine"},
        {"mike", "michael"},     {"mick", "michael"},   {"pepe", "jose"},
        {"paco", "francisco"},   {"pancho", "francisco"}, {"alex", "alejandro"},
        {"chuy", "jesus"},       {"nacho", "ignacio"},  {"lupe", "guadalupe"},
        {"memo", "guillermo"},   {"lalo", "eduardo"},   {"beto", "roberto"},
        {"tony", "antonio"},     {"toño", "antonio"},   {"chava", "salvador"},
    };
    for (const auto& [nickname, name] : pairs) {
        SCOPED_TRACE(std::string(nickname) + " / " + std::string(name));
        EXPECT_TRUE(AreNicknames(NormalizeName(nickname), NormalizeName(name)));
        EXPECT_TRUE(AreNicknames(NormalizeName(name), NormalizeName(nickname)));
    }
}

TEST(Nicknames, CoversTheSyntheticCompanysNicknames) {
    // The pairs crewsync's synthetic company plants as near-duplicates (src/synth).
    const std::pair<std::string_view, std::string_view> pairs[] = {
        {"Robert", "Bob"},        {"William", "Bill"},     {"Richard", "Rick"},
        {"James", "Jim"},         {"Michael", "Mike"},     {"Thomas", "Tom"},
        {"Joseph", "Joe"},        {"Charles", "Chuck"},    {"Christopher", "Chris"},
        {"Daniel", "Dan"},        {"Matthew", "Matt"},     {"Anthony", "Tony"},
        {"Steven", "Steve"},      {"Andrew", "Andy"},      {"Kenneth", "Ken"},
        {"Timothy", "Tim"},       {"Edward", "Ed"},        {"Jeffrey", "Jeff"},
        {"Nicholas", "Nick"},     {"Gregory", "Greg"},     {"Samuel", "Sam"},
        {"Benjamin", "Ben"},      {"Alexander", "Alex"},   {"Patrick", "Pat"},
        {"Raymond", "Ray"},       {"Douglas", "Doug"},     {"Zachary", "Zach"},
        {"Lawrence", "Larry"},    {"Elizabeth", "Liz"},    {"Katherine", "Kate"},
        {"Margaret", "Peggy"},    {"Jennifer", "Jenny"},   {"Patricia", "Patty"},
        {"Susan", "Sue"},         {"Deborah", "Debbie"},   {"Rebecca", "Becky"},
        {"Kimberly", "Kim"},      {"Victoria", "Vicky"},   {"Christina", "Tina"},
        {"Catherine", "Cathy"},   {"Abigail", "Abby"},     {"Samantha", "Sam"},
        {"Francisco", "Paco"},    {"José", "Pepe"},
    };
    for (const auto& [name, nickname] : pairs) {
        SCOPED_TRACE(std::string(name) + " / " + std::string(nickname));
        EXPECT_TRUE(AreNicknames(NormalizeName(name), NormalizeName(nickname)));
    }
}

TEST(Nicknames, TwoNicknamesOfOneNameAreNicknames) {
    EXPECT_TRUE(AreNicknames("bob", "rob"));
    EXPECT_TRUE(AreNicknames("bill", "will"));
    EXPECT_TRUE(AreNicknames("paco", "pancho"));
    EXPECT_TRUE(AreNicknames("peggy", "maggie"));
}

TEST(Nicknames, EqualAndUnrelatedNamesAreNot) {
    EXPECT_FALSE(AreNicknames("robert", "robert"));
    EXPECT_FALSE(AreNicknames("bob", "bob"));
    EXPECT_FALSE(AreNicknames("robert", "william"));
    EXPECT_FALSE(AreNicknames("bob", "bill"));
    EXPECT_FALSE(AreNicknames("mary", "mark"));
    EXPECT_FALSE(AreNicknames("gerald", "jerome"));  // both "jerry", but different names
    EXPECT_FALSE(AreNicknames("", "bob"));
    EXPECT_FALSE(AreNicknames("", ""));
    EXPECT_FALSE(AreNicknames("zyxw", "robert"));
}

TEST(Nicknames, ExpectsNormalisedNames) {
    EXPECT_FALSE(AreNicknames("Bob", "Robert"));  // the caller normalises
    EXPECT_TRUE(AreNicknames(NormalizeName("  BOB "), NormalizeName("Robert")));
    EXPECT_TRUE(AreNicknames(NormalizeName("José"), NormalizeName("PEPE")));
}

std::vector<std::string> FullNames(std::string_view name) {
    const std::span<const std::string> names = FullNamesOf(name);
    return {names.begin(), names.end()};
}

TEST(Nicknames, FullNamesOfListsTheNamesANicknameStandsFor) {
    EXPECT_THAT(FullNames("robert"), ElementsAre("robert"));
    EXPECT_THAT(FullNames("bob"), Contains("robert"));
    EXPECT_THAT(FullNames("bob"), Not(Contains("bob")));  // a nickname heads no line
    EXPECT_THAT(FullNames("bert"), testing::IsSupersetOf({"albert", "herbert", "robert"}));
    const std::vector<std::string> al = FullNames("al");
    EXPECT_GE(al.size(), 3u);
    EXPECT_TRUE(std::is_sorted(al.begin(), al.end()));
    EXPECT_THAT(FullNames("zyxw"), IsEmpty());
    EXPECT_THAT(FullNames(""), IsEmpty());
}

TEST(Nicknames, TheTableIsLarge) {
    // A sample of the given names the table heads; each knows itself.
    const std::string_view names[] = {
        "aaron", "abigail", "albert", "alexander", "andrew", "anthony", "barbara", "benjamin",
        "catherine", "charles", "christopher", "daniel", "david", "deborah", "donald", "douglas",
        "edward", "elizabeth", "eugene", "frederick", "gregory", "harold", "henry", "jacob",
        "james", "jennifer", "jeffrey", "john", "jonathan", "joseph", "joshua", "katherine",
        "kenneth", "lawrence", "margaret", "matthew", "michael", "nicholas", "patricia", "patrick",
        "peter", "raymond", "rebecca", "richard", "robert", "ronald", "samuel", "stephen",
        "susan", "theodore", "thomas", "timothy", "victoria", "walter", "william", "zachary",
        "alejandro", "alberto", "antonio", "eduardo", "enrique", "fernando", "francisco",
        "guadalupe", "guillermo", "ignacio", "jesus", "jose", "manuel", "rafael", "ricardo",
        "roberto", "salvador", "santiago", "dolores", "concepcion", "rosario", "socorro"};
    for (std::string_view name : names) {
        SCOPED_TRACE(name);
        EXPECT_THAT(FullNames(name), Contains(name));
    }
}

// ---------------------------------------------------------------------------------------------
// Scoring one pair

struct Person {
    Person(std::int64_t id_, std::string first_, std::string last_, std::string email_ = "",
           std::string employee_id_ = "", std::string phone_ = "",
           RemoteKind kind_ = RemoteKind::kUser)
        : id(id_), first(std::move(first_)), last(std::move(last_)), email(std::move(email_)),
          employee_id(std::move(employee_id_)), phone(std::move(phone_)), kind(kind_) {}

    std::int64_t id = 0;
    std::string first;
    std::string last;
    std::string email;
    std::string employee_id;
    std::string phone;
    RemoteKind kind = RemoteKind::kUser;

    SuggestionCandidate Candidate() const {
        return {id, kind, first, last, email, employee_id, phone};
    }
};

Suggestion Score(const Person& local, const Person& remote) {
    return ScorePair(local.Candidate(), remote.Candidate(), "1");
}

constexpr double kThreshold = 0.75;  // the default in settings

TEST(ScorePair, NicknameWithTheSameMobile) {
    const Suggestion s = Score({1, "Bob", "Smith", "", "", "(312) 555-0100"},
                               {10, "Robert", "Smith", "", "", "+1 312 555 0100"});
    EXPECT_GE(s.score, kThreshold);
    EXPECT_THAT(s.reasons, ElementsAre("last name equal", "first name Bob is a nickname of Robert",
                                       "mobile phone equal"));
    EXPECT_EQ(s.person_id, 1);
    EXPECT_EQ(s.remote_kind, RemoteKind::kUser);
    EXPECT_EQ(s.remote_id, 10);
}

TEST(ScorePair, NicknameAloneIsASuggestionAndSaysWhichIsTheNickname) {
    const Suggestion s = Score({1, "Robert", "Smith"}, {10, "Bob", "Smith"});
    EXPECT_DOUBLE_EQ(s.score, 0.83);  // 0.45 last + 0.45 × 0.85 first
    EXPECT_THAT(s.reasons,
                ElementsAre("last name equal", "first name Bob is a nickname of Robert"));
    EXPECT_THAT(Score({1, "Bob", "Smith"}, {10, "Rob", "Smith"}).reasons,
                Contains("first names Bob and Rob are nicknames of the same name"));
}

TEST(ScorePair, SwappedFirstAndLastName) {
    const Suggestion s = Score({1, "Smith", "John"}, {10, "John", "Smith"});
    EXPECT_DOUBLE_EQ(s.score, 0.85);
    EXPECT_GE(s.score, kThreshold);
    EXPECT_THAT(s.reasons, ElementsAre("first and last name swapped"));
}

TEST(ScorePair, AccentsAndCaseOnly) {
    const Suggestion s = Score({1, "José", "Müller"}, {10, "jose", "muller"});
    EXPECT_GE(s.score, 0.9);
    EXPECT_THAT(
        s.reasons,
        ElementsAre("last name equal apart from accents, case or punctuation (Müller / muller)",
                    "first name equal apart from accents, case or punctuation (José / jose)"));
    const Suggestion with_email = Score({1, "José", "Müller", "Jose.Muller@acme.com"},
                                        {10, "JOSE", "MULLER", "jose.muller@acme.com"});
    EXPECT_EQ(with_email.score, 0.99);  // a suggestion is never certain
    EXPECT_THAT(with_email.reasons, Contains("e-mail equal"));
}

TEST(ScorePair, TypoInTheEmail) {
    const Suggestion one = Score({1, "John", "Smith", "john.smith@acme.com"},
                                 {10, "John", "Smith", "john.smtih@acme.com"});
    EXPECT_THAT(one.reasons, Contains("e-mail has two neighbouring characters swapped"));
    EXPECT_GE(one.score, kThreshold);
    // Different first names keep the scores below 1, so the e-mail's share shows.
    const Suggestion dropped = Score({1, "Ann", "Lee", "ann.lee@acme.com"},
                                     {10, "Bea", "Lee", "ann.le@acme.com"});
    EXPECT_THAT(dropped.reasons, Contains("e-mail differs by one character"));
    const Suggestion two = Score({1, "Ann", "Lee", "ann.lee@acme.com"},
                                 {10, "Bea", "Lee", "anne.le@acme.com"});
    EXPECT_THAT(two.reasons, Contains("e-mail differs by two characters"));
    const Suggestion domain = Score({1, "Ann", "Lee", "ann.lee@acme.com"},
                                    {10, "Bea", "Lee", "ann.lee@gmail.com"});
    EXPECT_THAT(domain.reasons, Contains("e-mail local part equal, domain differs"));
    const Suggestion none = Score({1, "Ann", "Lee", "ann.lee@acme.com"},
                                  {10, "Bea", "Lee", "bea.lee@acme.com"});
    EXPECT_THAT(none.reasons, Contains("e-mails differ"));
    const Suggestion no_email = Score({1, "Ann", "Lee"}, {10, "Bea", "Lee"});
    // One typo weighs more than two edits, which weigh more than no e-mail, which weighs more
    // than a different one.
    EXPECT_GT(dropped.score, two.score);
    EXPECT_GT(two.score, no_email.score);
    EXPECT_GT(no_email.score, none.score);
}

TEST(ScorePair, PhoneWrittenDifferently) {
    const Suggestion s = Score({1, "Ann", "Lee", "", "", "(312) 555-0100"},
                               {10, "Ann", "Lee", "", "", "312.555.0100"});
    EXPECT_THAT(s.reasons, Contains("mobile phone equal"));
    EXPECT_GT(s.score, Score({1, "Ann", "Lee"}, {10, "Ann", "Lee"}).score);
}

TEST(ScorePair, EmployeeIdWrittenDifferently) {
    const Suggestion s =
        Score({1, "Ann", "Lee", "", " e-1042 "}, {10, "Anne", "Lee", "", "E-1042"});
    EXPECT_THAT(s.reasons, Contains("employee ID equal"));
    EXPECT_GE(s.score, kThreshold);
}

TEST(ScorePair, SimilarNames) {
    EXPECT_THAT(Score({1, "Micheal", "Smith"}, {10, "Michael", "Smith"}).reasons,
                ElementsAre("last name equal", "first name similar (Micheal / Michael)"));
    EXPECT_THAT(Score({1, "Jhon", "Smith"}, {10, "John", "Smith"}).reasons,
                Contains("first name similar (Jhon / John)"));
    const Suggestion last = Score({1, "John", "Smith"}, {10, "John", "Smyth"});
    EXPECT_THAT(last.reasons, ElementsAre("last name similar (Smith / Smyth)", "first name equal"));
    EXPECT_GE(last.score, kThreshold);
}

TEST(ScorePair, TwoDifferentKnownNamesAreNotATypo) {
    // "Mary" and "Mark" are one letter apart but both real names: different people.
    const Suggestion s = Score({1, "Mary", "Smith"}, {10, "Mark", "Smith"});
    EXPECT_THAT(s.reasons, ElementsAre("last name equal"));
    EXPECT_LT(s.score, kThreshold);
}

TEST(ScorePair, DoubleSurnamesMiddleNamesAndInitials) {
    const Suggestion s = Score({1, "Juan Carlos", "García"}, {10, "Juan", "García López"});
    EXPECT_THAT(s.reasons, ElementsAre("last name partly equal (García / García López)",
                                       "first name partly equal (Juan Carlos / Juan)"));
    EXPECT_THAT(Score({1, "J.", "Smith"}, {10, "John", "Smith"}).reasons,
                Contains("first name initial equal (J. / John)"));
}

TEST(ScorePair, ACommonLastNameAloneIsNotASuggestion) {
    const Suggestion s = Score({1, "John", "Garcia"}, {10, "Maria", "Garcia"});
    EXPECT_THAT(s.reasons, ElementsAre("last name equal"));
    EXPECT_LT(s.score, kThreshold);
    // Nor with a shared phone: families share numbers.
    EXPECT_LT(Score({1, "John", "Garcia", "", "", "312 555 0100"},
                    {10, "Maria", "Garcia", "", "", "3125550100"})
                  .score,
              kThreshold);
}

TEST(ScorePair, DifferingContactDetailsCountAgainst) {
    const Suggestion same = Score({1, "John", "Smith"}, {10, "John", "Smith"});
    const Suggestion differ = Score({1, "John", "Smith", "john@acme.com", "E-1", "312 555 0100"},
                                    {10, "John", "Smith", "jsmith77@mail.com", "E-2",
                                     "312 555 0199"});
    EXPECT_GE(same.score, kThreshold);  // nothing contradicts the equal names
    EXPECT_LT(differ.score, kThreshold);
    EXPECT_THAT(differ.reasons, ElementsAre("last name equal", "first name equal", "e-mails differ",
                                            "mobile phones differ", "employee IDs differ"));
}

TEST(ScorePair, TheKeyThatDidNotMatchCountsOnlyALittleAgainst) {
    // Users are matched by e-mail and Contacts by employee ID, so a near-duplicate that reaches
    // the scorer differs in that key: it must still be suggested.
    const Suggestion contact = Score({1, "Kimberly", "Hayes", "", "E-13702"},
                                     {10, "Kim", "Hayes", "", "E-49406", "", RemoteKind::kContact});
    EXPECT_GE(contact.score, kThreshold);
    EXPECT_THAT(contact.reasons, Contains("employee IDs differ"));
    const Suggestion user = Score({1, "Beverly", "Domínguez", "beverly.dominguez@acme.com"},
                                  {10, "Domínguez", "Beverly", "dominguez_beverly@acme.com"});
    EXPECT_GE(user.score, kThreshold);
    EXPECT_THAT(user.reasons, ElementsAre("first and last name swapped", "e-mails differ"));
}

TEST(ScorePair, MissingFieldsAreNoEvidence) {
    EXPECT_EQ(Score({1, "John", "Smith", "john@acme.com", "E-1", "312 555 0100"},
                    {10, "John", "Smith"})
                  .score,
              Score({1, "John", "Smith"}, {10, "John", "Smith"}).score);
}

TEST(ScorePair, ScoreIsBetweenZeroAndNinetyNineHundredthsRoundedToTwoDecimals) {
    const Suggestion nothing = Score({1, "Ann", "Lee", "a@x.com", "E-1", "312 555 0100"},
                                     {10, "Bob", "Kim", "b@y.com", "E-2", "415 555 0199"});
    EXPECT_EQ(nothing.score, 0.0);
    const Suggestion everything = Score({1, "Ann", "Lee", "a@x.com", "E-1", "312 555 0100"},
                                        {10, "Ann", "Lee", "a@x.com", "E-1", "312 555 0100"});
    EXPECT_EQ(everything.score, 0.99);  // only an exact key is certain
    for (const Suggestion& s :
         {Score({1, "Robert", "Smith"}, {10, "Bob", "Smith"}),
          Score({1, "J.", "Smith"}, {10, "John", "Smith"}),
          Score({1, "Micheal", "Smith"}, {10, "Michael", "Smith"})}) {
        EXPECT_DOUBLE_EQ(s.score, std::round(s.score * 100) / 100);
        EXPECT_GT(s.score, 0.0);
        EXPECT_LT(s.score, 1.0);
    }
}

TEST(ScorePair, IsSymmetricInScore) {
    const Person pairs[][2] = {
        {{1, "Bob", "Smith", "", "", "312 555 0100"},
         {10, "Robert", "Smith", "", "", "3125550100"}},
        {{1, "Smith", "John"}, {10, "John", "Smith"}},
        {{1, "Ann", "Lee", "ann.lee@acme.com"}, {10, "Anne", "Le", "ann.le@acme.com"}},
    };
    for (const auto& pair : pairs) {
        EXPECT_EQ(Score(pair[0], pair[1]).score, Score(pair[1], pair[0]).score);
    }
}

// ---------------------------------------------------------------------------------------------
// Suggest: blocking and the greedy choice

std::vector<Suggestion> SuggestAmong(const std::vector<Person>& local,
                                     const std::vector<Person>& remote,
                                     double threshold = kThreshold) {
    std::vector<SuggestionCandidate> l;
    for (const Person& p : local) l.push_back(p.Candidate());
    std::vector<SuggestionCandidate> r;
    for (const Person& p : remote) r.push_back(p.Candidate());
    return Suggest(l, r, threshold, "1");
}

struct Pair {
    std::int64_t person_id;
    RemoteKind kind;
    std::int64_t remote_id;
    bool operator==(const Pair&) const = default;
};

void PrintTo(const Pair& p, std::ostream* os) {
    *os << "{" << p.person_id << ", " << Name(p.kind) << " " << p.remote_id << "}";
}

std::vector<Pair> Pairs(const std::vector<Suggestion>& suggestions) {
    std::vector<Pair> out;
    for (const Suggestion& s : suggestions) {
        out.push_back({s.person_id, s.remote_kind, s.remote_id});
    }
    return out;
}

constexpr RemoteKind kUser = RemoteKind::kUser;
constexpr RemoteKind kContact = RemoteKind::kContact;

TEST(Suggest, FindsEachKindOfNearDuplicateBestFirst) {
    const std::vector<Person> local = {
        {1, "Bob", "Smith", "", "", "(312) 555-0100"},
        {2, "Smith", "John"},
        {3, "José", "Müller", "jose.muller@acme.com"},
        {4, "Ann", "Lee", "ann.lee@acme.com"},
        {5, "Maria", "Garcia"},
        {6, "Kim", "Park", "", "E-7"},
    };
    const std::vector<Person> remote = {
        {10, "Robert", "Smith", "", "", "+1 312 555 0100"},
        {11, "John", "Smith"},
        {12, "jose", "muller", "jose.muller@acme.com"},
        {13, "Ann", "Lee", "ann.le@acme.com"},
        {14, "Pedro", "Garcia"},
        {15, "Kim", "Park", "", "e-7", "", kContact},
    };
    const std::vector<Suggestion> s = SuggestAmong(local, remote);
    EXPECT_THAT(Pairs(s), ElementsAre(Pair{1, kUser, 10}, Pair{3, kUser, 12}, Pair{4, kUser, 13},
                                      Pair{6, kContact, 15}, Pair{2, kUser, 11}));
    for (std::size_t i = 1; i < s.size(); ++i) EXPECT_GE(s[i - 1].score, s[i].score);
    // The reasons are the pair's own.
    for (const Suggestion& one : s) {
        const auto l = std::find_if(local.begin(), local.end(),
                                    [&](const Person& p) { return p.id == one.person_id; });
        const auto r = std::find_if(remote.begin(), remote.end(),
                                    [&](const Person& p) { return p.id == one.remote_id; });
        EXPECT_EQ(one, Score(*l, *r));
    }
}

TEST(Suggest, KeepsOnlyPairsAtOrAboveTheThreshold) {
    const std::vector<Person> local = {{1, "Robert", "Smith"}};
    const std::vector<Person> remote = {{10, "Bob", "Smith"}};
    EXPECT_THAT(Pairs(SuggestAmong(local, remote, 0.83)), ElementsAre(Pair{1, kUser, 10}));
    EXPECT_THAT(SuggestAmong(local, remote, 0.84), IsEmpty());
}

TEST(Suggest, EachRecordIsInAtMostOneSuggestion) {
    // Two crewsync people could be remote 10; the better pair wins and the other is left out.
    const std::vector<Person> local = {{1, "Bob", "Smith"}, {2, "Robert", "Smith"}};
    const std::vector<Person> remote = {{10, "Robert", "Smith"}};
    EXPECT_THAT(Pairs(SuggestAmong(local, remote)), ElementsAre(Pair{2, kUser, 10}));
    // And the other way round: one person, two Directory records.
    EXPECT_THAT(Pairs(SuggestAmong({{1, "Robert", "Smith"}},
                                   {{10, "Bob", "Smith"}, {11, "Robert", "Smith"}})),
                ElementsAre(Pair{1, kUser, 11}));
    // Greedy: once 1–10 is taken, 2 gets its second best.
    const std::vector<Suggestion> chain =
        SuggestAmong({{1, "Robert", "Smith"}, {2, "Bob", "Smith"}},
            {{10, "Robert", "Smith"}, {11, "Rob", "Smith"}});
    EXPECT_THAT(Pairs(chain), ElementsAre(Pair{1, kUser, 10}, Pair{2, kUser, 11}));
}

TEST(Suggest, TiesGoToTheLowerPersonIdThenRemoteKindAndId) {
    EXPECT_THAT(Pairs(SuggestAmong({{7, "Ann", "Lee"}, {3, "Ann", "Lee"}}, {{10, "Ann", "Lee"}})),
                ElementsAre(Pair{3, kUser, 10}));
    Person contact{5, "Ann", "Lee"};
    contact.kind = kContact;
    EXPECT_THAT(Pairs(SuggestAmong({{1, "Ann", "Lee"}}, {contact, {9, "Ann", "Lee"}})),
                ElementsAre(Pair{1, kUser, 9}));
    EXPECT_THAT(Pairs(SuggestAmong({{1, "Ann", "Lee"}}, {{12, "Ann", "Lee"}, {4, "Ann", "Lee"}})),
                ElementsAre(Pair{1, kUser, 4}));
}

TEST(Suggest, IsDeterministicWhateverTheInputOrder) {
    std::vector<Person> local;
    std::vector<Person> remote;
    const char* firsts[] = {"Ann", "Bob", "Robert", "Maria", "Jose", "Pepe", "Liz", "Elizabeth"};
    const char* lasts[] = {"Lee", "Smith", "Garcia", "Lopez"};
    std::int64_t id = 1;
    for (const char* f : firsts) {
        for (const char* l : lasts) {
            local.push_back({id, f, l});
            remote.push_back({1000 - id, f, l, "", "", "", id % 2 ? kUser : kContact});
            ++id;
        }
    }
    const std::vector<Suggestion> forward = SuggestAmong(local, remote);
    ASSERT_FALSE(forward.empty());
    std::reverse(local.begin(), local.end());
    std::reverse(remote.begin(), remote.end());
    EXPECT_EQ(SuggestAmong(local, remote), forward);
    std::rotate(local.begin(), local.begin() + 5, local.end());
    std::rotate(remote.begin(), remote.begin() + 11, remote.end());
    EXPECT_EQ(SuggestAmong(local, remote), forward);
}

TEST(Suggest, OnlyPairsSharingABlockingKeyAreCompared) {
    // Nothing in common: ScorePair gives 0, which a threshold of 0 would accept, yet Suggest
    // never compared the pair.
    EXPECT_EQ(Score({1, "Ann", "Lee"}, {10, "Bob", "Kim"}).score, 0.0);
    EXPECT_THAT(SuggestAmong({{1, "Ann", "Lee"}}, {{10, "Bob", "Kim"}}, 0.0), IsEmpty());
    // A typo in both names: similar enough to score, but no key is shared…
    const Person local{1, "Micheal", "Andersen"};
    const Person remote{10, "Michael", "Anderson"};
    EXPECT_GE(Score(local, remote).score, 0.5);
    EXPECT_THAT(SuggestAmong({local}, {remote}, 0.5), IsEmpty());
    // … until one is: the same phone.
    Person local_phone = local;
    Person remote_phone = remote;
    local_phone.phone = remote_phone.phone = "312 555 0100";
    EXPECT_THAT(Pairs(SuggestAmong({local_phone}, {remote_phone}, 0.5)),
                ElementsAre(Pair{1, kUser, 10}));
}

TEST(Suggest, CommonLastNamesStillFindTheirNearDuplicates) {
    // 300 Garcias on each side: too many to compare every one with every other, so the last
    // name alone is not a key. Nicknames, first names, phones, e-mails and IDs still are.
    std::vector<Person> local;
    std::vector<Person> remote;
    for (int i = 0; i < 300; ++i) {
        local.push_back({1000 + i, "Local" + std::to_string(i), "Garcia"});
        remote.push_back({5000 + i, "Remote" + std::to_string(i), "Garcia"});
    }
    local.push_back({1, "Bob", "Garcia"});
    remote.push_back({10, "Robert", "Garcia"});
    local.push_back({2, "Maria", "Garcia"});
    remote.push_back({11, "Maria", "Garcia"});
    local.push_back({3, "Xavier", "Garcia", "", "", "312 555 0100"});
    remote.push_back({12, "X", "Garcia", "", "", "(312) 555-0100"});
    local.push_back({4, "Luisa", "Garcia", "", "E-44"});
    remote.push_back({13, "Luz", "Garcia", "", "e-44"});
    local.push_back({5, "Ana", "Garcia", "ana.garcia@acme.com"});
    remote.push_back({14, "Ana", "Garcia", "ana.garcia@acme.com"});
    EXPECT_THAT(Pairs(SuggestAmong(local, remote)),
                testing::UnorderedElementsAre(Pair{1, kUser, 10}, Pair{2, kUser, 11},
                                              Pair{3, kUser, 12}, Pair{4, kUser, 13},
                                              Pair{5, kUser, 14}));
}

TEST(Suggest, ALastNameSharedByTooManyRecordsIsNotABlock) {
    // "Jorje"/"Jorge" share only the last name as a key: the typo changes every key built from
    // the first name.
    const Person local{1, "Jorje", "Garcia"};
    const Person remote{10, "Jorge", "Garcia"};
    ASSERT_GE(Score(local, remote).score, kThreshold);
    EXPECT_THAT(Pairs(SuggestAmong({local}, {remote})), ElementsAre(Pair{1, kUser, 10}));
    // With hundreds of other Garcias the last name is skipped as a key (it would cost tens of
    // thousands of comparisons), and nothing else brings this pair together.
    std::vector<Person> locals{local};
    std::vector<Person> remotes{remote};
    for (int i = 0; i < 300; ++i) {
        locals.push_back({1000 + i, "Local" + std::to_string(i), "Garcia"});
        remotes.push_back({5000 + i, "Remote" + std::to_string(i), "Garcia"});
    }
    EXPECT_THAT(SuggestAmong(locals, remotes), IsEmpty());
}

TEST(Suggest, EmptyInputGivesNoSuggestions) {
    EXPECT_THAT(SuggestAmong({}, {}), IsEmpty());
    EXPECT_THAT(SuggestAmong({{1, "Ann", "Lee"}}, {}), IsEmpty());
    EXPECT_THAT(SuggestAmong({}, {{10, "Ann", "Lee"}}), IsEmpty());
    EXPECT_THAT(SuggestAmong({{1, "", ""}}, {{10, "", ""}}, 0.0), IsEmpty());
}

}  // namespace
}  // namespace crewsync::sync
