// Hash routes: "#/", "#/projects", "#/projects/12", "#/brands/cuncaoxin", "#/login",
// "#/me", "#/me/volunteer", "#/me/signups", "#/teams", "#/teams/3", "#/projects/new",
// "#/projects/12/edit".
#pragma once
#include <string>
#include <string_view>

#include "model.h"

namespace zygc {

struct Route {
    enum Kind {
        Home, Projects, Project, Brand, NotFound,
        Login, Me, Register, MySignups, Teams, Team, NewProject, EditProject
    };
    Kind kind = Home;
    Id id = 0;         // Project, Team, EditProject
    std::string slug;  // Brand
    bool operator==(const Route&) const = default;
};

Route parse_route(std::string_view hash);  // accepts "", "#", "#/", "#/projects", ...
std::string route_hash(const Route& r);     // "#/projects/12"

}  // namespace zygc
