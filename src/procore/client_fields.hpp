// Internal to the Procore client: the fields crewsync sends, as the JSON objects Procore's
// create, update and sync bodies wrap ({"user": …}, {"person": …}, {"project": …}, …). Only
// the fields that are set are written, so an update changes nothing else.
#pragma once

#include "model/error.hpp"
#include "procore/resource_json.hpp"
#include "procore/resources.hpp"

namespace crewsync::procore::internal {

// procore-api.md §6.2. A template or classification id of 0 clears it (null); an empty
// origin_id is no origin_id (null).
Json UserObject(const UserFields& fields);
// §7.
Json PersonObject(const PersonFields& fields);
// §8. The IANA time zone is sent as Procore's Rails name; a date "" clears it (null).
Json ProjectObject(const ProjectFields& fields);

// The v1.0 `timecard_entry` object (§9.3), without project_id (it sits beside the object).
// origin_id is an integer there: a numeric one is sent as a number, any other is
// kInvalidArgument.
Result<Json> TimecardObject(const TimecardFields& fields);
// One item of a v1.1 bulk_create: origin_id is text there, and every item names the project.
Json BulkTimecardItem(const TimecardFields& fields, ProcoreId project_id);

// The `hook` object (§10.2); empty fields are not sent (no Authorization: no headers).
Json HookObject(const WebhookHookFields& fields);

}  // namespace crewsync::procore::internal
