// 老帮老, 有困难找志愿者 and 数据 through the real loop (harness ↔ Runtime ↔ fake transport),
// read and driven through the semantics tree: the ledger's masked people, a need registered
// by tapping the form, the suggestions with the score's terms in words (zh and en), a pair
// confirmed, an overdue pair flagged and a visit logged, a help request taken by an organizer,
// the dashboard's figures and charts, and the awards on a brand page.
#include <algorithm>
#include <memory>
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "core/care_codec.h"

using namespace zygc;
using sem::Role;
using nlohmann::json;

namespace {

Me social_worker() {
    Me m;
    m.id = 3;
    m.phone_masked = "138****0003";
    m.display_name = "社工小秦";
    m.roles = {"resident", "social_worker"};
    return m;
}

Me district_organizer() {
    Me m;
    m.id = 2;
    m.phone_masked = "138****0002";
    m.display_name = "张队长";
    m.roles = {"resident", "volunteer", "organizer"};
    m.teams = {{1, "海港区青年志愿者协会", "leader"}};
    return m;
}

const char* kDistricts = R"([{"id":1,"name":"海港区","population":1},{"id":2,"name":"山海关区","population":1}])";

void open(fixtures::App& app, Route r, const Me& me, Settings settings = {}) {
    app.runtime.start(r, 7, settings);
    REQUIRE(app.transport.reply("/me", 200, encode(me).dump()));
    REQUIRE(app.transport.reply("/districts", 200, kDistricts));
    app.ui.frame(2);
}

const char* kNeeds = R"({"items":[{"id":3,"name_masked":"王*兰","district_id":1,"community":"西港路社区",
    "needs":["meal","escort"],"slots":["mon_am"],"mobility":"cane",
    "guardian":{"name_masked":"李*","phone_masked":"139****0002","relation":"儿子"},"status":"open"}],
    "next_cursor":null,"total":1})";
const char* kHelpers = R"({"items":[{"id":8,"name_masked":"赵*芬","district_id":1,"community":"西港路社区",
    "abilities":["meal"],"slots":["mon_am","tue_pm"],"walk_m":800,"phone_masked":"137****0008","capacity":2,"load":0}],
    "next_cursor":null,"total":1})";
const char* kMatches = R"({"district_id":1,"items":[{"need_id":3,"helper_id":8,"score":87,"distance_m":320,
    "reasons":[{"code":"same_community","points":30,"params":{"community":"西港路社区"}},
               {"code":"needs_met","points":25,"params":{"services":"meal,escort","count":"2"}},
               {"code":"times_overlap","points":20,"params":{"slots":"mon_am","count":"1"}},
               {"code":"helper_load","points":12,"params":{"load":"0","capacity":"2"}}],
    "need":{"id":3,"name_masked":"王*兰"},"helper":{"id":8,"name_masked":"赵*芬"}}],
    "open_needs":2,"unmatched_need_ids":[5]})";
const char* kPairs = R"({"items":[{"id":4,"need_id":3,"helper_id":8,"district_id":1,"project_id":90,"status":"active",
    "rhythm_days":7,"visits":1,"visit_minutes":60,"last_visit_at":"2026-11-10T10:00:00+08:00",
    "next_visit_due":"2026-11-17T10:00:00+08:00","overdue":true,"days_overdue":11,
    "need":{"id":3,"name_masked":"王*兰"},"helper":{"id":8,"name_masked":"赵*芬"}}],"next_cursor":null,"total":1})";

}  // namespace

TEST_CASE("the ledger shows the district's needs and helpers, masked", "[ui][eldercare]") {
    fixtures::App app({390, 1600, 1});
    open(app, Route{Route::Eldercare, 0, {}}, social_worker());
    REQUIRE(app.transport.reply("/eldercare/needs?district_id=1", 200, kNeeds));
    REQUIRE(app.transport.reply("/eldercare/helpers?district_id=1", 200, kHelpers));
    app.ui.frame(2);
    CHECK(app.ui.find("需要帮助的老人（1）", Role::Heading));
    CHECK(app.ui.find("王*兰 · 西港路社区", Role::Heading));
    CHECK(app.ui.find_containing("助餐、陪诊"));
    CHECK(app.ui.find_containing("李*（儿子） 139****0002"));
    CHECK(app.ui.find("赵*芬 · 西港路社区", Role::Heading));
    CHECK(app.ui.find_containing("800 米"));
    CHECK_FALSE(app.ui.find_containing("13900000002"));
    // Another district: its lists are asked for.
    REQUIRE(app.ui.tap("海港区", Role::Button));
    app.ui.frame();
    REQUIRE(app.ui.tap("山海关区", Role::Button));
    app.ui.frame();
    CHECK(app.transport.has("/eldercare/needs?district_id=2"));
}

