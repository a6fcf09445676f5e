// Reading Procore credentials without ever taking them from the command line (other users of
// the machine can read a process's arguments): from a file, from environment variables, or at
// a prompt that does not echo the secret.
#pragma once

#include <optional>
#include <string>

#include "model/error.hpp"
#include "model/secret.hpp"
#include "workspace/environment.hpp"

namespace crewsync::cli {

inline constexpr const char* kClientIdVariable = "CREWSYNC_PROCORE_CLIENT_ID";
inline constexpr const char* kClientSecretVariable = "CREWSYNC_PROCORE_CLIENT_SECRET";
inline constexpr const char* kAuthorizationCodeVariable = "CREWSYNC_PROCORE_AUTHORIZATION_CODE";

struct CredentialInput {
    std::string client_id;
    SecretString client_secret;
    SecretString authorization_code;  // only for the authorization-code grant
    std::string source;               // "file F", "environment", "prompt"
};

// From `file` when given (TOML: client_id, client_secret, optional authorization_code; the file
// must not be readable by others), else from the environment variables above when both are
// set, else from standard input (prompting, without echo, on a terminal). A missing value is
// kInvalidArgument naming the three ways to give it.
Result<CredentialInput> ReadCredentials(const std::optional<std::string>& file,
                                        const workspace::Environment& env);

// One line from standard input after `prompt` on stderr; without echo when `secret` and stdin
// is a terminal. nullopt at end of input.
std::optional<std::string> PromptLine(const std::string& prompt, bool secret);

}  // namespace crewsync::cli
