// search typing (issue 10): the list's search and filters live in its URL, so a reload, a
// shared link and the back button keep them; typing rewrites the entry instead of adding one.
#include <catch2/catch.hpp>

#include "core/catalogue.h"
#include "core/runtime.h"
#include "fake_transport.h"

using namespace zygc;

namespace {

struct SearchFixture {
    FakeTransport t;
    std::vector<std::string> pushed, replaced;
    Runtime rt{t, Runtime::Host{[this](const std::string& h) { pushed.push_back(h); }, nullptr, nullptr, nullptr,
                                [this](const std::string& h) { replaced.push_back(h); }}};
};

}  // namespace

TEST_CASE("search and filters round-trip through the query string", "[search_url]") {
    ProjectQuery q;
    q.status = "open";  // the list's default: only what is still open to join
    q.q = "小候鸟 驿站";
    q.district_id = 3;
    q.category = "eldercare";
    q.brand = "cuncaoxin";
    const std::string qs = catalogue::query_string(q);
    CHECK(qs == "q=%E5%B0%8F%E5%80%99%E9%B8%9F%20%E9%A9%BF%E7%AB%99&district=3&category=eldercare&brand=cuncaoxin");
    CHECK(catalogue::read_query_string(qs, {}) == q);
    CHECK(catalogue::query_string(ProjectQuery{.status = "open"}).empty());
    // Ended projects too: in the URL as ended=1, and back.
    q.status.clear();
    CHECK(catalogue::query_string(q) == qs + "&ended=1");
    CHECK(catalogue::read_query_string(qs + "&ended=1", {}) == q);
    CHECK(catalogue::read_query_string("ended=yes", {}).status == "open");

    // Hostile or broken links give an empty or partial search, never garbage.
    const ProjectQuery bad = catalogue::read_query_string("q=%FF%FE&district=-4&brand=x&junk&=1&q2=a", {});
    CHECK(bad.q.empty());
    CHECK(bad.district_id == 0);
    CHECK(bad.brand == "x");
}

TEST_CASE("a link to the list with a search loads that search", "[search_url]") {
    SearchFixture f;
    f.rt.start(parse_route("#/projects?q=%E5%B0%8F&district=2"));
    CHECK(f.rt.state().query.q == "小");
    CHECK(f.rt.state().query.district_id == 2);
    CHECK(f.t.has("/projects?q=%E5%B0%8F&district_id=2&status=open"));
    CHECK(f.pushed.empty());
    CHECK(f.replaced.empty());
}

TEST_CASE("typing rewrites the URL; back to the list restores the search", "[search_url]") {
    SearchFixture f;
    f.rt.start(parse_route("#/projects"));
    f.rt.dispatch(SetSearch{"净滩"});
    CHECK(f.t.has("/projects?q=%E5%87%80%E6%BB%A9&status=open"));
    REQUIRE(f.replaced == std::vector<std::string>{"#/projects?q=%E5%87%80%E6%BB%A9"});
    CHECK(f.pushed.empty());  // one history entry, whatever was typed
    f.rt.dispatch(SetFilter{4, "", ""});
    CHECK(f.replaced.back() == "#/projects?q=%E5%87%80%E6%BB%A9&district=4");

    // Open a project, then the browser's back brings the list's URL back: same search.
    f.rt.dispatch(Navigate{parse_route("#/projects/9")});
    f.rt.dispatch(SetSearch{"other"});  // (not on the list: the URL is left alone)
    CHECK(f.replaced.size() == 2);
    f.rt.dispatch(Navigate{parse_route("#/projects?q=%E5%87%80%E6%BB%A9&district=4"), true});
    CHECK(f.rt.state().query.q == "净滩");
    CHECK(f.rt.state().query.district_id == 4);
    CHECK(f.t.has("/projects?q=%E5%87%80%E6%BB%A9&district_id=4&status=open"));

    // The 项目 tab (no query) keeps the search in effect and shows it in the URL.
    f.rt.dispatch(Navigate{parse_route("#/")});
    f.rt.dispatch(Navigate{parse_route("#/projects")});
    CHECK(f.pushed.back() == "#/projects?q=%E5%87%80%E6%BB%A9&district=4");
    CHECK(f.rt.state().query.q == "净滩");

    // A shared link without a query (from the URL) clears it.
    f.rt.dispatch(Navigate{parse_route("#/projects"), true});
    CHECK(f.rt.state().query.q.empty());
    CHECK(f.rt.state().query.district_id == 0);
}

TEST_CASE("the list shows what is open to join; 含已结束 shows every project, in the URL too", "[search_url]") {
    SearchFixture f;
    f.rt.start(parse_route("#/projects"));
    CHECK(f.t.has("/projects?status=open"));
    f.t.pending.clear();
    f.rt.dispatch(ShowEnded{true});
    CHECK(f.t.has("/projects"));
    CHECK(f.replaced.back() == "#/projects?ended=1");
    f.rt.dispatch(ShowEnded{true});  // no change: nothing asked
    CHECK(f.t.pending.size() == 1);
    f.rt.dispatch(ShowEnded{false});
    CHECK(f.t.has("/projects?status=open"));
    CHECK(f.replaced.back() == "#/projects");

    // A shared link with ended=1 opens the whole list.
    SearchFixture g;
    g.rt.start(parse_route("#/projects?ended=1&district=2"));
    CHECK(g.rt.state().query.status.empty());
    CHECK(g.t.has("/projects?district_id=2"));
}
