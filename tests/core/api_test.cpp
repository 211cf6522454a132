// The API client: request building and response reading, over a fake transport.
#include <catch2/catch.hpp>

#include "core/api.h"
#include "fake_transport.h"

using namespace zygc;

TEST_CASE("query parameters are encoded and empty ones left out", "[api]") {
    CHECK(api::get_projects({}).path == "/projects");
    ProjectQuery q;
    q.q = "小候鸟";
    q.district_id = 3;
    q.category = "children";
    q.sort = "-start";
    q.limit = 50;
    q.cursor = "a+b/c=";
    CHECK(api::get_projects(q).path ==
          "/projects?q=%E5%B0%8F%E5%80%99%E9%B8%9F&district_id=3&category=children&sort=-start&limit=50"
          "&cursor=a%2Bb%2Fc%3D");
    CHECK(api::get_brand("cuncaoxin").path == "/brands/cuncaoxin");
    CHECK(api::get_project(7).path == "/projects/7");
    CHECK(api::get_teams("救援", 2).path == "/teams?q=%E6%95%91%E6%8F%B4&district_id=2");
    CHECK(api::get_city_stats().method == "GET");
}

TEST_CASE("a Link header's next page is read as a query for the app's own path", "[api]") {
    CHECK(api::next_page_query(R"(</api/v1/me/signups?limit=50&cursor=abc>; rel="next")") == "?limit=50&cursor=abc");
    // Several links, rel unquoted or with several types, parameters in any order, any case.
    CHECK(api::next_page_query(R"(</a?page=1>; rel="prev", </a?page=3>; title="x"; rel="last next")") == "?page=3");
    CHECK(api::next_page_query("</a?x=1>;rel=NEXT") == "?x=1");
    CHECK(api::next_page_query(R"(<https://other.example/b?cursor=z>; rel="next")") == "?cursor=z");
    // None, or nothing this app would send on.
    CHECK(api::next_page_query("").empty());
    CHECK(api::next_page_query(R"(</a?page=1>; rel="prev")").empty());
    CHECK(api::next_page_query(R"(</a?page=1>; rel="nextpage")").empty());
    CHECK(api::next_page_query(R"(</a>; rel="next")").empty());
    CHECK(api::next_page_query(R"(</a?x=1 2>; rel="next")").empty());
    CHECK(api::next_page_query(R"(</a?x=1#frag>; rel="next")").empty());
    CHECK(api::next_page_query(R"(</a?x=1; rel="next")").empty());
    CHECK(api::get_my_signups(50).path == "/me/signups?limit=50");
    CHECK(api::get_my_signups(50, "?limit=50&cursor=c").path == "/me/signups?limit=50&cursor=c");
}

TEST_CASE("responses read through a transport become values or errors", "[api]") {
    FakeTransport t;
    ApiResult<Project> got;
    auto read = [&](HttpResponse r) { got = read_response<Project>(r); };

    SECTION("200 with a project") {
        t.send(api::get_project(1), read);
        REQUIRE(t.reply("/projects/1", 200, R"({"id":1,"title":"净滩","category":"environment","brand":null,
            "team_id":2,"district_id":3,"site":{"name":"鸽子窝","lat":39.8,"lng":119.5,"radius_m":300},
            "status":"open","shifts":[{"id":9,"start":"2026-12-01T09:00:00+08:00",
            "end":"2026-12-01T11:00:00+08:00","capacity":10,"signed_up":10}]})"));
        REQUIRE(got.ok());
        CHECK(got.value->title == "净滩");
        CHECK(got.value->shifts.at(0).signed_up == 10);
    }
    SECTION("404 problem+json keeps the problem") {
        t.send(api::get_project(999), read);
        REQUIRE(t.reply("/projects/999", 404,
                        R"({"type":"about:blank","title":"Not Found","status":404,"detail":"project 999 does not exist"})",
                        "application/problem+json"));
        REQUIRE_FALSE(got.ok());
        CHECK(got.error.kind == ApiError::Http);
        CHECK(got.error.status == 404);
        CHECK(got.error.problem.detail == "project 999 does not exist");
    }
    SECTION("a 502 with an HTML body still yields an Http error") {
        t.send(api::get_project(1), read);
        REQUIRE(t.reply("/projects/1", 502, "<html>bad gateway</html>", "text/html"));
        CHECK(got.error.kind == ApiError::Http);
        CHECK(got.error.status == 502);
    }
    SECTION("network failure") {
        t.send(api::get_project(1), read);
        REQUIRE(t.fail_network("/projects/1"));
        CHECK(got.error.kind == ApiError::Network);
        CHECK(got.error.detail == "Failed to fetch");
    }
    SECTION("200 with a wrongly typed body is a BadPayload naming the field") {
        t.send(api::get_project(1), read);
        REQUIRE(t.reply("/projects/1", 200, R"({"id":"1"})"));
        CHECK(got.error.kind == ApiError::BadPayload);
        CHECK(got.error.detail == "id: expected integer");
    }
}
