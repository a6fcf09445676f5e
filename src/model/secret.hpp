// A value that must never be seen: a client secret, an access or refresh token. It prints as
// "***" (streams and fmt), compares in constant time and wipes its bytes when it goes away, so
// a secret in a log line, an error message or a test failure shows nothing.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace crewsync {

class SecretString {
public:
    SecretString() = default;
    explicit SecretString(std::string value) : value_(std::move(value)) {}
    SecretString(const SecretString& other) : value_(other.value_) {}
    SecretString& operator=(const SecretString& other) {
        if (this != &other) {
            Wipe();
            value_ = other.value_;
        }
        return *this;
    }
    SecretString(SecretString&& other) noexcept : value_(std::move(other.value_)) {
        other.Wipe();
    }
    SecretString& operator=(SecretString&& other) noexcept {
        if (this != &other) {
            Wipe();
            value_ = std::move(other.value_);
            other.Wipe();
        }
        return *this;
    }
    ~SecretString() { Wipe(); }

    // The secret itself, for the one place that must send or encrypt it. Never log it.
    const std::string& Reveal() const { return value_; }
    bool empty() const { return value_.empty(); }

    // Constant-time: how long two tokens share a prefix must not leak through timing.
    friend bool operator==(const SecretString& a, const SecretString& b) {
        if (a.value_.size() != b.value_.size()) return false;
        unsigned char diff = 0;
        for (std::size_t i = 0; i < a.value_.size(); ++i) {
            diff = static_cast<unsigned char>(diff | (a.value_[i] ^ b.value_[i]));
        }
        return diff == 0;
    }

    friend std::ostream& operator<<(std::ostream& out, const SecretString&) {
        return out << "***";
    }

private:
    void Wipe() {
        // Through a volatile pointer, so the compiler cannot drop the stores as dead.
        volatile char* bytes = value_.data();
        for (std::size_t i = 0; i < value_.size(); ++i) bytes[i] = 0;
        value_.clear();
    }

    std::string value_;
};

}  // namespace crewsync

template <>
struct fmt::formatter<crewsync::SecretString> : fmt::formatter<std::string_view> {
    template <class FormatContext>
    auto format(const crewsync::SecretString&, FormatContext& ctx) const {
        return fmt::formatter<std::string_view>::format("***", ctx);
    }
};
