// The English mode shows no Chinese of its own. Every screen (one per Route::Kind, with
// data loaded, a notice and field errors showing) is drawn in English; each semantics
// label may contain CJK only inside user data from the fixture (a project's title, a
// district's name …). Also the English tables themselves must be free of CJK.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/codec.h"
#include "core/points_codec.h"
#include "core/validate.h"
#include "cjk.h"
#include "fixtures.h"
#include "platform/native/harness.h"
#include "ui/context.h"
#include "ui/strings.h"

using namespace zygc;
using sem::Role;

namespace {

std::vector<std::string> user_data(const State& s) {
    std::vector<std::string> out;
    strings_of(encode(s.stats.data()), out);
    strings_of(encode(s.districts.data()), out);
    strings_of(encode(s.brands.data()), out);
    strings_of(encode(s.home_projects.data()), out);
    strings_of(encode(s.projects.data()), out);
    strings_of(encode(s.project.data()), out);
    strings_of(encode(s.brand.data()), out);
    strings_of(encode(s.me.data()), out);
    strings_of(encode(s.my_signups.data()), out);
    strings_of(encode(s.teams.data()), out);
    strings_of(encode(s.team.data()), out);
    strings_of(encode(s.publish.draft), out);
    // points
    strings_of(encode(s.my_points.data()), out);
    strings_of(encode(s.rewards.data()), out);
    strings_of(encode(s.reward.data()), out);
    strings_of(encode(s.my_redemptions.data()), out);
    strings_of(encode(s.funds.data()), out);
    strings_of(encode(s.points_stats.data()), out);
    strings_of(encode(s.merchants.data()), out);
    for (const Param& p : s.notice.params) out.push_back(p.value);
    // Longest first, so "海港区文化广场" goes before "海港区".
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return out;
}

// The label with every piece of user data taken out.
std::string without_user_data(std::string label, const std::vector<std::string>& data) {
    for (const std::string& d : data) {
        if (d.empty()) continue;
        for (size_t at; (at = label.find(d)) != std::string::npos;) label.erase(at, d.size());
    }
    return label;
}

Me english_organizer() {
    Me m;
    m.id = 5;
    m.phone_masked = "138****0001";
    m.display_name = "张三";
    m.roles = {"resident", "volunteer", "organizer"};
    m.teams = {{7, "海港区青年志愿者协会", "leader"}};
    m.volunteer = VolunteerProfile{"张三", "1303**********123X", 1, {"急救"}, {"weekend"}, "2026-11-28T10:00:00+08:00"};
    return m;
}

// One State per screen with what it shows loaded, in English.
State screen_state(Route::Kind kind) {
    State s = fixtures::projects_screen();
    s.stats = fixtures::loaded(fixtures::city());
    s.home_projects = s.projects;
    s.route = Route{kind, 0, {}};
    if (kind == Route::Project || kind == Route::Team || kind == Route::EditProject) s.route.id = 101;
    if (kind == Route::Brand) s.route.slug = "xiaohouniao";
    s.settings.lang = "en";
    if (kind != Route::Login) s.me = fixtures::loaded(english_organizer());

    Project p = fixtures::project(101, "小候鸟课后陪伴");
    p.description = "每周六上午在驿站开展。";
    p.brand = "xiaohouniao";
    p.brand_name = "小候鸟";
    p.shifts = {{1, "2026-12-05T09:00:00+08:00", "2026-12-05T11:00:00+08:00", 10, 10},
                {2, "2026-12-06T10:00:00+08:00", "2026-12-06T12:00:00+08:00", 10, 3}};
    s.project = fixtures::loaded(p);
    Brand b = fixtures::brand("xiaohouniao", "小候鸟");
    b.story = "二〇一五年起";
    b.highlights = {"157场活动"};
    b.stats = {{"青年志愿者", "4000+"}};
    b.projects = {p};
    s.brand = fixtures::loaded(b);
    Signup mine{5, 9, 88, "海滩清洁日", "2026-12-06T10:00:00+08:00", "2026-12-06T12:00:00+08:00", "鸽子窝公园",
                "confirmed", "2026-11-28T10:00:00+08:00"};
    s.my_signups = fixtures::loaded(std::vector<Signup>{mine});
    Team t;
    t.id = 101;
    t.name = "海港区青年志愿者协会";
    t.org = "共青团海港区委";
    t.district_id = 1;
    t.district_name = "海港区";
    t.leader_name = "祖巍巍";
    t.member_count = 1200;
    t.founded = "2012-03-05";
    t.summary = "扎根社区";
    t.projects = {p};
    s.team = fixtures::loaded(t);
    Page<Team> teams;
    teams.items = {t};
    teams.total = 1;
    s.teams = fixtures::loaded(teams);

    // Messages in their places: a notice with a parameter, field errors from the checks.
    s.notice = Message{"overlap", {{"project", "海滩清洁日"}}, ""};
    s.login.phone_error = Message{"phone_invalid"};
    s.login.code_error = Message{"unknown_code_from_a_newer_server", {}, "服务器的中文说明"};
    s.reg.errors = check_registration(VolunteerApplication{"张", "123", 0, {}, {}, false}, "20261128");
    // points: every screen with its data, the clerk's and the office's roles where they matter
    {
        MyPoints mp;
        mp.balance = 37;
        mp.reserved = 5;
        mp.expiring = {{5, "2026-12-31"}};
        PointsEntry e;
        e.id = 1;
        e.at = "2026-11-28T12:30:00+08:00";
        e.points = 6;
        e.counter_name = "城市积分发行";
        e.reason = "earn";
        e.detail = "净滩行动";
        e.rule_version = 1;
        mp.entries = {e};
        mp.holds = {{1, 14, 3, "时长更正", "held", "2026-11-29T11:00:00+08:00"}};
        mp.rule = {1, 30, 12, 30};
        s.my_points = fixtures::loaded(mp);
        Reward r;
        r.id = 101;
        r.name = "公交乘车券";
        r.description = "一次乘车";
        r.category = "transit";
        r.merchant = {2, "秦皇岛公交"};
        r.district_id = 1;
        r.points = 5;
        r.stock = 3;
        r.per_person_limit = 2;
        r.my_redeemed = 1;
        Page<Reward> rs;
        rs.items = {r};
        rs.total = 1;
        s.rewards.start(1, "0|");  // the key of "every district, every category"
        s.rewards.succeed(rs);
        s.reward = fixtures::loaded(r);
        if (kind == Route::Reward) s.route.id = 101;
        s.redeem_confirm = kind == Route::Reward ? 101 : 0;
        Redemption x;
        x.id = 3;
        x.reward = {101, "公交乘车券"};
        x.merchant = {2, "秦皇岛公交"};
        x.points = 5;
        x.code = "48213377";
        x.qr_payload = "zygc:pickup:48213377";
        x.expires_at = "2026-11-28T12:30:00+08:00";
        x.status = "reserved";
        Redemption done = x;
        done.id = 4;
        done.status = "settled";
        done.settled_at = "2026-11-28T11:00:00+08:00";
        done.volunteer_name = "王**";
        Page<Redemption> xs;
        xs.items = {x, done};
        xs.total = 2;
        s.my_redemptions = fixtures::loaded(xs);
        if (kind == Route::Reward) s.redeem = fixtures::loaded(x);
        if (kind == Route::MerchantVerify) s.verify = fixtures::loaded(done);
        Page<Fund> fs;
        fs.items = {{1, "山区孩子爱心午餐", "每100分折一份午餐", "xiaohouniao", 130, 9, 4}};
        fs.total = 1;
        s.funds = fixtures::loaded(fs);
        s.donate_fund = 1;
        s.donate_points = "10";
        s.donate_confirm = kind == Route::Funds;
        PointsStats st;
        st.issued = 100;
        st.redeemed = 30;
        st.by_month = {{0, "", "2026-11", 100, 30, 5, 0}};
        st.by_district = {{1, "海港区", "", 100, 30, 5, 0}};
        s.points_stats = fixtures::loaded(st);
        Page<Merchant> ms;
        ms.items = {{2, "秦皇岛公交", 1, "人民路1号", "public", std::nullopt, 1}};
        s.merchants = fixtures::loaded(ms);
        s.reward_draft.merchant_id = 2;
        s.reward_errors = validate_reward(s.reward_draft);
        s.merchant_errors = validate_merchant(s.merchant_draft);
        if (kind == Route::MerchantVerify || kind == Route::AdminPoints) {
            Me m = english_organizer();
            m.roles.push_back(kind == Route::MerchantVerify ? "merchant" : "admin");
            s.me = fixtures::loaded(m);
        }
    }
    if (kind == Route::NewProject || kind == Route::EditProject) {
        s.publish.draft.team_id = 7;
        s.publish.draft.title = "净滩";
        s.publish.draft.shifts = {{"2026-12-05T09:00", "2026-12-05T08:00", 0}};
        s.publish.errors = check_draft(s.publish.draft);
        s.publish.editing = kind == Route::EditProject ? 101 : 0;
    }
    return s;
}

}  // namespace

