#include "procore/connection.hpp"

namespace crewsync::procore {

Connection::Connection(ConnectionSettings settings, TokenKeeper& keeper, const Clock& clock,
                       Sleeper& sleeper, HttpClientFactory make_http)
    : settings_(std::move(settings)),
      clock_(clock),
      sleeper_(sleeper),
      make_http_(std::move(make_http)),
      governor_(clock, settings_.governor),
      auth_(make_http_(), settings_.login_url, settings_.app, settings_.grant, keeper, clock) {
    transport_ = NewTransport();
    client_ = std::make_unique<ProcoreClient>(*transport_, settings_.client);
}

std::unique_ptr<ApiTransport> Connection::NewTransport() {
    return std::make_unique<ApiTransport>(make_http_(),
                                          Endpoint{settings_.base_url, settings_.company_id},
                                          auth_, governor_, clock_, sleeper_, settings_.retry);
}

}  // namespace crewsync::procore
