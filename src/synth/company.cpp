// The people half of the synthetic company: crewsync's people list and the Directory that
// overlaps it. Each person is first given a category (clean match, conflict, near-duplicate,
// duplicate, or not in Procore) by an exact share of a shuffled list, so the shares hold for
// small companies too; then the Directory record, if any, is derived from the person.
#include "synth/company.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "model/text.hpp"
#include "synth/contact_details.hpp"
#include "synth/parts.hpp"
#include "synth/vocabulary.hpp"

namespace crewsync::synth {
namespace {

using internal::PhoneStyle;
using internal::Random;
using sync::RemoteContact;
using sync::RemoteKind;
using sync::RemoteUser;

// Procore ids are global across companies, so one company's are large and far apart.
constexpr sync::ProcoreId kFirstDirectoryId = 7'000'000'000;
constexpr auto kTwoYears = std::chrono::seconds(2 * 365 * 24 * 3600);

enum class Category { kAbsent, kClean, kConflict, kNearDuplicate, kDuplicate };

enum class Spelling { kNickname, kSwappedNames, kAccents, kEmailTypo, kPhoneFormat };

const char* Words(Spelling how) {
    switch (how) {
        case Spelling::kNickname: return "nickname";
        case Spelling::kSwappedNames: return "swapped names";
        case Spelling::kAccents: return "accents";
        case Spelling::kEmailTypo: return "e-mail typo";
        case Spelling::kPhoneFormat: return "phone format";
    }
    return "";
}

// A Directory record before it has its Procore id.
struct Slot {
    RemoteKind kind = RemoteKind::kUser;
    std::size_t index = 0;  // into remote.users or remote.contacts
};

std::string AsciiUpper(std::string text) {
    for (char& c : text) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return text;
}

std::int64_t Share(double share, std::int64_t of) {
    return std::clamp<std::int64_t>(std::llround(share * static_cast<double>(of)), 0, of);
}

class PeopleGenerator {
public:
    PeopleGenerator(const CompanyShape& shape, Random& random, Timestamp now, Company& company,
                    std::vector<std::string> classifications)
        : shape_(shape), random_(random), now_(now), company_(company),
          classifications_(std::move(classifications)) {}

    void Run();

private:
    void ChooseCategories();
    Spelling ChooseSpelling(PersonType type);
    void AddPerson(std::int64_t id);
    void AddCounterpart(std::size_t i);
    void AddCleanMatch(std::size_t i);
    void AddConflict(std::size_t i);
    void AddNearDuplicate(std::size_t i);
    void PlantDuplicates();
    void AddDirectoryOnly();
    void AssignDirectoryIds();

    std::string UniqueEmail(std::string_view local, std::string_view domain);
    std::string TypoEmail(std::string_view email);
    std::string NextEmployeeId();
    std::string OtherFirstName(std::string_view not_this);
    std::string OtherLastName(std::string_view not_this);
    std::string_view JobTitle(PersonType type);
    std::string Phone(std::size_t i, bool other_style);
    Slot Push(RemoteUser user);
    Slot Push(RemoteContact contact);

