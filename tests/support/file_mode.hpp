// File permission helpers for tests that check what crewsync creates is private.
#pragma once

#include <sys/stat.h>

#include <string>

#include <gtest/gtest.h>

namespace crewsync::testing_support {

// The permission bits of `path` (a test failure if it cannot be read).
inline mode_t FileMode(const std::string& path) {
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
    return info.st_mode & 07777;
}

// Sets the process umask for one test and restores it afterwards.
class UmaskGuard {
public:
    explicit UmaskGuard(mode_t mask) : old_(::umask(mask)) {}
    ~UmaskGuard() { ::umask(old_); }
    UmaskGuard(const UmaskGuard&) = delete;
    UmaskGuard& operator=(const UmaskGuard&) = delete;

private:
    mode_t old_;
};

}  // namespace crewsync::testing_support