TEST_CASE("the ledger's screens tell someone who is not a social worker so, and lead back", "[ui][eldercare]") {
    for (Route::Kind kind : {Route::Eldercare, Route::ElderNeedNew, Route::ElderHelperNew, Route::ElderMatches,
                             Route::ElderPairs}) {
        fixtures::App app({390, 1600, 1});
        open(app, Route{kind, 0, {}}, district_organizer());
        INFO(int(kind));
        CHECK(app.ui.find("老帮老台账仅供社工使用"));
        CHECK_FALSE(app.ui.find("登记需求", Role::Button));
        CHECK_FALSE(app.ui.find("重试", Role::Button));
        CHECK_FALSE(app.ui.find_containing("没有权限"));
        REQUIRE(app.ui.tap("返回个人中心", Role::Button));
        CHECK(app.state().route.kind == Route::Me);
    }
}

TEST_CASE("a need registered by tapping the form; consent is required first", "[ui][eldercare]") {
    fixtures::App app({390, 2400, 1});
    open(app, Route{Route::ElderNeedNew, 0, {}}, social_worker());
    auto type_into = [&](const char* label, const char* text) {
        REQUIRE(app.ui.tap(label, Role::Input));
        app.ui.type(text);
        app.ui.frame();
    };
    type_into("姓名", "王秀兰");
    type_into("社区", "西港路社区");
    REQUIRE(app.ui.tap("助餐", Role::Checkbox));
    app.ui.frame();
    REQUIRE(app.ui.tap("周一上午", Role::Checkbox));
    app.ui.frame();
    REQUIRE(app.ui.tap("需拄拐", Role::Checkbox));
    app.ui.frame();
    type_into("监护人姓名", "李明");
    type_into("与老人关系", "儿子");
    type_into("监护人电话", "13900000002");
    REQUIRE(app.ui.tap("保存登记", Role::Button));
    app.ui.frame(2);
    CHECK_FALSE(app.pending("POST", "/eldercare/needs"));
    CHECK(app.ui.find("需取得本人同意才能登记", Role::Text));

    REQUIRE(app.ui.tap("已取得本人同意", Role::Checkbox));
    app.ui.frame();
    REQUIRE(app.ui.tap("保存登记", Role::Button));
    app.ui.frame();
    const auto* p = app.pending("POST", "/eldercare/needs");
    REQUIRE(p);
    json body = json::parse(p->request.body);
    CHECK(body["name"] == "王秀兰");
    CHECK(body["district_id"] == 1);
    CHECK(body["needs"] == json::array({"meal"}));
    CHECK(body["slots"] == json::array({"mon_am"}));
    CHECK(body["mobility"] == "cane");
    CHECK(body["guardian"]["phone"] == "13900000002");
    CHECK(body["consent"] == true);
}

TEST_CASE("suggestions read their score's terms in words and confirm a pair", "[ui][eldercare]") {
    fixtures::App app({390, 1600, 1});
    open(app, Route{Route::ElderMatches, 0, {}}, social_worker());
    REQUIRE(app.transport.reply("/eldercare/matches?district_id=1", 200, kMatches));
    app.ui.frame(2);
    CHECK(app.ui.find("赵*芬 → 王*兰", Role::Heading));
    CHECK(app.ui.find_containing("匹配分 87"));
    CHECK(app.ui.find_containing("同一社区（西港路社区）"));
    CHECK(app.ui.find_containing("能满足2项需要：助餐、陪诊"));
    CHECK(app.ui.find_containing("有1个共同时间段：周一上午"));
    CHECK(app.ui.find_containing("目前在帮0位老人（最多2位）"));
    CHECK(app.ui.find_containing("还有 1 项需求暂无合适的助老者"));
    REQUIRE(app.ui.tap("确认结对", Role::Button));
    app.ui.frame();
    const auto* p = app.pending("POST", "/eldercare/pairs");
    REQUIRE(p);
    CHECK(json::parse(p->request.body) == json{{"need_id", 3}, {"helper_id", 8}});
}

