// Points (issue 12), the app's side. Index:
// [SECTION] Requests
// [SECTION] Rules shared with the screens
// [SECTION] Loads (the target table in store.cpp)
// [SECTION] 积分商城: filter, redeem
// [SECTION] 核销: keypad, scan, verify
// [SECTION] 再奉献: donate
// [SECTION] 积分管理: merchants, rewards
// [SECTION] The clock
#include "core/points.h"

#include <algorithm>

#include "core/calendar.h"
#include "core/feature.h"
#include "core/points_codec.h"
#include "core/requests.h"
#include "core/validate.h"

namespace zygc {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Requests
//-----------------------------------------------------------------------------

using requests::get;
using requests::post;

bool network_failure(const RemoteStatus& r) { return r.failed() && r.error().kind == ApiError::Network; }

// A volunteer's action: logged out → login (and back); not a volunteer → 实名注册.
bool signed_in_volunteer(State& s, Effects& out) {
    if (!s.logged_in()) {
        go_to_login(s, out);
        return false;
    }
    if (!s.has_role("volunteer")) {
        s.notice = {"volunteer_required"};
        go(s, Route{Route::Register, 0, {}}, out);
        return false;
    }
    return true;
}

// After points moved: the balance and the codes are stale; reloaded where shown.
void points_moved(State& s, Effects& out) {
    if (s.route.kind == Route::MyPoints || s.route.kind == Route::Reward || s.route.kind == Route::Funds)
        append(out, load(s, Target::MyPoints));
    else s.my_points.invalidate();
    if (s.route.kind == Route::MyRedemptions) append(out, load(s, Target::MyRedemptions));
    else s.my_redemptions.invalidate();
}

void answer_problem(State& s, const ApiError& e, const char* fallback, Effects& out) {
    if (e.kind == ApiError::Http && e.status == 401) go_to_login(s, out);
    else if (e.kind == ApiError::Network) s.notice = {"points_unsent"};
    else s.notice = problem_message(e, fallback);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Rules shared with the screens
//-----------------------------------------------------------------------------

std::optional<std::string> parse_pickup_qr(const std::string& text) {
    std::string code = text;
    if (auto q = text.find("code="); q != std::string::npos) code = text.substr(q + 5);
    else if (auto c = text.rfind(':'); c != std::string::npos) {
        if (text.rfind("zygc:pickup:", 0) != 0 && text.rfind("zygc:redemption:", 0) != 0) return std::nullopt;
        code = text.substr(c + 1);
    }
    if (auto amp = code.find('&'); amp != std::string::npos) code.resize(amp);
    if (code.empty() || code.size() > 16) return std::nullopt;
    for (char ch : code)
        if (ch < '0' || ch > '9') return std::nullopt;
    return code;
}

std::vector<FieldError> validate_donation(const std::string& points, int64_t balance) {
    std::vector<FieldError> errors;
    auto v = parse_int(points);
    if (!v || *v < 1 || (balance >= 0 && *v > balance))
        errors.push_back(field_error("points", "points_range", {{"max", std::to_string(balance < 0 ? 0 : balance)}}));
    return errors;
}

std::vector<FieldError> validate_merchant(const MerchantDraft& d) {
    std::vector<FieldError> errors;
    if (blank(d.name)) errors.push_back(field_error("name", "merchant_name_required"));
    if (d.district_id == 0) errors.push_back(field_error("district_id", "district_required"));
    if (!blank(d.owner_user_id)) {
        auto v = parse_int(d.owner_user_id);
        if (!v || *v < 1) errors.push_back(field_error("owner_user_id", "user_id_invalid"));
    }
    return errors;
}

std::vector<FieldError> validate_reward(const RewardDraft& d) {
    std::vector<FieldError> errors;
    if (d.merchant_id == 0) errors.push_back(field_error("merchant_id", "merchant_required"));
    if (blank(d.name)) errors.push_back(field_error("name", "reward_name_required"));
    if (d.category.empty()) errors.push_back(field_error("category", "category_required"));
    auto in = [&](const char* field, const std::string& text, int64_t min, int64_t max) {
        auto v = parse_int(text);
        if (!v || *v < min || *v > max)
            errors.push_back(field_error(field, "number_range", {{"min", std::to_string(min)}, {"max", std::to_string(max)}}));
    };
    in("points", d.points, 1, 100000);
    in("stock", d.stock, 0, 100000);
    in("per_person_limit", d.per_person_limit, 1, 100);
    return errors;
}

Message redeem_blocker(const State& s, const Reward& r, int64_t quantity) {
    if (r.stock < quantity || r.stock <= 0) return {"out_of_stock"};
    if (s.my_points.loaded()) {
        const int64_t need = r.points * quantity, have = s.my_points.data().balance;
        if (need > have)
            return {"insufficient_points", {{"needed", std::to_string(need)}, {"balance", std::to_string(have)}}, ""};
    }
    return {};
}

int64_t seconds_left(const Redemption& r, int64_t now_ms) {
    auto t = parse_rfc3339(r.expires_at);
    if (!t || now_ms <= 0) return 0;
    const int64_t left = *t - now_ms / 1000;
    return left > 0 ? left : 0;
}

const Fund* fund_of_brand(const State& s, const std::string& slug) {
    if (slug.empty()) return nullptr;
    for (const Fund& f : s.funds.data().items)
        if (f.brand_slug == slug) return &f;
    return nullptr;
}

namespace points {

//-----------------------------------------------------------------------------
// [SECTION] Loads (the target table in store.cpp)
//-----------------------------------------------------------------------------

std::string rewards_key(const State& s) { return std::to_string(s.rewards_district) + "|" + s.rewards_category; }

// 我的积分's ledger comes 50 entries at a time, newest first; asked again (after a redemption, a
// donation, on another screen), it keeps as many as were shown, up to the server's 200.
constexpr size_t kEntriesPage = 50, kEntriesMax = 200;

std::string my_points_path(size_t limit) { return "/me/points?limit=" + std::to_string(limit); }

std::optional<HttpRequest> request_my_points(State& s) {
    s.points_more.reset();  // an older page must not append to the new ledger
    return get(my_points_path(std::clamp(s.my_points.data().entries.size(), kEntriesPage, kEntriesMax)));
}

std::optional<HttpRequest> request_more_points(State& s) {
    if (s.route.kind != Route::MyPoints || !s.my_points.loaded() || !s.my_points.data().next_cursor ||
        s.points_more.loading())
        return std::nullopt;
    return get(my_points_path(kEntriesPage) + "&cursor=" + api::url_encode(*s.my_points.data().next_cursor));
}

void receive_more_points(State& s, const Received& a, Effects& out) {
    take_page(s, s.my_points, &MyPoints::entries, s.points_more, a, out);  // the balance and the rest: the newest
}

void update(State& s, const LoadMore&, Effects& out) { append(out, load(s, Target::MorePoints)); }

std::optional<HttpRequest> request_rewards(State& s) {
    if (s.route.kind != Route::Rewards) return std::nullopt;
    std::string path = "/rewards?limit=100";
    if (s.rewards_district) path += "&district_id=" + std::to_string(s.rewards_district);
    if (!s.rewards_category.empty()) path += "&category=" + api::url_encode(s.rewards_category);
    return get(std::move(path));
}

std::optional<HttpRequest> request_reward(State& s) {
    if (s.route.kind != Route::Reward || s.route.id == 0) return std::nullopt;
    return get("/rewards/" + std::to_string(s.route.id));
}

std::optional<HttpRequest> request_my_redemptions(State&) { return get("/me/redemptions?limit=100"); }
std::optional<HttpRequest> request_funds(State&) { return get("/funds?limit=100"); }
std::optional<HttpRequest> request_merchants(State&) { return get("/merchants?limit=100"); }
std::optional<HttpRequest> request_points_stats(State&) { return get("/stats/points"); }

void receive_my_redemptions(State& s, const Received& a, Effects&) { fill(s.my_redemptions, a); }

//-----------------------------------------------------------------------------
// [SECTION] 积分商城: filter, redeem
//-----------------------------------------------------------------------------

void update(State& s, const FilterRewards& a, Effects& out) {
    s.rewards_district = a.district_id;
    s.rewards_category = a.category;
    append(out, load(s, Target::Rewards));
}

void update(State& s, const OpenRedeem& a, Effects& out) {
    if (a.reward_id == 0) {
        s.redeem_confirm = 0;
        return;
    }
    if (!signed_in_volunteer(s, out)) return;
    const Reward& r = s.reward.data();
    if (r.id != a.reward_id) return;
    int64_t q = a.quantity < 1 ? 1 : a.quantity;
    if (r.per_person_limit > 0 && q > r.per_person_limit) q = r.per_person_limit;
    Message why = redeem_blocker(s, r, q);
    if (!why.empty()) {
        s.notice = why;
        return;
    }
    s.redeem_confirm = a.reward_id;
    s.redeem_quantity = q;
    ensure(s, Target::MyPoints, out);
}

void update(State& s, const Redeem&, Effects& out) {
    if (!signed_in_volunteer(s, out) || s.redeem.loading() || s.redeem_confirm == 0) return;
    // One key per tap; the same key again only to repeat a request the network lost.
    const bool retry = network_failure(s.redeem) && s.redeem_op.reward_id == s.redeem_confirm &&
                       s.redeem_op.quantity == s.redeem_quantity;
    if (!retry) s.redeem_op = {s.redeem_confirm, s.redeem_quantity, next_key(s)};
    nlohmann::json body = encode(RedeemRequest{s.redeem_op.reward_id, s.redeem_op.quantity});
    out.push_back(begin(s, s.redeem, Target::Redeem, post("/redemptions", body, s.redeem_op.key)));
}

void receive_redeem(State& s, const Received& a, Effects& out) {
    auto r = take(s.redeem, a);
    if (!r) return;
    if (r->ok()) {
        s.redeem_confirm = 0;
        s.redeem_op = {};
        s.notice = {"redeemed"};
    } else {
        answer_problem(s, r->error, "redeem_failed", out);
        if (r->error.kind == ApiError::Network) return;  // the same tap again sends the same key
        s.redeem_confirm = 0;
    }
    if (s.route.kind == Route::Reward) append(out, load(s, Target::Reward));
    s.rewards.invalidate();
    points_moved(s, out);
}

//-----------------------------------------------------------------------------
// [SECTION] 核销: keypad, scan, verify
//-----------------------------------------------------------------------------

bool owns_scan(const State& s) { return s.verify_scanning || s.route.kind == Route::MerchantVerify; }

void update(State& s, const KeypadPress& a, Effects&) {
    if (s.verify.loading()) return;
    if (a.key == "clear") s.verify_code.clear();
    else if (a.key == "del") {
        if (!s.verify_code.empty()) s.verify_code.pop_back();
    } else if (a.key.size() == 1 && a.key[0] >= '0' && a.key[0] <= '9' && s.verify_code.size() < 12) {
        s.verify_code += a.key;
    }
    s.verify_message = {};
    if (!s.verify.loading()) s.verify.reset();  // a new code: the last result goes
}

void update(State& s, const VerifyCode&, Effects& out) {
    if (!s.logged_in()) {
        go_to_login(s, out);
        return;
    }
    if (s.verify.loading()) return;
    if (s.verify_code.empty()) {
        s.verify_message = {"pickup_code_required"};
        return;
    }
    s.verify_message = {};
    out.push_back(begin(s, s.verify, Target::VerifyPickup,
                        post("/redemptions/verify", encode(VerifyRequest{s.verify_code}))));
}

void receive_verify(State& s, const Received& a, Effects& out) {
    auto r = take(s.verify, a);
    if (!r) return;
    if (r->ok()) {
        s.notice = {"pickup_settled"};
        s.verify_code.clear();
    } else {
        // Shown next to the keypad, where the clerk looks (not a passing toast).
        answer_problem(s, r->error, "verify_failed", out);
        s.verify_message = s.notice;
        s.notice = {};
        // The check-in code has its own code_expired; a pickup code's words are the merchant's.
        if (s.verify_message.code == "code_expired") s.verify_message.code = "pickup_code_expired";
    }
}

void update(State& s, const ScanPickup&, Effects& out) {
    if (!s.logged_in()) {
        go_to_login(s, out);
        return;
    }
    s.verify_message = {};
    if (s.verify_scanning) return;
    s.verify_scanning = true;
    out.push_back(StartScan{});
}

void update(State& s, const Scanned& a, Effects& out) {
    s.verify_scanning = false;
    out.push_back(StopScan{});
    auto code = parse_pickup_qr(a.text);
    if (!code) {
        s.verify_message = {"qr_not_pickup"};
        return;
    }
    s.verify_code = *code;
    s.verify.reset();
    update(s, VerifyCode{}, out);
}

void update(State& s, const ScanFailed& a, Effects&) {
    s.verify_scanning = false;
    if (a.reason == "cancelled") return;
    s.verify_message = {"pickup_scan_failed"};
}

//-----------------------------------------------------------------------------
// [SECTION] 再奉献: donate
//-----------------------------------------------------------------------------

void update(State& s, const EditDonation& a, Effects& out) {
    if (a.fund_id == 0) {
        s.donate_fund = 0;
        s.donate_points.clear();
        s.donate_confirm = false;
        s.donate_errors.clear();
        return;
    }
    if (!signed_in_volunteer(s, out)) return;
    if (s.donate_fund != a.fund_id) s.donate_errors.clear();
    s.donate_fund = a.fund_id;
    s.donate_points = a.points;
    s.donate_confirm = false;
    ensure(s, Target::MyPoints, out);
    if (!a.confirm) return;
    s.donate_errors = validate_donation(a.points, s.my_points.loaded() ? s.my_points.data().balance : -1);
    s.donate_confirm = s.donate_errors.empty();
}

void update(State& s, const Donate&, Effects& out) {
    if (!signed_in_volunteer(s, out) || s.donate.loading() || !s.donate_confirm) return;
    auto v = parse_int(s.donate_points);
    if (!v) return;
    const DonationRequest body{s.donate_fund, *v};
    const bool retry = network_failure(s.donate) && !s.donate_key.empty();
    if (!retry) s.donate_key = next_key(s);
    out.push_back(begin(s, s.donate, Target::Donate, post("/donations", encode(body), s.donate_key)));
}

void receive_donate(State& s, const Received& a, Effects& out) {
    auto r = take(s.donate, a);
    if (!r) return;
    if (r->ok()) {
        std::string fund;
        for (const Fund& f : s.funds.data().items)
            if (f.id == s.donate_fund) fund = f.name;
        s.notice = {"donated", {{"points", std::to_string(r->value->points)}, {"fund", r->value->fund.name.empty() ? fund : r->value->fund.name}}, ""};
        s.donate_fund = 0;
        s.donate_points.clear();
        s.donate_confirm = false;
        s.donate_key.clear();
    } else {
        answer_problem(s, r->error, "donate_failed", out);
        if (r->error.kind == ApiError::Network) return;
        s.donate_confirm = false;
        s.donate_key.clear();
    }
    append(out, load(s, Target::Funds));
    points_moved(s, out);
}

//-----------------------------------------------------------------------------
// [SECTION] 积分管理: merchants, rewards
//-----------------------------------------------------------------------------

void update(State& s, const EditMerchant& a, Effects&) { s.merchant_draft = a.draft; }

void update(State& s, const SubmitMerchant&, Effects& out) {
    if (!s.logged_in()) {
        go_to_login(s, out);
        return;
    }
    if (s.add_merchant.loading()) return;
    s.merchant_errors = validate_merchant(s.merchant_draft);
    if (!s.merchant_errors.empty()) return;
    out.push_back(begin(s, s.add_merchant, Target::AddMerchant, post("/merchants", encode(s.merchant_draft), next_key(s))));
}

void receive_add_merchant(State& s, const Received& a, Effects& out) {
    auto r = take(s.add_merchant, a);
    if (!r) return;
    if (r->ok()) {
        s.notice = {"merchant_added", {{"name", r->value->name}}, ""};
        s.merchant_draft = {};
        s.reward_draft.merchant_id = r->value->id;  // the next reward is most likely theirs
        append(out, load(s, Target::Merchants));
    } else {
        if (!r->error.problem.errors.empty())
            for (const FieldError& e : r->error.problem.errors) s.merchant_errors.push_back(e);
        answer_problem(s, r->error, "submit_failed", out);
    }
}

void update(State& s, const EditReward& a, Effects&) { s.reward_draft = a.draft; }

void update(State& s, const SubmitReward&, Effects& out) {
    if (!s.logged_in()) {
        go_to_login(s, out);
        return;
    }
    if (s.add_reward.loading()) return;
    s.reward_errors = validate_reward(s.reward_draft);
    if (!s.reward_errors.empty()) return;
    out.push_back(begin(s, s.add_reward, Target::AddReward, post("/rewards", encode(s.reward_draft), next_key(s))));
}

void receive_add_reward(State& s, const Received& a, Effects& out) {
    auto r = take(s.add_reward, a);
    if (!r) return;
    if (r->ok()) {
        s.notice = {"reward_added", {{"name", r->value->name}}, ""};
        const Id merchant = s.reward_draft.merchant_id;
        s.reward_draft = {};
        s.reward_draft.merchant_id = merchant;
        s.rewards.invalidate();
    } else {
        for (const FieldError& e : r->error.problem.errors) s.reward_errors.push_back(e);
        answer_problem(s, r->error, "submit_failed", out);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] The clock: 我的兑换码 shows time left and follows the merchant's 核销
//-----------------------------------------------------------------------------

void route_changed(State& s, Effects& out) {
    const bool want = s.route.kind == Route::MyRedemptions;
    if (want == s.points_ticking) return;
    s.points_ticking = want;
    out.push_back(WantTicks{want ? 10000 : 0, "points"});
}

void update(State& s, const Tick& a, Effects& out) {
    s.points_clock_ms = a.now_ms;
    if (s.route.kind != Route::MyRedemptions) {
        route_changed(s, out);
        return;
    }
    if (!s.logged_in() || s.my_redemptions.loading()) return;
    bool reserved = false;
    for (const Redemption& r : s.my_redemptions.data().items) reserved = reserved || r.status == "reserved";
    if (reserved) append(out, load(s, Target::MyRedemptions));
}

}  // namespace points
}  // namespace zygc
