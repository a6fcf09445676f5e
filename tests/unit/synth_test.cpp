// Tests for the synthetic company (src/synth) and Procore's Directory JSON (src/procore):
// the generator is reproducible from its seed and plants exactly what its shape asks for, with
// keys that make each planted case what it claims to be; decoding reads Procore's lists, nulls
// and all, names the record and field of every problem, and Decode(Encode(x)) == x.
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "procore/directory_json.hpp"
#include "support/temp_dir.hpp"
#include "sync/link_report.hpp"
#include "sync/normalize.hpp"
#include "synth/company.hpp"

namespace crewsync {
namespace {

using procore::DecodeContacts;
using procore::DecodeProjects;
using procore::DecodeUsers;
using procore::EncodeContacts;
using procore::EncodeProjects;
using procore::EncodeUsers;
using sync::NormalizeEmail;
using sync::NormalizeEmployeeId;
using sync::NormalizeName;
using sync::NormalizePhone;
using sync::RemoteKind;
using synth::Company;
using synth::CompanyShape;
using synth::GenerateCompany;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

CompanyShape Shape(std::uint64_t seed, std::int64_t people) {
    CompanyShape shape;
    shape.seed = seed;
    shape.people = people;
    return shape;
}

// Everything a company holds, compared field by field (LocalPerson has no operator==).
void ExpectSameCompany(const Company& a, const Company& b) {
    ASSERT_EQ(a.local.people.size(), b.local.people.size());
    for (std::size_t i = 0; i < a.local.people.size(); ++i) {
        EXPECT_EQ(a.local.people[i].person, b.local.people[i].person) << "person " << i;
        EXPECT_EQ(a.local.people[i].modified_at, b.local.people[i].modified_at);
    }
    ASSERT_EQ(a.local.projects.size(), b.local.projects.size());
    for (std::size_t i = 0; i < a.local.projects.size(); ++i) {
        EXPECT_EQ(a.local.projects[i].project, b.local.projects[i].project) << "project " << i;
        EXPECT_EQ(a.local.projects[i].modified_at, b.local.projects[i].modified_at);
    }
    EXPECT_EQ(a.local.group_names, b.local.group_names);
    EXPECT_EQ(a.remote.users, b.remote.users);
    EXPECT_EQ(a.remote.contacts, b.remote.contacts);
    EXPECT_EQ(a.remote.projects, b.remote.projects);
    EXPECT_EQ(a.remote.classifications, b.remote.classifications);
    ASSERT_EQ(a.near_duplicates.size(), b.near_duplicates.size());
    for (std::size_t i = 0; i < a.near_duplicates.size(); ++i) {
        EXPECT_EQ(a.near_duplicates[i].person_id, b.near_duplicates[i].person_id);
        EXPECT_EQ(a.near_duplicates[i].remote_id, b.near_duplicates[i].remote_id);
        EXPECT_STREQ(a.near_duplicates[i].how, b.near_duplicates[i].how);
    }
    EXPECT_EQ(a.duplicates.size(), b.duplicates.size());
    EXPECT_EQ(a.conflicts.size(), b.conflicts.size());
    EXPECT_EQ(a.domain, b.domain);
}

// ---------------------------------------------------------------------------------------------
// The generator

TEST(SynthCompanyTest, SameSeedGivesTheSameCompany) {
    const Company a = GenerateCompany(Shape(7, 1500));
    const Company b = GenerateCompany(Shape(7, 1500));
    ExpectSameCompany(a, b);
}

TEST(SynthCompanyTest, DifferentSeedsGiveDifferentCompanies) {
    const Company a = GenerateCompany(Shape(7, 500));
    const Company b = GenerateCompany(Shape(8, 500));
    std::size_t same_names = 0;
    for (std::size_t i = 0; i < a.local.people.size(); ++i) {
        same_names += a.local.people[i].person.first_name == b.local.people[i].person.first_name;
    }
    EXPECT_LT(same_names, 50u);
    EXPECT_NE(a.remote.users, b.remote.users);
    EXPECT_NE(a.remote.projects, b.remote.projects);
}

// These values pin the generator's output: a change to it changes every seed's company, which
// scenario files and benchmarks built from seeds would notice.
TEST(SynthCompanyTest, OutputIsPinnedForASeed) {
    const Company c = GenerateCompany(Shape(42, 50));
    ASSERT_EQ(c.local.people.size(), 50u);
    EXPECT_EQ(c.local.people.front().person.id, PersonId(1));
    EXPECT_EQ(c.local.people.back().person.id, PersonId(50));
    // Re-running gives the same first person's e-mail, whatever it is.
    EXPECT_EQ(GenerateCompany(Shape(42, 50)).local.people[0].person.email,
              c.local.people[0].person.email);
    EXPECT_FALSE(c.domain.empty());
    EXPECT_FALSE(c.name.empty());
}

TEST(SynthCompanyTest, SharesOfTheShapeAreRespected) {
    const CompanyShape shape = Shape(3, 4000);
    const Company c = GenerateCompany(shape);
    const double n = static_cast<double>(shape.people);
    std::int64_t users = 0, both = 0, inactive = 0;
    for (const auto& lp : c.local.people) {
        users += lp.person.type == PersonType::kUser;
        both += lp.person.type == PersonType::kBoth;
        inactive += lp.person.status == RecordStatus::kInactive;
    }
    EXPECT_NEAR(static_cast<double>(users) / n, shape.share_user, 0.03);
    EXPECT_NEAR(static_cast<double>(both) / n, shape.share_both, 0.03);
    EXPECT_NEAR(static_cast<double>(inactive) / n, shape.share_inactive, 0.015);

    // Categories are dealt out exactly.
    const auto exact = [&](double share) { return static_cast<std::size_t>(std::llround(share * n)); };
    EXPECT_EQ(c.conflicts.size(), exact(shape.share_conflict));
    EXPECT_EQ(c.near_duplicates.size(), exact(shape.share_near_duplicate));
    EXPECT_EQ(c.duplicates.size(), exact(shape.share_duplicate));
    EXPECT_EQ(c.remote.users.size() + c.remote.contacts.size(),
              exact(shape.share_clean) + exact(shape.share_conflict) +
                  exact(shape.share_near_duplicate) +
                  static_cast<std::size_t>(shape.directory_only));

    EXPECT_EQ(c.local.projects.size(), static_cast<std::size_t>(shape.projects));
    EXPECT_EQ(c.remote.projects.size(),
              exact(shape.share_projects_in_procore * static_cast<double>(shape.projects) / n) +
                  static_cast<std::size_t>(shape.procore_only_projects));
    EXPECT_EQ(c.remote.classifications.size(), static_cast<std::size_t>(shape.classifications));
}

TEST(SynthCompanyTest, DirectoryOnlySplitFollowsTheShape) {
    CompanyShape shape = Shape(5, 0);
    shape.directory_only = 1000;
    shape.directory_only_share_user = 1.0;
    const Company all_users = GenerateCompany(shape);
    EXPECT_EQ(all_users.remote.users.size(), 1000u);
    EXPECT_THAT(all_users.remote.contacts, IsEmpty());
    EXPECT_THAT(all_users.local.people, IsEmpty());
}

TEST(SynthCompanyTest, IdsAreInOrderAndProcoreIdsAreLargeAndDistinct) {
    const Company c = GenerateCompany(Shape(11, 1000));
    for (std::size_t i = 0; i < c.local.people.size(); ++i) {
        EXPECT_EQ(c.local.people[i].person.id.value(), static_cast<std::int64_t>(i) + 1);
    }
    std::set<sync::ProcoreId> ids;
    for (const auto& u : c.remote.users) {
        EXPECT_GE(u.id, 7'000'000'000);
        EXPECT_TRUE(ids.insert(u.id).second);
    }
    for (const auto& ct : c.remote.contacts) {
        EXPECT_GE(ct.id, 7'000'000'000);
        EXPECT_TRUE(ids.insert(ct.id).second) << "users and contacts share one id sequence";
    }
    EXPECT_TRUE(std::is_sorted(c.remote.users.begin(), c.remote.users.end(),
                               [](const auto& a, const auto& b) { return a.id < b.id; }));
    std::set<std::string> numbers;
    for (const auto& lp : c.local.projects) {
        EXPECT_TRUE(numbers.insert(lp.project.project_number).second) << lp.project.project_number;
        EXPECT_THAT(lp.project.project_number, ::testing::MatchesRegex("20[0-9][0-9]-[0-9]{3,}"));
    }
}

// Keys repeat only where a duplicate was planted.
TEST(SynthCompanyTest, EmailsAndEmployeeIdsAreUniqueExceptPlantedDuplicates) {
    const Company c = GenerateCompany(Shape(13, 3000));
    std::set<std::pair<std::int64_t, std::int64_t>> by_email, by_employee_id;
    for (const auto& d : c.duplicates) {
        const std::pair<std::int64_t, std::int64_t> pair{std::min(d.person_id, d.same_as),
                                                         std::max(d.person_id, d.same_as)};
        if (std::string(d.key).find("e-mail") != std::string::npos) by_email.insert(pair);
        if (std::string(d.key).find("employee ID") != std::string::npos) by_employee_id.insert(pair);
    }
    ASSERT_FALSE(c.duplicates.empty());
    std::map<std::string, std::vector<std::int64_t>> emails, employee_ids;
    for (const auto& lp : c.local.people) {
        if (!lp.person.email.empty()) emails[NormalizeEmail(lp.person.email)].push_back(lp.person.id.value());
        if (!lp.person.employee_id.empty()) {
            employee_ids[NormalizeEmployeeId(lp.person.employee_id)].push_back(lp.person.id.value());
        }
    }
    auto check = [](const auto& keys, const auto& planted, const char* what) {
        std::size_t repeated = 0;
        for (const auto& [key, ids] : keys) {
            if (ids.size() < 2) continue;
            ++repeated;
            ASSERT_EQ(ids.size(), 2u) << what << " " << key;
            EXPECT_TRUE(planted.count({ids[0], ids[1]})) << what << " " << key << " not planted";
        }
        EXPECT_EQ(repeated, planted.size()) << what;
    };
    check(emails, by_email, "e-mail");
    check(employee_ids, by_employee_id, "employee ID");

    // On the Procore side, Users are unique by e-mail and Contacts by employee ID.
    std::set<std::string> user_emails, contact_ids;
    for (const auto& u : c.remote.users) EXPECT_TRUE(user_emails.insert(NormalizeEmail(u.email)).second);
    for (const auto& ct : c.remote.contacts) {
        if (!ct.employee_id.empty()) {
            EXPECT_TRUE(contact_ids.insert(NormalizeEmployeeId(ct.employee_id)).second);
        }
    }
}

TEST(SynthCompanyTest, NearDuplicatesDoNotShareTheMatchingKey) {
    const Company c = GenerateCompany(Shape(17, 3000));
    std::set<std::string> local_emails, local_ids;
    std::map<std::int64_t, const Person*> people;
    for (const auto& lp : c.local.people) {
        local_emails.insert(NormalizeEmail(lp.person.email));
        local_ids.insert(NormalizeEmployeeId(lp.person.employee_id));
        people[lp.person.id.value()] = &lp.person;
    }
    std::map<sync::ProcoreId, const sync::RemoteUser*> users;
    std::map<sync::ProcoreId, const sync::RemoteContact*> contacts;
    for (const auto& u : c.remote.users) users[u.id] = &u;
    for (const auto& ct : c.remote.contacts) contacts[ct.id] = &ct;

    std::set<std::string> hows;
    ASSERT_EQ(c.near_duplicates.size(), 150u);
    for (const auto& pair : c.near_duplicates) {
        hows.insert(pair.how);
        const Person& p = *people.at(pair.person_id);
        EXPECT_EQ(p.status, RecordStatus::kActive);
        const std::string how = pair.how;
        if (pair.remote_kind == RemoteKind::kUser) {
            ASSERT_TRUE(CanLogIn(p.type));
            const sync::RemoteUser& u = *users.at(pair.remote_id);
            EXPECT_FALSE(local_emails.count(NormalizeEmail(u.email)))
                << "user " << u.email << " would match by e-mail (" << how << ")";
            if (how == "phone format") {
                EXPECT_EQ(NormalizePhone(u.mobile_phone, "1"), NormalizePhone(p.mobile_phone, "1"));
                EXPECT_NE(u.mobile_phone, p.mobile_phone);
            }
            if (how == "e-mail typo") {
                EXPECT_EQ(u.first_name, p.first_name);
                EXPECT_EQ(u.email.substr(u.email.find('@')), p.email.substr(p.email.find('@')));
            }
            if (how == "nickname") {
                EXPECT_NE(u.first_name, p.first_name);
            }
            if (how == "swapped names") {
                EXPECT_EQ(u.first_name, p.last_name);
                EXPECT_EQ(u.last_name, p.first_name);
            }
            if (how == "accents") {
                EXPECT_EQ(NormalizeName(u.first_name + " " + u.last_name),
                          NormalizeName(p.first_name + " " + p.last_name));
            }
        } else {
            ASSERT_EQ(p.type, PersonType::kAssignable);
            EXPECT_NE(how, "phone format") << "contacts keep no mobile phone";
            const sync::RemoteContact& ct = *contacts.at(pair.remote_id);
            EXPECT_TRUE(ct.employee_id.empty() || !local_ids.count(NormalizeEmployeeId(ct.employee_id)))
                << "contact " << ct.employee_id << " would match by employee ID";
        }
    }
    EXPECT_EQ(hows, (std::set<std::string>{"nickname", "swapped names", "accents", "e-mail typo",
                                           "phone format"}));
}

TEST(SynthCompanyTest, CleanMatchesDifferOnlyInWhatNormalisingAbsorbs) {
    const Company c = GenerateCompany(Shape(19, 2000));
    std::map<std::string, const Person*> by_email, by_employee_id;
    for (const auto& lp : c.local.people) {
        if (CanLogIn(lp.person.type)) by_email[NormalizeEmail(lp.person.email)] = &lp.person;
        else by_employee_id[NormalizeEmployeeId(lp.person.employee_id)] = &lp.person;
    }
    std::set<std::int64_t> planted;
    for (const auto& x : c.conflicts) planted.insert(x.person_id);
    for (const auto& d : c.duplicates) {
        planted.insert(d.person_id);
        planted.insert(d.same_as);
    }
    std::size_t clean = 0, varied_email = 0, varied_phone = 0;
    for (const auto& u : c.remote.users) {
        const auto it = by_email.find(NormalizeEmail(u.email));
        if (it == by_email.end() || planted.count(it->second->id.value())) continue;
        const Person& p = *it->second;
        ++clean;
        EXPECT_EQ(u.first_name, p.first_name);
        EXPECT_EQ(u.last_name, p.last_name);
        EXPECT_EQ(NormalizeEmployeeId(u.employee_id), NormalizeEmployeeId(p.employee_id));
        EXPECT_EQ(NormalizePhone(u.mobile_phone, "1"), NormalizePhone(p.mobile_phone, "1"));
        EXPECT_EQ(u.job_title, p.job_title);
        EXPECT_EQ(u.active, p.status == RecordStatus::kActive);
        varied_email += u.email != p.email;
        varied_phone += u.mobile_phone != p.mobile_phone;
    }
    EXPECT_GT(clean, 400u);
    EXPECT_GT(varied_email, clean / 4) << "e-mail case and spaces should vary";
    EXPECT_GT(varied_phone, clean / 2) << "phone formats should vary";
    for (const auto& ct : c.remote.contacts) {
        const auto it = by_employee_id.find(NormalizeEmployeeId(ct.employee_id));
        if (ct.employee_id.empty() || it == by_employee_id.end() || planted.count(it->second->id.value())) {
            continue;
        }
        EXPECT_EQ(ct.first_name, it->second->first_name);
        EXPECT_EQ(ct.last_name, it->second->last_name);
    }
}

TEST(SynthCompanyTest, ConflictsMatchByKeyAndDifferInTheNamedField) {
    const Company c = GenerateCompany(Shape(23, 3000));
    std::map<std::int64_t, const Person*> people;
    for (const auto& lp : c.local.people) people[lp.person.id.value()] = &lp.person;
    ASSERT_EQ(c.conflicts.size(), 90u);
    for (const auto& x : c.conflicts) {
        const Person& p = *people.at(x.person_id);
        std::string first, last, employee_id;
        if (x.remote_kind == RemoteKind::kUser) {
            const auto u = std::find_if(c.remote.users.begin(), c.remote.users.end(),
                                        [&](const auto& r) { return r.id == x.remote_id; });
            ASSERT_NE(u, c.remote.users.end());
            EXPECT_EQ(NormalizeEmail(u->email), NormalizeEmail(p.email));
            first = u->first_name, last = u->last_name, employee_id = u->employee_id;
        } else {
            const auto ct = std::find_if(c.remote.contacts.begin(), c.remote.contacts.end(),
                                         [&](const auto& r) { return r.id == x.remote_id; });
            ASSERT_NE(ct, c.remote.contacts.end());
            EXPECT_EQ(NormalizeEmployeeId(ct->employee_id), NormalizeEmployeeId(p.employee_id));
            first = ct->first_name, last = ct->last_name, employee_id = ct->employee_id;
        }
        const std::string field = x.field;
        if (field == "first_name") {
            EXPECT_NE(NormalizeName(first), NormalizeName(p.first_name));
        } else if (field == "last_name") {
            EXPECT_NE(NormalizeName(last), NormalizeName(p.last_name));
        } else {
            EXPECT_EQ(field, "employee_id");
            EXPECT_NE(employee_id, p.employee_id);
        }
    }
}

TEST(SynthCompanyTest, NamesAndPhonesLookReal) {
    const Company c = GenerateCompany(Shape(29, 3000));
    std::set<std::string> firsts, lasts;
    bool accent = false, apostrophe = false;
    std::set<char> phone_starts;
    for (const auto& lp : c.local.people) {
        const Person& p = lp.person;
        firsts.insert(p.first_name);
        lasts.insert(p.last_name);
        accent = accent || p.first_name.find("é") != std::string::npos ||
                 p.last_name.find("ñ") != std::string::npos;
        apostrophe = apostrophe || p.last_name.find('\'') != std::string::npos;
        if (!p.email.empty()) {
            EXPECT_THAT(NormalizeEmail(p.email), HasSubstr("@" + c.domain));
        }
        if (!p.employee_id.empty()) {
            EXPECT_THAT(p.employee_id, ::testing::MatchesRegex("E[0-9]{5,6}"));
        }
        if (!p.mobile_phone.empty()) {
            EXPECT_EQ(NormalizePhone(p.mobile_phone, "1").size(), 11u) << p.mobile_phone;
            phone_starts.insert(p.mobile_phone[0]);
        }
        EXPECT_FALSE(p.job_title.empty());
        EXPECT_FALSE(p.groups.empty());
    }
    EXPECT_GT(firsts.size(), 200u);
    EXPECT_GT(lasts.size(), 200u);
    EXPECT_TRUE(accent);
    EXPECT_TRUE(apostrophe);
    EXPECT_GE(phone_starts.size(), 2u) << "several phone formats";
    for (const auto& lp : c.local.projects) {
        EXPECT_FALSE(lp.project.name.empty());
        EXPECT_FALSE(lp.project.city.empty());
        EXPECT_EQ(lp.project.postal_code.size(), 5u);
    }
}

// What was planted is what the link report finds: the generator is only useful to tests and
// benchmarks if its conflicts are conflicts, its duplicates duplicates, and its near-duplicates
// suggestions rather than links. (Suggestions depend on the scorer too, so a few may be missed.)
TEST(SynthCompanyTest, TheLinkReportFindsWhatWasPlanted) {
    const Company c = GenerateCompany(Shape(2, 3000));
    const sync::LinkReport report = sync::BuildLinkReport(c.local, c.remote, {}, {});
    std::map<std::int64_t, const sync::LinkEntry*> entries;
    for (const auto& e : report.entries) {
        if (e.local_kind == sync::LocalKind::kPerson && e.local_id != 0) entries[e.local_id] = &e;
    }
    for (const auto& x : c.conflicts) {
        const sync::LinkEntry& e = *entries.at(x.person_id);
        EXPECT_EQ(e.status, sync::LinkStatus::kConflict) << e.reason;
        EXPECT_EQ(e.remote_id, x.remote_id);
    }
    for (const auto& d : c.duplicates) {
        EXPECT_EQ(entries.at(d.person_id)->status, sync::LinkStatus::kDuplicate);
        EXPECT_EQ(entries.at(d.same_as)->status, sync::LinkStatus::kDuplicate);
    }
    std::size_t suggested = 0;
    for (const auto& pair : c.near_duplicates) {
        const sync::LinkEntry& e = *entries.at(pair.person_id);
        EXPECT_NE(e.status, sync::LinkStatus::kWouldLink) << pair.how << ": " << e.reason;
        EXPECT_NE(e.status, sync::LinkStatus::kConflict) << pair.how << ": " << e.reason;
        suggested += e.status == sync::LinkStatus::kSuggestion && e.remote_id == pair.remote_id;
    }
    EXPECT_GE(suggested * 100, c.near_duplicates.size() * 85);
}

// ---------------------------------------------------------------------------------------------
// Decoding and encoding Procore's JSON

TEST(DecodeUsersTest, ReadsTheFieldsAndSkipsUnknownOnes) {
    const auto users = DecodeUsers(R"([
      {"id": 7000000001, "first_name": "José", "last_name": "Núñez", "name": "José Núñez",
       "email_address": "jose.nunez@acme-build.com", "employee_id": "E10423",
       "mobile_phone": "(312) 555-0100", "job_title": "Foreman", "is_active": false,
       "is_employee": true, "origin_id": "crewsync:person:12",
       "updated_at": "2024-03-05T17:22:09Z",
       "vendor": {"id": 5, "name": "Acme", "nested": [1, {"x": null}]}, "avatar": null,
       "permission_template": {"id": 1, "name": "Field Staff"}, "business_phone_extension": 12}
    ])");
    ASSERT_TRUE(users) << users.error().message();
    ASSERT_EQ(users->size(), 1u);
    const sync::RemoteUser& u = users->front();
    EXPECT_EQ(u.id, 7000000001);
    EXPECT_EQ(u.first_name, "José");
    EXPECT_EQ(u.last_name, "Núñez");
    EXPECT_EQ(u.email, "jose.nunez@acme-build.com");
    EXPECT_EQ(u.employee_id, "E10423");
    EXPECT_EQ(u.mobile_phone, "(312) 555-0100");
    EXPECT_EQ(u.job_title, "Foreman");
    EXPECT_FALSE(u.active);
    EXPECT_TRUE(u.is_employee);
    EXPECT_EQ(u.origin_id, "crewsync:person:12");
    EXPECT_EQ(FormatTimestamp(u.updated_at), "2024-03-05T17:22:09.000Z");
}

TEST(DecodeUsersTest, NullsAreEmptyAndDefaults) {
    const auto users = DecodeUsers(
        R"([{"id":1,"first_name":null,"last_name":"Doe","email_address":null,"employee_id":null,)"
        R"("mobile_phone":null,"job_title":null,"is_active":null,"is_employee":null,)"
        R"("origin_id":null,"updated_at":null}, {"id":2}])");
    ASSERT_TRUE(users) << users.error().message();
    ASSERT_EQ(users->size(), 2u);
    sync::RemoteUser expected;
    expected.id = 1;
    expected.last_name = "Doe";
    expected.active = true;
    expected.is_employee = false;
    EXPECT_EQ(users->at(0), expected);
    EXPECT_EQ(users->at(1).id, 2);
    EXPECT_TRUE(users->at(1).active);
}

TEST(DecodeUsersTest, EmptyListAndEscapes) {
    const auto none = DecodeUsers(" [ ] ");
    ASSERT_TRUE(none) << none.error().message();
    EXPECT_THAT(*none, IsEmpty());
    const auto users = DecodeUsers(R"([{"id":3,"last_name":"O\u2019Brien \"Bud\"\n","first_name":"Zo\u00eb"}])");
    ASSERT_TRUE(users) << users.error().message();
    EXPECT_EQ(users->at(0).last_name, "O’Brien \"Bud\"\n");
    EXPECT_EQ(users->at(0).first_name, "Zoë");
}

TEST(DecodeUsersTest, IntegerEmployeeAndOriginIdsAreReadAsText) {
    const auto users = DecodeUsers(R"([{"id":3,"employee_id":10423,"origin_id":77}])");
    ASSERT_TRUE(users) << users.error().message();
    EXPECT_EQ(users->at(0).employee_id, "10423");
    EXPECT_EQ(users->at(0).origin_id, "77");
}

void ExpectProblem(const Result<std::vector<sync::RemoteUser>>& result, const std::string& message,
                   const std::string& field) {
    ASSERT_FALSE(result) << "expected: " << message;
    EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().message(), message);
    ASSERT_EQ(result.error().problems().size(), 1u);
    EXPECT_EQ(result.error().problems()[0].field, field);
}

