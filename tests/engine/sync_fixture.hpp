// The whole sync against the emulator: engine::RunSync with the real Procore client (libcurl, one
// fresh emulator per test, procore/integration/client_fixture.hpp) and a SQLite store in a
// temporary directory. Helpers put people and projects into crewsync through the store, run a
// sync with chosen settings, read back links, baselines and run logs, and read or edit the
// emulator's Directory and projects.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "engine/sync_run.hpp"
#include "procore/integration/client_fixture.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"
#include "sync/settings.hpp"

namespace crewsync::engine::testing {

using procore::PersonFields;
using procore::ProjectFields;
using procore::UserFields;
using procore::testing::Json;
using sync::ProcoreId;

// A person as the tests usually need one; the rest of the fields stay empty.
inline Person MakePerson(PersonType type, std::string first, std::string last, std::string email,
                         std::string employee_id = "") {
    Person p;
    p.type = type;
    p.first_name = std::move(first);
    p.last_name = std::move(last);
    p.email = std::move(email);
    p.employee_id = std::move(employee_id);
    return p;
}

inline Project MakeProject(std::string number, std::string name) {
    Project p;
    p.project_number = std::move(number);
    p.name = std::move(name);
    return p;
}

// "crewsync:person:7", what crewsync writes into origin_id (sync::Settings::origin_prefix).
inline std::string PersonOrigin(PersonId id) {
    return "crewsync:person:" + std::to_string(id.value());
}
inline std::string ProjectOrigin(ProjectId id) {
    return "crewsync:project:" + std::to_string(id.value());
}

// Whether any of `lines` has this action and outcome and a message containing `part`.
inline bool HasLine(const std::vector<store::RunLine>& lines, const std::string& action,
                    const std::string& outcome, const std::string& part = "") {
    return std::any_of(lines.begin(), lines.end(), [&](const store::RunLine& l) {
        return l.action == action && l.outcome == outcome &&
               l.message.find(part) != std::string::npos;
    });
}

// Every line, one per row, for failure messages.
inline std::string Dump(const std::vector<store::RunLine>& lines) {
    std::string out;
    for (const store::RunLine& l : lines) {
        out += "  [" + l.entity + " " + std::to_string(l.local_id) + " / " + l.procore_kind +
               " " + std::to_string(l.procore_id) + "] " + l.action + " " + l.outcome + ": " +
               l.message + "\n";
    }
    return out;
}

class SyncTest : public procore::testing::ClientTest {
protected:
    SyncTest() : store_clock_(SystemClock().Now() - std::chrono::hours(24)) {}

    void SetUp() override {
        ClientTest::SetUp();
        if (HasFatalFailure()) return;
        auto opened = store::OpenSqliteStore(DatabasePath(), store_clock_);
        ASSERT_TRUE(opened) << opened.error().ToString();
        store_ = std::move(*opened);
    }

    void TearDown() override {
        store_.reset();
        ClientTest::TearDown();
    }

    std::string DatabasePath() const { return dir_.File("crewsync.db"); }
    std::string LockPath() const { return dir_.File("crewsync.lock"); }

    // ---- running a sync

    // Runs a sync with settings_; a failure to start is a test failure (and an empty outcome).
    SyncOutcome Sync(SyncRequest request = {}) {
        SyncEnvironment env{*store_, api(), store_clock_, settings_, LockPath(), {}, executor_};
        Result<SyncOutcome> outcome = RunSync(request, env);
        EXPECT_TRUE(outcome) << outcome.error().ToString();
        if (!outcome) return {};
        return std::move(*outcome);
    }
    SyncOutcome DryRun(SyncScope scope = SyncScope::kAll) {
        SyncRequest request;
        request.scope = scope;
        request.dry_run = true;
        return Sync(request);
    }

    // ---- crewsync's side, through the store

    template <class F>
    void Write(F&& f) {
        auto tx = store_->Begin(store::TxMode::kWrite);
        ASSERT_TRUE(tx) << tx.error().ToString();
        f(**tx);
        if (::testing::Test::HasFatalFailure()) return;
        const Status committed = (*tx)->Commit();
        ASSERT_TRUE(committed) << committed.error().ToString();
    }

    // Reads with `f(tx)`; the value it returns.
    template <class F>
    auto Read(F&& f) -> std::invoke_result_t<F, store::Transaction&> {
        auto tx = store_->Begin(store::TxMode::kRead);
        EXPECT_TRUE(tx) << tx.error().ToString();
        if (!tx) return {};
        return f(**tx);
    }

    PersonId AddPerson(const Person& person) {
        PersonId id;
        Write([&](store::Transaction& tx) {
            auto inserted = tx.InsertPerson(person);
            ASSERT_TRUE(inserted) << inserted.error().ToString();
            id = *inserted;
        });
        return id;
    }

