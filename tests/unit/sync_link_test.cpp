// Link report rules (product.md §4) that are easier to state in code than in a scenario file.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "support/sync_builders.hpp"
#include "sync/link_report.hpp"

namespace crewsync::sync {
namespace {

using testing::MakePerson;
using testing::MakeUser;

const LinkEntry& EntryFor(const LinkReport& r, std::int64_t person_id) {
    for (const LinkEntry& e : r.entries) {
        if (e.local_kind == LocalKind::kPerson && e.local_id == person_id) return e;
    }
    throw std::runtime_error("no entry");
}

TEST(SyncLink, EmailOfAUserLinkedToAnotherPersonIsADuplicate) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "Jane", "Doe", "jane.new@acme.com"),
                    MakePerson(2, "Janet", "Doe", "jane@acme.com")};
    RemoteSnapshot remote;
    remote.users = {MakeUser(101, "Jane", "Doe", "jane@acme.com")};
    SyncState state;
    state.links = {{LocalKind::kPerson, 1, RemoteKind::kUser, 101, LinkOrigin::kMatched}};
    const LinkReport r = BuildLinkReport(local, remote, state, Settings{});
    const LinkEntry& e = EntryFor(r, 2);
    EXPECT_EQ(e.status, LinkStatus::kDuplicate);
    EXPECT_EQ(e.duplicate_local_ids, std::vector<std::int64_t>{1});
    EXPECT_NE(e.reason.find("already linked to person 1"), std::string::npos) << e.reason;
    EXPECT_EQ(EntryFor(r, 1).status, LinkStatus::kLinked);
}

TEST(SyncLink, DuplicatesNameTheDirectoryRecordThatWaitsWithThem) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "Sam", "Reed", "sam@acme.com"),
                    MakePerson(2, "Samuel", "Reed", "SAM@acme.com")};
    RemoteSnapshot remote;
    remote.users = {MakeUser(101, "Sam", "Reed", "sam@acme.com")};
    const LinkReport r = BuildLinkReport(local, remote, {}, Settings{});
    for (std::int64_t id : {1, 2}) {
        const LinkEntry& e = EntryFor(r, id);
        EXPECT_EQ(e.status, LinkStatus::kDuplicate);
        EXPECT_NE(e.reason.find("user 101 waits too"), std::string::npos) << e.reason;
    }
    // Held back with them, not listed as a record nobody in crewsync matches.
    EXPECT_EQ(r.counts.directory_only, 0);
}

TEST(SyncLink, ConflictReasonNamesTheFieldsThatDiffer) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "Jane", "Doe", "jane@acme.com")};
    RemoteSnapshot remote;
    remote.users = {MakeUser(101, "Jane", "Dough", "jane@acme.com")};
    const LinkReport r = BuildLinkReport(local, remote, {}, Settings{});
    const LinkEntry& e = EntryFor(r, 1);
    ASSERT_EQ(e.status, LinkStatus::kConflict);
    ASSERT_EQ(e.differences.size(), 1u);
    EXPECT_EQ(e.differences[0], (FieldDifference{"last_name", "Doe", "Dough"}));
    EXPECT_NE(e.reason.find("last_name"), std::string::npos);
    EXPECT_NE(e.reason.find("accepted"), std::string::npos);
}

TEST(SyncLink, AcceptedConflictIsLinkedAndNotReportedAgain) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "Jane", "Doe", "jane@acme.com")};
    RemoteSnapshot remote;
    remote.users = {MakeUser(101, "Jane", "Dough", "jane@acme.com")};
    SyncState state;
    state.links = {{LocalKind::kPerson, 1, RemoteKind::kUser, 101, LinkOrigin::kAccepted}};
    const LinkReport r = BuildLinkReport(local, remote, state, Settings{});
    EXPECT_EQ(EntryFor(r, 1).status, LinkStatus::kLinked);
    EXPECT_EQ(r.counts.conflicts, 0);
}

TEST(SyncLink, OriginIdOfARecordLinkedElsewhereIsNotRecovered) {
    LocalSnapshot local;
    local.people = {MakePerson(5, "Jane", "Doe", "jane@acme.com"),
                    MakePerson(6, "Other", "Person", "other@acme.com")};
    RemoteSnapshot remote;
    RemoteUser u = MakeUser(150, "Other", "Person", "other@acme.com");
    u.origin_id = "crewsync:person:5";
    remote.users = {u};
    SyncState state;
    state.links = {{LocalKind::kPerson, 6, RemoteKind::kUser, 150, LinkOrigin::kManual}};
    const LinkReport r = BuildLinkReport(local, remote, state, Settings{});
    EXPECT_EQ(EntryFor(r, 5).status, LinkStatus::kWouldCreate);
}