TEST(DecodeUsersTest, ProblemsNameTheIndexAndTheField) {
    ExpectProblem(DecodeUsers(R"([{"id":1},{"id":2,"email_address":42}])"),
                  "users[1].email_address: expected a string or null, found a number",
                  "email_address");
    EXPECT_EQ(DecodeUsers(R"([{"id":1},{"id":2,"email_address":42}])").error().problems()[0].location,
              "users[1]");
    ExpectProblem(DecodeUsers(R"([{"first_name":"A"}])"),
                  "users[0].id: missing (every record has one)", "id");
    ExpectProblem(DecodeUsers(R"([{"id":"7"}])"), "users[0].id: expected an integer, found a string",
                  "id");
    ExpectProblem(DecodeUsers(R"([{"id":1.5}])"), "users[0].id: expected a 64-bit integer", "id");
    ExpectProblem(DecodeUsers(R"([{"id":1},{"id":2},{"id":3,"is_active":"yes"}])"),
                  "users[2].is_active: expected true, false or null, found a string", "is_active");
    ExpectProblem(DecodeUsers(R"([{"id":1,"updated_at":"yesterday"}])"),
                  "users[0].updated_at: 'yesterday' is not an ISO 8601 date-time", "updated_at");
    ExpectProblem(DecodeUsers(R"([{"id":1,"first_name":["A"]}])"),
                  "users[0].first_name: expected a string or null, found an array", "first_name");
    ExpectProblem(DecodeUsers(R"({"users": []})"), "users: expected a JSON array, found an object", "");
    ExpectProblem(DecodeUsers(R"([{"id":1}, 7])"), "users: item 1: expected an object, found a number",
                  "");
}

