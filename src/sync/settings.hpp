// The settings the sync core obeys: a plain copy of the workspace configuration's sync choices,
// so the core needs nothing but the model.
#pragma once

#include <cstdint>
#include <string>

#include "model/sync_options.hpp"

namespace crewsync::sync {

struct Settings {
    PeopleScope scope = PeopleScope::kAll;
    SyncDirection direction = SyncDirection::kOneWay;
    ConflictRule conflict_rule = ConflictRule::kNewestWins;
    // On a type change user/both → assignable: deactivate the User (else it is left as is).
    bool deactivate_user_on_type_change = false;
    // The template new Users get; 0 gives none (Procore's lowest level).
    std::int64_t permission_template_id = 0;
    SystemOfRecord projects_system_of_record = SystemOfRecord::kProcore;
    // The country calling code assumed for phone numbers written without one.
    std::string default_country_code = "1";
    // Near-duplicates scoring at least this (0–1) are suggested.
    double suggestion_threshold = 0.75;
    // Written into origin_id of every Procore record crewsync creates, followed by
    // "person:<id>" or "project:<id>", so a record created by a run that crashed before it
    // stored the link is recognised instead of created twice.
    std::string origin_prefix = "crewsync:";
    // Mass-change guard (product.md §7).
    double mass_change_share = 0.10;
    std::int64_t mass_change_min_records = 25;
};

}  // namespace crewsync::sync
