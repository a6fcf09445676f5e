// The emulator's timestamps: Procore writes whole UTC seconds as "YYYY-MM-DDTHH:MM:SSZ".
#include <gtest/gtest.h>

#include "emulator/clock.hpp"

namespace crewsync::emulator {
namespace {

Timestamp At(std::int64_t unix_seconds) { return Timestamp{std::chrono::seconds{unix_seconds}}; }

TEST(IsoSecondsTest, WritesWholeUtcSecondsWithPaddedFields) {
    EXPECT_EQ(IsoSeconds(At(0)), "1970-01-01T00:00:00Z");
    EXPECT_EQ(IsoSeconds(At(1'795'452'706)), "2026-11-23T16:51:46Z");
    EXPECT_EQ(IsoSeconds(At(951'782'400)), "2000-02-29T00:00:00Z");  // a leap day
    EXPECT_EQ(IsoSeconds(At(4'102'444'799)), "2099-12-31T23:59:59Z");
}

TEST(IsoSecondsTest, DropsFractionsOfASecond) {
    EXPECT_EQ(IsoSeconds(At(1'795'452'706) + std::chrono::milliseconds(999)),
              "2026-11-23T16:51:46Z");
}

TEST(IsoSecondsTest, AgreesWithUnixSeconds) {
    EXPECT_EQ(UnixSeconds(At(1'795'452'706)), 1'795'452'706);
}

}  // namespace
}  // namespace crewsync::emulator
