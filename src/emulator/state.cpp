#include "emulator/state.hpp"

namespace crewsync::emulator {
namespace {

const char* const kCollections[] = {"users",
                                    "contacts",
                                    "projects",
                                    "work_classifications",
                                    "permission_templates",
                                    "timecard_time_types",
                                    "timecard_entries",
                                    "timesheets"};

// Company or const Company.
template <class C>
auto& CollectionOf(C& company, std::string_view name) {
    if (name == "users") return company.users;
    if (name == "contacts") return company.contacts;
    if (name == "projects") return company.projects;
    if (name == "work_classifications") return company.work_classifications;
    if (name == "timecard_time_types") return company.timecard_time_types;
    if (name == "timecard_entries") return company.timecard_entries;
    if (name == "timesheets") return company.timesheets;
    return company.permission_templates;
}

}  // namespace

Company& State::AddCompany(std::string name) {
    const RecordId id = NextId();
    Company& company = companies_[id];
    company.id = id;
    company.name = std::move(name);
    return company;
}

Company* State::FindCompany(RecordId id) {
    const auto it = companies_.find(id);
    return it == companies_.end() ? nullptr : &it->second;
}

void State::Clear() {
    companies_.clear();
    clients_.clear();
}

std::string State::ToText() const {
    std::string out = "{\"next_id\":" + std::to_string(next_id_) + ",\"companies\":[";
    bool first_company = true;
    for (const auto& [id, company] : companies_) {
        if (!first_company) out += ',';
        first_company = false;
        std::string head =
            Json{{"id", id}, {"name", company.name}, {"is_active", company.active}}.dump();
        head.pop_back();  // the closing brace: the collections follow
        out += head;
        for (const char* name : kCollections) {
            const Collection& records = CollectionOf(company, name);
            out += std::string(",\"") + name + "\":[";
            bool first = true;
            for (const auto& [record_id, record] : records.All()) {
                if (!first) out += ',';
                first = false;
                out += records.Rendered(record_id);
            }
            out += ']';
        }
        out += '}';
    }
    Json clients = Json::array();
    for (const auto& [client_id, client] : clients_) {
        clients.push_back({{"client_id", client.client_id},
                           {"client_secret", client.client_secret},
                           {"companies", client.companies},
                           {"service_account_id", client.service_account_id},
                           {"service_account_login", client.service_account_login},
                           {"permissions", PermissionsToJson(client.permissions)}});
    }
    return out + "],\"clients\":" + clients.dump() + "}";
}

bool State::FromJson(Json document, std::string& error) {
    State loaded;
    try {
        loaded.next_id_ = document.value("next_id", next_id_);
        // Records are moved, not copied, out of the document: a company of 100,000 users is
        // most of a second of copying otherwise.
        for (Json& c : document.at("companies")) {
            const RecordId id = c.at("id").get<RecordId>();
            Company& company = loaded.companies_[id];
            company.id = id;
            company.name = c.at("name").get<std::string>();
            company.active = c.value("is_active", true);
            for (const char* name : kCollections) {
                const auto records = c.find(name);
                if (records == c.end()) continue;
                if (!records->is_array()) {
                    error = std::string("not an emulator state document: ") + name +
                            " of company " + std::to_string(id) + " is not an array";
                    return false;
                }
                Collection& collection = CollectionOf(company, name);
                for (Json& record : *records) {
                    const RecordId record_id = record.at("id").get<RecordId>();
                    if (record_id >= loaded.next_id_) loaded.next_id_ = record_id + 1;
                    collection.Put(std::move(record));
                }
            }
            if (id >= loaded.next_id_) loaded.next_id_ = id + 1;
        }
        for (const Json& c : document.value("clients", Json::array())) {
            OAuthClient client;
            client.client_id = c.at("client_id").get<std::string>();
            client.client_secret = c.at("client_secret").get<std::string>();
            client.companies = c.value("companies", std::vector<RecordId>{});
            client.service_account_id = c.value("service_account_id", RecordId{0});
            client.service_account_login = c.value("service_account_login", std::string());
            // Absent in documents saved before permissions existed: everything allowed.
            std::string field;
            std::string message;
            if (const auto it = c.find("permissions"); it != c.end() &&
                !SetPermissions(*it, client.permissions, field, message)) {
                error = "not an emulator state document: permissions of client " +
                        client.client_id + ": " + field + " " + message;
                return false;
            }
            loaded.clients_[client.client_id] = std::move(client);
        }
    } catch (const Json::exception& e) {
        error = std::string("not an emulator state document: ") + e.what();
        return false;
    }
    Replace(std::move(loaded));
    return true;
}

void State::Replace(State&& other) {
    companies_ = std::move(other.companies_);
    clients_ = std::move(other.clients_);
    next_id_ = other.next_id_;
}

}  // namespace crewsync::emulator
