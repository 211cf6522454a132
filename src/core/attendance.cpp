// Attendance (attendance.h). Index:
// [SECTION] Helpers: clock, distance, QR payload, the outbox pump
// [SECTION] checkin_status(): the rules explained before the volunteer acts
// [SECTION] The check-in flow
// [SECTION] Device answers and the clock
// [SECTION] Corrections
// [SECTION] Requests and answers
#include "core/attendance.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/feature.h"

namespace zygc {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

constexpr int kTickMs = 1000;

std::string now_text(const State& s) {
    return s.now_ms > 0 ? format_cst(static_cast<int64_t>(std::floor(s.now_ms / 1000.0))) : std::string();
}

// "2026-12-05T09:30:00+08:00" → "09:30" (API times are +08:00, the city's own clock).
std::string clock_of(const std::string& rfc3339) { return rfc3339.size() >= 16 ? rfc3339.substr(11, 5) : rfc3339; }

const Signup* signup_for(const State& s, Id shift_id) {
    for (const Signup& su : s.my_signups.data())
        if (su.shift_id == shift_id && su.status == "confirmed") return &su;
    return nullptr;
}

const HourRecord* open_record(const State& s) {
    return s.my_hours.loaded() || s.my_hours.loading() ? (s.my_hours.data().open ? &*s.my_hours.data().open : nullptr)
                                                       : nullptr;
}

const OutboxEvent* queued(const State& s, Id shift_id, const char* kind) {
    for (const OutboxEvent& e : s.outbox.events)
        if (e.kind == kind && e.shift_id == shift_id) return &e;
    return nullptr;
}

void persist(State& s, Effects& out) { out.push_back(StoreDurable{kOutboxKey, outbox::to_json(s.outbox)}); }

// Ticks while something waits in the outbox or the check-in screen shows the clock.
void want_ticks(State& s, Effects& out) {
    const int want = outbox::waiting(s.outbox) || s.route.kind == Route::Checkin ? kTickMs : 0;
    if (want == s.ticks_ms) return;
    s.ticks_ms = want;
    out.push_back(WantTicks{want, "attendance"});
}

// Sends the head event when its time has come and nothing is on its way.
void pump(State& s, Effects& out) {
    if (const OutboxEvent* e = outbox::due(s.outbox, s.now_ms)) {
        s.outbox.in_flight = s.next_request++;
        out.push_back(SendRequest{Target::Outbox, s.outbox.in_flight, outbox::request(*e)});
    }
    want_ticks(s, out);
}

// Creates an event once, stores it, then sends it (in that order: the effects run in order).
void enqueue(State& s, OutboxEvent e, Effects& out) {
    e.key = next_key(s);
    e.client_time = now_text(s);
    if (s.outbox.rng == 0) s.outbox.rng = s.key_seed | 1;
    outbox::add(s.outbox, std::move(e));
    s.checkin.message = {};
    persist(s, out);
    pump(s, out);
}

// A server problem as the volunteer reads it: times as the clock on the wall.
Message readable(Message m) {
    for (Param& p : m.params)
        if (p.name == "opens_at" || p.name == "at") p.value = clock_of(p.value);
    return m;
}

bool signed_in_volunteer(State& s, Effects& out) {
    if (!s.logged_in()) {
        go_to_login(s, out);
        return false;
    }
    return true;
}

// Starts a check-in of the flow's shift by `method`, unless the rules already say no.
void check_in(State& s, const std::string& method, const std::string& code, const std::optional<Located>& at,
              Effects& out) {
    const Id shift = s.checkin.shift_id;
    CheckinStatus st = checkin_status(s, shift);
    if (!st.can_check_in) {
        s.checkin.message = st.rules.empty() ? Message{"checkin_not_possible"} : st.rules.front();
        return;
    }
    OutboxEvent e;
    e.kind = "check_in";
    e.shift_id = shift;
    e.method = method;
    e.code = code;
    e.project_title = st.project_title;
    if (at) {
        e.lat = at->lat;
        e.lng = at->lng;
    }
    enqueue(s, std::move(e), out);
}

}  // namespace

