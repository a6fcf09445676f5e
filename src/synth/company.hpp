// A synthetic construction company, reproducible from a seed: crewsync people and projects and a
// Procore Directory and project list that overlap them in controlled ways (clean matches,
// conflicts, duplicates, near-duplicates, Directory-only records). Shared by tests, benchmarks
// and the emulator's seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sync/local.hpp"
#include "sync/remote.hpp"

namespace crewsync::synth {

struct CompanyShape {
    std::uint64_t seed = 1;
    std::int64_t people = 1000;          // crewsync people, ids 1..people
    double share_user = 0.35;            // of people: type user (rest split below)
    double share_both = 0.15;            // type both; the rest are assignable
    double share_inactive = 0.04;
    // Of the people, how many already exist in Procore …
    double share_clean = 0.55;           // … with every compared field equal (after normalising)
    double share_conflict = 0.03;        // … matched by key with first/last name or id differing
    double share_near_duplicate = 0.05;  // … spelled differently: nickname, swapped names,
                                         //   accents/case, e-mail typo, phone format
    double share_duplicate = 0.005;      // crewsync people that repeat another's e-mail/employee id
    std::int64_t directory_only = 200;   // Procore people with no crewsync counterpart
    double directory_only_share_user = 0.6;  // of those: Users (the rest are Contacts)
    std::int64_t projects = 100;         // crewsync projects
    double share_projects_in_procore = 0.7;
    std::int64_t procore_only_projects = 20;
    std::int64_t classifications = 12;
    std::string country_code = "1";
};

// A near-duplicate the generator planted on purpose: the crewsync person and the Procore
// record are the same human.
struct PlantedPair {
    std::int64_t person_id = 0;
    sync::RemoteKind remote_kind = sync::RemoteKind::kUser;
    sync::ProcoreId remote_id = 0;
    const char* how = "";  // "nickname", "swapped names", "accents", "e-mail typo", "phone format"
};

// Two crewsync people given one key on purpose (the later one repeats the earlier one's).
struct PlantedDuplicate {
    std::int64_t person_id = 0;
    std::int64_t same_as = 0;
    const char* key = "";  // "e-mail", "employee ID", "e-mail and employee ID"
};

// A crewsync person whose key matches a Procore record while another compared field differs.
struct PlantedConflict {
    std::int64_t person_id = 0;
    sync::RemoteKind remote_kind = sync::RemoteKind::kUser;
    sync::ProcoreId remote_id = 0;
    const char* field = "";  // "first_name", "last_name", "employee_id"
};

struct Company {
    sync::LocalSnapshot local;
    sync::RemoteSnapshot remote;
    std::vector<PlantedPair> near_duplicates;
    std::vector<PlantedDuplicate> duplicates;
    std::vector<PlantedConflict> conflicts;
    std::string name;    // "Summit Ridge Builders"
    std::string domain;  // its e-mail domain, "summitridgebuilders.com"
};

// The company `shape` describes; the same shape (seed included) gives the same company on every
// machine and standard library. People are in id order, Directory records and projects in
// Procore id order. Every person in the clean, conflict and near-duplicate shares and every
// planted duplicate is active (an inactive one is only left out, which would hide what was
// planted); the inactive share is taken from the others.
Company GenerateCompany(const CompanyShape& shape);

}  // namespace crewsync::synth
