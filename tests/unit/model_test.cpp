// Tests for the workforce model: parsing and formatting of dates, times and hours, the text
// helpers, the enums, validation (with the exact user-facing messages), field diffs and
// timestamps. Mostly table-driven: each table row is one case, traced by its input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/clock.hpp"
#include "model/date.hpp"
#include "model/diff.hpp"
#include "model/enums.hpp"
#include "model/error.hpp"
#include "model/secret.hpp"
#include "model/text.hpp"
#include "model/time_entry.hpp"
#include "model/time_zone.hpp"
#include "model/validation.hpp"

namespace crewsync {

// Found by argument-dependent lookup, so gtest prints problems readably in failure messages.
void PrintTo(const FieldProblem& p, std::ostream* os) {
    *os << "{field=\"" << p.field << "\", message=\"" << p.message << "\", location=\""
        << p.location << "\"}";
}

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using testing::ElementsAre;
using testing::IsEmpty;
using Problems = std::vector<FieldProblem>;
using Fields = std::vector<std::string>;

Date D(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }
TimeOfDay T(int h, int m) { return TimeOfDay{h * 60 + m}; }

// ---------------------------------------------------------------------------------------------
// Dates

TEST(ParseDate, AcceptsRealCalendarDates) {
    struct Case {
        std::string_view text;
        Date expected;
    };
    const Case cases[] = {
        {"2024-01-31", D(2024, 1, 31)},  {"1999-12-01", D(1999, 12, 1)},
        {"2024-02-29", D(2024, 2, 29)},  {"2000-02-29", D(2000, 2, 29)},
        {"2023-02-28", D(2023, 2, 28)},  {"0001-01-01", D(1, 1, 1)},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = ParseDate(c.text);
        ASSERT_TRUE(parsed.has_value());
        EXPECT_EQ(*parsed, c.expected);
        EXPECT_EQ(FormatDate(*parsed), c.text);
    }
}

TEST(ParseDate, RejectsFebruary29InNonLeapYears) {
    EXPECT_EQ(ParseDate("2023-02-29"), std::nullopt);
    EXPECT_EQ(ParseDate("1900-02-29"), std::nullopt);  // divisible by 100, not by 400
    EXPECT_EQ(ParseDate("2100-02-29"), std::nullopt);
    EXPECT_NE(ParseDate("2400-02-29"), std::nullopt);  // divisible by 400
}

TEST(ParseDate, RejectsMalformedAndImpossibleDates) {
    for (std::string_view text :
         {"", "2024-1-01", "2024-01-1", "2024/01/01", "24-01-01", "2024-13-01", "2024-00-10",
          "2024-04-31", "2024-01-00", "2024-01-01x", " 2024-01-01", "2024-01-01 ", "2024-0a-01",
          "+024-01-01", "2024-+1-01", "20240101", "01-31-2024", "2024-01-32", "abcd-ef-gh"}) {
        SCOPED_TRACE(text);
        EXPECT_EQ(ParseDate(text), std::nullopt);
    }
}

TEST(FormatDate, PadsYearMonthAndDay) {
    EXPECT_EQ(FormatDate(D(2024, 3, 5)), "2024-03-05");
    EXPECT_EQ(FormatDate(D(5, 1, 2)), "0005-01-02");
    EXPECT_EQ(FormatDate(D(2026, 11, 23)), "2026-11-23");
}

// ---------------------------------------------------------------------------------------------
// Times of day

TEST(ParseTimeOfDay, AcceptsOneOrTwoDigitHours) {
    struct Case {
        std::string_view text;
        int minutes;
    };
    const Case cases[] = {
        {"7:05", 425}, {"07:05", 425}, {"0:00", 0}, {"00:00", 0}, {"23:59", 1439}, {"12:30", 750},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = ParseTimeOfDay(c.text);
        ASSERT_TRUE(parsed.has_value());
        EXPECT_EQ(parsed->minutes, c.minutes);
    }
}

TEST(ParseTimeOfDay, RejectsOutOfRangeAndMalformedTimes) {
    for (std::string_view text : {"", "24:00", "12:60", "7:5", "7:055", "123:00", ":30", "7",
                                  "7:", "-1:00", "7:0a", "07-30", " 7:30", "7:30 ", "7.30",
                                  "07:30:00", "+7:30"}) {
        SCOPED_TRACE(text);
        EXPECT_EQ(ParseTimeOfDay(text), std::nullopt);
    }
}

TEST(FormatTimeOfDay, UsesTwoDigitHoursAndMinutes) {
    EXPECT_EQ(FormatTimeOfDay(TimeOfDay{425}), "07:05");
    EXPECT_EQ(FormatTimeOfDay(TimeOfDay{0}), "00:00");
    EXPECT_EQ(FormatTimeOfDay(TimeOfDay{1439}), "23:59");
}

// ---------------------------------------------------------------------------------------------
// Hours

TEST(ParseHours, AcceptsUpToTwoDecimals) {
    struct Case {
        std::string_view text;
        int hundredths;
    };
    const Case cases[] = {
        {"8", 800},   {"7.5", 750}, {"7.25", 725}, {".5", 50},     {"0.05", 5},
        {"0", 0},     {"24", 2400}, {"07.50", 750}, {"10.01", 1001}, {".25", 25},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = ParseHours(c.text);
        ASSERT_TRUE(parsed.has_value());
        EXPECT_EQ(parsed->hundredths, c.hundredths);
    }
}

TEST(ParseHours, RejectsNegativesExtraDecimalsAndJunk) {
    for (std::string_view text : {"7.", "7.333", "-1", "-0.5", "", ".", "abc", "7.5.5", "1e2",
                                  " 8", "8 ", "8h", "+8", "7,5", "1234567", "0x10", "7.-5"}) {
        SCOPED_TRACE(text);
        EXPECT_EQ(ParseHours(text), std::nullopt);
    }
}

TEST(FormatHours, UsesTheFewestExactDecimals) {
    struct Case {
        int hundredths;
        std::string_view text;
    };
    const Case cases[] = {
        {800, "8"}, {750, "7.5"}, {725, "7.25"}, {50, "0.5"}, {5, "0.05"},
        {0, "0"},   {1001, "10.01"}, {2400, "24"}, {33, "0.33"}, {2401, "24.01"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(FormatHours(Hours{c.hundredths}), c.text);
        EXPECT_EQ(ParseHours(c.text), Hours{c.hundredths});  // and back
    }
}

TEST(HoursBetween, SubtractsLunchAndRoundsMinutesToHundredths) {
    struct Case {
        TimeOfDay in;
        TimeOfDay out;
        int lunch;
        int hundredths;
    };
    const Case cases[] = {
        {T(7, 0), T(15, 30), 30, 800},  // 8 h paid
        {T(7, 0), T(15, 30), 0, 850},
        {T(7, 0), T(7, 20), 0, 33},     // 20 min -> 0.333 -> 0.33
        {T(7, 0), T(7, 40), 0, 67},     // 40 min -> 0.667 -> 0.67
        {T(7, 0), T(7, 10), 0, 17},     // 10 min -> 0.1667 -> 0.17
        {T(7, 0), T(7, 1), 0, 2},       // 1 min -> 0.0167 -> 0.02
        {T(7, 0), T(7, 15), 0, 25},
        {T(0, 0), T(23, 59), 0, 2398},  // 1439 min -> 23.983 -> 23.98
        {T(6, 0), T(16, 45), 45, 1000},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(FormatTimeOfDay(c.in) + "-" + FormatTimeOfDay(c.out) + " lunch " +
                     std::to_string(c.lunch));
        const auto hours = HoursBetween(c.in, c.out, c.lunch);
        ASSERT_TRUE(hours.has_value());
        EXPECT_EQ(hours->hundredths, c.hundredths);
    }
}

TEST(HoursBetween, IsEmptyWhenOutIsNotAfterInOrLunchEatsTheShift) {
    EXPECT_EQ(HoursBetween(T(15, 0), T(7, 0), 0), std::nullopt);
    EXPECT_EQ(HoursBetween(T(7, 0), T(7, 0), 0), std::nullopt);
    EXPECT_EQ(HoursBetween(T(7, 0), T(9, 0), 120), std::nullopt);
    EXPECT_EQ(HoursBetween(T(7, 0), T(9, 0), 150), std::nullopt);
    EXPECT_EQ(HoursBetween(T(7, 0), T(9, 0), 119), Hours{2});
}

// ---------------------------------------------------------------------------------------------
// Text helpers

TEST(Trim, RemovesAsciiWhiteSpaceAtBothEndsOnly) {
    EXPECT_EQ(Trim("  a b \t\r\n"), "a b");
    EXPECT_EQ(Trim(""), "");
    EXPECT_EQ(Trim(" \t "), "");
}

TEST(EmailKey, TrimsAndLowerCases) {
    EXPECT_EQ(EmailKey("  Pat.Lee@Example.COM\t"), "pat.lee@example.com");
    EXPECT_TRUE(EqualsIgnoreCase("North", "nORTH"));
    EXPECT_FALSE(EqualsIgnoreCase("North", "North "));
}

TEST(LooksLikeEmail, AcceptsPlausibleAddresses) {
    for (std::string_view email : {"pat@example.com", "Pat.Lee+ops@Sub.Example.co.uk",
                                   "a@b.co", "o'neil@example.ie"}) {
        SCOPED_TRACE(email);
        EXPECT_TRUE(LooksLikeEmail(email));
    }
}

TEST(LooksLikeEmail, RejectsImplausibleAddresses) {
    for (std::string_view email :
         {"", "pat", "@example.com", "pat@", "pat@example", "pat@@example.com", "pat@x@y.com",
          "pat lee@example.com", "pat@.example.com", "pat@example..com", "pat@example.com.",
          "<pat@example.com>", "pat@example.com,", "pat@exam\tple.com", " pat@example.com",
          "pat@example.com;bob@example.com"}) {
        SCOPED_TRACE(email);
        EXPECT_FALSE(LooksLikeEmail(email));
    }
}

TEST(LooksLikePhone, AcceptsCommonNorthAmericanAndInternationalForms) {
    for (std::string_view phone :
         {"(312) 555-0100", "+1 312 555 0100", "555-0100 x12", "555-0100", "312.555.0100",
          "312/555-0100", "312-555-0100 ext. 12", "312-555-0100 ext 12", "3125550100",
          "+44 20 7946 0958", "123456789012345"}) {
        SCOPED_TRACE(phone);
        EXPECT_TRUE(LooksLikePhone(phone));
    }
}

TEST(LooksLikePhone, RejectsTooFewOrTooManyDigitsLettersAndBadExtensions) {
    for (std::string_view phone :
         {"", "555-010", "12", "312-555-CALL", "phone", "312 555 0100 x", "555-0100 xab",
          "1-2+3456789", "1234567890123456", "312_555_0100", "312-555-0100 #12"}) {
        SCOPED_TRACE(phone);
        EXPECT_FALSE(LooksLikePhone(phone));
    }
}

TEST(IsCleanText, AcceptsUtf8AndTabs) {
    for (std::string_view text :
         {"", "plain", "tab\there", "Zo\xc3\xab", "\xe6\x97\xa5\xe6\x9c\xac",
          "emoji \xf0\x9f\x98\x80", "\xed\x9f\xbf" /* U+D7FF */, "\xf4\x8f\xbf\xbf" /* U+10FFFF */,
          "\xc2\xa0" /* NBSP */}) {
        SCOPED_TRACE(text);
        EXPECT_TRUE(IsCleanText(text));
    }
}

TEST(IsCleanText, RejectsControlCharactersAndInvalidUtf8) {
    using namespace std::string_view_literals;
    for (std::string_view text : {
             "line\nbreak"sv, "cr\r"sv, "nul\0byte"sv, "del\x7f"sv, "\x1b[0m"sv,
             "c1 \xc2\x85"sv,         // U+0085, a C1 control character
             "\xc3"sv,                  // truncated two-byte sequence
             "ab\xe6\x97"sv,            // truncated three-byte sequence
             "\xc3\x28"sv,              // bad continuation byte
             "\x80"sv,                  // lone continuation byte
             "\xff"sv, "\xf8\x88\x80\x80\x80"sv,  // bytes that never start a sequence
             "\xc0\xaf"sv, "\xc1\xbf"sv,          // overlong two-byte forms
             "\xe0\x80\xaf"sv,                    // overlong three-byte form
             "\xf0\x80\x80\xaf"sv,                // overlong four-byte form
             "\xed\xa0\x80"sv, "\xed\xbf\xbf"sv,  // UTF-16 surrogates
             "\xf4\x90\x80\x80"sv,                // past U+10FFFF
         }) {
        SCOPED_TRACE(testing::PrintToString(std::string(text)));
        EXPECT_FALSE(IsCleanText(text));
    }
}

TEST(SplitList, TrimsPiecesAndDropsEmptyOnes) {
    struct Case {
        std::string_view text;
        Fields expected;
    };
    const Case cases[] = {
        {"North; South ;;East", {"North", "South", "East"}},
        {"", {}},
        {" ; ; ", {}},
        {"single", {"single"}},
        {"a;", {"a"}},
        {";a", {"a"}},
        {"a,b", {"a,b"}},
        {"  Journeyman Electrician ; JE", {"Journeyman Electrician", "JE"}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(SplitList(c.text, ';'), c.expected);
    }
    EXPECT_EQ(SplitList("email, job_title", ','), (Fields{"email", "job_title"}));
}

TEST(JoinList, JoinsWithTheSeparatorAndRoundTripsThroughSplitList) {
    EXPECT_EQ(JoinList({}, "; "), "");
    EXPECT_EQ(JoinList({"a"}, "; "), "a");
    EXPECT_EQ(JoinList({"a", "b", "c"}, "; "), "a; b; c");
    const Fields names{"North", "South West", "East"};
    EXPECT_EQ(SplitList(JoinList(names, ";"), ';'), names);
}

// ---------------------------------------------------------------------------------------------
// Enums

TEST(Enums, NamesAreTheDocumentedSpellings) {
    EXPECT_EQ(Name(RecordStatus::kActive), "active");
    EXPECT_EQ(Name(RecordStatus::kInactive), "inactive");
    EXPECT_EQ(Name(PersonType::kUser), "user");
    EXPECT_EQ(Name(PersonType::kAssignable), "assignable");
    EXPECT_EQ(Name(PersonType::kBoth), "both");
    EXPECT_EQ(Name(PermissionLevel::kNone), "none");
    EXPECT_EQ(Name(PermissionLevel::kViewer), "viewer");
    EXPECT_EQ(Name(PermissionLevel::kEditor), "editor");
    EXPECT_EQ(Name(PermissionLevel::kAdmin), "admin");
    EXPECT_EQ(Name(ApprovalStatus::kPending), "pending");
    EXPECT_EQ(Name(ApprovalStatus::kApproved), "approved");
}

TEST(Enums, ParseRoundTripsNamesInAnyCaseWithSpaces) {
    const auto shout = [](std::string_view name) { return "  " + AsciiLower(name) + "\t"; };
    for (RecordStatus s : {RecordStatus::kActive, RecordStatus::kInactive}) {
        EXPECT_EQ(ParseRecordStatus(Name(s)), s);
        std::string upper(Name(s));
        for (char& ch : upper) ch = static_cast<char>(ch - 'a' + 'A');
        EXPECT_EQ(ParseRecordStatus(" " + upper + " "), s);
        EXPECT_EQ(ParseRecordStatus(shout(Name(s))), s);
    }
    for (PersonType t : {PersonType::kUser, PersonType::kAssignable, PersonType::kBoth}) {
        EXPECT_EQ(ParsePersonType(Name(t)), t);
        EXPECT_EQ(ParsePersonType(shout(Name(t))), t);
    }
    for (PermissionLevel l : {PermissionLevel::kNone, PermissionLevel::kViewer,
                              PermissionLevel::kEditor, PermissionLevel::kAdmin}) {
        EXPECT_EQ(ParsePermissionLevel(Name(l)), l);
        EXPECT_EQ(ParsePermissionLevel(shout(Name(l))), l);
    }
    for (ApprovalStatus a : {ApprovalStatus::kPending, ApprovalStatus::kApproved}) {
        EXPECT_EQ(ParseApprovalStatus(Name(a)), a);
        EXPECT_EQ(ParseApprovalStatus(shout(Name(a))), a);
    }
    EXPECT_EQ(ParsePersonType("USER"), PersonType::kUser);
    EXPECT_EQ(ParsePermissionLevel("Admin"), PermissionLevel::kAdmin);
    EXPECT_EQ(ParseApprovalStatus(" APPROVED "), ApprovalStatus::kApproved);
}

TEST(Enums, RecordStatusAlsoAcceptsYesNoTrueFalseOneZero) {
    for (std::string_view yes : {"yes", "YES", "true", "True", "1", " 1 "}) {
        SCOPED_TRACE(yes);
        EXPECT_EQ(ParseRecordStatus(yes), RecordStatus::kActive);
    }
    for (std::string_view no : {"no", "No", "false", "FALSE", "0"}) {
        SCOPED_TRACE(no);
        EXPECT_EQ(ParseRecordStatus(no), RecordStatus::kInactive);
    }
}

TEST(Enums, ParseRejectsUnknownWords) {
    EXPECT_EQ(ParseRecordStatus("maybe"), std::nullopt);
    EXPECT_EQ(ParseRecordStatus(""), std::nullopt);
    EXPECT_EQ(ParsePersonType("contact"), std::nullopt);
    EXPECT_EQ(ParsePersonType(""), std::nullopt);
    EXPECT_EQ(ParsePersonType("y"), std::nullopt);
    EXPECT_EQ(ParsePermissionLevel("owner"), std::nullopt);
    EXPECT_EQ(ParsePermissionLevel("1"), std::nullopt);
    EXPECT_EQ(ParseApprovalStatus("rejected"), std::nullopt);
    EXPECT_EQ(ParseApprovalStatus(""), ApprovalStatus::kPending);  // a blank cell is pending
}

TEST(Enums, OnlyAssignableAndBothCanBeAssignedAndOnlyUserAndBothLogIn) {
    EXPECT_FALSE(CanBeAssigned(PersonType::kUser));
    EXPECT_TRUE(CanBeAssigned(PersonType::kAssignable));
    EXPECT_TRUE(CanBeAssigned(PersonType::kBoth));
    EXPECT_TRUE(CanLogIn(PersonType::kUser));
    EXPECT_FALSE(CanLogIn(PersonType::kAssignable));
    EXPECT_TRUE(CanLogIn(PersonType::kBoth));
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST(Error, CodeNamesAreStableLowerCaseWords) {
    EXPECT_STREQ(ErrorCodeName(ErrorCode::kInvalidArgument), "invalid_argument");
    EXPECT_STREQ(ErrorCodeName(ErrorCode::kNotFound), "not_found");
    EXPECT_STREQ(ErrorCodeName(ErrorCode::kConflict), "conflict");
    EXPECT_STREQ(ErrorCodeName(ErrorCode::kRemoteRejected), "remote_rejected");
    EXPECT_STREQ(ErrorCodeName(ErrorCode::kCorrupt), "corrupt");
    EXPECT_STREQ(ErrorCodeName(ErrorCode::kInternal), "internal");
}

TEST(Error, InvalidRecordGathersProblemsAndToStringListsThem) {
    const Error e = InvalidRecord("person", {{"email", "is required"},
                                             {"first_name", "is required", "line 3"}});
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(e.message(), "person is not valid");
    EXPECT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.ToString(),
              "person is not valid\n  email: is required\n  line 3: first_name: is required");
}

// ---------------------------------------------------------------------------------------------
// ValidatePerson

ValidationContext Context() {
    ValidationContext context;
    context.AddGroup("North");
    context.AddGroup("South West");
    context.AddClassification("Journeyman Electrician");
    context.AddClassification("Apprentice");
    return context;
}

Person ValidPerson() {
    Person p;
    p.first_name = "Pat";
    p.last_name = "Lee";
    p.email = "pat.lee@example.com";
    p.employee_id = "E-100";
    p.mobile_phone = "(312) 555-0100";
    p.job_title = "Foreman";
    p.type = PersonType::kAssignable;
    p.groups = {"North"};
    p.classification = "Journeyman Electrician";
    p.custom_fields = {{"shirt_size", "L"}};
    return p;
}

TEST(ValidatePerson, AcceptsAValidPersonWithNamesInAnyCase) {
    EXPECT_THAT(ValidatePerson(ValidPerson(), Context()), IsEmpty());
    Person p = ValidPerson();
    p.groups = {"north", "SOUTH WEST"};
    p.classification = "journeyman electrician";
    EXPECT_THAT(ValidatePerson(p, Context()), IsEmpty());
}

TEST(ValidatePerson, RequiresFirstAndLastName) {
    Person p = ValidPerson();
    p.first_name = "";
    p.last_name = "   ";
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{{"first_name", "is required"}, {"last_name", "is required"}}));
}

TEST(ValidatePerson, RejectsABadEmail) {
    Person p = ValidPerson();
    p.email = "pat@";
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{{"email", "'pat@' is not an e-mail address"}}));
}

