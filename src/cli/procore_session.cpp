#include "cli/procore_session.hpp"

#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "http/curl_http_client.hpp"
#include "workspace/secret_key.hpp"

namespace crewsync::cli {

Result<std::unique_ptr<SecretAccess>> SecretAccess::Open(CliContext& context) {
    CREWSYNC_TRY(context.OpenWorkspace());
    CREWSYNC_ASSIGN_OR_RETURN(workspace::SecretKey key,
                              workspace::LoadSecretKey(context.paths().key_file, context.env()));
    return std::unique_ptr<SecretAccess>(
        new SecretAccess(workspace::SecretBox(key), context.store()));
}

ProcoreSession::ProcoreSession(const ProcoreTarget& target, procore::TokenKeeper& keeper) {
    procore::ConnectionSettings settings;
    settings.base_url = target.base_url;
    settings.login_url = target.login_url;
    settings.company_id = target.company_id;
    settings.grant = target.credentials.grant;
    settings.app = target.credentials.app;
    http::CurlOptions curl;
    curl.user_agent = "crewsync";
    curl.ca_file = target.ca_file;
    connection_ = std::make_unique<procore::Connection>(
        std::move(settings), keeper, clock_, sleeper_,
        [curl] { return http::MakeCurlHttpClient(curl); });
    // A run that must wait says how long and why (product.md §8).
    connection_->transport().OnWait([](const procore::RateWait& wait) {
        std::cerr << fmt::format("crewsync: waiting {} s: {}\n",
                                 std::chrono::ceil<std::chrono::seconds>(wait.duration).count(),
                                 wait.reason);
    });
}

Result<ProcoreTarget> StoredTarget(CliContext& context, SecretAccess& secrets) {
    CREWSYNC_ASSIGN_OR_RETURN(auto stored, secrets.vault().LoadCredentials());
    const auto& procore = context.config().procore;
    if (!stored || procore.company_id == 0) {
        return Fail(ErrorCode::kNotFound,
                    "this workspace is not connected to Procore yet; run `crewsync connect`");
    }
    return ProcoreTarget{procore.base_url, procore.login_url, procore.company_id,
                         std::move(*stored), CaFileFrom(context.env())};
}

std::string CaFileFrom(const workspace::Environment& env) {
    return env.Get("CREWSYNC_CA_FILE").value_or("");
}

}  // namespace crewsync::cli
