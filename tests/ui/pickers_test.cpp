// The publishing form's pickers (issue 10): date and time in a bottom sheet instead of typed
// text, the site's place by the phone's location or a tap on the city map (coordinates under
// 高级), and the first field in error brought into view after a refused 发布.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/city_map.h"
#include "core/validate.h"
#include "app_fixture.h"
#include "platform/native/harness.h"

using namespace zygc;
using sem::Role;

namespace {

Me form_leader() {
    Me m = fixtures::volunteer();
    m.roles.push_back("organizer");
    m.teams = {{7, "海港区青年志愿者协会", "leader"}};
    return m;
}

// The new-project form with one empty shift; actions go through the real store.
void open_form(native::Harness& h, std::vector<Effect>* effects = nullptr) {
    h.state.route = Route{Route::NewProject, 0, {}};
    h.state.me = fixtures::loaded(form_leader());
    h.state.districts = fixtures::loaded(std::vector<District>{
        {1, "海港区", 0}, {2, "山海关区", 0}, {3, "北戴河区", 0}, {4, "抚宁区", 0}, {5, "青龙满族自治县", 0},
        {6, "昌黎县", 0}, {7, "卢龙县", 0}, {8, "秦皇岛经济技术开发区", 0}, {9, "北戴河新区", 0}});
    h.state.publish.draft.team_id = 7;
    h.state.publish.draft.shifts.push_back({});
    h.dispatch = [&h, effects](const Action& a) {
        std::vector<Effect> out = update(h.state, a);
        if (effects) effects->insert(effects->end(), out.begin(), out.end());
    };
    h.frame(2);
}

bool on_screen(const native::Harness& h, const sem::Node* n) {
    return n && n->h > 0 && n->y >= 0 && n->y + n->h <= h.viewport.height;
}

const sem::Node* modal_sheet(const native::Harness& h) {
    for (const sem::Node& n : h.nodes())
        if (n.role == Role::Window && (n.flags & sem::Modal)) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("times are picked in a sheet: 明天 09:00 first, then day, hour and minute rows", "[ui][publish]") {
    native::Harness h;  // 390×844; the clock: 2026-11-28 12:00 in Qinhuangdao
    open_form(h);
    // The field says what to do in the muted hint, not a value that looks filled in.
    REQUIRE(h.scroll_to("开始时间：选择日期和时间"));
    CHECK_FALSE(h.find_containing("2026-12-03"));
    CHECK_FALSE(h.find("开始时间", Role::Input));  // nothing to type
    REQUIRE(h.tap("开始时间：选择日期和时间", Role::Button));
    h.frame(3);

    const sem::Node* sheet = modal_sheet(h);
    REQUIRE(sheet);  // modal: over the dimmed screen
    CHECK(h.find("开始时间", Role::Heading));
    const sem::Node* today = h.find("今天 11月28日 周六", Role::Button);
    const sem::Node* tomorrow = h.find("明天 11月29日 周日", Role::Button);
    REQUIRE(today);
    REQUIRE(tomorrow);
    CHECK((tomorrow->flags & sem::Selected));
    CHECK((tomorrow->flags & sem::Modal));
    const sem::Node* nine = h.find("09时", Role::Button);
    REQUIRE(nine);
    CHECK((nine->flags & sem::Selected));
    CHECK(h.find("11月29日 周日 09:00", Role::Text));
    for (const char* row : {"明天 11月29日 周日", "09时", "00分", "确定", "取消"}) {
        INFO(row << "\n" << h.dump());
        const sem::Node* n = h.find(row, Role::Button);
        REQUIRE(n);
        CHECK(n->h >= 44);
    }

    REQUIRE(h.tap("11月30日 周一", Role::Button));
    REQUIRE(h.tap("10时", Role::Button));
    REQUIRE(h.tap("15分", Role::Button));
    h.frame();
    CHECK(h.find("11月30日 周一 10:15", Role::Text));
    CHECK(h.state.publish.draft.shifts[0].start.empty());  // nothing kept before 确定
    REQUIRE(h.tap("确定", Role::Button));
    h.frame(2);
    CHECK(h.state.publish.draft.shifts[0].start == "2026-11-30T10:15:00+08:00");
    CHECK_FALSE(modal_sheet(h));
    CHECK(h.find("开始时间：11月30日 周一 10:15", Role::Button));
}

TEST_CASE("the end starts two hours after the start; 取消 keeps what was there", "[ui][publish]") {
    native::Harness h;
    open_form(h);
    h.state.publish.draft.shifts[0].start = "2026-12-05T08:30:00+08:00";
    h.frame(2);
    REQUIRE(h.scroll_to("结束时间：选择日期和时间"));
    REQUIRE(h.tap("结束时间：选择日期和时间", Role::Button));
    h.frame(3);
    const sem::Node* day = h.find("12月5日 周六", Role::Button);
    REQUIRE(day);
    CHECK((day->flags & sem::Selected));
    const sem::Node* hour = h.find("10时", Role::Button);
    REQUIRE(hour);
    CHECK((hour->flags & sem::Selected));
    REQUIRE(h.tap("确定", Role::Button));
    h.frame(2);
    CHECK(h.state.publish.draft.shifts[0].end == "2026-12-05T10:30:00+08:00");

    REQUIRE(h.tap("结束时间：12月5日 周六 10:30", Role::Button));
    h.frame(3);
    REQUIRE(h.tap("11时", Role::Button));
    REQUIRE(h.tap("取消", Role::Button));
    h.frame(2);
    CHECK(h.state.publish.draft.shifts[0].end == "2026-12-05T10:30:00+08:00");
    CHECK_FALSE(modal_sheet(h));
}

TEST_CASE("the picker in 关怀版 and in English", "[ui][publish]") {
    native::Harness h;
    open_form(h);
    h.state.settings.care_mode = true;
    h.frame(2);
    REQUIRE(h.scroll_to("开始时间：选择日期和时间"));
    REQUIRE(h.tap("开始时间：选择日期和时间", Role::Button));
    h.frame(3);
    const sem::Node* sheet = modal_sheet(h);
    REQUIRE(sheet);
    CHECK(sheet->y >= 0);  // the whole sheet on screen, the larger rows too
    for (const char* row : {"明天 11月29日 周日", "09时", "00分", "确定", "取消"}) {
        INFO(row << "\n" << h.dump());
        const sem::Node* n = h.find(row, Role::Button);
        REQUIRE(n);
        CHECK(n->h >= 48);
        CHECK(n->y + n->h <= h.viewport.height);
        CHECK(n->x >= 0);
        CHECK(n->x + n->w <= h.viewport.width);
    }
    REQUIRE(h.tap("取消", Role::Button));
    h.frame(2);

    h.state.settings.care_mode = false;
    h.state.settings.lang = "en";
    h.frame(2);
    REQUIRE(h.scroll_to("Starts: Choose date and time"));
    REQUIRE(h.tap("Starts: Choose date and time", Role::Button));
    h.frame(3);
    CHECK(h.find("Tomorrow, Sun 29 Nov", Role::Button));
    CHECK(h.find("09 h", Role::Button));
    CHECK(h.find("00 min", Role::Button));
    CHECK(h.find("Done", Role::Button));
}

TEST_CASE("the sheet does not come back after leaving the screen", "[ui][publish]") {
    native::Harness h;
    open_form(h);
    REQUIRE(h.scroll_to("开始时间：选择日期和时间"));
    REQUIRE(h.tap("开始时间：选择日期和时间", Role::Button));
    h.frame(3);
    REQUIRE(modal_sheet(h));
    h.state.route = Route{Route::Home, 0, {}};
    h.frame(3);
    h.state.route = Route{Route::NewProject, 0, {}};
    h.frame(3);
    CHECK_FALSE(modal_sheet(h));
}

TEST_CASE("使用当前位置 asks the device; the fix fills the place and its district", "[ui][publish]") {
    native::Harness h;
    std::vector<Effect> effects;
    open_form(h, &effects);
    REQUIRE(h.scroll_to("使用当前位置"));
    CHECK(h.find("尚未选择位置", Role::Text));
    CHECK_FALSE(h.find("纬度", Role::Input));  // the coordinates wait under 高级
    REQUIRE(h.tap("使用当前位置", Role::Button));
    REQUIRE(h.actions_of<LocateSite>().size() == 1);
    bool asked = false;
    for (const Effect& e : effects) asked |= std::holds_alternative<Locate>(e);
    CHECK(asked);  // the same Locate effect the check-in uses
    h.frame();
    const sem::Node* busy = h.find("正在定位…", Role::Button);
    REQUIRE(busy);
    CHECK((busy->flags & sem::Disabled));

    update(h.state, Located{39.934621, 119.630483, 20});
    h.frame(2);
    CHECK(h.state.publish.draft.site.lat == Approx(39.93462));
    CHECK(h.state.publish.draft.site.lng == Approx(119.63048));
    CHECK(h.state.publish.draft.district_id == 1);
    CHECK(h.find("海港区 · 39.93462, 119.63048", Role::Text));
    CHECK(h.find("海港区", Role::Button));  // the district chip
    CHECK_FALSE(h.state.location == std::nullopt);                // attendance saw it too
}

TEST_CASE("a fix outside the city, or none, is said in words; the form keeps its place", "[ui][publish]") {
    native::Harness h;
    open_form(h);
    REQUIRE(h.scroll_to("使用当前位置"));
    REQUIRE(h.tap("使用当前位置", Role::Button));
    update(h.state, Located{31.2304, 121.4737, 30});  // 上海
    h.frame(2);
    REQUIRE(h.scroll_to("你当前不在秦皇岛市范围内，请在地图上选择服务地点"));
    CHECK(h.state.publish.draft.site.lat == 0);
    const sem::Node* outside = h.find("你当前不在秦皇岛市范围内，请在地图上选择服务地点", Role::Text);
    REQUIRE(outside);
    CHECK((outside->flags & sem::Alert));

    REQUIRE(h.tap("使用当前位置", Role::Button));
    update(h.state, LocateFailed{"permission_denied"});
    h.frame(2);
    REQUIRE(h.scroll_to("无法获取位置：请允许访问位置信息，或在地图上选择"));
    CHECK(h.find("无法获取位置：请允许访问位置信息，或在地图上选择", Role::Text));
    CHECK(h.find("使用当前位置", Role::Button));
}

TEST_CASE("a tap on the city map puts the pin; 确定 keeps a point the server accepts", "[ui][publish]") {
    native::Harness h;
    open_form(h);
    REQUIRE(h.scroll_to("在地图上选择"));
    REQUIRE(h.tap("在地图上选择", Role::Button));
    h.frame(3);
    REQUIRE(modal_sheet(h));
    const sem::Node* map = h.find("秦皇岛市地图：点选服务地点", Role::Button);
    REQUIRE(map);
    CHECK(map->w >= 200);
    const sem::Node* done = h.find("确定", Role::Button);
    REQUIRE(done);
    CHECK((done->flags & sem::Disabled));  // no point yet

    // 山海关's centre, projected the way the map draws it.
    const double lat = 40.05, lng = 119.78;
    const sem::Node m = *map;
    const float x = m.x + static_cast<float>((lng - city_map::kWest) / (city_map::kEast - city_map::kWest)) * m.w;
    const float y = m.y + static_cast<float>((city_map::kNorth - lat) / (city_map::kNorth - city_map::kSouth)) * m.h;
    h.tap_at(x, y);
    h.frame();
    CHECK(h.find_containing("山海关区 · 40.0"));
    REQUIRE(h.tap("确定", Role::Button));
    h.frame(2);
    const ProjectDraft& d = h.state.publish.draft;
    CHECK(d.site.lat == Approx(lat).margin(0.01));
    CHECK(d.site.lng == Approx(lng).margin(0.01));
    CHECK(d.district_id == 2);
    CHECK(d.site.lat == city_map::round5(d.site.lat));
    for (const FieldError& e : check_draft(d)) CHECK(e.field.rfind("site.l", 0) != 0);  // inside the bounds
    CHECK(h.find_containing("山海关区 · 40.0"));
}

TEST_CASE("高级 shows the coordinate fields for typing", "[ui][publish]") {
    native::Harness h;
    open_form(h);
    REQUIRE(h.scroll_to("高级：手动输入经纬度"));
    REQUIRE(h.tap("高级：手动输入经纬度", Role::Link));
    h.frame();
    REQUIRE(h.scroll_to("签到半径（米）"));  // below both fields
    REQUIRE(h.tap("纬度", Role::Input));
    h.type("39.8355");
    REQUIRE(h.tap("经度", Role::Input));
    h.type("119.5246");
    h.frame();
    REQUIRE(h.scroll_to("北戴河区 · 39.83550, 119.52460"));
    CHECK(h.state.publish.draft.site.lat == Approx(39.8355));
    CHECK(h.state.publish.draft.site.lng == Approx(119.5246));
    CHECK(h.find("北戴河区 · 39.83550, 119.52460", Role::Text));
    REQUIRE(h.tap("收起经纬度输入", Role::Link));
    h.frame();
    CHECK_FALSE(h.find("纬度", Role::Input));
}

TEST_CASE("after a refused 发布 the first field in error comes into view, focused", "[ui][publish]") {
    native::Harness h;
    open_form(h);
    REQUIRE(h.scroll_to("发布"));
    REQUIRE_FALSE(on_screen(h, h.find("项目标题", Role::Input)));
    REQUIRE(h.tap("发布", Role::Button));
    h.frame(3);
    const sem::Node* title = h.find("项目标题", Role::Input);
    INFO(h.dump());
    REQUIRE(on_screen(h, title));
    CHECK((title->flags & sem::Focused));
    CHECK(on_screen(h, h.find("标题需要4到60个字", Role::Text)));

    // Fix what is above: the next refusal shows the shift's start, further down.
    ProjectDraft d = h.state.publish.draft;
    d.title = "海边读书会";
    d.description = "每周六上午读绘本";
    d.category = "children";
    d.district_id = 1;
    d.site = {"海港区西港花园", 39.93, 119.6, 300};
    d.shifts[0].capacity = 10;
    update(h.state, EditDraft{d});
    h.frame(2);
    h.scroll(-200);
    h.frame(2);
    REQUIRE_FALSE(on_screen(h, h.find("开始时间：选择日期和时间", Role::Button)));
    REQUIRE(h.scroll_to("发布"));
    REQUIRE(h.tap("发布", Role::Button));
    h.frame(3);
    CHECK(h.state.publish.errors.size() == 1);
    CHECK(on_screen(h, h.find("开始时间：选择日期和时间", Role::Button)));
    CHECK(on_screen(h, h.find("请填写开始时间", Role::Text)));
}