TEST(ValidatePerson, RequiresEmailForPeopleWhoLogInButNotForAssignable) {
    Person p = ValidPerson();
    p.email = "";
    p.type = PersonType::kAssignable;
    EXPECT_THAT(ValidatePerson(p, Context()), IsEmpty());
    p.type = PersonType::kUser;
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{{"email", "is required for type 'user' (people who log in need an "
                                  "e-mail address)"}}));
    p.type = PersonType::kBoth;
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{{"email", "is required for type 'both' (people who log in need an "
                                  "e-mail address)"}}));
}

TEST(ValidatePerson, RejectsABadPhone) {
    Person p = ValidPerson();
    p.mobile_phone = "call me";
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{{"mobile_phone", "'call me' is not a phone number (7 to 15 digits, with "
                                         "+ ( ) - . and spaces)"}}));
}

TEST(ValidatePerson, RejectsUnknownGroupsOneProblemEach) {
    Person p = ValidPerson();
    p.groups = {"North", "West", "East"};
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{{"groups", "unknown group 'West'"}, {"groups", "unknown group 'East'"}}));
}

TEST(ValidatePerson, RejectsAnUnknownClassification) {
    Person p = ValidPerson();
    p.classification = "Welder";
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{{"classification", "unknown classification 'Welder'"}}));
}