TEST(DecodeUsersTest, MalformedJsonIsAnError) {
    for (const char* text : {"", "[", R"([{"id":1,)", R"([{"id":1}] [])", R"([{"id":1 "x":2}])",
                             R"([{"id":1,"first_name":"unterminated}])", "nonsense"}) {
        const auto users = DecodeUsers(text);
        ASSERT_FALSE(users) << "accepted: " << text;
        EXPECT_EQ(users.error().code(), ErrorCode::kInvalidArgument) << text;
        EXPECT_THAT(users.error().message(), ::testing::StartsWith("users")) << text;
    }
}

TEST(DecodeUsersTest, TimestampsWithOffsetsAndFractions) {
    const auto users = DecodeUsers(
        R"([{"id":1,"updated_at":"2024-03-05T17:22:09-06:00"},)"
        R"({"id":2,"updated_at":"2024-03-05T17:22:09.123456+00:00"},)"
        R"({"id":3,"updated_at":"2024-03-05 17:22:09.5Z"}])");
    ASSERT_TRUE(users) << users.error().message();
    EXPECT_EQ(FormatTimestamp(users->at(0).updated_at), "2024-03-05T23:22:09.000Z");
    EXPECT_EQ(FormatTimestamp(users->at(1).updated_at), "2024-03-05T17:22:09.123Z");
    EXPECT_EQ(FormatTimestamp(users->at(2).updated_at), "2024-03-05T17:22:09.500Z");
    EXPECT_FALSE(DecodeUsers(R"([{"id":1,"updated_at":"2024-02-30T00:00:00Z"}])"));
    EXPECT_FALSE(DecodeUsers(R"([{"id":1,"updated_at":"2024-03-05T17:22:09"}])"));
}

