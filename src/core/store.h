// The store: one State, Actions that describe what happened, and a pure update that
// changes the State and returns Effects (requests to send, URL to set). The runtime
// (runtime.h) performs effects and feeds responses back as Actions. Views only read
// State and dispatch Actions.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "api.h"
#include "model.h"
#include "route.h"

namespace zygc {

// A value that comes from the server.
template <class T>
struct Remote {
    enum Status { Idle, Loading, Loaded, Failed };
    Status status = Idle;
    T data{};
    ApiError error;         // when Failed
    uint64_t request = 0;   // id of the request in flight / last answered; older answers are dropped
    std::string etag;       // of the last loaded answer (for If-Match)
    std::string key;        // which one is loaded or loading, for details ("42", "cuncaoxin")
    bool loading() const { return status == Loading; }
    bool loaded() const { return status == Loaded; }
    bool failed() const { return status == Failed; }
};

// What a request is for; responses are routed back by it.
enum class Target {
    Stats, Districts, Brands, HomeProjects, Projects, MoreProjects, Project, Brand,
    // accounts, sign-ups, teams, publishing
    Me, SmsCode, Login, Logout, Register, MySignups, Signup, CancelSignup, Teams, Team, Join, Publish,
    Close
};

struct LoginForm {
    std::string phone;
    std::string code;
    std::string phone_error;  // shown next to its field
    std::string code_error;
    Remote<SmsCodeSent> sms;  // dev_code shown when the server sent one
    double code_sent_ms = -1e12;  // platform clock when the code was sent; the view counts down
    Remote<Session> submit;
};

struct RegisterForm {
    VolunteerApplication app;
    std::vector<FieldError> errors;  // by field: real_name, id_number, district_id, consent
    Remote<Me> submit;
};

struct ProjectForm {
    Id editing = 0;                  // 0: a new project
    std::string etag;                // of the project as loaded, for If-Match
    ProjectDraft draft;
    std::vector<FieldError> errors;  // by field: title, description, site.lat, shifts[0].end, ...
    Remote<Project> submit;
    bool stale = false;              // the server said 412: someone else changed it
};

// Preferences the platform keeps across visits (localStorage on the web).
struct Settings {
    bool care_mode = false;   // 关怀版: larger text and targets, simpler home
    std::string lang = "zh";  // "zh" | "en"
    bool operator==(const Settings&) const = default;
};

struct State {
    Route route;
    Settings settings;
    Remote<CityStats> stats;
    Remote<std::vector<District>> districts;
    Remote<std::vector<Brand>> brands;
    Remote<Page<Project>> home_projects;  // upcoming projects on the home screen
    ProjectQuery query;                    // the list screen's search and filters
    Remote<Page<Project>> projects;        // the list screen; pages are appended
    Remote<bool> more;                     // the "load more" request of the list
    Remote<Project> project;               // detail of route.id
    Remote<Brand> brand;                   // detail of route.slug

    Remote<Me> me;                         // Loaded with me.data.id == 0: not logged in
    LoginForm login;
    Route after_login;                     // where the login screen returns to
    RegisterForm reg;
    Remote<std::vector<Signup>> my_signups;
    Remote<Signup> signup;                 // the sign-up in flight
    Id signup_shift = 0;
    Remote<bool> cancel;
    Remote<Page<Team>> teams;
    Remote<Team> team;                     // detail of route.id
    Remote<bool> join;
    ProjectForm publish;
    Remote<Project> close;                 // closing a project (PATCH status=closed)
    std::string notice;                    // one-line message for the user (toast); "" = none
    uint64_t key_seed = 0;                 // for Idempotency-Keys; set by the platform at start
    uint64_t key_counter = 0;
    uint64_t next_request = 1;

    bool logged_in() const { return me.loaded() && me.data.id != 0; }
    bool has_role(std::string_view role) const;
    bool leads_team(Id team_id) const;
};

// ---- Actions ----
struct Navigate { Route route; bool from_url = false; };  // from_url: came from hash change, don't push
struct SetSearch { std::string q; };
struct SetFilter { Id district_id = 0; std::string category; std::string brand; };
struct LoadMore {};
struct Retry { Target target; };
struct Received { Target target; uint64_t request = 0; HttpResponse response; };
struct EditLogin { std::string phone; std::string code; };
struct RequestSmsCode { double now_ms = 0; };
struct SubmitLogin {};
struct WechatCode { std::string code; };  // one-time code the mini-program put in the URL
struct Logout {};
struct EditRegistration { VolunteerApplication app; };
struct SubmitRegistration { std::string today; };  // YYYYMMDD, to reject future birth dates
struct SignUp { Id project_id = 0; Id shift_id = 0; };
struct CancelSignup { Id signup_id = 0; };
struct JoinTeam { Id team_id = 0; };
struct EditDraft { ProjectDraft draft; };
struct SubmitDraft {};
struct CloseProject { Id project_id = 0; };  // sign-ups end; uses the loaded detail's ETag
struct DismissNotice {};
struct Back {};  // the app's own back arrow: like the browser's, but never leaves the app
struct SetSettings { Settings settings; };
struct Refresh {};  // pull-to-refresh: reload what the current screen shows

using Action = std::variant<Navigate, SetSearch, SetFilter, LoadMore, Retry, Received, EditLogin,
                            RequestSmsCode, SubmitLogin, WechatCode, Logout, EditRegistration,
                            SubmitRegistration, SignUp, CancelSignup, JoinTeam, EditDraft, SubmitDraft, CloseProject,
                            DismissNotice, Back, SetSettings, Refresh>;

// ---- Effects ----
struct SendRequest { Target target; uint64_t request = 0; HttpRequest http; };
struct SetUrlHash { std::string hash; };
struct GoBack { std::string fallback_hash; };  // history.back() within the app, else go to fallback
struct SaveSettings { Settings settings; };

using Effect = std::variant<SendRequest, SetUrlHash, GoBack, SaveSettings>;

// Pure: no I/O, no clock, no globals. Same state + action → same result.
std::vector<Effect> update(State& state, const Action& action);

// Starting the app: what to load first for a given route. `key_seed` (random, from the
// platform) makes Idempotency-Keys unique per device.
std::vector<Effect> start(State& state, const Route& route, uint64_t key_seed = 0, Settings settings = {});

// The screen the back arrow leads to when there is no history to go back to.
Route parent_route(const Route& r);

// Client-side checks, run before sending (the server checks again). Empty: fine.
std::vector<FieldError> check_registration(const VolunteerApplication& app, std::string_view today);
std::vector<FieldError> check_draft(const ProjectDraft& draft);
// Why the user cannot sign up for this shift ("" when they can).
std::string signup_blocker(const State& state, const Shift& shift);

}  // namespace zygc
