// Points (issue 12) through the real loop (harness ↔ Runtime ↔ fake transport), read and
// driven by the semantics tree: 我的积分 (balance, expiring ahead, each entry's cause), the
// reward's redeem with a confirmation and one Idempotency-Key per tap (kept for a retry after
// a network failure), the code large with its QR, 我的兑换码 following the merchant's 核销 on
// Tick, the merchant's keypad and camera, 再奉献 (checked against the balance, confirmed),
// the fund's total on its brand page, the admin's charts and forms, and the English words.
#include <catch2/catch.hpp>

#include "../core/fake_transport.h"
#include "core/codec.h"
#include "core/points_codec.h"
#include "core/runtime.h"
#include "app_fixture.h"
#include "device_app.h"
#include "platform/native/harness.h"

using namespace zygc;
using sem::Role;
using nlohmann::json;

namespace {

struct PointsApp : fixtures::DeviceApp {
    explicit PointsApp(const native::HarnessDesc& d = {390, 2400, 1}) : DeviceApp(d) {}
    bool tap(const std::string& label, Role role = Role::Button) {
        const bool ok = ui.tap(label, role);
        ui.frame();
        return ok;
    }
};

Me user(std::vector<std::string> roles) {
    Me m;
    m.id = 5;
    m.phone_masked = "138****0001";
    m.display_name = "王小明";
    m.roles = std::move(roles);
    m.volunteer = VolunteerProfile{"王小明", "1303**********123X", 1, {}, {}, "2026-11-28T10:00:00+08:00"};
    return m;
}
Me volunteer() { return user({"resident", "volunteer"}); }

MyPoints my_points(int64_t balance = 37) {
    MyPoints p;
    p.balance = balance;
    p.reserved = 0;
    p.expiring = {{5, "2026-12-31"}};
    PointsEntry earn;
    earn.id = 4;
    earn.at = "2026-11-28T12:30:00+08:00";
    earn.points = 6;
    earn.account = "volunteer:5";
    earn.counter_account = "issuance:1";
    earn.counter_name = "城市积分发行";
    earn.reason = "earn";
    earn.detail = "净滩行动";
    earn.ref = {"attendance", 14};
    earn.rule_version = 1;
    PointsEntry donate = earn;
    donate.id = 5;
    donate.points = -3;
    donate.counter_account = "fund:1";
    donate.counter_name = "老帮老互助金";
    donate.reason = "donate";
    donate.detail = "老帮老互助金";
    donate.ref = {"donation", 2};
    donate.rule_version.reset();
    p.entries = {donate, earn};
    p.entry_count = 2;
    p.rule = {1, 30, 12, 30};
    return p;
}

Reward reward(int64_t stock = 3) {
    Reward r;
    r.id = 7;
    r.name = "公交乘车券";
    r.description = "市内公交一次乘车";
    r.category = "transit";
    r.merchant = {2, "秦皇岛公交"};
    r.district_id = 1;
    r.points = 5;
    r.stock = stock;
    r.per_person_limit = 2;
    return r;
}

Redemption redemption(const std::string& status = "reserved") {
    Redemption x;
    x.id = 3;
    x.reward = {7, "公交乘车券"};
    x.merchant = {2, "秦皇岛公交"};
    x.quantity = 1;
    x.points = 5;
    x.code = "48213377";
    x.qr_payload = "zygc:pickup:48213377";
    x.expires_at = "2026-11-28T12:30:00+08:00";  // 30 min after the harness's clock
    x.created_at = "2026-11-28T12:00:00+08:00";
    x.status = status;
    if (status == "settled") x.settled_at = "2026-11-28T12:10:00+08:00";
    return x;
}

Page<Fund> funds(int64_t total = 120) {
    Page<Fund> f;
    f.items = {{1, "老帮老互助金", "帮助高龄老人的互助金", "", total, 9, 4},
               {2, "山区孩子爱心午餐", "为山区孩子添一份午餐", "xiaohouniao", 30, 2, 2}};
    f.total = 2;
    return f;
}

template <class T>
std::string page_json(const std::vector<T>& items) {
    return json{{"items", encode(items)}, {"next_cursor", nullptr}, {"total", items.size()}}.dump();
}

void start_at(PointsApp& app, Route r, const Me& me = volunteer(), Settings settings = {}) {
    app.runtime.start(r, 42, settings);
    REQUIRE(app.transport.reply("/me", 200, encode(me).dump()));
}

void open_reward(PointsApp& app, int64_t balance = 37, int64_t stock = 3) {
    start_at(app, Route{Route::Reward, 7, {}});
    REQUIRE(app.transport.reply("/rewards/7", 200, encode(reward(stock)).dump()));
    REQUIRE(app.transport.reply("/me/points", 200, encode(my_points(balance)).dump()));
    app.transport.reply("/districts", 200, R"([{"id": 1, "name": "海港区", "population": 0}])");
    app.ui.frame(2);
}

}  // namespace

