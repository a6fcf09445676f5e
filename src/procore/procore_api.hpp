// The Procore operations crewsync uses, typed. The seam the executor and `doctor` talk to: the
// real ProcoreClient (procore_client.hpp) calls the API; tests may substitute a fake.
//
// Every method returns the classified errors of api_error.hpp. Lists fetch every page. Creates
// that carry an origin_id are never duplicated by a retry (transport.hpp). Sync calls take any
// number of items and send them in batches of at most 1000, Procore's limit; per-item refusals
// come back in SyncResult::errors, indexed by the caller's position.
#pragma once

#include <functional>
#include <vector>

#include "model/error.hpp"
#include "procore/resources.hpp"

namespace crewsync::procore {

// Told after each page of a long list: records so far, and the list's total when known.
using ListProgress = std::function<void(std::int64_t done, std::optional<std::int64_t> total)>;

class ProcoreApi {
public:
    virtual ~ProcoreApi() = default;

    // Identity.
    virtual Result<Me> GetMe() = 0;
    virtual Result<std::vector<CompanySummary>> ListCompanies() = 0;

    // Company Directory users: active and inactive.
    virtual Result<std::vector<RemoteUser>> ListUsers(const ListProgress& progress = {}) = 0;
    virtual Result<std::vector<RemoteUser>> ListInactiveUsers(
        const ListProgress& progress = {}) = 0;
    virtual Result<RemoteUser> GetUser(ProcoreId id) = 0;
    virtual Result<std::optional<RemoteUser>> FindUserByOriginId(const std::string& origin_id) = 0;
    virtual Result<RemoteUser> CreateUser(const UserFields& fields) = 0;
    virtual Result<RemoteUser> UpdateUser(ProcoreId id, const UserFields& fields) = 0;
    virtual Result<SyncResult<RemoteUser>> SyncUsers(const std::vector<UserSyncItem>& items) = 0;
    virtual Result<RemoteUser> ReactivateUser(ProcoreId id) = 0;
    // Sends Procore's invitation e-mail: only ever on an operator's explicit request.
    virtual Status InviteUser(ProcoreId id) = 0;

    // Company Directory contacts (People API; users are skipped): active and inactive.
    virtual Result<std::vector<RemoteContact>> ListContacts(const ListProgress& progress = {}) = 0;
    virtual Result<RemoteContact> CreateContact(const PersonFields& fields) = 0;
    virtual Result<RemoteContact> UpdateContact(ProcoreId id, const PersonFields& fields) = 0;

    // Projects the service account can see, active and inactive.
    virtual Result<std::vector<RemoteProject>> ListProjects(const ListProgress& progress = {}) = 0;
    // How many projects the company has, including those the service account cannot see.
    virtual Result<std::int64_t> CountCompanyProjects() = 0;
    virtual Result<RemoteProject> CreateProject(const ProjectFields& fields) = 0;
    virtual Result<RemoteProject> UpdateProject(ProcoreId id, const ProjectFields& fields) = 0;
    virtual Result<SyncResult<RemoteProject>> SyncProjects(
        const std::vector<ProjectSyncItem>& items) = 0;

    // Work classifications and permission templates.
    virtual Result<std::vector<RemoteClassification>> ListClassifications() = 0;
    virtual Result<RemoteClassification> CreateClassification(const std::string& name,
                                                              const std::string& abbreviation) = 0;
    virtual Result<std::vector<PermissionTemplate>> ListPermissionTemplates() = 0;

    // Timecards (company level) and timesheets (project level).
    virtual Result<std::vector<TimecardEntry>> ListTimecardEntries(const TimecardQuery& query) = 0;
    virtual Result<TimecardEntry> CreateTimecardEntry(const TimecardFields& fields) = 0;
    virtual Result<TimecardEntry> UpdateTimecardEntry(ProcoreId id,
                                                      const TimecardFields& fields) = 0;
    virtual Status DeleteTimecardEntry(ProcoreId id) = 0;
    // v1.1 bulk create on one project, at most 25 entries a call (sent in batches).
    virtual Result<std::vector<TimecardEntry>> BulkCreateTimecardEntries(
        ProcoreId project_id, const std::vector<TimecardFields>& entries) = 0;
    virtual Result<std::vector<Timesheet>> ListTimesheets(ProcoreId project_id) = 0;
    virtual Result<Timesheet> CreateTimesheet(ProcoreId project_id, const Date& date) = 0;

    // Webhooks (v1.0, company scope).
    virtual Result<std::vector<WebhookHook>> ListHooks(const std::string& namespace_name) = 0;
    virtual Result<WebhookHook> CreateHook(const WebhookHookFields& fields) = 0;
    virtual Result<WebhookHook> UpdateHook(ProcoreId id, const WebhookHookFields& fields) = 0;
    virtual Status DeleteHook(ProcoreId id) = 0;
    virtual Result<std::vector<WebhookTrigger>> ListTriggers(ProcoreId hook_id) = 0;
    virtual Result<WebhookTrigger> CreateTrigger(ProcoreId hook_id,
                                                 const std::string& resource_name,
                                                 const std::string& event_type) = 0;
    virtual Status DeleteTrigger(ProcoreId hook_id, ProcoreId trigger_id) = 0;
    virtual Result<std::vector<WebhookDelivery>> ListDeliveries(ProcoreId hook_id) = 0;
};

}  // namespace crewsync::procore
