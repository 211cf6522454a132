// The store's update. Index:
// [SECTION] Helpers
// [SECTION] Loading what a screen needs
// [SECTION] Answers
// [SECTION] Accounts, sign-ups, teams, publishing
// [SECTION] update()
#include "core/store.h"

#include <cstdio>

#include "core/idcard.h"

namespace zygc {

bool State::has_role(std::string_view role) const {
    if (!logged_in()) return false;
    for (const auto& r : me.data.roles)
        if (r == role) return true;
    return false;
}

bool State::leads_team(Id team_id) const {
    if (!logged_in()) return false;
    for (const auto& t : me.data.teams)
        if (t.id == team_id && t.role == "leader") return true;
    return false;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// Marks a Remote as loading under a fresh request id and describes the request.
// The data it held stays until the answer arrives, so a screen can keep showing it.
template <class T>
SendRequest begin(State& s, Remote<T>& remote, Target target, HttpRequest http) {
    remote.status = Remote<T>::Loading;
    remote.request = s.next_request++;
    return {target, remote.request, std::move(http)};
}

template <class T>
bool needed(const Remote<T>& r) {
    return r.status == Remote<T>::Idle || r.status == Remote<T>::Failed;
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

ProjectQuery home_query() {
    ProjectQuery q;
    q.status = "open";
    q.sort = "start";
    q.limit = 10;
    return q;
}

bool needs_login(Route::Kind k) {
    return k == Route::Me || k == Route::Register || k == Route::MySignups || k == Route::NewProject ||
           k == Route::EditProject;
}

void go(State& s, const Route& r, std::vector<Effect>& out);

//-----------------------------------------------------------------------------
// [SECTION] Loading what a screen needs
//-----------------------------------------------------------------------------

// The request that (re)loads a target from the current state.
std::vector<Effect> load(State& s, Target t) {
    switch (t) {
        case Target::Stats: return {begin(s, s.stats, t, api::get_city_stats())};
        case Target::Districts: return {begin(s, s.districts, t, api::get_districts())};
        case Target::Brands: return {begin(s, s.brands, t, api::get_brands())};
        case Target::HomeProjects: return {begin(s, s.home_projects, t, api::get_projects(home_query()))};
        case Target::Projects: {
            ProjectQuery q = s.query;
            q.cursor.clear();
            s.more = {};  // an older "load more" must not append to the new list
            return {begin(s, s.projects, t, api::get_projects(q))};
        }
        case Target::MoreProjects: {
            if (!s.projects.loaded() || !s.projects.data.next_cursor || s.more.loading()) return {};
            ProjectQuery q = s.query;
            q.cursor = *s.projects.data.next_cursor;
            return {begin(s, s.more, t, api::get_projects(q))};
        }
        case Target::Project: {
            Id id = s.route.id;
            if (s.route.kind != Route::Project && s.route.kind != Route::EditProject) return {};
            if (s.project.data.id != id) s.project.data = {};
            s.project.key = std::to_string(id);
            return {begin(s, s.project, t, api::get_project(id))};
        }
        case Target::Brand:
            if (s.route.kind != Route::Brand) return {};
            if (s.brand.data.slug != s.route.slug) s.brand.data = {};
            s.brand.key = s.route.slug;
            return {begin(s, s.brand, t, api::get_brand(s.route.slug))};
        case Target::Me: return {begin(s, s.me, t, api::get_me())};
        case Target::MySignups: return {begin(s, s.my_signups, t, api::get_my_signups())};
        case Target::Teams: return {begin(s, s.teams, t, api::get_teams("", 0))};
        case Target::Team:
            if (s.route.kind != Route::Team) return {};
            if (s.team.data.id != s.route.id) s.team.data = {};
            s.team.key = std::to_string(s.route.id);
            return {begin(s, s.team, t, api::get_team(s.route.id))};
        // Requests that are actions of the user, not loads: a retry repeats nothing.
        case Target::SmsCode:
        case Target::Login:
        case Target::Logout:
        case Target::Register:
        case Target::Signup:
        case Target::CancelSignup:
        case Target::Join:
        case Target::Publish:
        case Target::Close: return {};
    }
    return {};
}

void append(std::vector<Effect>& out, std::vector<Effect> more) {
    for (auto& e : more) out.push_back(std::move(e));
}

// Loads a target unless it is loaded (for the current route) or on its way.
void ensure(State& s, Target t, std::vector<Effect>& out) {
    bool need = false;
    switch (t) {
        case Target::Stats: need = needed(s.stats); break;
        case Target::Districts: need = needed(s.districts); break;
        case Target::Brands: need = needed(s.brands); break;
        case Target::HomeProjects: need = needed(s.home_projects); break;
        case Target::Projects: need = needed(s.projects); break;
        case Target::Project: need = needed(s.project) || s.project.key != std::to_string(s.route.id); break;
        case Target::Brand: need = needed(s.brand) || s.brand.key != s.route.slug; break;
        case Target::Me: need = needed(s.me); break;
        case Target::MySignups: need = s.logged_in() && needed(s.my_signups); break;
        case Target::Teams: need = needed(s.teams); break;
        case Target::Team: need = needed(s.team) || s.team.key != std::to_string(s.route.id); break;
        default: break;
    }
    if (need) append(out, load(s, t));
}

void start_draft(State& s) {
    s.publish = {};
    for (const auto& t : s.me.data.teams)
        if (t.role == "leader") {
            s.publish.draft.team_id = t.id;
            break;
        }
    s.publish.draft.shifts.push_back({});
}

void fill_draft_from_project(State& s) {
    const Project& p = s.project.data;
    s.publish = {};
    s.publish.editing = p.id;
    s.publish.etag = s.project.etag;
    ProjectDraft& d = s.publish.draft;
    d.team_id = p.team_id;
    d.title = p.title;
    d.summary = p.summary;
    d.description = p.description;
    d.category = p.category;
    d.brand = p.brand;
    d.district_id = p.district_id;
    d.site = p.site;
    for (const Shift& sh : p.shifts) d.shifts.push_back({sh.start, sh.end, sh.capacity});
}

// What a screen needs loaded.
void load_screen(State& s, std::vector<Effect>& out) {
    switch (s.route.kind) {
        case Route::Home:
            ensure(s, Target::Stats, out);
            ensure(s, Target::Brands, out);
            ensure(s, Target::HomeProjects, out);
            break;
        case Route::Projects:
            ensure(s, Target::Districts, out);
            ensure(s, Target::Brands, out);
            ensure(s, Target::Projects, out);
            break;
        case Route::Project:
            ensure(s, Target::Project, out);
            ensure(s, Target::MySignups, out);  // to warn about overlapping shifts before sending
            break;
        case Route::Brand: ensure(s, Target::Brand, out); break;
        case Route::Register: ensure(s, Target::Districts, out); break;
        case Route::MySignups: ensure(s, Target::MySignups, out); break;
        case Route::Teams: ensure(s, Target::Teams, out); break;
        case Route::Team: ensure(s, Target::Team, out); break;
        case Route::NewProject:
            ensure(s, Target::Districts, out);
            ensure(s, Target::Brands, out);
            if (s.publish.editing != 0 || s.publish.draft.shifts.empty()) start_draft(s);
            break;
        case Route::EditProject:
            ensure(s, Target::Districts, out);
            ensure(s, Target::Brands, out);
            if (s.project.loaded() && s.project.data.id == s.route.id) {
                if (s.publish.editing != s.route.id) fill_draft_from_project(s);
            } else {
                ensure(s, Target::Project, out);
            }
            break;
        case Route::Login:
        case Route::Me:
        case Route::NotFound: break;
    }
}

void go(State& s, const Route& r, std::vector<Effect>& out) {
    s.route = r;
    out.push_back(SetUrlHash{route_hash(r)});
    load_screen(s, out);
}

// A screen that needs a login, reached while logged out, goes to the login screen and
// returns after it.
bool redirect_to_login(State& s, std::vector<Effect>& out) {
    if (!needs_login(s.route.kind) || !s.me.loaded() || s.logged_in()) return false;
    s.after_login = s.route;
    go(s, Route{Route::Login, 0, {}}, out);
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Answers
//-----------------------------------------------------------------------------

// Applies an answer to a Remote and returns it; nullopt when it answers a superseded request.
template <class T>
std::optional<ApiResult<T>> take(Remote<T>& remote, const Received& a) {
    if (remote.request != a.request || !remote.loading()) return std::nullopt;
    ApiResult<T> r = read_response<T>(a.response);
    if (r.ok()) {
        remote.data = *r.value;
        remote.status = Remote<T>::Loaded;
        remote.etag = a.response.etag;
        remote.error = {};
    } else {
        remote.status = Remote<T>::Failed;
        remote.error = r.error;
    }
    return r;
}

// For requests whose answer carries no data we keep.
std::optional<ApiError> take_status(Remote<bool>& remote, const Received& a) {
    if (remote.request != a.request || !remote.loading()) return std::nullopt;
    int st = a.response.status;
    if (st >= 200 && st < 300) {
        remote.status = Remote<bool>::Loaded;
        remote.data = true;
        remote.error = {};
        return ApiError{ApiError::Http, st, {}, ""};
    }
    ApiResult<bool> r;
    r.error = read_response<Problem>(a.response).error;
    remote.status = Remote<bool>::Failed;
    remote.error = r.error;
    return r.error;
}

bool ok_status(const ApiError& e) { return e.kind == ApiError::Http && e.status >= 200 && e.status < 300; }

std::string problem_text(const ApiError& e, const char* fallback) {
    if (!e.problem.detail.empty()) return e.problem.detail;
    return fallback;
}

void receive_more(State& s, const Received& a) {
    if (s.more.request != a.request || !s.more.loading()) return;
    ApiResult<Page<Project>> r = read_response<Page<Project>>(a.response);
    if (!r.ok()) {
        s.more.status = Remote<bool>::Failed;
        s.more.error = std::move(r.error);
        return;
    }
    auto& page = s.projects.data;
    for (auto& p : r.value->items) page.items.push_back(std::move(p));
    page.next_cursor = r.value->next_cursor;
    page.total = r.value->total;
    s.more.status = Remote<bool>::Loaded;
    s.more.data = true;
}

// After something changed on the server, lists that show it load again when next shown.
void invalidate_lists(State& s) {
    s.home_projects.status = Remote<Page<Project>>::Idle;
    s.projects.status = Remote<Page<Project>>::Idle;
    s.stats.status = Remote<CityStats>::Idle;
}

//-----------------------------------------------------------------------------
// [SECTION] Accounts, sign-ups, teams, publishing
//-----------------------------------------------------------------------------

void receive_account(State& s, const Received& a, std::vector<Effect>& out) {
    switch (a.target) {
        case Target::Me: {
            auto r = take(s.me, a);
            if (!r) return;
            if (!r->ok() && r->error.kind == ApiError::Http && r->error.status == 401) {
                s.me.status = Remote<Me>::Loaded;  // not logged in is an answer, not an error
                s.me.data = {};
            }
            if (!redirect_to_login(s, out)) load_screen(s, out);
            return;
        }
        case Target::SmsCode: {
            auto r = take(s.login.sms, a);
            if (!r || r->ok()) {
                if (r) s.login.code_error.clear();
                return;
            }
            s.login.code_sent_ms = -1e12;  // let the user try again
            if (r->error.status == 429)
                s.login.code_error = problem_text(r->error, "发送过于频繁，请稍后再试");
            else if (r->error.status == 422 || r->error.status == 400)
                s.login.phone_error = problem_text(r->error, "手机号格式不正确");
            return;
        }
        case Target::Login: {
            auto r = take(s.login.submit, a);
            if (!r) return;
            if (!r->ok()) {
                if (r->error.kind == ApiError::Http && r->error.status < 500)
                    s.login.code_error = problem_text(r->error, "验证码不正确或已过期");
                return;
            }
            s.me.status = Remote<Me>::Loaded;
            s.me.data = r->value->user;
            s.me.request = 0;
            s.login = {};
            s.my_signups = {};
            Route next = s.after_login;
            if (next.kind == Route::Login || next.kind == Route::NotFound) next = Route{};
            s.after_login = {};
            go(s, next, out);
            return;
        }
        case Target::Logout: {
            // Whatever the answer, the app forgets the user.
            s.me = {};
            s.me.status = Remote<Me>::Loaded;
            s.my_signups = {};
            go(s, Route{}, out);
            return;
        }
        case Target::Register: {
            auto r = take(s.reg.submit, a);
            if (!r) return;
            if (r->ok()) {
                s.me.data = *r->value;
                s.me.status = Remote<Me>::Loaded;
                s.reg = {};
                s.notice = "实名注册成功";
                go(s, Route{Route::Me, 0, {}}, out);
            } else if (r->error.status == 409) {
                s.reg.errors = {{"id_number", problem_text(r->error, "该身份证号码已注册")}};
            } else if (!r->error.problem.errors.empty()) {
                s.reg.errors = r->error.problem.errors;
            }
            return;
        }
        case Target::MySignups: take(s.my_signups, a); return;
        case Target::Signup: {
            auto r = take(s.signup, a);
            if (!r) return;
            s.signup_shift = 0;
            if (r->ok()) {
                s.notice = "报名成功";
            } else if (r->error.status == 409) {
                s.notice = problem_text(r->error, "手慢了，名额刚被抢完");
            } else if (r->error.status == 401) {
                s.after_login = s.route;
                go(s, Route{Route::Login, 0, {}}, out);
                return;
            } else if (r->error.status == 403) {
                s.notice = "请先完成实名注册";
            } else {
                s.notice = problem_text(r->error, "报名失败，请重试");
            }
            // Places left changed either way.
            if (s.route.kind == Route::Project) append(out, load(s, Target::Project));
            append(out, load(s, Target::MySignups));
            invalidate_lists(s);
            return;
        }
        case Target::CancelSignup: {
            auto e = take_status(s.cancel, a);
            if (!e) return;
            s.notice = ok_status(*e) ? "已取消报名" : problem_text(*e, "取消失败，请重试");
            append(out, load(s, Target::MySignups));
            if (s.route.kind == Route::Project) append(out, load(s, Target::Project));
            invalidate_lists(s);
            return;
        }
        case Target::Teams: take(s.teams, a); return;
        case Target::Team: take(s.team, a); return;
        case Target::Join: {
            auto e = take_status(s.join, a);
            if (!e) return;
            if (ok_status(*e)) s.notice = "已加入队伍";
            else if (e->status == 409) s.notice = problem_text(*e, "你已经是该队伍成员");
            else if (e->status == 403) s.notice = "实名注册后才能加入队伍";
            else s.notice = problem_text(*e, "加入失败，请重试");
            append(out, load(s, Target::Me));
            if (s.route.kind == Route::Team) append(out, load(s, Target::Team));
            return;
        }
        case Target::Publish: {
            auto r = take(s.publish.submit, a);
            if (!r) return;
            if (r->ok()) {
                Id id = r->value->id;
                s.notice = s.publish.editing ? "修改已保存" : "项目已发布";
                s.publish = {};
                s.project = {};
                invalidate_lists(s);
                go(s, Route{Route::Project, id, {}}, out);
            } else if (r->error.status == 412) {
                s.publish.stale = true;
            } else if (!r->error.problem.errors.empty()) {
                s.publish.errors = r->error.problem.errors;
            } else {
                s.notice = problem_text(r->error, "提交失败，请重试");
            }
            return;
        }
        case Target::Close: {
            auto r = take(s.close, a);
            if (!r) return;
            if (r->ok()) {
                s.notice = "项目已关闭";
                invalidate_lists(s);
            } else if (r->error.status == 412) {
                s.notice = "项目已被他人修改，已重新加载";
            } else {
                s.notice = problem_text(r->error, "关闭失败，请重试");
            }
            if (s.route.kind == Route::Project) append(out, load(s, Target::Project));
            return;
        }
        default: return;
    }
}

void receive(State& s, const Received& a, std::vector<Effect>& out) {
    switch (a.target) {
        case Target::Stats: take(s.stats, a); break;
        case Target::Districts: take(s.districts, a); break;
        case Target::Brands: take(s.brands, a); break;
        case Target::HomeProjects: take(s.home_projects, a); break;
        case Target::Projects: take(s.projects, a); break;
        case Target::MoreProjects: receive_more(s, a); break;
        case Target::Project:
            if (take(s.project, a) && s.project.loaded() && s.route.kind == Route::EditProject &&
                s.route.id == s.project.data.id)
                fill_draft_from_project(s);
            break;
        case Target::Brand: take(s.brand, a); break;
        default: receive_account(s, a, out); break;
    }
}

bool overlaps(const std::string& a_start, const std::string& a_end, const std::string& b_start,
              const std::string& b_end) {
    // All times carry the same +08:00 offset, so the strings order like the instants.
    return a_start < b_end && b_start < a_end;
}

template <class... F>
struct Match : F... {
    using F::operator()...;
};
template <class... F>
Match(F...) -> Match<F...>;

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Checks before sending
//-----------------------------------------------------------------------------

std::vector<FieldError> check_registration(const VolunteerApplication& app, std::string_view today) {
    std::vector<FieldError> e;
    size_t name_chars = 0;
    for (unsigned char c : app.real_name) name_chars += (c & 0xC0) != 0x80;
    if (name_chars < 2 || name_chars > 30) e.push_back({"real_name", "请填写与身份证一致的姓名"});
    IdCheck id = check_id_number(app.id_number, today);
    if (!id.ok) e.push_back({"id_number", id.error});
    if (app.district_id <= 0) e.push_back({"district_id", "请选择所在区县"});
    if (!app.consent) e.push_back({"consent", "需要你同意处理敏感个人信息后才能注册"});
    return e;
}

std::vector<FieldError> check_draft(const ProjectDraft& d) {
    std::vector<FieldError> e;
    size_t title_chars = 0;
    for (unsigned char c : d.title) title_chars += (c & 0xC0) != 0x80;
    if (d.team_id <= 0) e.push_back({"team_id", "请选择发布队伍"});
    if (title_chars < 4 || title_chars > 60) e.push_back({"title", "标题需要4到60个字"});
    if (d.description.empty()) e.push_back({"description", "请填写项目介绍"});
    if (!find_category(d.category)) e.push_back({"category", "请选择服务类别"});
    if (d.district_id <= 0) e.push_back({"district_id", "请选择区县"});
    if (d.site.name.empty()) e.push_back({"site.name", "请填写服务地点"});
    if (d.site.lat < 39.0 || d.site.lat > 41.0 || d.site.lng < 118.0 || d.site.lng > 120.5)
        e.push_back({"site.lat", "坐标不在秦皇岛市范围内"});
    if (d.site.radius_m < 50 || d.site.radius_m > 5000) e.push_back({"site.radius_m", "签到半径需在50到5000米之间"});
    if (d.shifts.empty()) e.push_back({"shifts", "至少需要一个班次"});
    for (size_t i = 0; i < d.shifts.size(); ++i) {
        const ShiftDraft& sh = d.shifts[i];
        std::string at = "shifts[" + std::to_string(i) + "]";
        if (sh.start.size() < 16) e.push_back({at + ".start", "请填写开始时间"});
        else if (sh.end <= sh.start) e.push_back({at + ".end", "结束时间需晚于开始时间"});
        if (sh.capacity < 1 || sh.capacity > 1000) e.push_back({at + ".capacity", "名额需在1到1000之间"});
    }
    return e;
}

std::string signup_blocker(const State& s, const Shift& shift) {
    if (shift.signed_up >= shift.capacity) return "该班次名额已满";
    if (!s.my_signups.loaded()) return "";
    for (const Signup& mine : s.my_signups.data) {
        if (mine.status != "confirmed") continue;
        if (mine.shift_id == shift.id) return "你已报名该班次";
        if (overlaps(mine.start, mine.end, shift.start, shift.end))
            return "与你已报名的「" + mine.project_title + "」时间冲突";
    }
    return "";
}

//-----------------------------------------------------------------------------
// [SECTION] update()
//-----------------------------------------------------------------------------

Route parent_route(const Route& r) {
    switch (r.kind) {
        case Route::Project: return Route{Route::Projects, 0, {}};
        case Route::Team: return Route{Route::Teams, 0, {}};
        case Route::EditProject: return Route{Route::Project, r.id, {}};
        case Route::Register:
        case Route::MySignups: return Route{Route::Me, 0, {}};
        default: return Route{};
    }
}

std::vector<Effect> start(State& s, const Route& route, uint64_t key_seed, Settings settings) {
    s.route = route;
    s.key_seed = key_seed;
    s.settings = std::move(settings);
    std::vector<Effect> out;
    append(out, load(s, Target::Me));
    load_screen(s, out);
    // The home figures and the filters' choices are wanted on most screens soon after.
    ensure(s, Target::Stats, out);
    ensure(s, Target::Brands, out);
    return out;
}

std::vector<Effect> update(State& s, const Action& action) {
    std::vector<Effect> out;
    std::visit(
        Match{
            [&](const Navigate& a) {
                s.route = a.route;
                if (!a.from_url) out.push_back(SetUrlHash{route_hash(a.route)});
                if (a.route.kind == Route::Login && s.after_login.kind == Route::Home) s.after_login = {};
                if (!redirect_to_login(s, out)) load_screen(s, out);
            },
            [&](const SetSearch& a) {
                if (a.q == s.query.q) return;
                s.query.q = a.q;
                out = load(s, Target::Projects);
            },
            [&](const SetFilter& a) {
                if (a.district_id == s.query.district_id && a.category == s.query.category &&
                    a.brand == s.query.brand)
                    return;
                s.query.district_id = a.district_id;
                s.query.category = a.category;
                s.query.brand = a.brand;
                out = load(s, Target::Projects);
            },
            [&](const LoadMore&) { out = load(s, Target::MoreProjects); },
            [&](const Retry& a) { out = load(s, a.target); },
            [&](const Received& a) { receive(s, a, out); },
            [&](const EditLogin& a) {
                if (a.phone != s.login.phone) s.login.phone_error.clear();
                if (a.code != s.login.code) s.login.code_error.clear();
                s.login.phone = a.phone;
                s.login.code = a.code;
            },
            [&](const RequestSmsCode& a) {
                LoginForm& f = s.login;
                if (!valid_phone(f.phone)) {
                    f.phone_error = "请输入11位手机号码";
                    return;
                }
                if (f.sms.loading() || a.now_ms - f.code_sent_ms < f.sms.data.retry_after_s * 1000.0) return;
                f.code_sent_ms = a.now_ms;
                f.sms.data = {};
                out.push_back(begin(s, f.sms, Target::SmsCode, api::post_sms_code(f.phone)));
            },
            [&](const SubmitLogin&) {
                LoginForm& f = s.login;
                f.phone_error = valid_phone(f.phone) ? "" : "请输入11位手机号码";
                bool code_ok = f.code.size() == 6;
                for (char c : f.code) code_ok = code_ok && c >= '0' && c <= '9';
                f.code_error = code_ok ? "" : "请输入6位验证码";
                if (!f.phone_error.empty() || !f.code_error.empty() || f.submit.loading()) return;
                out.push_back(begin(s, f.submit, Target::Login, api::post_login(f.phone, f.code)));
            },
            [&](const WechatCode& a) {
                if (a.code.empty() || s.login.submit.loading()) return;
                s.after_login = s.route;
                out.push_back(begin(s, s.login.submit, Target::Login, api::post_wechat(a.code)));
            },
            [&](const Logout&) {
                Remote<bool> ignored;
                out.push_back(begin(s, ignored, Target::Logout, api::post_logout()));
            },
            [&](const EditRegistration& a) {
                s.reg.app = a.app;
                s.reg.errors.clear();
            },
            [&](const SubmitRegistration& a) {
                s.reg.errors = check_registration(s.reg.app, a.today);
                if (!s.reg.errors.empty() || s.reg.submit.loading()) return;
                VolunteerApplication app = s.reg.app;
                if (app.id_number.size() == 18 && app.id_number[17] == 'x') app.id_number[17] = 'X';
                out.push_back(begin(s, s.reg.submit, Target::Register, api::put_volunteer(app)));
            },
            [&](const SignUp& a) {
                if (!s.logged_in()) {
                    s.after_login = s.route;
                    go(s, Route{Route::Login, 0, {}}, out);
                    return;
                }
                if (!s.has_role("volunteer")) {
                    s.notice = "请先完成实名注册";
                    go(s, Route{Route::Register, 0, {}}, out);
                    return;
                }
                if (s.signup.loading()) return;
                for (const Shift& sh : s.project.data.shifts) {
                    if (sh.id != a.shift_id) continue;
                    std::string why = signup_blocker(s, sh);
                    if (!why.empty()) {
                        s.notice = why;
                        return;
                    }
                }
                s.signup_shift = a.shift_id;
                out.push_back(begin(s, s.signup, Target::Signup, api::post_signup(a.project_id, a.shift_id, next_key(s))));
            },
            [&](const CancelSignup& a) {
                if (s.cancel.loading()) return;
                out.push_back(begin(s, s.cancel, Target::CancelSignup, api::delete_signup(a.signup_id)));
            },
            [&](const JoinTeam& a) {
                if (!s.logged_in()) {
                    s.after_login = s.route;
                    go(s, Route{Route::Login, 0, {}}, out);
                    return;
                }
                if (s.join.loading()) return;
                out.push_back(begin(s, s.join, Target::Join, api::post_team_member(a.team_id)));
            },
            [&](const EditDraft& a) {
                s.publish.draft = a.draft;
                s.publish.errors.clear();
            },
            [&](const SubmitDraft&) {
                ProjectForm& f = s.publish;
                f.errors = check_draft(f.draft);
                if (!f.errors.empty() || f.submit.loading()) return;
                if (f.editing == 0) {
                    out.push_back(begin(s, f.submit, Target::Publish, api::post_project(f.draft, next_key(s))));
                } else {
                    nlohmann::json changes = encode(f.draft);
                    out.push_back(begin(s, f.submit, Target::Publish, api::patch_project(f.editing, changes, f.etag)));
                }
            },
            [&](const CloseProject& a) {
                if (s.close.loading() || s.project.data.id != a.project_id || s.project.etag.empty()) return;
                nlohmann::json changes = {{"status", "closed"}};
                out.push_back(begin(s, s.close, Target::Close, api::patch_project(a.project_id, changes, s.project.etag)));
            },
            [&](const DismissNotice&) { s.notice.clear(); },
            [&](const Back&) { out.push_back(GoBack{route_hash(parent_route(s.route))}); },
            [&](const SetSettings& a) {
                if (a.settings == s.settings) return;
                s.settings = a.settings;
                out.push_back(SaveSettings{s.settings});
            },
            [&](const Refresh&) {
                switch (s.route.kind) {
                    case Route::Home:
                        append(out, load(s, Target::Stats));
                        append(out, load(s, Target::Brands));
                        append(out, load(s, Target::HomeProjects));
                        break;
                    case Route::Projects: append(out, load(s, Target::Projects)); break;
                    case Route::Project: append(out, load(s, Target::Project)); break;
                    case Route::Brand: append(out, load(s, Target::Brand)); break;
                    case Route::MySignups: append(out, load(s, Target::MySignups)); break;
                    case Route::Teams: append(out, load(s, Target::Teams)); break;
                    case Route::Team: append(out, load(s, Target::Team)); break;
                    default: break;
                }
            },
        },
        action);
    return out;
}

}  // namespace zygc
