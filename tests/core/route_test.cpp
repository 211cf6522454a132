#include <catch2/catch.hpp>

#include "core/route.h"

using namespace zygc;

TEST_CASE("hash routes parse and print", "[route]") {
    CHECK(parse_route("").kind == Route::Home);
    CHECK(parse_route("#").kind == Route::Home);
    CHECK(parse_route("#/").kind == Route::Home);
    CHECK(parse_route("#/projects").kind == Route::Projects);
    CHECK(parse_route("#/projects/").kind == Route::Projects);
    Route p = parse_route("#/projects/12");
    CHECK(p.kind == Route::Project);
    CHECK(p.id == 12);
    Route b = parse_route("#/brands/cuncaoxin");
    CHECK(b.kind == Route::Brand);
    CHECK(b.slug == "cuncaoxin");
    CHECK(parse_route("#/projects/abc").kind == Route::NotFound);
    CHECK(parse_route("#/projects/0").kind == Route::NotFound);
    CHECK(parse_route("#/projects/-3").kind == Route::NotFound);
    CHECK(parse_route("#/brands/../x").kind == Route::NotFound);
    CHECK(parse_route("#/nowhere").kind == Route::NotFound);

    CHECK(parse_route("#/projects/12/edit").kind == Route::EditProject);
    CHECK(parse_route("#/projects/12/edit").id == 12);
    CHECK(parse_route("#/projects/x/edit").kind == Route::NotFound);
    CHECK(parse_route("#/teams/3").id == 3);
    CHECK(parse_route("#/me/signups").kind == Route::MySignups);

    for (const char* h : {"#/", "#/projects", "#/projects/12", "#/brands/cuncaoxin", "#/login", "#/me",
                          "#/me/volunteer", "#/me/signups", "#/teams", "#/teams/3", "#/projects/new",
                          "#/projects/12/edit"})
        CHECK(route_hash(parse_route(h)) == h);
}