TEST_CASE("points routes parse and print", "[ui][points]") {
    CHECK(parse_route("#/me/points").kind == Route::MyPoints);
    CHECK(parse_route("#/rewards").kind == Route::Rewards);
    CHECK(parse_route("#/rewards/7") == Route{Route::Reward, 7, {}});
    CHECK(route_hash(Route{Route::Reward, 7, {}}) == "#/rewards/7");
    CHECK(parse_route("#/me/redemptions").kind == Route::MyRedemptions);
    CHECK(parse_route("#/merchant/verify").kind == Route::MerchantVerify);
    CHECK(parse_route("#/funds").kind == Route::Funds);
    CHECK(parse_route("#/admin/points").kind == Route::AdminPoints);
    CHECK(parse_route("#/rewards/x").kind == Route::NotFound);
    CHECK(parent_route(Route{Route::Reward, 7, {}}).kind == Route::Rewards);
}

TEST_CASE("我的积分 shows the balance, what expires ahead and each entry's cause", "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::MyPoints, 0, {}});
    app.ui.frame();
    CHECK(app.ui.find("加载中"));
    REQUIRE(app.transport.reply("/me/points", 200, encode(my_points()).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("积分余额"));
    CHECK(app.ui.find("37"));
    CHECK(app.ui.find("每认定 30 分钟服务时长得 1 积分"));
    CHECK(app.ui.find("积分自获得起 12 个月内有效"));
    CHECK(app.ui.find("即将过期", Role::Heading));
    CHECK(app.ui.find("5 积分有效期至 12月31日 周四"));
    CHECK(app.ui.find("+6 积分 · 服务时长认定"));
    CHECK(app.ui.find("净滩行动"));
    CHECK(app.ui.find("规则第 1 版"));
    CHECK(app.ui.find("-3 积分 · 再奉献捐赠"));
    CHECK(app.ui.find_containing("老帮老互助金"));
    // The way on: the shop, my codes, 再奉献.
    REQUIRE(app.tap("积分商城", Role::Link));
    CHECK(app.state().route.kind == Route::Rewards);
    CHECK(app.pending("GET", "/rewards?limit=100"));
}

TEST_CASE("积分商城 filters by district and category", "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::Rewards, 0, {}});
    REQUIRE(app.transport.reply("/districts", 200, R"([{"id": 1, "name": "海港区", "population": 0}])"));
    REQUIRE(app.transport.reply("/rewards?limit=100", 200, page_json(std::vector<Reward>{reward()})));
    app.ui.frame(2);
    CHECK(app.ui.find("公交乘车券", Role::Link));
    CHECK(app.ui.find("秦皇岛公交 · 海港区 · 公交出行"));
    CHECK(app.ui.find("库存 3"));
    app.runtime.dispatch(FilterRewards{1, "museum"});
    REQUIRE(app.pending("GET", "/rewards?limit=100&district_id=1&category=museum"));
    REQUIRE(app.transport.reply("/rewards?limit=100&district_id=1", 200, page_json(std::vector<Reward>{})));
    app.ui.frame(2);
    CHECK(app.ui.find("没有符合条件的兑换项目"));
    CHECK(app.ui.find("海港区", Role::Button));
    CHECK(app.ui.find("场馆门票", Role::Button));
}

TEST_CASE("兑换 asks first; 确认兑换 sends one key per tap, the same key again after a network failure",
          "[ui][points]") {
    PointsApp app;
    open_reward(app);
    CHECK(app.ui.find("公交乘车券", Role::Heading));
    CHECK(app.ui.find("每人限兑 2 份"));
    CHECK(app.ui.find("我的积分：37"));
    REQUIRE(app.tap("兑换"));
    CHECK_FALSE(app.pending("POST", "/redemptions"));
    CHECK(app.ui.find("确认用 5 积分兑换「公交乘车券」× 1？"));
    REQUIRE(app.tap("增加"));
    CHECK(app.ui.find("确认用 10 积分兑换「公交乘车券」× 2？"));
    REQUIRE(app.tap("确认兑换"));
    const auto* post = app.pending("POST", "/redemptions");
    REQUIRE(post);
    const std::string key = PointsApp::header(post->request, "Idempotency-Key");
    CHECK(key.size() == 36);
    CHECK(json::parse(post->request.body) == json{{"reward_id", 7}, {"quantity", 2}});
    const std::string body = post->request.body;
    // Tapping again while it is on its way sends nothing more.
    app.runtime.dispatch(Redeem{});
    size_t posts = 0;
    for (const auto& p : app.transport.pending) posts += p.request.method == "POST";
    CHECK(posts == 1);

    REQUIRE(app.transport.fail_network("/redemptions"));
    app.ui.frame();
    CHECK(app.ui.find("网络不通，未能提交：请再点一次", Role::Button));
    REQUIRE(app.tap("确认兑换"));  // the confirmation stays open
    post = app.pending("POST", "/redemptions");
    REQUIRE(post);
    CHECK(PointsApp::header(post->request, "Idempotency-Key") == key);
    CHECK(post->request.body == body);

    Redemption made = redemption();
    made.quantity = 2;
    made.points = 10;
    REQUIRE(app.transport.reply("/redemptions", 201, encode(made).dump()));
    app.ui.frame();
    CHECK(app.ui.find("兑换成功：请在有效期内到商户出示兑换码", Role::Button));
    const sem::Node* code = app.ui.find("48213377", Role::Heading);
    REQUIRE(code);
    CHECK(code->h >= 40);  // large, for the counter
    CHECK(app.ui.find("QR", Role::Image));
    CHECK(app.ui.find("请在 11月28日 周六 12:30 前到「秦皇岛公交」出示兑换码或二维码"));
    // Stock and balance are asked for again.
    CHECK(app.pending("GET", "/rewards/7"));
    CHECK(app.pending("GET", "/me/points"));

    // A later redemption is a new tap: a new key.
    REQUIRE(app.transport.reply("/rewards/7", 200, encode(reward(1)).dump()));
    REQUIRE(app.transport.reply("/me/points", 200, encode(my_points(27)).dump()));
    app.ui.frame();
    REQUIRE(app.tap("兑换"));
    REQUIRE(app.tap("确认兑换"));
    post = app.pending("POST", "/redemptions");
    REQUIRE(post);
    CHECK(PointsApp::header(post->request, "Idempotency-Key") != key);
}

TEST_CASE("a reward the balance or stock cannot cover says why, before and after sending", "[ui][points]") {
    PointsApp app;
    open_reward(app, 4);
    REQUIRE(app.tap("兑换"));
    CHECK_FALSE(app.ui.find_containing("确认用"));
    CHECK(app.ui.find("积分不足：需要5积分，你有4积分", Role::Button));

    PointsApp sold;
    open_reward(sold, 37, 0);
    CHECK(sold.ui.find("已兑完"));
    const sem::Node* b = sold.ui.find("兑换", Role::Button);
    REQUIRE(b);
    CHECK(b->flags & sem::Disabled);

    // The server's answer to a race lost: its words, the stock reloaded.
    PointsApp race;
    open_reward(race);
    REQUIRE(race.tap("兑换"));
    REQUIRE(race.tap("确认兑换"));
    REQUIRE(race.transport.reply("/redemptions", 409,
                                 R"({"type":"about:blank","title":"Conflict","status":409,"code":"out_of_stock",
                                     "params":{"stock":"0"},"detail":"库存不足"})",
                                 "application/problem+json"));
    race.ui.frame();
    CHECK(race.ui.find("已兑完，请看看其他兑换项目", Role::Button));
    CHECK(race.pending("GET", "/rewards/7"));
    CHECK_FALSE(race.ui.find_containing("确认用"));
}

