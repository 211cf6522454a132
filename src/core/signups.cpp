#include "core/signups.h"

#include "core/calendar.h"
#include "core/feature.h"

namespace zygc {
namespace {

bool overlaps(const std::string& a_start, const std::string& a_end, const std::string& b_start,
              const std::string& b_end) {
    // All times carry the same +08:00 offset, so the strings order like the instants.
    return a_start < b_end && b_start < a_end;
}

// Places left changed, whatever the answer: the detail, my sign-ups and the lists reload.
void reload_after_signup(State& s, Effects& out) {
    if (s.route.kind == Route::Project) append(out, load(s, Target::Project));
    append(out, load(s, Target::MySignups));
    catalogue::invalidate_lists(s);
}

}  // namespace

Message signup_blocker(const State& s, const Shift& shift) {
    if (shift.signed_up >= shift.capacity) return {"shift_full"};
    if (!s.my_signups.loaded()) return {};
    for (const Signup& mine : s.my_signups.data()) {
        if (mine.status != "confirmed") continue;
        if (mine.shift_id == shift.id) return {"already_signed_up"};
        if (overlaps(mine.start, mine.end, shift.start, shift.end))
            return {"overlap", {{"project", mine.project_title}}, ""};
    }
    return {};
}

namespace signups {

void update(State& s, const SignUp& a, Effects& out) {
    if (!s.logged_in() || !s.has_role("volunteer")) {  // sign-up flow: remembered for the way back
        s.pending_project = a.project_id;
        s.pending_shift = a.shift_id;
    }
    if (!s.logged_in()) {
        go_to_login(s, out);
        return;
    }
    if (!s.has_role("volunteer")) {
        s.notice = {"volunteer_required"};
        go(s, Route{Route::Register, 0, {}}, out);
        return;
    }
    if (s.signup.loading()) return;
    for (const Shift& sh : s.project.data().shifts) {
        if (sh.id != a.shift_id) continue;
        Message why = signup_blocker(s, sh);
        if (!why.empty()) {
            s.notice = why;
            return;
        }
    }
    s.signup_shift = a.shift_id;
    out.push_back(begin(s, s.signup, Target::Signup, api::post_signup(a.project_id, a.shift_id, next_key(s))));
}

void update(State& s, const CancelSignup& a, Effects& out) {
    if (s.cancel.loading()) return;
    out.push_back(begin(s, s.cancel, Target::CancelSignup, api::delete_signup(a.signup_id)));
}

bool resume(State& s, Effects& out) {
    if (!s.pending_project || !s.logged_in()) return false;
    if (!s.has_role("volunteer")) {  // 实名注册 first, then back here
        go(s, Route{Route::Register, 0, {}}, out);
        return true;
    }
    const SignUp a{s.pending_project, s.pending_shift};
    s.pending_project = s.pending_shift = 0;
    go(s, Route{Route::Project, a.project_id, {}}, out);
    update(s, a, out);
    return true;
}

void route_changed(State& s) {
    const Route::Kind k = s.route.kind;
    const bool detour = k == Route::Login || k == Route::Register ||
                        (k == Route::Project && s.route.id == s.pending_project);
    if (!detour) s.pending_project = s.pending_shift = 0;
}

constexpr int kSignupsPage = 50;

std::optional<HttpRequest> request_my_signups(State& s) {
    s.signups_more.reset();  // an older page must not append to the new list
    return api::get_my_signups(kSignupsPage);
}

std::optional<HttpRequest> request_more_signups(State& s) {
    if (!s.my_signups.loaded() || s.my_signups_next.empty() || s.signups_more.loading()) return std::nullopt;
    return api::get_my_signups(kSignupsPage, s.my_signups_next);
}

void update(State& s, const LoadMore&, Effects& out) { append(out, load(s, Target::MoreSignups)); }

namespace {

// The next page when the last one ended on an upcoming sign-up (past ones follow them; the
// clock unknown: none). The server keeps the first page's moment in its cursor.
void follow_signup_pages(State& s, const Received& a, Effects& out) {
    s.my_signups_next = api::next_page_query(a.response.link);
    const auto& all = s.my_signups.data();
    if (s.my_signups_next.empty() || all.empty() || s.now_ms <= 0) return;
    const std::optional<int64_t> end = parse_rfc3339(all.back().end);
    if (end && *end > s.now_ms / 1000) append(out, load(s, Target::MoreSignups));
}

}  // namespace

void receive_my_signups(State& s, const Received& a, Effects& out) {
    if (!fill(s.my_signups, a)) return;
    if (s.my_signups.loaded()) follow_signup_pages(s, a, out);
    else s.my_signups_next.clear();
}

void receive_more_signups(State& s, const Received& a, Effects& out) {
    std::optional<std::vector<Signup>> page = take_more<std::vector<Signup>>(s, s.signups_more, a, out);
    if (!page) return;
    for (Signup& su : *page) s.my_signups.edit().push_back(std::move(su));
    follow_signup_pages(s, a, out);
}

void receive_signup(State& s, const Received& a, Effects& out) {
    auto r = take(s.signup, a);
    if (!r) return;
    s.signup_shift = 0;
    if (r->ok()) {
        s.notice = {"signed_up"};
    } else if (r->error.status == 409) {
        s.notice = problem_message(r->error, "shift_taken");
    } else if (r->error.status == 401) {
        go_to_login(s, out);
        return;
    } else if (r->error.status == 403) {
        s.notice = {"volunteer_required"};
    } else {
        s.notice = problem_message(r->error, "signup_failed");
    }
    reload_after_signup(s, out);
}

void receive_cancel(State& s, const Received& a, Effects& out) {
    auto e = take_status(s.cancel, a);
    if (!e) return;
    s.notice = ok_status(*e) ? Message{"signup_cancelled"} : problem_message(*e, "cancel_failed");
    append(out, load(s, Target::MySignups));
    if (s.route.kind == Route::Project) append(out, load(s, Target::Project));
    catalogue::invalidate_lists(s);
}

}  // namespace signups
}  // namespace zygc