TEST(ValidatePerson, RejectsLeadingOrTrailingSpaces) {
    struct Case {
        std::string field;
        std::string Person::*member;
    };
    const Case cases[] = {
        {"first_name", &Person::first_name}, {"last_name", &Person::last_name},
        {"employee_id", &Person::employee_id}, {"job_title", &Person::job_title},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.field);
        for (const char* padded : {" Foreman", "Foreman ", "\tForeman"}) {
            Person p = ValidPerson();
            p.*c.member = padded;
            EXPECT_EQ(ValidatePerson(p, Context()),
                      (Problems{{c.field, "has leading or trailing spaces"}}));
        }
    }
}

TEST(ValidatePerson, RejectsOverLongFields) {
    Person p = ValidPerson();
    p.job_title = std::string(kMaxFieldLength, 'x');
    EXPECT_THAT(ValidatePerson(p, Context()), IsEmpty());
    p.job_title = std::string(kMaxFieldLength + 1, 'x');
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{{"job_title", "is 256 characters long; at most 255 are allowed"}}));
}

TEST(ValidatePerson, RejectsControlCharactersAndInvalidUtf8) {
    Person p = ValidPerson();
    p.last_name = "Lee\n";
    p.job_title = "Fore\xffman";
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{{"last_name", "contains control characters or is not valid UTF-8"},
                        {"job_title", "contains control characters or is not valid UTF-8"}}));
}