    // Changes a stored person with `change(person)`, at the store clock's time.
    template <class F>
    void EditPerson(PersonId id, F&& change) {
        Write([&](store::Transaction& tx) {
            auto stored = tx.GetPerson(id);
            ASSERT_TRUE(stored && *stored) << "no person " << id.value();
            Person person = **stored;
            change(person);
            const Status updated = tx.UpdatePerson(person);
            ASSERT_TRUE(updated) << updated.error().ToString();
        });
    }

    Person GetPerson(PersonId id) {
        return Read([&](store::Transaction& tx) {
            auto stored = tx.GetPerson(id);
            EXPECT_TRUE(stored && *stored) << "no person " << id.value();
            return stored && *stored ? **stored : Person{};
        });
    }

    std::vector<Person> People() {
        return Read([](store::Transaction& tx) {
            auto people = tx.ListPeople({});
            EXPECT_TRUE(people);
            return people ? *people : std::vector<Person>{};
        });
    }

    void AddGroup(const std::string& name) {
        Write([&](store::Transaction& tx) {
            Group group;
            group.name = name;
            auto inserted = tx.InsertGroup(group);
            ASSERT_TRUE(inserted) << inserted.error().ToString();
        });
    }

    ProjectId AddProject(const Project& project) {
        ProjectId id;
        Write([&](store::Transaction& tx) {
            auto inserted = tx.InsertProject(project);
            ASSERT_TRUE(inserted) << inserted.error().ToString();
            id = *inserted;
        });
        return id;
    }

    std::vector<Project> Projects() {
        return Read([](store::Transaction& tx) {
            auto projects = tx.ListProjects({});
            EXPECT_TRUE(projects);
            return projects ? *projects : std::vector<Project>{};
        });
    }

    // ---- the sync state crewsync keeps

    std::vector<store::LinkRow> Links() {
        return Read([](store::Transaction& tx) {
            auto links = tx.ListLinks();
            EXPECT_TRUE(links);
            return links ? *links : std::vector<store::LinkRow>{};
        });
    }

    // The person's link to a Procore record of this kind ("user" | "contact").
    std::optional<store::LinkRow> LinkOf(PersonId id, const std::string& kind) {
        for (const store::LinkRow& l : Links()) {
            if (l.entity == store::Entity::kPerson && l.local_id == id.value() &&
                l.procore_kind == kind) {
                return l;
            }
        }
        return std::nullopt;
    }
    std::optional<store::LinkRow> LinkOf(ProjectId id) {
        for (const store::LinkRow& l : Links()) {
            if (l.entity == store::Entity::kProject && l.local_id == id.value()) return l;
        }
        return std::nullopt;
    }

    void PutLink(const store::LinkRow& link) {
        Write([&](store::Transaction& tx) {
            const Status put = tx.PutLink(link);
            ASSERT_TRUE(put) << put.error().ToString();
            const Status dropped = tx.DeleteBaseline(link.entity, link.local_id);
            ASSERT_TRUE(dropped) << dropped.error().ToString();
        });
    }

    std::vector<store::BaselineRow> Baselines() {
        return Read([](store::Transaction& tx) {
            auto baselines = tx.ListBaselines();
            EXPECT_TRUE(baselines);
            return baselines ? *baselines : std::vector<store::BaselineRow>{};
        });
    }

    std::optional<store::BaselineRow> BaselineOf(store::Entity entity, std::int64_t local_id) {
        for (const store::BaselineRow& b : Baselines()) {
            if (b.entity == entity && b.local_id == local_id) return b;
        }
        return std::nullopt;
    }

    std::vector<store::RunRecord> Runs() {
        return Read([](store::Transaction& tx) {
            auto runs = tx.ListRuns({1000, 0});
            EXPECT_TRUE(runs);
            return runs ? *runs : std::vector<store::RunRecord>{};
        });
    }

    std::vector<store::RunLine> Lines(std::int64_t run_id) {
        return Read([&](store::Transaction& tx) {
            auto lines = tx.ListRunLines(run_id);
            EXPECT_TRUE(lines);
            return lines ? *lines : std::vector<store::RunLine>{};
        });
    }
    std::vector<store::RunLine> Lines(const SyncOutcome& outcome) {
        return Lines(outcome.run.id);
    }
    // The lines of one crewsync person.
    std::vector<store::RunLine> LinesOf(const SyncOutcome& outcome, PersonId id) {
        std::vector<store::RunLine> out;
        for (store::RunLine& l : Lines(outcome)) {
            if (l.entity == "person" && l.local_id == id.value()) out.push_back(std::move(l));
        }
        return out;
    }

    // ---- the emulator's side

