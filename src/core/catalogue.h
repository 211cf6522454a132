// The catalogue: city figures, districts, brands, the project lists (home and search) and
// the project and brand details.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

struct CatalogueSlice {
    Remote<CityStats> stats;
    Remote<std::vector<District>> districts;
    Remote<std::vector<Brand>> brands;
    Remote<Page<Project>> home_projects;  // upcoming projects on the home screen
    // The list screen's search and filters; by default only what is still open to join
    // (status=open: not ended), ShowEnded lists every project.
    ProjectQuery query{.status = "open"};
    Remote<Page<Project>> projects;        // the list screen; pages are appended
    Remote<bool> more;                     // the "load more" request of the list
    Remote<Project> project;               // detail of route.id
    Remote<Brand> brand;                   // detail of route.slug
};

struct SetSearch { std::string q; };
struct SetFilter { Id district_id = 0; std::string category; std::string brand; };
struct LoadMore {};
struct ShowEnded { bool on = false; };  // the list: projects that have ended or closed too

namespace catalogue {
void update(State& s, const SetSearch& a, Effects& out);
void update(State& s, const SetFilter& a, Effects& out);
void update(State& s, const LoadMore& a, Effects& out);
void update(State& s, const ShowEnded& a, Effects& out);

// Requests (the target table in store.cpp calls them); nullopt: nothing to load now.
std::optional<HttpRequest> request_home_projects(State& s);
std::optional<HttpRequest> request_projects(State& s);
std::optional<HttpRequest> request_more(State& s);
std::optional<HttpRequest> request_project(State& s);
std::optional<HttpRequest> request_brand(State& s);
// Answers that do more than fill their Remote.
void receive_more(State& s, const Received& a, Effects& out);
void receive_project(State& s, const Received& a, Effects& out);

// search typing: the list's search and filters live in its URL ("#/projects?q=小&district=3&
// category=eldercare&brand=cuncaoxin"), so a reload, a shared link and back keep them.
std::string query_string(const ProjectQuery& q);
// Reads q, district, category, brand and ended (ended=1: status any, else open) from a query
// string (others keep their values).
ProjectQuery read_query_string(std::string_view qs, ProjectQuery base);
// On entering the list: a URL's query (from_url, or a link that carries one) becomes the
// search; then the route carries the search in effect. True when the search changed.
bool route_query(State& s, bool from_url);

// After something changed on the server, lists that show it load again when next shown.
void invalidate_lists(State& s);
}  // namespace catalogue

}  // namespace zygc
