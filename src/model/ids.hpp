// Strong id types: a PersonId cannot be passed where a ProjectId is expected.
#pragma once

#include <cstdint>
#include <functional>

namespace crewsync {

// A crewsync record id. 0 means "not stored yet"; stored ids are positive.
template <class Tag>
class Id {
public:
    constexpr Id() = default;
    constexpr explicit Id(std::int64_t value) : value_(value) {}

    constexpr std::int64_t value() const { return value_; }
    constexpr bool valid() const { return value_ > 0; }

    constexpr auto operator<=>(const Id&) const = default;

private:
    std::int64_t value_ = 0;
};

using PersonId = Id<struct PersonTag>;
using ProjectId = Id<struct ProjectTag>;
using GroupId = Id<struct GroupTag>;
using ClassificationId = Id<struct ClassificationTag>;
using AssignmentId = Id<struct AssignmentTag>;
using TimeEntryId = Id<struct TimeEntryTag>;

}  // namespace crewsync

template <class Tag>
struct std::hash<crewsync::Id<Tag>> {
    std::size_t operator()(crewsync::Id<Tag> id) const noexcept {
        return std::hash<std::int64_t>{}(id.value());
    }
};