TEST_CASE("an overdue pair is flagged; a visit is logged for the last hour and leads to certification", "[ui][eldercare]") {
    fixtures::App app({390, 1600, 1});
    open(app, Route{Route::ElderPairs, 0, {}}, social_worker());
    REQUIRE(app.transport.reply("/eldercare/pairs?district_id=1", 200, kPairs));
    app.ui.frame(2);
    CHECK(app.ui.find("走访逾期", Role::Text));
    CHECK(app.ui.find_containing("约定每 7 天走访一次"));
    REQUIRE(app.ui.tap("记录一次走访（60分钟）", Role::Button));
    app.ui.frame();
    const auto* p = app.pending("POST", "/eldercare/pairs/4/visits");
    REQUIRE(p);
    json body = json::parse(p->request.body);
    CHECK(body["end"] == "2026-11-28T12:00:00+08:00");  // the harness clock
    CHECK(body["start"] == "2026-11-28T11:00:00+08:00");
    REQUIRE(app.transport.reply("/eldercare/pairs/4/visits", 201,
                                R"({"id":11,"pair_id":4,"minutes":60,"hours_record_id":77,"hours_status":"pending","project_id":90})"));
    app.ui.frame(2);
    CHECK(app.ui.find("已记录走访 60 分钟，待认定"));
    REQUIRE(app.ui.tap("去认定走访时长", Role::Link));
    CHECK(app.state().route == Route{Route::Hours, 90, {}});
}

TEST_CASE("an organizer sees the district's help requests and takes one", "[ui][help]") {
    fixtures::App app({390, 2000, 1});
    open(app, Route{Route::Help, 0, {}}, district_organizer());
    REQUIRE(app.transport.reply("/me/help-requests", 200, R"({"items":[],"next_cursor":null,"total":0})"));
    REQUIRE(app.transport.reply("/help-requests?district_id=1", 200, R"({"items":[{"id":5,"title":"需要人帮忙买菜",
        "description":"腿脚不便","district_id":1,"status":"open","mine":false,"requester":{"display_name":"刘*"},
        "team":null,"project_id":null}],"next_cursor":null,"total":1})"));
    app.ui.frame(2);
    CHECK(app.ui.find("本区的求助", Role::Heading));
    CHECK(app.ui.find("需要人帮忙买菜", Role::Heading));
    CHECK(app.ui.find("等待志愿者", Role::Text));
    REQUIRE(app.ui.tap("接单", Role::Button));
    app.ui.frame();
    const auto* p = app.pending("PATCH", "/help-requests/5");
    REQUIRE(p);
    CHECK(json::parse(p->request.body) == json{{"action", "take"}, {"team_id", 1}});
}

TEST_CASE("a resident asks for help and sees its status, but not the district's list", "[ui][help]") {
    fixtures::App app({390, 2000, 1});
    Me me;
    me.id = 20;
    me.phone_masked = "138****0020";
    me.roles = {"resident"};
    open(app, Route{Route::Help, 0, {}}, me);
    REQUIRE(app.transport.reply("/me/help-requests", 200, R"({"items":[{"id":6,"title":"修水管","description":"x",
        "district_id":1,"status":"taken","mine":true,"requester":{"display_name":"我"},
        "team":{"id":1,"name":"海港区青年志愿者协会"},"project_id":null}],"next_cursor":null,"total":1})"));
    app.ui.frame(2);
    CHECK(app.ui.find("已有志愿者接单", Role::Text));
    CHECK(app.ui.find_containing("接单：海港区青年志愿者协会"));
    CHECK_FALSE(app.ui.find("本区的求助"));
    CHECK_FALSE(app.transport.has("/help-requests?district_id=1"));
}