TEST(DecodeContactsTest, ReadsContactsAndSkipsUsers) {
    const auto contacts = DecodeContacts(R"([
      {"id": 11, "first_name": "Ana", "last_name": "García", "is_employee": true,
       "employee_id": "E1", "user_id": null, "user_uuid": null, "origin_id": null,
       "job_title": "Laborer", "updated_at": "2024-01-02T03:04:05Z",
       "contact": {"is_active": false, "email": "ana@example.com"}},
      {"id": 12, "first_name": "Bob", "last_name": "Smith", "user_id": 7000000001,
       "contact": {"is_active": true, "email": "bob@example.com"}},
      {"id": 13, "last_name": "Lee", "user_id": null, "contact": null, "is_active": false},
      {"id": 14, "last_name": "Kim"}
    ])");
    ASSERT_TRUE(contacts) << contacts.error().message();
    ASSERT_EQ(contacts->size(), 3u);
    const sync::RemoteContact& ana = contacts->at(0);
    EXPECT_EQ(ana.id, 11);
    EXPECT_EQ(ana.first_name, "Ana");
    EXPECT_EQ(ana.last_name, "García");
    EXPECT_TRUE(ana.is_employee);
    EXPECT_EQ(ana.employee_id, "E1");
    EXPECT_EQ(ana.job_title, "Laborer");
    EXPECT_EQ(ana.email, "ana@example.com");
    EXPECT_FALSE(ana.active);
    EXPECT_EQ(FormatTimestamp(ana.updated_at), "2024-01-02T03:04:05.000Z");
    EXPECT_EQ(contacts->at(1).id, 13);
    EXPECT_FALSE(contacts->at(1).active) << "top-level is_active when contact is null";
    EXPECT_EQ(contacts->at(2).id, 14);
    EXPECT_TRUE(contacts->at(2).active);
}

