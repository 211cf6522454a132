// 老帮老, 有困难找志愿者 and the dashboard through the store and runtime with a fake
// transport: what each screen asks for (district-scoped), forms checked in core before they
// leave (nothing sent with errors), the bodies the contract wants, and what an answer does.
#include <catch2/catch.hpp>

#include "core/care_codec.h"
#include "core/codec.h"
#include "core/runtime.h"
#include "fake_transport.h"

using namespace zygc;
using nlohmann::json;

namespace {

struct CareFixture {
    FakeTransport t;
    std::vector<std::string> hashes;
    Runtime rt{t, [this](const std::string& h) { hashes.push_back(h); }};
    const FakeTransport::Pending* find(const std::string& method, const std::string& prefix) const {
        for (const auto& p : t.pending)
            if (p.request.method == method && p.request.path.rfind(prefix, 0) == 0) return &p;
        return nullptr;
    }
    static std::string header(const HttpRequest& r, const std::string& name) {
        for (const auto& [k, v] : r.headers)
            if (k == name) return v;
        return "";
    }
};

Me social_worker() {
    Me m;
    m.id = 3;
    m.phone_masked = "138****0003";
    m.roles = {"resident", "social_worker"};
    return m;
}

Me organizer() {
    Me m;
    m.id = 2;
    m.phone_masked = "138****0002";
    m.roles = {"resident", "volunteer", "organizer"};
    m.teams = {{1, "海港区青年志愿者协会", "leader"}};
    return m;
}

std::string districts() { return R"([{"id":1,"name":"海港区","population":1},{"id":2,"name":"山海关区","population":1}])"; }

void open(CareFixture& f, Route r, const Me& me) {
    f.rt.start(r, 7);
    REQUIRE(f.t.reply("/me", 200, encode(me).dump()));
    REQUIRE(f.t.reply("/districts", 200, districts()));
}

ElderDraft good_need() {
    ElderDraft d;
    d.name = "王秀兰";
    d.district_id = 1;
    d.community = "西港路社区";
    d.skills = {"meal"};
    d.times = {"mon_am"};
    d.mobility = "cane";
    d.guardian_name = "李明";
    d.guardian_relation = "儿子";
    d.phone = "13900000002";
    d.consent = true;
    return d;
}

}  // namespace

TEST_CASE("the ledger asks for the first district's needs and helpers once districts are known", "[eldercare]") {
    CareFixture f;
    open(f, Route{Route::Eldercare, 0, {}}, social_worker());
    CHECK(f.t.has("/eldercare/needs?district_id=1"));
    CHECK(f.t.has("/eldercare/helpers?district_id=1"));
    REQUIRE(f.t.reply("/eldercare/needs", 200, R"({"items":[],"next_cursor":null,"total":0})"));
    CHECK(f.rt.state().elder_needs.loaded());

    f.rt.dispatch(PickCareDistrict{2});
    CHECK(f.t.has("/eldercare/needs?district_id=2"));
    CHECK(f.t.has("/eldercare/helpers?district_id=2"));
}