TEST_CASE("the 数据 screen shows figures, both charts and the sample note", "[ui][dashboard]") {
    fixtures::App app({390, 2000, 1});
    app.runtime.start(Route{Route::Dashboard, 0, {}}, 7);
    REQUIRE(app.transport.reply("/stats/dashboard", 200, encode(fixtures::dashboard()).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("老帮老结对", Role::Text));
    CHECK(app.ui.find("205", Role::Text));
    CHECK(app.ui.find_containing("各区服务时长图：海港区"));
    CHECK(app.ui.find_containing("每月服务时长图：9月"));
    CHECK(app.ui.find_containing("示例数据"));
}

TEST_CASE("a district's figures wrap between figures, each kept whole", "[ui][dashboard]") {
    fixtures::App app({320, 3000, 1});
    app.runtime.start(Route{Route::Dashboard, 0, {}}, 7);
    REQUIRE(app.transport.reply("/stats/dashboard", 200, encode(fixtures::dashboard()).dump()));
    app.ui.frame(2);
    const sem::Node* name = app.ui.find("海港区", Role::Text);
    REQUIRE(name);
    const char* figures[] = {"志愿者 30万", "队伍 3000", "项目 7000", "结对 120", "走访 1.5万"};
    float top = 0, bottom = 0;
    for (const char* f : figures) {
        const sem::Node* n = app.ui.find(f, Role::Text);
        INFO(f);
        REQUIRE(n);
        CHECK(n->h < name->h * 1.5f);  // one line: not broken inside
        CHECK(n->x > name->x);         // in the value column, beside the name
        top = top ? std::min(top, n->y) : n->y;
        bottom = std::max(bottom, n->y);
    }
    CHECK(bottom > top);  // 320 px cannot hold five figures on one line: they wrap
}

TEST_CASE("a brand page lists its honours from /awards", "[ui][dashboard]") {
    fixtures::App app({390, 2000, 1});
    app.runtime.start(Route{Route::Brand, 0, "xiaohouniao"}, 7);
    REQUIRE(app.transport.reply("/brands/xiaohouniao", 200, encode(fixtures::brand("xiaohouniao", "小候鸟")).dump()));
    REQUIRE(app.transport.reply("/awards", 200, R"({"items":[{"id":1,"title":"全国\"四个100\"最佳志愿服务项目","year":2024,
        "level":"national","issuer":"中央文明办","brand":"xiaohouniao"}],"next_cursor":null,"total":1})"));
    app.ui.frame(2);
    CHECK(app.ui.find("荣誉记录", Role::Heading));
    CHECK(app.ui.find_containing("2024 · 全国\"四个100\"最佳志愿服务项目 · 中央文明办"));
}

TEST_CASE("a brand page with more projects than it lists links to all of them", "[ui][brand]") {
    auto shown = [](int64_t count) {
        auto app = std::make_unique<fixtures::App>(zygc::native::HarnessDesc{390, 2000, 1});
        app->runtime.start(Route{Route::Brand, 0, "xiaohouniao"}, 7);
        Brand b = fixtures::brand("xiaohouniao", "小候鸟");
        b.projects = {fixtures::project(101, "小候鸟课后陪伴"), fixtures::project(102, "海滩清洁日")};
        b.project_count = count;
        REQUIRE(app->transport.reply("/brands/xiaohouniao", 200, encode(b).dump()));
        app->ui.frame(2);
        return app;
    };
    CHECK_FALSE(shown(2)->ui.scroll_to("查看该品牌更多项目", 5));  // all of them are on the page

    auto app = shown(535);
    REQUIRE(app->ui.scroll_to("查看该品牌更多项目"));
    REQUIRE(app->ui.tap("查看该品牌更多项目", Role::Link));
    app->ui.frame(2);
    CHECK(app->state().route.kind == Route::Projects);
    CHECK(app->state().query.brand == "xiaohouniao");
    const auto* list = app->pending("GET", "/projects?");
    REQUIRE(list);
    CHECK(list->request.path.find("brand=xiaohouniao") != std::string::npos);
}

TEST_CASE("issue 13's screens in English", "[ui][eldercare][english]") {
    Settings en;
    en.lang = "en";
    fixtures::App app({390, 1600, 1});
    open(app, Route{Route::ElderMatches, 0, {}}, social_worker(), en);
    REQUIRE(app.transport.reply("/eldercare/matches?district_id=1", 200, kMatches));
    app.ui.frame(2);
    CHECK(app.ui.find_containing("Same community (西港路社区)"));
    CHECK(app.ui.find_containing("Meets 2 needs: Meals, Hospital escort"));
    CHECK(app.ui.find_containing("1 times in common: Mon am"));
    CHECK(app.ui.find("Confirm this pair", Role::Button));
}
