#include "core/points_codec.h"
#include "core/decoding.h"

#include <charconv>

namespace zygc {

using nlohmann::json;

// ---------------------------------------------------------------------------
// [SECTION] Decoding — on the toolkit of core/decoding.h.
// ---------------------------------------------------------------------------
namespace {

using decoding::dec;
using decoding::maybe;
using decoding::object;
using decoding::opt;
using decoding::req;
using decoding::Scope;

// This codec's context: the toolkit's templates find the decoders below by it.
struct Ctx : decoding::Ctx {};

template <class T>
bool dec(const json& j, Page<T>& v, Ctx& c);

bool dec(const json& j, LedgerRef& v, Ctx& c) {
    return object(j, c) && req(j, "kind", v.kind, c) && req(j, "id", v.id, c);
}

bool dec(const json& j, PointsEntry& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "at", v.at, c) && req(j, "points", v.points, c) &&
           req(j, "account", v.account, c) && req(j, "counter_account", v.counter_account, c) &&
           opt(j, "counter_name", v.counter_name, c) && req(j, "reason", v.reason, c) &&
           opt(j, "detail", v.detail, c) && opt(j, "ref", v.ref, c) && maybe(j, "rule_version", v.rule_version, c);
}

bool dec(const json& j, PointsExpiring& v, Ctx& c) {
    return object(j, c) && req(j, "points", v.points, c) && req(j, "on", v.on, c);
}

bool dec(const json& j, PointsHold& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && opt(j, "attendance_id", v.attendance_id, c) &&
           req(j, "points", v.points, c) && opt(j, "reason", v.reason, c) && req(j, "status", v.status, c) &&
           opt(j, "created_at", v.created_at, c);
}

bool dec(const json& j, PointsRule& v, Ctx& c) {
    return object(j, c) && req(j, "version", v.version, c) && req(j, "minutes_per_point", v.minutes_per_point, c) &&
           opt(j, "expiry_months", v.expiry_months, c) && opt(j, "code_life_minutes", v.code_life_minutes, c);
}

bool dec(const json& j, MyPoints& v, Ctx& c) {
    return object(j, c) && req(j, "balance", v.balance, c) && opt(j, "reserved", v.reserved, c) &&
           opt(j, "earned_total", v.earned_total, c) && req(j, "expiring", v.expiring, c) &&
           req(j, "entries", v.entries, c) && maybe(j, "next_cursor", v.next_cursor, c) &&
           opt(j, "entry_count", v.entry_count, c) &&
           opt(j, "holds", v.holds, c) && opt(j, "rule", v.rule, c);
}

bool dec(const json& j, NamedRef& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && opt(j, "name", v.name, c);
}

bool dec(const json& j, Reward& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "name", v.name, c) &&
           opt(j, "description", v.description, c) && req(j, "category", v.category, c) &&
           req(j, "merchant", v.merchant, c) && req(j, "district_id", v.district_id, c) &&
           req(j, "points", v.points, c) && req(j, "stock", v.stock, c) &&
           req(j, "per_person_limit", v.per_person_limit, c) && maybe(j, "my_redeemed", v.my_redeemed, c);
}

bool dec(const json& j, Redemption& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "reward", v.reward, c) &&
           req(j, "merchant", v.merchant, c) && req(j, "quantity", v.quantity, c) && req(j, "points", v.points, c) &&
           req(j, "code", v.code, c) && opt(j, "qr_payload", v.qr_payload, c) &&
           req(j, "expires_at", v.expires_at, c) && req(j, "status", v.status, c) &&
           opt(j, "created_at", v.created_at, c) && maybe(j, "settled_at", v.settled_at, c) &&
           maybe(j, "expired_at", v.expired_at, c) && opt(j, "volunteer_name", v.volunteer_name, c);
}

bool dec(const json& j, Fund& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "name", v.name, c) &&
           opt(j, "description", v.description, c) && opt(j, "brand_slug", v.brand_slug, c) &&
           req(j, "total_points", v.total_points, c) && opt(j, "donation_count", v.donation_count, c) &&
           opt(j, "donor_count", v.donor_count, c);
}

bool dec(const json& j, Donation& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "fund", v.fund, c) && req(j, "points", v.points, c) &&
           opt(j, "at", v.at, c) && opt(j, "balance", v.balance, c);
}

