// Points codecs (issue 12): the literal JSON of docs/api/openapi.yaml's points schemas decodes
// field by field and encodes back to the same document; bad payloads name the field path;
// the request bodies the app sends have the contract's shape.
#include <catch2/catch.hpp>

#include "core/points_codec.h"

using namespace zygc;
using nlohmann::json;

namespace {

const char* kMyPointsJson = R"({
  "balance": 37, "reserved": 10, "earned_total": 52,
  "expiring": [{"points": 5, "on": "2027-01-31"}],
  "entries": [
    {"id": 9, "at": "2026-11-29T10:00:00+08:00", "points": -10, "account": "volunteer:5",
     "counter_account": "escrow:1", "counter_name": "兑换托管", "reason": "redeem", "detail": "公交乘车券",
     "ref": {"kind": "redemption", "id": 3}, "rule_version": null, "by": 5},
    {"id": 4, "at": "2026-11-28T12:30:00+08:00", "points": 6, "account": "volunteer:5",
     "counter_account": "issuance:1", "counter_name": "城市积分发行", "reason": "earn", "detail": "净滩行动",
     "ref": {"kind": "attendance", "id": 14}, "rule_version": 1, "by": 2}
  ],
  "entry_count": 2,
  "holds": [{"id": 1, "user_id": 5, "display_name": "王**", "attendance_id": 14, "points": 3, "balance": 0,
             "reason": "时长更正", "status": "held", "created_at": "2026-11-29T11:00:00+08:00",
             "decided_at": null}],
  "rule": {"version": 1, "minutes_per_point": 30, "expiry_months": 12, "code_life_minutes": 30,
           "effective_from": "2026-01-01T00:00:00+08:00", "note": "默认规则"}
})";

const char* kRedemptionJson = R"({
  "id": 3, "reward": {"id": 7, "name": "公交乘车券"}, "merchant": {"id": 2, "name": "秦皇岛公交"},
  "quantity": 2, "points": 10, "code": "48213377", "qr_payload": "zygc:pickup:48213377",
  "expires_at": "2026-11-29T10:30:00+08:00", "status": "settled", "created_at": "2026-11-29T10:00:00+08:00",
  "settled_at": "2026-11-29T10:12:00+08:00", "expired_at": null, "volunteer_name": "王**"
})";

}  // namespace

TEST_CASE("my points decode field by field and encode back", "[core][points]") {
    auto d = decode<MyPoints>(kMyPointsJson);
    REQUIRE(d.ok());
    const MyPoints& p = d.value;
    CHECK(p.balance == 37);
    CHECK(p.reserved == 10);
    CHECK(p.earned_total == 52);
    REQUIRE(p.expiring.size() == 1);
    CHECK(p.expiring[0].points == 5);
    CHECK(p.expiring[0].on == "2027-01-31");
    REQUIRE(p.entries.size() == 2);
    CHECK(p.entries[0].points == -10);
    CHECK(p.entries[0].reason == "redeem");
    CHECK(p.entries[0].counter_name == "兑换托管");
    CHECK(p.entries[0].ref.kind == "redemption");
    CHECK(p.entries[0].ref.id == 3);
    CHECK_FALSE(p.entries[0].rule_version);
    CHECK(p.entries[1].rule_version == 1);
    CHECK(p.entries[1].detail == "净滩行动");
    REQUIRE(p.holds.size() == 1);
    CHECK(p.holds[0].points == 3);
    CHECK(p.holds[0].status == "held");
    CHECK(p.rule.minutes_per_point == 30);
    CHECK(p.rule.expiry_months == 12);

    auto again = decode_json<MyPoints>(encode(p));
    REQUIRE(again.ok());
    CHECK(encode(again.value) == encode(p));
}

