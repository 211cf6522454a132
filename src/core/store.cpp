// The store's router. Index:
// [SECTION] The target table: which Remote each request fills, how it loads, who reads the answer
// [SECTION] Shared helpers (feature.h)
// [SECTION] update(): one line per action, to its feature module
#include "core/store.h"

#include <cstdio>
#include <iterator>

#include "core/feature.h"

namespace zygc {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] The target table
//-----------------------------------------------------------------------------

using Request = std::optional<HttpRequest> (*)(State&);
using Receive = void (*)(State&, const Received&, Effects&);

// The Remote a target fills: its status (to decide whether to load) and how to start it
// (a typed Remote drops data of another key when it starts).
struct Fills {
    const RemoteStatus* (*status)(const State&) = nullptr;
    void (*start)(State&, uint64_t request, std::string key) = nullptr;
};
template <auto Member>
constexpr Fills fills{
    [](const State& s) -> const RemoteStatus* { return &(s.*Member); },
    [](State& s, uint64_t request, std::string key) { (s.*Member).start(request, std::move(key)); },
};
constexpr Fills no_remote{};

struct TargetInfo {
    Target target;
    // Loads (targets a screen or Retry asks for): the Remote the answer fills, which one
    // the route wants (null: a singleton), and how to request it now. Null for targets
    // that are a user's action (a retry repeats nothing).
    Fills remote;
    std::string (*key)(const State&);
    Request request;
    bool needs_login;  // ensure() only loads it for a logged-in user
    Receive receive;   // reads the answer
};

// The plain answer that only fills its Remote.
template <auto Member>
void into(State& s, const Received& a, Effects&) {
    fill(s.*Member, a);
}

std::string route_id(const State& s) { return std::to_string(s.route.id); }
std::string route_slug(const State& s) { return s.route.slug; }

std::optional<HttpRequest> stats(State&) { return api::get_city_stats(); }
std::optional<HttpRequest> districts(State&) { return api::get_districts(); }
std::optional<HttpRequest> brands(State&) { return api::get_brands(); }
std::optional<HttpRequest> me(State&) { return api::get_me(); }

