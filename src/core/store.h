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
    bool loading() const { return status == Loading; }
    bool loaded() const { return status == Loaded; }
    bool failed() const { return status == Failed; }
};

// What a request is for; responses are routed back by it.
enum class Target { Stats, Districts, Brands, HomeProjects, Projects, MoreProjects, Project, Brand };

struct State {
    Route route;
    Remote<CityStats> stats;
    Remote<std::vector<District>> districts;
    Remote<std::vector<Brand>> brands;
    Remote<Page<Project>> home_projects;  // upcoming projects on the home screen
    ProjectQuery query;                    // the list screen's search and filters
    Remote<Page<Project>> projects;        // the list screen; pages are appended
    Remote<bool> more;                     // the "load more" request of the list
    Remote<Project> project;               // detail of route.id
    Remote<Brand> brand;                   // detail of route.slug
    uint64_t next_request = 1;
};

// ---- Actions ----
struct Navigate { Route route; bool from_url = false; };  // from_url: came from hash change, don't push
struct SetSearch { std::string q; };
struct SetFilter { Id district_id = 0; std::string category; std::string brand; };
struct LoadMore {};
struct Retry { Target target; };
struct Received { Target target; uint64_t request = 0; HttpResponse response; };

using Action = std::variant<Navigate, SetSearch, SetFilter, LoadMore, Retry, Received>;

// ---- Effects ----
struct SendRequest { Target target; uint64_t request = 0; HttpRequest http; };
struct SetUrlHash { std::string hash; };

using Effect = std::variant<SendRequest, SetUrlHash>;

// Pure: no I/O, no clock, no globals. Same state + action → same result.
std::vector<Effect> update(State& state, const Action& action);

// Starting the app: what to load first for a given route.
std::vector<Effect> start(State& state, const Route& route);

}  // namespace zygc