TEST_CASE("我的兑换码 shows the code and time left, and follows the merchant's 核销 on Tick", "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::MyRedemptions, 0, {}});
    REQUIRE(app.effects<WantTicks>().size() == 1);
    CHECK(app.effects<WantTicks>()[0].every_ms == 10000);
    Redemption old = redemption("expired");
    old.id = 2;
    old.reward.name = "博物馆门票";
    REQUIRE(app.transport.reply("/me/redemptions", 200, page_json(std::vector<Redemption>{redemption(), old})));
    app.ui.frame(2);
    CHECK(app.ui.find("待核销"));
    CHECK(app.ui.find("剩余 30 分钟"));
    CHECK(app.ui.find("48213377", Role::Heading));
    CHECK(app.ui.find("QR", Role::Image));
    CHECK(app.ui.find("已过期，积分已退回"));

    app.runtime.dispatch(Tick{1795838400000 + 10000});
    REQUIRE(app.pending("GET", "/me/redemptions"));
    REQUIRE(app.transport.reply("/me/redemptions", 200,
                                page_json(std::vector<Redemption>{redemption("settled"), old})));
    app.ui.frame();
    CHECK(app.ui.find("已核销"));
    CHECK(app.ui.find("已于 11月28日 周六 12:10 核销"));
    CHECK_FALSE(app.ui.find("48213377", Role::Heading));
    // Nothing reserved: a tick asks for nothing; leaving stops the ticks.
    app.runtime.dispatch(Tick{1795838400000 + 20000});
    CHECK_FALSE(app.pending("GET", "/me/redemptions"));
    app.runtime.dispatch(Navigate{Route{Route::Me, 0, {}}});
    REQUIRE(app.effects<WantTicks>().size() == 2);
    CHECK(app.effects<WantTicks>()[1].every_ms == 0);
}