TEST_CASE("rewards, redemptions, funds, donations, merchants and stats decode", "[core][points]") {
    auto r = decode<Page<Reward>>(R"({"items": [{"id": 7, "name": "公交乘车券", "description": "一次乘车",
        "category": "transit", "merchant": {"id": 2, "name": "秦皇岛公交"}, "district_id": 1, "points": 5,
        "stock": 40, "per_person_limit": 2, "my_redeemed": 1}], "next_cursor": null, "total": 1})");
    REQUIRE(r.ok());
    REQUIRE(r.value.items.size() == 1);
    const Reward& w = r.value.items[0];
    CHECK(w.merchant.name == "秦皇岛公交");
    CHECK(w.category == "transit");
    CHECK(w.stock == 40);
    CHECK(w.per_person_limit == 2);
    CHECK(w.my_redeemed == 1);
    CHECK(decode_json<Reward>(encode(w)).ok());

    auto x = decode<Redemption>(kRedemptionJson);
    REQUIRE(x.ok());
    CHECK(x.value.reward.id == 7);
    CHECK(x.value.code == "48213377");
    CHECK(x.value.status == "settled");
    CHECK(x.value.settled_at == "2026-11-29T10:12:00+08:00");
    CHECK_FALSE(x.value.expired_at);
    CHECK(x.value.volunteer_name == "王**");
    CHECK(encode(decode_json<Redemption>(encode(x.value)).value) == encode(x.value));

    auto f = decode<Page<Fund>>(R"({"items": [{"id": 1, "name": "老帮老互助金", "description": "d",
        "brand_slug": null, "total_points": 120, "donation_count": 9, "donor_count": 4},
        {"id": 2, "name": "山区孩子爱心午餐", "description": "", "brand_slug": "aixin-wucan",
        "total_points": 0, "donation_count": 0, "donor_count": 0}], "next_cursor": null, "total": 2})");
    REQUIRE(f.ok());
    CHECK(f.value.items[0].brand_slug.empty());
    CHECK(f.value.items[0].total_points == 120);
    CHECK(f.value.items[1].brand_slug == "aixin-wucan");

    auto dn = decode<Donation>(R"({"id": 4, "fund": {"id": 1, "name": "老帮老互助金", "description": "",
        "brand_slug": null, "total_points": 130, "donation_count": 10, "donor_count": 5}, "points": 10,
        "at": "2026-11-29T10:00:00+08:00", "balance": 27})");
    REQUIRE(dn.ok());
    CHECK(dn.value.fund.total_points == 130);
    CHECK(dn.value.balance == 27);

    auto m = decode<Merchant>(R"({"id": 3, "name": "海港书店", "district_id": 1, "address": "文化路1号",
        "kind": "shop", "owner_user_id": 4, "reward_count": 0})");
    REQUIRE(m.ok());
    CHECK(m.value.owner_user_id == 4);

    auto s = decode<PointsStats>(R"({"issued": 100, "reversed": 4, "redeemed": 30, "reserved": 5, "donated": 10,
        "expired": 2, "outstanding": 53,
        "by_district": [{"district_id": 1, "name": "海港区", "issued": 60, "redeemed": 20, "donated": 5, "expired": 0}],
        "by_month": [{"month": "2026-11", "issued": 100, "redeemed": 30, "donated": 10, "expired": 2}],
        "by_district_month": [{"district_id": 1, "month": "2026-11", "issued": 60, "redeemed": 20, "donated": 5,
                               "expired": 0}]})");
    REQUIRE(s.ok());
    CHECK(s.value.outstanding == 53);
    CHECK(s.value.by_district[0].name == "海港区");
    CHECK(s.value.by_month[0].month == "2026-11");
    CHECK(s.value.by_district_month[0].district_id == 1);
}

TEST_CASE("bad points payloads name the field", "[core][points]") {
    auto a = decode<MyPoints>(R"({"balance": "37", "expiring": [], "entries": []})");
    REQUIRE_FALSE(a.ok());
    CHECK(a.error->to_string() == "balance: expected integer");
    auto b = decode<MyPoints>(R"({"balance": 1, "expiring": [], "entries": [{"id": 1, "at": "x", "points": 1,
        "account": "volunteer:1", "counter_account": "issuance:1", "reason": "earn", "ref": {"kind": 3, "id": 1}}]})");
    REQUIRE_FALSE(b.ok());
    CHECK(b.error->to_string() == "entries[0].ref.kind: expected string");
    auto c = decode<Redemption>(R"({"id": 1, "reward": {"id": 1}, "merchant": {"id": 1}, "quantity": 1,
        "points": 1, "expires_at": "x", "status": "reserved"})");
    REQUIRE_FALSE(c.ok());
    CHECK(c.error->to_string() == "code: missing");
    CHECK_FALSE(decode<Page<Reward>>("[1,2").ok());
    CHECK_FALSE(decode<PointsStats>(R"({"issued": 1})").ok());
}

TEST_CASE("the app's points requests have the contract's shape", "[core][points]") {
    CHECK(encode(RedeemRequest{7, 2}) == json{{"reward_id", 7}, {"quantity", 2}});
    CHECK(encode(VerifyRequest{"48213377"}) == json{{"code", "48213377"}});
    CHECK(encode(DonationRequest{1, 10}) == json{{"fund_id", 1}, {"points", 10}});
    MerchantDraft m;
    m.name = "海港书店";
    m.district_id = 1;
    CHECK(encode(m) == json{{"name", "海港书店"}, {"district_id", 1}, {"address", ""}, {"kind", "shop"}});
    m.owner_user_id = " 4 ";
    CHECK(encode(m)["owner_user_id"] == 4);
    RewardDraft r;
    r.merchant_id = 3;
    r.name = "图书兑换券";
    r.category = "shop";
    r.points = "20";
    r.stock = "5";
    r.per_person_limit = "1";
    const json j = encode(r);
    CHECK(j["points"] == 20);
    CHECK(j["stock"] == 5);
    CHECK(j["per_person_limit"] == 1);
    CHECK(j["merchant_id"] == 3);
}
