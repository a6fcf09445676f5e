// Tests for the keys records are compared by (sync/normalize.hpp): two values that mean the same
// must normalise to the same text, and two that do not must not. Table-driven: each row is one
// case, traced by its input.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "sync/normalize.hpp"

namespace crewsync::sync {
namespace {

struct Case {
    std::string_view input;
    std::string_view expected;
};

// ---------------------------------------------------------------------------------------------
// E-mail

TEST(NormalizeEmail, TrimsAndLowerCases) {
    const Case cases[] = {
        {" Jane.Doe@Example.COM ", "jane.doe@example.com"},
        {"jane.doe@example.com", "jane.doe@example.com"},
        {"\tBOB@ACME.IO\n", "bob@acme.io"},
        {"", ""},
        {"   ", ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.input);
        EXPECT_EQ(NormalizeEmail(c.input), c.expected);
    }
}

TEST(NormalizeEmail, KeepsWhatMakesAddressesDifferent) {
    EXPECT_NE(NormalizeEmail("jane.doe@example.com"), NormalizeEmail("janedoe@example.com"));
    EXPECT_NE(NormalizeEmail("jane+site@example.com"), NormalizeEmail("jane@example.com"));
}

// ---------------------------------------------------------------------------------------------
// Names

TEST(NormalizeName, FoldsCaseAccentsAndWhiteSpace) {
    const Case cases[] = {
        {"  José  MÜLLER ", "jose muller"},
        {"jose muller", "jose muller"},
        {"ZOË", "zoe"},
        {"Nguyễn", "nguyen"},
        {"Straße", "strasse"},             // case folding, not just lower-casing
        {"ＪＯＨＮ", "john"},               // full-width compatibility forms
        {"\xEF\xAC\x81ona", "fiona"},       // the "fi" ligature
        {"Smith\xC2\xA0Jones", "smith jones"},  // no-break space
        {"Müller\tSmith", "muller smith"},
        {"", ""},
        {"   ", ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.input);
        EXPECT_EQ(NormalizeName(c.input), c.expected);
    }
}

TEST(NormalizeName, AccentedAndPlainSpellingsAreEqual) {
    EXPECT_EQ(NormalizeName("José Müller"), NormalizeName("JOSE MULLER"));
    EXPECT_EQ(NormalizeName("García"), NormalizeName("Garcia"));
    EXPECT_EQ(NormalizeName("Peña"), NormalizeName("PENA"));
    // Precomposed "é" and "e" followed by a combining acute accent.
    EXPECT_EQ(NormalizeName("Jos\xC3\xA9"), NormalizeName("Jose\xCC\x81"));
}

TEST(NormalizeName, KeepsApostrophesAndHyphensDropsOtherPunctuation) {
    const Case cases[] = {
        {"O'Brien", "o'brien"},
        {"O\xE2\x80\x99" "Brien", "o'brien"},  // typographic apostrophe ’
        {"O\xE2\x80\x98" "Brien", "o'brien"},  // ‘
        {"García-López", "garcia-lopez"},
        {"García–López", "garcia-lopez"},    // en dash
        {"Smith—Jones", "smith-jones"},      // em dash
        {"D'Angelo, Jr.", "d'angelo jr"},
        {"Jean-Luc  Picard!", "jean-luc picard"},
        {"(Bob)", "bob"},
        {"\xC2\xAB" "Bob\xC2\xBB", "bob"},  // « » quotes
        {"Smith 3rd", "smith 3rd"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.input);
        EXPECT_EQ(NormalizeName(c.input), c.expected);
    }
}

TEST(NormalizeName, DropsControlCharacters) {
    EXPECT_EQ(NormalizeName(std::string_view("Bo\x01" "b")), "bob");
    EXPECT_EQ(NormalizeName("Jos\xC3\xA9\x7F"), "jose");
}

TEST(NormalizeName, DifferentNamesStayDifferent) {
    EXPECT_NE(NormalizeName("Smith"), NormalizeName("Smyth"));
    EXPECT_NE(NormalizeName("Ana"), NormalizeName("Anna"));
    EXPECT_NE(NormalizeName("Jo"), NormalizeName("Joe"));
}

TEST(NormalizeName, InvalidUtf8NeverFailsAndComparesAsBytes) {
    const std::string invalid = "\xFF\xFE" "ABC";
    const std::string lone_continuation = "Jos\x80" "E";
    const std::string truncated = "Jos\xC3";
    EXPECT_EQ(NormalizeName(invalid), "\xFF\xFE" "abc");
    EXPECT_EQ(NormalizeName(lone_continuation), "jos\x80" "e");
    EXPECT_EQ(NormalizeName(truncated), "jos\xC3");
    // Stable: the same bytes give the same key, different bytes a different one.
    EXPECT_EQ(NormalizeName(invalid), NormalizeName("\xFF\xFE" "abc"));
    EXPECT_NE(NormalizeName(invalid), NormalizeName("\xFE\xFF" "abc"));
    // Valid text around an invalid byte is still cleaned up.
    EXPECT_EQ(NormalizeName("  Jos\xFF  M\xC3\xBC" "LLER! "), "jos\xFF m\xC3\xBCller");
}

// ---------------------------------------------------------------------------------------------
// Phones

TEST(NormalizePhone, OneNumberWrittenManyWaysGivesOneKey) {
    for (std::string_view written :
         {"(312) 555-0100", "+1 312 555 0100", "312.555.0100", "312-555-0100", "3125550100",
          "1 312 555 0100", "1-312-555-0100", "+1 (312) 555-0100", "001 312 555 0100",
          "  (312)555-0100  ", "Tel. +1 312 555 0100", "mobile: 312-555-0100"}) {
        SCOPED_TRACE(written);
        EXPECT_EQ(NormalizePhone(written, "1"), "13125550100");
    }
}

TEST(NormalizePhone, IgnoresExtensions) {
    for (std::string_view written :
         {"312-555-0100 x12", "312-555-0100 X 12", "312-555-0100 ext. 12", "312-555-0100 ext 12",
          "312-555-0100 EXT12", "3125550100#12", "+1 (312) 555-0100;ext=12"}) {
        SCOPED_TRACE(written);
        EXPECT_EQ(NormalizePhone(written, "1"), "13125550100");
    }
}

TEST(NormalizePhone, InternationalNumbersKeepTheirOwnCountryCode) {
    EXPECT_EQ(NormalizePhone("+44 20 7946 0018", "1"), "442079460018");
    EXPECT_EQ(NormalizePhone("0044 20 7946 0018", "1"), "442079460018");
    EXPECT_EQ(NormalizePhone("+52 55 1234 5678", "1"), "525512345678");
    EXPECT_EQ(NormalizePhone("+1 312 555 0100", "44"), "13125550100");
}

TEST(NormalizePhone, TrunkZeroIsDroppedBeforeTheDefaultCode) {
    EXPECT_EQ(NormalizePhone("020 7946 0018", "44"), "442079460018");
    EXPECT_EQ(NormalizePhone("020 7946 0018", "44"), NormalizePhone("+44 20 7946 0018", "44"));
    EXPECT_EQ(NormalizePhone("(020) 7946-0018", "44"), "442079460018");
}

TEST(NormalizePhone, NationalNumbersTakeTheDefaultCode) {
    EXPECT_EQ(NormalizePhone("(312) 555-0100", "1"), "13125550100");
    EXPECT_EQ(NormalizePhone("(312) 555-0100", "44"), "443125550100");
}

TEST(NormalizePhone, FewerThanSevenDigitsIsNotAPhone) {
    for (std::string_view written :
         {"", "   ", "555-01", "123456", "+1 23456", "n/a", "none", "12345 ext 67"}) {
        SCOPED_TRACE(written);
        EXPECT_EQ(NormalizePhone(written, "1"), "");
    }
    EXPECT_EQ(NormalizePhone("1234567", "1"), "11234567");  // seven is enough
}

TEST(NormalizePhone, DifferentNumbersStayDifferent) {
    EXPECT_NE(NormalizePhone("(312) 555-0100", "1"), NormalizePhone("(312) 555-0101", "1"));
    EXPECT_NE(NormalizePhone("+44 312 555 0100", "1"), NormalizePhone("(312) 555-0100", "1"));
}

TEST(NormalizePhone, InvalidUtf8DoesNotCrash) {
    EXPECT_EQ(NormalizePhone("\xFF\xFE 312 555 0100", "1"), "13125550100");
    EXPECT_EQ(NormalizePhone("\xC3", "1"), "");
}

// ---------------------------------------------------------------------------------------------
// Employee IDs and project numbers

TEST(NormalizeEmployeeId, TrimsUpperCasesAndRemovesInnerSpaces) {
    const Case cases[] = {
        {" e-1042 ", "E-1042"},
        {"E-1042", "E-1042"},
        {"e 1042", "E1042"},
        {"\tab\t12 ", "AB12"},
        {"10042", "10042"},
        {"", ""},
        {"   ", ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.input);
        EXPECT_EQ(NormalizeEmployeeId(c.input), c.expected);
    }
    // Punctuation is part of the id.
    EXPECT_NE(NormalizeEmployeeId("E-1042"), NormalizeEmployeeId("E1042"));
}

TEST(NormalizeProjectNumber, TrimsUpperCasesAndCollapsesWhiteSpace) {
    const Case cases[] = {
        {"2024 - 017", "2024 - 017"},
        {"  2024   -\t017 ", "2024 - 017"},
        {"p-17a", "P-17A"},
        {"Job 42", "JOB 42"},
        {"", ""},
        {"   ", ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.input);
        EXPECT_EQ(NormalizeProjectNumber(c.input), c.expected);
    }
    // Unlike an employee ID, a space inside a project number separates parts.
    EXPECT_NE(NormalizeProjectNumber("2024 017"), NormalizeProjectNumber("2024017"));
}

// The Append forms fill one shared buffer; each must add exactly what the plain form returns,
// whatever the buffer already holds.
TEST(AppendNormalized, AddsWhatThePlainFormReturns) {
    for (const std::string name : {"  Jean-Luc  Picard!", "José Núñez", "O’Brien", "", " ",
                                   "D'Angelo, Jr.", "Smith—Jones"}) {
        std::string buffer = "prefix ";
        AppendNormalizedName(name, buffer);
        EXPECT_EQ(buffer, "prefix " + NormalizeName(name)) << name;
    }
    for (const std::string email : {" Jane.Doe@ACME.com ", "", "a@b.c"}) {
        std::string buffer = "x";
        AppendNormalizedEmail(email, buffer);
        EXPECT_EQ(buffer, "x" + NormalizeEmail(email)) << email;
    }
}

}  // namespace
}  // namespace crewsync::sync