TEST(DecodeContactsTest, ProblemsInTheContactObjectNameTheNestedField) {
    const auto bad = DecodeContacts(R"([{"id":1,"contact":{"is_active":true,"email":5}}])");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message(),
              "people[0].contact.email: expected a string or null, found a number");
    EXPECT_EQ(bad.error().problems()[0].field, "contact.email");
    const auto not_object = DecodeContacts(R"([{"id":1,"contact":"x"}])");
    ASSERT_FALSE(not_object);
    EXPECT_EQ(not_object.error().message(), "people[0].contact: expected an object, found a string");
}

TEST(DecodeProjectsTest, ReadsProjectsInBothShapes) {
    const auto projects = DecodeProjects(R"json([
      {"id": 8000000001, "name": "Riverside Clinic", "project_number": "2024-017", "active": true,
       "start_date": "2024-02-01", "completion_date": "2025-06-30T00:00:00Z",
       "address": "1250 W Madison St", "city": "Chicago", "zip": "60607",
       "time_zone": "Central Time (US & Canada)", "tz_name": "America/Chicago",
       "origin_id": null, "updated_at": "2024-05-01T12:00:00Z", "company": {"id": 1}},
      {"id": 8000000002, "name": "Lakeview Lofts", "project_number": null, "active": false,
       "start_date": null, "completion_date": null,
       "address": {"street": "9 Oak St", "city": "Denver", "zip": "80202", "state_code": "CO"},
       "time_zone": "Mountain Time (US & Canada)"},
      {"id": 8000000003, "name": "X", "time_zone": "Europe/Berlin", "tz_name": null}
    ])json");
    ASSERT_TRUE(projects) << projects.error().message();
    ASSERT_EQ(projects->size(), 3u);
    const sync::RemoteProject& a = projects->at(0);
    EXPECT_EQ(a.name, "Riverside Clinic");
    EXPECT_EQ(a.project_number, "2024-017");
    EXPECT_TRUE(a.active);
    EXPECT_EQ(a.start_date, ParseDate("2024-02-01"));
    EXPECT_EQ(a.completion_date, ParseDate("2025-06-30"));
    EXPECT_EQ(a.address, "1250 W Madison St");
    EXPECT_EQ(a.city, "Chicago");
    EXPECT_EQ(a.zip, "60607");
    EXPECT_EQ(a.time_zone, "America/Chicago");
    const sync::RemoteProject& b = projects->at(1);
    EXPECT_EQ(b.project_number, "");
    EXPECT_FALSE(b.active);
    EXPECT_FALSE(b.start_date);
    EXPECT_EQ(b.address, "9 Oak St");
    EXPECT_EQ(b.city, "Denver");
    EXPECT_EQ(b.zip, "80202");
    EXPECT_EQ(b.time_zone, "America/Denver") << "a Rails zone name becomes its IANA name";
    EXPECT_EQ(projects->at(2).time_zone, "Europe/Berlin");

    const auto bad = DecodeProjects(R"([{"id":1,"start_date":"2024-13-01"}])");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message(), "projects[0].start_date: '2024-13-01' is not a date (YYYY-MM-DD)");
}