TEST_CASE("核销: the code typed on the keypad is verified; used and expired codes say so", "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::MerchantVerify, 0, {}}, user({"resident", "merchant"}));
    app.ui.frame(2);
    CHECK_FALSE(app.ui.find("仅合作商户的店员可以核销兑换码"));
    const sem::Node* verify = app.ui.find("核销", Role::Button);
    REQUIRE(verify);
    CHECK(verify->flags & sem::Disabled);
    for (const char* k : {"4", "8", "2", "1", "3", "3", "7", "9"}) REQUIRE(app.tap(k));
    CHECK(app.ui.find("已输入：48213379"));
    REQUIRE(app.tap("删除"));
    REQUIRE(app.tap("7"));
    CHECK(app.ui.find("已输入：48213377"));
    REQUIRE(app.tap("核销"));
    const auto* post = app.pending("POST", "/redemptions/verify");
    REQUIRE(post);
    CHECK(json::parse(post->request.body) == json{{"code", "48213377"}});
    CHECK(PointsApp::header(post->request, "X-Requested-With") == "zygc");
    Redemption done = redemption("settled");
    done.volunteer_name = "王**";
    REQUIRE(app.transport.reply("/redemptions/verify", 200, encode(done).dump()));
    app.ui.frame();
    CHECK(app.ui.find("核销成功", Role::Heading));
    CHECK(app.ui.find("公交乘车券 × 1 · 5 积分"));
    CHECK(app.ui.find_containing("王**"));
    CHECK(app.ui.find("已核销"));
    CHECK(app.ui.find("已输入："));  // cleared for the next customer

    // The same code again: the server's code_used, next to the keypad.
    for (const char* k : {"4", "8", "2", "1", "3", "3", "7", "7"}) REQUIRE(app.tap(k));
    CHECK_FALSE(app.ui.find("核销成功", Role::Heading));
    REQUIRE(app.tap("核销"));
    REQUIRE(app.transport.reply("/redemptions/verify", 409,
                                R"({"title":"Conflict","status":409,"code":"code_used","params":{"settled_at":"x"},"detail":"已核销"})",
                                "application/problem+json"));
    app.ui.frame();
    CHECK(app.ui.find("该兑换码已核销，不能重复使用"));
    // An expired code: the pickup words, not the check-in code's.
    REQUIRE(app.tap("核销"));
    REQUIRE(app.transport.reply("/redemptions/verify", 409,
                                R"({"title":"Conflict","status":409,"code":"code_expired","params":{},"detail":"已过期"})",
                                "application/problem+json"));
    app.ui.frame();
    CHECK(app.ui.find("兑换码已过期，积分已退回给志愿者"));
    CHECK_FALSE(app.ui.find_containing("签到码"));
}

