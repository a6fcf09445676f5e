// What the loopback itself carries: plain TCP over 127.0.0.1, one writer sending `messages`
// blocks of `message_bytes` and one reader taking them in, per connection, `connections`
// connections at once. No HTTP, no JSON: the ceiling any server on this machine meets when it
// sends responses of that size.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

namespace crewsync::bench {

namespace loopback_detail {

inline void SendAll(int socket, const std::string& block, int messages) {
    for (int m = 0; m < messages; ++m) {
        std::size_t sent = 0;
        while (sent < block.size()) {
            const ssize_t n = ::send(socket, block.data() + sent, block.size() - sent, 0);
            if (n <= 0) return;
            sent += static_cast<std::size_t>(n);
        }
    }
}

// One connection: a listening socket, a writer thread, and the reader on this thread.
inline void OneConnection(std::size_t message_bytes, int messages, std::size_t read_size) {
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(listener, 1);
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    std::thread writer([&] {
        const int connection = ::accept(listener, nullptr, nullptr);
        SendAll(connection, std::string(message_bytes, 'x'), messages);
        ::close(connection);
    });
    const int reader = ::socket(AF_INET, SOCK_STREAM, 0);
    ::connect(reader, reinterpret_cast<sockaddr*>(&address), sizeof address);
    std::vector<char> buffer(read_size);
    while (::read(reader, buffer.data(), buffer.size()) > 0) {
    }
    writer.join();
    ::close(reader);
    ::close(listener);
}

}  // namespace loopback_detail

// Messages per second over all connections.
inline double LoopbackMessagesPerSecond(std::size_t message_bytes, int messages, int connections,
                                        std::size_t read_size) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pairs;
    for (int c = 0; c < connections; ++c) {
        pairs.emplace_back(loopback_detail::OneConnection, message_bytes, messages, read_size);
    }
    for (std::thread& pair : pairs) pair.join();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return static_cast<double>(messages) * connections / seconds;
}

}  // namespace crewsync::bench