// clang-format off
constexpr TargetInfo kTargets[] = {
//   target                remote                         key         request                            login  receive
    {Target::Stats,        fills<&State::stats>,          nullptr,    stats,                             false, into<&State::stats>},
    {Target::Districts,    fills<&State::districts>,      nullptr,    districts,                         false, eldercare::receive_districts},
    {Target::Brands,       fills<&State::brands>,         nullptr,    brands,                            false, into<&State::brands>},
    {Target::HomeProjects, fills<&State::home_projects>,  nullptr,    catalogue::request_home_projects,  false, into<&State::home_projects>},
    {Target::Projects,     fills<&State::projects>,       nullptr,    catalogue::request_projects,       false, into<&State::projects>},
    {Target::MoreProjects, fills<&State::more>,           nullptr,    catalogue::request_more,           false, catalogue::receive_more},
    {Target::Project,      fills<&State::project>,        route_id,   catalogue::request_project,        false, catalogue::receive_project},
    {Target::Brand,        fills<&State::brand>,          route_slug, catalogue::request_brand,          false, into<&State::brand>},
    {Target::Me,           fills<&State::me>,             nullptr,    me,                                false, account::receive_me},
    {Target::SmsCode,      no_remote,                     nullptr,    nullptr,                           false, account::receive_sms_code},
    {Target::Login,        no_remote,                     nullptr,    nullptr,                           false, account::receive_login},
    {Target::Logout,       no_remote,                     nullptr,    nullptr,                           false, account::receive_logout},
    {Target::Register,     no_remote,                     nullptr,    nullptr,                           false, account::receive_register},
    {Target::MySignups,    fills<&State::my_signups>,     nullptr,    signups::request_my_signups,       true,  signups::receive_my_signups},
    {Target::Signup,       no_remote,                     nullptr,    nullptr,                           false, signups::receive_signup},
    {Target::CancelSignup, no_remote,                     nullptr,    nullptr,                           false, signups::receive_cancel},
    {Target::Teams,        fills<&State::teams>,          nullptr,    teams::request_teams,              false, into<&State::teams>},
    {Target::Team,         fills<&State::team>,           route_id,   teams::request_team,               false, into<&State::team>},
    {Target::Join,         no_remote,                     nullptr,    nullptr,                           false, teams::receive_join},
    {Target::Publish,      no_remote,                     nullptr,    nullptr,                           false, publishing::receive_publish},
    {Target::Close,        no_remote,                     nullptr,    nullptr,                           false, publishing::receive_close},
    // certification
    {Target::CheckinCode,  fills<&State::checkin_code>,   certification::roster_key, certification::request_checkin_code, true, into<&State::checkin_code>},
    {Target::Roster,       fills<&State::roster>,         certification::roster_key, certification::request_roster,       true, into<&State::roster>},
    {Target::ManualCheck,  no_remote,                     nullptr,    nullptr,                           false, certification::receive_manual},
    {Target::HoursQueue,   fills<&State::queue>,          certification::queue_key,  certification::request_queue,        true, into<&State::queue>},
    {Target::MoreRecords,  fills<&State::queue_more>,     nullptr,    certification::request_more_records, false, certification::receive_more_records},
    {Target::Decide,       no_remote,                     nullptr,    nullptr,                           false, certification::receive_decide},
    {Target::CertifyAll,   no_remote,                     nullptr,    nullptr,                           false, certification::receive_certify_all},
    {Target::Certificate,  fills<&State::certificate>,    nullptr,    certification::request_certificate,  true,  certification::receive_certificate},
    {Target::Verify,       fills<&State::verification>,   route_slug, certification::request_verification, false, into<&State::verification>},
    // attendance
    {Target::MyHours,        fills<&State::my_hours>,        nullptr,  attendance::request_my_hours,        true,  into<&State::my_hours>},
    {Target::MoreHours,      fills<&State::hours_more>,      nullptr,  attendance::request_more_hours,      false, attendance::receive_more_hours},
    {Target::Outbox,         no_remote,                      nullptr,  nullptr,                             false, attendance::receive_outbox},
    {Target::Dispute,        no_remote,                      nullptr,  nullptr,                             false, attendance::receive_dispute},
    {Target::CheckinProject, fills<&State::checkin_project>, attendance::checkin_project_key, attendance::request_checkin_project, true, attendance::receive_checkin_project},
    // points
    {Target::MyPoints,       fills<&State::my_points>,       nullptr,  points::request_my_points,       true,  into<&State::my_points>},
    {Target::MorePoints,     fills<&State::points_more>,     nullptr,  points::request_more_points,     false, points::receive_more_points},
    {Target::Rewards,        fills<&State::rewards>,         points::rewards_key, points::request_rewards, false, into<&State::rewards>},
    {Target::Reward,         fills<&State::reward>,          route_id, points::request_reward,          false, into<&State::reward>},
    {Target::MyRedemptions,  fills<&State::my_redemptions>,  nullptr,  points::request_my_redemptions,  true,  points::receive_my_redemptions},
    {Target::Redeem,         no_remote,                      nullptr,  nullptr,                         false, points::receive_redeem},
    {Target::VerifyPickup,   no_remote,                      nullptr,  nullptr,                         false, points::receive_verify},
    {Target::Funds,          fills<&State::funds>,           nullptr,  points::request_funds,           false, into<&State::funds>},
    {Target::Donate,         no_remote,                      nullptr,  nullptr,                         false, points::receive_donate},
    {Target::PointsStats,    fills<&State::points_stats>,    nullptr,  points::request_points_stats,    true,  into<&State::points_stats>},
    {Target::Merchants,      fills<&State::merchants>,       nullptr,  points::request_merchants,       true,  into<&State::merchants>},
    {Target::AddMerchant,    no_remote,                      nullptr,  nullptr,                         false, points::receive_add_merchant},
    {Target::AddReward,      no_remote,                      nullptr,  nullptr,                         false, points::receive_add_reward},
    // eldercare (issue 13)
    {Target::ElderNeeds,      fills<&State::elder_needs>,   eldercare::district_key, eldercare::request_needs,   true,  into<&State::elder_needs>},
    {Target::ElderHelpers,    fills<&State::elder_helpers>, eldercare::district_key, eldercare::request_helpers, true,  into<&State::elder_helpers>},
    {Target::ElderMatches,    fills<&State::matches>,       eldercare::district_key, eldercare::request_matches, true,  into<&State::matches>},
    {Target::ElderPairs,      fills<&State::pairs>,         eldercare::district_key, eldercare::request_pairs,   true,  into<&State::pairs>},
    {Target::ElderNeedSave,   no_remote,                    nullptr,  nullptr,                    false, eldercare::receive_need},
    {Target::ElderHelperSave, no_remote,                    nullptr,  nullptr,                    false, eldercare::receive_helper},
    {Target::ElderPairSave,   no_remote,                    nullptr,  nullptr,                    false, eldercare::receive_pair},
    {Target::ElderVisitSave,  no_remote,                    nullptr,  nullptr,                    false, eldercare::receive_visit},
    {Target::MyHelp,          fills<&State::my_help>,       nullptr,  help::request_mine,         true,  into<&State::my_help>},
    {Target::DistrictHelp,    fills<&State::district_help>, help::district_key, help::request_district,     true,  into<&State::district_help>},
    {Target::HelpSave,        no_remote,                    nullptr,  nullptr,                    false, help::receive_saved},
    {Target::HelpChange,      no_remote,                    nullptr,  nullptr,                    false, help::receive_change},
    {Target::Dashboard,       fills<&State::dashboard>,     nullptr,  dashboard::request_dashboard, false, into<&State::dashboard>},
    {Target::Awards,          fills<&State::awards>,        nullptr,  dashboard::request_awards,  false, into<&State::awards>},
    // leave team (issue 10)
    {Target::LeaveTeam,       no_remote,                    nullptr,  nullptr,                    false, teams::receive_leave},
    {Target::MoreSignups,     fills<&State::signups_more>,  nullptr,  signups::request_more_signups, false, signups::receive_more_signups},
};
// clang-format on

