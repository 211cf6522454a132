// Points rules core checks before anything is sent (issue 12): the pickup code in a scanned
// QR, a donation within the balance, the admin's forms, why a reward cannot be redeemed, a
// code's time left, and the fund a brand page shows.
#include <catch2/catch.hpp>

#include "core/store.h"

using namespace zygc;

TEST_CASE("a scanned pickup QR gives its code; other QR codes give none", "[core][points]") {
    CHECK(parse_pickup_qr("zygc:pickup:48213377") == "48213377");
    CHECK(parse_pickup_qr("48213377") == "48213377");
    CHECK(parse_pickup_qr("https://zygc.example/#/merchant/verify?code=48213377") == "48213377");
    CHECK_FALSE(parse_pickup_qr("zygc:checkin:1:482913"));
    CHECK_FALSE(parse_pickup_qr("zygc:pickup:"));
    CHECK_FALSE(parse_pickup_qr("zygc:pickup:12ab"));
    CHECK_FALSE(parse_pickup_qr("https://zygc.example/#/verify/ZYGC-2026-0000123-AB12"));
}

TEST_CASE("a donation is 1..balance points; the admin's forms are checked before sending", "[core][points]") {
    CHECK(validate_donation("10", 37).empty());
    CHECK(validate_donation(" 37 ", 37).empty());
    REQUIRE(validate_donation("38", 37).size() == 1);
    CHECK(validate_donation("38", 37)[0].code == "points_range");
    CHECK(validate_donation("38", 37)[0].params[0].value == "37");
    CHECK_FALSE(validate_donation("0", 37).empty());
    CHECK_FALSE(validate_donation("-3", 37).empty());
    CHECK_FALSE(validate_donation("abc", 37).empty());
    CHECK(validate_donation("500", -1).empty());  // balance not known yet: the server decides

    MerchantDraft m;
    auto e = validate_merchant(m);
    REQUIRE(e.size() == 2);
    CHECK(e[0].field == "name");
    CHECK(e[1].field == "district_id");
    m.name = "海港书店";
    m.district_id = 1;
    m.owner_user_id = "x";
    REQUIRE(validate_merchant(m).size() == 1);
    CHECK(validate_merchant(m)[0].code == "user_id_invalid");
    m.owner_user_id = "4";
    CHECK(validate_merchant(m).empty());

    RewardDraft r;
    r.points = "0";
    r.stock = "5";
    r.per_person_limit = "200";
    std::vector<std::string> fields;
    for (const FieldError& f : validate_reward(r)) fields.push_back(f.field);
    CHECK(fields == std::vector<std::string>{"merchant_id", "name", "category", "points", "per_person_limit"});
}

TEST_CASE("why a reward cannot be redeemed; a code's time left; a brand's fund", "[core][points]") {
    State s;
    Reward r;
    r.id = 7;
    r.points = 5;
    r.stock = 1;
    r.per_person_limit = 2;
    CHECK(redeem_blocker(s, r, 1).empty());  // balance unknown: the server decides
    CHECK(redeem_blocker(s, r, 2).code == "out_of_stock");
    MyPoints mine;
    mine.balance = 4;
    s.my_points.set(mine);
    const Message m = redeem_blocker(s, r, 1);
    CHECK(m.code == "insufficient_points");
    CHECK(m.param("needed") == "5");
    CHECK(m.param("balance") == "4");
    r.stock = 0;
    CHECK(redeem_blocker(s, r, 1).code == "out_of_stock");

    Redemption x;
    x.expires_at = "2026-11-30T10:30:00+08:00";  // 1796005800 s
    CHECK(seconds_left(x, 1796005800000 - 90000) == 90);
    CHECK(seconds_left(x, 1796005800000 + 1000) == 0);
    x.expires_at = "soon";
    CHECK(seconds_left(x, 1796005800000) == 0);

    Page<Fund> funds;
    funds.items = {{1, "老帮老互助金", "", "", 120, 9, 4}, {2, "山区孩子爱心午餐", "", "aixin-wucan", 30, 2, 2}};
    s.funds.set(funds);
    REQUIRE(fund_of_brand(s, "aixin-wucan"));
    CHECK(fund_of_brand(s, "aixin-wucan")->id == 2);
    CHECK_FALSE(fund_of_brand(s, "xiaohouniao"));
    CHECK_FALSE(fund_of_brand(s, ""));
}
