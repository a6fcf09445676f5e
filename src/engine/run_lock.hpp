// One sync at a time per workspace: an exclusive advisory lock on a file beside the database.
// The kernel drops it when the process dies, however it dies, so a run killed mid-way never
// leaves the workspace locked; and holding it proves that no run marked "running" is alive.
#pragma once

#include <string>

#include "model/error.hpp"

namespace crewsync::engine {

class RunLock {
public:
    // Takes the lock at `path` (creating the file, mode 0600) without waiting: kConflict when
    // another process holds it, kIo when the file cannot be opened.
    static Result<RunLock> Acquire(const std::string& path);

    RunLock(RunLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    RunLock& operator=(RunLock&&) = delete;
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;
    ~RunLock();

private:
    explicit RunLock(int fd) : fd_(fd) {}
    int fd_;
};

}  // namespace crewsync::engine