TEST(ValidatePerson, ChecksCustomFieldNamesAndValues) {
    Person p = ValidPerson();
    p.custom_fields = {{" ", "x"}, {"badge", "12\x01"}};
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{{"custom_fields", "a custom field has no name"},
                        {"custom:badge", "contains control characters or is not valid UTF-8"}}));
}

TEST(ValidatePerson, ReturnsEveryProblemAtOnceWithItsField) {
    Person p;
    p.type = PersonType::kUser;
    p.first_name = "";
    p.last_name = "";
    p.email = "nope";
    p.mobile_phone = "12";
    p.groups = {"West"};
    p.classification = "Welder";
    EXPECT_EQ(ValidatePerson(p, Context()),
              (Problems{
                  {"first_name", "is required"},
                  {"last_name", "is required"},
                  {"email", "'nope' is not an e-mail address"},
                  {"mobile_phone", "'12' is not a phone number (7 to 15 digits, with + ( ) - . "
                                   "and spaces)"},
                  {"groups", "unknown group 'West'"},
                  {"classification", "unknown classification 'Welder'"},
              }));
}

// ---------------------------------------------------------------------------------------------
// ValidateProject

Project ValidProject() {
    Project p;
    p.name = "Riverside Tower";
    p.project_number = "2024-017";
    p.start_date = D(2024, 3, 1);
    p.planned_end_date = D(2024, 12, 31);
    p.city = "Chicago";
    p.time_zone = "America/Chicago";
    p.groups = {"North"};
    return p;
}

