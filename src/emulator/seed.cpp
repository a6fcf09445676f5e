#include "emulator/seed.hpp"

#include "emulator/classification_seed.hpp"
#include "emulator/timecard_time_types.hpp"
#include "emulator/user_record.hpp"

namespace crewsync::emulator {

Company& SeedCompany(State& state, const SeedOptions& options, Timestamp now) {
    Company& company = state.AddCompany(options.company_name);
    SeedPermissionTemplates(company, state);
    SeedTimecardTimeTypes(company, state);
    OAuthClient& client = state.Clients()[options.client_id];
    client.client_id = options.client_id;
    client.client_secret = options.client_secret;
    client.companies.push_back(company.id);
    if (client.service_account_id == 0) {
        const RecordId id = state.NextId();
        client.service_account_id = id;
        client.service_account_login = options.client_id + "@service-accounts.procore.test";
        company.users.Put(NewUserRecord(
            id,
            Json{{"first_name", options.client_id}, {"last_name", "(service account)"},
                 {"email_address", client.service_account_login}},
            now));
    }
    return company;
}

}  // namespace crewsync::emulator
