// Internal to the generator: the words a synthetic construction company is made of — names as
// a US contractor's payroll has them (English and Hispanic, with accents), trades, places.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "synth/random.hpp"

namespace crewsync::synth::internal {

std::span<const std::string_view> FirstNames();
std::span<const std::string_view> EnglishLastNames();
std::span<const std::string_view> HispanicLastNames();
// A surname as a US contractor's payroll has them: common English and Hispanic ones, a long
// tail of rarer ones, and Hispanic double surnames ("García López").
std::string RandomLastName(Random& random);

// A given name and a nickname of it that every nickname table knows ("Robert" → "Bob").
struct Nickname {
    std::string_view name;
    std::string_view nickname;
};
std::span<const Nickname> Nicknames();

// Job titles by the kind of work: office staff (type user), field leads (both), crews
// (assignable).
std::span<const std::string_view> OfficeJobTitles();
std::span<const std::string_view> FieldLeadJobTitles();
std::span<const std::string_view> CrewJobTitles();
std::span<const std::string_view> ClassificationNames();

struct Firm {
    std::string_view name;    // "Summit Ridge Builders"
    std::string_view domain;  // "summitridgebuilders.com"
};
// Contractors: one is the company, the others are subcontractors whose people sit in the
// Directory too.
std::span<const Firm> Firms();
std::span<const std::string_view> PersonalMailDomains();

// US area codes, for mobile numbers.
std::span<const std::string_view> AreaCodes();

struct City {
    std::string_view name;
    std::string_view state;
    std::string_view zip_prefix;  // the first three digits of its ZIP codes
    std::string_view time_zone;   // IANA
};
std::span<const City> Cities();
std::span<const std::string_view> StreetNames();
std::span<const std::string_view> StreetSuffixes();
std::span<const std::string_view> ProjectPlaces();  // "Riverside", "Oak Street"
std::span<const std::string_view> ProjectKinds();   // "Medical Office Building"

// The Latin letters of the vocabulary without their accents: "José Núñez" → "Jose Nunez",
// "Müller" → "Muller", "Søren" → "Soren". Other text is left as it is.
std::string AsciiFold(std::string_view text);
bool HasAccent(std::string_view text);

}  // namespace crewsync::synth::internal
