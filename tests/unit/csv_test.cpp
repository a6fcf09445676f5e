// Tests for the CSV reader, writer and header map: exact values, exact line numbers and exact
// problem texts, because users act on those messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "csv/header_map.hpp"
#include "csv/reader.hpp"
#include "csv/writer.hpp"

namespace crewsync {

// Found by argument-dependent lookup, so gtest prints problems readably in failure messages.
void PrintTo(const FieldProblem& p, std::ostream* os) {
    *os << "{field=\"" << p.field << "\", message=\"" << p.message << "\", location=\""
        << p.location << "\"}";
}

namespace csv {
namespace {

using Rows = std::vector<std::vector<std::string>>;
using Problems = std::vector<FieldProblem>;

Rows ValuesOf(const Table& table) {
    Rows rows;
    for (const Record& record : table.rows) rows.push_back(record.values);
    return rows;
}

std::vector<std::size_t> LinesOf(const Table& table) {
    std::vector<std::size_t> lines;
    for (const Record& record : table.rows) lines.push_back(record.line);
    return lines;
}

// Keeps failure output readable: gtest would otherwise dump each case as raw bytes.
template <class Case>
void PrintCaseName(const Case& c, std::ostream* os) {
    *os << c.name;
}

// Names each parameterised case after its `name` member, so failures say which case broke.
// (The parameter must not be called `info`: gtest's macro already uses that name.)
struct CaseName {
    template <class Case>
    std::string operator()(const testing::TestParamInfo<Case>& case_info) const {
        return case_info.param.name;
    }
};

// ---------------------------------------------------------------------------------------------
// Parse: inputs that succeed.

struct ParseOkCase {
    std::string name;
    std::string input;
    std::vector<std::string> header;
    Rows rows;
    std::vector<std::size_t> row_lines;
    std::size_t header_line = 1;
};

void PrintTo(const ParseOkCase& c, std::ostream* os) { PrintCaseName(c, os); }

class ParseOkTest : public testing::TestWithParam<ParseOkCase> {};

TEST_P(ParseOkTest, GivesExactHeaderRowsAndLines) {
    const ParseOkCase& c = GetParam();
    const Result<Table> table = Parse(c.input);
    ASSERT_TRUE(table.has_value()) << table.error().ToString();
    EXPECT_EQ(table->header.values, c.header);
    EXPECT_EQ(table->header.line, c.header_line);
    EXPECT_EQ(ValuesOf(*table), c.rows);
    EXPECT_EQ(LinesOf(*table), c.row_lines);
}

INSTANTIATE_TEST_SUITE_P(
    Csv, ParseOkTest,
    testing::Values(
        ParseOkCase{"Simple", "a,b\n1,2\n3,4\n", {"a", "b"}, {{"1", "2"}, {"3", "4"}}, {2, 3}},
        ParseOkCase{"QuotedFields",
                    "a,b,c\n\"x,y\",\"z\",\"\"\n",
                    {"a", "b", "c"},
                    {{"x,y", "z", ""}},
                    {2}},
        ParseOkCase{"DoubledQuotes",
                    "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n",
                    {"a", "b"},
                    {{"say \"hi\"", "\""}},
                    {2}},
        ParseOkCase{"EmbeddedLf",
                    "a,b\n\"l1\nl2\",x\ny,z\n",
                    {"a", "b"},
                    {{"l1\nl2", "x"}, {"y", "z"}},
                    {2, 4}},
        ParseOkCase{"EmbeddedCrlf",
                    "a,b\r\n\"l1\r\nl2\r\n\",x\r\ny,z\r\n",
                    {"a", "b"},
                    {{"l1\r\nl2\r\n", "x"}, {"y", "z"}},
                    {2, 5}},
        ParseOkCase{"EmbeddedLoneCr", "a\n\"l1\rl2\"\nb\n", {"a"}, {{"l1\rl2"}, {"b"}}, {2, 4}},
        ParseOkCase{
            "LoneCrLineEndings", "a,b\r1,2\r3,4\r", {"a", "b"}, {{"1", "2"}, {"3", "4"}}, {2, 3}},
        ParseOkCase{
            "CrlfFile", "a,b\r\n1,2\r\n3,4\r\n", {"a", "b"}, {{"1", "2"}, {"3", "4"}}, {2, 3}},
        ParseOkCase{"MixedLineEndings",
                    "a\r\n1\n2\r3\r\n\r\n4",
                    {"a"},
                    {{"1"}, {"2"}, {"3"}, {"4"}},
                    {2, 3, 4, 6}},
        ParseOkCase{"Bom", "\xEF\xBB\xBFid,name\n1,x\n", {"id", "name"}, {{"1", "x"}}, {2}},
        ParseOkCase{
            "BomOnlyAtStartIsRemoved", "a\n\xEF\xBB\xBFx\n", {"a"}, {{"\xEF\xBB\xBFx"}}, {2}},
        ParseOkCase{"BlankLinesSkippedButCounted",
                    "\n\r\na,b\n\n1,2\n\n\n3,4\n\n",
                    {"a", "b"},
                    {{"1", "2"}, {"3", "4"}},
                    {5, 8},
                    3},
        ParseOkCase{"AllEmptyRecordsSkipped",
                    "a,b\n,\n1,2\n , \t\n,,,,\n3,4\n",
                    {"a", "b"},
                    {{"1", "2"}, {"3", "4"}},
                    {3, 6}},
        ParseOkCase{"QuotedEmptyRecordKept", "a,b\n\"\",\n", {"a", "b"}, {{"", ""}}, {2}},
        ParseOkCase{"LastLineWithoutNewline", "a,b\n1,2", {"a", "b"}, {{"1", "2"}}, {2}},
        ParseOkCase{"LastFieldEmptyWithoutNewline", "a,b\n1,", {"a", "b"}, {{"1", ""}}, {2}},
        ParseOkCase{
            "LastFieldQuotedWithoutNewline", "a,b\n1,\"x\ny\"", {"a", "b"}, {{"1", "x\ny"}}, {2}},
        ParseOkCase{"ValuesNotTrimmed", "a,b\n  x , y\t\n", {"a", "b"}, {{"  x ", " y\t"}}, {2}},
        ParseOkCase{"QuotedSpacesKept", "a\n\" x \"\n", {"a"}, {{" x "}}, {2}},
        ParseOkCase{"HeaderNamesTrimmed", " a ,\tb\t\n1,2\n", {"a", "b"}, {{"1", "2"}}, {2}},
        ParseOkCase{"HeaderOnly", "a,b\n", {"a", "b"}, {}, {}},
        ParseOkCase{"HeaderOnlyWithoutNewline", "a,b", {"a", "b"}, {}, {}},
        ParseOkCase{"HeaderAfterBlankRecords", ",,\n \na\nx\n", {"a"}, {{"x"}}, {4}, 3},
        ParseOkCase{"NonAsciiUtf8",
                    "name\nJos\xC3\xA9\n\xE6\x97\xA5\xE6\x9C\xAC\n\"\xF0\x9F\x99\x82,\"\n",
                    {"name"},
                    {{"Jos\xC3\xA9"}, {"\xE6\x97\xA5\xE6\x9C\xAC"}, {"\xF0\x9F\x99\x82,"}},
                    {2, 3, 4}}),
    CaseName());

TEST(CsvParse, ValueLinesFollowMultiLineFields) {
    const Result<Table> table = Parse("a,b,c\n1,\"x\ny\",3\n4,5,6\n");
    ASSERT_TRUE(table.has_value()) << table.error().ToString();
    ASSERT_EQ(table->rows.size(), 2u);
    EXPECT_EQ(table->rows[0].line, 2u);
    EXPECT_EQ(table->rows[0].value_lines, (std::vector<std::size_t>{2, 2, 3}));
    EXPECT_EQ(table->rows[1].line, 4u);
    EXPECT_EQ(table->rows[1].value_lines, (std::vector<std::size_t>{4, 4, 4}));
    EXPECT_EQ(table->header.value_lines, (std::vector<std::size_t>{1, 1, 1}));
}

TEST(CsvParse, FormatLocation) { EXPECT_EQ(FormatLocation(12, 3), "12:3"); }

// ---------------------------------------------------------------------------------------------
// Parse: inputs that fail, with every problem spelled out.

constexpr const char* kStrayQuote =
    "quote inside an unquoted field (put the whole field in quotes and double the quotes inside "
    "it)";
constexpr const char* kNeverClosed = "quoted field is never closed (it opens here)";
constexpr const char* kAfterQuote = "text after the closing quote";
constexpr const char* kBadUtf8 = "text is not valid UTF-8 (save the file as UTF-8)";
constexpr const char* kNoHeader = "there is no header row (the input is empty or only blank lines)";

struct ParseErrorCase {
    std::string name;
    std::string input;
    Problems problems;
};

void PrintTo(const ParseErrorCase& c, std::ostream* os) { PrintCaseName(c, os); }

class ParseErrorTest : public testing::TestWithParam<ParseErrorCase> {};

TEST_P(ParseErrorTest, ReportsExactProblems) {
    const ParseErrorCase& c = GetParam();
    const Result<Table> table = Parse(c.input);
    ASSERT_FALSE(table.has_value());
    EXPECT_EQ(table.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(table.error().message(), "not valid CSV");
    EXPECT_EQ(table.error().problems(), c.problems);
}

INSTANTIATE_TEST_SUITE_P(
    Csv, ParseErrorTest,
    testing::Values(
        ParseErrorCase{"EmptyInput", "", {{"", kNoHeader, ""}}},
        ParseErrorCase{"BomOnly", "\xEF\xBB\xBF", {{"", kNoHeader, ""}}},
        ParseErrorCase{"OnlyBlankRecords", "\n\r\n , \n,,,\n", {{"", kNoHeader, ""}}},
        ParseErrorCase{"TooManyFields",
                       "a,b\n1,2\n1,2,3\n",
                       {{"", "row has 3 fields, the header has 2", "3:3"}}},
        ParseErrorCase{
            "TooFewFields", "a,b,c\n1\n", {{"", "row has 1 field, the header has 3", "2:2"}}},
        ParseErrorCase{"FieldCountAfterMultiLineField",
                       "a,b\n\"x\ny\",1\n\n1,2,3\n",
                       {{"", "row has 3 fields, the header has 2", "5:3"}}},
        ParseErrorCase{"SurplusFieldOnContinuationLine",
                       "a,b\n1,\"x\ny\",z\n",
                       {{"", "row has 3 fields, the header has 2", "3:3"}}},
        ParseErrorCase{"MissingFieldAfterMultiLineField",
                       "a,b,c\n1,\"x\ny\"\n",
                       {{"", "row has 2 fields, the header has 3", "3:3"}}},
        ParseErrorCase{"UnterminatedQuote", "a,b\n1,\"abc\n2,3\n", {{"b", kNeverClosed, "2:2"}}},
        ParseErrorCase{"UnterminatedQuoteInHeader", "a,\"b\n", {{"", kNeverClosed, "1:2"}}},
        ParseErrorCase{
            "UnterminatedQuoteAfterDoubledQuote", "a\n\"x\"\"\n", {{"a", kNeverClosed, "2:1"}}},
        ParseErrorCase{"StrayQuote", "a,b\n1,ab\"c\n", {{"b", kStrayQuote, "2:2"}}},
        ParseErrorCase{"StrayQuotesReportedOncePerField",
                       "a,b\nx\"y\"z,\"\"w\n",
                       {{"a", kStrayQuote, "2:1"}, {"b", kAfterQuote, "2:2"}}},
        ParseErrorCase{"TextAfterClosingQuote", "a,b\n\"ab\"c,2\n", {{"a", kAfterQuote, "2:1"}}},
        ParseErrorCase{
            "TextAfterClosingQuoteOnLaterLine", "a,b\n1,\"x\ny\" z\n", {{"b", kAfterQuote, "3:2"}}},
        ParseErrorCase{"InvalidUtf8BrokenSequence", "a,b\n1,x\xC3(\n", {{"b", kBadUtf8, "2:2"}}},
        ParseErrorCase{"InvalidUtf8Latin1", "a\nJos\xE9\n", {{"a", kBadUtf8, "2:1"}}},
        ParseErrorCase{"InvalidUtf8Overlong", "a\n\xC0\xAF\n", {{"a", kBadUtf8, "2:1"}}},
        ParseErrorCase{"InvalidUtf8Surrogate", "a\n\xED\xA0\x80\n", {{"a", kBadUtf8, "2:1"}}},
        ParseErrorCase{
            "InvalidUtf8BeyondUnicode", "a\n\xF4\x90\x80\x80\n", {{"a", kBadUtf8, "2:1"}}},
        ParseErrorCase{"InvalidUtf8TruncatedAtEnd", "a\n\xE6\x97", {{"a", kBadUtf8, "2:1"}}},
        ParseErrorCase{"InvalidUtf8LoneContinuation", "a\nx\x80y\n", {{"a", kBadUtf8, "2:1"}}},
        ParseErrorCase{
            "InvalidUtf8InMultiLineQuotedField", "a,b\n1,\"x\ny\xFF\"\n", {{"b", kBadUtf8, "2:2"}}},
        ParseErrorCase{"InvalidUtf8InHeader", "id,n\xFF\n", {{"", kBadUtf8, "1:2"}}},
        ParseErrorCase{"DuplicateHeaderNames",
                       "id,Name,name, ID \n",
                       {{"", "duplicate column name \"name\" (same as column 2, \"Name\")", "1:3"},
                        {"", "duplicate column name \"ID\" (same as column 1, \"id\")", "1:4"}}},
        ParseErrorCase{"EmptyHeaderNames",
                       "id,,name, \n",
                       {{"", "column name is empty", "1:2"}, {"", "column name is empty", "1:4"}}},
        ParseErrorCase{"MultipleErrorsCollected",
                       "a,b\n1,2,3\n\"x\"y,2\n4\n5,6\n1,a\"b\n\"open,7\n",
                       {{"", "row has 3 fields, the header has 2", "2:3"},
                        {"a", kAfterQuote, "3:1"},
                        {"", "row has 1 field, the header has 2", "4:2"},
                        {"b", kStrayQuote, "6:2"},
                        {"a", kNeverClosed, "7:1"}}}),
    CaseName());

std::string RowsWithWrongFieldCount(std::size_t count) {
    std::string input = "a,b\n";
    for (std::size_t i = 0; i < count; ++i) input += "1,2,3\n";
    return input;
}

TEST(CsvParse, ProblemListCappedWithSummary) {
    const Result<Table> table = Parse(RowsWithWrongFieldCount(150));
    ASSERT_FALSE(table.has_value());
    const Problems& problems = table.error().problems();
    ASSERT_EQ(problems.size(), kMaxProblems + 1);
    EXPECT_EQ(problems[0], (FieldProblem{"", "row has 3 fields, the header has 2", "2:3"}));
    EXPECT_EQ(problems[99], (FieldProblem{"", "row has 3 fields, the header has 2", "101:3"}));
    EXPECT_EQ(problems[100], (FieldProblem{"", "and 50 more problems", ""}));
}

TEST(CsvParse, ProblemListCapSingularAndExact) {
    const Result<Table> one_more = Parse(RowsWithWrongFieldCount(101));
    ASSERT_FALSE(one_more.has_value());
    ASSERT_EQ(one_more.error().problems().size(), kMaxProblems + 1);
    EXPECT_EQ(one_more.error().problems().back(), (FieldProblem{"", "and 1 more problem", ""}));

    const Result<Table> exact = Parse(RowsWithWrongFieldCount(100));
    ASSERT_FALSE(exact.has_value());
    ASSERT_EQ(exact.error().problems().size(), kMaxProblems);
    EXPECT_EQ(exact.error().problems().back().location, "101:3");
}

// The scanner tests several bytes at a time, so special bytes must be found at every offset.
TEST(CsvParse, ProblemsFoundAtEveryByteOffset) {
    for (std::size_t offset = 0; offset < 20; ++offset) {
        SCOPED_TRACE("offset " + std::to_string(offset));
        const std::string pad(offset, 'x');
        const Result<Table> bad_utf8 =
            Parse("a,b\n" + pad + "\xFF" + pad + ",z\n1," + pad + "\xFE\n");
        ASSERT_FALSE(bad_utf8.has_value());
        EXPECT_EQ(bad_utf8.error().problems(),
                  (Problems{{"a", kBadUtf8, "2:1"}, {"b", kBadUtf8, "3:2"}}));
        // A leading quote would open a quoted field, hence the "k".
        const Result<Table> stray = Parse("a,b\nk" + pad + "\"" + pad + ",z\n");
        ASSERT_FALSE(stray.has_value());
        EXPECT_EQ(stray.error().problems(), (Problems{{"a", kStrayQuote, "2:1"}}));
        const Result<Table> valid =
            Parse("a,b\n" + pad + "\xC3\xA9" + pad + ",\xC3\xA9" + pad + "\n");
        ASSERT_TRUE(valid.has_value()) << valid.error().ToString();
        EXPECT_EQ(ValuesOf(*valid), (Rows{{pad + "\xC3\xA9" + pad, "\xC3\xA9" + pad}}));
    }
}

// ---------------------------------------------------------------------------------------------
// ReadFile.

std::string WriteTempFile(const std::string& name, const std::string& content) {
    const std::string path = testing::TempDir() + name;
    std::ofstream out(path, std::ios::binary);
    out << content;
    return path;
}

TEST(CsvReadFile, ReadsFile) {
    const std::string path =
        WriteTempFile("csv_test_ok.csv", "\xEF\xBB\xBFid,name\r\n1,\"A\r\nB\"\r\n");
    const Result<Table> table = ReadFile(path);
    ASSERT_TRUE(table.has_value()) << table.error().ToString();
    EXPECT_EQ(table->header.values, (std::vector<std::string>{"id", "name"}));
    EXPECT_EQ(ValuesOf(*table), (Rows{{"1", "A\r\nB"}}));
    std::remove(path.c_str());
}

TEST(CsvReadFile, ReadsFileLargerThanOneReadChunk) {
    std::string content = "id,note\n";
    for (int i = 0; i < 20000; ++i) content += std::to_string(i) + ",\"some, text\"\n";
    const std::string path = WriteTempFile("csv_test_large.csv", content);
    const Result<Table> table = ReadFile(path);
    ASSERT_TRUE(table.has_value()) << table.error().ToString();
    ASSERT_EQ(table->rows.size(), 20000u);
    EXPECT_EQ(table->rows.back().values, (std::vector<std::string>{"19999", "some, text"}));
    EXPECT_EQ(table->rows.back().line, 20001u);
    std::remove(path.c_str());
}

TEST(CsvReadFile, InvalidCsvNamesTheFile) {
    const std::string path = WriteTempFile("csv_test_bad.csv", "id,name\n1\n");
    const Result<Table> table = ReadFile(path);
    ASSERT_FALSE(table.has_value());
    EXPECT_EQ(table.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(table.error().message(), path + " is not valid CSV");
    EXPECT_EQ(table.error().problems(),
              (Problems{{"", "row has 1 field, the header has 2", "2:2"}}));
    std::remove(path.c_str());
}

TEST(CsvReadFile, MissingFileIsIoError) {
    const std::string path = testing::TempDir() + "csv_test_does_not_exist.csv";
    const Result<Table> table = ReadFile(path);
    ASSERT_FALSE(table.has_value());
    EXPECT_EQ(table.error().code(), ErrorCode::kIo);
    EXPECT_EQ(table.error().message(), "cannot read " + path + ": No such file or directory");
}

TEST(CsvReadFile, DirectoryIsIoError) {
    const Result<Table> table = ReadFile(testing::TempDir());
    ASSERT_FALSE(table.has_value());
    EXPECT_EQ(table.error().code(), ErrorCode::kIo);
    EXPECT_EQ(table.error().message(), "cannot read " + testing::TempDir() + ": Is a directory");
}

// ---------------------------------------------------------------------------------------------
// Writer.

struct EscapeCase {
    std::string name;
    std::string value;
    std::string escaped;
};

void PrintTo(const EscapeCase& c, std::ostream* os) { PrintCaseName(c, os); }

class EscapeFieldTest : public testing::TestWithParam<EscapeCase> {};

TEST_P(EscapeFieldTest, Escapes) { EXPECT_EQ(EscapeField(GetParam().value), GetParam().escaped); }

INSTANTIATE_TEST_SUITE_P(
    Csv, EscapeFieldTest,
    testing::Values(
        EscapeCase{"Empty", "", ""}, EscapeCase{"Plain", "abc", "abc"},
        EscapeCase{"InnerSpaces", "a b", "a b"},
        EscapeCase{"NonAscii", "Jos\xC3\xA9", "Jos\xC3\xA9"}, EscapeCase{"Comma", "a,b", "\"a,b\""},
        EscapeCase{"Quote", "a\"b", "\"a\"\"b\""}, EscapeCase{"OnlyQuotes", "\"\"", "\"\"\"\"\"\""},
        EscapeCase{"Lf", "a\nb", "\"a\nb\""}, EscapeCase{"Cr", "a\rb", "\"a\rb\""},
        EscapeCase{"LeadingSpace", " a", "\" a\""}, EscapeCase{"TrailingSpace", "a ", "\"a \""},
        EscapeCase{"LeadingTab", "\ta", "\"\ta\""}, EscapeCase{"OnlySpace", " ", "\" \""}),
    CaseName());

TEST(CsvWriter, AppendRowEndsWithCrlf) {
    std::string out;
    AppendRow(out, {"a", "b,c", ""});
    AppendRow(out, {"x"});
    EXPECT_EQ(out, "a,\"b,c\",\r\nx\r\n");
}

TEST(CsvWriter, AllEmptyRowIsQuotedSoItIsNotSkipped) {
    std::string out;
    AppendRow(out, {"", ""});
    AppendRow(out, {""});
    EXPECT_EQ(out, "\"\",\r\n\"\"\r\n");
}

TEST(CsvWriter, StreamsRows) {
    std::ostringstream stream;
    Writer writer(stream);
    ASSERT_TRUE(writer.WriteRow({"id", "note"}).has_value());
    ASSERT_TRUE(writer.WriteRow({"1", "say \"hi\""}).has_value());
    EXPECT_EQ(writer.rows_written(), 2u);
    EXPECT_EQ(stream.str(), "id,note\r\n1,\"say \"\"hi\"\"\"\r\n");
}

TEST(CsvWriter, FailedStreamIsIoError) {
    std::ostringstream stream;
    stream.setstate(std::ios::badbit);
    Writer writer(stream);
    const Status status = writer.WriteRow({"a"});
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().code(), ErrorCode::kIo);
    EXPECT_EQ(status.error().message(), "cannot write CSV output: the output stream failed");
    EXPECT_EQ(writer.rows_written(), 0u);
}

// ---------------------------------------------------------------------------------------------
// Round trip: whatever the writer writes, the reader gives back exactly.

void ExpectRoundTrip(const std::vector<std::string>& header, const Rows& rows) {
    std::string out;
    AppendRow(out, header);
    for (const auto& row : rows) AppendRow(out, row);
    const Result<Table> table = Parse(out);
    ASSERT_TRUE(table.has_value()) << table.error().ToString();
    EXPECT_EQ(table->header.values, header);
    EXPECT_EQ(ValuesOf(*table), rows);
}

const std::vector<std::string> kNastyValues = {
    "",
    " ",
    "\t",
    "  leading",
    "trailing  ",
    ",",
    ",,",
    "a,b",
    "\"",
    "\"\"",
    "say \"hi\"",
    "\"quoted\"",
    "line1\nline2",
    "line1\r\nline2",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "end\n",
    "a\"b,c\nd",
    "Jos\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x99\x82",
    "\xEF\xBB\xBF",
    "=1+2",
};

TEST(CsvRoundTrip, NastyValuesInEveryPosition) {
    const std::vector<std::string> header = {"first", "middle", "last"};
    Rows rows;
    for (const std::string& value : kNastyValues) {
        rows.push_back({value, "x", "y"});
        rows.push_back({"x", value, "y"});
        rows.push_back({"x", "y", value});
        rows.push_back({value, value, value});
    }
    ExpectRoundTrip(header, rows);
}

TEST(CsvRoundTrip, SingleColumnEmptyAndBlankValues) {
    ExpectRoundTrip({"only"}, {{""}, {" "}, {"\t"}, {"x"}, {""}});
}

TEST(CsvRoundTrip, SpecialBytesAtEveryOffset) {
    const std::vector<std::string> specials = {",", "\"", "\n", "\r", "\r\n", "\xC3\xA9", " "};
    Rows rows;
    for (std::size_t offset = 0; offset < 20; ++offset) {
        for (const std::string& special : specials) {
            const std::string value =
                std::string(offset, 'x') + special + std::string(offset % 5, 'y');
            rows.push_back({value, "z"});
            rows.push_back({"z", value});
        }
    }
    ExpectRoundTrip({"a", "b"}, rows);
}

TEST(CsvRoundTrip, RandomisedValues) {
    const std::vector<std::string> pieces = {"a",
                                             "Z",
                                             "0",
                                             " ",
                                             "  ",
                                             ",",
                                             "\"",
                                             "\"\"",
                                             "\n",
                                             "\r",
                                             "\r\n",
                                             "\t",
                                             "\xC3\xA9",
                                             "\xE6\x97\xA5",
                                             "\xF0\x9F\x99\x82",
                                             "x y",
                                             "'"};
    std::mt19937 rng(20240611);
    const auto pick = [&rng](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    constexpr std::size_t kColumns = 5;
    std::vector<std::string> header;
    for (std::size_t c = 0; c < kColumns; ++c) header.push_back("col" + std::to_string(c));
    Rows rows;
    for (int r = 0; r < 2000; ++r) {
        std::vector<std::string> row;
        for (std::size_t c = 0; c < kColumns; ++c) {
            std::string value;
            const std::size_t length = pick(7);
            for (std::size_t i = 0; i < length; ++i) value += pieces[pick(pieces.size())];
            row.push_back(std::move(value));
        }
        rows.push_back(std::move(row));
    }
    ExpectRoundTrip(header, rows);
}

// ---------------------------------------------------------------------------------------------
// HeaderMap.

const std::vector<ColumnSpec> kSpecs = {
    {"employee_id", {"emp id", "Staff Number"}, true},
    {"email", {"e-mail", "mail"}, false},
    {"name", {}, true},
};

constexpr const char* kAccepted =
    "accepted column names: employee_id (also: emp id, Staff Number), email (also: e-mail, "
    "mail), name";

Record HeaderRecord(const std::string& text) {
    Result<Table> table = Parse(text);
    EXPECT_TRUE(table.has_value()) << table.error().ToString();
    return table.has_value() ? table->header : Record{};
}

struct AliasCase {
    std::string header_name;
    std::string key;
};

void PrintTo(const AliasCase& c, std::ostream* os) { *os << c.header_name; }

class HeaderMapAliasTest : public testing::TestWithParam<AliasCase> {};

TEST_P(HeaderMapAliasTest, MatchesIgnoringCaseSpacesUnderscoresAndDashes) {
    const Record header = HeaderRecord("x_name,\"" + GetParam().header_name + "\"\n");
    const std::vector<ColumnSpec> specs = {{"x_name", {}, false},
                                           {"employee_id", {"emp id", "Staff Number"}, false},
                                           {"email", {"e-mail", "mail"}, false}};
    const Result<HeaderMap> map = HeaderMap::Build(header, specs);
    ASSERT_TRUE(map.has_value()) << map.error().ToString();
    EXPECT_EQ(map->Index(GetParam().key), 1u);
}

INSTANTIATE_TEST_SUITE_P(Csv, HeaderMapAliasTest,
                         testing::Values(AliasCase{"employee_id", "employee_id"},
                                         AliasCase{"Employee ID", "employee_id"},
                                         AliasCase{"EMPLOYEE-ID", "employee_id"},
                                         AliasCase{"employeeid", "employee_id"},
                                         AliasCase{"Emp_Id", "employee_id"},
                                         AliasCase{"staff-number", "employee_id"},
                                         AliasCase{"STAFF NUMBER", "employee_id"},
                                         AliasCase{"E-Mail", "email"}, AliasCase{"e_mail", "email"},
                                         AliasCase{"Mail", "email"}, AliasCase{"EMAIL", "email"}));

TEST(HeaderMap, IndexHasGetColumnLocation) {
    const Result<Table> ok = Parse("Name,Staff Number\n\"Ann\nLee\", 7 \n");
    ASSERT_TRUE(ok.has_value()) << ok.error().ToString();
    const Result<HeaderMap> map = HeaderMap::Build(ok->header, kSpecs);
    ASSERT_TRUE(map.has_value()) << map.error().ToString();
    const Record& row = ok->rows.at(0);

    EXPECT_EQ(map->Index("name"), 0u);
    EXPECT_EQ(map->Index("employee_id"), 1u);
    EXPECT_EQ(map->Index("email"), std::nullopt);
    EXPECT_EQ(map->Index("no_such_key"), std::nullopt);
    EXPECT_TRUE(map->Has("employee_id"));
    EXPECT_FALSE(map->Has("email"));
    EXPECT_EQ(map->Get(row, "name"), "Ann\nLee");
    EXPECT_EQ(map->Get(row, "employee_id"), " 7 ");
    EXPECT_EQ(map->Get(row, "email"), "");
    // A hand-built row shorter than the header must not be read past its end.
    EXPECT_EQ(map->Get(Record{5, {"only"}, {5}}, "employee_id"), "");
    EXPECT_EQ(map->Column("name"), 1u);
    EXPECT_EQ(map->Column("employee_id"), 2u);
    EXPECT_EQ(map->Column("email"), 0u);
    EXPECT_EQ(map->Location(row, "name"), "2:1");
    EXPECT_EQ(map->Location(row, "employee_id"), "3:2");
    EXPECT_EQ(map->Location(row, "email"), "2");
    EXPECT_TRUE(map->passthrough().empty());
}

TEST(HeaderMap, UnknownColumnsListedWithLocationsAndAcceptedNames) {
    const Record header = HeaderRecord("\n\nemployee_id,Foo,name,bar baz\n");
    const Result<HeaderMap> map = HeaderMap::Build(header, kSpecs);
    ASSERT_FALSE(map.has_value());
    EXPECT_EQ(map.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(map.error().message(), "the header does not match the expected columns");
    EXPECT_EQ(map.error().problems(), (Problems{{"Foo", "unknown column", "3:2"},
                                                {"bar baz", "unknown column", "3:4"},
                                                {"", kAccepted, ""}}));
}

TEST(HeaderMap, ColumnMatchedTwice) {
    const Record header = HeaderRecord("employee_id,name,email,E-Mail,Staff Number\n");
    const Result<HeaderMap> map = HeaderMap::Build(header, kSpecs);
    ASSERT_FALSE(map.has_value());
    EXPECT_EQ(map.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(
        map.error().problems(),
        (Problems{{"E-Mail", "is the same column as \"email\" (column 3)", "1:4"},
                  {"Staff Number", "is the same column as \"employee_id\" (column 1)", "1:5"}}));
}

TEST(HeaderMap, RequiredColumnsMissing) {
    const Record header = HeaderRecord("email\n");
    const Result<HeaderMap> map = HeaderMap::Build(header, kSpecs);
    ASSERT_FALSE(map.has_value());
    EXPECT_EQ(map.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(map.error().problems(),
              (Problems{{"employee_id",
                         "required column is missing (also accepted as: emp id, Staff Number)", ""},
                        {"name", "required column is missing", ""}}));
}

TEST(HeaderMap, OptionalColumnMayBeMissing) {
    const Record header = HeaderRecord("name,employee_id\n");
    const Result<HeaderMap> map = HeaderMap::Build(header, kSpecs);
    ASSERT_TRUE(map.has_value()) << map.error().ToString();
    EXPECT_FALSE(map->Has("email"));
}

TEST(HeaderMap, PassthroughColumns) {
    const Record header =
        HeaderRecord("name,Custom: Shirt Size,employee_id,CUSTOM:dept,custom:  Desk No \n");
    const Result<HeaderMap> map = HeaderMap::Build(header, kSpecs, "custom:");
    ASSERT_TRUE(map.has_value()) << map.error().ToString();
    EXPECT_EQ(map->passthrough(),
              (std::vector<PassthroughColumn>{{"Shirt Size", 1}, {"dept", 3}, {"Desk No", 4}}));
    EXPECT_EQ(map->Index("employee_id"), 2u);
}

TEST(HeaderMap, PassthroughColumnsUnknownWithoutPrefix) {
    const Record header = HeaderRecord("name,employee_id,custom:dept\n");
    const Result<HeaderMap> map = HeaderMap::Build(header, kSpecs);
    ASSERT_FALSE(map.has_value());
    EXPECT_EQ(map.error().problems(),
              (Problems{{"custom:dept", "unknown column", "1:3"}, {"", kAccepted, ""}}));
}

TEST(HeaderMap, AcceptedNamesMentionPrefix) {
    const Record header = HeaderRecord("name,employee_id,dept\n");
    const Result<HeaderMap> map = HeaderMap::Build(header, kSpecs, "custom:");
    ASSERT_FALSE(map.has_value());
    EXPECT_EQ(
        map.error().problems(),
        (Problems{{"dept", "unknown column", "1:3"},
                  {"", std::string(kAccepted) + "; or any column starting with \"custom:\"", ""}}));
}

TEST(HeaderMap, PassthroughEmptyAndRepeatedNames) {
    const Record header = HeaderRecord("name,employee_id,custom:,custom:dept,Custom: DEPT\n");
    const Result<HeaderMap> map = HeaderMap::Build(header, kSpecs, "custom:");
    ASSERT_FALSE(map.has_value());
    EXPECT_EQ(
        map.error().problems(),
        (Problems{{"custom:", "has no name after \"custom:\"", "1:3"},
                  {"Custom: DEPT", "is the same column as \"custom:dept\" (column 4)", "1:5"}}));
}

TEST(HeaderMap, OverlappingSpecsAreAProgrammingError) {
    const Record header = HeaderRecord("name\n");
    const Result<HeaderMap> map =
        HeaderMap::Build(header, {{"name", {}, false}, {"full_name", {"Name"}, false}});
    ASSERT_FALSE(map.has_value());
    EXPECT_EQ(map.error().code(), ErrorCode::kInternal);
    EXPECT_EQ(map.error().message(),
              "column specs \"name\" and \"full_name\" both accept \"Name\"");
}

TEST(HeaderMap, NormalizeColumnName) {
    EXPECT_EQ(NormalizeColumnName(" Employee_ID-No\t"), "employeeidno");
    EXPECT_EQ(NormalizeColumnName("Jos\xC3\xA9"), "jos\xC3\xA9");
}

}  // namespace
}  // namespace csv
}  // namespace crewsync
