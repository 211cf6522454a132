// The data the app and the reference server share. Plain structs, no behaviour.
// Field names follow ../shared/API.md; JSON codecs live in codec.h (decode<T> in decode.h).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zygc {

using Id = int64_t;

struct District {
    Id id = 0;
    std::string name;
    int64_t population = 0;
};

struct DistrictStats {
    Id district_id = 0;
    std::string name;
    int64_t population = 0;
    int64_t registered_volunteers = 0;
    int64_t service_minutes = 0;
};

struct CityStats {
    int64_t registered_volunteers = 0;
    int64_t resident_population = 0;
    double share_of_population_pct = 0;  // one decimal, e.g. 19.6
    int64_t teams = 0;
    int64_t projects = 0;
    int64_t service_minutes = 0;
    std::vector<DistrictStats> by_district;
};

struct BrandStat {
    std::string label;  // "参与青年志愿者"
    std::string value;  // "4000+"
};

struct Site {
    std::string name;
    double lat = 0;
    double lng = 0;
    int64_t radius_m = 0;
};

struct Shift {
    Id id = 0;
    std::string start;  // RFC 3339 with offset
    std::string end;
    int64_t capacity = 0;
    int64_t signed_up = 0;
};

// A project as lists show it; the detail adds description and shifts.
struct Project {
    Id id = 0;
    std::string title;
    std::string summary;
    std::string description;  // detail only ("" in lists)
    std::string category;     // code, see categories in decode.h
    std::optional<std::string> brand;  // brand slug
    std::string brand_name;            // "" when no brand
    Id team_id = 0;
    std::string team_name;
    Id district_id = 0;
    std::string district_name;
    Site site;
    std::string status;  // "open" | "closed"
    std::string start;   // first shift start ("" when none)
    std::string end;     // last shift end
    int64_t capacity = 0;   // sum over shifts
    int64_t signed_up = 0;  // sum over shifts
    std::vector<Shift> shifts;  // detail only: the latest 100 by start, in start order
    int64_t shift_count = 0;    // detail only: all of its shifts
    // sign-up flow (issue 10), lists only: the next shift that has not started and has a place
    // (id 0: none), so a card's date and places left are those of one shift.
    Shift next_shift;
};

struct Brand {
    std::string slug;
    std::string name;
    std::string owner_org;
    std::string summary;
    std::string story;  // detail only ("" in lists)
    std::vector<std::string> highlights;
    std::vector<std::string> awards;
    std::vector<BrandStat> stats;
    std::string cover_url;
    int64_t project_count = 0;
    std::vector<Project> projects;  // detail only
    // images (issue 10): the widths cover_url also comes in (the same path with "-<width>"
    // before the extension); empty: only cover_url itself.
    std::vector<int> cover_widths;
};

struct Team {
    Id id = 0;
    std::string name;
    std::string org;
    Id district_id = 0;
    std::string district_name;
    std::string leader_name;
    int64_t member_count = 0;
    int64_t project_count = 0;
    std::string summary;
    std::string founded;  // YYYY-MM-DD
    std::vector<Project> projects;  // detail only
};

template <class T>
struct Page {
    std::vector<T> items;
    std::optional<std::string> next_cursor;
    int64_t total = 0;
};

// ---- Accounts, 实名注册, sign-ups ----

struct TeamMembership {
    Id id = 0;
    std::string name;
    std::string role;  // "leader" | "member"
};

// What a volunteer registered; the ID number only ever travels masked.
struct VolunteerProfile {
    std::string real_name;
    std::string id_number_masked;  // "1303**********123X"
    Id district_id = 0;
    std::vector<std::string> skills;
    std::vector<std::string> availability;  // "weekday_day" | "weekday_evening" | "weekend"
    std::string registered_at;
};

struct Me {
    Id id = 0;
    std::string phone_masked;
    std::string display_name;
    std::vector<std::string> roles;  // resident volunteer organizer social_worker admin
    std::vector<TeamMembership> teams;
    std::optional<VolunteerProfile> volunteer;
};

// POST /auth/login and /auth/wechat answer {"user": Me}.
struct Session {
    Me user;
};

struct SmsCodeSent {
    std::optional<std::string> dev_code;  // dev mode only
    int64_t retry_after_s = 60;
};

// The 实名注册 form as sent (PUT /me/volunteer). The ID number is sent once, over TLS.
struct VolunteerApplication {
    std::string real_name;
    std::string id_number;
    Id district_id = 0;
    std::vector<std::string> skills;
    std::vector<std::string> availability;
    bool consent = false;  // separate consent to sensitive personal information (PIPL art. 29)
};

struct Signup {
    Id id = 0;
    Id shift_id = 0;
    Id project_id = 0;
    std::string project_title;
    std::string start;
    std::string end;
    std::string site_name;
    std::string status;  // "confirmed" | "cancelled"
    std::string created_at;
};

struct ShiftDraft {
    std::string start;
    std::string end;
    int64_t capacity = 0;
};

// POST /projects and PATCH /projects/{id}.
struct ProjectDraft {
    Id team_id = 0;
    std::string title;
    std::string summary;
    std::string description;
    std::string category;
    std::optional<std::string> brand;
    Id district_id = 0;
    Site site;
    std::vector<ShiftDraft> shifts;
};

// RFC 9457 problem details. `code` is the stable machine-readable reason ("shift_full",
// "id_checksum"); `params` its arguments (name → text), from which the app builds its own
// words in its own language. `detail` / `message` are the server's Chinese text for logs
// and old clients.
struct Param {
    std::string name;
    std::string value;
    bool operator==(const Param&) const = default;
};
using Params = std::vector<Param>;

struct FieldError {
    std::string field;
    std::string message;
    std::string code;
    Params params;
};

struct Problem {
    std::string type = "about:blank";
    std::string title;
    int status = 0;
    std::string detail;
    std::vector<FieldError> errors;
    std::string code;
    Params params;
};

}  // namespace zygc
