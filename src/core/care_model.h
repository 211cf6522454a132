// The shapes of issue 13's payloads (老帮老 ledger and pairing, 有困难找志愿者, the city
// dashboard and awards), shared by the app's modules (eldercare.*, help.*, dashboard.*) and
// their codecs (care_codec.*). Plain data; personal data arrives masked.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace zygc {

// ---- 老帮老 供需台账 ----

// A reason of a suggested pair, as a message code with its figures
// ({code:"same_community", params:{community:"海港区"}}); the UI words it.
struct MatchReason {
    std::string code;
    Params params;
    int64_t points = 0;  // this term's part of the score (0 when the server does not say)
};

// An older resident who needs help (masked: name, address, the guardian's phone).
struct ElderNeed {
    Id id = 0;
    std::string name;  // masked ("王*兰"), from name_masked
    Id district_id = 0;
    std::string community;
    std::vector<std::string> needs;  // meal | escort | shopping | companionship | safety_visit
    std::vector<std::string> times;  // weekly slots (slots): mon_am … sun_pm
    std::string mobility;            // independent | cane | wheelchair | bedridden
    std::string guardian_name;       // masked
    std::string guardian_phone;      // masked
    std::string guardian_relation;   // 女儿
    std::string status;              // open | paired
};

// An older volunteer who can help.
struct ElderHelper {
    Id id = 0;
    std::string name;  // masked
    Id district_id = 0;
    std::string community;
    std::vector<std::string> abilities;  // same codes as needs
    std::vector<std::string> times;      // slots
    int64_t walk_m = 0;                  // how far they can walk
    std::string phone;                   // masked
    int64_t capacity = 0;                // how many people they can visit
    int64_t load = 0;                    // active pairs
};

// A suggestion of the global assignment for a district.
struct MatchSuggestion {
    Id need_id = 0;
    Id helper_id = 0;
    std::string need_name;    // masked
    std::string helper_name;  // masked
    int64_t score = 0;
    int64_t distance_m = 0;
    std::vector<MatchReason> reasons;
};

struct MatchList {
    Id district_id = 0;
    std::vector<MatchSuggestion> items;
    int64_t open_needs = 0;                // unpaired needs of the district
    std::vector<Id> unmatched_need_ids;    // open needs no feasible helper is left for
};

struct ElderPair {
    Id id = 0;
    Id need_id = 0;
    Id helper_id = 0;
    std::string need_name;
    std::string helper_name;
    Id district_id = 0;
    int64_t rhythm_days = 7;  // agreed visit rhythm
    std::optional<std::string> last_visit;  // RFC 3339 (last_visit_at)
    std::string next_due;                   // RFC 3339 (next_visit_due)
    bool overdue = false;
    int64_t days_overdue = 0;
    int64_t visits = 0;
    int64_t visit_minutes = 0;
    Id project_id = 0;  // the 老帮老 project whose hours queue certifies the visits
    std::string status;  // active | ended
};

// The answer to a logged visit: the hours record it became.
struct ElderVisit {
    Id id = 0;
    Id pair_id = 0;
    Id attendance_id = 0;  // hours_record_id
    Id project_id = 0;
    int64_t minutes = 0;
    std::string status;  // hours_status: pending (to certify)
};

// ---- 有困难找志愿者 ----
struct HelpRequest {
    Id id = 0;
    std::string title;
    std::string description;
    Id district_id = 0;
    std::string status;  // open | taken | closed | converted
    std::string requester;  // masked display name
    bool mine = false;      // asked by the current user
    std::optional<std::string> taken_by;  // the taking team's name
    Id team_id = 0;
    Id project_id = 0;  // converted: the project
    std::string created_at;
};

// ---- The city dashboard ----
struct DashDistrict {
    Id district_id = 0;
    std::string name;
    int64_t population = 0;
    int64_t registered_volunteers = 0;
    int64_t teams = 0;
    int64_t projects = 0;
    int64_t service_minutes = 0;
    int64_t pairs = 0;   // eldercare_pairs
    int64_t visits = 0;  // eldercare_visits
    int64_t help_requests = 0;
};

struct DashMonth {
    std::string month;  // "2026-11"
    int64_t service_minutes = 0;
    int64_t visits = 0;  // eldercare_visits
    int64_t pairs = 0;   // eldercare_pairs
    int64_t new_volunteers = 0;
    int64_t help_requests = 0;
};

struct CityDashboard {
    int64_t registered_volunteers = 0;
    int64_t resident_population = 0;
    double share_of_population_pct = 0;
    int64_t teams = 0;
    int64_t projects = 0;
    int64_t service_minutes = 0;
    int64_t eldercare_pairs = 0;
    int64_t eldercare_visits = 0;
    int64_t help_requests = 0;
    std::string computed_at;
    std::vector<DashDistrict> by_district;
    std::vector<DashMonth> by_month;
};

struct Award {
    Id id = 0;
    std::string title;  // 全国"四个100"最佳志愿服务项目
    int64_t year = 0;   // 0: unknown
    std::string level;  // national | provincial | city
    std::string issuer;
    std::string brand_slug;  // brand
    std::string brand_name;
    std::string description;
};

}  // namespace zygc