TEST_CASE("核销 by camera: the scanned pickup QR is verified; a check-in QR is refused", "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::MerchantVerify, 0, {}}, user({"resident", "merchant"}));
    app.ui.frame(2);
    REQUIRE(app.tap("扫码核销"));
    REQUIRE(app.effects<StartScan>().size() == 1);
    app.runtime.dispatch(Scanned{"zygc:checkin:1:482913"});
    app.ui.frame();
    CHECK(app.effects<StopScan>().size() == 1);
    CHECK(app.ui.find("这不是兑换码二维码"));
    CHECK_FALSE(app.pending("POST", "/attendance/check-in"));
    CHECK(app.state().route.kind == Route::MerchantVerify);

    REQUIRE(app.tap("扫码核销"));
    app.runtime.dispatch(Scanned{"zygc:pickup:48213377"});
    const auto* post = app.pending("POST", "/redemptions/verify");
    REQUIRE(post);
    CHECK(json::parse(post->request.body)["code"] == "48213377");

    app.runtime.dispatch(ScanFailed{"no_camera"});
    app.ui.frame();
    CHECK(app.ui.find("无法扫码，请输入兑换码"));
}

TEST_CASE("a volunteer who is not a clerk is told so on 核销", "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::MerchantVerify, 0, {}});
    app.ui.frame(2);
    CHECK(app.ui.find("仅合作商户的店员可以核销兑换码"));
}