TEST_CASE("the English tables have no Chinese", "[ui][english]") {
    for (int i = 0; i < static_cast<int>(ui::S::COUNT); ++i) {
        if (i == static_cast<int>(ui::S::SwitchLang)) continue;  // "中文": the way back, in its own language
        INFO("entry " << i << ": " << ui::tr_en(i));
        CHECK_FALSE(has_cjk(ui::tr_en(i)));
    }
    // The language lives in a UI context: this test makes its own and leaves none behind.
    ui::Context* ctx = ui::create_context();
    ui::set_current_context(ctx);
    ui::set_lang(ui::Lang::En);
    for (const Category& c : categories()) CHECK_FALSE(has_cjk(ui::category_label(c)));
    // A code the app does not know: a generic English sentence, never the server's Chinese.
    CHECK_FALSE(has_cjk(ui::say(Message{"no_such_code", {}, "服务器的中文说明"})));
    CHECK(ui::say(Message{"overlap", {{"project", "净滩"}}, ""}) == "Overlaps with \"净滩\", which you signed up for");
    ui::set_lang(ui::Lang::Zh);
    CHECK(ui::say(Message{"no_such_code", {}, "服务器的中文说明"}) == "服务器的中文说明");
    CHECK(ui::say(Message{"overlap", {{"project", "净滩"}}, ""}) == "与你已报名的「净滩」时间冲突");
    ui::destroy_context(ctx);
}

