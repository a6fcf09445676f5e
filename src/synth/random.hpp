// Internal to the generator: the one source of randomness. Values are derived from the raw
// output of std::mt19937_64 (whose sequence the standard fixes) with our own arithmetic, because
// std::uniform_int_distribution and friends may give other values on another standard library,
// and a seed must give the same company everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <utility>
#include <vector>

namespace crewsync::synth::internal {

class Random {
public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}

    std::uint64_t Next() { return engine_(); }

    // Uniform in [0, n); n > 0. The modulo bias is below 2^-40 for any n we use.
    std::uint64_t Below(std::uint64_t n) { return engine_() % n; }
    std::size_t Index(std::size_t n) { return static_cast<std::size_t>(Below(n)); }
    // Uniform in [low, high].
    std::int64_t Between(std::int64_t low, std::int64_t high) {
        return low + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(high - low) + 1));
    }
    // True with probability p: the top 53 bits as a double in [0, 1).
    bool Chance(double p) {
        return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < p;
    }

    template <class T>
    const T& Pick(std::span<const T> items) {
        return items[Index(items.size())];
    }
    template <class T>
    const T& Pick(const std::vector<T>& items) {
        return items[Index(items.size())];
    }

    // Fisher–Yates, written out so the permutation does not depend on std::shuffle's algorithm.
    template <class T>
    void Shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[Index(i)]);
        }
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace crewsync::synth::internal
