// Hash routes: "#/", "#/projects", "#/projects/12", "#/brands/cuncaoxin".
#pragma once
#include <string>
#include <string_view>

#include "model.h"

namespace zygc {

struct Route {
    enum Kind { Home, Projects, Project, Brand, NotFound };
    Kind kind = Home;
    Id id = 0;         // Project
    std::string slug;  // Brand
    bool operator==(const Route&) const = default;
};

Route parse_route(std::string_view hash);  // accepts "", "#", "#/", "#/projects", ...
std::string route_hash(const Route& r);     // "#/projects/12"

}  // namespace zygc