TEST(ValidateProject, AcceptsAValidProjectInAKnownTimeZone) {
    EXPECT_THAT(ValidateProject(ValidProject(), Context()), IsEmpty());
    Project p = ValidProject();
    p.time_zone = "";  // the workspace's zone
    p.start_date.reset();
    p.planned_end_date = D(2024, 1, 1);  // no start date, nothing to compare with
    EXPECT_THAT(ValidateProject(p, Context()), IsEmpty());
    p.start_date = D(2024, 1, 1);  // ending on the day it starts
    EXPECT_THAT(ValidateProject(p, Context()), IsEmpty());
}

TEST(ValidateProject, RejectsAnEndBeforeTheStart) {
    Project p = ValidProject();
    p.planned_end_date = D(2024, 2, 29);
    EXPECT_EQ(ValidateProject(p, Context()),
              (Problems{{"planned_end_date", "2024-02-29 is before the start date 2024-03-01"}}));
}

TEST(ValidateProject, RejectsAnUnknownTimeZone) {
    for (const char* zone : {"Mars/Olympus", "Central", "america/chicago "}) {
        SCOPED_TRACE(zone);
        Project p = ValidProject();
        p.time_zone = zone;
        EXPECT_EQ(ValidateProject(p, Context()),
                  (Problems{{"time_zone", "'" + std::string(zone) +
                                              "' is not a known time zone (use an IANA name such "
                                              "as America/Chicago)"}}));
    }
}

TEST(ValidateProject, RejectsUnknownGroupsAndAMissingName) {
    Project p = ValidProject();
    p.name = "";
    p.groups = {"north", "Downtown"};
    EXPECT_EQ(ValidateProject(p, Context()),
              (Problems{{"name", "is required"}, {"groups", "unknown group 'Downtown'"}}));
}

// ---------------------------------------------------------------------------------------------
// ValidateGroup / ValidateClassification

TEST(ValidateGroup, RequiresANameWithoutSemicolons) {
    EXPECT_THAT(ValidateGroup(Group{GroupId{}, "North", "Northern branch"}), IsEmpty());
    EXPECT_EQ(ValidateGroup(Group{GroupId{}, "", ""}), (Problems{{"name", "is required"}}));
    EXPECT_EQ(ValidateGroup(Group{GroupId{}, "North;South", ""}),
              (Problems{{"name", "must not contain ';' (it separates names in CSV lists)"}}));
    EXPECT_EQ(ValidateClassification(Classification{ClassificationId{}, "JE;AP", "JE"}),
              (Problems{{"name", "must not contain ';' (it separates names in CSV lists)"}}));
    EXPECT_THAT(ValidateClassification(Classification{ClassificationId{}, "Apprentice", "AP"}),
                IsEmpty());
}

// ---------------------------------------------------------------------------------------------
// ValidateAssignment

Assignment ValidAssignment() {
    Assignment a;
    a.person = PersonId{1};
    a.project = ProjectId{2};
    a.start_date = D(2024, 3, 5);
    a.end_date = D(2024, 3, 9);
    return a;
}

TEST(ValidateAssignment, AcceptsAssignableAndBothTypePeople) {
    Person p = ValidPerson();
    for (PersonType type : {PersonType::kAssignable, PersonType::kBoth}) {
        p.type = type;
        EXPECT_THAT(ValidateAssignment(ValidAssignment(), p), IsEmpty());
    }
    Assignment one_day = ValidAssignment();
    one_day.end_date = one_day.start_date;
    EXPECT_THAT(ValidateAssignment(one_day, p), IsEmpty());
}

TEST(ValidateAssignment, RejectsAUserTypePersonByName) {
    Person p = ValidPerson();
    p.type = PersonType::kUser;
    EXPECT_EQ(ValidateAssignment(ValidAssignment(), p),
              (Problems{{"person", "Pat Lee is a 'user'-type person and cannot be assigned to "
                                   "projects (change the type to assignable or both)"}}));
}

TEST(ValidateAssignment, RejectsAnEndBeforeTheStartAndMissingDates) {
    Assignment a = ValidAssignment();
    a.end_date = D(2024, 3, 1);
    EXPECT_EQ(ValidateAssignment(a, ValidPerson()),
              (Problems{{"end_date", "2024-03-01 is before the start date 2024-03-05"}}));
    EXPECT_EQ(ValidateAssignment(Assignment{}, ValidPerson()),
              (Problems{{"start_date", "is required"}, {"end_date", "is required"}}));
}

// ---------------------------------------------------------------------------------------------
// ValidateTimeEntry

TimeEntry ValidEntry() {
    TimeEntry e;
    e.person = PersonId{1};
    e.project = ProjectId{2};
    e.date = D(2024, 3, 4);
    e.hours = Hours{800};
    return e;
}

TimeEntry ShiftEntry(TimeOfDay in, TimeOfDay out, int lunch, int hundredths) {
    TimeEntry e = ValidEntry();
    e.time_in = in;
    e.time_out = out;
    e.lunch_minutes = lunch;
    e.hours = Hours{hundredths};
    return e;
}

TEST(ValidateTimeEntry, AcceptsHoursAloneOrAMatchingShift) {
    const Person p = ValidPerson();
    EXPECT_THAT(ValidateTimeEntry(ValidEntry(), p, Context()), IsEmpty());
    EXPECT_THAT(ValidateTimeEntry(ShiftEntry(T(7, 0), T(15, 30), 30, 800), p, Context()),
                IsEmpty());
    // Hours left at 0 with a shift are derived later, not an error.
    EXPECT_THAT(ValidateTimeEntry(ShiftEntry(T(7, 0), T(15, 30), 30, 0), p, Context()),
                IsEmpty());
    TimeEntry full_day = ValidEntry();
    full_day.hours = Hours{2400};
    full_day.classification = "apprentice";
    EXPECT_THAT(ValidateTimeEntry(full_day, p, Context()), IsEmpty());
}