bool dec(const json& j, Merchant& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "name", v.name, c) &&
           req(j, "district_id", v.district_id, c) && opt(j, "address", v.address, c) && opt(j, "kind", v.kind, c) &&
           maybe(j, "owner_user_id", v.owner_user_id, c) && opt(j, "reward_count", v.reward_count, c);
}

bool dec(const json& j, PointsTotals& v, Ctx& c) {
    return object(j, c) && opt(j, "district_id", v.district_id, c) && opt(j, "name", v.name, c) &&
           opt(j, "month", v.month, c) && req(j, "issued", v.issued, c) && req(j, "redeemed", v.redeemed, c) &&
           req(j, "donated", v.donated, c) && opt(j, "expired", v.expired, c);
}

bool dec(const json& j, PointsStats& v, Ctx& c) {
    return object(j, c) && req(j, "issued", v.issued, c) && opt(j, "reversed", v.reversed, c) &&
           req(j, "redeemed", v.redeemed, c) && opt(j, "reserved", v.reserved, c) &&
           req(j, "donated", v.donated, c) && opt(j, "expired", v.expired, c) &&
           opt(j, "outstanding", v.outstanding, c) && req(j, "by_district", v.by_district, c) &&
           req(j, "by_month", v.by_month, c) && req(j, "by_district_month", v.by_district_month, c);
}

template <class T>
bool dec(const json& j, Page<T>& v, Ctx& c) {
    if (!object(j, c) || !req(j, "items", v.items, c) || !req(j, "total", v.total, c)) return false;
    v.next_cursor.reset();
    if (auto it = j.find("next_cursor"); it != j.end() && !it->is_null()) {
        Scope s(c, "next_cursor");
        std::string cursor;
        if (!dec(*it, cursor, c)) return false;
        v.next_cursor = std::move(cursor);
    }
    return true;
}

}  // namespace

template <class T>
Decoded<T> decode_json(const json& j) {
    return decoding::decode_as<T, Ctx>(j);
}

template <class T>
Decoded<T> decode(std::string_view text) {
    json j;
    if (auto e = decoding::parse(text, j)) return Decoded<T>{T{}, *e};
    return decode_json<T>(j);
}

#define ZYGC_DECODER(T)                               \
    template Decoded<T> decode<T>(std::string_view); \
    template Decoded<T> decode_json<T>(const json&);
ZYGC_DECODER(MyPoints)
ZYGC_DECODER(Reward)
ZYGC_DECODER(Page<Reward>)
ZYGC_DECODER(Redemption)
ZYGC_DECODER(Page<Redemption>)
ZYGC_DECODER(Page<Fund>)
ZYGC_DECODER(Donation)
ZYGC_DECODER(Merchant)
ZYGC_DECODER(Page<Merchant>)
ZYGC_DECODER(PointsStats)
#undef ZYGC_DECODER

// ---------------------------------------------------------------------------
// [SECTION] Encoding
// ---------------------------------------------------------------------------
namespace {

template <class T>
json or_null(const std::optional<T>& v) {
    return v ? json(*v) : json();
}

// A number as typed (validated before sending); 0 when it is not one.
int64_t typed(const std::string& text) {
    size_t b = text.find_first_not_of(' '), e = text.find_last_not_of(' ');
    if (b == std::string::npos) return 0;
    int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data() + b, text.data() + e + 1, v);
    return ec == std::errc() && p == text.data() + e + 1 ? v : 0;
}

}  // namespace

json encode(const LedgerRef& v) { return {{"kind", v.kind}, {"id", v.id}}; }

json encode(const PointsEntry& v) {
    return {{"id", v.id},
            {"at", v.at},
            {"points", v.points},
            {"account", v.account},
            {"counter_account", v.counter_account},
            {"counter_name", v.counter_name},
            {"reason", v.reason},
            {"detail", v.detail},
            {"ref", encode(v.ref)},
            {"rule_version", or_null(v.rule_version)}};
}

json encode(const PointsExpiring& v) { return {{"points", v.points}, {"on", v.on}}; }

json encode(const PointsHold& v) {
    return {{"id", v.id},           {"attendance_id", v.attendance_id}, {"points", v.points},
            {"reason", v.reason},   {"status", v.status},               {"created_at", v.created_at}};
}