    const CompanyShape& shape_;
    Random& random_;
    Timestamp now_;
    Company& company_;
    std::vector<std::string> classifications_;
    std::vector<Category> category_;                // per person, by position
    std::vector<Spelling> spelling_;                // near-duplicates: how it is misspelt
    std::vector<std::string> phone_digits_;         // per person: "" when no mobile
    std::vector<PhoneStyle> phone_style_;
    std::unordered_set<std::string> emails_;        // every address handed out, lower-cased
    std::int64_t next_employee_number_ = 0;
    double inactive_rate_ = 0;                      // among people with nothing planted
    std::vector<std::string_view> accented_first_, accented_last_;
    std::vector<Slot> near_slots_;                  // parallel to company_.near_duplicates
    std::vector<Slot> conflict_slots_;              // parallel to company_.conflicts
};

void PeopleGenerator::Run() {
    for (std::string_view n : internal::FirstNames()) {
        if (internal::HasAccent(n)) accented_first_.push_back(n);
    }
    for (auto names : {internal::EnglishLastNames(), internal::HispanicLastNames()}) {
        for (std::string_view n : names) {
            if (internal::HasAccent(n)) accented_last_.push_back(n);
        }
    }
    next_employee_number_ = 10000 + random_.Between(0, 899);
    ChooseCategories();
    company_.local.people.reserve(static_cast<std::size_t>(shape_.people));
    for (std::int64_t id = 1; id <= shape_.people; ++id) AddPerson(id);
    PlantDuplicates();
    for (std::size_t i = 0; i < category_.size(); ++i) AddCounterpart(i);
    AddDirectoryOnly();
    AssignDirectoryIds();
}

void PeopleGenerator::ChooseCategories() {
    const std::int64_t n = std::max<std::int64_t>(shape_.people, 0);
    category_.assign(static_cast<std::size_t>(n), Category::kAbsent);
    std::size_t at = 0;
    auto fill = [&](double share, Category c) {
        const std::int64_t count = std::min<std::int64_t>(
            Share(share, n), n - static_cast<std::int64_t>(at));
        for (std::int64_t k = 0; k < count; ++k) category_[at++] = c;
    };
    fill(shape_.share_clean, Category::kClean);
    fill(shape_.share_conflict, Category::kConflict);
    fill(shape_.share_near_duplicate, Category::kNearDuplicate);
    fill(shape_.share_duplicate, Category::kDuplicate);
    random_.Shuffle(category_);
    spelling_.assign(category_.size(), Spelling::kNickname);
    const auto plain = std::count_if(category_.begin(), category_.end(), [](Category c) {
        return c == Category::kClean || c == Category::kAbsent;
    });
    if (plain > 0) {
        inactive_rate_ = std::min(1.0, shape_.share_inactive * static_cast<double>(n) /
                                           static_cast<double>(plain));
    }
}

Spelling PeopleGenerator::ChooseSpelling(PersonType type) {
    // Contacts keep no mobile phone, so only Users can be recognised by it.
    const std::uint64_t kinds = CanLogIn(type) ? 5 : 4;
    return static_cast<Spelling>(random_.Below(kinds));
}

std::string PeopleGenerator::UniqueEmail(std::string_view local, std::string_view domain) {
    std::string address = std::string(local) + "@" + std::string(domain);
    for (int n = 2; !emails_.insert(AsciiLower(address)).second; ++n) {
        address = std::string(local) + std::to_string(n) + "@" + std::string(domain);
    }
    return address;
}

std::string PeopleGenerator::TypoEmail(std::string_view email) {
    const auto at = email.find('@');
    const std::string_view local = email.substr(0, at);
    const std::string_view domain = email.substr(at + 1);
    for (int attempt = 0; attempt < 10; ++attempt) {
        std::string typo = internal::WithTypo(random_, local) + "@" + std::string(domain);
        if (emails_.insert(AsciiLower(typo)).second) return typo;
    }
    return UniqueEmail(std::string(local) + "x", domain);
}

std::string PeopleGenerator::NextEmployeeId() {
    next_employee_number_ += 1 + random_.Between(0, 2);
    return "E" + std::to_string(next_employee_number_);
}

std::string PeopleGenerator::OtherFirstName(std::string_view not_this) {
    const std::string mine = AsciiLower(internal::AsciiFold(not_this));
    for (;;) {
        std::string_view other = random_.Pick(internal::FirstNames());
        if (AsciiLower(internal::AsciiFold(other)) != mine) return std::string(other);
    }
}

std::string PeopleGenerator::OtherLastName(std::string_view not_this) {
    const std::string mine = AsciiLower(internal::AsciiFold(not_this));
    for (;;) {
        std::string other = internal::RandomLastName(random_);
        if (AsciiLower(internal::AsciiFold(other)) != mine) return other;
    }
}

std::string_view PeopleGenerator::JobTitle(PersonType type) {
    switch (type) {
        case PersonType::kUser: return random_.Pick(internal::OfficeJobTitles());
        case PersonType::kBoth: return random_.Pick(internal::FieldLeadJobTitles());
        case PersonType::kAssignable: return random_.Pick(internal::CrewJobTitles());
    }
    return "";
}

std::string PeopleGenerator::Phone(std::size_t i, bool other_style) {
    if (phone_digits_[i].empty()) return "";
    const PhoneStyle style =
        other_style ? internal::OtherPhoneStyle(random_, phone_style_[i]) : phone_style_[i];
    return internal::FormatPhone(phone_digits_[i], style);
}

void PeopleGenerator::AddPerson(std::int64_t id) {
    const std::size_t i = static_cast<std::size_t>(id - 1);
    const Category category = category_[i];
    Person p;
    p.id = PersonId(id);

    const double r = static_cast<double>(random_.Next() >> 11) * 0x1.0p-53;
    p.type = r < shape_.share_user                      ? PersonType::kUser
             : r < shape_.share_user + shape_.share_both ? PersonType::kBoth
                                                         : PersonType::kAssignable;
    if (category == Category::kNearDuplicate) spelling_[i] = ChooseSpelling(p.type);
    const Spelling how = spelling_[i];
    const bool near = category == Category::kNearDuplicate;

    // A nickname needs a given name that has one; an accent near-duplicate is clearest when
    // there is an accent to lose.
    if (near && how == Spelling::kNickname) {
        p.first_name = random_.Pick(internal::Nicknames()).name;
    } else if (near && how == Spelling::kAccents && random_.Chance(0.5)) {
        p.first_name = random_.Pick(accented_first_);
    } else {
        p.first_name = random_.Pick(internal::FirstNames());
    }
    if (near && how == Spelling::kAccents && random_.Chance(0.6)) {
        p.last_name = random_.Pick(accented_last_);
    } else {
        p.last_name = internal::RandomLastName(random_);
    }

    // Every User logs in with an e-mail; most crew members have one too.
    const bool needs_email = CanLogIn(p.type) || (near && how == Spelling::kEmailTypo);
    if (needs_email || random_.Chance(0.75)) {
        p.email = UniqueEmail(internal::EmailLocalPart(random_, p.first_name, p.last_name),
                              company_.domain);
    }
    // Contacts are matched by employee ID, so every crew member has one; a few office staff
    // are not on the field payroll.
    if (p.type == PersonType::kAssignable || random_.Chance(0.95)) p.employee_id = NextEmployeeId();

    const bool needs_phone = near && how == Spelling::kPhoneFormat;
    phone_digits_.push_back(needs_phone || random_.Chance(0.9) ? internal::RandomPhoneDigits(random_)
                                                               : std::string());
    // crewsync's own list is mostly tidy: two styles cover nine in ten numbers.
    const std::uint64_t style = random_.Below(10);
    phone_style_.push_back(style < 6   ? PhoneStyle::kParentheses
                           : style < 9 ? PhoneStyle::kDashes
                                       : PhoneStyle::kDigits);
    p.mobile_phone = Phone(i, false);

    p.job_title = JobTitle(p.type);
    if (CanBeAssigned(p.type) && !classifications_.empty() && random_.Chance(0.8)) {
        p.classification = random_.Pick(classifications_);
    }
    if (p.type != PersonType::kAssignable) {
        static constexpr PermissionLevel kLevels[] = {PermissionLevel::kViewer,
                                                      PermissionLevel::kViewer,
                                                      PermissionLevel::kEditor,
                                                      PermissionLevel::kAdmin};
        p.permission = kLevels[random_.Below(4)];
    }
    p.groups.push_back(random_.Pick(company_.local.group_names));
    if (random_.Chance(0.2)) {
        const std::string& second = random_.Pick(company_.local.group_names);
        if (second != p.groups.front()) p.groups.push_back(second);
    }

    // What was planted must stay visible (inactive people are only ever left out), so the
    // inactive share comes from the people with nothing planted, at a higher rate.
    const bool plain = category == Category::kClean || category == Category::kAbsent;
    if (plain && random_.Chance(inactive_rate_)) p.status = RecordStatus::kInactive;

    company_.local.people.push_back({std::move(p), internal::Before(random_, now_, kTwoYears / 2)});
}

// A duplicate repeats the key of an active person with nothing else planted, so what the link
// report shows for the pair is the duplicate and nothing else.
void PeopleGenerator::PlantDuplicates() {
    auto& people = company_.local.people;
    std::vector<std::size_t> pool;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const bool plain = category_[i] == Category::kClean || category_[i] == Category::kAbsent;
        if (plain && people[i].person.status == RecordStatus::kActive) pool.push_back(i);
    }
    for (std::size_t i = 0; i < people.size(); ++i) {
        if (category_[i] != Category::kDuplicate) continue;
        if (pool.empty()) {
            category_[i] = Category::kAbsent;
            continue;
        }
        const std::size_t pick = random_.Index(pool.size());
        const std::size_t q = pool[pick];
        pool[pick] = pool.back();
        pool.pop_back();
        Person& copy = people[i].person;
        const Person& original = people[q].person;
        const bool has_email = !original.email.empty();
        const bool has_id = !original.employee_id.empty();
        const std::uint64_t r = random_.Below(10);
        const char* key = "";
        if (has_email && has_id && r < 2) {
            // The same human typed in twice.
            copy.first_name = original.first_name;
            copy.last_name = original.last_name;
            copy.email = internal::VaryEmail(random_, original.email, false);
            copy.employee_id = original.employee_id;
            key = "e-mail and employee ID";
        } else if (has_email && (r < 6 || !has_id)) {
            copy.email = internal::VaryEmail(random_, original.email, false);
            key = "e-mail";
        } else if (has_id) {
            copy.employee_id = original.employee_id;
            key = "employee ID";
        } else {
            category_[i] = Category::kAbsent;
            continue;
        }
        company_.duplicates.push_back({copy.id.value(), original.id.value(), key});
    }
}

Slot PeopleGenerator::Push(RemoteUser user) {
    company_.remote.users.push_back(std::move(user));
    return {RemoteKind::kUser, company_.remote.users.size() - 1};
}

Slot PeopleGenerator::Push(RemoteContact contact) {
    company_.remote.contacts.push_back(std::move(contact));
    return {RemoteKind::kContact, company_.remote.contacts.size() - 1};
}

void PeopleGenerator::AddCounterpart(std::size_t i) {
    switch (category_[i]) {
        case Category::kClean: AddCleanMatch(i); break;
        case Category::kConflict: AddConflict(i); break;
        case Category::kNearDuplicate: AddNearDuplicate(i); break;
        case Category::kDuplicate:
        case Category::kAbsent: break;
    }
}

// Every compared field equal; only what normalising absorbs differs (e-mail case and spaces,
// phone format, employee ID case).
void PeopleGenerator::AddCleanMatch(std::size_t i) {
    const Person& p = company_.local.people[i].person;
    const bool active = p.status == RecordStatus::kActive;
    const std::string employee_id =
        random_.Chance(0.05) ? AsciiLower(p.employee_id) : p.employee_id;
    if (CanLogIn(p.type)) {
        RemoteUser u;
        u.first_name = p.first_name;
        u.last_name = p.last_name;
        u.email = internal::VaryEmail(random_, p.email, true);
        u.employee_id = employee_id;
        u.mobile_phone = Phone(i, true);
        u.job_title = p.job_title;
        u.active = active;
        u.is_employee = true;
        u.updated_at = internal::Before(random_, now_, kTwoYears);
        Push(std::move(u));
    } else {
        RemoteContact c;
        c.first_name = p.first_name;
        c.last_name = p.last_name;
        if (!p.email.empty() && random_.Chance(0.5)) c.email = internal::VaryEmail(random_, p.email, true);
        c.employee_id = employee_id;
        c.job_title = p.job_title;
        c.active = active;
        c.is_employee = true;
        c.updated_at = internal::Before(random_, now_, kTwoYears);
        Push(std::move(c));
    }
}

// The key matches; a name (or a User's employee ID) does not.
void PeopleGenerator::AddConflict(std::size_t i) {
    const Person& p = company_.local.people[i].person;
    const std::uint64_t r = random_.Below(20);
    std::string first = p.first_name, last = p.last_name;
    const char* field = "";
    bool other_id = false;
    if (r < 9) {
        first = OtherFirstName(p.first_name);
        field = "first_name";
    } else if (r < 16 || !CanLogIn(p.type) || p.employee_id.empty()) {
        last = OtherLastName(p.last_name);  // married, or a different spelling on file
        field = "last_name";
    } else {
        other_id = true;
        field = "employee_id";
    }
    Slot slot;
    if (CanLogIn(p.type)) {
        RemoteUser u;
        u.first_name = first;
        u.last_name = last;
        u.email = internal::VaryEmail(random_, p.email, true);
        u.employee_id = other_id ? NextEmployeeId() : p.employee_id;
        u.mobile_phone = Phone(i, true);
        u.job_title = p.job_title;
        u.is_employee = true;
        u.updated_at = internal::Before(random_, now_, kTwoYears);
        slot = Push(std::move(u));
    } else {
        RemoteContact c;
        c.first_name = first;
        c.last_name = last;
        c.employee_id = p.employee_id;
        c.job_title = p.job_title;
        c.is_employee = true;
        c.updated_at = internal::Before(random_, now_, kTwoYears);
        slot = Push(std::move(c));
    }
    company_.conflicts.push_back({p.id.value(), slot.kind, 0, field});
    conflict_slots_.push_back(slot);
}

// The same human, spelt so that the key does not match: a User under another e-mail, a Contact
// without (or with another) employee ID.
void PeopleGenerator::AddNearDuplicate(std::size_t i) {
    const Person& p = company_.local.people[i].person;
    const Spelling how = spelling_[i];
    std::string first = p.first_name, last = p.last_name;
    switch (how) {
        case Spelling::kNickname:
            for (const internal::Nickname& n : internal::Nicknames()) {
                if (n.name == p.first_name) first = n.nickname;
            }
            break;
        case Spelling::kSwappedNames:
            std::swap(first, last);
            break;
        case Spelling::kAccents:
            first = AsciiUpper(internal::AsciiFold(first));
            last = AsciiUpper(internal::AsciiFold(last));
            break;
        case Spelling::kEmailTypo:
        case Spelling::kPhoneFormat:
            break;
    }
    Slot slot;
    if (CanLogIn(p.type)) {
        RemoteUser u;
        u.first_name = first;
        u.last_name = last;
        if (how == Spelling::kEmailTypo) {
            u.email = TypoEmail(p.email);
        } else if (how == Spelling::kPhoneFormat) {
            // Signed up with a private address; only the phone gives the person away.
            u.email = UniqueEmail(internal::MailName(p.first_name) + internal::MailName(p.last_name) +
                                      std::to_string(random_.Between(10, 99)),
                                  random_.Pick(internal::PersonalMailDomains()));
        } else {
            u.email = UniqueEmail(internal::EmailLocalPart(random_, first, last), company_.domain);
        }
        // The same human usually keeps the payroll number and phone: the evidence that makes a
        // near-duplicate recognisable (a private sign-up has neither on file).
        if (how != Spelling::kPhoneFormat && random_.Chance(0.8)) u.employee_id = p.employee_id;
        if (how == Spelling::kPhoneFormat || random_.Chance(0.7)) u.mobile_phone = Phone(i, true);
        u.job_title = p.job_title;
        u.is_employee = true;
        u.updated_at = internal::Before(random_, now_, kTwoYears);
        slot = Push(std::move(u));
    } else {
        RemoteContact c;
        c.first_name = first;
        c.last_name = last;
        if (random_.Chance(0.15)) c.employee_id = NextEmployeeId();  // else none on file
        if (how == Spelling::kEmailTypo) {
            c.email = TypoEmail(p.email);
        } else if (!p.email.empty() && random_.Chance(0.7)) {
            c.email = p.email;  // a Contact's e-mail is no key
        }
        c.job_title = p.job_title;
        c.is_employee = true;
        c.updated_at = internal::Before(random_, now_, kTwoYears);
        slot = Push(std::move(c));
    }
    company_.near_duplicates.push_back({p.id.value(), slot.kind, 0, Words(how)});
    near_slots_.push_back(slot);
}

// People nothing in crewsync matches: the company's own staff crewsync does not list, and the
// subcontractors' people every Directory collects.
void PeopleGenerator::AddDirectoryOnly() {
    std::vector<const internal::Firm*> vendors;
    for (const internal::Firm& f : internal::Firms()) {
        if (f.domain != company_.domain) vendors.push_back(&f);
    }
    for (std::int64_t k = 0; k < shape_.directory_only; ++k) {
        const std::string first(random_.Pick(internal::FirstNames()));
        const std::string last = internal::RandomLastName(random_);
        const bool user = random_.Chance(shape_.directory_only_share_user);
        const bool employee = random_.Chance(user ? 0.7 : 0.6);
        const std::string_view domain = employee ? std::string_view(company_.domain)
                                                 : random_.Pick(vendors)->domain;
        static constexpr PersonType kTypes[] = {PersonType::kUser, PersonType::kBoth,
                                                PersonType::kAssignable};
        const std::string title(JobTitle(kTypes[random_.Below(3)]));
        const bool active = random_.Chance(0.92);
        if (user) {
            RemoteUser u;
            u.first_name = first;
            u.last_name = last;
            u.email = UniqueEmail(internal::EmailLocalPart(random_, first, last), domain);
            if (employee && random_.Chance(0.8)) u.employee_id = NextEmployeeId();
            if (random_.Chance(0.7)) {
                u.mobile_phone = internal::FormatPhone(
                    internal::RandomPhoneDigits(random_),
                    static_cast<PhoneStyle>(random_.Below(internal::kPhoneStyleCount)));
            }
            u.job_title = title;
            u.active = active;
            u.is_employee = employee;
            if (random_.Chance(0.05)) u.origin_id = "erp-" + std::to_string(random_.Between(100000, 999999));
            u.updated_at = internal::Before(random_, now_, kTwoYears);
            Push(std::move(u));
        } else {
            RemoteContact c;
            c.first_name = first;
            c.last_name = last;
            if (employee) c.employee_id = NextEmployeeId();
            if (random_.Chance(0.4)) {
                c.email = UniqueEmail(internal::EmailLocalPart(random_, first, last), domain);
            }
            c.job_title = title;
            c.active = active;
            c.is_employee = employee;
            c.updated_at = internal::Before(random_, now_, kTwoYears);
            Push(std::move(c));
        }
    }
}

// Users and Contacts share one id sequence, handed out in an order unrelated to the people's,
// as years of Directory edits leave it.
void PeopleGenerator::AssignDirectoryIds() {
    auto& users = company_.remote.users;
    auto& contacts = company_.remote.contacts;
    std::vector<sync::ProcoreId> ids(users.size() + contacts.size());
    sync::ProcoreId next = kFirstDirectoryId + random_.Between(0, 99'999);
    for (sync::ProcoreId& id : ids) {
        next += random_.Between(1, 40);
        id = next;
    }
    random_.Shuffle(ids);
    for (std::size_t k = 0; k < users.size(); ++k) users[k].id = ids[k];
    for (std::size_t k = 0; k < contacts.size(); ++k) contacts[k].id = ids[users.size() + k];
    auto id_of = [&](Slot slot) {
        return slot.kind == RemoteKind::kUser ? users[slot.index].id : contacts[slot.index].id;
    };
    for (std::size_t k = 0; k < near_slots_.size(); ++k) {
        company_.near_duplicates[k].remote_id = id_of(near_slots_[k]);
    }
    for (std::size_t k = 0; k < conflict_slots_.size(); ++k) {
        company_.conflicts[k].remote_id = id_of(conflict_slots_[k]);
    }
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    std::sort(users.begin(), users.end(), by_id);
    std::sort(contacts.begin(), contacts.end(), by_id);
}

}  // namespace

Company GenerateCompany(const CompanyShape& shape) {
    using namespace std::chrono;
    Random random(shape.seed);
    Company company;
    const auto firms = internal::Firms();
    const internal::Firm& firm = firms[random.Index(firms.size())];
    company.name = firm.name;
    company.domain = firm.domain;
    company.local.group_names = {"North", "South", "East", "West"};
    // "Now" for the company's timestamps: a day in 2025 the seed picks, so a fixed seed gives
    // fixed timestamps.
    const Timestamp now = time_point_cast<milliseconds>(
        sys_days(year(2025) / January / 1) + days(random.Between(0, 364)) + hours(12));
    std::vector<std::string> classifications =
        internal::AddClassifications(shape, random, company);
    PeopleGenerator(shape, random, now, company, std::move(classifications)).Run();
    internal::AddProjects(shape, random, now, company);
    return company;
}

}  // namespace crewsync::synth