TEST_CASE("a need with errors never leaves core; a good one is posted as the contract says", "[eldercare]") {
    CareFixture f;
    open(f, Route{Route::ElderNeedNew, 0, {}}, social_worker());
    CHECK(f.rt.state().need_draft.district_id == 1);  // the ledger's district

    ElderDraft d = good_need();
    d.consent = false;
    d.phone = "1390000";
    d.skills.clear();
    f.rt.dispatch(EditElderNeed{d});
    f.rt.dispatch(SubmitElderNeed{});
    CHECK_FALSE(f.find("POST", "/eldercare/needs"));
    std::vector<std::string> fields;
    for (const FieldError& e : f.rt.state().elder_errors) fields.push_back(e.field);
    CHECK(fields == std::vector<std::string>{"needs", "guardian.phone", "consent"});

    f.rt.dispatch(EditElderNeed{good_need()});
    f.rt.dispatch(SubmitElderNeed{});
    const auto* p = f.find("POST", "/eldercare/needs");
    REQUIRE(p);
    CHECK(CareFixture::header(p->request, "X-Requested-With") == "zygc");
    CHECK_FALSE(CareFixture::header(p->request, "Idempotency-Key").empty());
    json body = json::parse(p->request.body);
    CHECK(body["needs"] == json::array({"meal"}));
    CHECK(body["slots"] == json::array({"mon_am"}));
    CHECK(body["guardian"] == json{{"name", "李明"}, {"phone", "13900000002"}, {"relation", "儿子"}});
    CHECK(body["consent"] == true);
    CHECK(body["lat"].is_number());

    REQUIRE(f.t.reply("/eldercare/needs", 201, R"({"id":9,"name_masked":"王*兰","district_id":1,"community":"西港路社区",
        "needs":["meal"],"slots":["mon_am"],"mobility":"cane","status":"open"})"));
    CHECK(f.rt.state().notice.code == "elder_need_saved");
    CHECK(f.rt.state().route.kind == Route::Eldercare);
    CHECK(f.t.has("/eldercare/needs?district_id=1"));  // the ledger reloads
}

TEST_CASE("a helper's walk and capacity are checked against the server's ranges", "[eldercare]") {
    ElderDraft d = good_need();
    d.mobility.clear();
    d.guardian_name.clear();
    d.walk_m = "60";
    d.capacity = "9";
    std::vector<std::string> fields;
    for (const FieldError& e : validate_elder(d, true)) fields.push_back(e.field);
    CHECK(fields == std::vector<std::string>{"walk_m", "capacity"});
    d.walk_m = "800";
    d.capacity = "2";
    CHECK(validate_elder(d, true).empty());
}

TEST_CASE("the server's field errors land next to the fields", "[eldercare]") {
    CareFixture f;
    open(f, Route{Route::ElderNeedNew, 0, {}}, social_worker());
    f.rt.dispatch(EditElderNeed{good_need()});
    f.rt.dispatch(SubmitElderNeed{});
    REQUIRE(f.t.reply("/eldercare/needs", 422, R"({"title":"x","status":422,"code":"invalid","detail":"无效",
        "errors":[{"field":"community","code":"too_long","message":"太长"}]})", "application/problem+json"));
    REQUIRE(f.rt.state().elder_errors.size() == 1);
    CHECK(f.rt.state().elder_errors[0].field == "community");
    CHECK(f.rt.state().route.kind == Route::ElderNeedNew);
}

TEST_CASE("confirming a suggestion posts the pair; the suggestions and pairs reload", "[eldercare]") {
    CareFixture f;
    open(f, Route{Route::ElderMatches, 0, {}}, social_worker());
    REQUIRE(f.t.reply("/eldercare/matches?district_id=1", 200, R"({"district_id":1,"items":[{"need_id":3,"helper_id":8,
        "score":80,"reasons":[],"need":{"id":3,"name_masked":"王*兰"},"helper":{"id":8,"name_masked":"赵*"}}],
        "open_needs":1,"unmatched_need_ids":[]})"));
    f.rt.dispatch(ConfirmPair{3, 8});
    const auto* p = f.find("POST", "/eldercare/pairs");
    REQUIRE(p);
    CHECK(json::parse(p->request.body) == json{{"need_id", 3}, {"helper_id", 8}});
    REQUIRE(f.t.reply("/eldercare/pairs", 201, R"({"id":4,"need_id":3,"helper_id":8,"project_id":90,"status":"active",
        "need":{"id":3,"name_masked":"王*兰"},"helper":{"id":8,"name_masked":"赵*"}})"));
    CHECK(f.rt.state().notice.code == "elder_paired");
    CHECK(f.rt.state().notice.param("helper") == "赵*");
    CHECK(f.t.has("/eldercare/matches?district_id=1"));
}

