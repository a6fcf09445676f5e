// Tests for the link report and plan formats: the exact text an integration specialist reads in
// a dry run (golden strings written by hand), CSV that parses back to the right cells, and JSON
// that holds every field a script needs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "csv/reader.hpp"
#include "report/link_report_format.hpp"
#include "report/plan_format.hpp"

namespace crewsync::report {
namespace {

using sync::ConflictResolution;
using sync::FieldChange;
using sync::FieldDifference;
using sync::LinkEntry;
using sync::LinkOrigin;
using sync::LinkReport;
using sync::LinkStatus;
using sync::LocalKind;
using sync::Operation;
using sync::OperationKind;
using sync::Plan;
using sync::RemoteKind;
using sync::Suggestion;
using ::testing::ElementsAre;
using Rows = std::vector<std::vector<std::string>>;

// One entry of every kind the text treats differently, in the order BuildLinkReport gives them.
LinkReport SampleReport() {
    LinkReport r;
    auto add = [&](LocalKind lk, LinkStatus status, std::int64_t local_id, RemoteKind rk,
                   sync::ProcoreId remote_id, std::string label, std::string reason) -> LinkEntry& {
        LinkEntry e;
        e.local_kind = lk;
        e.status = status;
        e.local_id = local_id;
        e.remote_kind = rk;
        e.remote_id = remote_id;
        e.label = std::move(label);
        e.reason = std::move(reason);
        return r.entries.emplace_back(std::move(e));
    };
    const auto kPerson = LocalKind::kPerson;
    const auto kProject = LocalKind::kProject;
    add(kPerson, LinkStatus::kLinked, 1, RemoteKind::kUser, 4301, "Ann Lee <ann@example.com>", "");
    add(kPerson, LinkStatus::kLinked, 2, RemoteKind::kUser, 4302, "Ben Ode <ben@example.com>",
        "type changed to user: contact 77 is retired");
    add(kPerson, LinkStatus::kWouldLink, 3, RemoteKind::kUser, 4303, "Cy Park <cy@example.com>",
        "e-mail matches and the other fields agree");
    add(kPerson, LinkStatus::kWouldCreate, 4, RemoteKind::kUser, 0, "Dee Ray <dee@example.com>",
        "no Directory user has this e-mail: a user will be created");
    add(kPerson, LinkStatus::kConflict, 5, RemoteKind::kUser, 4305, "Jon Doe <jon@example.com>",
        "e-mail matches user 4305 but first_name, employee_id differ: linked only when accepted")
        .differences = {{"first_name", "Jon", "John"}, {"employee_id", "E-5", ""}};
    add(kPerson, LinkStatus::kDuplicate, 7, RemoteKind::kUser, 0, "Eve Fox <eve@example.com>",
        "shares its e-mail with person 9: nothing is written until resolved")
        .duplicate_local_ids = {9};
    add(kPerson, LinkStatus::kDuplicate, 8, RemoteKind::kUser, 0, "Gil Hart <gil@example.com>",
        "2 Directory records match this e-mail or employee ID (user 5, contact 8): link one by "
        "hand")
        .duplicate_remote_ids = {5, 8};
    add(kPerson, LinkStatus::kSuggestion, 10, RemoteKind::kContact, 77,
        "Bob Smith <bob@example.com>", "possibly the same person as contact 77 (score 0.90)")
        .suggestion = Suggestion{10, RemoteKind::kContact, 77, 0.9,
                                 {"first name Bob is a nickname of Robert", "last name equal",
                                  "mobile phone equal"}};
    add(kPerson, LinkStatus::kDirectoryOnly, 0, RemoteKind::kUser, 500,
        "Sam Lee <sam@example.com>", "not in crewsync; one-way sync does not import it");
    add(kProject, LinkStatus::kWouldCreate, 0, RemoteKind::kProject, 900,
        "2024-017 Riverside Clinic", "not in crewsync: it will be imported");
    add(kProject, LinkStatus::kConflict, 3, RemoteKind::kProject, 901, "2024-018 Harbor Yard",
        "project number matches Procore project 901 but name differs")
        .differences = {{"name", "Harbor Yard", "Harbour Yard"}};
    r.counts = {.linked = 2,
                .would_link = 1,
                .would_create = 2,
                .conflicts = 2,
                .duplicates = 2,
                .suggestions = 1,
                .directory_only = 1,
                .out_of_scope = 0,
                .inactive_left_out = 0};
    return r;
}

Rows ParseCsv(const std::string& text, std::vector<std::string>* header) {
    const Result<csv::Table> table = csv::Parse(text);
    EXPECT_TRUE(table.has_value()) << table.error().ToString();
    if (!table) return {};
    *header = table->header.values;
    Rows rows;
    for (const csv::Record& record : table->rows) rows.push_back(record.values);
    return rows;
}

bool HasTrailingBlank(const std::string& text) {
    return text.find(" \n") != std::string::npos || text.find("\t\n") != std::string::npos;
}

// --- link report: text ------------------------------------------------------------------------

TEST(ReportLinkText, SummaryThenOneBlockPerEntry) {
    EXPECT_EQ(LinkReportText(SampleReport()),
              "Link report: 2 linked, 1 would link, 2 would create, 2 conflicts, 2 duplicates, "
              "1 suggestion, 1 directory only, 0 out of scope, 0 inactive left out\n"
              "\n"
              "linked: person 2 Ben Ode <ben@example.com> ↔ Procore user 4302\n"
              "  type changed to user: contact 77 is retired\n"
              "would link: person 3 Cy Park <cy@example.com> ↔ Procore user 4303\n"
              "  e-mail matches and the other fields agree\n"
              "would create: person 4 Dee Ray <dee@example.com> → new Procore user\n"
              "  no Directory user has this e-mail: a user will be created\n"
              "conflict: person 5 Jon Doe <jon@example.com> ↔ Procore user 4305\n"
              "  e-mail matches user 4305 but first_name, employee_id differ: linked only when "
              "accepted\n"
              "  first_name: crewsync 'Jon', Directory 'John'\n"
              "  employee_id: crewsync 'E-5', Directory ''\n"
              "duplicate: person 7 Eve Fox <eve@example.com>\n"
              "  shares its e-mail with person 9: nothing is written until resolved\n"
              "  shares its key with person 9\n"
              "duplicate: person 8 Gil Hart <gil@example.com>\n"
              "  2 Directory records match this e-mail or employee ID (user 5, contact 8): link "
              "one by hand\n"
              "  Procore records competing for it: 5, 8\n"
              "suggestion: person 10 Bob Smith <bob@example.com> ↔ Procore contact 77\n"
              "  possibly the same person as contact 77 (score 0.90)\n"
              "  score 0.90: first name Bob is a nickname of Robert; last name equal; mobile "
              "phone equal\n"
              "directory only: Procore user 500 Sam Lee <sam@example.com>\n"
              "  not in crewsync; one-way sync does not import it\n"
              "would create: Procore project 900 2024-017 Riverside Clinic → new crewsync project\n"
              "  not in crewsync: it will be imported\n"
              "conflict: project 3 2024-018 Harbor Yard ↔ Procore project 901\n"
              "  project number matches Procore project 901 but name differs\n"
              "  name: crewsync 'Harbor Yard', Procore 'Harbour Yard'\n"
              "\n"
              "Not listed: 1 linked record with nothing to report.\n");
}

TEST(ReportLinkText, EmptyReportIsTheSummaryAlone) {
    EXPECT_EQ(LinkReportText(LinkReport{}),
              "Link report: 0 linked, 0 would link, 0 would create, 0 conflicts, 0 duplicates, "
              "0 suggestions, 0 directory only, 0 out of scope, 0 inactive left out\n");
}

TEST(ReportLinkText, LinkedRecordsWithDetailsAreListedAndQuietOnesCounted) {
    LinkReport r;
    for (std::int64_t id = 1; id <= 3; ++id) {
        LinkEntry e;
        e.status = LinkStatus::kLinked;
        e.local_id = id;
        e.remote_id = 100 + id;
        e.label = "P" + std::to_string(id);
        r.entries.push_back(e);
    }
    // Linked, but differing: still worth reading.
    r.entries[1].differences = {{"job_title", "Foreman", "Lead"}};
    r.counts.linked = 3;
    EXPECT_EQ(LinkReportText(r),
              "Link report: 3 linked, 0 would link, 0 would create, 0 conflicts, 0 duplicates, "
              "0 suggestions, 0 directory only, 0 out of scope, 0 inactive left out\n"
              "\n"
              "linked: person 2 P2 ↔ Procore user 102\n"
              "  job_title: crewsync 'Foreman', Directory 'Lead'\n"
              "\n"
              "Not listed: 2 linked records with nothing to report.\n");
}

TEST(ReportLinkText, ValuesStayOnTheirLineAndNoLineEndsInABlank) {
    LinkReport r;
    LinkEntry e;
    e.status = LinkStatus::kConflict;
    e.local_id = 4;
    e.remote_id = 9;
    e.label = "Ann\nLee ";  // a line break and a trailing blank, as a sloppy import leaves them
    e.reason = "first_name differs ";
    e.differences = {{"first_name", "Ann\r\nMarie", "Ann "}};
    r.entries.push_back(e);
    r.counts.conflicts = 1;
    const std::string text = LinkReportText(r);
    EXPECT_THAT(text,
                ::testing::HasSubstr("conflict: person 4 Ann Lee ↔ Procore user 9\n"
                                     "  first_name differs\n"
                                     "  first_name: crewsync 'Ann  Marie', Directory 'Ann '\n"));
    EXPECT_FALSE(HasTrailingBlank(text)) << text;
}

// --- link report: CSV and JSON ----------------------------------------------------------------

TEST(ReportLinkCsv, OneRowPerEntryThatParsesBack) {
    const std::string text = LinkReportCsv(SampleReport());
    EXPECT_TRUE(text.ends_with("\r\n"));
    std::vector<std::string> header;
    const Rows rows = ParseCsv(text, &header);
    EXPECT_THAT(header, ElementsAre("entry", "status", "local_kind", "local_id", "remote_kind",
                                    "remote_id", "label", "reason", "differences",
                                    "duplicate_local_ids", "duplicate_remote_ids",
                                    "suggestion_score", "suggestion_reasons"));
    ASSERT_EQ(rows.size(), 11u);  // linked entries with nothing to say are rows too
    EXPECT_THAT(rows[0], ElementsAre("1", "linked", "person", "1", "user", "4301",
                                     "Ann Lee <ann@example.com>", "", "", "", "", "", ""));
    EXPECT_THAT(rows[3], ElementsAre("4", "would create", "person", "4", "user", "",
                                     "Dee Ray <dee@example.com>",
                                     "no Directory user has this e-mail: a user will be created",
                                     "", "", "", "", ""));
    EXPECT_EQ(rows[4][1], "conflict");
    EXPECT_EQ(rows[4][8],
              "first_name: crewsync 'Jon', Directory 'John'; employee_id: crewsync 'E-5', "
              "Directory ''");
    EXPECT_EQ(rows[5][9], "9");
    EXPECT_EQ(rows[6][10], "5, 8");
    EXPECT_EQ(rows[7][11], "0.90");
    EXPECT_EQ(rows[7][12],
              "first name Bob is a nickname of Robert; last name equal; mobile phone equal");
    EXPECT_THAT(rows[8], ElementsAre("9", "directory only", "person", "", "user", "500",
                                     "Sam Lee <sam@example.com>",
                                     "not in crewsync; one-way sync does not import it", "", "",
                                     "", "", ""));
    EXPECT_EQ(rows[9][2], "project");
    EXPECT_EQ(rows[9][4], "project");
    EXPECT_EQ(rows[10][8], "name: crewsync 'Harbor Yard', Procore 'Harbour Yard'");
}

TEST(ReportLinkCsv, EmptyReportIsTheHeaderAlone) {
    EXPECT_EQ(LinkReportCsv(LinkReport{}),
              "entry,status,local_kind,local_id,remote_kind,remote_id,label,reason,differences,"
              "duplicate_local_ids,duplicate_remote_ids,suggestion_score,suggestion_reasons\r\n");
}

TEST(ReportLinkJson, HoldsEveryFieldOfEveryEntry) {
    const nlohmann::json j = LinkReportJson(SampleReport());
    EXPECT_EQ(j["counts"],
              nlohmann::json({{"linked", 2}, {"would_link", 1}, {"would_create", 2},
                              {"conflicts", 2}, {"duplicates", 2}, {"suggestions", 1},
                              {"directory_only", 1}, {"out_of_scope", 0},
                              {"inactive_left_out", 0}}));
    ASSERT_EQ(j["entries"].size(), 11u);
    nlohmann::json conflict = nlohmann::json::parse(R"J({
        "status": "conflict", "local_kind": "person", "local_id": 5,
        "remote_kind": "user", "remote_id": 4305, "label": "Jon Doe <jon@example.com>",
        "differences": [{"field": "first_name", "local": "Jon", "remote": "John"},
                        {"field": "employee_id", "local": "E-5", "remote": ""}],
        "duplicate_local_ids": [], "duplicate_remote_ids": [], "suggestion": null})J");
    conflict["reason"] =
        "e-mail matches user 4305 but first_name, employee_id differ: linked only when accepted";
    EXPECT_EQ(j["entries"][4], conflict);
    EXPECT_EQ(j["entries"][3]["remote_id"], nullptr);
    EXPECT_EQ(j["entries"][5]["duplicate_local_ids"], nlohmann::json({9}));
    EXPECT_EQ(j["entries"][6]["duplicate_remote_ids"], nlohmann::json({5, 8}));
    EXPECT_EQ(j["entries"][7]["suggestion"],
              nlohmann::json::parse(R"J({"person_id": 10, "remote_kind": "contact",
                  "remote_id": 77, "score": 0.9,
                  "reasons": ["first name Bob is a nickname of Robert", "last name equal",
                              "mobile phone equal"]})J"));
    EXPECT_EQ(j["entries"][8]["status"], "directory only");
    EXPECT_EQ(j["entries"][8]["local_id"], nullptr);
    EXPECT_EQ(j["entries"][9]["local_kind"], "project");
    EXPECT_EQ(j["entries"][9]["remote_kind"], "project");
}

// --- plan -------------------------------------------------------------------------------------

FieldChange Change(std::string field, std::string before, std::string after) {
    return {std::move(field), std::move(before), std::move(after), false, std::nullopt};
}

FieldChange Reset(std::string field, std::string before, std::string after) {
    FieldChange c = Change(std::move(field), std::move(before), std::move(after));
    c.reset = true;
    return c;
}

Plan SamplePlan() {
    Plan p;
    auto add = [&](OperationKind kind, LocalKind lk, std::int64_t local_id, RemoteKind rk,
                   sync::ProcoreId remote_id, std::string label) -> Operation& {
        Operation op;
        op.kind = kind;
        op.local_kind = lk;
        op.local_id = local_id;
        op.remote_kind = rk;
        op.remote_id = remote_id;
        op.label = std::move(label);
        return p.operations.emplace_back(std::move(op));
    };
    const auto kPerson = LocalKind::kPerson;
    Operation& create = add(OperationKind::kCreateUser, kPerson, 12, RemoteKind::kUser, 0,
                            "Jane Doe <jane@example.com>");
    create.reason = "no Directory user has this e-mail: a user will be created";
    create.changes = {Change("first_name", "", "Jane"), Change("last_name", "", "Doe"),
                      Change("email", "", "jane@example.com")};
    create.origin_id = "crewsync:person:12";
    create.permission_template_id = 7;
    add(OperationKind::kUpdateRemote, kPerson, 13, RemoteKind::kUser, 4313,
        "Jon Roe <jon@example.com>")
        .changes = {Reset("job_title", "Lead", "Foreman"),
                    Change("mobile_phone", "", "+1 555 0100")};
    add(OperationKind::kUpdateLocal, kPerson, 14, RemoteKind::kUser, 4314,
        "Kim Yu <kim@example.com>")
        .changes = {{"last_name", "Yu", "Yoo", false,
                     ConflictResolution{"Yu", "Yoo", "procore",
                                        "newest wins (Procore changed later)"}}};
    Operation& deactivate =
        add(OperationKind::kDeactivateRemote, kPerson, 15, RemoteKind::kContact, 4315, "Lou Ng");
    deactivate.reason = "person deactivated in crewsync";
    deactivate.changes = {Change("status", "active", "inactive")};
    add(OperationKind::kLink, kPerson, 16, RemoteKind::kUser, 4316, "Mo Ali <mo@example.com>")
        .link_origin = LinkOrigin::kAccepted;
    add(OperationKind::kImportProject, LocalKind::kProject, 0, RemoteKind::kProject, 900,
        "2024-017 Riverside Clinic")
        .changes = {Change("name", "", "Riverside Clinic")};
    add(OperationKind::kCreateProject, LocalKind::kProject, 7, RemoteKind::kProject, 0,
        "2024-020 Depot")
        .origin_id = "crewsync:project:7";
    p.counts = {.links = 1,
                .creates = 2,
                .updates = 1,
                .resets = 1,
                .deactivations = 1,
                .reactivations = 0,
                .local_updates = 1,
                .imports = 1,
                .conflicts = 1,
                .unchanged = 40,
                .skipped = 3};
    p.linked_records = 44;
    sync::PersonBaseline person;
    person.person_id = 12;
    person.type = PersonType::kBoth;
    person.values = {"Jane", "Doe", "jane@example.com", "E-12", "", "Foreman", "active", "yes"};
    p.person_baselines = {person, person};
    p.person_baselines[1].person_id = 13;
    p.person_baselines[1].remote_id = 4313;
    sync::ProjectBaseline project;
    project.remote_id = 900;
    project.values = {"Riverside Clinic", "2024-017", "active", "2024-03-01", "", "1 River Rd",
                      "Springfield", "12345", "America/Chicago"};
    p.project_baselines = {project};
    return p;
}

TEST(ReportPlanText, SummaryThenOneLinePerOperationWithItsFields) {
    EXPECT_EQ(PlanText(SamplePlan()),
              "Plan: 1 link, 2 creates, 1 update, 1 reset, 1 deactivation, 0 reactivations, "
              "1 crewsync update, 1 import, 1 conflict, 40 unchanged, 3 skipped\n"
              "\n"
              "create user      person 12 Jane Doe <jane@example.com>  (permission template 7, "
              "origin id 'crewsync:person:12')\n"
              "  no Directory user has this e-mail: a user will be created\n"
              "  first_name: '' → 'Jane'\n"
              "  last_name: '' → 'Doe'\n"
              "  email: '' → 'jane@example.com'\n"
              "update           person 13 Jon Roe <jon@example.com> ↔ Procore user 4313\n"
              "  job_title: 'Lead' → 'Foreman'  (reset: the Directory had 'Lead')\n"
              "  mobile_phone: '' → '+1 555 0100'\n"
              "update crewsync  person 14 Kim Yu <kim@example.com> ↔ Procore user 4314\n"
              "  last_name: 'Yu' → 'Yoo'  (conflict: crewsync 'Yu', Directory 'Yoo'; settled for "
              "Procore: newest wins (Procore changed later))\n"
              "deactivate       person 15 Lou Ng ↔ Procore contact 4315\n"
              "  person deactivated in crewsync\n"
              "  status: 'active' → 'inactive'\n"
              "link             person 16 Mo Ali <mo@example.com> ↔ Procore user 4316  "
              "(accepted)\n"
              "import project   Procore project 900 2024-017 Riverside Clinic\n"
              "  name: '' → 'Riverside Clinic'\n"
              "create project   project 7 2024-020 Depot  (origin id 'crewsync:project:7')\n"
              "\n"
              "Last-synced values to record: 2 people, 1 project.\n");
}

TEST(ReportPlanText, EmptyPlanSaysSo) {
    EXPECT_EQ(PlanText(Plan{}),
              "Plan: 0 links, 0 creates, 0 updates, 0 resets, 0 deactivations, 0 reactivations, "
              "0 crewsync updates, 0 imports, 0 conflicts, 0 unchanged, 0 skipped\n"
              "\n"
              "No operations.\n");
}

TEST(ReportPlanText, NewUserWithoutTemplateAndProjectResetAndCrewsyncWinner) {
    Plan p;
    Operation create;
    create.kind = OperationKind::kCreateUser;
    create.local_id = 3;
    create.label = "Al Bo ";
    p.operations.push_back(create);
    Operation project;
    project.kind = OperationKind::kUpdateRemote;
    project.local_kind = LocalKind::kProject;
    project.local_id = 5;
    project.remote_kind = RemoteKind::kProject;
    project.remote_id = 905;
    project.label = "P-5 Yard";
    project.changes = {Reset("city", "Springfeld", "Springfield"),
                       {"name", "Yrd", "Yard", false,
                        ConflictResolution{"Yard", "Yrd", "crewsync", "crewsync wins"}}};
    p.operations.push_back(project);
    p.counts.creates = 1;
    p.counts.updates = 1;
    const std::string text = PlanText(p);
    EXPECT_THAT(text, ::testing::HasSubstr(
                          "\ncreate user      person 3 Al Bo  (no permission template)\n"
                          "update           project 5 P-5 Yard ↔ Procore project 905\n"
                          "  city: 'Springfeld' → 'Springfield'  (reset: Procore had "
                          "'Springfeld')\n"
                          "  name: 'Yrd' → 'Yard'  (conflict: crewsync 'Yard', Procore 'Yrd'; "
                          "settled for crewsync: crewsync wins)\n"));
    EXPECT_FALSE(HasTrailingBlank(text)) << text;
}

TEST(ReportPlanCsv, OneRowPerFieldChangeAndOnePerOperationWithout) {
    std::vector<std::string> header;
    const Rows rows = ParseCsv(PlanCsv(SamplePlan()), &header);
    EXPECT_THAT(header, ElementsAre("operation", "kind", "local_kind", "local_id", "remote_kind",
                                    "remote_id", "label", "reason", "permission_template_id",
                                    "origin_id", "link_origin", "field", "before", "after",
                                    "reset", "conflict_crewsync", "conflict_procore",
                                    "conflict_winner", "conflict_rule"));
    ASSERT_EQ(rows.size(), 10u);  // 3 + 2 + 1 + 1 changes, and one row each for link and create
    EXPECT_THAT(rows[0], ElementsAre("1", "create user", "person", "12", "user", "",
                                     "Jane Doe <jane@example.com>",
                                     "no Directory user has this e-mail: a user will be created",
                                     "7", "crewsync:person:12", "", "first_name", "", "Jane",
                                     "no", "", "", "", ""));
    EXPECT_EQ(rows[2][0], "1");
    EXPECT_EQ(rows[2][11], "email");
    EXPECT_THAT(rows[3], ElementsAre("2", "update", "person", "13", "user", "4313",
                                     "Jon Roe <jon@example.com>", "", "", "", "", "job_title",
                                     "Lead", "Foreman", "yes", "", "", "", ""));
    EXPECT_THAT(rows[5], ElementsAre("3", "update crewsync", "person", "14", "user", "4314",
                                     "Kim Yu <kim@example.com>", "", "", "", "", "last_name", "Yu",
                                     "Yoo", "no", "Yu", "Yoo", "procore",
                                     "newest wins (Procore changed later)"));
    EXPECT_THAT(rows[7], ElementsAre("5", "link", "person", "16", "user", "4316",
                                     "Mo Ali <mo@example.com>", "", "", "", "accepted", "", "", "",
                                     "", "", "", "", ""));
    EXPECT_THAT(rows[8], ElementsAre("6", "import project", "project", "", "project", "900",
                                     "2024-017 Riverside Clinic", "", "", "", "", "name", "",
                                     "Riverside Clinic", "no", "", "", "", ""));
    EXPECT_EQ(rows[9][0], "7");
    EXPECT_EQ(rows[9][9], "crewsync:project:7");
    EXPECT_EQ(rows[9][11], "");
}

TEST(ReportPlanJson, HoldsOperationsConflictsAndBaselines) {
    const nlohmann::json j = PlanJson(SamplePlan());
    EXPECT_EQ(j["counts"], nlohmann::json({{"links", 1}, {"creates", 2}, {"updates", 1},
                                           {"resets", 1}, {"deactivations", 1},
                                           {"reactivations", 0}, {"local_updates", 1},
                                           {"imports", 1}, {"conflicts", 1}, {"unchanged", 40},
                                           {"skipped", 3}}));
    EXPECT_EQ(j["linked_records"], 44);
    ASSERT_EQ(j["operations"].size(), 7u);
    EXPECT_EQ(j["operations"][0], nlohmann::json::parse(R"J({
        "kind": "create user", "local_kind": "person", "local_id": 12, "remote_kind": "user",
        "remote_id": null, "label": "Jane Doe <jane@example.com>",
        "reason": "no Directory user has this e-mail: a user will be created",
        "changes": [
            {"field": "first_name", "before": "", "after": "Jane", "reset": false,
             "conflict": null},
            {"field": "last_name", "before": "", "after": "Doe", "reset": false, "conflict": null},
            {"field": "email", "before": "", "after": "jane@example.com", "reset": false,
             "conflict": null}],
        "origin_id": "crewsync:person:12", "permission_template_id": 7, "link_origin": null})J"));
    EXPECT_EQ(j["operations"][1]["changes"][0]["reset"], true);
    EXPECT_EQ(j["operations"][1]["permission_template_id"], nullptr);
    EXPECT_EQ(j["operations"][2]["kind"], "update crewsync");
    EXPECT_EQ(j["operations"][2]["changes"][0]["conflict"],
              nlohmann::json::parse(R"J({"local": "Yu", "remote": "Yoo", "winner": "procore",
                                        "rule": "newest wins (Procore changed later)"})J"));
    EXPECT_EQ(j["operations"][3]["remote_kind"], "contact");
    EXPECT_EQ(j["operations"][3]["reason"], "person deactivated in crewsync");
    EXPECT_EQ(j["operations"][4]["kind"], "link");
    EXPECT_EQ(j["operations"][4]["link_origin"], "accepted");
    EXPECT_EQ(j["operations"][5]["local_id"], nullptr);
    EXPECT_EQ(j["operations"][5]["remote_id"], 900);
    ASSERT_EQ(j["person_baselines"].size(), 2u);
    EXPECT_EQ(j["person_baselines"][0], nlohmann::json::parse(R"J({
        "person_id": 12, "type": "both", "remote_kind": "user", "remote_id": null,
        "values": {"first_name": "Jane", "last_name": "Doe", "email": "jane@example.com",
                   "employee_id": "E-12", "mobile_phone": "", "job_title": "Foreman",
                   "status": "active", "is_employee": "yes"}})J"));
    EXPECT_EQ(j["person_baselines"][1]["remote_id"], 4313);
    EXPECT_EQ(j["project_baselines"], nlohmann::json::parse(R"J([{
        "project_id": null, "remote_id": 900,
        "values": {"name": "Riverside Clinic", "project_number": "2024-017", "status": "active",
                   "start_date": "2024-03-01", "planned_end_date": "", "address": "1 River Rd",
                   "city": "Springfield", "postal_code": "12345",
                   "time_zone": "America/Chicago"}}])J"));
}