constexpr bool in_target_order() {
    int i = 0;
    for (const TargetInfo& t : kTargets)
        if (static_cast<int>(t.target) != i++) return false;
    return i == static_cast<int>(Target::Count);
}
static_assert(in_target_order(), "kTargets needs one row per Target, in enum order");

const TargetInfo& info(Target t) { return kTargets[static_cast<int>(t)]; }

template <class... F>
struct Match : F... {
    using F::operator()...;
};
template <class... F>
Match(F...) -> Match<F...>;

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Shared helpers (feature.h)
//-----------------------------------------------------------------------------

Effects load(State& s, Target t) {
    const TargetInfo& ti = info(t);
    if (!ti.request) return {};
    std::optional<HttpRequest> http = ti.request(s);
    if (!http) return {};
    SendRequest req{t, s.next_request++, std::move(*http)};
    ti.remote.start(s, req.request, ti.key ? ti.key(s) : std::string());
    return {std::move(req)};
}

void ensure(State& s, Target t, Effects& out) {
    const TargetInfo& ti = info(t);
    if (!ti.request) return;
    if (ti.needs_login && !s.logged_in()) return;
    const RemoteStatus* r = ti.remote.status(s);
    const bool needed = r->idle() || r->failed() || (ti.key && r->key() != ti.key(s));
    if (needed) append(out, load(s, t));
}

void append(Effects& out, Effects more) {
    for (auto& e : more) out.push_back(std::move(e));
}

std::optional<ApiError> take_status(Remote<bool>& remote, const Received& a) {
    if (!remote.answers(a.request)) return std::nullopt;
    int st = a.response.status;
    if (st >= 200 && st < 300) {
        remote.succeed(true);
        return ApiError{ApiError::Http, st, {}, ""};
    }
    ApiError e = read_response<Problem>(a.response).error;
    remote.fail(e);
    return e;
}

bool ok_status(const ApiError& e) { return e.kind == ApiError::Http && e.status >= 200 && e.status < 300; }

Message problem_message(const ApiError& e, const char* fallback_code) {
    if (!e.problem.code.empty()) return {e.problem.code, e.problem.params, e.problem.detail};
    if (!e.problem.detail.empty()) return {"", {}, e.problem.detail};
    return {fallback_code, {}, ""};
}

