#include "core/catalogue.h"

#include "core/feature.h"
#include "core/publishing.h"

namespace zygc::catalogue {

void update(State& s, const SetSearch& a, Effects& out) {
    if (a.q == s.query.q) return;
    s.query.q = a.q;
    append(out, load(s, Target::Projects));
}

void update(State& s, const SetFilter& a, Effects& out) {
    if (a.district_id == s.query.district_id && a.category == s.query.category && a.brand == s.query.brand)
        return;
    s.query.district_id = a.district_id;
    s.query.category = a.category;
    s.query.brand = a.brand;
    append(out, load(s, Target::Projects));
}

void update(State& s, const LoadMore&, Effects& out) { append(out, load(s, Target::MoreProjects)); }

std::optional<HttpRequest> request_home_projects(State&) {
    ProjectQuery q;
    q.status = "open";
    q.sort = "start";
    q.limit = 10;
    return api::get_projects(q);
}

std::optional<HttpRequest> request_projects(State& s) {
    ProjectQuery q = s.query;
    q.cursor.clear();
    s.more.reset();  // an older "load more" must not append to the new list
    return api::get_projects(q);
}

std::optional<HttpRequest> request_more(State& s) {
    if (!s.projects.loaded() || !s.projects.data().next_cursor || s.more.loading()) return std::nullopt;
    ProjectQuery q = s.query;
    q.cursor = *s.projects.data().next_cursor;
    return api::get_projects(q);
}

std::optional<HttpRequest> request_project(State& s) {
    const bool certification = s.route.kind == Route::ShiftConsole || s.route.kind == Route::Hours;
    if (s.route.kind != Route::Project && s.route.kind != Route::EditProject && !certification) return std::nullopt;
    return api::get_project(s.route.id);
}

std::optional<HttpRequest> request_brand(State& s) {
    if (s.route.kind != Route::Brand) return std::nullopt;
    return api::get_brand(s.route.slug);
}

void receive_more(State& s, const Received& a, Effects&) {
    if (!s.more.answers(a.request)) return;
    ApiResult<Page<Project>> r = read_response<Page<Project>>(a.response);
    if (!r.ok()) {
        s.more.fail(std::move(r.error));
        return;
    }
    Page<Project>& page = s.projects.edit();
    for (auto& p : r.value->items) page.items.push_back(std::move(p));
    page.next_cursor = r.value->next_cursor;
    page.total = r.value->total;
    s.more.succeed(true);
}

void receive_project(State& s, const Received& a, Effects&) {
    if (take(s.project, a) && s.project.loaded() && s.route.kind == Route::EditProject &&
        s.route.id == s.project.data().id)
        publishing::fill_draft_from_project(s);
}

void invalidate_lists(State& s) {
    s.home_projects.invalidate();
    s.projects.invalidate();
    s.stats.invalidate();
}

}  // namespace zygc::catalogue