TEST_CASE("a logged visit is posted with its times and leads to the hours queue", "[eldercare]") {
    CareFixture f;
    open(f, Route{Route::ElderPairs, 0, {}}, social_worker());
    CHECK(f.t.has("/eldercare/pairs?district_id=1"));
    f.rt.dispatch(LogVisit{4, "2026-11-30T09:00:00+08:00", "2026-11-30T10:00:00+08:00"});
    const auto* p = f.find("POST", "/eldercare/pairs/4/visits");
    REQUIRE(p);
    CHECK(json::parse(p->request.body) ==
          json{{"start", "2026-11-30T09:00:00+08:00"}, {"end", "2026-11-30T10:00:00+08:00"}});
    REQUIRE(f.t.reply("/eldercare/pairs/4/visits", 201, R"({"id":11,"pair_id":4,"minutes":60,"hours_record_id":77,
        "hours_status":"pending","project_id":90})"));
    CHECK(f.rt.state().notice.code == "elder_visit_logged");
    CHECK(f.rt.state().visit_project == 90);
}

TEST_CASE("a help request is checked, posted, and an organizer takes and converts one", "[help]") {
    CareFixture f;
    open(f, Route{Route::Help, 0, {}}, organizer());
    CHECK(f.t.has("/me/help-requests"));
    CHECK(f.t.has("/help-requests?district_id=1"));

    f.rt.dispatch(EditHelp{HelpDraft{"买菜", "", 0}});
    f.rt.dispatch(SubmitHelp{});
    CHECK_FALSE(f.find("POST", "/help-requests"));
    CHECK(f.rt.state().help_errors.size() == 3);  // title too short, description, district

    f.rt.dispatch(EditHelp{HelpDraft{"需要人帮忙买菜", "腿脚不便，每周两次", 1}});
    f.rt.dispatch(SubmitHelp{});
    const auto* p = f.find("POST", "/help-requests");
    REQUIRE(p);
    CHECK(json::parse(p->request.body) ==
          json{{"title", "需要人帮忙买菜"}, {"description", "腿脚不便，每周两次"}, {"district_id", 1}});

    f.rt.dispatch(ChangeHelp{5, "take", {}, {}, 0, {}});
    const auto* take = f.find("PATCH", "/help-requests/5");
    REQUIRE(take);
    CHECK(json::parse(take->request.body) == json{{"action", "take"}, {"team_id", 1}});
    REQUIRE(f.t.reply("/help-requests/5", 200, R"({"id":5,"title":"修水管","district_id":1,"status":"taken",
        "team":{"id":1,"name":"海港区青年志愿者协会"}})"));
    CHECK(f.rt.state().notice.code == "help_taken");

    f.rt.dispatch(ChangeHelp{5, "convert", "2026-12-01T09:00:00+08:00", "2026-12-01T11:00:00+08:00", 3, "修水管"});
    const auto* conv = f.find("PATCH", "/help-requests/5");
    REQUIRE(conv);
    json body = json::parse(conv->request.body);
    CHECK(body["action"] == "convert");
    CHECK(body["team_id"] == 1);
    CHECK(body["project"]["shifts"][0]["capacity"] == 3);
    CHECK(body["project"]["site"]["name"] == "修水管");
    REQUIRE(f.t.reply("/help-requests/5", 200, R"({"id":5,"title":"修水管","district_id":1,"status":"converted","project_id":321})"));
    CHECK(f.rt.state().route == Route{Route::Project, 321, {}});
}

TEST_CASE("a resident without a team cannot take a request; no request leaves", "[help]") {
    CareFixture f;
    Me me = organizer();
    me.teams.clear();
    open(f, Route{Route::Help, 0, {}}, me);
    f.rt.dispatch(ChangeHelp{5, "take", {}, {}, 0, {}});
    CHECK_FALSE(f.find("PATCH", "/help-requests/5"));
    CHECK(f.rt.state().notice.code == "no_team_to_act");
}

