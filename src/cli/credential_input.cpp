#include "cli/credential_input.hpp"

#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace crewsync::cli {
namespace {

std::string Trim(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && s[start] == ' ') ++start;
    return s.substr(start);
}

Result<CredentialInput> FromFile(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return Fail(ErrorCode::kNotFound, fmt::format("cannot read {}: no such file", path));
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return Fail(ErrorCode::kForbidden,
                    fmt::format("{} can be read by other users of this machine; make it "
                                "private first: chmod 600 {}",
                                path, path));
    }
    toml::table table;
    try {
        table = toml::parse_file(path);
    } catch (const toml::parse_error& error) {
        // The description never quotes the file's text.
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("cannot parse {} (line {}): {}", path,
                                error.source().begin.line, error.description()));
    }
    CredentialInput input;
    input.source = "file " + path;
    input.client_id = table["client_id"].value_or(std::string());
    input.client_secret = SecretString(table["client_secret"].value_or(std::string()));
    input.authorization_code =
        SecretString(table["authorization_code"].value_or(std::string()));
    return input;
}

class EchoOff {
public:
    EchoOff() {
        if (::isatty(STDIN_FILENO) != 1 || ::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (!active_) return;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
        std::cerr << '\n';
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

}  // namespace

std::optional<std::string> PromptLine(const std::string& prompt, bool secret) {
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    if (terminal) std::cerr << prompt << std::flush;
    std::optional<EchoOff> echo_off;
    if (secret) echo_off.emplace();
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return Trim(std::move(line));
}

Result<CredentialInput> ReadCredentials(const std::optional<std::string>& file,
                                        const workspace::Environment& env) {
    CredentialInput input;
    if (file) {
        CREWSYNC_ASSIGN_OR_RETURN(input, FromFile(*file));
    } else if (env.Get(kClientIdVariable).has_value() !=
               env.Get(kClientSecretVariable).has_value()) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("set both {} and {}, or neither", kClientIdVariable,
                                kClientSecretVariable));
    } else if (env.Get(kClientIdVariable) && env.Get(kClientSecretVariable)) {
        input.source = "environment";
        input.client_id = *env.Get(kClientIdVariable);
        input.client_secret = SecretString(*env.Get(kClientSecretVariable));
        input.authorization_code = SecretString(env.Get(kAuthorizationCodeVariable).value_or(""));
    } else {
        input.source = "prompt";
        input.client_id = PromptLine("Procore client ID: ", false).value_or("");
        if (!input.client_id.empty()) {
            input.client_secret =
                SecretString(PromptLine("Procore client secret (not shown): ", true).value_or(""));
        }
    }
    if (input.client_id.empty() || input.client_secret.empty()) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("no Procore client ID and secret were given ({}). Give them "
                                "with --credentials-file FILE (client_id = \"…\", client_secret "
                                "= \"…\"), with the environment variables {} and {}, or at the "
                                "prompt; never on the command line",
                                input.source, kClientIdVariable, kClientSecretVariable));
    }
    return input;
}

}  // namespace crewsync::cli
