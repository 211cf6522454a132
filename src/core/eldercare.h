// 老帮老 (seniors help seniors), the social worker's side: the ledger of needs and helpers
// (masked), registering a need or a helper (checked here before sending, consent required),
// the suggested pairs of a district from the server's global assignment (with the score's
// reasons as message codes), confirming a pair, the pairs with their visit rhythm (overdue
// flagged) and logging a visit, which becomes an hours record certified through the hours
// queue (certification.*). Screens: screen_eldercare.cpp, screen_elder_need.cpp,
// screen_elder_helper.cpp, screen_elder_matches.cpp, screen_elder_pairs.cpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/care_model.h"
#include "core/message.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

// A person being registered: a need (needs, mobility, guardian) or a helper (abilities,
// walking distance, phone). Fields as typed.
struct ElderDraft {
    std::string name;
    Id district_id = 0;
    std::string community;
    std::vector<std::string> skills;  // needs or abilities (codes)
    std::vector<std::string> times;   // weekly slots
    std::string mobility;             // need only
    std::string guardian_name;        // need only
    std::string guardian_relation;    // need only (女儿)
    std::string phone;                // need: the guardian's phone; helper: their own
    std::string walk_m = "500";       // helper only, metres as typed
    std::string capacity = "2";       // helper only: how many people they can visit, 1..5
    std::string lat = "39.9354";      // home, as typed (default: the centre of 海港区)
    std::string lng = "119.6005";
    bool consent = false;
    bool operator==(const ElderDraft&) const = default;
};

struct EldercareSlice {
    Id care_district = 0;  // the district the ledger and the suggestions show (0: the first)
    Remote<Page<ElderNeed>> elder_needs;      // key: district
    Remote<Page<ElderHelper>> elder_helpers;  // key: district
    Remote<MatchList> matches;                // key: district
    Remote<Page<ElderPair>> pairs;            // key: district
    ElderDraft need_draft, helper_draft;
    std::vector<FieldError> elder_errors;  // of the form being sent
    Remote<ElderNeed> need_saved;
    Remote<ElderHelper> helper_saved;
    Remote<ElderPair> pairing;
    Remote<ElderVisit> visit;
    Id visit_project = 0;  // the project whose hours queue has the last logged visit
};

struct PickCareDistrict { Id district_id = 0; };
struct EditElderNeed { ElderDraft draft; };
struct SubmitElderNeed {};
struct EditElderHelper { ElderDraft draft; };
struct SubmitElderHelper {};
struct ConfirmPair { Id need_id = 0; Id helper_id = 0; };
// start/end: RFC 3339 (the visit just made: the screen passes the last hour of its clock).
struct LogVisit { Id pair_id = 0; std::string start, end; };

// The choices of the forms (codes; the UI words them).
const std::vector<const char*>& elder_skill_codes();     // meal escort shopping companionship safety_visit
const std::vector<const char*>& elder_time_codes();      // mon_am … sun_pm
const std::vector<const char*>& elder_mobility_codes();  // independent cane wheelchair bedridden

// Field errors before sending (the server's rules, field names as its): name (2..30),
// district_id, community (1..40), needs/abilities, slots, phone or guardian.phone (11 digits),
// lat/lng; helper: walk_m (100..5000), capacity (1..5); need: mobility, guardian.name,
// guardian.relation; consent.
std::vector<FieldError> validate_elder(const ElderDraft& d, bool helper);
// The district the ledger shows: the chosen one, else the first known district.
Id care_district(const State& s);

namespace eldercare {
void update(State& s, const PickCareDistrict& a, Effects& out);
void update(State& s, const EditElderNeed& a, Effects& out);
void update(State& s, const SubmitElderNeed& a, Effects& out);
void update(State& s, const EditElderHelper& a, Effects& out);
void update(State& s, const SubmitElderHelper& a, Effects& out);
void update(State& s, const ConfirmPair& a, Effects& out);
void update(State& s, const LogVisit& a, Effects& out);

std::optional<HttpRequest> request_needs(State& s);
std::optional<HttpRequest> request_helpers(State& s);
std::optional<HttpRequest> request_matches(State& s);
std::optional<HttpRequest> request_pairs(State& s);
std::string district_key(const State& s);
void receive_need(State& s, const Received& a, Effects& out);
void receive_helper(State& s, const Received& a, Effects& out);
void receive_pair(State& s, const Received& a, Effects& out);
void receive_visit(State& s, const Received& a, Effects& out);
// The district list arrived: the ledger's loads that waited for a district go now.
void receive_districts(State& s, const Received& a, Effects& out);
// Entering a form: a fresh draft in the ledger's district.
void enter_need(State& s, Effects& out);
void enter_helper(State& s, Effects& out);
}  // namespace eldercare

}  // namespace zygc
