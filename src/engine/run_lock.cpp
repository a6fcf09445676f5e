#include "engine/run_lock.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace crewsync::engine {

Result<RunLock> RunLock::Acquire(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Fail(ErrorCode::kIo,
                    "cannot open the run lock " + path + ": " + std::strerror(errno));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK) {
            return Fail(ErrorCode::kConflict,
                        "another sync of this workspace is running; wait for it to finish "
                        "(crewsync runs list shows it)");
        }
        return Fail(ErrorCode::kIo, "cannot lock " + path + ": " + std::strerror(err));
    }
    return RunLock(fd);
}

RunLock::~RunLock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace crewsync::engine