TEST(ValidateTimeEntry, RejectsHoursOutOfRange) {
    struct Case {
        int hundredths;
        std::string message;
    };
    const Case cases[] = {
        {0, "0 is out of range (more than 0, at most 24)"},
        {2401, "24.01 is out of range (more than 0, at most 24)"},
        {3000, "30 is out of range (more than 0, at most 24)"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.hundredths);
        TimeEntry e = ValidEntry();
        e.hours = Hours{c.hundredths};
        EXPECT_EQ(ValidateTimeEntry(e, ValidPerson(), Context()),
                  (Problems{{"hours", c.message}}));
    }
}

TEST(ValidateTimeEntry, RequiresTimeInAndTimeOutTogether) {
    TimeEntry e = ValidEntry();
    e.time_in = T(7, 0);
    EXPECT_EQ(ValidateTimeEntry(e, ValidPerson(), Context()),
              (Problems{{"time_out", "time in and time out go together: give both or neither"}}));
    e.time_in.reset();
    e.time_out = T(15, 0);
    EXPECT_EQ(ValidateTimeEntry(e, ValidPerson(), Context()),
              (Problems{{"time_in", "time in and time out go together: give both or neither"}}));
}

TEST(ValidateTimeEntry, RejectsTimeOutNotAfterTimeIn) {
    for (TimeOfDay out : {T(7, 0), T(15, 0)}) {
        const TimeEntry e = ShiftEntry(T(15, 0), out, 0, 0);
        EXPECT_EQ(ValidateTimeEntry(e, ValidPerson(), Context()),
                  (Problems{{"time_out", FormatTimeOfDay(out) +
                                             " is not after time in 15:00 (split shifts that "
                                             "cross midnight into two entries)"}}));
    }
}

TEST(ValidateTimeEntry, RejectsHoursThatDisagreeWithTimeInAndOut) {
    const TimeEntry e = ShiftEntry(T(7, 0), T(15, 30), 30, 750);
    EXPECT_EQ(ValidateTimeEntry(e, ValidPerson(), Context()),
              (Problems{{"hours", "7.5 does not match time in/out (8 h)"}}));
    const TimeEntry short_shift = ShiftEntry(T(7, 0), T(7, 20), 0, 34);
    EXPECT_EQ(ValidateTimeEntry(short_shift, ValidPerson(), Context()),
              (Problems{{"hours", "0.34 does not match time in/out (0.33 h)"}}));
}

TEST(ValidateTimeEntry, RejectsALunchTooLongOrWithoutAShift) {
    EXPECT_EQ(ValidateTimeEntry(ShiftEntry(T(7, 0), T(9, 0), 120, 0), ValidPerson(), Context()),
              (Problems{{"lunch_minutes", "is as long as the shift or longer"}}));
    EXPECT_EQ(ValidateTimeEntry(ShiftEntry(T(6, 0), T(18, 0), 241, 0), ValidPerson(), Context()),
              (Problems{{"lunch_minutes", "241 is out of range (0 to 240 minutes)"}}));
    EXPECT_EQ(ValidateTimeEntry(ShiftEntry(T(6, 0), T(18, 0), -5, 0), ValidPerson(), Context()),
              (Problems{{"lunch_minutes", "-5 is out of range (0 to 240 minutes)"}}));
    TimeEntry no_shift = ValidEntry();
    no_shift.lunch_minutes = 30;
    EXPECT_EQ(ValidateTimeEntry(no_shift, ValidPerson(), Context()),
              (Problems{{"lunch_minutes", "needs time in and time out"}}));
}

TEST(ValidateTimeEntry, RejectsAUserTypePersonByName) {
    Person p = ValidPerson();
    p.type = PersonType::kUser;
    EXPECT_EQ(ValidateTimeEntry(ValidEntry(), p, Context()),
              (Problems{{"person", "Pat Lee is a 'user'-type person and cannot log time on "
                                   "projects"}}));
}

TEST(ValidateTimeEntry, RejectsAnUnknownClassificationAndAMissingDate) {
    TimeEntry e = ValidEntry();
    e.classification = "Welder";
    e.date = Date{};
    EXPECT_EQ(ValidateTimeEntry(e, ValidPerson(), Context()),
              (Problems{{"date", "is required"},
                        {"classification", "unknown classification 'Welder'"}}));
}

TEST(ValidateTimeEntry, ChecksFreeTextFields) {
    TimeEntry e = ValidEntry();
    e.cost_code = "01-100 ";
    e.notes = "bad\x02";
    EXPECT_EQ(ValidateTimeEntry(e, ValidPerson(), Context()),
              (Problems{{"cost_code", "has leading or trailing spaces"},
                        {"notes", "contains control characters or is not valid UTF-8"}}));
}

// ---------------------------------------------------------------------------------------------
// DeriveHours

TEST(DeriveHours, FillsMissingHoursFromTheShift) {
    TimeEntry e = ShiftEntry(T(7, 0), T(15, 30), 30, 0);
    DeriveHours(e);
    EXPECT_EQ(e.hours, Hours{800});
    TimeEntry short_shift = ShiftEntry(T(7, 0), T(7, 20), 0, 0);
    DeriveHours(short_shift);
    EXPECT_EQ(short_shift.hours, Hours{33});
}

TEST(DeriveHours, LeavesGivenHoursMissingShiftsAndInvalidShiftsAlone) {
    TimeEntry given = ShiftEntry(T(7, 0), T(15, 30), 30, 750);
    DeriveHours(given);
    EXPECT_EQ(given.hours, Hours{750});  // validation reports the disagreement

    TimeEntry hours_only = ValidEntry();
    hours_only.hours = Hours{0};
    DeriveHours(hours_only);
    EXPECT_EQ(hours_only.hours, Hours{0});

    TimeEntry half = ValidEntry();
    half.hours = Hours{0};
    half.time_in = T(7, 0);
    DeriveHours(half);
    EXPECT_EQ(half.hours, Hours{0});

    TimeEntry backwards = ShiftEntry(T(15, 0), T(7, 0), 0, 0);
    DeriveHours(backwards);
    EXPECT_EQ(backwards.hours, Hours{0});
}

// ---------------------------------------------------------------------------------------------
// ChangedFields

TEST(ChangedFields, IdenticalRecordsHaveNoChanges) {
    EXPECT_THAT(ChangedFields(ValidPerson(), ValidPerson()), IsEmpty());
    EXPECT_THAT(ChangedFields(ValidProject(), ValidProject()), IsEmpty());
    EXPECT_THAT(ChangedFields(ValidAssignment(), ValidAssignment()), IsEmpty());
    EXPECT_THAT(ChangedFields(ValidEntry(), ValidEntry()), IsEmpty());
}