double distance_m(double lat1, double lng1, double lat2, double lng2) {
    constexpr double r = 6371000.0, rad = 3.14159265358979323846 / 180.0;
    const double dlat = (lat2 - lat1) * rad, dlng = (lng2 - lng1) * rad;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlng / 2) * std::sin(dlng / 2);
    return 2 * r * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

std::optional<QrCheckin> parse_checkin_qr(std::string_view t) {
    constexpr std::string_view prefix = "zygc:checkin:";
    if (t.substr(0, prefix.size()) != prefix) return std::nullopt;
    t.remove_prefix(prefix.size());
    const size_t colon = t.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    QrCheckin q;
    std::string_view id = t.substr(0, colon), code = t.substr(colon + 1);
    auto [p, ec] = std::from_chars(id.data(), id.data() + id.size(), q.shift_id);
    if (ec != std::errc() || p != id.data() + id.size() || q.shift_id <= 0) return std::nullopt;
    if (code.size() != 6) return std::nullopt;
    for (char c : code)
        if (c < '0' || c > '9') return std::nullopt;
    q.code = std::string(code);
    return q;
}

//-----------------------------------------------------------------------------
// [SECTION] checkin_status()
//-----------------------------------------------------------------------------

CheckinStatus checkin_status(const State& s, Id shift_id) {
    CheckinStatus st;
    const Signup* su = signup_for(s, shift_id);
    if (!s.my_signups.loaded() && !su) return st;
    st.known = true;
    if (!su) {
        st.rules.push_back({"not_signed_up"});
        return st;
    }
    st.signed_up = true;
    st.start = su->start;
    st.end = su->end;
    st.project_title = su->project_title;
    st.project_id = su->project_id;

    // The site: distance from the last fix.
    if (s.checkin_project.loaded() && s.checkin_project.data().id == su->project_id) {
        const Site& site = s.checkin_project.data().site;
        st.radius_m = site.radius_m;
        if (s.location && (site.lat != 0 || site.lng != 0))
            st.distance_m = std::llround(distance_m(s.location->lat, s.location->lng, site.lat, site.lng));
    }

    const OutboxEvent* in_q = queued(s, shift_id, "check_in");
    const OutboxEvent* out_q = queued(s, shift_id, "check_out");
    const HourRecord* open = open_record(s);
    st.pending_sync = in_q || out_q;

    if (out_q) {
        st.rules.push_back({"checked_out_pending", {{"at", clock_of(out_q->client_time)}}, ""});
        return st;
    }
    if (in_q || (open && open->shift.id == shift_id)) {
        const std::string at = in_q ? in_q->client_time : open->check_in;
        st.rules.push_back({"checked_in_at", {{"at", clock_of(at)}}, ""});
        st.rules.push_back({"checkout_until", {{"end", clock_of(su->end)}}, ""});
        st.can_check_out = true;
        return st;
    }
    if (open) {
        st.rules.push_back({"already_checked_in", {{"project", open->project.title}}, ""});
        return st;
    }
    for (const HourRecord& r : s.my_hours.data().items) {
        if (r.shift.id == shift_id && r.status != "open") {
            st.rules.push_back({"checked_out_minutes", {{"minutes", std::to_string(r.minutes)}}, ""});
            return st;
        }
    }
    const auto start = parse_rfc3339(su->start), end = parse_rfc3339(su->end);
    const int64_t now = s.now_ms / 1000;
    if (!start || !end || s.now_ms <= 0) {
        st.can_check_in = true;
        return st;
    }
    if (now < *start - kWindowBeforeS) {
        st.rules.push_back({"window_opens_at", {{"opens_at", clock_of(format_cst(*start - kWindowBeforeS))}}, ""});
    } else if (now > *end) {
        st.rules.push_back({"window_closed", {}, ""});
    } else {
        st.can_check_in = true;
        st.rules.push_back({"window_open_until", {{"end", clock_of(su->end)}}, ""});
    }
    if (st.distance_m && st.radius_m > 0) {
        const Params p = {{"distance_m", std::to_string(*st.distance_m)}, {"radius_m", std::to_string(st.radius_m)}};
        st.rules.push_back({*st.distance_m <= st.radius_m ? "inside_radius" : "outside_radius", p, ""});
    } else if (st.radius_m > 0) {
        st.rules.push_back({"radius_rule", {{"radius_m", std::to_string(st.radius_m)}}, ""});
    }
    return st;
}