TEST_CASE("every server problem code has words", "[ui][english]") {
    for (const char* code : {"shift_full", "overlap", "id_checksum", "consent_required", "rate_limited",
                             "not_logged_in", "forbidden_role", "not_team_leader", "if_match_required", "stale",
                             "idempotency_key_reused", "not_found", "internal"}) {
        INFO(code);
        CHECK(ui::knows_message(code));
    }
}

TEST_CASE("no screen shows Chinese of its own in English", "[ui][english]") {
    for (int k = 0; k < Route::KindCount; ++k) {
        const auto kind = static_cast<Route::Kind>(k);
        native::Harness h;
        h.state = screen_state(kind);
        h.frame(3);
        const std::vector<std::string> data = user_data(h.state);
        INFO("route " << route_hash(h.state.route) << " (kind " << k << ")");
        size_t labels = 0;
        for (const sem::Node& n : h.nodes()) {
            if (n.label == "中文") continue;  // the language switch, in its own language
            ++labels;
            const std::string rest = without_user_data(n.label, data);
            INFO("label: " << n.label);
            CHECK_FALSE(has_cjk(rest));
        }
        CHECK(labels > 3);  // the screen drew something (a test that sees nothing passes nothing)
    }
}

// zygc-en.json (the web app's English, src/platform/web/english_dump.cpp) is english_json():
// every entry's words in table order, then the messages', as this build has them.
TEST_CASE("english_json() holds every English word, in table order, escaped", "[ui][english]") {
    const nlohmann::json words = nlohmann::json::parse(ui::english_json());
    REQUIRE(words.is_array());
    const int count = static_cast<int>(ui::S::COUNT);
    REQUIRE(words.size() > static_cast<size_t>(count) + 100);  // the entries, ~300 messages, the generic sentence
    for (int i = 0; i < count; ++i) {
        INFO("entry " << i);
        CHECK(words[i].get<std::string>() == ui::tr_en(i));
    }
    CHECK(words[static_cast<int>(ui::S::NoResultsForFmt)] == "No projects match \"%s\"");
    ui::Context* ctx = ui::create_context();
    ui::set_current_context(ctx);
    ui::set_lang(ui::Lang::En);
    CHECK(words[count] == ui::say(Message{"registered", {}, ""}));  // the first message
    CHECK(words.back() == ui::say(Message{"no_such_code", {}, ""}));
    ui::set_lang(ui::Lang::Zh);
    ui::set_current_context(nullptr);
    ui::destroy_context(ctx);
    CHECK(ui::english_ready());  // natively the words are built in
}
