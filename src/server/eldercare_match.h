// 老帮老 pairing (issue 13): which older helper visits which older resident. Pure functions
// over plain data, no database: routes_eldercare.cpp loads a district and asks; the tests
// generate districts and check the answer against their own counts.
//
// A pair is feasible when the need is open, the helper has a free place, they live in the
// same community or the need's home is within the helper's walking distance, the helper can
// meet at least one of the needs, and they share at least one weekly slot. Its score is the
// sum of named terms (the reasons the social worker reads). assign() is a global assignment:
// among the assignments that meet the most needs, one with the highest total score, where a
// helper's 2nd, 3rd … suggestion costs kLoadPenalty more each (load balance).
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace zygc::server::eldercare {

using Id = int64_t;

// Service codes (needs and abilities) and weekly slots, as bit sets.
extern const char* const kServices[5];  // meal, escort, shopping, companionship, safety_visit
extern const char* const kSlots[14];    // mon_am, mon_pm, … sun_pm
int service_bit(const std::string& code);  // -1 when unknown
int slot_bit(const std::string& code);

struct Need {
    Id id = 0;
    std::string community;
    double lat = 0, lng = 0;
    uint32_t services = 0;  // bits of kServices
    uint32_t slots = 0;     // bits of kSlots
};

struct Helper {
    Id id = 0;
    std::string community;
    double lat = 0, lng = 0;
    int walk_m = 0;
    uint32_t abilities = 0;
    uint32_t slots = 0;
    int capacity = 1;
    int load = 0;  // active pairs now
};

struct Reason {
    std::string code;  // same_community | walking_distance | needs_met | times_overlap | helper_load
    int points = 0;
    std::vector<std::pair<std::string, std::string>> params;
};

struct Suggestion {
    Id need_id = 0, helper_id = 0;
    int score = 0;  // = Σ reasons[].points
    int distance_m = 0;
    std::vector<Reason> reasons;
};

// Score terms.
constexpr int kSameCommunity = 40;
constexpr int kWalkBase = 10, kWalkNear = 30;  // 10 + 30 × (1 − distance / walk_m)
constexpr int kPerService = 15;
constexpr int kPerSlot = 5, kSlotsMax = 20;
constexpr int kLoadFree = 10;  // 10 × free places / capacity
constexpr int kLoadPenalty = 15;

int distance_m(double lat1, double lng1, double lat2, double lng2);  // great circle, metres

// Why a pair is not feasible ("" when it is): "distance", "needs", "times", "capacity".
std::string infeasible(const Need& n, const Helper& h);
// The score and its reasons (for a feasible pair).
Suggestion score(const Need& n, const Helper& h);
// All feasible pairs.
std::vector<Suggestion> feasible_pairs(const std::vector<Need>& needs, const std::vector<Helper>& helpers);

// The global assignment (min-cost max-flow), best score first; `feasible` gets the number of
// feasible pairs it chose from.
std::vector<Suggestion> assign(const std::vector<Need>& needs, const std::vector<Helper>& helpers,
                               size_t* feasible = nullptr);
// The baseline it must beat: highest score first, take a pair while both sides are free.
std::vector<Suggestion> greedy(const std::vector<Need>& needs, const std::vector<Helper>& helpers);

}  // namespace zygc::server::eldercare
