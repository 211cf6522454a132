#include "core/store.h"

namespace zygc {
namespace {

// Marks a Remote as loading under a fresh request id and describes the request.
// The data it held stays until the answer arrives, so a screen can keep showing it.
template <class T>
SendRequest begin(State& s, Remote<T>& remote, Target target, HttpRequest http) {
    remote.status = Remote<T>::Loading;
    remote.request = s.next_request++;
    return {target, remote.request, std::move(http)};
}

ProjectQuery home_query() {
    ProjectQuery q;
    q.status = "open";
    q.sort = "start";
    q.limit = 10;
    return q;
}

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
        case Target::Project:
            if (s.route.kind != Route::Project) return {};
            if (s.project.data.id != s.route.id) s.project.data = {};
            return {begin(s, s.project, t, api::get_project(s.route.id))};
        case Target::Brand:
            if (s.route.kind != Route::Brand) return {};
            if (s.brand.data.slug != s.route.slug) s.brand.data = {};
            return {begin(s, s.brand, t, api::get_brand(s.route.slug))};
    }
    return {};
}

// Loads a target unless it is loaded or on its way.
void ensure(State& s, Target t, std::vector<Effect>& out) {
    auto needed = [](const auto& remote) { return remote.status == std::decay_t<decltype(remote)>::Idle ||
                                                  remote.status == std::decay_t<decltype(remote)>::Failed; };
    bool need = false;
    switch (t) {
        case Target::Stats: need = needed(s.stats); break;
        case Target::Districts: need = needed(s.districts); break;
        case Target::Brands: need = needed(s.brands); break;
        case Target::HomeProjects: need = needed(s.home_projects); break;
        case Target::Projects: need = needed(s.projects); break;
        case Target::Project:
            need = needed(s.project) || s.project.data.id != s.route.id;
            if (s.project.loading() && s.project.data.id == 0) need = true;
            break;
        case Target::Brand:
            need = needed(s.brand) || s.brand.data.slug != s.route.slug;
            if (s.brand.loading() && s.brand.data.slug.empty()) need = true;
            break;
        case Target::MoreProjects: break;
    }
    if (!need) return;
    for (auto& e : load(s, t)) out.push_back(std::move(e));
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
        case Route::Project: ensure(s, Target::Project, out); break;
        case Route::Brand: ensure(s, Target::Brand, out); break;
        case Route::NotFound: break;
    }
}

// Applies an answer to a Remote; answers to superseded requests are dropped.
template <class T>
void receive(Remote<T>& remote, uint64_t request, const HttpResponse& response) {
    if (remote.request != request || !remote.loading()) return;
    ApiResult<T> r = read_response<T>(response);
    if (r.ok()) {
        remote.data = std::move(*r.value);
        remote.status = Remote<T>::Loaded;
        remote.error = {};
    } else {
        remote.status = Remote<T>::Failed;
        remote.error = std::move(r.error);
    }
}

void receive_more(State& s, uint64_t request, const HttpResponse& response) {
    if (s.more.request != request || !s.more.loading()) return;
    ApiResult<Page<Project>> r = read_response<Page<Project>>(response);
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

void receive(State& s, const Received& a) {
    switch (a.target) {
        case Target::Stats: receive(s.stats, a.request, a.response); break;
        case Target::Districts: receive(s.districts, a.request, a.response); break;
        case Target::Brands: receive(s.brands, a.request, a.response); break;
        case Target::HomeProjects: receive(s.home_projects, a.request, a.response); break;
        case Target::Projects: receive(s.projects, a.request, a.response); break;
        case Target::MoreProjects: receive_more(s, a.request, a.response); break;
        case Target::Project: receive(s.project, a.request, a.response); break;
        case Target::Brand: receive(s.brand, a.request, a.response); break;
    }
}

template <class... F>
struct Match : F... {
    using F::operator()...;
};
template <class... F>
Match(F...) -> Match<F...>;

}  // namespace

std::vector<Effect> start(State& s, const Route& route) {
    s.route = route;
    std::vector<Effect> out;
    load_screen(s, out);
    // The home figures and the filters' choices are wanted on most screens soon after.
    ensure(s, Target::Stats, out);
    ensure(s, Target::Brands, out);
    return out;
}

std::vector<Effect> update(State& s, const Action& action) {
    std::vector<Effect> out;
    std::visit(Match{
                   [&](const Navigate& a) {
                       s.route = a.route;
                       if (!a.from_url) out.push_back(SetUrlHash{route_hash(a.route)});
                       load_screen(s, out);
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
                   [&](const Received& a) { receive(s, a); },
               },
               action);
    return out;
}

}  // namespace zygc