TEST_CASE("再奉献: the balance keeps its room while on its way; the funds do not move when it comes",
          "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::Funds, 0, {}});
    REQUIRE(app.transport.reply("/funds", 200, json(encode(funds())).dump()));
    app.ui.frame(2);
    const sem::Node* before = app.ui.find("捐赠积分", Role::Button);
    REQUIRE(before);
    const float y = before->y;
    CHECK_FALSE(app.ui.find_containing("我的积分"));  // no words yet: the room only
    REQUIRE(app.transport.reply("/me/points", 200, encode(my_points()).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("我的积分：37"));
    const sem::Node* after = app.ui.find("捐赠积分", Role::Button);
    REQUIRE(after);
    CHECK(after->y == y);
}

TEST_CASE("再奉献: the amount is checked against the balance, confirmed, sent once; the totals move",
          "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::Funds, 0, {}});
    REQUIRE(app.transport.reply("/funds", 200, json(encode(funds())).dump()));
    REQUIRE(app.transport.reply("/me/points", 200, encode(my_points()).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("老帮老互助金", Role::Heading));
    CHECK(app.ui.find("已募集 120 积分"));
    CHECK(app.ui.find("4 人捐赠"));
    CHECK(app.ui.find("我的积分：37"));

    REQUIRE(app.tap("捐赠积分"));  // the first fund's
    REQUIRE(app.ui.tap("捐赠积分数", Role::Input));
    app.ui.type("50");
    app.ui.frame();
    REQUIRE(app.tap("下一步"));
    CHECK(app.ui.find("请输入1到37之间的积分数"));
    CHECK_FALSE(app.ui.find_containing("确认向"));
    REQUIRE(app.ui.tap("捐赠积分数", Role::Input));
    app.ui.backspace(2);
    app.ui.type("10");
    app.ui.frame();
    REQUIRE(app.tap("下一步"));
    CHECK(app.ui.find("确认向「老帮老互助金」捐赠 10 积分？"));
    CHECK_FALSE(app.pending("POST", "/donations"));
    REQUIRE(app.tap("确认捐赠"));
    const auto* post = app.pending("POST", "/donations");
    REQUIRE(post);
    CHECK(json::parse(post->request.body) == json{{"fund_id", 1}, {"points", 10}});
    CHECK(PointsApp::header(post->request, "Idempotency-Key").size() == 36);
    Donation d;
    d.id = 9;
    d.fund = funds(130).items[0];
    d.points = 10;
    d.balance = 27;
    REQUIRE(app.transport.reply("/donations", 201, encode(d).dump()));
    app.ui.frame();
    CHECK(app.ui.find("已向「老帮老互助金」捐赠10积分，感谢再奉献", Role::Button));
    REQUIRE(app.transport.reply("/funds", 200, json(encode(funds(130))).dump()));
    REQUIRE(app.transport.reply("/me/points", 200, encode(my_points(27)).dump()));
    app.ui.frame();
    CHECK(app.ui.find("已募集 130 积分"));
    CHECK(app.ui.find("我的积分：27"));
}

TEST_CASE("a brand page shows its fund's running total", "[ui][points]") {
    PointsApp app;
    app.runtime.start(Route{Route::Brand, 0, "xiaohouniao"}, 42);
    REQUIRE(app.transport.reply("/me", 401, R"({"status":401,"code":"not_logged_in"})", "application/problem+json"));
    Brand b = fixtures::brand("xiaohouniao", "小候鸟");
    REQUIRE(app.transport.reply("/brands/xiaohouniao", 200, encode(b).dump()));
    REQUIRE(app.transport.reply("/funds", 200, json(encode(funds())).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("再奉献", Role::Heading));
    CHECK(app.ui.find("山区孩子爱心午餐"));
    CHECK(app.ui.find("已募集 30 积分"));
    // Logged out: to the login screen, then back to 再奉献.
    REQUIRE(app.tap("捐赠积分"));
    CHECK(app.state().route.kind == Route::Login);
    CHECK(app.state().after_login.kind == Route::Funds);
}

TEST_CASE("积分管理: the charts carry their figures; the forms are checked, then sent", "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::AdminPoints, 0, {}}, user({"resident", "admin"}));
    PointsStats st;
    st.issued = 100;
    st.redeemed = 30;
    st.donated = 10;
    st.outstanding = 53;
    st.by_month = {{0, "", "2026-10", 40, 10, 0, 0}, {0, "", "2026-11", 60, 20, 10, 0}};
    st.by_district = {{1, "海港区", "", 60, 20, 5, 0}, {2, "北戴河区", "", 40, 10, 5, 0}};
    REQUIRE(app.transport.reply("/stats/points", 200, encode(st).dump()));
    REQUIRE(app.transport.reply("/districts", 200, R"([{"id": 1, "name": "海港区", "population": 0}])"));
    Merchant m{2, "秦皇岛公交", 1, "", "public", std::nullopt, 3};
    REQUIRE(app.transport.reply("/merchants?limit=100", 200, page_json(std::vector<Merchant>{m})));
    app.ui.frame(2);
    CHECK(app.ui.find("累计发放"));
    CHECK(app.ui.find("100"));
    CHECK(app.ui.find("积分图：10月 发放 40 兑换 10；11月 发放 60 兑换 20", Role::Image));
    CHECK(app.ui.find("积分图：海港区 发放 60 兑换 20；北戴河区 发放 40 兑换 10", Role::Image));

    REQUIRE(app.tap("添加商户"));
    CHECK(app.ui.find("请填写商户名称"));
    CHECK(app.ui.find("请选择区县"));
    CHECK_FALSE(app.pending("POST", "/merchants"));
    app.runtime.dispatch(EditMerchant{MerchantDraft{"海港书店", 1, "文化路1号", "shop", "4"}});
    REQUIRE(app.tap("添加商户"));
    const auto* post = app.pending("POST", "/merchants");
    REQUIRE(post);
    CHECK(json::parse(post->request.body)["owner_user_id"] == 4);
    REQUIRE(app.transport.reply("/merchants", 201, encode(Merchant{3, "海港书店", 1, "文化路1号", "shop", 4, 0}).dump()));
    app.ui.frame();
    CHECK(app.ui.find("已添加商户「海港书店」", Role::Button));
    CHECK(app.state().reward_draft.merchant_id == 3);

    REQUIRE(app.tap("添加商品"));
    CHECK(app.ui.find("请填写商品名称"));
    RewardDraft r = app.state().reward_draft;
    r.name = "图书兑换券";
    r.category = "shop";
    r.points = "20";
    r.stock = "5";
    r.per_person_limit = "1";
    app.runtime.dispatch(EditReward{r});
    REQUIRE(app.tap("添加商品"));
    post = app.pending("POST", "/rewards");
    REQUIRE(post);
    CHECK(json::parse(post->request.body)["merchant_id"] == 3);
    CHECK(json::parse(post->request.body)["points"] == 20);
}

TEST_CASE("积分管理 is the city office's; 我的 links by role", "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::AdminPoints, 0, {}});
    app.ui.frame(2);
    CHECK(app.ui.find("仅市志愿服务管理部门可以使用"));

    PointsApp me;
    start_at(me, Route{Route::Me, 0, {}});
    me.ui.frame(2);
    CHECK(me.ui.find("我的积分", Role::Link));
    CHECK(me.ui.find("积分商城", Role::Link));
    CHECK(me.ui.find("我的兑换码", Role::Link));
    CHECK(me.ui.find("再奉献", Role::Link));
    CHECK_FALSE(me.ui.find("核销兑换码", Role::Link));
    CHECK_FALSE(me.ui.find("积分管理", Role::Link));

    PointsApp clerk;
    start_at(clerk, Route{Route::Me, 0, {}}, user({"resident", "merchant", "admin"}));
    clerk.ui.frame(2);
    CHECK(clerk.ui.find("核销兑换码", Role::Link));
    CHECK(clerk.ui.find("积分管理", Role::Link));
    CHECK_FALSE(clerk.ui.find("我的积分", Role::Link));
}

TEST_CASE("the points screens in English and in 关怀版", "[ui][points]") {
    PointsApp app;
    Settings en;
    en.lang = "en";
    en.care_mode = true;
    start_at(app, Route{Route::Reward, 7, {}}, volunteer(), en);
    REQUIRE(app.transport.reply("/rewards/7", 200, encode(reward()).dump()));
    REQUIRE(app.transport.reply("/me/points", 200, encode(my_points()).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("5 points"));
    CHECK(app.ui.find("Up to 2 per person"));
    REQUIRE(app.tap("Redeem"));
    CHECK(app.ui.find("Spend 5 points on \"公交乘车券\" × 1?"));
    const sem::Node* yes = app.ui.find("Yes, redeem", Role::Button);
    REQUIRE(yes);
    CHECK(yes->h >= 48);  // 关怀版: large targets
    app.runtime.dispatch(Navigate{Route{Route::MyPoints, 0, {}}});
    app.ui.frame();
    CHECK(app.ui.find("+6 points · Certified hours"));
    CHECK(app.ui.find("5 points expire after Thu 31 Dec"));
}

TEST_CASE("我的积分's ledger comes 50 entries at a time: 加载更多 appends the older ones", "[ui][points]") {
    PointsApp app;
    start_at(app, Route{Route::MyPoints, 0, {}});
    const auto* first = app.pending("GET", "/me/points");
    REQUIRE(first);
    CHECK(first->request.path == "/me/points?limit=50");
    MyPoints p = my_points();
    p.entry_count = 3;
    p.next_cursor = "e/1+";
    REQUIRE(app.transport.reply("/me/points", 200, encode(p).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("共 3 条，已显示 2 条", Role::Text));
    REQUIRE(app.ui.tap("加载更多", Role::Button));
    const auto* more = app.pending("GET", "/me/points?limit=50&cursor=");
    REQUIRE(more);
    CHECK(more->request.path.ends_with("&cursor=e%2F1%2B"));  // the cursor as sent, escaped
    MyPoints older = my_points(40);  // the balance as of this answer
    older.entries = {p.entries[1]};
    older.entries[0].id = 3;
    older.entries[0].detail = "敬老院陪护";
    older.entry_count = 3;
    REQUIRE(app.transport.reply("/me/points", 200, encode(older).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("敬老院陪护"));
    CHECK(app.ui.find("净滩行动"));  // the first page's entries stay
    CHECK(app.ui.find("40"));
    CHECK_FALSE(app.ui.find_containing("已显示"));
    CHECK_FALSE(app.ui.find("加载更多", Role::Button));
}