TEST(ChangedFields, ComparesGroupsAsCaseInsensitiveSets) {
    Person a = ValidPerson();
    Person b = ValidPerson();
    a.groups = {"North", "South West"};
    b.groups = {"south west", "NORTH"};
    EXPECT_THAT(ChangedFields(a, b), IsEmpty());
    b.groups = {"North", "north", "South West"};  // a duplicate is still one group
    EXPECT_THAT(ChangedFields(a, b), IsEmpty());
    b.groups = {"North"};
    EXPECT_THAT(ChangedFields(a, b), ElementsAre("groups"));
    b.groups = {};
    EXPECT_THAT(ChangedFields(a, b), ElementsAre("groups"));

    Project pa = ValidProject();
    Project pb = ValidProject();
    pb.groups = {"NORTH"};
    EXPECT_THAT(ChangedFields(pa, pb), IsEmpty());
    pb.groups = {"North", "South West"};
    EXPECT_THAT(ChangedFields(pa, pb), ElementsAre("groups"));
}

TEST(ChangedFields, ComparesCustomFieldsByKeyAndValue) {
    Person a = ValidPerson();
    Person b = ValidPerson();
    b.custom_fields["shirt_size"] = "XL";
    EXPECT_THAT(ChangedFields(a, b), ElementsAre("custom_fields"));
    b = ValidPerson();
    b.custom_fields["boots"] = "11";
    EXPECT_THAT(ChangedFields(a, b), ElementsAre("custom_fields"));
    b = ValidPerson();
    b.custom_fields.clear();
    EXPECT_THAT(ChangedFields(a, b), ElementsAre("custom_fields"));
}

TEST(ChangedFields, ListsEveryChangedPersonFieldInDeclarationOrder) {
    Person a = ValidPerson();
    Person b = ValidPerson();
    b.id = PersonId{99};  // ids are not fields
    b.job_title = "Superintendent";
    b.email = "pat@example.org";
    b.status = RecordStatus::kInactive;
    b.permission = PermissionLevel::kEditor;
    b.classification = "JOURNEYMAN ELECTRICIAN";  // case only: no change
    EXPECT_THAT(ChangedFields(a, b), ElementsAre("email", "job_title", "status", "permission"));
    b = a;
    b.first_name = "Patricia";
    b.last_name = "Li";
    b.employee_id = "E-200";
    b.mobile_phone = "555-0199";
    b.type = PersonType::kBoth;
    b.classification = "Apprentice";
    EXPECT_THAT(ChangedFields(a, b), ElementsAre("first_name", "last_name", "employee_id",
                                                 "mobile_phone", "type", "classification"));
}

TEST(ChangedFields, ListsProjectAssignmentGroupClassificationAndTimeEntryFields) {
    Project pa = ValidProject();
    Project pb = ValidProject();
    pb.start_date.reset();
    pb.time_zone = "America/Denver";
    pb.name = "Riverside Tower II";
    EXPECT_THAT(ChangedFields(pa, pb), ElementsAre("name", "start_date", "time_zone"));

    Assignment aa = ValidAssignment();
    Assignment ab = ValidAssignment();
    ab.end_date = D(2024, 3, 10);
    ab.note = "nights";
    EXPECT_THAT(ChangedFields(aa, ab), ElementsAre("end_date", "note"));

    EXPECT_THAT(ChangedFields(Group{GroupId{1}, "North", ""}, Group{GroupId{1}, "North", "x"}),
                ElementsAre("description"));
    EXPECT_THAT(ChangedFields(Classification{ClassificationId{1}, "JE", "", RecordStatus::kActive},
                              Classification{ClassificationId{1}, "JE", "",
                                             RecordStatus::kInactive}),
                ElementsAre("status"));

    TimeEntry ea = ValidEntry();
    TimeEntry eb = ValidEntry();
    eb.time_in = T(7, 0);
    eb.hours = Hours{750};
    eb.approval = ApprovalStatus::kApproved;
    eb.source_ref = "TC-1";
    EXPECT_THAT(ChangedFields(ea, eb), ElementsAre("hours", "time_in", "approval", "source_ref"));
}

// ---------------------------------------------------------------------------------------------
// FormatTimestamp

