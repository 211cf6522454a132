#include "core/publishing.h"

#include "core/city_map.h"
#include "core/codec.h"
#include "core/feature.h"
#include "core/validate.h"

namespace zygc::publishing {

void update(State& s, const EditDraft& a, Effects&) {
    s.publish.draft = a.draft;
    s.publish.errors.clear();
}

void update(State& s, const SubmitDraft&, Effects& out) {
    ProjectForm& f = s.publish;
    f.errors = check_draft(f.draft);
    if (!f.errors.empty()) ++f.refusals;
    if (!f.errors.empty() || f.submit.loading()) return;
    if (f.editing == 0) {
        out.push_back(begin(s, f.submit, Target::Publish, api::post_project(f.draft, next_key(s))));
    } else {
        nlohmann::json changes = encode(f.draft);
        out.push_back(begin(s, f.submit, Target::Publish, api::patch_project(f.editing, changes, f.etag)));
    }
}

void update(State& s, const CloseProject& a, Effects& out) {
    if (s.close.loading() || s.project.data().id != a.project_id || s.project.etag().empty()) return;
    nlohmann::json changes = {{"status", "closed"}};
    out.push_back(begin(s, s.close, Target::Close, api::patch_project(a.project_id, changes, s.project.etag())));
}

void update(State& s, const LocateSite&, Effects& out) {
    ProjectForm& f = s.publish;
    f.locate_message = {};
    f.locating = true;
    if (s.locating) return;  // a fix is already on its way: it answers both
    s.locating = true;
    out.push_back(Locate{});
}

void located(State& s, const Located& a) {
    ProjectForm& f = s.publish;
    if (!f.locating) return;
    f.locating = false;
    // Only a point the server accepts (the city's frame, inside validate.cpp's bounds).
    if (!city_map::in_frame(a.lat, a.lng)) {
        f.locate_message = {"site_locate_outside_city"};
        return;
    }
    f.draft.site.lat = city_map::round5(a.lat);
    f.draft.site.lng = city_map::round5(a.lng);
    if (f.draft.district_id == 0) f.draft.district_id = city_map::district_at(a.lat, a.lng);
    std::erase_if(f.errors, [](const FieldError& e) { return e.field == "site.lat" || e.field == "site.lng"; });
}

void locate_failed(State& s, const LocateFailed& a) {
    ProjectForm& f = s.publish;
    if (!f.locating) return;
    f.locating = false;
    f.locate_message = {"site_locate_" + a.reason};
}

void receive_publish(State& s, const Received& a, Effects& out) {
    auto r = take(s.publish.submit, a);
    if (!r) return;
    if (r->ok()) {
        Id id = r->value->id;
        s.notice = {s.publish.editing ? "changes_saved" : "project_published"};
        s.publish = {};
        s.project.reset();
        catalogue::invalidate_lists(s);
        go(s, Route{Route::Project, id, {}}, out);
    } else if (r->error.status == 412) {
        s.publish.stale = true;
    } else if (!r->error.problem.errors.empty()) {
        s.publish.errors = r->error.problem.errors;
        ++s.publish.refusals;
    } else {
        s.notice = problem_message(r->error, "submit_failed");
    }
}

void receive_close(State& s, const Received& a, Effects& out) {
    auto r = take(s.close, a);
    if (!r) return;
    if (r->ok()) {
        s.notice = {"project_closed"};
        catalogue::invalidate_lists(s);
    } else if (r->error.status == 412) {
        s.notice = {"stale_reloaded"};
    } else {
        s.notice = problem_message(r->error, "close_failed");
    }
    if (s.route.kind == Route::Project) append(out, load(s, Target::Project));
}

void enter_new(State& s, Effects&) {
    const bool in_progress = s.publish.editing == 0 && !s.publish.draft.shifts.empty();
    if (!in_progress) {
        s.publish = {};
        s.publish.draft.shifts.push_back({});
    }
    // The first team the user leads. The form may have opened before /me answered (a reload on
    // #/projects/new): the screen is entered again when it does, and the team is chosen then.
    if (s.publish.draft.team_id != 0) return;
    for (const auto& t : s.me.data().teams)
        if (t.role == "leader") {
            s.publish.draft.team_id = t.id;
            break;
        }
}

void enter_edit(State& s, Effects& out) {
    if (s.project.loaded() && s.project.data().id == s.route.id) {
        if (s.publish.editing != s.route.id) fill_draft_from_project(s);
    } else {
        ensure(s, Target::Project, out);
    }
}

void fill_draft_from_project(State& s) {
    const Project& p = s.project.data();
    s.publish = {};
    s.publish.editing = p.id;
    s.publish.etag = s.project.etag();
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

}  // namespace zygc::publishing