    // The stored record, as Procore shows it; null when there is none.
    Json UserRecord(ProcoreId id) { return Record(&emulator::Company::users, id); }
    Json ContactRecord(ProcoreId id) { return Record(&emulator::Company::contacts, id); }
    Json ProjectRecord(ProcoreId id) { return Record(&emulator::Company::projects, id); }

    static bool ActiveUser(const Json& user) {
        return user.is_object() && user.value("is_active", true);
    }
    static bool ActiveContact(const Json& contact) {
        return contact.contains("contact") && contact["contact"].value("is_active", true);
    }
    static std::string Text(const Json& record, const char* field) {
        const auto it = record.find(field);
        return it == record.end() || !it->is_string() ? "" : it->get<std::string>();
    }

    // Directory users (service account included), contacts and projects.
    std::int64_t ContactCount() { return Count(&emulator::Company::contacts); }
    std::int64_t ProjectCount() { return Count(&emulator::Company::projects); }

    // Users and contacts holding this origin_id.
    int PeopleWithOrigin(const std::string& origin_id) {
        return WithCompany([&](emulator::Company& company, emulator::State&) {
            int n = 0;
            for (const auto* records : {&company.users, &company.contacts}) {
                for (const auto& [id, record] : records->All()) {
                    if (record.value("origin_id", Json()) == Json(origin_id)) ++n;
                }
            }
            return n;
        });
    }

    // The id of the user or contact with this origin_id, 0 when none.
    ProcoreId UserWithOrigin(const std::string& origin_id) {
        return WithCompany([&](emulator::Company& company, emulator::State&) {
            return company.users.ByOrigin(origin_id);
        });
    }
    ProcoreId ContactWithOrigin(const std::string& origin_id) {
        return WithCompany([&](emulator::Company& company, emulator::State&) {
            return company.contacts.ByOrigin(origin_id);
        });
    }

    // The user with this e-mail, 0 when none.
    ProcoreId UserWithEmail(const std::string& email) {
        return WithCompany([&](emulator::Company& company, emulator::State&) {
            return company.users.ByUnique(email);
        });
    }

    // Writes through the real client, as a Directory admin editing Procore would.
    procore::RemoteUser CreateDirectoryUser(const UserFields& fields) {
        auto created = api().CreateUser(fields);
        EXPECT_TRUE(created) << created.error().ToString();
        return created ? *created : procore::RemoteUser{};
    }
    procore::RemoteContact CreateDirectoryContact(const PersonFields& fields) {
        auto created = api().CreateContact(fields);
        EXPECT_TRUE(created) << created.error().ToString();
        return created ? *created : procore::RemoteContact{};
    }
    procore::RemoteProject CreateProcoreProject(const ProjectFields& fields) {
        auto created = api().CreateProject(fields);
        EXPECT_TRUE(created) << created.error().ToString();
        return created ? *created : procore::RemoteProject{};
    }
    void EditDirectoryUser(ProcoreId id, const UserFields& fields) {
        auto updated = api().UpdateUser(id, fields);
        ASSERT_TRUE(updated) << updated.error().ToString();
    }
    void EditDirectoryContact(ProcoreId id, const PersonFields& fields) {
        auto updated = api().UpdateContact(id, fields);
        ASSERT_TRUE(updated) << updated.error().ToString();
    }

    // Calls that may change something in Procore (any method but GET on /rest/) since the last
    // ResetCalls().
    std::int64_t WriteCalls() {
        std::int64_t n = 0;
        for (const auto& [endpoint, count] : emulator_.services().counters.Snapshot()) {
            if (!endpoint.starts_with("GET ") && endpoint.find(" /rest/") != std::string::npos) {
                n += count;
            }
        }
        return n;
    }
    // Calls whose endpoint contains `part` ("/invite").
    std::int64_t CallsContaining(const std::string& part) {
        std::int64_t n = 0;
        for (const auto& [endpoint, count] : emulator_.services().counters.Snapshot()) {
            if (endpoint.find(part) != std::string::npos) n += count;
        }
        return n;
    }

    sync::Settings settings_;
    ExecutorOptions executor_;
    // crewsync's time: a day behind the emulator's unless moved, so a Directory edit is newer
    // than a crewsync edit made before it (two-way "newest wins").
    FakeClock store_clock_;
    testing_support::TempDir dir_{"crewsync-engine-test"};
    std::unique_ptr<store::Store> store_;

private:
    Json Record(emulator::Collection emulator::Company::*records, ProcoreId id) {
        return WithCompany([&](emulator::Company& company, emulator::State&) {
            const Json* record = (company.*records).Find(id);
            return record ? *record : Json();
        });
    }
    std::int64_t Count(emulator::Collection emulator::Company::*records) {
        return WithCompany([&](emulator::Company& company, emulator::State&) {
            return static_cast<std::int64_t>((company.*records).size());
        });
    }
};

}  // namespace crewsync::engine::testing