namespace attendance {

//-----------------------------------------------------------------------------
// [SECTION] The check-in flow
//-----------------------------------------------------------------------------

void enter_checkin(State& s, Effects& out) {
    if (s.checkin.shift_id != s.route.id) s.checkin = CheckinFlow{s.route.id, "", "", {}};
    ensure(s, Target::CheckinProject, out);
    want_ticks(s, out);
}

void enter_my_hours(State& s, Effects& out) {
    if (s.my_hours.loaded() && s.logged_in()) append(out, load(s, Target::MyHours));
}

void update(State& s, const StartCheckIn& a, Effects& out) {
    if (!signed_in_volunteer(s, out)) return;
    if (s.checkin.shift_id != a.shift_id) s.checkin = CheckinFlow{a.shift_id, "", "", {}};
    s.checkin.method = a.method;
    s.checkin.message = {};
    if (a.method == "qr") update(s, ScanQr{}, out);
    else if (a.method == "gps") update(s, UseLocation{}, out);
}

void update(State& s, const EnterCode& a, Effects&) {
    std::string digits;
    for (char c : a.text)
        if (c >= '0' && c <= '9' && digits.size() < 6) digits += c;
    s.checkin.code = digits;
    s.checkin.message = {};
}

void update(State& s, const SubmitCode&, Effects& out) {
    if (!signed_in_volunteer(s, out)) return;
    if (s.checkin.code.size() != 6) {
        s.checkin.message = {"checkin_code_invalid"};
        return;
    }
    s.checkin.method = "code";
    const std::string code = s.checkin.code;
    check_in(s, "code", code, s.location, out);
    if (s.checkin.message.empty()) s.checkin.code.clear();
}

void update(State& s, const UseLocation&, Effects& out) {
    if (!signed_in_volunteer(s, out)) return;
    s.checkin.method = "gps";
    s.checkin.message = {};
    s.locate_error.clear();
    if (s.locating) return;
    s.locating = true;
    out.push_back(Locate{});
}

void update(State& s, const ScanQr&, Effects& out) {
    if (!signed_in_volunteer(s, out)) return;
    s.checkin.method = "qr";
    s.checkin.message = {};
    if (s.scanning) return;
    s.scanning = true;
    out.push_back(StartScan{});
}

void update(State& s, const CheckOut& a, Effects& out) {
    if (!signed_in_volunteer(s, out)) return;
    CheckinStatus st = checkin_status(s, a.shift_id);
    if (!st.can_check_out) {
        s.notice = st.rules.empty() ? Message{"not_checked_in"} : st.rules.front();
        return;
    }
    OutboxEvent e;
    e.kind = "check_out";
    e.shift_id = a.shift_id;
    e.project_title = st.project_title;
    if (const OutboxEvent* in_q = queued(s, a.shift_id, "check_in")) e.after = in_q->key;
    else if (const HourRecord* open = open_record(s)) e.attendance_id = open->id;
    if (s.location) {
        e.lat = s.location->lat;
        e.lng = s.location->lng;
    }
    enqueue(s, std::move(e), out);
}

//-----------------------------------------------------------------------------
// [SECTION] Device answers and the clock
//-----------------------------------------------------------------------------

void update(State& s, const Scanned& a, Effects& out) {
    s.scanning = false;
    out.push_back(StopScan{});
    auto qr = parse_checkin_qr(a.text);
    if (!qr) {
        s.checkin.message = {"qr_not_checkin"};
        return;
    }
    if (s.route.kind != Route::Checkin || s.route.id != qr->shift_id) {
        // A code of another shift than the screen's: its own screen, then the check-in.
        go(s, Route{Route::Checkin, qr->shift_id, {}}, out);
    }
    if (s.checkin.shift_id != qr->shift_id) s.checkin = CheckinFlow{qr->shift_id, "qr", "", {}};
    s.checkin.method = "qr";
    check_in(s, "qr", qr->code, s.location, out);
}

void update(State& s, const ScanFailed& a, Effects&) {
    s.scanning = false;
    if (a.reason == "cancelled") return;
    s.checkin.message = {"scan_" + a.reason};
}

void update(State& s, const Located& a, Effects& out) {
    s.locating = false;
    s.location = a;
    s.locate_error.clear();
    if (s.checkin.method != "gps" || s.route.kind != Route::Checkin) return;
    CheckinStatus st = checkin_status(s, s.checkin.shift_id);
    if (st.distance_m && st.radius_m > 0 && *st.distance_m > st.radius_m) {
        s.checkin.message = {"outside_radius",
                             {{"distance_m", std::to_string(*st.distance_m)}, {"radius_m", std::to_string(st.radius_m)}},
                             ""};
        return;
    }
    check_in(s, "gps", "", a, out);
}

void update(State& s, const LocateFailed& a, Effects&) {
    s.locating = false;
    s.locate_error = a.reason;
    s.checkin.message = {"locate_" + a.reason};
}

void update(State& s, const Tick& a, Effects& out) {
    s.now_ms = a.now_ms;
    if (s.route.kind == Route::Checkin && s.logged_in()) {
        // The shift's project (its site) once my sign-ups say which project it is.
        const RemoteStatus& p = s.checkin_project;
        const std::string key = checkin_project_key(s);
        if (!key.empty() && !p.loading() && (p.idle() || p.key() != key)) append(out, load(s, Target::CheckinProject));
    }
    pump(s, out);
}

void update(State& s, const LoadedDurable& a, Effects& out) {
    if (a.key != kOutboxKey || a.json.empty()) return;
    auto box = outbox::from_json(a.json);
    if (!box) return;
    // Events made before the store started (none normally) stay behind the restored ones.
    for (OutboxEvent& e : s.outbox.events) outbox::add(*box, std::move(e));
    s.outbox = std::move(*box);
    pump(s, out);
}

void update(State& s, const Online&, Effects& out) {
    if (!s.outbox.events.empty()) s.outbox.events.front().next_at_ms = 0;
    pump(s, out);
}

//-----------------------------------------------------------------------------
// [SECTION] Corrections
//-----------------------------------------------------------------------------

void update(State& s, const EditCorrection& a, Effects&) {
    if (a.record_id != s.correction_record) s.dispute.reset();
    s.correction_record = a.record_id;
    s.correction_reason = a.text;
}

void update(State& s, const RequestCorrection& a, Effects& out) {
    if (!signed_in_volunteer(s, out)) return;
    if (s.dispute.loading()) return;
    std::string reason = a.reason;
    while (!reason.empty() && (reason.back() == ' ' || reason.back() == '\n')) reason.pop_back();
    if (reason.empty()) {
        s.notice = {"reason_required"};
        return;
    }
    HttpRequest r;
    r.method = "POST";
    r.path = "/hours/" + std::to_string(a.record_id) + "/disputes";
    r.headers = {{"Accept", "application/json"}, {"X-Requested-With", "zygc"}, {"Content-Type", "application/json"}};
    r.body = nlohmann::json{{"reason", reason}}.dump();
    out.push_back(begin(s, s.dispute, Target::Dispute, std::move(r)));
}

//-----------------------------------------------------------------------------
// [SECTION] Requests and answers
//-----------------------------------------------------------------------------

// 我的时长 comes 50 records at a time, newest first; asked again (after a check-out, a
// correction), it keeps as many as were shown, up to the server's 500.
constexpr size_t kHoursPage = 50, kHoursMax = 500;

std::string my_hours_path(size_t limit) { return "/me/hours?limit=" + std::to_string(limit); }

std::optional<HttpRequest> request_my_hours(State& s) {
    s.hours_more.reset();  // an older page must not append to the new list
    const size_t shown = s.my_hours.data().items.size();
    HttpRequest r;
    r.path = my_hours_path(std::clamp(shown, kHoursPage, kHoursMax));
    r.headers.push_back({"Accept", "application/json"});
    return r;
}

std::optional<HttpRequest> request_more_hours(State& s) {
    if (s.route.kind != Route::MyHours || !s.my_hours.loaded() || !s.my_hours.data().next_cursor ||
        s.hours_more.loading())
        return std::nullopt;
    HttpRequest r;
    r.path = my_hours_path(kHoursPage) + "&cursor=" + api::url_encode(*s.my_hours.data().next_cursor);
    r.headers.push_back({"Accept", "application/json"});
    return r;
}

void receive_more_hours(State& s, const Received& a, Effects& out) {
    take_page(s, s.my_hours, &MyHours::items, s.hours_more, a, out);  // the totals and the open record: the newest
}

void update(State& s, const LoadMore&, Effects& out) { append(out, load(s, Target::MoreHours)); }

std::string checkin_project_key(const State& s) {
    const Signup* su = signup_for(s, s.route.kind == Route::Checkin ? s.route.id : s.checkin.shift_id);
    return su ? std::to_string(su->project_id) : std::string();
}

std::optional<HttpRequest> request_checkin_project(State& s) {
    const std::string key = checkin_project_key(s);
    if (key.empty()) return std::nullopt;
    return api::get_project(std::stoll(key));
}

void receive_checkin_project(State& s, const Received& a, Effects&) { fill(s.checkin_project, a); }

void receive_outbox(State& s, const Received& a, Effects& out) {
    if (!s.outbox.in_flight || a.request != s.outbox.in_flight) return;
    const int status = a.response.status;
    Id attendance_id = 0;
    std::string code;
    Message problem;
    if (status >= 200 && status < 300) {
        nlohmann::json j = nlohmann::json::parse(a.response.body, nullptr, false);
        if (j.is_object() && j.contains("id") && j["id"].is_number_integer()) attendance_id = j["id"].get<Id>();
    } else if (status != 0) {
        ApiError e = read_response<Problem>(a.response).error;
        code = e.problem.code;
        problem = readable(problem_message(e, "checkin_failed"));
    }
    outbox::Answer ans = outbox::answer(s.outbox, status, code, attendance_id, s.now_ms);
    persist(s, out);
    if (ans.verdict == outbox::Verdict::Done) {
        s.notice = {ans.event.kind == "check_in" ? "checked_in" : "checked_out"};
    } else if (ans.verdict == outbox::Verdict::Dropped) {
        // Final: the event leaves the queue; the volunteer reads why.
        s.notice = problem;
        if (s.checkin.shift_id == ans.event.shift_id) s.checkin.message = problem;
    }
    if (ans.verdict != outbox::Verdict::Retry && s.logged_in()) {
        if (s.route.kind == Route::Checkin || s.route.kind == Route::MyHours) append(out, load(s, Target::MyHours));
        else s.my_hours.invalidate();
    }
    pump(s, out);
}

void receive_dispute(State& s, const Received& a, Effects& out) {
    auto r = take(s.dispute, a);
    if (!r) return;
    if (r->ok()) {
        s.notice = {"correction_requested"};
        s.correction_record = 0;
        s.correction_reason.clear();
    } else if (r->error.status == 401) {
        go_to_login(s, out);
        return;
    } else {
        s.notice = problem_message(r->error, "correction_failed");
    }
    append(out, load(s, Target::MyHours));
}

}  // namespace attendance
}  // namespace zygc
