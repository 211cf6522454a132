#include "core/certification.h"

#include <algorithm>

#include "core/calendar.h"
#include "core/feature.h"
#include "core/hours_codec.h"
#include "core/requests.h"
#include "core/validate.h"

namespace zygc {
namespace {

//-----------------------------------------------------------------------------
// Requests
//-----------------------------------------------------------------------------

using requests::get;
using requests::post;

bool on_console(const State& s) { return s.route.kind == Route::ShiftConsole && s.route.shift != 0; }

int64_t ms_of(const std::string& rfc3339) {
    auto t = parse_rfc3339(rfc3339);
    return t ? *t * 1000 : 0;
}

// The decision's minutes are asked for (adjust, correct, resolve by adjusting).
bool wants_minutes(const DecisionDraft& d) {
    return d.kind == "adjust" || d.kind == "correct" || (d.kind == "resolve" && d.resolve == "adjust");
}

void reload_queue(State& s, Effects& out) {
    if (s.route.kind == Route::Hours) append(out, load(s, Target::HoursQueue));
    else s.queue.invalidate();
}

// A decided record changes where it is (or leaves a queue filtered by another status), so a
// queue paged far down keeps its place. False when it is not there (a correction answers
// with a new record): then the queue loads again.
bool settle_in_place(State& s, const HourRecord& decided) {
    if (!s.queue.loaded() || s.route.kind != Route::Hours) return false;
    AttendancePage& page = s.queue.edit();
    auto it = std::find_if(page.items.begin(), page.items.end(), [&](const HourRecord& r) { return r.id == decided.id; });
    if (it == page.items.end()) return false;
    if (decided.status == s.hours_status) {
        *it = decided;
    } else {
        page.items.erase(it);
        page.total = std::max<int64_t>(0, page.total - 1);
    }
    return true;
}

void reload_console(State& s, Effects& out) {
    if (on_console(s)) append(out, load(s, Target::Roster));
}

void start_manual(State& s, Effects& out) {
    const ManualCheckOp& op = s.manual_op;
    nlohmann::json body;
    HttpRequest http;
    if (op.attendance_id == 0) {
        body = {{"shift_id", s.route.shift}, {"method", "manual"}, {"volunteer_id", op.volunteer_id}};
        if (!op.client_time.empty()) body["client_time"] = op.client_time;
        http = post("/attendance/check-in", body, op.key);
    } else {
        body = {{"attendance_id", op.attendance_id}, {"volunteer_id", op.volunteer_id}};
        if (!op.client_time.empty()) body["client_time"] = op.client_time;
        http = post("/attendance/check-out", body, op.key);
    }
    out.push_back(begin(s, s.manual, Target::ManualCheck, std::move(http)));
}

}  // namespace

//-----------------------------------------------------------------------------
// Rules shared with the screens
//-----------------------------------------------------------------------------

int64_t shift_minutes(const HourRecord& r) {
    auto a = parse_rfc3339(r.shift.start), b = parse_rfc3339(r.shift.end);
    if (!a || !b || *b <= *a) return 0;
    return (*b - *a) / 60;
}

std::vector<FieldError> validate_decision(const DecisionDraft& d, const HourRecord& r) {
    std::vector<FieldError> errors;
    if (wants_minutes(d)) {
        const int64_t max = shift_minutes(r);
        auto m = parse_int(d.minutes);
        if (!m || *m < 1 || (max > 0 && *m > max))
            errors.push_back(field_error("minutes", "minutes_range", {{"min", "1"}, {"max", std::to_string(max)}}));
    }
    if (blank(d.reason)) errors.push_back(field_error("reason", "reason_required"));
    return errors;
}

bool bulk_approvable(const HourRecord& r) { return r.status == "pending" && r.flags.empty(); }

const HourRecord* queued_record(const State& s, Id record_id) {
    for (const HourRecord& r : s.queue.data().items)
        if (r.id == record_id) return &r;
    return nullptr;
}

int64_t code_ms_left(const State& s, int64_t now_ms) {
    if (!s.checkin_code.loaded() && !s.checkin_code.loading()) return 0;
    const int64_t left = ms_of(s.checkin_code.data().expires_at) - now_ms;
    return left > 0 ? left : 0;
}

namespace certification {

//-----------------------------------------------------------------------------
// Loads (the target table in store.cpp)
//-----------------------------------------------------------------------------

std::string roster_key(const State& s) { return std::to_string(s.route.shift); }
std::string queue_key(const State& s) {
    return std::to_string(s.route.id) + "|" + std::to_string(s.hours_shift) + "|" + s.hours_status;
}

std::optional<HttpRequest> request_checkin_code(State& s) {
    if (!on_console(s)) return std::nullopt;
    s.code_asked_ms = s.clock_ms;
    return get("/projects/" + std::to_string(s.route.id) + "/checkin-code?shift_id=" + std::to_string(s.route.shift));
}

std::optional<HttpRequest> request_roster(State& s) {
    if (!on_console(s)) return std::nullopt;
    // The roster carries each volunteer's times: the page's records are not needed here.
    return get("/projects/" + std::to_string(s.route.id) + "/attendance?shift_id=" + std::to_string(s.route.shift) + "&limit=1");
}

// The queue's pages: 100 records each, the next one after the last loaded (LoadMore).
std::string queue_path(const State& s) {
    std::string path = "/projects/" + std::to_string(s.route.id) + "/attendance?status=" + api::url_encode(s.hours_status);
    if (s.hours_shift) path += "&shift_id=" + std::to_string(s.hours_shift);
    return path + "&limit=100";
}

std::optional<HttpRequest> request_queue(State& s) {
    if (s.route.kind != Route::Hours) return std::nullopt;
    s.queue_more.reset();  // an older page must not append to the new queue
    return get(queue_path(s));
}

std::optional<HttpRequest> request_more_records(State& s) {
    if (s.route.kind != Route::Hours || !s.queue.loaded() || !s.queue.data().next_cursor || s.queue_more.loading())
        return std::nullopt;
    return get(queue_path(s) + "&cursor=" + api::url_encode(*s.queue.data().next_cursor));
}

void receive_more_records(State& s, const Received& a, Effects& out) {
    std::optional<AttendancePage> more = take_more<AttendancePage>(s, s.queue_more, a, out);
    if (!more) return;  // the roster came with the first page: it stays
    AttendancePage& page = s.queue.edit();
    for (HourRecord& rec : more->items) page.items.push_back(std::move(rec));
    page.next_cursor = more->next_cursor;
    page.total = more->total;
}

std::optional<HttpRequest> request_certificate(State&) { return get("/me/certificate"); }

std::optional<HttpRequest> request_verification(State& s) {
    if (s.route.kind != Route::Verify || s.route.slug.empty()) return std::nullopt;
    return get("/certificates/" + api::url_encode(s.route.slug));
}

//-----------------------------------------------------------------------------
// The console: ticks, code refresh, manual check-in/out
//-----------------------------------------------------------------------------

void route_changed(State& s, Effects& out) {
    const bool want = on_console(s);
    if (want == s.ticking) return;
    s.ticking = want;
    out.push_back(WantTicks{want ? 1000 : 0, "certification"});
}

void update(State& s, const Tick& a, Effects& out) {
    s.clock_ms = a.now_ms;
    if (!on_console(s)) {
        route_changed(s, out);
        return;
    }
    if (!s.logged_in() || s.checkin_code.loading() || s.checkin_code.failed()) return;
    const bool ours = s.checkin_code.key() == roster_key(s);
    const int64_t expires = ms_of(s.checkin_code.data().expires_at);
    // The next code is asked for when this one expires (not more than every 2 s, so a clock
    // running ahead of the server's does not ask every second); the roster comes along.
    if (!ours || expires == 0 || (a.now_ms >= expires && a.now_ms - s.code_asked_ms >= 2000)) {
        append(out, load(s, Target::CheckinCode));
        if (!s.roster.loading()) reload_console(s, out);
    }
}

void update(State& s, const ManualCheck& a, Effects& out) {
    if (!on_console(s) || s.manual.loading()) return;
    const bool retry = s.manual.failed() && s.manual.error().kind == ApiError::Network &&
                       s.manual_op.volunteer_id == a.volunteer_id && s.manual_op.attendance_id == a.attendance_id;
    if (!retry) {
        s.manual_op = {a.volunteer_id, a.attendance_id, next_key(s),
                       s.clock_ms > 0 ? format_cst(s.clock_ms / 1000) : std::string()};
    }
    start_manual(s, out);
}

void receive_manual(State& s, const Received& a, Effects& out) {
    auto r = take(s.manual, a);
    if (!r) return;
    if (r->ok()) {
        s.notice = {s.manual_op.attendance_id ? "manual_checked_out" : "manual_checked_in",
                    {{"name", r->value->volunteer.display_name}}, ""};
        s.manual_op = {};
    } else if (r->error.kind == ApiError::Network) {
        s.notice = {"manual_check_unsent"};  // the same key goes again on a retry
        return;
    } else if (r->error.status == 401) {
        go_to_login(s, out);
        return;
    } else {
        s.notice = problem_message(r->error, "manual_check_failed");
        s.manual_op = {};
    }
    reload_console(s, out);
}

//-----------------------------------------------------------------------------
// The queue: decisions, bulk approval, filters, history
//-----------------------------------------------------------------------------

void update(State& s, const FilterHours& a, Effects& out) {
    s.hours_shift = a.shift_id;
    if (!a.status.empty()) s.hours_status = a.status;
    s.decision = {};
    if (s.route.kind == Route::Hours) ensure(s, Target::HoursQueue, out);
}

void update(State& s, const LoadMore&, Effects& out) { append(out, load(s, Target::MoreRecords)); }

void update(State& s, const ToggleHistory& a, Effects&) {
    s.history_open = s.history_open == a.record_id ? 0 : a.record_id;
}

void update(State& s, const ApproveRecord& a, Effects& out) {
    if (s.decide.loading()) return;
    s.decision = {};
    s.decision.record_id = a.record_id;
    s.decision.kind = "approve";
    out.push_back(begin(s, s.decide, Target::Decide,
                        post("/hours/" + std::to_string(a.record_id) + "/certify", {{"decision", "approve"}})));
}

void update(State& s, const OpenDecision& a, Effects&) {
    s.decision = {};
    s.decision.record_id = a.record_id;
    s.decision.kind = a.kind;
    if (a.kind == "resolve") s.decision.resolve = "keep";
    if (const HourRecord* r = queued_record(s, a.record_id); r && a.kind != "reject" && a.kind != "resolve")
        s.decision.minutes = std::to_string(r->minutes);
}

void update(State& s, const EditDecision& a, Effects&) {
    DecisionDraft& d = s.decision;
    if (!a.resolve.empty()) {  // the choice between keep and adjust alone
        d.resolve = a.resolve;
        if (d.resolve == "adjust" && d.minutes.empty())
            if (const HourRecord* r = queued_record(s, d.record_id)) d.minutes = std::to_string(r->minutes);
    } else {
        d.minutes = a.minutes;
        d.reason = a.reason;
    }
    // A corrected field loses its error at once; the others wait for the next submit.
    if (!d.errors.empty()) {
        const HourRecord* r = queued_record(s, d.record_id);
        d.errors = r ? validate_decision(d, *r) : std::vector<FieldError>{};
    }
}

void update(State& s, const CloseDecision&, Effects&) {
    if (!s.decide.loading()) s.decision = {};
}

void update(State& s, const SubmitDecision&, Effects& out) {
    DecisionDraft& d = s.decision;
    if (d.record_id == 0 || s.decide.loading()) return;
    const HourRecord* r = queued_record(s, d.record_id);
    if (!r) return;
    d.errors = validate_decision(d, *r);
    if (!d.errors.empty()) return;  // nothing is sent without a reason and valid minutes
    const int64_t minutes = parse_int(d.minutes).value_or(0);
    const std::string base = "/hours/" + std::to_string(d.record_id);
    HttpRequest http;
    if (d.kind == "reject") {
        http = post(base + "/certify", {{"decision", "reject"}, {"reason", d.reason}});
    } else if (d.kind == "adjust") {
        http = post(base + "/certify", {{"decision", "adjust"}, {"minutes", minutes}, {"reason", d.reason}});
    } else if (d.kind == "correct") {
        http = post(base + "/corrections", {{"minutes", minutes}, {"reason", d.reason}});
    } else if (d.kind == "resolve") {
        nlohmann::json body = {{"decision", d.resolve}, {"reason", d.reason}};
        if (d.resolve == "adjust") body["minutes"] = minutes;
        http = post(base + "/disputes/resolve", body);
    } else {
        return;
    }
    out.push_back(begin(s, s.decide, Target::Decide, std::move(http)));
}

void receive_decide(State& s, const Received& a, Effects& out) {
    auto r = take(s.decide, a);
    if (!r) return;
    DecisionDraft& d = s.decision;
    if (r->ok()) {
        static constexpr struct { const char* kind; const char* notice; } kNotices[] = {
            {"approve", "hours_approved"}, {"reject", "hours_rejected"}, {"adjust", "hours_adjusted"},
            {"correct", "hours_corrected"}, {"resolve", "dispute_resolved"}};
        for (const auto& n : kNotices)
            if (d.kind == n.kind) s.notice = {n.notice};
        s.decision = {};
        if (!settle_in_place(s, *r->value)) reload_queue(s, out);
        return;
    }
    if (r->error.status == 401) {
        go_to_login(s, out);
        return;
    }
    const std::string& code = r->error.problem.code;
    if (r->error.status == 422 && (code == "reason_required" || code == "minutes_range") && d.kind != "approve") {
        FieldError e = field_error(code == "reason_required" ? "reason" : "minutes", code.c_str(),
                                   r->error.problem.params);
        e.message = r->error.problem.detail;
        d.errors = {e};
        return;
    }
    s.notice = problem_message(r->error, "decision_failed");
    if (d.kind == "approve" || r->error.status == 409) s.decision = {};
    if (r->error.status == 409) reload_queue(s, out);  // someone decided first: show what they did
}

void update(State& s, const CertifyShift& a, Effects& out) {
    if (s.certify_all.loading() || a.shift_id == 0) return;
    out.push_back(begin(s, s.certify_all, Target::CertifyAll,
                        post("/shifts/" + std::to_string(a.shift_id) + "/certify-all", nlohmann::json::object())));
}

void receive_certify_all(State& s, const Received& a, Effects& out) {
    auto r = take(s.certify_all, a);
    if (!r) return;
    if (r->ok()) {
        s.notice = {"bulk_certified",
                    {{"approved", std::to_string(r->value->approved)}, {"skipped", std::to_string(r->value->skipped)}},
                    ""};
    } else if (r->error.status == 401) {
        go_to_login(s, out);
        return;
    } else {
        s.notice = problem_message(r->error, "decision_failed");
    }
    reload_queue(s, out);
}

//-----------------------------------------------------------------------------
// The certificate
//-----------------------------------------------------------------------------

void receive_certificate(State& s, const Received& a, Effects&) { fill(s.certificate, a); }

void update(State& s, const SaveCertificate&, Effects& out) {
    if (!s.certificate.loaded()) return;
    const Certificate& c = s.certificate.data();
    out.push_back(SaveImage{"certificate", encode(c).dump(), "证明-" + c.serial + ".png"});
}

}  // namespace certification
}  // namespace zygc