TEST(SyncLink, TheKindTaggedOriginIdOfATypeChangeIsRecoveredToo) {
    LocalSnapshot local;
    local.people = {MakePerson(5, "Jane", "Doe", "jane@acme.com")};
    RemoteSnapshot remote;
    RemoteUser u = MakeUser(150, "Someone", "Else", "else@acme.com");
    u.origin_id = "crewsync:person:5:user";
    RemoteUser wrong = MakeUser(151, "Someone", "Other", "other@acme.com");
    wrong.origin_id = "crewsync:person:5:users";
    remote.users = {u, wrong};
    const LinkReport r = BuildLinkReport(local, remote, {}, Settings{});
    EXPECT_EQ(EntryFor(r, 5).status, LinkStatus::kWouldLink);
    EXPECT_EQ(EntryFor(r, 5).remote_id, 150);
}

TEST(SyncLink, OriginPrefixIsTheWorkspaces) {
    LocalSnapshot local;
    local.people = {MakePerson(5, "Jane", "Doe", "jane@acme.com")};
    RemoteSnapshot remote;
    RemoteUser u = MakeUser(150, "Someone", "Else", "else@acme.com");
    u.origin_id = "crewsync:person:5";
    remote.users = {u};
    Settings settings;
    settings.origin_prefix = "crewsync:ws-b:";
    const LinkReport r = BuildLinkReport(local, remote, {}, settings);
    EXPECT_NE(EntryFor(r, 5).status, LinkStatus::kWouldLink);
}

TEST(SyncLink, DirectoryRecordLinkedToAMissingPersonIsListed) {
    RemoteSnapshot remote;
    remote.users = {MakeUser(101, "Jane", "Doe", "jane@acme.com")};
    SyncState state;
    state.links = {{LocalKind::kPerson, 77, RemoteKind::kUser, 101, LinkOrigin::kMatched}};
    const LinkReport r = BuildLinkReport({}, remote, state, Settings{});
    ASSERT_EQ(r.entries.size(), 1u);
    EXPECT_EQ(r.entries[0].status, LinkStatus::kDirectoryOnly);
    EXPECT_NE(r.entries[0].reason.find("person 77"), std::string::npos);
}

TEST(SyncLink, ReportIsTheSameWhateverTheInputOrder) {
    LocalSnapshot local;
    RemoteSnapshot remote;
    for (int i = 1; i <= 40; ++i) {
        local.people.push_back(MakePerson(i, "First" + std::to_string(i), "Last",
                                          "p" + std::to_string(i) + "@acme.com"));
        if (i % 3 != 0) {
            remote.users.push_back(MakeUser(1000 + i, "First" + std::to_string(i),
                                            i % 5 == 0 ? "Other" : "Last",
                                            "p" + std::to_string(i) + "@acme.com"));
        }
        remote.users.push_back(MakeUser(5000 + i, "Only", "Directory" + std::to_string(i),
                                        "only" + std::to_string(i) + "@elsewhere.com"));
    }
    const LinkReport before = BuildLinkReport(local, remote, {}, Settings{});
    std::mt19937 rng(7);
    std::shuffle(local.people.begin(), local.people.end(), rng);
    std::shuffle(remote.users.begin(), remote.users.end(), rng);
    const LinkReport after = BuildLinkReport(local, remote, {}, Settings{});
    EXPECT_EQ(before.entries, after.entries);
    EXPECT_EQ(before.counts, after.counts);
}

TEST(SyncLink, CountsAddUpToTheEntries) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "A", "B", "a@x.com"), MakePerson(2, "C", "D", "c@x.com"),
                    MakePerson(3, "E", "F", "c@x.com")};
    RemoteSnapshot remote;
    remote.users = {MakeUser(101, "A", "B", "a@x.com"), MakeUser(102, "Z", "Y", "z@x.com")};
    const LinkReport r = BuildLinkReport(local, remote, {}, Settings{});
    EXPECT_EQ(r.counts.would_link, 1);
    EXPECT_EQ(r.counts.duplicates, 2);
    EXPECT_EQ(r.counts.directory_only, 1);
    EXPECT_EQ(r.entries.size(), 4u);
}

TEST(SyncLink, InactiveDuplicateNeverSyncedDoesNotBlockTheActivePerson) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "Jane", "Doe", "jane@acme.com"),
                    MakePerson(2, "Jane", "Doe", "jane@acme.com")};
    local.people[1].person.status = RecordStatus::kInactive;
    const LinkReport r = BuildLinkReport(local, {}, {}, Settings{});
    EXPECT_EQ(EntryFor(r, 1).status, LinkStatus::kWouldCreate);
    EXPECT_EQ(EntryFor(r, 2).status, LinkStatus::kInactiveLeftOut);
}

TEST(SyncLinkNames, EveryStatusHasWords) {
    for (LinkStatus s : {LinkStatus::kLinked, LinkStatus::kWouldLink, LinkStatus::kWouldCreate,
                         LinkStatus::kConflict, LinkStatus::kDuplicate, LinkStatus::kSuggestion,
                         LinkStatus::kDirectoryOnly, LinkStatus::kOutOfScope,
                         LinkStatus::kInactiveLeftOut}) {
        EXPECT_STRNE(Name(s), "?");
    }
    EXPECT_STREQ(Name(LinkStatus::kDirectoryOnly), "directory only");
}

}  // namespace
}  // namespace crewsync::sync