// A UUID-shaped key from the device seed and a counter (splitmix64): unique per device
// and attempt, and still a pure function of the state.
std::string next_key(State& s) {
    auto mix = [](uint64_t z) {
        z += 0x9E3779B97F4A7C15ull;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    uint64_t a = mix(s.key_seed ^ (++s.key_counter * 2));
    uint64_t b = mix(a ^ s.key_counter);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", unsigned(a >> 32), unsigned(a >> 16) & 0xffff,
                  unsigned(a) & 0xfff, unsigned(0x8000 | (b >> 48 & 0x3fff)),
                  static_cast<unsigned long long>(b & 0xffffffffffffull));
    return buf;
}

//-----------------------------------------------------------------------------
// [SECTION] update()
//-----------------------------------------------------------------------------

std::vector<Effect> start(State& s, const Route& route, uint64_t key_seed, Settings settings) {
    s.route = route;
    s.key_seed = key_seed;
    s.settings = std::move(settings);
    Effects out;
    catalogue::route_query(s, true);  // search typing: a link's search and filters
    append(out, load(s, Target::Me));
    load_screen(s, out);
    // The home figures and the filters' choices are wanted on most screens soon after.
    ensure(s, Target::Stats, out);
    ensure(s, Target::Brands, out);
    return out;
}

