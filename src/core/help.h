// 有困难找志愿者: any logged-in resident describes a need (title, description, district) and
// follows its status; organizers see their district's requests and take one, close it, or
// turn it into a project with shifts in one step (PATCH /help-requests/{id}). Screen:
// screen_help.cpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/care_model.h"
#include "core/device.h"
#include "core/message.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

struct HelpDraft {
    std::string title;
    std::string description;
    Id district_id = 0;
    bool operator==(const HelpDraft&) const = default;
};

struct HelpSlice {
    Remote<Page<HelpRequest>> my_help;        // the user's own requests
    Remote<Page<HelpRequest>> district_help;  // organizer: the requests of a district (key: district)
    Id help_district = 0;                     // the district the organizer looks at (0: the first)
    HelpDraft help_draft;
    std::vector<FieldError> help_errors;
    Remote<HelpRequest> help_saved;
    Remote<HelpRequest> help_change;  // take / close / convert
    bool help_open = false;           // the screen is shown (WantTicks{kHelpPollMs} is on)
    int64_t help_polled_ms = 0;       // the tick that last reloaded (0: none since opening)
};

// While 有困难找志愿者 is open its lists reload this often (an unchanged list is a 304: the
// server answers with an ETag and the browser revalidates).
constexpr int kHelpPollMs = 10000;

struct EditHelp { HelpDraft draft; };
struct PickHelpDistrict { Id district_id = 0; };
struct SubmitHelp {};
// action: "take" | "close" | "convert" (convert: a project of the organizer's team with one
// shift from start to end for capacity people, at the site named site_name)
struct ChangeHelp {
    Id request_id = 0;
    std::string action;
    std::string start, end;  // convert: RFC 3339
    int64_t capacity = 0;
    std::string site_name;
};

// The team an organizer acts for: the first team they lead (0: none).
Id led_team(const State& s);
// The district whose requests the organizer sees: the chosen one, else the first known.
Id help_district(const State& s);

// Field errors before sending: title (4..60 chars), description (1..2000), district_id.
std::vector<FieldError> validate_help(const HelpDraft& d);

namespace help {
void update(State& s, const EditHelp& a, Effects& out);
void update(State& s, const SubmitHelp& a, Effects& out);
void update(State& s, const ChangeHelp& a, Effects& out);
void update(State& s, const PickHelpDistrict& a, Effects& out);
std::string district_key(const State& s);
std::optional<HttpRequest> request_mine(State& s);
std::optional<HttpRequest> request_district(State& s);
void receive_saved(State& s, const Received& a, Effects& out);
void receive_change(State& s, const Received& a, Effects& out);
// The status is fresh whenever the screen is opened: entering it reloads the lists already
// there (a request taken elsewhere shows 已有志愿者接单), and asks for ticks while it is open.
void route_changed(State& s, Effects& out);
// While open, every kHelpPollMs (another owner's faster ticks do not speed it up): the user's
// requests reload when one can still change (open or taken), an organizer's district list
// always (new requests arrive).
void update(State& s, const Tick& a, Effects& out);
}  // namespace help

}  // namespace zygc
