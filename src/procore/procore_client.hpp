// ProcoreApi over the REST API, through one ApiTransport (so one thread at a time; give each
// worker its own client and transport, sharing the Authenticator and RateGovernor).
#pragma once

#include "procore/procore_api.hpp"
#include "procore/transport.hpp"

namespace crewsync::procore {

struct ClientOptions {
    int users_per_page = 1000;     // the largest page the users list serves
    int people_per_page = 1000;
    int projects_per_page = 300;   // v1.1's documented maximum
    int timecards_per_page = 1000;
    std::size_t sync_batch = 1000;      // users/projects sync: Procore's maximum
    std::size_t timecard_batch = 25;    // v1.1 bulk_create: Procore's maximum
};

class ProcoreClient final : public ProcoreApi {
public:
    // Borrows `transport`, which must outlive the client.
    explicit ProcoreClient(ApiTransport& transport, ClientOptions options = {});

    Result<Me> GetMe() override;
    Result<std::vector<CompanySummary>> ListCompanies() override;

    Result<std::vector<RemoteUser>> ListUsers(const ListProgress& progress = {}) override;
    Result<std::vector<RemoteUser>> ListInactiveUsers(const ListProgress& progress = {}) override;
    Result<RemoteUser> GetUser(ProcoreId id) override;
    Result<std::optional<RemoteUser>> FindUserByOriginId(const std::string& origin_id) override;
    Result<RemoteUser> CreateUser(const UserFields& fields) override;
    Result<RemoteUser> UpdateUser(ProcoreId id, const UserFields& fields) override;
    Result<SyncResult<RemoteUser>> SyncUsers(const std::vector<UserSyncItem>& items) override;
    Result<RemoteUser> ReactivateUser(ProcoreId id) override;
    Status InviteUser(ProcoreId id) override;

    Result<std::vector<RemoteContact>> ListContacts(const ListProgress& progress = {}) override;
    Result<RemoteContact> CreateContact(const PersonFields& fields) override;
    Result<RemoteContact> UpdateContact(ProcoreId id, const PersonFields& fields) override;

    Result<std::vector<RemoteProject>> ListProjects(const ListProgress& progress = {}) override;
    Result<std::int64_t> CountCompanyProjects() override;
    Result<RemoteProject> CreateProject(const ProjectFields& fields) override;
    Result<RemoteProject> UpdateProject(ProcoreId id, const ProjectFields& fields) override;
    Result<SyncResult<RemoteProject>> SyncProjects(
        const std::vector<ProjectSyncItem>& items) override;

    Result<std::vector<RemoteClassification>> ListClassifications() override;
    Result<RemoteClassification> CreateClassification(const std::string& name,
                                                      const std::string& abbreviation) override;
    Result<std::vector<PermissionTemplate>> ListPermissionTemplates() override;

    Result<std::vector<TimecardEntry>> ListTimecardEntries(const TimecardQuery& query) override;
    Result<TimecardEntry> CreateTimecardEntry(const TimecardFields& fields) override;
    Result<TimecardEntry> UpdateTimecardEntry(ProcoreId id, const TimecardFields& fields) override;
    Status DeleteTimecardEntry(ProcoreId id) override;
    Result<std::vector<TimecardEntry>> BulkCreateTimecardEntries(
        ProcoreId project_id, const std::vector<TimecardFields>& entries) override;
    Result<std::vector<Timesheet>> ListTimesheets(ProcoreId project_id) override;
    Result<Timesheet> CreateTimesheet(ProcoreId project_id, const Date& date) override;

    Result<std::vector<WebhookHook>> ListHooks(const std::string& namespace_name) override;
    Result<WebhookHook> CreateHook(const WebhookHookFields& fields) override;
    Result<WebhookHook> UpdateHook(ProcoreId id, const WebhookHookFields& fields) override;
    Status DeleteHook(ProcoreId id) override;
    Result<std::vector<WebhookTrigger>> ListTriggers(ProcoreId hook_id) override;
    Result<WebhookTrigger> CreateTrigger(ProcoreId hook_id, const std::string& resource_name,
                                         const std::string& event_type) override;
    Status DeleteTrigger(ProcoreId hook_id, ProcoreId trigger_id) override;
    Result<std::vector<WebhookDelivery>> ListDeliveries(ProcoreId hook_id) override;

    ApiTransport& transport() { return transport_; }
    const ClientOptions& options() const { return options_; }

private:
    ApiTransport& transport_;
    ClientOptions options_;
};

}  // namespace crewsync::procore