std::vector<Effect> update(State& s, const Action& action) {
    Effects out;
    std::visit(Match{
                   [&](const Received& a) {
                       // first-visit: an answer from the network ends the offline notice
                       if (a.response.from_cache) s.offline = true;
                       else if (a.response.status != 0) s.offline = false;
                       info(a.target).receive(s, a, out);
                   },
                   [&](const Navigate& a) { navigation::update(s, a, out); },
                   [&](const Back& a) { navigation::update(s, a, out); },
                   [&](const Refresh& a) { navigation::update(s, a, out); },
                   [&](const Retry& a) { navigation::update(s, a, out); },
                   [&](const DismissNotice& a) { navigation::update(s, a, out); },
                   [&](const SetSearch& a) { catalogue::update(s, a, out); },
                   [&](const SetFilter& a) { catalogue::update(s, a, out); },
                   [&](const ShowEnded& a) { catalogue::update(s, a, out); },
                   [&](const LoadMore& a) {  // the list on screen: the certification queue's, my hours', my points',
                                             // my sign-ups' or the projects'
                       if (s.route.kind == Route::Hours) certification::update(s, a, out);
                       else if (s.route.kind == Route::MySignups) signups::update(s, a, out);
                       else if (s.route.kind == Route::MyHours) attendance::update(s, a, out);
                       else if (s.route.kind == Route::MyPoints) points::update(s, a, out);
                       else catalogue::update(s, a, out);
                   },
                   [&](const EditLogin& a) { account::update(s, a, out); },
                   [&](const RequestSmsCode& a) { account::update(s, a, out); },
                   [&](const SubmitLogin& a) { account::update(s, a, out); },
                   [&](const WechatCode& a) { account::update(s, a, out); },
                   [&](const Logout& a) { account::update(s, a, out); },
                   [&](const EditRegistration& a) { account::update(s, a, out); },
                   [&](const SubmitRegistration& a) { account::update(s, a, out); },
                   [&](const SignUp& a) { signups::update(s, a, out); },
                   [&](const CancelSignup& a) { signups::update(s, a, out); },
                   [&](const JoinTeam& a) { teams::update(s, a, out); },
                   [&](const EditDraft& a) { publishing::update(s, a, out); },
                   [&](const SubmitDraft& a) { publishing::update(s, a, out); },
                   [&](const CloseProject& a) { publishing::update(s, a, out); },
                   [&](const LocateSite& a) { publishing::update(s, a, out); },
                   [&](const SetSettings& a) { settings::update(s, a, out); },
                   [&](const LanguageUnavailable& a) { settings::update(s, a, out); },
                   // certification
                   [&](const ApproveRecord& a) { certification::update(s, a, out); },
                   [&](const OpenDecision& a) { certification::update(s, a, out); },
                   [&](const EditDecision& a) { certification::update(s, a, out); },
                   [&](const SubmitDecision& a) { certification::update(s, a, out); },
                   [&](const CloseDecision& a) { certification::update(s, a, out); },
                   [&](const CertifyShift& a) { certification::update(s, a, out); },
                   [&](const FilterHours& a) { certification::update(s, a, out); },
                   [&](const ToggleHistory& a) { certification::update(s, a, out); },
                   [&](const ManualCheck& a) { certification::update(s, a, out); },
                   [&](const SaveCertificate& a) { certification::update(s, a, out); },
                   // attendance
                   [&](const StartCheckIn& a) { attendance::update(s, a, out); },
                   [&](const EnterCode& a) { attendance::update(s, a, out); },
                   [&](const SubmitCode& a) { attendance::update(s, a, out); },
                   [&](const UseLocation& a) { attendance::update(s, a, out); },
                   [&](const ScanQr& a) { attendance::update(s, a, out); },
                   [&](const CheckOut& a) { attendance::update(s, a, out); },
                   [&](const EditCorrection& a) { attendance::update(s, a, out); },
                   [&](const RequestCorrection& a) { attendance::update(s, a, out); },
                   // points: the camera of the 核销 screen reads pickup codes, not check-in codes
                   [&](const Scanned& a) {
                       if (points::owns_scan(s)) points::update(s, a, out);
                       else attendance::update(s, a, out);
                   },
                   [&](const ScanFailed& a) {
                       if (points::owns_scan(s)) points::update(s, a, out);
                       else attendance::update(s, a, out);
                   },
                   [&](const Located& a) {
                       publishing::located(s, a);  // forms (issue 10): 使用当前位置 in 发布项目
                       attendance::update(s, a, out);
                   },
                   [&](const LocateFailed& a) {
                       publishing::locate_failed(s, a);
                       attendance::update(s, a, out);
                   },
                   // the clock: the console's rotating code and the outbox's retries
                   [&](const Tick& a) {
                       certification::update(s, a, out);
                       attendance::update(s, a, out);
                       points::update(s, a, out);  // points: 我的兑换码's time left
                       navigation::update(s, a, out);  // look: the notice leaves by itself
                       help::update(s, a, out);    // eldercare (issue 13): 有困难找志愿者's status
                   },
                   [&](const LoadedDurable& a) { attendance::update(s, a, out); },
                   [&](const Online& a) { attendance::update(s, a, out); },
                   // points
                   [&](const FilterRewards& a) { points::update(s, a, out); },
                   [&](const OpenRedeem& a) { points::update(s, a, out); },
                   [&](const Redeem& a) { points::update(s, a, out); },
                   [&](const KeypadPress& a) { points::update(s, a, out); },
                   [&](const VerifyCode& a) { points::update(s, a, out); },
                   [&](const ScanPickup& a) { points::update(s, a, out); },
                   [&](const EditDonation& a) { points::update(s, a, out); },
                   [&](const Donate& a) { points::update(s, a, out); },
                   [&](const EditMerchant& a) { points::update(s, a, out); },
                   [&](const SubmitMerchant& a) { points::update(s, a, out); },
                   [&](const EditReward& a) { points::update(s, a, out); },
                   [&](const SubmitReward& a) { points::update(s, a, out); },
                   // eldercare (issue 13)
                   [&](const PickCareDistrict& a) { eldercare::update(s, a, out); },
                   [&](const EditElderNeed& a) { eldercare::update(s, a, out); },
                   [&](const SubmitElderNeed& a) { eldercare::update(s, a, out); },
                   [&](const EditElderHelper& a) { eldercare::update(s, a, out); },
                   [&](const SubmitElderHelper& a) { eldercare::update(s, a, out); },
                   [&](const ConfirmPair& a) { eldercare::update(s, a, out); },
                   [&](const LogVisit& a) { eldercare::update(s, a, out); },
                   [&](const EditHelp& a) { help::update(s, a, out); },
                   [&](const SubmitHelp& a) { help::update(s, a, out); },
                   [&](const ChangeHelp& a) { help::update(s, a, out); },
                   [&](const PickHelpDistrict& a) { help::update(s, a, out); },
                   // leave team (issue 10)
                   [&](const LeaveTeam& a) { teams::update(s, a, out); },
                   // images (issue 10)
                   [&](const WantImage& a) { images::update(s, a, out); },
                   [&](const ImageLoaded& a) { images::update(s, a, out); },
                   [&](const ImageFailed& a) { images::update(s, a, out); },
               },
               action);
    navigation::notice_clock(s, out);  // look: the notice's clock
    return out;
}

}  // namespace zygc