TEST(FormatTimestamp, IsUtcWithMillisecondsAndAZ) {
    using namespace std::chrono;
    const Timestamp at = sys_days{D(2026, 11, 23)} + hours{14} + minutes{5} + seconds{9} +
                         milliseconds{123};
    EXPECT_EQ(FormatTimestamp(at), "2026-11-23T14:05:09.123Z");
    EXPECT_EQ(FormatTimestamp(Timestamp{}), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(FormatTimestamp(Timestamp{} - milliseconds{1}), "1969-12-31T23:59:59.999Z");
    EXPECT_EQ(FormatTimestamp(sys_days{D(2024, 2, 29)} + milliseconds{7}),
              "2024-02-29T00:00:00.007Z");
}

TEST(ParseTimestamp, ReadsBackWhatFormatTimestampWroteAndNothingElse) {
    using namespace std::chrono;
    const Timestamp at = sys_days{D(2024, 2, 29)} + hours{23} + minutes{59} + seconds{58} +
                         milliseconds{7};
    EXPECT_EQ(ParseTimestamp(FormatTimestamp(at)), at);
    EXPECT_EQ(ParseTimestamp("1970-01-01T00:00:00.000Z"), Timestamp{});
    EXPECT_EQ(ParseTimestamp("2026-11-23T14:05:09Z"), std::nullopt);       // no milliseconds
    EXPECT_EQ(ParseTimestamp("2026-11-23T14:05:09.123+00"), std::nullopt);  // no Z
    EXPECT_EQ(ParseTimestamp("2026-02-30T14:05:09.123Z"), std::nullopt);    // no such day
    EXPECT_EQ(ParseTimestamp("2026-11-23T24:05:09.123Z"), std::nullopt);
    EXPECT_EQ(ParseTimestamp(""), std::nullopt);
}

TEST(FakeClock, StandsStillUntilMoved) {
    using namespace std::chrono;
    FakeClock clock(Timestamp{} + hours{1});
    EXPECT_EQ(clock.Now(), Timestamp{} + hours{1});
    clock.Advance(milliseconds{1500});
    EXPECT_EQ(FormatTimestamp(clock.Now()), "1970-01-01T01:00:01.500Z");
    clock.Set(Timestamp{});
    EXPECT_EQ(clock.Now(), Timestamp{});
}

// ---------------------------------------------------------------------------------------------
// SecretString

constexpr std::string_view kSecretValue = "refresh-7f3a9c-very-secret-token-value";

std::string Streamed(const SecretString& secret) {
    std::ostringstream out;
    out << secret;
    return out.str();
}

TEST(SecretString, StreamsAsStars) {
    const SecretString secret{std::string(kSecretValue)};
    EXPECT_EQ(Streamed(secret), "***");
    EXPECT_EQ(Streamed(SecretString()), "***");
    std::ostringstream out;
    out << "token=" << secret << ";";
    EXPECT_EQ(out.str(), "token=***;");
    // gtest failure messages print it the same way.
    EXPECT_EQ(testing::PrintToString(secret), "***");
}

TEST(SecretString, FormatsAsStars) {
    const SecretString secret{std::string(kSecretValue)};
    EXPECT_EQ(fmt::format("{}", secret), "***");
    EXPECT_EQ(fmt::format("Bearer {}", secret), "Bearer ***");
    EXPECT_EQ(fmt::format("[{:>5}]", secret), "[  ***]");
    EXPECT_EQ(fmt::format("{}", SecretString()), "***");
}

TEST(SecretString, RevealGivesTheValue) {
    const SecretString secret{std::string(kSecretValue)};
    EXPECT_EQ(secret.Reveal(), kSecretValue);
    EXPECT_FALSE(secret.empty());
    EXPECT_TRUE(SecretString().empty());
    EXPECT_EQ(SecretString().Reveal(), "");
}

TEST(SecretString, CopiesKeepTheValue) {
    const SecretString original{std::string(kSecretValue)};
    const SecretString copy(original);
    EXPECT_EQ(copy.Reveal(), kSecretValue);
    EXPECT_EQ(original.Reveal(), kSecretValue);

    SecretString assigned{std::string("something else, longer than a short string buffer")};
    assigned = original;
    EXPECT_EQ(assigned.Reveal(), kSecretValue);
    EXPECT_EQ(original.Reveal(), kSecretValue);

    SecretString& same = assigned;
    assigned = same;  // self-assignment keeps the value
    EXPECT_EQ(assigned.Reveal(), kSecretValue);
}

TEST(SecretString, MovesKeepTheValueAndLeaveTheSourceEmpty) {
    // Both a long value (heap buffer) and a short one (small-string buffer).
    for (const std::string_view value : {kSecretValue, std::string_view("short")}) {
        SCOPED_TRACE(value.size());
        SecretString source{std::string(value)};
        SecretString moved(std::move(source));
        EXPECT_EQ(moved.Reveal(), value);
        EXPECT_TRUE(source.empty());  // NOLINT(bugprone-use-after-move): documented state
        EXPECT_EQ(source.Reveal(), "");

        SecretString assigned{std::string("old value")};
        assigned = std::move(moved);
        EXPECT_EQ(assigned.Reveal(), value);
        EXPECT_TRUE(moved.empty());  // NOLINT(bugprone-use-after-move): documented state

        // A moved-from secret can be given a value again.
        moved = SecretString{std::string("again")};
        EXPECT_EQ(moved.Reveal(), "again");
    }
}

TEST(SecretString, EqualityComparesValues) {
    const SecretString a{std::string(kSecretValue)};
    const SecretString same{std::string(kSecretValue)};
    EXPECT_TRUE(a == same);
    EXPECT_FALSE(a != same);
    EXPECT_TRUE(a == SecretString(a));

    std::string last_differs(kSecretValue);
    last_differs.back() = 'X';
    EXPECT_FALSE(a == SecretString{last_differs});
    std::string first_differs(kSecretValue);
    first_differs.front() = 'X';
    EXPECT_FALSE(a == SecretString{first_differs});
    // A prefix is not equal, in either order.
    const SecretString prefix{std::string(kSecretValue.substr(0, 10))};
    EXPECT_FALSE(a == prefix);
    EXPECT_FALSE(prefix == a);
    EXPECT_TRUE(a != prefix);

    EXPECT_TRUE(SecretString() == SecretString{std::string()});
    EXPECT_FALSE(SecretString() == a);
}

// ---- local times with their zone's offset (timecards' time in and out)

TEST(LocalDateTimeIso, WritesTheZonesOffsetOnThatDay) {
    using std::chrono::day;
    using std::chrono::month;
    using std::chrono::year;
    const Date winter{year{2026}, month{1}, day{12}};
    const Date summer{year{2026}, month{7}, day{6}};
    EXPECT_EQ(LocalDateTimeIso(winter, TimeOfDay{7 * 60}, "America/Chicago"),
              "2026-01-12T07:00:00-06:00");
    EXPECT_EQ(LocalDateTimeIso(summer, TimeOfDay{7 * 60}, "America/Chicago"),
              "2026-07-06T07:00:00-05:00");
    EXPECT_EQ(LocalDateTimeIso(summer, TimeOfDay{23 * 60 + 59}, "UTC"),
              "2026-07-06T23:59:00+00:00");
    EXPECT_EQ(LocalDateTimeIso(winter, TimeOfDay{0}, "Asia/Kolkata"),
              "2026-01-12T00:00:00+05:30");
    EXPECT_EQ(LocalDateTimeIso(winter, TimeOfDay{0}, "Nowhere/Atlantis"), std::nullopt);
}

TEST(LocalDateTimeIso, TimesAroundADaylightSavingChangeGetAnOffset) {
    using std::chrono::day;
    using std::chrono::month;
    using std::chrono::year;
    // 8 March 2026, 02:30 does not exist in Chicago; 1 November 2026, 01:30 happens twice.
    EXPECT_EQ(LocalDateTimeIso(Date{year{2026}, month{3}, day{8}}, TimeOfDay{150},
                               "America/Chicago"),
              "2026-03-08T02:30:00-05:00");
    EXPECT_EQ(LocalDateTimeIso(Date{year{2026}, month{11}, day{1}}, TimeOfDay{90},
                               "America/Chicago"),
              "2026-11-01T01:30:00-05:00");
}

}  // namespace
}  // namespace crewsync