json encode(const PointsRule& v) {
    return {{"version", v.version},
            {"minutes_per_point", v.minutes_per_point},
            {"expiry_months", v.expiry_months},
            {"code_life_minutes", v.code_life_minutes}};
}

json encode(const MyPoints& v) {
    return {{"balance", v.balance},         {"reserved", v.reserved},       {"earned_total", v.earned_total},
            {"expiring", encode(v.expiring)}, {"entries", encode(v.entries)}, {"next_cursor", or_null(v.next_cursor)},
            {"entry_count", v.entry_count},
            {"holds", encode(v.holds)},       {"rule", encode(v.rule)}};
}

json encode(const NamedRef& v) { return {{"id", v.id}, {"name", v.name}}; }

json encode(const Reward& v) {
    json j = {{"id", v.id},
              {"name", v.name},
              {"description", v.description},
              {"category", v.category},
              {"merchant", encode(v.merchant)},
              {"district_id", v.district_id},
              {"points", v.points},
              {"stock", v.stock},
              {"per_person_limit", v.per_person_limit}};
    if (v.my_redeemed) j["my_redeemed"] = *v.my_redeemed;
    return j;
}

json encode(const Redemption& v) {
    json j = {{"id", v.id},
              {"reward", encode(v.reward)},
              {"merchant", encode(v.merchant)},
              {"quantity", v.quantity},
              {"points", v.points},
              {"code", v.code},
              {"qr_payload", v.qr_payload},
              {"expires_at", v.expires_at},
              {"status", v.status},
              {"created_at", v.created_at},
              {"settled_at", or_null(v.settled_at)},
              {"expired_at", or_null(v.expired_at)}};
    if (!v.volunteer_name.empty()) j["volunteer_name"] = v.volunteer_name;
    return j;
}

json encode(const Fund& v) {
    return {{"id", v.id},
            {"name", v.name},
            {"description", v.description},
            {"brand_slug", v.brand_slug.empty() ? json() : json(v.brand_slug)},
            {"total_points", v.total_points},
            {"donation_count", v.donation_count},
            {"donor_count", v.donor_count}};
}

json encode(const Donation& v) {
    return {{"id", v.id}, {"fund", encode(v.fund)}, {"points", v.points}, {"at", v.at}, {"balance", v.balance}};
}

json encode(const Merchant& v) {
    return {{"id", v.id},     {"name", v.name}, {"district_id", v.district_id}, {"address", v.address},
            {"kind", v.kind}, {"owner_user_id", or_null(v.owner_user_id)}, {"reward_count", v.reward_count}};
}

json encode(const PointsTotals& v) {
    json j = {{"issued", v.issued}, {"redeemed", v.redeemed}, {"donated", v.donated}, {"expired", v.expired}};
    if (v.district_id) j["district_id"] = v.district_id;
    if (!v.name.empty()) j["name"] = v.name;
    if (!v.month.empty()) j["month"] = v.month;
    return j;
}

json encode(const PointsStats& v) {
    return {{"issued", v.issued},           {"reversed", v.reversed},
            {"redeemed", v.redeemed},       {"reserved", v.reserved},
            {"donated", v.donated},         {"expired", v.expired},
            {"outstanding", v.outstanding}, {"by_district", encode(v.by_district)},
            {"by_month", encode(v.by_month)}, {"by_district_month", encode(v.by_district_month)}};
}

json encode(const RedeemRequest& v) { return {{"reward_id", v.reward_id}, {"quantity", v.quantity}}; }
json encode(const VerifyRequest& v) { return {{"code", v.code}}; }
json encode(const DonationRequest& v) { return {{"fund_id", v.fund_id}, {"points", v.points}}; }

json encode(const MerchantDraft& v) {
    json j = {{"name", v.name}, {"district_id", v.district_id}, {"address", v.address}, {"kind", v.kind}};
    if (const int64_t owner = typed(v.owner_user_id); owner > 0) j["owner_user_id"] = owner;
    return j;
}

json encode(const RewardDraft& v) {
    return {{"merchant_id", v.merchant_id},
            {"name", v.name},
            {"description", v.description},
            {"category", v.category},
            {"points", typed(v.points)},
            {"stock", typed(v.stock)},
            {"per_person_limit", typed(v.per_person_limit)}};
}

}  // namespace zygc