// The requester follows a request taken on the organizer's phone: the status is fresh when
// the screen is opened again, and reloads while it stays open (at kHelpPollMs, not faster).
TEST_CASE("有困难找志愿者 reloads its lists when opened again and every period while open", "[help]") {
    CareFixture f;
    open(f, Route{Route::Help, 0, {}}, organizer());
    auto mine = [](const char* status) {
        return std::string(R"({"items":[{"id":5,"title":"需要人帮忙买菜","district_id":1,"status":")") + status +
               R"(","mine":true}],"next_cursor":null,"total":1})";
    };
    const std::string none = R"({"items":[],"next_cursor":null,"total":0})";
    REQUIRE(f.t.reply("/me/help-requests", 200, mine("open")));
    REQUIRE(f.t.reply("/help-requests?district_id=1", 200, none));
    // (The start also asks for the home figures and brands; only the help lists matter here.)
    auto asking_help = [&] { return f.t.has("/me/help-requests") || f.t.has("/help-requests?district_id=1"); };
    REQUIRE_FALSE(asking_help());

    // Away and back: both lists asked again; the new status replaces the old.
    f.rt.dispatch(Navigate{Route{Route::Me, 0, {}}});
    CHECK_FALSE(f.t.has("/me/help-requests"));
    f.rt.dispatch(Navigate{Route{Route::Help, 0, {}}});
    CHECK(f.t.has("/help-requests?district_id=1"));
    REQUIRE(f.t.reply("/me/help-requests", 200, mine("taken")));
    REQUIRE(f.t.reply("/help-requests?district_id=1", 200, none));
    CHECK(f.rt.state().my_help.data().items.at(0).status == "taken");

    // While open: the first tick reloads, a faster tick does not, one a period later does.
    f.rt.dispatch(Tick{100000});
    REQUIRE(f.t.reply("/me/help-requests", 200, mine("taken")));
    REQUIRE(f.t.reply("/help-requests?district_id=1", 200, none));
    f.rt.dispatch(Tick{101000});
    CHECK_FALSE(asking_help());
    f.rt.dispatch(Tick{110000});
    REQUIRE(f.t.reply("/me/help-requests", 200, mine("closed")));
    REQUIRE(f.t.reply("/help-requests?district_id=1", 200, none));
    CHECK(f.rt.state().my_help.data().items.at(0).status == "closed");
    // A closed request cannot change: only the organizer's district list keeps reloading.
    f.rt.dispatch(Tick{120000});
    CHECK_FALSE(f.t.has("/me/help-requests"));
    CHECK(f.t.has("/help-requests?district_id=1"));
    REQUIRE(f.t.reply("/help-requests?district_id=1", 200, none));

    // Elsewhere the ticks reload nothing.
    f.rt.dispatch(Navigate{Route{Route::Me, 0, {}}});
    f.t.pending.clear();
    f.rt.dispatch(Tick{200000});
    CHECK_FALSE(asking_help());
}

TEST_CASE("home and the 数据 screen read the dashboard; brand pages the awards", "[dashboard]") {
    CareFixture f;
    f.rt.start(Route{}, 7);
    CHECK(f.t.has("/stats/dashboard"));
    CareFixture g;
    g.rt.start(Route{Route::Brand, 0, "aixinwucan"}, 7);
    CHECK(g.t.has("/awards"));
    REQUIRE(g.t.reply("/awards", 200, R"({"items":[{"id":1,"title":"全国四个100","year":2024,"brand":"aixinwucan"},
        {"id":2,"title":"别的","brand":"other"}],"next_cursor":null,"total":2})"));
    auto mine = awards_of(g.rt.state(), "aixinwucan");
    REQUIRE(mine.size() == 1);
    CHECK(mine[0]->year == 2024);
}
