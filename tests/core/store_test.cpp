// The store: update is pure; the runtime sends its requests and feeds answers back.
#include <catch2/catch.hpp>

#include "core/codec.h"
#include "core/runtime.h"
#include "fake_transport.h"

using namespace zygc;

namespace {

std::string project_json(Id id, const std::string& title) {
    Project p;
    p.id = id;
    p.title = title;
    p.category = "community";
    p.team_id = 1;
    p.district_id = 1;
    p.status = "open";
    return encode(p).dump();
}

std::string page_json(std::vector<std::pair<Id, std::string>> rows, const char* cursor, int total) {
    nlohmann::json items = nlohmann::json::array();
    for (auto& [id, title] : rows) items.push_back(nlohmann::json::parse(project_json(id, title)));
    return nlohmann::json{{"items", items},
                          {"next_cursor", cursor ? nlohmann::json(cursor) : nlohmann::json()},
                          {"total", total}}
        .dump();
}

struct Fixture {
    FakeTransport t;
    std::vector<std::string> hashes;
    Runtime rt{t, [this](const std::string& h) { hashes.push_back(h); }};
};

}  // namespace

TEST_CASE("home start loads figures, brands and upcoming projects", "[store]") {
    Fixture f;
    f.rt.start(parse_route("#/"));
    CHECK(f.t.has("/stats/city"));
    CHECK(f.t.has("/brands"));
    CHECK(f.t.has("/projects?status=open&sort=start&limit=10"));
    CHECK(f.rt.state().stats.loading());
    CHECK(f.hashes.empty());  // starting from a URL does not push it again

    REQUIRE(f.t.reply("/stats/city", 200, encode(CityStats{609000, 3107000, 19.6, 40, 320, 60, {}}).dump()));
    CHECK(f.rt.state().stats.loaded());
    CHECK(f.rt.state().stats.data.registered_volunteers == 609000);
}

TEST_CASE("errors become a Failed state and Retry sends again", "[store]") {
    Fixture f;
    f.rt.start(parse_route("#/"));
    REQUIRE(f.t.fail_network("/stats/city"));
    CHECK(f.rt.state().stats.failed());
    CHECK(f.rt.state().stats.error.kind == ApiError::Network);
    CHECK_FALSE(f.t.has("/stats/city"));

    f.rt.dispatch(Retry{Target::Stats});
    CHECK(f.rt.state().stats.loading());
    REQUIRE(f.t.reply("/stats/city", 200, R"({"registered_volunteers":"x"})"));
    CHECK(f.rt.state().stats.failed());
    CHECK(f.rt.state().stats.error.kind == ApiError::BadPayload);
}

TEST_CASE("navigation pushes the hash and loads the screen's data", "[store]") {
    Fixture f;
    f.rt.start(parse_route("#/"));
    f.rt.dispatch(Navigate{parse_route("#/projects/42")});
    REQUIRE(f.hashes == std::vector<std::string>{"#/projects/42"});
    CHECK(f.rt.state().route.kind == Route::Project);
    REQUIRE(f.t.reply("/projects/42", 200, project_json(42, "社区老人冬季助浴")));
    CHECK(f.rt.state().project.loaded());
    CHECK(f.rt.state().project.data.title == "社区老人冬季助浴");

    // Back to the same project: already loaded, nothing sent.
    f.rt.dispatch(Navigate{parse_route("#/"), true});
    f.rt.dispatch(Navigate{parse_route("#/projects/42"), true});
    CHECK_FALSE(f.t.has("/projects/42"));
    CHECK(f.hashes.size() == 1);

    // Another project replaces the old one, which is not shown meanwhile.
    f.rt.dispatch(Navigate{parse_route("#/projects/43"), true});
    CHECK(f.rt.state().project.loading());
    CHECK(f.rt.state().project.data.id == 0);
}

TEST_CASE("search answers that arrive out of order never show stale results", "[store]") {
    Fixture f;
    f.rt.start(parse_route("#/projects"));
    REQUIRE(f.t.reply("/projects", 200, page_json({{1, "甲"}, {2, "乙"}}, nullptr, 2)));

    f.rt.dispatch(SetSearch{"小"});
    f.rt.dispatch(SetSearch{"小候鸟"});
    // The answer to the newer query comes first, then the older one.
    REQUIRE(f.t.reply("/projects?q=%E5%B0%8F%E5%80%99%E9%B8%9F", 200, page_json({{7, "小候鸟驿站"}}, nullptr, 1)));
    REQUIRE(f.t.reply("/projects?q=%E5%B0%8F", 200, page_json({{7, "小候鸟驿站"}, {8, "小岛"}}, nullptr, 2)));
    const auto& s = f.rt.state();
    CHECK(s.projects.loaded());
    REQUIRE(s.projects.data.items.size() == 1);
    CHECK(s.projects.data.items[0].title == "小候鸟驿站");
}

TEST_CASE("load more appends the next page once", "[store]") {
    Fixture f;
    f.rt.start(parse_route("#/projects"));
    REQUIRE(f.t.reply("/projects", 200, page_json({{1, "甲"}, {2, "乙"}}, "c2", 3)));
    f.rt.dispatch(LoadMore{});
    f.rt.dispatch(LoadMore{});  // a second tap while loading sends nothing more
    REQUIRE(f.t.reply("/projects?cursor=c2", 200, page_json({{3, "丙"}}, nullptr, 3)));
    CHECK_FALSE(f.t.reply("/projects?cursor=c2", 200, "{}"));
    const auto& s = f.rt.state();
    REQUIRE(s.projects.data.items.size() == 3);
    CHECK(s.projects.data.items[2].id == 3);
    CHECK_FALSE(s.projects.data.next_cursor.has_value());
    f.rt.dispatch(LoadMore{});  // no cursor: nothing to load
    CHECK(f.t.pending.size() == 3);  // only /districts, /brands and /stats/city from the start remain
}

TEST_CASE("a filter change drops a pending load-more", "[store]") {
    Fixture f;
    f.rt.start(parse_route("#/projects"));
    REQUIRE(f.t.reply("/projects", 200, page_json({{1, "甲"}}, "c2", 2)));
    f.rt.dispatch(LoadMore{});
    f.rt.dispatch(SetFilter{2, "", ""});
    REQUIRE(f.t.reply("/projects?district_id=2", 200, page_json({{5, "戊"}}, nullptr, 1)));
    REQUIRE(f.t.reply("/projects?cursor=c2", 200, page_json({{2, "乙"}}, nullptr, 2)));
    REQUIRE(f.rt.state().projects.data.items.size() == 1);
    CHECK(f.rt.state().projects.data.items[0].id == 5);
}

TEST_CASE("update is pure: the same state and action give the same result", "[store]") {
    State a;
    start(a, parse_route("#/projects"));
    State b = a;
    auto ea = update(a, SetSearch{"老人"});
    auto eb = update(b, SetSearch{"老人"});
    REQUIRE(ea.size() == 1);
    REQUIRE(eb.size() == 1);
    CHECK(std::get<SendRequest>(ea[0]).http.path == std::get<SendRequest>(eb[0]).http.path);
    CHECK(a.query == b.query);
    CHECK(a.projects.request == b.projects.request);
}