TEST(DecodeRoundTripTest, EncodedListsDecodeToTheSameRecords) {
    const Company c = GenerateCompany(Shape(31, 800));
    ASSERT_FALSE(c.remote.users.empty());
    ASSERT_FALSE(c.remote.contacts.empty());
    const auto users = DecodeUsers(EncodeUsers(c.remote.users));
    ASSERT_TRUE(users) << users.error().message();
    EXPECT_EQ(*users, c.remote.users);
    const auto contacts = DecodeContacts(EncodeContacts(c.remote.contacts));
    ASSERT_TRUE(contacts) << contacts.error().message();
    EXPECT_EQ(*contacts, c.remote.contacts);
    const auto projects = DecodeProjects(EncodeProjects(c.remote.projects));
    ASSERT_TRUE(projects) << projects.error().message();
    EXPECT_EQ(*projects, c.remote.projects);
}

TEST(DecodeRoundTripTest, AwkwardTextSurvives) {
    sync::RemoteUser u;
    u.id = 9;
    u.first_name = "Zoë \"Z\"";
    u.last_name = "O'Brien\\Müller\ttab\nline";
    u.email = " Jane.Doe@Example.COM ";
    u.mobile_phone = "+1 (312) 555-0100";
    u.job_title = std::string("nul\x01", 4);
    u.active = false;
    u.origin_id = "crewsync:person:1";
    u.updated_at = Timestamp(std::chrono::milliseconds(1'700'000'000'123));
    const std::string json = EncodeUsers({u});
    const auto back = DecodeUsers(json);
    ASSERT_TRUE(back) << back.error().message() << "\n" << json;
    ASSERT_EQ(back->size(), 1u);
    EXPECT_EQ(back->front(), u);
}

