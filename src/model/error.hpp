// crewsync — errors as values.
//
// Every expected failure (bad user input, a missing record, a database or
// network problem) travels as an Error inside a Result<T>. Exceptions are for
// bugs and unrecoverable start-up failures only; every thread and handler
// boundary converts them. Callers switch on Error::code(), never on text.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace crewsync {

enum class ErrorCode {
    kInvalidArgument,  // the caller's input is wrong; the message says how
    kNotFound,         // a named record does not exist
    kConflict,         // the request clashes with existing state (duplicate, in use)
    kUnauthorized,     // credentials missing, wrong or expired
    kForbidden,        // credentials fine, permission missing
    kRateLimited,      // a remote rate limit was hit
    kTransient,        // worth retrying (timeouts, resets, 5xx)
    kRemoteRejected,   // the remote side refused the request for good (invalid, 4xx)
    kRemoteBug,        // the remote side answered as it never should (a lasting 500, bad JSON)
    kCorrupt,          // stored data is not what it must be
    kIo,               // a local file or database operation failed
    kInternal,         // a bug
};

// Stable lower-case name of a code, for JSON output and logs ("invalid_argument").
const char* ErrorCodeName(ErrorCode code);

// One problem with one field of one record, e.g. {"email", "is not an e-mail address"}.
// `location` is optional context such as "line 12, column 3" for CSV input.
struct FieldProblem {
    std::string field;
    std::string message;
    std::string location = {};

    bool operator==(const FieldProblem&) const = default;
};

class Error {
public:
    Error(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
    Error(ErrorCode code, std::string message, std::vector<FieldProblem> problems)
        : code_(code), message_(std::move(message)), problems_(std::move(problems)) {}

    ErrorCode code() const { return code_; }
    const std::string& message() const { return message_; }
    // Every individual problem, when the error gathers several (validation, import).
    const std::vector<FieldProblem>& problems() const { return problems_; }

    // The message followed by one indented line per problem.
    std::string ToString() const;

private:
    ErrorCode code_;
    std::string message_;
    std::vector<FieldProblem> problems_;
};

template <class T>
using Result = tl::expected<T, Error>;
using Status = Result<void>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string message) {
    return tl::unexpected<Error>(Error(code, std::move(message)));
}
inline tl::unexpected<Error> Fail(Error error) { return tl::unexpected<Error>(std::move(error)); }
inline Status Ok() { return {}; }

}  // namespace crewsync

// Propagates the error of a Result-returning expression, like Rust's `?`.
#define CREWSYNC_TRY(expr)                                                  \
    do {                                                                    \
        auto&& crewsync_try_result_ = (expr);                               \
        if (!crewsync_try_result_) return ::crewsync::Fail(std::move(crewsync_try_result_).error()); \
    } while (false)

#define CREWSYNC_CONCAT_INNER_(a, b) a##b
#define CREWSYNC_CONCAT_(a, b) CREWSYNC_CONCAT_INNER_(a, b)
// CREWSYNC_ASSIGN_OR_RETURN(auto value, Compute()); — binds the value or returns the error.
#define CREWSYNC_ASSIGN_OR_RETURN(lhs, expr)                                             \
    auto CREWSYNC_CONCAT_(crewsync_result_, __LINE__) = (expr);                           \
    if (!CREWSYNC_CONCAT_(crewsync_result_, __LINE__))                                    \
        return ::crewsync::Fail(std::move(CREWSYNC_CONCAT_(crewsync_result_, __LINE__)).error()); \
    lhs = std::move(*CREWSYNC_CONCAT_(crewsync_result_, __LINE__))
