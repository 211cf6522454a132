// 实名注册 through the semantics, the harness keyboard and a Runtime: the app checks the form
// before sending, errors appear next to their fields.
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "core/idcard.h"

using namespace zygc;
using sem::Role;

namespace {

const char* kDistricts = R"([{"id":1,"name":"海港区","population":0},{"id":2,"name":"山海关区","population":0}])";

void open_register(fixtures::App& app) {
    app.runtime.start(Route{Route::Register, 0, {}});
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::resident()).dump()));
    REQUIRE(app.transport.reply("/districts", 200, kDistricts));
    app.ui.frame(2);
}

void fill(fixtures::App& app, const std::string& id_number) {
    REQUIRE(app.ui.tap("真实姓名", Role::Input));
    app.ui.type("张三");
    REQUIRE(app.ui.tap("身份证号码", Role::Input));
    app.ui.type(id_number);
    REQUIRE(app.ui.tap("海港区", Role::Button));  // the districts are chips: one tap
    REQUIRE(app.ui.tap("儿童陪伴", Role::Checkbox));
    REQUIRE(app.ui.tap("周末", Role::Checkbox));
    REQUIRE(app.ui.scroll_to("我单独同意处理我的敏感个人信息"));
    REQUIRE(app.ui.tap("我单独同意处理我的敏感个人信息", Role::Checkbox));
}

bool submit(fixtures::App& app) {
    if (!app.ui.scroll_to("提交实名注册")) return false;
    return app.ui.tap("提交实名注册", Role::Button);
}

}  // namespace

TEST_CASE("the consent says what is kept and why, separately", "[ui][register]") {
    fixtures::App app;
    open_register(app);
    CHECK(app.ui.find("实名注册", Role::Heading));
    REQUIRE(app.ui.scroll_to("我单独同意处理我的敏感个人信息"));
    const sem::Node* consent = app.ui.find("我单独同意处理我的敏感个人信息", Role::Checkbox);
    REQUIRE(consent);
    CHECK_FALSE((consent->flags & sem::Checked));
    CHECK(app.ui.find_containing("身份证号码属于敏感个人信息，仅用于实名核验和志愿服务记录证明；加密保存，仅显示脱敏号码"));
}

TEST_CASE("a bad ID number is refused next to its field and nothing is sent", "[ui][register]") {
    fixtures::App app;
    open_register(app);
    const std::string first17 = "13030219900101123";
    const char good = id_check_char(first17);
    const char bad = good == '0' ? '1' : '0';
    fill(app, first17 + bad);
    CHECK(app.state().reg.app.id_number == first17 + bad);
    CHECK(app.state().reg.app.district_id == 1);
    CHECK(app.state().reg.app.consent);
    CHECK(app.state().reg.app.availability == std::vector<std::string>{"weekend"});

    REQUIRE(submit(app));
    app.ui.frame();
    CHECK_FALSE(app.pending("PUT", "/me/volunteer"));
    REQUIRE(app.state().reg.errors.size() == 1);
    CHECK(app.state().reg.errors[0].field == "id_number");

    // The message is an alert right under the ID field, above the district.
    REQUIRE(app.ui.scroll_to("身份证号码"));
    const sem::Node* field = app.ui.find("身份证号码", Role::Input);
    REQUIRE(field);
    const std::string message = app.state().reg.errors[0].message;
    const sem::Node* error = app.ui.find(message, Role::Text);
    REQUIRE(error);
    CHECK((error->flags & sem::Alert));
    CHECK(error->y >= field->y + field->h);
    CHECK(error->y < field->y + field->h + 2 * 16);
    const sem::Node* district = app.ui.find("所在区县", Role::Text);
    REQUIRE(district);
    CHECK(error->y < district->y);

    // Corrected through the keyboard: the form is sent.
    REQUIRE(app.ui.tap("身份证号码", Role::Input));
    app.ui.backspace();
    app.ui.type(std::string(1, good));
    CHECK(app.state().reg.errors.empty());
    CHECK_FALSE(app.ui.find(message, Role::Text));
    REQUIRE(submit(app));
    const auto* put = app.pending("PUT", "/me/volunteer");
    REQUIRE(put);
    auto body = nlohmann::json::parse(put->request.body);
    CHECK(body["id_number"] == first17 + good);
    CHECK(body["real_name"] == "张三");
    CHECK(body["consent"] == true);
    CHECK(body["district_id"] == 1);
    CHECK(body["skills"] == nlohmann::json::array({"儿童陪伴"}));
    app.ui.frame();
    CHECK(app.ui.find("提交中…", Role::Button));

    REQUIRE(app.transport.reply("/me/volunteer", 200, encode(fixtures::volunteer()).dump()));
    app.ui.frame(2);
    CHECK(app.state().route.kind == Route::Me);
    CHECK(app.ui.find("1303**********123X", Role::Text));
    CHECK(app.ui.find("实名注册成功", Role::Button));
}

TEST_CASE("without consent or district the form says so at those fields", "[ui][register]") {
    fixtures::App app;
    open_register(app);
    REQUIRE(submit(app));
    CHECK_FALSE(app.pending("PUT", "/me/volunteer"));
    app.ui.frame();
    REQUIRE(app.ui.scroll_to("需要你同意处理敏感个人信息后才能注册"));
    const sem::Node* e = app.ui.find("需要你同意处理敏感个人信息后才能注册", Role::Text);
    REQUIRE(e);
    CHECK((e->flags & sem::Alert));
    CHECK(app.ui.find("请选择所在区县", Role::Text));
}

TEST_CASE("the server's 409 for an ID registered before shows at the ID field", "[ui][register]") {
    fixtures::App app;
    open_register(app);
    const std::string first17 = "13030219900101123";
    fill(app, first17 + id_check_char(first17));
    REQUIRE(submit(app));
    REQUIRE(app.transport.reply("/me/volunteer", 409, fixtures::problem(409, "该身份证号码已注册"),
                                "application/problem+json"));
    app.ui.frame(2);
    REQUIRE(app.ui.scroll_to("该身份证号码已注册"));
    CHECK(app.ui.find("该身份证号码已注册", Role::Text));
}

TEST_CASE("an ID number that needs checking in person says so and leaves the form", "[ui][register]") {
    fixtures::App app;
    open_register(app);
    const std::string first17 = "13030219900101123";
    fill(app, first17 + id_check_char(first17));
    REQUIRE(submit(app));
    REQUIRE(app.transport.reply("/me/volunteer", 202,
                                R"({"code":"pending_verification","detail":"请携带身份证到所在社区核验","appeal_id":7,"kind":"claim"})"));
    app.ui.frame(2);
    CHECK(app.state().route.kind == Route::Me);
    CHECK(app.ui.find_containing("请携带身份证到所在社区办理"));
    CHECK(app.state().reg.errors.empty());
}