TEST(DecodeRoundTripTest, EncodedUsersLookLikeProcores) {
    const Company c = GenerateCompany(Shape(37, 20));
    const std::string json = EncodeUsers(c.remote.users);
    for (const char* key : {"\"name\":", "\"vendor\":{", "\"permission_template\":{", "\"created_at\":",
                            "\"initials\":", "\"last_login_at\":", "\"welcome_email_sent_at\":null"}) {
        EXPECT_THAT(json, HasSubstr(key));
    }
    // About forty fields per user, as Procore's company users list has.
    const std::string first = json.substr(0, json.find("},{\"id\""));
    std::size_t keys = 0;
    for (std::size_t at = first.find("\":"); at != std::string::npos; at = first.find("\":", at + 1)) ++keys;
    EXPECT_GE(keys, 40u);
    EXPECT_EQ(EncodeUsers({}), "[]");
}

TEST(DecodeRoundTripTest, ReadsPaddedFiles) {
    testing_support::TempDir dir;
    const Company c = GenerateCompany(Shape(41, 200));
    {
        std::ofstream out(dir.File("users.json"), std::ios::binary);
        out << EncodeUsers(c.remote.users);
    }
    const auto file = procore::PaddedJson::ReadFile(dir.File("users.json"));
    ASSERT_TRUE(file) << file.error().message();
    EXPECT_GE(file->capacity(), file->text().size() + procore::kJsonPadding);
    const auto users = DecodeUsers(*file);
    ASSERT_TRUE(users) << users.error().message();
    EXPECT_EQ(*users, c.remote.users);

    const auto missing = procore::PaddedJson::ReadFile(dir.File("nope.json"));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code(), ErrorCode::kIo);
    EXPECT_THAT(missing.error().message(), HasSubstr("nope.json"));
}

}  // namespace
}  // namespace crewsync