TEST(ReportPlanJson, EmptyPlanHasEmptyArrays) {
    const nlohmann::json j = PlanJson(Plan{});
    EXPECT_EQ(j["operations"], nlohmann::json::array());
    EXPECT_EQ(j["person_baselines"], nlohmann::json::array());
    EXPECT_EQ(j["project_baselines"], nlohmann::json::array());
    EXPECT_EQ(j["linked_records"], 0);
}

// --- mass-change guard ------------------------------------------------------------------------

TEST(ReportGuard, TextAndJson) {
    sync::GuardDecision blocked{.blocked = true,
                                .affected = 30,
                                .linked = 120,
                                .limit = 25,
                                .message = "re-run with --approve-mass-change to go ahead"};
    EXPECT_EQ(GuardText(blocked),
              "Mass-change guard: 30 of 120 linked records would be deactivated or changed, "
              "limit 25: blocked, nothing is written without approval\n"
              "  re-run with --approve-mass-change to go ahead\n");
    EXPECT_EQ(GuardJson(blocked), nlohmann::json::parse(R"J({"blocked": true, "affected": 30,
        "linked": 120, "limit": 25,
        "message": "re-run with --approve-mass-change to go ahead"})J"));
    const sync::GuardDecision fine{
        .blocked = false, .affected = 2, .linked = 1, .limit = 25, .message = ""};
    EXPECT_EQ(GuardText(fine),
              "Mass-change guard: 2 of 1 linked record would be deactivated or changed, limit 25: "
              "within the limit\n");
}

}  // namespace
}  // namespace crewsync::report
